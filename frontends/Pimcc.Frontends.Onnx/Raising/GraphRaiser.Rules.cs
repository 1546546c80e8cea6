using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Raising;

internal sealed partial class GraphRaiser
{
    private void Visit(OnnxNode node)
    {
        if (!OnnxOperatorSet.IsDefaultDomain(node.Domain)) throw Fail($"domain '{node.Domain}' is not raised");
        var ins = node.Inputs.Where(i => i.Length > 0).ToList();
        // Shapes, masks, positions, rotary tables: evaluated where they meet the activations.
        if (node.OpType == "Shape" || IsStructural(node, ins))
        {
            foreach (var o in node.Outputs) _values[o] = Structural.Instance;
            return;
        }
        // pimcc computes in f32: a cast between float types is the value itself.
        if (node.OpType == "Cast" && IsFloat((OnnxDataType)(int)node.GetInt("to", 0)) && IsFloat(_facts.Get(ins[0]).ElementType))
        {
            Set(Get(ins[0]));
            return;
        }
        if (TryPointwise(ins)) return;
        if (node.OpType != "ReduceMean")
            foreach (var i in ins) Materialize(i);
        switch (node.OpType)
        {
            case "Identity": Set(Get(ins[0])); return;
            case "Gather": Gather(ins); return;
            case "Unsqueeze": Unsqueeze(ins); return;
            case "MatMul": MatMul(ins); return;
            case "Gemm": Gemm(ins); return;
            case "Add": Add(ins); return;
            case "Mul": Mul(ins); return;
            case "Div": Div(ins); return;
            case "LayerNormalization": LayerNorm(ins); return;
            case "ReduceMean": ReduceMean(ins); return;
            case "Sqrt": Sqrt(ins); return;
            case "Reciprocal": Reciprocal(ins); return;
            case "Reshape": Reshape(ins); return;
            case "Transpose": Transpose(ins); return;
            case "Split": Split(ins); return;
            case "Slice": Slice(ins); return;
            case "Neg": Neg(ins); return;
            case "Concat": Concat(ins); return;
            case "Expand": Expand(ins); return;
            case "Where": Where(ins); return;
            case "Max": Max(ins); return;
            case "Softmax": Softmax(ins); return;
            case "Tanh" when Get(ins[0]) is Scores { Softmaxed: false, Tanh: false, Softcap: null, Alibi: null } s: Set(s with { Tanh = true }); return;
            case "Gelu": Unary(ins, "gelu", AttrMap.Empty.Set("approximate", node.GetString("approximate", "none"))); return;
            default: throw Fail($"{node.OpType} of {string.Join(", ", ins.Select(i => Get(i).GetType().Name))} is not part of a recognised pattern");
        }
    }

    private static bool IsFloat(OnnxDataType t) => t is OnnxDataType.Float or OnnxDataType.Float16 or OnnxDataType.BFloat16 or OnnxDataType.Double;

    /// <summary>An activation [1, seq, width] or, flattened, [seq, width]; raised ops keep the form of their input.</summary>
    private Rows RowsOf(string name) =>
        Get(name) is Rows r ? r : throw Fail($"input '{name}' is not a [1, seq, width] activation ({Get(name).GetType().Name})");

    private void Gather(List<string> ins)
    {
        // fused[..., i, :] of per-head fused parts (BLOOM): part i of every head
        // (fused[..., [i], :], Falcon's new decoder architecture: one key or value head per group, the axis kept)
        if (Get(ins[0]) is FusedHeads { PartDim: { } d } f && _node.GetInt("axis", 0) is 3 or -2 && Scalar(ins[1]) is { } index
            && (index < 0 ? index + f.Width / d : index) is var i && i >= 0 && i * d < f.Width)
        {
            Set(new Heads(FusedPart(ins[0], f, (long)i * d, d), f.N, d, Bhsd: false));
            return;
        }
        // fused[..., [k], :] of fused heads (Falcon's key and value heads): head k, kept as a head axis of one
        if (Get(ins[0]) is FusedHeads { PartDim: null } g && _node.GetInt("axis", 0) is 2 or -2 && Ints(ins[1]) is [var k]
            && _facts.Get(ins[1]).Shape is { Count: 1 } && k >= -g.N && k < g.N)
        {
            Set(new Heads(HeadRange(ins[0], g, k < 0 ? k + g.N : k, 1), 1, g.Width, Bhsd: false));
            return;
        }
        if (Get(ins[0]) is not Init table || table.Tensor.Dims.Count != 2 || _node.GetInt("axis", 0) != 0)
            throw Fail("Gather from something other than a 2-D embedding table");
        if (Get(ins[1]) is not Ids) throw Fail("Gather indices are not the token ids");
        var name = _program.AddWeight(WeightFromInit(table.Tensor));
        Set(new Rows(Emit("embedding", [IdsRef.Instance, new WeightRef(name)], AttrMap.Empty, table.Tensor.Dims[1])));
    }

