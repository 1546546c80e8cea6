namespace Pimcc.Frontends.Onnx.Shapes;

/// <summary>Shape/type/value rules for one node; see <see cref="OnnxShapeInference"/>.</summary>
internal sealed class NodeRules(OnnxNode node, IReadOnlyDictionary<string, ValueFacts> facts)
{
    private string Where => node.Describe();
    private string Origin(int output = 0) => node.Outputs[output];

    private ValueFacts In(int i)
    {
        var name = node.InputOrEmpty(i);
        if (name.Length == 0) throw new ShapeInferenceException(Where, $"input {i} is missing");
        return facts[name];
    }

    private bool Has(int i) => node.InputOrEmpty(i).Length > 0;

    /// <summary>Constant integer elements of input i, or null when not known.</summary>
    private long[]? ConstInts(int i) => Has(i) && In(i).IsConstant ? In(i).ConstantElements() : null;

    public IReadOnlyList<ValueFacts> Apply() => node.OpType switch
    {
        "Constant" => [Constant()],
        "Identity" => [In(0)],
        "Shape" => [ShapeOf()],
        "Gather" => [Gather()],
        "GatherElements" => [Same(In(0).ElementType, In(1).Shape)],
        "Tile" => [TileOp()],
        "Unsqueeze" => [Unsqueeze()],
        "Squeeze" => [Squeeze()],
        "Concat" => [Concat()],
        "Slice" => [Slice()],
        "Cast" => [Cast()],
        "Add" or "Sub" or "Mul" or "Div" => [Arithmetic()],
        "Pow" => [Same(In(0).ElementType, Broadcast(0, 1))],
        "Equal" => [EqualOp()],
        "Greater" or "Less" or "GreaterOrEqual" or "LessOrEqual" or "And" or "Or" => [Same(OnnxDataType.Bool, Broadcast(0, 1))],
        "Not" => [In(0) with { Elements = null }],
        "Max" or "Min" => [Same(In(0).ElementType, Broadcast([.. Enumerable.Range(0, node.Inputs.Count).Where(Has)]))],
        "CumSum" or "ScatterND" => [In(0) with { Elements = null }],
        "Where" => [WhereOp()],
        "Neg" => [NegOp()],
        "ConstantOfShape" => [ConstantOfShape()],
        "Range" => [RangeOp()],
        "Expand" => [Same(In(0).ElementType, ShapeMath.Broadcast([In(0).Shape, TargetShape(1)], Origin(), Where))],
        "Reshape" => [Reshape()],
        "Transpose" => [Transpose()],
        "MatMul" => [MatMul()],
        "Gemm" => [Gemm()],
        "Relu" or "Tanh" or "Sigmoid" or "Erf" or "Exp" or "Sqrt" or "Reciprocal" or "Cos" or "Sin"
            or "Gelu" or "Softmax" or "Trilu" => [In(0) with { Elements = null }],
        "LayerNormalization" => LayerNorm(),
        "ReduceMean" or "ReduceSum" or "ReduceMax" => [Reduce()],
        "Split" => Split(),
        _ => node.Outputs.Select(_ => new ValueFacts(OnnxDataType.Undefined, null)).ToArray(),
    };

    private static ValueFacts Same(OnnxDataType type, IReadOnlyList<DimExpr>? shape) => new(type, shape);

    private IReadOnlyList<DimExpr>? Broadcast(params int[] inputs) =>
        ShapeMath.Broadcast(inputs.Select(i => In(i).Shape), Origin(), Where);

    private ValueFacts Constant()
    {
        var a = node.Attributes.Count == 1 ? node.Attributes[0] : throw new ShapeInferenceException(Where, "Constant needs exactly one attribute");
        return a.Name switch
        {
            "value" => OnnxShapeInference.FromTensor(a.Tensor!),
            "value_int" => new(OnnxDataType.Int64, [], [DimExpr.Of(a.Int)]),
            "value_ints" => new(OnnxDataType.Int64, [DimExpr.Of(a.Ints.Count)], a.Ints.Count <= OnnxShapeInference.MaxTrackedElements ? a.Ints.Select(DimExpr.Of).ToArray() : null),
            "value_float" => new(OnnxDataType.Float, []),
            "value_floats" => new(OnnxDataType.Float, [DimExpr.Of(a.Floats.Count)]),
            _ => throw new ShapeInferenceException(Where, $"Constant attribute '{a.Name}' is not supported"),
        };
    }

