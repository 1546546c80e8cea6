namespace Pimcc.Reference.Kernels;

/// <summary>
/// NumPy-style multidirectional broadcasting (ONNX "Broadcasting in ONNX"): shapes are aligned on
/// the right, and a dimension of 1 stretches to match the other.
/// </summary>
public static class Broadcasting
{
    /// <summary>The broadcast shape, or null when the shapes are incompatible.</summary>
    public static long[]? Shape(params long[][] shapes)
    {
        var rank = shapes.Max(s => s.Length);
        var result = new long[rank];
        for (var i = 0; i < rank; i++)
        {
            long d = 1;
            foreach (var s in shapes)
            {
                var k = i - (rank - s.Length);
                var di = k < 0 ? 1 : s[k];
                if (di == d || di == 1) continue;
                if (d != 1) return null;
                d = di;
            }
            result[i] = d;
        }
        return result;
    }

    /// <summary>
    /// For each output element (row-major over <paramref name="outShape"/>), the flat index of the
    /// element of an input of shape <paramref name="inShape"/> that broadcasts to it.
    /// </summary>
    public static long[] SourceIndices(long[] inShape, long[] outShape)
    {
        var rank = outShape.Length;
        var inStrides = Tensor.Strides(inShape);
        var strides = new long[rank];
        for (var i = 0; i < rank; i++)
        {
            var k = i - (rank - inShape.Length);
            strides[i] = k < 0 || inShape[k] == 1 ? 0 : inStrides[k];
        }
        var n = Tensor.Count(outShape);
        var map = new long[n];
        var idx = new long[rank];
        long src = 0;
        for (long o = 0; o < n; o++)
        {
            map[o] = src;
            // Increment the multi-index odometer-style, keeping the source offset in step.
            for (var d = rank - 1; d >= 0; d--)
            {
                idx[d]++;
                src += strides[d];
                if (idx[d] < outShape[d]) break;
                src -= strides[d] * idx[d];
                idx[d] = 0;
            }
        }
        return map;
    }
}
