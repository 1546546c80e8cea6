using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>Initializers as IR weights; MatMul weights ([in, out]) transposed to the IR's [out, in]; fused-QKV splits.</summary>
internal sealed partial class GraphRaiser
{
    private Weight WeightFromInit(OnnxTensor t)
    {
        if (t.DataType != OnnxDataType.Float) throw Fail($"initializer '{t.Name}' is {t.DataType}; raised weights are float32");
        return new Weight(IrName(t.Name), TensorType.Of(ElementType.F32, [.. t.Dims.Select(d => SymExpr.Const(d))]),
            WeightBytes.F32(Floats(t)), AttrMap.Empty);
    }

    /// <summary>The [in, out] MatMul weight as [out, in]; named after the checkpoint parameter when the
    /// exporter kept it (GPT-2's <c>h.0.c_attn.weight</c>), else after the module path of the node
    /// (<c>/layers.0/q_proj/MatMul</c> -> <c>layers.0.q_proj.weight</c>).</summary>
    private string TransposedWeight(OnnxTensor t)
    {
        if (t.DataType != OnnxDataType.Float) throw Fail($"initializer '{t.Name}' is {t.DataType}; raised weights are float32");
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("IR weight data is little-endian");
        var (rows, cols) = ((int)t.Dims[0], (int)t.Dims[1]);
        var src = Floats(t);
        // Transposed straight into the IR weight's bytes: no float[] copy that is garbage a moment later (import
        // memory: a few hundred MB of MatMul weights would otherwise be held three times at the peak).
        var bytes = new byte[(long)src.Length * 4];
        var dst = MemoryMarshal.Cast<byte, float>(bytes.AsSpan());
        // in tiles, so neither side strides through memory a row at a time (an LM head is 50,272 x 1,024)
        const int Tile = 64;
        for (var i0 = 0; i0 < rows; i0 += Tile)
            for (var j0 = 0; j0 < cols; j0 += Tile)
                for (var i = i0; i < Math.Min(i0 + Tile, rows); i++)
                    for (var j = j0; j < Math.Min(j0 + Tile, cols); j++)
                        dst[j * rows + i] = src[i * cols + j];
        var anonymous = t.Name.StartsWith("onnx::", StringComparison.Ordinal) || t.Name.Length == 0;
        var name = anonymous ? ModulePath(_node) + ".weight" : IrName(t.Name);
        return _program.AddWeight(new Weight(name, TensorType.Of(ElementType.F32, cols, rows), ImmutableCollectionsMarshal.AsImmutableArray(bytes),
            AttrMap.Empty.Set("onnx_initializer", t.Name).Set("transposed_from", "in_out")), anonymous);
    }

    /// <summary>Gemm(x[rows, in], W, b) of flattened activations (GPT-2's Conv1D: <c>addmm(b, x.view(-1, in), W)</c>):
    /// a linear; W is [in, out], or already [out, in] with transB.</summary>
    private void Gemm(List<string> ins)
    {
        if (Get(ins[0]) is not Rows { Batched: false } x || Get(ins[1]) is not Init w || w.Tensor.Dims.Count != 2
            || _node.GetInt("transA", 0) != 0 || _node.GetFloat("alpha", 1) != 1 || _node.GetFloat("beta", 1) != 1)
            throw Fail("Gemm is not x·W (+ b) of flattened activations with alpha = beta = 1");
        var transB = _node.GetInt("transB", 0) != 0;
        var width = transB ? w.Tensor.Dims[0] : w.Tensor.Dims[1];
        var node = Linear(x.Node, transB ? _program.AddWeight(WeightFromInit(w.Tensor)) : TransposedWeight(w.Tensor), width);
        if (ins.Count > 2)
        {
            if (Get(ins[2]) is not Init { Tensor: { Dims.Count: 1 } b } || b.ElementCount != width) throw Fail("Gemm bias is not a vector of the output width");
            node.Inputs.Add(new WeightRef(_program.AddWeight(WeightFromInit(b))));
        }
        Set(new Rows(node, Batched: false));
    }

    /// <summary>A float initializer's elements without a copy; other float types converted.</summary>
    private static float[] Floats(OnnxTensor t) => t.Data as float[] ?? t.ToFloat32();