    private ValueFacts ShapeOf()
    {
        var shape = In(0).Shape;
        if (shape is null) return new(OnnxDataType.Int64, [DimExpr.Unknown(Origin())]);
        var rank = shape.Count;
        // Opset 15 added start/end; they clamp like Python slicing.
        var start = (int)Math.Clamp(Norm(node.GetInt("start", 0), rank), 0, rank);
        var end = (int)Math.Clamp(Norm(node.GetInt("end", rank), rank), 0, rank);
        var dims = shape.Skip(start).Take(Math.Max(0, end - start)).ToArray();
        return new(OnnxDataType.Int64, [DimExpr.Of(dims.Length)], dims);
    }

    private static long Norm(long i, long rank) => i < 0 ? i + rank : i;

    /// <summary>Tile: each dimension times its repeat count (unknown where the counts are not constants).</summary>
    private ValueFacts TileOp()
    {
        var x = In(0);
        if (x.Shape is null) return new(x.ElementType, null);
        var repeats = In(1).IsConstant ? In(1).ConstantElements() : null;
        if (repeats is not null && repeats.Length != x.Shape.Count)
            throw new ShapeInferenceException(Where, $"Tile has {repeats.Length} repeat counts for an input of rank {x.Shape.Count}");
        return new(x.ElementType, x.Shape.Select((d, i) =>
            (repeats is null ? null : DimExpr.Multiply(d, DimExpr.Of(repeats[i]))) ?? DimExpr.Unknown($"{Origin()}:{i}")).ToArray());
    }

    private ValueFacts Gather()
    {
        var data = In(0);
        var indices = In(1);
        if (data.Shape is null || indices.Shape is null) return new(data.ElementType, null);
        var axis = ShapeMath.NormalizeAxis(node.GetInt("axis", 0), data.Shape.Count, Where);
        var shape = data.Shape.Take(axis).Concat(indices.Shape).Concat(data.Shape.Skip(axis + 1)).ToArray();
        IReadOnlyList<DimExpr>? elements = null;
        if (data.Elements is { } e && data.Shape.Count == 1 && indices.IsConstant)
        {
            var picked = new List<DimExpr>();
            foreach (var i in indices.ConstantElements())
            {
                var j = i < 0 ? i + e.Count : i;
                if (j < 0 || j >= e.Count) throw new ShapeInferenceException(Where, $"index {i} is out of range for {e.Count} elements");
                picked.Add(e[(int)j]);
            }
            elements = picked;
        }
        return new(data.ElementType, shape, elements);
    }

    private long[]? AxesFromInputOrAttribute(int input) => ConstInts(input) ?? node.GetInts("axes")?.ToArray();

    private ValueFacts Unsqueeze()
    {
        var x = In(0);
        var axes = AxesFromInputOrAttribute(1);
        if (x.Shape is null || axes is null) return new(x.ElementType, null); // rank unknown until axes are
        var rank = x.Shape.Count + axes.Length;
        var normalized = axes.Select(a => ShapeMath.NormalizeAxis(a, rank, Where)).ToHashSet();
        var shape = new List<DimExpr>();
        var next = 0;
        for (var i = 0; i < rank; i++)
            shape.Add(normalized.Contains(i) ? DimExpr.Of(1) : x.Shape[next++]);
        return new(x.ElementType, shape, x.Elements);
    }

