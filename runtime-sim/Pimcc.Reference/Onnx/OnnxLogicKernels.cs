using Pimcc.Reference.Kernels;

namespace Pimcc.Reference.Onnx;

/// <summary>
/// ONNX comparisons, boolean logic, variadic Max/Min, CumSum and ScatterND (opsets 13–21): what
/// exporters' mask and position subgraphs use (<c>Greater</c>/<c>Less</c> for causal masks, <c>CumSum</c>
/// of the attention mask for OPT's positions, <c>Max</c> against the dtype minimum, <c>ScatterND</c>
/// writing the padding mask into the causal one).
/// </summary>
internal static class OnnxLogicKernels
{
    public static bool TryRun(string opType, OpContext ctx, out Tensor[] result)
    {
        result = opType switch
        {
            "Greater" => [ElementWise.Compare(ctx, ctx[0], ctx[1], (a, b) => a > b)],
            "Less" => [ElementWise.Compare(ctx, ctx[0], ctx[1], (a, b) => a < b)],
            "GreaterOrEqual" => [ElementWise.Compare(ctx, ctx[0], ctx[1], (a, b) => a >= b)],
            "LessOrEqual" => [ElementWise.Compare(ctx, ctx[0], ctx[1], (a, b) => a <= b)],
            "And" => [Logic(ctx, (a, b) => a && b)],
            "Or" => [Logic(ctx, (a, b) => a || b)],
            "Not" => [Tensor.Bool(ctx[0].Shape, [.. Bools(ctx, ctx[0]).Select(b => !b)])],
            "Max" => [Fold(ctx, MathF.Max, Math.Max)],
            "Min" => [Fold(ctx, MathF.Min, Math.Min)],
            "CumSum" => [CumSum(ctx)],
            "ScatterND" => [ScatterNd(ctx)],
            _ => null!,
        };
        return result is not null;
    }

    private static bool[] Bools(OpContext ctx, Tensor t) => t.Bools ?? throw ctx.Error($"operand must be a bool tensor, is {t}");

    private static Tensor Logic(OpContext ctx, Func<bool, bool, bool> f)
    {
        var (a, b) = (ctx[0], ctx[1]);
        var shape = ElementWise.BroadcastShape(ctx, a, b);
        var ia = Broadcasting.SourceIndices(a.Shape, shape);
        var ib = Broadcasting.SourceIndices(b.Shape, shape);
        var (ba, bb) = (Bools(ctx, a), Bools(ctx, b));
        var r = new bool[ia.Length];
        for (var i = 0; i < r.Length; i++) r[i] = f(ba[ia[i]], bb[ib[i]]);
        return Tensor.Bool(shape, r);
    }

    /// <summary>Max/Min of one or more broadcast operands, left to right. A NaN operand gives NaN (MathF.Max/Min propagate it, as ONNX Runtime does).</summary>
    private static Tensor Fold(OpContext ctx, Func<float, float, float> onFloat, Func<long, long, long> onInt)
    {
        var acc = ctx[0];
        for (var i = 1; i < ctx.Count; i++) acc = ElementWise.Binary(ctx, acc, ctx[i], onFloat, onInt);
        return acc;
    }

    /// <summary>CumSum(x, axis) with the <c>exclusive</c> and <c>reverse</c> attributes; sums in index order, in the element type.</summary>
    private static Tensor CumSum(OpContext ctx)
    {
        var x = ctx[0];
        var axis = ctx.Axis(ctx[1].GetLong(0), x.Rank);
        bool exclusive = ctx.IntOr("exclusive", 0) != 0, reverse = ctx.IntOr("reverse", 0) != 0;
        var n = x.Shape[axis];
        var inner = Tensor.Count(x.Shape[(axis + 1)..]);
        var outer = Tensor.Count(x.Shape[..axis]);
        var fi = x.Floats;
        var li = x.Ints ?? (fi is null ? throw ctx.Error($"CumSum needs a numeric tensor, is {x}") : null);
        var rf = fi is null ? null : new float[fi.Length];
        var rl = li is null ? null : new long[li.Length];
        for (long o = 0; o < outer; o++)
            for (long k = 0; k < inner; k++)
            {
                float sf = 0;
                long sl = 0;
                for (long step = 0; step < n; step++)
                {
                    var j = reverse ? n - 1 - step : step;
                    var at = (o * n + j) * inner + k;
                    if (exclusive) { if (rf is not null) rf[at] = sf; else rl![at] = sl; }
                    if (rf is not null) sf += fi![at]; else sl += li![at];
                    if (!exclusive) { if (rf is not null) rf[at] = sf; else rl![at] = sl; }
                }
            }
        return rf is not null ? Tensor.Float(x.Element, x.Shape, rf) : Tensor.Int(x.Element, x.Shape, rl!);
    }

    /// <summary>ScatterND(data, indices[..., k], updates): a copy of data with the slices data[i₀..i_k-1, ...]
    /// replaced (reduction "none") or combined ("add", "mul", "max", "min"), in index order.</summary>
    private static Tensor ScatterNd(OpContext ctx)
    {
        var (data, indices, updates) = (ctx[0], ctx[1], ctx[2]);
        var reduction = ctx.StrOr("reduction", "none");
        var k = (int)indices.Shape[^1];
        if (k > data.Rank) throw ctx.Error($"ScatterND indices address {k} axes of a rank-{data.Rank} tensor");
        var slice = Tensor.Count(data.Shape[k..]);
        var count = Tensor.Count(indices.Shape[..^1]);
        if (updates.Length != count * slice) throw ctx.Error($"ScatterND updates {updates.ShapeText} do not match indices {indices.ShapeText} and data {data.ShapeText}");
        var strides = Tensor.Strides(data.Shape);
        var idx = indices.ToLongs();
        var rf = data.Floats is { } df ? (float[])df.Clone() : null;
        var rl = data.Ints is { } dl ? (long[])dl.Clone() : null;
        var rb = data.Bools is { } db ? (bool[])db.Clone() : null;
        for (long n = 0; n < count; n++)
        {
            long offset = 0;
            for (var a = 0; a < k; a++)
            {
                var i = idx[n * k + a];
                if (i < 0) i += data.Shape[a];
                if (i < 0 || i >= data.Shape[a]) throw ctx.Error($"ScatterND index {idx[n * k + a]} is out of range for axis {a} of {data.ShapeText}");
                offset += i * strides[a];
            }
            for (long e = 0; e < slice; e++)
            {
                var (at, from) = (offset + e, n * slice + e);
                if (rb is not null) { rb[at] = updates.Bools![from]; continue; }
                if (rl is not null && reduction == "none") { rl[at] = updates.GetLong(from); continue; }
                var u = updates.GetDouble(from);
                var old = rf is not null ? rf[at] : rl![at];
                var v = reduction switch
                {
                    "none" => u,
                    "add" => old + u,
                    "mul" => old * u,
                    "max" => Math.Max(old, u),
                    "min" => Math.Min(old, u),
                    _ => throw ctx.Error($"ScatterND reduction '{reduction}' is not one of none, add, mul, max, min"),
                };
                if (rf is not null) rf[at] = (float)v; else rl![at] = (long)v;
            }
        }
        return rf is not null ? Tensor.Float(data.Element, data.Shape, rf) : rl is not null ? Tensor.Int(data.Element, data.Shape, rl) : Tensor.Bool(data.Shape, rb!);
    }
}
