namespace Pimcc.Compiler.Quantization;

/// <summary>
/// Symmetric INT8 quantisation with one scale per output channel (row of a weight in [out, in] layout):
/// <c>scale = max |w_row| / 127</c>, <c>q = round(w / scale)</c> (half away from zero) in [-127, 127], so
/// <c>w ≈ q · scale</c>. A zero row gets scale 0 and zeros. Shared by the targets that store INT8 weights.
/// </summary>
public static class Int8PerChannel
{
    public const int Max = 127;

    public static (sbyte[] Values, double[] Scales) Quantize(IReadOnlyList<float> weights, int rows, int columns)
    {
        if (weights.Count != (long)rows * columns) throw new ArgumentException($"{weights.Count} values are not {rows} x {columns}");
        var q = new sbyte[weights.Count];
        var scales = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var max = 0.0;
            for (var c = 0; c < columns; c++) max = Math.Max(max, Math.Abs((double)weights[r * columns + c]));
            if (max == 0) continue;
            var scale = scales[r] = max / Max;
            for (var c = 0; c < columns; c++)
                q[r * columns + c] = (sbyte)Math.Clamp(Math.Round(weights[r * columns + c] / scale, MidpointRounding.AwayFromZero), -Max, Max);
        }
        return (q, scales);
    }
}