    private ValueFacts Squeeze()
    {
        var x = In(0);
        if (x.Shape is null) return new(x.ElementType, null);
        var axes = AxesFromInputOrAttribute(1);
        if (axes is null && Has(1)) return new(x.ElementType, null); // runtime axes: rank unknown
        var drop = axes is null
            ? Enumerable.Range(0, x.Shape.Count).Where(i => x.Shape[i].TryConstant == 1).ToHashSet()
            : axes.Select(a => ShapeMath.NormalizeAxis(a, x.Shape.Count, Where)).ToHashSet();
        foreach (var i in drop)
            if (x.Shape[i].TryConstant is { } c && c != 1)
                throw new ShapeInferenceException(Where, $"cannot squeeze axis {i} of size {c}");
        return new(x.ElementType, x.Shape.Where((_, i) => !drop.Contains(i)).ToArray(), x.Elements);
    }

    private ValueFacts Concat()
    {
        var inputs = Enumerable.Range(0, node.Inputs.Count).Where(Has).Select(In).ToList();
        if (inputs.Any(i => i.Shape is null)) return new(inputs[0].ElementType, null);
        var rank = inputs[0].Shape!.Count;
        var axis = ShapeMath.NormalizeAxis(node.GetInt("axis", 0), rank, Where);
        var shape = inputs[0].Shape!.ToArray();
        for (var k = 1; k < inputs.Count; k++)
        {
            var s = inputs[k].Shape!;
            if (s.Count != rank) throw new ShapeInferenceException(Where, $"inputs have ranks {rank} and {s.Count}");
            for (var i = 0; i < rank; i++)
                shape[i] = i == axis ? shape[i] + s[i] : ShapeMath.BroadcastDim(shape[i], s[i], $"{Origin()}:{i}", Where);
        }
        var elements = rank == 1 && inputs.All(i => i.Elements is not null) ? inputs.SelectMany(i => i.Elements!).ToArray() : null;
        return new(inputs[0].ElementType, shape, elements);
    }

    private ValueFacts Slice()
    {
        var data = In(0);
        var starts = ConstInts(1);
        var ends = ConstInts(2);
        if (data.Shape is null) return new(data.ElementType, null);
        var rank = data.Shape.Count;
        if (starts is null || ends is null)
            return SymbolicBoundsSlice(data) ?? new(data.ElementType, data.Shape.Select((_, i) => DimExpr.Unknown($"{Origin()}:{i}")).ToArray());
        var axes = ConstInts(3) ?? Enumerable.Range(0, starts.Length).Select(i => (long)i).ToArray();
        var steps = ConstInts(4) ?? starts.Select(_ => 1L).ToArray();
        var shape = data.Shape.ToArray();
        IReadOnlyList<DimExpr>? elements = data.Elements;
        for (var k = 0; k < axes.Length; k++)
        {
            var axis = ShapeMath.NormalizeAxis(axes[k], rank, Where);
            var dim = data.Shape[axis];
            if (dim.TryConstant is { } n)
            {
                var (first, count) = SliceRange(starts[k], ends[k], steps[k], n);
                shape[axis] = DimExpr.Of(count);
                if (rank == 1 && elements is not null)
                    elements = Enumerable.Range(0, (int)count).Select(j => elements[(int)(first + j * steps[k])]).ToArray();
            }
            else
            {
                shape[axis] = SymbolicSliceLength(dim, starts[k], ends[k], steps[k]) ?? DimExpr.Unknown($"{Origin()}:{axis}");
                elements = null;
            }
        }
        return new(data.ElementType, shape, elements);
    }