    /// <summary>Learned positions: a structural value that is Gather(table, positions + c) becomes
    /// <c>position_ids {offset = c}</c> and an embedding of the table (rows of the value's own shape).</summary>
    private RaisedNode? PositionEmbedding(string name)
    {
        if (TableGather(name) is not var (table, indices) || PositionOffset(indices) is not { } offset) return null;
        CheckAtLength($"'{indices}' holds the positions plus {offset}", at => PositionOffset(indices, at) == offset);
        var pos = Emit("position_ids", [], AttrMap.Empty.Set("offset", offset), 1);
        pos.Name += ".ids";
        return Emit("embedding", [pos, new WeightRef(_program.AddWeight(WeightFromInit(table)))], AttrMap.Empty, table.Dims[1]);
    }

    /// <summary>
    /// BERT's token types of one segment: Gather(table, T) with T evaluating to the same type k at every position (a
    /// registered zeros buffer) is one row, <c>embedding(position_ids {start = 0, count = 1, offset = k})</c>, which the
    /// add broadcasts over the rows (the HF frontend's form).
    /// </summary>
    private RaisedNode? SegmentEmbedding(string name)
    {
        if (TableGather(name) is not var (table, indices) || ConstantIndex(indices) is not { } k || k < 0 || k >= table.Dims[0]) return null;
        CheckAtLength($"'{indices}' holds token type {k} at every position", at => ConstantIndex(indices, at) == k);
        var type = Emit("position_ids", [], AttrMap.Empty.Set("start", 0L).Set("count", 1L).Set("offset", k), 1);
        type.Name += ".type_ids";
        return Emit("embedding", [type, new WeightRef(_program.AddWeight(WeightFromInit(table)))], AttrMap.Empty, table.Dims[1]);
    }

    /// <summary>The float 2-D table and the indices of the Gather a structural value is (through axis bookkeeping,
    /// [seq, w] -> [1, seq, w]); null when it is none.</summary>
    private (OnnxTensor Table, string Indices)? TableGather(string name)
    {
        var producer = _graph.Nodes.FirstOrDefault(n => n.Outputs.Contains(name));
        while (producer is { OpType: "Unsqueeze" or "Reshape" or "Squeeze" or "Identity" })
        {
            var from = producer.Inputs[0];
            producer = _graph.Nodes.FirstOrDefault(n => n.Outputs.Contains(from));
        }
        return producer is { OpType: "Gather" } && producer.GetInt("axis", 0) == 0 && Get(producer.Inputs[0]) is Init table
            && table.Tensor.Dims.Count == 2 && table.Tensor.DataType == OnnxDataType.Float
            ? (table.Tensor, producer.Inputs[1])
            : null;
    }

    private void Unsqueeze(List<string> ins)
    {
        var axes = ins.Count > 1 ? Ints(ins[1]) : _node.GetInts("axes")?.ToArray();
        switch (Get(ins[0]))
        {
            case Rows { Batched: false } r when axes is [0]: Set(r with { Batched = true }); return;
            case Heads { Bhsd: true, Groups: 1, KeyT: false } h when axes is [2]: Set(new RepeatKv(h, 1)); return;
            case HeadChannels { Step: 2 } c when axes is [-1] or [4]: Set(new StackedChannels(c)); return;
            default: throw Fail("Unsqueeze outside a recognised pattern");
        }
    }

