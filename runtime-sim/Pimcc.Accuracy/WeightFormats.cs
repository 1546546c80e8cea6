using Pimcc.Compiler.Quantization;

namespace Pimcc.Accuracy;

/// <summary>Rounds a weight [rows, columns] to a <see cref="WeightFormat"/> with the compiler's own quantisers, and back to values.</summary>
public static class WeightFormats
{
    public static float[] Round(WeightFormat format, float[] values, int rows, int columns)
    {
        switch (format)
        {
            case WeightFormat.Float:
                return (float[])values.Clone();
            case WeightFormat.Int8PerChannel:
            {
                var (q, scales) = Int8PerChannel.Quantize(values, rows, columns);
                var r = new float[values.Length];
                for (var i = 0; i < r.Length; i++) r[i] = (float)(q[i] * scales[i / columns]);
                return r;
            }
            case WeightFormat.Binary or WeightFormat.Ternary:
            {
                var m = format == WeightFormat.Binary ? OneBitQuantization.Binary(values) : OneBitQuantization.Ternary(values);
                var r = new float[values.Length];
                for (var i = 0; i < r.Length; i++) r[i] = (float)(m.Codes[i] * m.Scale);
                return r;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }
}