    /// <summary>
    /// A step-1 slice whose bounds are symbolic (<c>mask[:, :, past : past + seq, : past + seq]</c> of a
    /// causal-mask buffer), assuming, as exporters emit them, that the bounds lie inside the axis: the
    /// length is end − start, with negative constant bounds counted from the end of the axis.
    /// </summary>
    private ValueFacts? SymbolicBoundsSlice(ValueFacts data)
    {
        if (In(1).Elements is not { } starts || In(2).Elements is not { } ends || starts.Count != ends.Count) return null;
        var axes = ConstInts(3) ?? Enumerable.Range(0, starts.Count).Select(i => (long)i).ToArray();
        if (axes.Length != starts.Count || (Has(4) && (ConstInts(4) is not { } steps || steps.Any(k => k != 1)))) return null;
        var shape = data.Shape!.ToArray();
        for (var k = 0; k < axes.Length; k++)
        {
            var axis = ShapeMath.NormalizeAxis(axes[k], shape.Length, Where);
            var dim = data.Shape![axis];
            DimExpr Bound(DimExpr b, bool isEnd) => (b.TryConstant, dim.TryConstant) switch
            {
                ({ } c, { } n) => DimExpr.Of(Math.Clamp(c < 0 ? c + n : c, 0, n)),
                (>= int.MaxValue, _) when isEnd => dim,
                (< 0 and { } c, _) => dim + DimExpr.Of(c),
                _ => b,
            };
            shape[axis] = Bound(ends[k], true) - Bound(starts[k], false);
        }
        return new(data.ElementType, shape);
    }

    /// <summary>First index and element count of a slice of a known-length axis (ONNX Slice clamping).</summary>
    internal static (long First, long Count) SliceRange(long start, long end, long step, long n)
    {
        if (step == 0) throw new ShapeInferenceException("Slice", "step 0");
        start = start < 0 ? start + n : start;
        end = end < 0 ? end + n : end;
        if (step > 0)
        {
            start = Math.Clamp(start, 0, n);
            end = Math.Clamp(end, 0, n);
            return (start, Math.Max(0, (end - start + step - 1) / step));
        }
        start = Math.Clamp(start, 0, n - 1);
        end = Math.Clamp(end, -1, n - 1);
        return (start, Math.Max(0, (start - end + (-step) - 1) / (-step)));
    }

    /// <summary>Step-1 slices of a symbolic axis, assuming constant bounds lie inside it (as exporters emit).</summary>
    private static DimExpr? SymbolicSliceLength(DimExpr dim, long start, long end, long step)
    {
        if (step != 1) return null;
        var s = start < 0 ? dim + DimExpr.Of(start) : DimExpr.Of(start);
        var e = end >= int.MaxValue ? dim : end < 0 ? dim + DimExpr.Of(end) : DimExpr.Of(end);
        return e - s;
    }

    private ValueFacts Cast()
    {
        var to = (OnnxDataType)(int)node.GetInt("to", 0);
        var x = In(0);
        return new(to, x.Shape, ShapeMath.IsInteger(to) && ShapeMath.IsInteger(x.ElementType) ? x.Elements : null);
    }

    private ValueFacts Arithmetic()
    {
        var a = In(0);
        var b = In(1);
        var shape = Broadcast(0, 1);
        if (!ShapeMath.IsInteger(a.ElementType) || a.Elements is not { } ea || b.Elements is not { } eb)
            return new(a.ElementType, shape);
        return new(a.ElementType, shape, Elementwise(ea, eb, (x, y) => node.OpType switch
        {
            "Add" => x + y,
            "Sub" => x - y,
            "Mul" => DimExpr.Multiply(x, y),
            _ => y.TryConstant is { } d && d != 0
                ? x.DivideExactly(d) ?? (x.TryConstant is { } c ? DimExpr.Of(c / d) : null)
                : null,
        }));
    }

    /// <summary>Elementwise op on tracked elements with scalar broadcasting; null when any result is not expressible.</summary>
    private static IReadOnlyList<DimExpr>? Elementwise(IReadOnlyList<DimExpr> a, IReadOnlyList<DimExpr> b, Func<DimExpr, DimExpr, DimExpr?> f)
    {
        if (a.Count != b.Count && a.Count != 1 && b.Count != 1) return null;
        var n = Math.Max(a.Count, b.Count);
        var result = new DimExpr[n];
        for (var i = 0; i < n; i++)
        {
            var r = f(a[a.Count == 1 ? 0 : i], b[b.Count == 1 ? 0 : i]);
            if (r is null) return null;
            result[i] = r;
        }
        return result;
    }