    private void Unary(List<string> ins, string opcode, AttrMap attrs)
    {
        var x = RowsOf(ins[0]);
        Set(new Rows(Emit(opcode, [x.Node], attrs, x.Node.Width), x.Batched));
    }

    private void LayerNorm(List<string> ins)
    {
        var x = RowsOf(ins[0]);
        var axis = _node.GetInt("axis", -1);
        if (axis != -1 && axis != (x.Batched ? 2 : 1)) throw Fail($"LayerNormalization over axis {axis}, not the hidden axis");
        if (Get(ins[1]) is not Init g || (ins.Count > 2 && Get(ins[2]) is not Init))
            throw Fail("LayerNormalization whose scale or bias is not an initializer");
        var eps = (double)_node.GetFloat("epsilon", 1e-5f);
        // A scale of ones and no (or a zero) shift: the non-parametric norm (OLMo's F.layer_norm(x, shape, None, None),
        // which the exporter writes with a ones scale), layer_norm(x) without operands.
        if (g.Tensor.ToFloat32().All(v => v == 1) && (ins.Count < 3 || ((Init)Get(ins[2])).Tensor.ToFloat32().All(v => v == 0)))
        {
            Set(new Rows(Emit("layer_norm", [x.Node], AttrMap.Empty.Set("eps", eps), x.Node.Width), x.Batched));
            return;
        }
        // No bias (B is optional): the IR's layer_norm takes beta, so a zero vector of the scale's shape (exact).
        var b = ins.Count > 2 ? ((Init)Get(ins[2])).Tensor
            : new OnnxTensor(ins[1] + ".zero_bias", OnnxDataType.Float, g.Tensor.Dims, new float[g.Tensor.ElementCount]);
        Set(new Rows(Emit("layer_norm", [x.Node, new WeightRef(_program.AddWeight(WeightFromInit(g.Tensor))), new WeightRef(_program.AddWeight(WeightFromInit(b)))],
            AttrMap.Empty.Set("eps", eps), x.Node.Width), x.Batched));
    }

    private void MatMul(List<string> ins)
    {
        var a = Get(ins[0]);
        var b = Get(ins[1]);
        switch (a, b)
        {
            case (Rows x, Init w) when w.Tensor.Dims.Count == 2:
                Set(new Rows(Linear(x.Node, TransposedWeight(w.Tensor), w.Tensor.Dims[1]), x.Batched));
                return;
            case (Rows x, TransposedInit t) when t.Tensor.Dims.Count == 2:
                // x·Eᵀ with E [vocab, hidden]: already [out, in].
                Set(new Rows(Linear(x.Node, _program.AddWeight(WeightFromInit(t.Tensor)), t.Tensor.Dims[0]), x.Batched));
                return;
            case (Heads { Bhsd: true, KeyT: false } q, Heads { KeyT: true } k):
                Set(new Scores(q, k, q.PreScale * k.PreScale, false, false));
                return;
            case (Scores { Softmaxed: true } s, Heads { Bhsd: true, KeyT: false } v):
                Set(Attention(s, v));
                return;
            default: throw Fail($"MatMul of {a.GetType().Name} and {b.GetType().Name} is not a recognised pattern");
        }
    }

    private RaisedNode Linear(RaisedNode x, string weight, long outWidth) =>
        Emit("linear", [x, new WeightRef(weight)], AttrMap.Empty.Set("role", "linear"), outWidth);