    /// <summary>"/layers.0/q_proj/MatMul" -> "layers.0.q_proj".</summary>
    private static string ModulePath(OnnxNode node)
    {
        var name = NameFor(node);
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    private static string IrName(string onnxName) =>
        new([.. onnxName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '_')]);

    /// <summary>GPT-2's fused c_attn: Split(linear, [h, h, h], axis -1) becomes three linears whose weights
    /// and biases are row ranges of the fused ones (named as the HF frontend names them, <c>.q/.k/.v</c>,
    /// with <c>source</c> and <c>source_range</c>).</summary>
    private void Split(List<string> ins)
    {
        // chunk(k, -1) of per-head fused features: part p of every head
        if (Get(ins[0]) is FusedHeads { PartDim: null } f)
        {
            if (_node.GetInt("axis", 0) is not (-1 or 3)) throw Fail("Split of fused heads along another axis than the features");
            var parts = ins.Count > 1 ? Ints(ins[1]) : _node.GetInts("split")?.ToArray();
            parts ??= [.. Enumerable.Repeat(f.Width / _node.Outputs.Count, _node.Outputs.Count)];
            if (parts.Length != _node.Outputs.Count || parts.Sum() != f.Width) throw Fail("Split sizes do not cover each head's fused features");
            long at = 0;
            for (var p = 0; p < parts.Length; p++)
            {
                Set(new Heads(FusedPart(ins[0], f, at, parts[p], parts.Length), f.N, parts[p], Bhsd: f.Bhsd), p);
                at += parts[p];
            }
            return;
        }
        if (Get(ins[0]) is not Rows { Batched: true, Node: { Opcode: "linear" } fused } || _uses.GetValueOrDefault(ins[0]) != 1)
            throw Fail("Split of something other than a linear layer's output");
        var axis = _node.GetInt("axis", 0);
        if (axis is not (-1 or 2)) throw Fail($"Split along axis {axis}, not the feature axis");
        var sizes = ins.Count > 1 ? Ints(ins[1]) : _node.GetInts("split")?.ToArray();
        sizes ??= [.. Enumerable.Repeat(fused.Width / _node.Outputs.Count, _node.Outputs.Count)];
        if (sizes.Length != _node.Outputs.Count || sizes.Sum() != fused.Width) throw Fail("Split sizes do not cover the linear's output");
        long start = 0;
        for (var p = 0; p < sizes.Length; p++)
        {
            Set(new Rows(LinearPart(fused, PartName(p, sizes.Length), (start, start + sizes[p]))), p);
            start += sizes[p];
        }
        _program.Nodes.Remove(fused);
    }

