namespace Pimcc.Reference.Kernels;

/// <summary>Data movement by index maps: every layout op (transpose, slice, gather, expand, concat)
/// reduces to "output element i is source element map[i]", whatever the element type.</summary>
public static class Indexing
{
    public static Tensor Take(Tensor src, long[] shape, long[] map)
    {
        if (src.Floats is { } f)
        {
            var r = new float[map.Length];
            for (var i = 0; i < r.Length; i++) r[i] = f[map[i]];
            return Tensor.Float(src.Element, shape, r);
        }
        if (src.Ints is { } l)
        {
            var r = new long[map.Length];
            for (var i = 0; i < r.Length; i++) r[i] = l[map[i]];
            return Tensor.Int(src.Element, shape, r);
        }
        var b = src.Bools!;
        var rb = new bool[map.Length];
        for (var i = 0; i < rb.Length; i++) rb[i] = b[map[i]];
        return Tensor.Bool(shape, rb);
    }

    /// <summary>Source flat index for each output element of a permutation of axes.</summary>
    public static Tensor Transpose(Tensor x, int[] perm)
    {
        var outShape = perm.Select(p => x.Shape[p]).ToArray();
        var inStrides = Tensor.Strides(x.Shape);
        var strides = perm.Select(p => inStrides[p]).ToArray();
        return Take(x, outShape, StridedMap(outShape, strides, 0));
    }

    /// <summary>Flat source indices visiting <paramref name="shape"/> row-major with the given source strides from <paramref name="offset"/>.</summary>
    public static long[] StridedMap(long[] shape, long[] strides, long offset)
    {
        var n = Tensor.Count(shape);
        var map = new long[n];
        var idx = new long[shape.Length];
        var src = offset;
        for (long o = 0; o < n; o++)
        {
            map[o] = src;
            for (var d = shape.Length - 1; d >= 0; d--)
            {
                idx[d]++;
                src += strides[d];
                if (idx[d] < shape[d]) break;
                src -= strides[d] * idx[d];
                idx[d] = 0;
            }
        }
        return map;
    }

    /// <summary>Concatenates along an axis (shapes must agree elsewhere).</summary>
    public static Tensor Concat(OpContext ctx, IReadOnlyList<Tensor> parts, int axis)
    {
        var first = parts[0];
        foreach (var p in parts)
        {
            if (p.Rank != first.Rank || Enumerable.Range(0, p.Rank).Any(d => d != axis && p.Shape[d] != first.Shape[d]))
                throw ctx.Error($"cannot concatenate {string.Join(", ", parts.Select(t => t.ShapeText))} along axis {axis}");
            if (p.Element != first.Element) throw ctx.Error($"cannot concatenate {first} and {p}: element types differ");
        }
        var shape = (long[])first.Shape.Clone();
        shape[axis] = parts.Sum(p => p.Shape[axis]);
        long outer = 1, inner = 1;
        for (var d = 0; d < axis; d++) outer *= shape[d];
        for (var d = axis + 1; d < shape.Length; d++) inner *= shape[d];
        // Build the result as a gather from the parts laid end to end.
        var bases = new long[parts.Count];
        for (var i = 1; i < parts.Count; i++) bases[i] = bases[i - 1] + parts[i - 1].Length;
        var all = Stack(parts);
        var map = new long[Tensor.Count(shape)];
        long o = 0;
        for (long a = 0; a < outer; a++)
            for (var i = 0; i < parts.Count; i++)
            {
                var block = parts[i].Shape[axis] * inner;
                for (long k = 0; k < block; k++) map[o++] = bases[i] + a * block + k;
            }
        return Take(all, shape, map);
    }

    /// <summary>Flat concatenation of the parts' data (same element type), as a 1-D tensor.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> parts)
    {
        var n = parts.Sum(p => p.Length);
        var e = parts[0].Element;
        if (parts[0].Floats is not null) return Tensor.Float(e, [n], [.. parts.SelectMany(p => p.Floats!)]);
        if (parts[0].Ints is not null) return Tensor.Int(e, [n], [.. parts.SelectMany(p => p.Ints!)]);
        return Tensor.Bool([n], [.. parts.SelectMany(p => p.Bools!)]);
    }
}
