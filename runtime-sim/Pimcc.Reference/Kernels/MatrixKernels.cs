namespace Pimcc.Reference.Kernels;

/// <summary>Matrix products, accumulated in float32 in index order (k = 0, 1, ...).</summary>
public static class MatrixKernels
{
    /// <summary>y[s, n] = Σ_k x[s, k]·w[n, k] + b[n]: <c>linear</c> with weights in [out, in] layout.</summary>
    public static Tensor Linear(OpContext ctx, Tensor x, Tensor w, Tensor? b)
    {
        if (x.Rank != 2 || w.Rank != 2 || x.Shape[1] != w.Shape[1])
            throw ctx.Error($"linear needs x[S,K] and w[N,K]; got {x.ShapeText} and {w.ShapeText}");
        if (b is not null && (b.Rank != 1 || b.Shape[0] != w.Shape[0])) throw ctx.Error($"bias {b.ShapeText} does not match {w.Shape[0]} outputs");
        long s = x.Shape[0], k = x.Shape[1], n = w.Shape[0];
        var xf = Floats(ctx, x);
        // An integer weight (INT8 crossbar weights) multiplies by its integer values; the dequantising scale is a later op.
        var wf = w.Ints is { } wi ? [.. wi.Select(v => (float)v)] : Floats(ctx, w);
        var bf = b is null ? null : Floats(ctx, b);
        var y = new float[s * n];
        for (long i = 0; i < s; i++)
            for (long j = 0; j < n; j++)
            {
                var acc = 0f;
                for (long t = 0; t < k; t++) acc += xf[i * k + t] * wf[j * k + t];
                y[i * n + j] = bf is null ? acc : acc + bf[j];
            }
        return Tensor.Float(x.Element, [s, n], y);
    }

    /// <summary>NumPy matmul: batch dimensions broadcast; a 1-D operand is a row (left) or column (right) vector.</summary>
    public static Tensor MatMul(OpContext ctx, Tensor a, Tensor b)
    {
        if (a.Rank == 0 || b.Rank == 0) throw ctx.Error("matmul operands must have rank >= 1");
        var aShape = a.Rank == 1 ? [1, a.Shape[0]] : a.Shape;
        var bShape = b.Rank == 1 ? [b.Shape[0], 1] : b.Shape;
        long m = aShape[^2], k = aShape[^1], n = bShape[^1];
        if (bShape[^2] != k) throw ctx.Error($"cannot multiply {a.ShapeText} by {b.ShapeText}: inner dimensions differ");
        var batch = Broadcasting.Shape(aShape[..^2], bShape[..^2])
            ?? throw ctx.Error($"batch dimensions of {a.ShapeText} and {b.ShapeText} do not broadcast");
        var aBatch = Broadcasting.SourceIndices(aShape[..^2], batch);
        var bBatch = Broadcasting.SourceIndices(bShape[..^2], batch);
        if (a.Floats is { } af && b.Floats is { } bf)
        {
            var y = new float[aBatch.Length * m * n];
            for (long p = 0; p < aBatch.Length; p++)
            {
                long ao = aBatch[p] * m * k, bo = bBatch[p] * k * n, yo = p * m * n;
                for (long i = 0; i < m; i++)
                    for (long j = 0; j < n; j++)
                    {
                        var acc = 0f;
                        for (long t = 0; t < k; t++) acc += af[ao + i * k + t] * bf[bo + t * n + j];
                        y[yo + i * n + j] = acc;
                    }
            }
            return Tensor.Float(a.Element == b.Element ? a.Element : Pimcc.Ir.ElementType.F32, OutShape(a, b, batch, m, n), y);
        }
        if (a.Ints is { } ai && b.Ints is { } bi)
        {
            var y = new long[aBatch.Length * m * n];
            for (long p = 0; p < aBatch.Length; p++)
            {
                long ao = aBatch[p] * m * k, bo = bBatch[p] * k * n, yo = p * m * n;
                for (long i = 0; i < m; i++)
                    for (long j = 0; j < n; j++)
                    {
                        long acc = 0;
                        for (long t = 0; t < k; t++) acc += ai[ao + i * k + t] * bi[bo + t * n + j];
                        y[yo + i * n + j] = acc;
                    }
            }
            return Tensor.Int(a.Element, OutShape(a, b, batch, m, n), y);
        }
        throw ctx.Error($"matmul of {a} and {b}: operands must both be float or both integer");
    }

    private static long[] OutShape(Tensor a, Tensor b, long[] batch, long m, long n)
    {
        var shape = new List<long>(batch);
        if (a.Rank > 1) shape.Add(m);
        if (b.Rank > 1) shape.Add(n);
        return [.. shape];
    }

    internal static float[] Floats(OpContext ctx, Tensor t) =>
        t.Floats ?? throw ctx.Error($"operand {t} must be a float tensor");
}