    private ValueFacts EqualOp()
    {
        var shape = Broadcast(0, 1);
        IReadOnlyList<DimExpr>? elements = null;
        if (In(0).Elements is { } a && In(1).Elements is { } b)
            elements = Elementwise(a, b, (x, y) => (x - y).KnownNonZero() ? DimExpr.Of(0) : (x - y).TryConstant == 0 ? DimExpr.Of(1) : null);
        return new(OnnxDataType.Bool, shape, elements);
    }

    private ValueFacts WhereOp()
    {
        var shape = Broadcast(0, 1, 2);
        var type = In(1).ElementType;
        IReadOnlyList<DimExpr>? elements = null;
        if (In(0).IsConstant && In(1).Elements is { } x && In(2).Elements is { } y)
        {
            var c = In(0).ConstantElements();
            var n = new[] { c.Length, x.Count, y.Count }.Max();
            if (new[] { c.Length, x.Count, y.Count }.All(k => k == 1 || k == n))
                elements = Enumerable.Range(0, n).Select(i => c[c.Length == 1 ? 0 : i] != 0 ? x[x.Count == 1 ? 0 : i] : y[y.Count == 1 ? 0 : i]).ToArray();
        }
        return new(type, shape, elements);
    }

    private ValueFacts NegOp()
    {
        var x = In(0);
        var elements = ShapeMath.IsInteger(x.ElementType) ? x.Elements?.Select(e => DimExpr.Of(0) - e).ToArray() : null;
        return new(x.ElementType, x.Shape, elements);
    }

    /// <summary>A shape given as a 1-D int64 input (Expand, Reshape, ConstantOfShape), as dims.</summary>
    private IReadOnlyList<DimExpr>? TargetShape(int input)
    {
        var s = In(input);
        if (s.Elements is { } e) return e;
        if (s.Shape is [{ IsConstant: true } len])
            return Enumerable.Range(0, (int)len.Constant).Select(i => DimExpr.Unknown($"{Origin()}:{i}")).ToArray();
        return null;
    }

    private ValueFacts ConstantOfShape()
    {
        var value = node.FindAttribute("value")?.Tensor;
        var type = value?.DataType ?? OnnxDataType.Float;
        var shape = TargetShape(0);
        IReadOnlyList<DimExpr>? elements = null;
        if (value is not null && ShapeMath.IsInteger(type) && shape is [{ IsConstant: true } n] && n.Constant <= OnnxShapeInference.MaxTrackedElements)
            elements = Enumerable.Repeat(DimExpr.Of(value.ToInt64()[0]), (int)n.Constant).ToArray();
        if (shape is [] && value is not null && ShapeMath.IsInteger(type))
            elements = [DimExpr.Of(value.ToInt64()[0])];
        return new(type, shape, elements);
    }

    private ValueFacts RangeOp()
    {
        var type = In(0).ElementType;
        if (In(0).Elements is [var start] && In(1).Elements is [var limit] && In(2).Elements is [var delta])
        {
            var span = limit - start;
            DimExpr? length = delta.TryConstant switch
            {
                1 => span,
                { } d when span.TryConstant is { } c => DimExpr.Of(Math.Max(0, (c + d - Math.Sign(d)) / d)),
                { } d => span.DivideExactly(d),
                _ => null,
            };
            if (length is not null)
            {
                IReadOnlyList<DimExpr>? elements = null;
                if (length.TryConstant is { } n && n <= OnnxShapeInference.MaxTrackedElements && start.IsConstant && delta.IsConstant && ShapeMath.IsInteger(type))
                    elements = Enumerable.Range(0, (int)n).Select(i => DimExpr.Of(start.Constant + i * delta.Constant)).ToArray();
                return new(type, [length], elements);
            }
        }
        return new(type, [DimExpr.Unknown(Origin())]);
    }

