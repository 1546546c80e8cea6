using Pimcc.Ir;
using Pimcc.Reference.Kernels;

namespace Pimcc.Reference.Onnx;

/// <summary>ONNX layout, shape and constant operators: they move or create data, no arithmetic.</summary>
public static class OnnxShapeKernels
{
    public static bool TryRun(string opType, OpContext ctx, out Tensor[] result)
    {
        result = opType switch
        {
            "Reshape" => [Reshape(ctx)],
            "Transpose" => [Transpose(ctx)],
            "Squeeze" => [Squeeze(ctx)],
            "Unsqueeze" => [Unsqueeze(ctx)],
            "Concat" => [Indexing.Concat(ctx, ctx.Args, ctx.Axis(ctx.Int("axis"), ctx[0].Rank))],
            "Split" => Split(ctx),
            "Slice" => [Slice(ctx)],
            "Gather" => [Gather(ctx)],
            "GatherElements" => [GatherElements(ctx)],
            "Tile" => [Tile(ctx)],
            "Shape" => [Shape(ctx)],
            "ConstantOfShape" => [ConstantOfShape(ctx)],
            "Constant" => [Constant(ctx)],
            "Where" => [Where(ctx)],
            "Expand" => [Expand(ctx)],
            "Range" => [Range(ctx)],
            "Trilu" => [Trilu(ctx)],
            _ => [],
        };
        return result.Length > 0;
    }