    private void Add(List<string> ins)
    {
        var (a, b) = (Get(ins[0]), Get(ins[1]));
        // Bias of a linear: Add(linear, b[out]) in either order, the linear used only here.
        if (Bias(a, b, ins[0]) || Bias(b, a, ins[1])) return;
        for (var o = 0; o < 2; o++)
        {
            var (x, y, yName) = o == 0 ? (a, b, ins[1]) : (b, a, ins[0]);
            switch (x, y)
            {
                case (Rows { Batched: true } r, Structural) when (PositionEmbedding(yName) ?? SegmentEmbedding(yName)) is { } positions:
                    Set(new Rows(Emit("add", [r.Node, positions], AttrMap.Empty, r.Node.Width)));
                    return;
                case (Scores { Softmaxed: false, Tanh: false, Alibi: null } s, Structural) when AlibiBias(yName, s.Q.N) is var (slopes, masked):
                    Set(s with { Alibi = slopes, Causal = s.Causal || masked });
                    return;
                // a mask the exporter folded to a constant (a fixed-shape graph) is checked the same way
                case (Scores { Softmaxed: false } s, Structural or Init) when IsCausalAdditive(yName):
                    Set(s with { Causal = true });
                    return;
                case (Scores { Softmaxed: false } s, Structural or Init) when IsZero(yName):
                    Set(s); // the padding mask of an all-ones attention mask
                    return;
                case (RmsStep { Step: "mean" } r, Init or Structural) when Scalar(yName) is { } eps:
                    Set(r with { Step = "add", Eps = eps });
                    return;
                // x·cos + rotate_half(x)·sin: described as the sin table is (θ and factor, or frequencies read off; asin is well
                // conditioned at small angles, acos is not, so a cos table may fit a θ its small angles cannot tell apart),
                // and both tables are checked against that description and the cos table's amplitude
                case (RopePart { Part: "cos" } c, RopePart { Part: "sin" } s) when c.Source == s.Source && (c.Start, c.End, c.Interleaved) == (s.Start, s.End, s.Interleaved)
                    && TablesAgree(c, s, s.Frequencies ?? [.. Enumerable.Range(0, (int)(s.End - s.Start) / 2).Select(k => Math.Pow(s.Theta, -2.0 * k / (s.End - s.Start)) / s.Factor)]):
                    Set(RotaryOf(s, c.Amplitude));
                    return;
            }
        }
        if (a is Rows p && b is Rows q && p.Batched == q.Batched)
        {
            Set(new Rows(Emit("add", [p.Node, q.Node], AttrMap.Empty, Math.Max(p.Node.Width, q.Node.Width)), p.Batched));
            return;
        }
        if (a is RopePart && b is RopePart)
            throw Fail("x·cos + rotate_half(x)·sin whose cos and sin tables do not describe one rotation (their frequencies or amplitudes differ)");
        throw Fail($"Add of {a.GetType().Name} and {b.GetType().Name} is not a recognised pattern");
    }

    /// <summary>Both tables hold a·trig(position·f) with the frequencies <paramref name="f"/> and the cos table's amplitude
    /// a (read exactly at position 0; the sin table's own is an estimate) at every sampled length.</summary>
    private bool TablesAgree(RopePart cos, RopePart sin, double[] f) =>
        Math.Abs(cos.Amplitude - sin.Amplitude) <= 1e-3 * cos.Amplitude
        && TableMatches(cos.Table, cos.End - cos.Start, "cos", f, cos.Amplitude, cos.Interleaved)
        && TableMatches(sin.Table, sin.End - sin.Start, "sin", f, cos.Amplitude, sin.Interleaved);

    private bool Bias(AbstractValue lin, AbstractValue bias, string linName)
    {
        if (lin is not Rows { Node: { Opcode: "linear" } node } || bias is not Init b) return false;
        if (node.Inputs.Count != 2 || b.Tensor.ElementCount != node.Width || b.Tensor.Dims.Count != 1 || _uses.GetValueOrDefault(linName) != 1) return false;
        node.Inputs.Add(new WeightRef(_program.AddWeight(WeightFromInit(b.Tensor))));
        node.Sources.Add(_node.Name);
        Set(lin);
        return true;
    }

    private void Mul(List<string> ins)
    {
        var (a, b) = (Get(ins[0]), Get(ins[1]));
        if (MulOrdered(a, b, ins[0], ins[1]) || MulOrdered(b, a, ins[1], ins[0])) return;
        if ((a, b) is (Heads or HeadChannels or RopePart, Structural) or (Structural, Heads or HeadChannels or RopePart))
            throw Fail("the table multiplying attention heads is no rotate-half or interleaved cos/sin table a·trig(position·f) "
                + "(one frequency f per channel pair, one amplitude a for the table)");
        throw Fail($"Mul of {a.GetType().Name} and {b.GetType().Name} is not a recognised pattern");
    }