    private ValueFacts Reshape()
    {
        var x = In(0);
        var target = TargetShape(1);
        if (target is null) return new(x.ElementType, null);
        var allowZero = node.GetInt("allowzero", 0) != 0;
        var dims = target.ToArray();
        var inferAt = -1;
        for (var i = 0; i < dims.Length; i++)
        {
            if (dims[i].TryConstant == 0 && !allowZero)
                dims[i] = x.Shape is { } s && i < s.Count ? s[i] : DimExpr.Unknown($"{Origin()}:{i}");
            else if (dims[i].TryConstant == -1)
                inferAt = inferAt < 0 ? i : throw new ShapeInferenceException(Where, "more than one -1 in the target shape");
        }
        if (inferAt >= 0)
            dims[inferAt] = x.Shape is null ? DimExpr.Unknown($"{Origin()}:{inferAt}") : InferredDim(x.Shape, dims.Where((_, i) => i != inferAt).ToList(), inferAt);
        else if (x.Shape is not null && ShapeMath.Product(x.Shape) is { IsConstant: true } a && ShapeMath.Product(dims) is { IsConstant: true } b && a.Constant != b.Constant)
            throw new ShapeInferenceException(Where, $"cannot reshape {a.Constant} elements into {b.Constant}");
        return new(x.ElementType, dims, dims.Length <= 1 ? x.Elements : null);
    }

    /// <summary>The -1 of a Reshape: input elements over the other target dims, cancelling equal factors first.</summary>
    private DimExpr InferredDim(IReadOnlyList<DimExpr> input, List<DimExpr> others, int axis)
    {
        var numerator = input.ToList();
        var denominator = new List<DimExpr>();
        foreach (var d in others)
        {
            var i = numerator.FindIndex(n => n.Equals(d));
            if (i >= 0) numerator.RemoveAt(i);
            else denominator.Add(d);
        }
        if (ShapeMath.Product(numerator) is { } num && ShapeMath.Product(denominator) is { IsConstant: true } den && den.Constant != 0)
        {
            if (num.DivideExactly(den.Constant) is { } q) return q;
            if (num.IsConstant)
                throw new ShapeInferenceException(Where, $"cannot reshape: {num.Constant} is not divisible by {den.Constant}");
        }
        return DimExpr.Unknown($"{Origin()}:{axis}");
    }

    private ValueFacts Transpose()
    {
        var x = In(0);
        if (x.Shape is null) return new(x.ElementType, null);
        var perm = node.GetInts("perm") ?? Enumerable.Range(0, x.Shape.Count).Reverse().Select(i => (long)i).ToArray();
        if (perm.Count != x.Shape.Count) throw new ShapeInferenceException(Where, $"perm has {perm.Count} axes for rank {x.Shape.Count}");
        return new(x.ElementType, perm.Select(p => x.Shape[ShapeMath.NormalizeAxis(p, x.Shape.Count, Where)]).ToArray());
    }

    private ValueFacts MatMul()
    {
        var a = In(0);
        var b = In(1);
        if (a.Shape is null || b.Shape is null) return new(a.ElementType, null);
        var sa = a.Shape.Count == 1 ? new[] { DimExpr.Of(1), a.Shape[0] } : a.Shape.ToArray();
        var sb = b.Shape.Count == 1 ? new[] { b.Shape[0], DimExpr.Of(1) } : b.Shape.ToArray();
        CheckEqual(sa[^1], sb[^2], "inner dimensions");
        var batch = ShapeMath.Broadcast([sa[..^2], sb[..^2]], Origin(), Where)!;
        var shape = batch.ToList();
        if (a.Shape.Count > 1) shape.Add(sa[^2]);
        if (b.Shape.Count > 1) shape.Add(sb[^1]);
        return new(a.ElementType, shape);
    }

    private void CheckEqual(DimExpr x, DimExpr y, string what)
    {
        if (x.IsConstant && y.IsConstant && x.Constant != y.Constant)
            throw new ShapeInferenceException(Where, $"{what} {x} and {y} differ");
    }

    private ValueFacts Gemm()
    {
        var a = In(0).Shape;
        var b = In(1).Shape;
        if (a is not { Count: 2 } || b is not { Count: 2 }) return new(In(0).ElementType, null);
        var (m, k1) = node.GetInt("transA", 0) != 0 ? (a[1], a[0]) : (a[0], a[1]);
        var (k2, n) = node.GetInt("transB", 0) != 0 ? (b[1], b[0]) : (b[0], b[1]);
        CheckEqual(k1, k2, "inner dimensions");
        return new(In(0).ElementType, [m, n]);
    }