    /// <summary>Reshape: 0 copies the input dimension (unless allowzero = 1), −1 is inferred.</summary>
    private static Tensor Reshape(OpContext ctx)
    {
        var x = ctx[0];
        var shape = ctx[1].ToLongs();
        var allowZero = ctx.IntOr("allowzero", 0) != 0;
        var infer = -1;
        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] == 0 && !allowZero)
            {
                if (i >= x.Rank) throw ctx.Error($"shape [{string.Join(",", shape)}] copies dimension {i}, the input has rank {x.Rank}");
                shape[i] = x.Shape[i];
            }
            else if (shape[i] == -1)
            {
                if (infer >= 0) throw ctx.Error("shape has more than one -1");
                infer = i;
            }
            else if (shape[i] < 0) throw ctx.Error($"shape [{string.Join(",", shape)}] has a negative dimension");
        }
        if (infer >= 0)
        {
            var known = shape.Where((_, i) => i != infer).Aggregate(1L, (a, b) => a * b);
            if (known == 0 || x.Length % known != 0) throw ctx.Error($"cannot infer -1 reshaping {x.ShapeText} to [{string.Join(",", ctx[1].ToLongs())}]");
            shape[infer] = x.Length / known;
        }
        if (Tensor.Count(shape) != x.Length) throw ctx.Error($"cannot reshape {x.ShapeText} to [{string.Join(",", shape)}]");
        return x.Reshaped(shape);
    }

    private static Tensor Transpose(OpContext ctx)
    {
        var x = ctx[0];
        var perm = ctx.IntsOrNull("perm") ?? [.. Enumerable.Range(0, x.Rank).Reverse().Select(i => (long)i)];
        return Indexing.Transpose(x, IrKernels.Permutation(ctx, perm, x.Rank));
    }

    /// <summary>Axes from operand 1 (opset 13+) or the <c>axes</c> attribute (earlier), or null.</summary>
    private static long[]? Axes(OpContext ctx) => ctx.Optional(1) is { } a ? a.ToLongs() : ctx.IntsOrNull("axes")?.ToArray();

    private static Tensor Squeeze(OpContext ctx)
    {
        var x = ctx[0];
        var drop = new bool[x.Rank];
        if (Axes(ctx) is { } axes)
            foreach (var a in axes)
            {
                var d = ctx.Axis(a, x.Rank);
                if (x.Shape[d] != 1) throw ctx.Error($"cannot squeeze axis {a} of {x.ShapeText}: its size is not 1");
                drop[d] = true;
            }
        else for (var d = 0; d < x.Rank; d++) drop[d] = x.Shape[d] == 1;
        return x.Reshaped([.. x.Shape.Where((_, d) => !drop[d])]);
    }

    private static Tensor Unsqueeze(OpContext ctx)
    {
        var x = ctx[0];
        var axes = Axes(ctx) ?? throw ctx.Error("Unsqueeze needs axes");
        var rank = x.Rank + axes.Length;
        var inserted = new bool[rank];
        foreach (var a in axes)
        {
            var d = ctx.Axis(a, rank);
            if (inserted[d]) throw ctx.Error($"axis {a} is repeated");
            inserted[d] = true;
        }
        var shape = new long[rank];
        for (int d = 0, k = 0; d < rank; d++) shape[d] = inserted[d] ? 1 : x.Shape[k++];
        return x.Reshaped(shape);
    }

    /// <summary>Split along <c>axis</c> into the declared number of outputs: by the <c>split</c>
    /// operand, else into chunks of ⌈n/outputs⌉ (the last one smaller, as opset 18 allows).</summary>
    private static Tensor[] Split(OpContext ctx)
    {
        var x = ctx[0];
        var axis = ctx.Axis(ctx.IntOr("axis", 0), x.Rank);
        var outputs = ctx.ResultCount;
        var dim = x.Shape[axis];
        long[] sizes;
        if (ctx.Optional(1) is { } s) sizes = s.ToLongs();
        else
        {
            var chunk = (dim + outputs - 1) / outputs;
            sizes = [.. Enumerable.Range(0, outputs).Select(i => Math.Clamp(dim - i * chunk, 0, chunk))];
        }
        if (sizes.Length != outputs || sizes.Any(v => v < 0) || sizes.Sum() != dim)
            throw ctx.Error($"split sizes [{string.Join(",", sizes)}] do not cover axis {axis} of {x.ShapeText} with {outputs} outputs");
        var result = new Tensor[outputs];
        long start = 0;
        for (var i = 0; i < outputs; i++)
        {
            result[i] = SliceAxis(x, axis, start, sizes[i]);
            start += sizes[i];
        }
        return result;
    }

    private static Tensor SliceAxis(Tensor x, int axis, long start, long length)
    {
        var shape = (long[])x.Shape.Clone();
        shape[axis] = length;
        var strides = Tensor.Strides(x.Shape);
        return Indexing.Take(x, shape, Indexing.StridedMap(shape, strides, start * strides[axis]));
    }

    /// <summary>Slice (opset 13): per axis, start/end clamped as ONNX specifies for the step's sign.</summary>
    private static Tensor Slice(OpContext ctx)
    {
        var x = ctx[0];
        var starts = ctx[1].ToLongs();
        var ends = ctx[2].ToLongs();
        var axes = ctx.Optional(3) is { } a ? a.ToLongs() : [.. Enumerable.Range(0, starts.Length).Select(i => (long)i)];
        var steps = ctx.Optional(4) is { } st ? st.ToLongs() : [.. starts.Select(_ => 1L)];
        if (ends.Length != starts.Length || axes.Length != starts.Length || steps.Length != starts.Length)
            throw ctx.Error("starts, ends, axes and steps must have the same length");
        var inStrides = Tensor.Strides(x.Shape);
        var shape = (long[])x.Shape.Clone();
        var strides = (long[])inStrides.Clone();
        long offset = 0;
        var seen = new bool[x.Rank];
        for (var i = 0; i < starts.Length; i++)
        {
            var d = ctx.Axis(axes[i], x.Rank);
            if (seen[d]) throw ctx.Error($"axis {axes[i]} is repeated");
            seen[d] = true;
            var step = steps[i];
            if (step == 0) throw ctx.Error("slice step must not be 0");
            var n = x.Shape[d];
            long s = starts[i] < 0 ? starts[i] + n : starts[i], e = ends[i] < 0 ? ends[i] + n : ends[i];
            if (step > 0)
            {
                s = Math.Clamp(s, 0, n);
                e = Math.Clamp(e, 0, n);
            }
            else
            {
                s = Math.Clamp(s, 0, n - 1);
                e = Math.Clamp(e, -1, n - 1);
            }
            var count = step > 0 ? Math.Max(0, (e - s + step - 1) / step) : Math.Max(0, (s - e + (-step) - 1) / -step);
            shape[d] = count;
            strides[d] = inStrides[d] * step;
            if (count > 0) offset += s * inStrides[d];
        }
        return Indexing.Take(x, shape, Indexing.StridedMap(shape, strides, offset));
    }

    /// <summary>Gather along <c>axis</c>: out = data[..., indices[...], ...]; negative indices count from the end.</summary>
    private static Tensor Gather(OpContext ctx)
    {
        Tensor data = ctx[0], indices = ctx[1];
        var axis = ctx.Axis(ctx.IntOr("axis", 0), data.Rank);
        if (indices.Ints is null) throw ctx.Error($"indices must be integers, are {indices}");
        long outer = 1, inner = 1, n = data.Shape[axis];
        for (var d = 0; d < axis; d++) outer *= data.Shape[d];
        for (var d = axis + 1; d < data.Rank; d++) inner *= data.Shape[d];
        var shape = data.Shape[..axis].Concat(indices.Shape).Concat(data.Shape[(axis + 1)..]).ToArray();
        var map = new long[Tensor.Count(shape)];
        long o = 0;
        for (long a = 0; a < outer; a++)
            foreach (var raw in indices.Ints)
            {
                var idx = raw < 0 ? raw + n : raw;
                if (idx < 0 || idx >= n) throw ctx.Error($"index {raw} is out of range for axis {axis} of size {n}");
                for (long b = 0; b < inner; b++) map[o++] = (a * n + idx) * inner + b;
            }
        return Indexing.Take(data, shape, map);
    }

    /// <summary>GatherElements: out[i..] = data[i..] with the axis coordinate replaced by indices[i..] (indices and
    /// data of one rank, indices no larger than data on any other axis; negative indices count from the end).</summary>
    private static Tensor GatherElements(OpContext ctx)
    {
        Tensor data = ctx[0], indices = ctx[1];
        if (indices.Ints is null) throw ctx.Error($"indices must be integers, are {indices}");
        if (indices.Rank != data.Rank) throw ctx.Error($"indices {indices.ShapeText} and data {data.ShapeText} differ in rank");
        var axis = ctx.Axis(ctx.IntOr("axis", 0), data.Rank);
        for (var d = 0; d < data.Rank; d++)
            if (d != axis && indices.Shape[d] > data.Shape[d]) throw ctx.Error($"indices {indices.ShapeText} exceed data {data.ShapeText} on axis {d}");
        var n = data.Shape[axis];
        // every other axis as the index's own coordinate, the axis from the index itself
        var strides = Tensor.Strides(data.Shape);
        var map = Indexing.StridedMap(indices.Shape, [.. strides.Select((st, d) => d == axis ? 0 : st)], 0);
        for (long i = 0; i < map.Length; i++)
        {
            var raw = indices.Ints[i];
            var idx = raw < 0 ? raw + n : raw;
            if (idx < 0 || idx >= n) throw ctx.Error($"index {raw} is out of range for axis {axis} of size {n}");
            map[i] += idx * strides[axis];
        }
        return Indexing.Take(data, indices.Shape, map);
    }

    /// <summary>Tile: the input repeated repeats[d] times along each axis d (repeats: one non-negative count per axis).</summary>
    private static Tensor Tile(OpContext ctx)
    {
        var x = ctx[0];
        var repeats = ctx[1].ToLongs();
        if (repeats.Length != x.Rank) throw ctx.Error($"repeats [{string.Join(",", repeats)}] do not give one count per axis of {x.ShapeText}");
        if (repeats.Any(r => r < 0)) throw ctx.Error($"repeats [{string.Join(",", repeats)}] has a negative count");
        if (x.Shape.Select((d, i) => (double)d * repeats[i]).Aggregate(1.0, (a, b) => a * b) > Array.MaxLength)
            throw ctx.Error($"tiling {x.ShapeText} by [{string.Join(",", repeats)}] makes more elements than a tensor holds");
        // output index k * d_i + j along axis i reads j: the output row-major as [r_0, d_0, r_1, d_1, ..], the r axes of stride 0
        var strides = Tensor.Strides(x.Shape);
        var map = Indexing.StridedMap([.. x.Shape.SelectMany((d, i) => new[] { repeats[i], d })], [.. strides.SelectMany(st => new[] { 0L, st })], 0);
        var shape = x.Shape.Select((d, i) => d * repeats[i]).ToArray();
        return Indexing.Take(x, shape, map);
    }

    /// <summary>Shape (opset 15): dimensions [start, end) of the input, both clamped to [0, rank].</summary>
    private static Tensor Shape(OpContext ctx)
    {
        var x = ctx[0];
        long r = x.Rank;
        long start = ctx.IntOr("start", 0), end = ctx.IntOr("end", r);
        start = Math.Clamp(start < 0 ? start + r : start, 0, r);
        end = Math.Clamp(end < 0 ? end + r : end, 0, r);
        var dims = x.Shape.Skip((int)start).Take((int)Math.Max(0, end - start)).ToArray();
        return Tensor.I64([dims.Length], dims);
    }

    /// <summary>The fill value of ConstantOfShape/Constant: operand <paramref name="operand"/>
    /// (a one-element weight), else a <c>value</c> float/int attribute, else 0.</summary>
    private static double FillValue(OpContext ctx, int operand)
    {
        if (ctx.Optional(operand) is { } v)
        {
            if (v.Length != 1) throw ctx.Error($"value operand must have one element, has {v.ShapeText}");
            return v.GetDouble(0);
        }
        return ctx.FloatOr("value", 0);
    }

    private static Tensor Filled(OpContext ctx, ElementType element, long[] shape, double value)
    {
        var n = Tensor.Elements(shape, ctx.Location, "a filled tensor");
        if (element.IsFloat()) return Tensor.Float(element, shape, Enumerable.Repeat((float)value, n).ToArray());
        if (element == ElementType.Bool) return Tensor.Bool(shape, Enumerable.Repeat(value != 0, n).ToArray());
        return Tensor.Int(element, shape, Enumerable.Repeat((long)value, n).ToArray());
    }

    private static Tensor ConstantOfShape(OpContext ctx)
    {
        var shape = ctx[0].ToLongs();
        if (shape.Any(d => d < 0)) throw ctx.Error($"shape [{string.Join(",", shape)}] has a negative dimension");
        return Filled(ctx, ctx.ResultElement(0), shape, FillValue(ctx, 1));
    }

    /// <summary>
    /// Constant: operand 0 (a weight holding ONNX's tensor <c>value</c>), or <c>value_float</c> /
    /// <c>value_int</c> (scalars), <c>value_floats</c> / <c>value_ints</c> (1-D), or a scalar
    /// <c>value</c> attr filling the declared result shape.
    /// </summary>
    private static Tensor Constant(OpContext ctx)
    {
        var element = ctx.ResultElement(0);
        if (ctx.Optional(0) is { } w) return w;
        if (ctx.Attrs.ContainsKey("value_float")) return Filled(ctx, element, [], ctx.Float("value_float"));
        if (ctx.Attrs.ContainsKey("value_int")) return Filled(ctx, element, [], ctx.Int("value_int"));
        if (ctx.Attrs.ContainsKey("value_ints"))
            return Tensor.Int(element, [ctx.Ints("value_ints").Length], [.. ctx.Ints("value_ints")]);
        if (ctx.Attrs.ContainsKey("value_floats"))
        {
            var f = ctx.Attrs.Floats("value_floats");
            return Tensor.Float(element, [f.Length], [.. f.Select(v => (float)v)]);
        }
        if (ctx.Attrs.ContainsKey("value"))
        {
            var shape = ctx.Op.Result.Type.Shape.Select(ctx.Eval).ToArray();
            return Filled(ctx, element, shape, ctx.Float("value"));
        }
        throw ctx.Error("Constant needs a value operand or a value/value_float/value_int/value_floats/value_ints attribute");
    }

    private static Tensor Where(OpContext ctx)
    {
        Tensor c = ctx[0], x = ctx[1], y = ctx[2];
        if (c.Bools is not { } cond) throw ctx.Error($"condition must be bool, is {c}");
        if (x.Element != y.Element) throw ctx.Error($"X {x} and Y {y} have different element types");
        var shape = ElementWise.BroadcastShape(ctx, c, x, y);
        var ic = Broadcasting.SourceIndices(c.Shape, shape);
        var ix = Broadcasting.SourceIndices(x.Shape, shape);
        var iy = Broadcasting.SourceIndices(y.Shape, shape);
        var map = new long[ic.Length];
        for (var i = 0; i < map.Length; i++) map[i] = cond[ic[i]] ? ix[i] : x.Length + iy[i];
        return Indexing.Take(Indexing.Stack([x, y]), shape, map);
    }

    /// <summary>Expand: bidirectional broadcast of the input with the given shape.</summary>
    private static Tensor Expand(OpContext ctx)
    {
        var x = ctx[0];
        var target = ctx[1].ToLongs();
        var shape = Broadcasting.Shape(x.Shape, target) ?? throw ctx.Error($"{x.ShapeText} does not broadcast to [{string.Join(",", target)}]");
        return Indexing.Take(x, shape, Broadcasting.SourceIndices(x.Shape, shape));
    }

    /// <summary>Range: start + i·delta for i &lt; max(⌈(limit − start)/delta⌉, 0), in the type of start.</summary>
    private static Tensor Range(OpContext ctx)
    {
        Tensor start = ctx[0], limit = ctx[1], delta = ctx[2];
        if (start.Length != 1 || limit.Length != 1 || delta.Length != 1) throw ctx.Error("start, limit and delta must be scalars");
        if (start.Floats is not null)
        {
            float s = start.Floats[0], l = (float)limit.GetDouble(0), d = (float)delta.GetDouble(0);
            if (d == 0) throw ctx.Error("delta must not be 0");
            var n = (long)Math.Max(Math.Ceiling((l - s) / (double)d), 0);
            var r = new float[n];
            for (var i = 0; i < n; i++) r[i] = s + i * d;
            return Tensor.Float(start.Element, [n], r);
        }
        {
            long s = start.GetLong(0), l = limit.GetLong(0), d = delta.GetLong(0);
            if (d == 0) throw ctx.Error("delta must not be 0");
            var n = (long)Math.Max(Math.Ceiling((l - s) / (double)d), 0);
            var r = new long[n];
            for (var i = 0; i < n; i++) r[i] = s + i * d;
            return Tensor.Int(start.Element, [n], r);
        }
    }

    /// <summary>Trilu: keeps the upper (j − i ≥ k) or lower (j − i ≤ k) triangle of the last two axes, zeroes the rest.</summary>
    private static Tensor Trilu(OpContext ctx)
    {
        var x = ctx[0];
        if (x.Rank < 2) throw ctx.Error($"input must have rank >= 2, is {x.ShapeText}");
        var k = ctx.Optional(1) is { } kt ? kt.GetLong(0) : 0;
        var upper = ctx.IntOr("upper", 1) != 0;
        long rows = x.Shape[^2], cols = x.Shape[^1];
        var zero = Tensor.Zeros(x.Element, [1]);
        var map = new long[x.Length];
        for (long i = 0; i < x.Length; i++)
        {
            long c = i % cols, r = i / cols % rows;
            var keep = upper ? c - r >= k : c - r <= k;
            map[i] = keep ? i : x.Length;
        }
        return Indexing.Take(Indexing.Stack([x, zero]), x.Shape, map);
    }
}