    private bool MulOrdered(AbstractValue a, AbstractValue b, string aName, string bName)
    {
        switch (a, b)
        {
            case (Rows x, RmsStep { Step: "inv" } r) when r.X == x.Node:
                Set(r with { Step = "normed" });
                return true;
            case (Init g, RmsStep { Step: "normed" } r) when g.Tensor.ElementCount == r.X.Width:
                Set(new Rows(Emit("rms_norm", [r.X, new WeightRef(_program.AddWeight(WeightFromInit(g.Tensor)))], AttrMap.Empty.Set("eps", r.Eps), r.X.Width)));
                return true;
            case (Heads or HeadChannels, Structural) when RopeCos(a, bName) is { } cos:
                Set(cos);
                return true;
            case (RopePart { Part: "rot" } r, Structural) when RopeTable(bName, r.End - r.Start, r.Interleaved) is ("sin", var theta, var factor, var freqs, var amplitude):
                Set(r with { Part = "sin", Theta = theta, Factor = factor, Frequencies = freqs, Amplitude = amplitude, Table = bName });
                return true;
            case (Scores { Softmaxed: false, Tanh: true } s, Init or Structural) when Scalar(bName) is { } c && c > 0:
                // c·tanh(S·q·kᵀ) = softcap c of the scale S·c
                Set(s with { Tanh = false, Softcap = c, Scale = s.Scale * c });
                return true;
            case (Scores { Softmaxed: false, Tanh: false, Softcap: null, Alibi: null } s, Init or Structural) when Scalar(bName) is { } k:
                Set(s with { Scale = s.Scale * k });
                return true;
            case (Rows p, Rows q) when p.Batched == q.Batched:
                Set(new Rows(Emit("mul", [p.Node, q.Node], AttrMap.Empty, Math.Max(p.Node.Width, q.Node.Width)), p.Batched));
                return true;
        }
        return false;
    }

    private void Div(List<string> ins)
    {
        var (a, b) = (Get(ins[0]), Get(ins[1]));
        switch (a, b)
        {
            case (Scores { Softmaxed: false, Tanh: false, Softcap: null, Alibi: null } s, Init or Structural) when Scalar(ins[1]) is { } k && k != 0:
                Set(s with { Scale = s.Scale / k });
                return;
            case (Init or Structural, RmsStep { Step: "sqrt" } r) when Scalar(ins[0]) == 1:
                Set(r with { Step = "inv" });
                return;
            default: throw Fail($"Div of {a.GetType().Name} and {b.GetType().Name} is not a recognised pattern");
        }
    }

    private void ReduceMean(List<string> ins)
    {
        var axes = ins.Count > 1 ? Ints(ins[1]) : _node.GetInts("axes")?.ToArray();
        if (Get(ins[0]) is Pointwise p && p.F.Matches(x => x * x) && axes is [-1] or [2] && _node.GetInt("keepdims", 1) == 1)
        {
            Set(new RmsStep(p.X, "mean", 0));
            return;
        }
        throw Fail("ReduceMean outside mean(x², -1) of an RMSNorm");
    }

    private void Sqrt(List<string> ins)
    {
        if (Get(ins[0]) is RmsStep { Step: "add" } r) { Set(r with { Step = "sqrt" }); return; }
        throw Fail("Sqrt outside an RMSNorm");
    }

    private void Reciprocal(List<string> ins)
    {
        if (Get(ins[0]) is RmsStep { Step: "sqrt" } r) { Set(r with { Step = "inv" }); return; }
        throw Fail("Reciprocal outside an RMSNorm");
    }

    private void Softmax(List<string> ins)
    {
        var axis = _node.GetInt("axis", -1);
        if (Get(ins[0]) is Scores { Softmaxed: false } s && axis is -1 or 3) { Set(s with { Softmaxed = true }); return; }
        throw Fail("Softmax outside attention scores");
    }
}