    /// <summary>
    /// Phi-3's fused qkv_proj and gate_up_proj (<c>qkv[..., :q_pos]</c>, <c>chunk(2, -1)</c>): a Slice of a linear's
    /// output along the feature axis with constant bounds is a linear over those rows of the fused weight, like one
    /// part of a <see cref="Split"/>. The parts are named in the order the slices read them (q, k, v for three); the
    /// fused linear goes once every reader is a slice.
    /// </summary>
    private bool SliceOfLinear(List<string> ins)
    {
        // qkv[..., a:b] of per-head fused parts (GPT-NeoX's [1, seq, n, 3d] view): rows a..b of every head
        if (Get(ins[0]) is FusedHeads { PartDim: null } f)
        {
            var (s0, e0) = (Ints(ins[1]), Ints(ins[2]));
            var ax = ins.Count > 3 ? Ints(ins[3]) : [0];
            var step = ins.Count > 4 ? Ints(ins[4]) : [1];
            // fused[..., a:b, :] (Falcon's [1, seq, heads + 2, d] view): heads a..b, one row range of the fused weight
            if (!f.Bhsd && ax is [2] or [-2] && step is [1] && s0 is [var h0] && e0 is [var h1])
            {
                long Head(long v) => Math.Clamp(v < 0 ? v + f.N : v, 0, f.N);
                var (first, end) = (Head(h0), Head(h1));
                if (first >= end) throw Fail("Slice of fused heads selects no head");
                Set(new Heads(HeadRange(ins[0], f, first, end - first), end - first, f.Width, Bhsd: false));
                return true;
            }
            if (s0 is not [var a] || e0 is not [var b] || ax is not ([-1] or [3]) || step is not [1] || a < 0 || a >= Math.Min(b, f.Width))
                throw Fail("Slice of fused heads is not one constant range of each head's features");
            var len = Math.Min(b, f.Width) - a;
            Set(new Heads(FusedPart(ins[0], f, a, len), f.N, len, Bhsd: f.Bhsd));
            return true;
        }
        // fused[:, :, :, a:b] of fused groups [1, seq, n, parts, d] (Falcon's new decoder architecture: the query heads
        // of every group): parts a..b of each group, still grouped
        if (Get(ins[0]) is FusedHeads { PartDim: { } pd } g)
        {
            var parts = g.Width / pd;
            if (Ints(ins[1]) is not [var p0] || Ints(ins[2]) is not [var p1] || (ins.Count > 3 ? Ints(ins[3]) : [0]) is not ([3] or [-2])
                || (ins.Count > 4 ? Ints(ins[4]) : [1]) is not [1])
                throw Fail("Slice of fused groups is not one constant range of parts");
            long Part(long v) => Math.Clamp(v < 0 ? v + parts : v, 0, parts);
            var (first, end) = (Part(p0), Part(p1));
            if (first >= end) throw Fail("Slice of fused groups selects no part");
            Set(new FusedHeads(FusedPart(ins[0], g, first * pd, (end - first) * pd), g.N, (end - first) * pd, pd));
            return true;
        }
        if (Get(ins[0]) is not Rows { Batched: true, Node: { Opcode: "linear" } fused }) return false;
        var (starts, ends) = (Ints(ins[1]), Ints(ins[2]));
        var axes = ins.Count > 3 ? Ints(ins[3]) : [0];
        var steps = ins.Count > 4 ? Ints(ins[4]) : [1];
        if (starts is not [var st] || ends is not [var en] || axes is not ([-1] or [2]) || steps is not [1] || st < 0 || st >= Math.Min(en, fused.Width))
            throw Fail("Slice of a linear layer's output is not one constant feature range");
        var readers = _uses.GetValueOrDefault(ins[0]);
        var part = _slicedParts.GetValueOrDefault(fused);
        _slicedParts[fused] = part + 1;
        Set(new Rows(LinearPart(fused, PartName(part, readers), (st, Math.Min(en, fused.Width)))));
        if (part + 1 == readers) _program.Nodes.Remove(fused);
        return true;
    }

    private readonly Dictionary<RaisedNode, int> _slicedParts = [];

    /// <summary>
    /// Part [start, start + length) of every head of per-head fused parts: a linear over the fused weight's rows
    /// {h·width + start .. + length} (<c>source_blocks = [start, length, width]</c>, as the HF frontend names them).
    /// The fused linear goes once every reader of <paramref name="name"/> took its part.
    /// </summary>
    private RaisedNode FusedPart(string name, FusedHeads f, long start, long length, int? parts = null)
    {
        var readers = parts ?? _uses.GetValueOrDefault(name);
        var part = _slicedParts.GetValueOrDefault(f.Fused);
        _slicedParts[f.Fused] = part + 1;
        var fused = f.Fused;
        var weight = _program.Weights.Single(w => w.Name == ((WeightRef)fused.Inputs[1]).Name);
        var bias = fused.Inputs.Count > 2 ? _program.Weights.Single(w => w.Name == ((WeightRef)fused.Inputs[2]).Name) : null;
        var partName = PartName(part, readers);
        var inputs = new List<object> { fused.Inputs[0], new WeightRef(_program.AddWeight(Blocks(weight, partName, start, length, f.Width, weight.Type.Shape[1].Constant))) };
        if (bias is not null) inputs.Add(new WeightRef(_program.AddWeight(Blocks(bias, partName, start, length, f.Width, 1))));
        var node = new RaisedNode("linear", inputs, fused.Attrs, $"{fused.Name}.{partName}") { Width = length * f.N };
        node.Sources.AddRange(fused.Sources);
        node.Sources.Add(_node.Name);
        _program.Nodes.Add(node);
        if (part + 1 == readers) _program.Nodes.Remove(fused);
        return node;
    }

