namespace Pimcc.Reference.Onnx;

/// <summary>
/// ReduceSum / ReduceMean / ReduceMax. Axes come from operand 1 (ReduceSum since opset 13, all of
/// them since 18) or the <c>axes</c> attribute (earlier opsets); no axes reduces everything unless
/// <c>noop_with_empty_axes</c> = 1. <c>keepdims</c> defaults to 1. Floats accumulate in float32.
/// </summary>
public static class OnnxReductions
{
    public enum Kind { Sum, Mean, Max }

    public static Tensor Reduce(OpContext ctx, Kind kind)
    {
        var x = ctx[0];
        long[] axes = ctx.Optional(1) is { } a ? a.ToLongs() : ctx.IntsOrNull("axes")?.ToArray() ?? [];
        if (axes.Length == 0 && ctx.IntOr("noop_with_empty_axes", 0) != 0) return x;
        var keep = ctx.IntOr("keepdims", 1) != 0;
        var reduced = new bool[x.Rank];
        if (axes.Length == 0) Array.Fill(reduced, true);
        foreach (var ax in axes) reduced[ctx.Axis(ax, x.Rank)] = true;

        var outShapeKeep = x.Shape.Select((d, i) => reduced[i] ? 1 : d).ToArray();
        var outShape = keep ? outShapeKeep : x.Shape.Where((_, i) => !reduced[i]).ToArray();
        var outStrides = Tensor.Strides(outShapeKeep);
        // Output slot of each input element: drop the reduced coordinates.
        var n = x.Length;
        var outCount = Tensor.Count(outShapeKeep);
        var counts = new long[outCount];
        var slot = new long[n];
        var idx = new long[x.Rank];
        for (long i = 0; i < n; i++)
        {
            long o = 0;
            for (var d = 0; d < x.Rank; d++) if (!reduced[d]) o += idx[d] * outStrides[d];
            slot[i] = o;
            counts[o]++;
            for (var d = x.Rank - 1; d >= 0; d--)
            {
                if (++idx[d] < x.Shape[d]) break;
                idx[d] = 0;
            }
        }
        var groupSize = outCount == 0 ? 0 : Tensor.Count(x.Shape) / Math.Max(outCount, 1);
        if (x.Floats is { } f)
        {
            var acc = new float[outCount];
            if (kind == Kind.Max) Array.Fill(acc, float.NegativeInfinity);
            for (long i = 0; i < n; i++)
                acc[slot[i]] = kind == Kind.Max ? MaxNan(acc[slot[i]], f[i]) : acc[slot[i]] + f[i];
            if (kind == Kind.Mean) for (var o = 0; o < outCount; o++) acc[o] /= groupSize;
            return Tensor.Float(x.Element, outShape, acc);
        }
        if (x.Ints is { } l)
        {
            var acc = new long[outCount];
            if (kind == Kind.Max) Array.Fill(acc, long.MinValue);
            for (long i = 0; i < n; i++) acc[slot[i]] = kind == Kind.Max ? Math.Max(acc[slot[i]], l[i]) : acc[slot[i]] + l[i];
            if (kind == Kind.Mean) for (var o = 0; o < outCount; o++) acc[o] = groupSize == 0 ? 0 : acc[o] / groupSize;
            return Tensor.Int(x.Element, outShape, acc);
        }
        throw ctx.Error($"cannot reduce {x}");
    }

    /// <summary>max that propagates NaN, as NumPy's maximum does.</summary>
    private static float MaxNan(float a, float b) => float.IsNaN(a) || float.IsNaN(b) ? float.NaN : Math.Max(a, b);
}