    private IReadOnlyList<ValueFacts> LayerNorm()
    {
        var x = In(0);
        var result = new List<ValueFacts> { x with { Elements = null } };
        if (node.Outputs.Count > 1)
        {
            // Mean and InvStdDev: the normalized axes kept as size 1.
            IReadOnlyList<DimExpr>? stats = null;
            if (x.Shape is { } s)
            {
                var axis = ShapeMath.NormalizeAxis(node.GetInt("axis", -1), s.Count, Where);
                stats = s.Select((d, i) => i < axis ? d : DimExpr.Of(1)).ToArray();
            }
            var statsType = (OnnxDataType)(int)node.GetInt("stash_type", (int)OnnxDataType.Float);
            for (var i = 1; i < node.Outputs.Count; i++) result.Add(new(statsType, stats));
        }
        return result;
    }

    private ValueFacts Reduce()
    {
        var x = In(0);
        if (x.Shape is null) return new(x.ElementType, null);
        var keep = node.GetInt("keepdims", 1) != 0;
        var axes = AxesFromInputOrAttribute(1);
        if (axes is null && Has(1)) return new(x.ElementType, keep ? x.Shape.Select((_, i) => DimExpr.Unknown($"{Origin()}:{i}")).ToArray() : null);
        HashSet<int> reduced;
        if (axes is null || axes.Length == 0)
        {
            if (node.GetInt("noop_with_empty_axes", 0) != 0) return x with { Elements = null };
            reduced = Enumerable.Range(0, x.Shape.Count).ToHashSet();
        }
        else
            reduced = axes.Select(a => ShapeMath.NormalizeAxis(a, x.Shape.Count, Where)).ToHashSet();
        var shape = x.Shape.Select((d, i) => reduced.Contains(i) ? (keep ? DimExpr.Of(1) : null) : d).OfType<DimExpr>().ToArray();
        return new(x.ElementType, shape);
    }

    private IReadOnlyList<ValueFacts> Split()
    {
        var x = In(0);
        var n = node.Outputs.Count;
        if (x.Shape is null) return Enumerable.Repeat(new ValueFacts(x.ElementType, null), n).ToArray();
        var axis = ShapeMath.NormalizeAxis(node.GetInt("axis", 0), x.Shape.Count, Where);
        var sizes = ConstInts(1)?.Select(DimExpr.Of).ToArray() ?? node.GetInts("split")?.Select(DimExpr.Of).ToArray();
        if (sizes is null && Has(1)) // runtime split sizes
            sizes = Enumerable.Range(0, n).Select(i => DimExpr.Unknown($"{node.Outputs[i]}:{axis}")).ToArray();
        if (sizes is null)
        {
            var dim = x.Shape[axis];
            var equal = dim.DivideExactly(n);
            if (equal is null && dim.TryConstant is { } c)
            {
                // Opset 18: the last chunk is smaller when the axis does not divide evenly.
                var chunk = (c + n - 1) / n;
                sizes = Enumerable.Range(0, n).Select(i => DimExpr.Of(Math.Max(0, Math.Min(chunk, c - i * chunk)))).ToArray();
            }
            else
                sizes = Enumerable.Range(0, n).Select(i => equal ?? DimExpr.Unknown($"{node.Outputs[i]}:{axis}")).ToArray();
        }
        if (sizes.Length != n) throw new ShapeInferenceException(Where, $"{sizes.Length} split sizes for {n} outputs");
        if (x.Shape[axis].TryConstant is { } total && sizes.All(s => s.IsConstant) && sizes.Sum(s => s.Constant) != total)
            throw new ShapeInferenceException(Where, $"split sizes sum to {sizes.Sum(s => s.Constant)}, axis has {total}");
        return sizes.Select(s => new ValueFacts(x.ElementType, x.Shape.Select((d, i) => i == axis ? s : d).ToArray())).ToArray();
    }
}