    /// <summary>Heads [first, first + count) of per-head fused parts: one contiguous row range of the fused linear.</summary>
    private RaisedNode HeadRange(string name, FusedHeads f, long first, long count) =>
        FusedPart(name, f with { N = 1, Width = f.N * f.Width }, first * f.Width, count * f.Width);

    /// <summary>Rows {b·stride + start .. + length} of every block b of a [out, in] (or [out]) weight.</summary>
    private static Weight Blocks(Weight w, string part, long start, long length, long stride, long rowWidth)
    {
        var dot = w.Name.LastIndexOf('.');
        var name = dot > 0 ? $"{w.Name[..dot]}.{part}{w.Name[dot..]}" : $"{w.Name}.{part}";
        var blocks = w.Type.Shape[0].Constant / stride;
        var rowBytes = (int)(rowWidth * 4);
        var bytes = new byte[blocks * length * rowBytes];
        for (long b = 0; b < blocks; b++)
            w.Data.AsSpan((int)((b * stride + start) * rowBytes), (int)(length * rowBytes)).CopyTo(bytes.AsSpan((int)(b * length * rowBytes)));
        SymExpr[] shape = w.Type.Rank == 2 ? [blocks * length, rowWidth] : [blocks * length];
        var source = w.Attrs.ContainsKey("onnx_initializer") ? w.Attrs.Str("onnx_initializer") : w.Name;
        return new Weight(name, TensorType.Of(ElementType.F32, shape), [.. bytes], w.Attrs
            .Set("source", source)
            .Set("source_blocks", AttrValue.Of(new[] { start, length, stride })));
    }

    private static readonly string[] QkvParts = ["q", "k", "v"];

    private static string PartName(int part, int parts) => parts == 3 ? QkvParts[part] : $"part{part}";

    /// <summary>A linear over output rows [start, end) of a fused linear (weight and bias row ranges).</summary>
    private RaisedNode LinearPart(RaisedNode fused, string part, (long Start, long End) range)
    {
        var weight = _program.Weights.Single(w => w.Name == ((WeightRef)fused.Inputs[1]).Name);
        var bias = fused.Inputs.Count > 2 ? _program.Weights.Single(w => w.Name == ((WeightRef)fused.Inputs[2]).Name) : null;
        var inputs = new List<object> { fused.Inputs[0], new WeightRef(_program.AddWeight(Rows(weight, part, range, weight.Type.Shape[1].Constant))) };
        if (bias is not null) inputs.Add(new WeightRef(_program.AddWeight(Rows(bias, part, range, 1))));
        var node = new RaisedNode("linear", inputs, fused.Attrs, $"{fused.Name}.{part}") { Width = range.End - range.Start };
        node.Sources.AddRange(fused.Sources);
        node.Sources.Add(_node.Name);
        _program.Nodes.Add(node);
        return node;
    }

    /// <summary>Rows [start, end) of a [out, in] (or [out]) weight, named "<stem>.<part>.<leaf>".</summary>
    private static Weight Rows(Weight w, string part, (long Start, long End) range, long rowWidth)
    {
        var dot = w.Name.LastIndexOf('.');
        var name = dot > 0 ? $"{w.Name[..dot]}.{part}{w.Name[dot..]}" : $"{w.Name}.{part}";
        var bytes = w.Data.AsSpan((int)(range.Start * rowWidth * 4), (int)((range.End - range.Start) * rowWidth * 4));
        SymExpr[] shape = w.Type.Rank == 2 ? [range.End - range.Start, rowWidth] : [range.End - range.Start];
        var source = w.Attrs.ContainsKey("onnx_initializer") ? w.Attrs.Str("onnx_initializer") : w.Name;
        return new Weight(name, TensorType.Of(ElementType.F32, shape), [.. bytes.ToArray()], w.Attrs
            .Set("source", source)
            .Set("source_range", AttrValue.Of(new long[] { range.Start, range.End })));
    }
}
