using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Raising;

internal sealed partial class GraphRaiser
{
    private void Visit(OnnxNode node)
    {
        if (!OnnxOperatorSet.IsDefaultDomain(node.Domain)) throw Fail($"domain '{node.Domain}' is not raised");
        var ins = node.Inputs.Where(i => i.Length > 0).ToList();
        // Integer shape arithmetic over shapes and constants: its values are already known to
        // shape inference wherever a Reshape/Expand consumes them.
        if (node.OpType == "Shape" || (node.Outputs.All(IsShapeVector) && ins.All(IsShapeLike) && node.OpType != "Range"))
        {
            foreach (var o in node.Outputs) _values[o] = ShapeArith.Instance;
            return;
        }
        switch (node.OpType)
        {
            case "Identity": Set(Get(ins[0])); return;
            case "Range": Range(ins); return;
            case "Gather": Gather(ins); return;
            case "Unsqueeze": Unsqueeze(ins); return;
            case "Cast": Cast(ins); return;
            case "MatMul": MatMul(ins); return;
            case "Add": Add(ins); return;
            case "Mul": Mul(ins); return;
            case "Div": Div(ins); return;
            case "Sub": throw Fail("Sub is not part of a recognised pattern");
            case "LayerNormalization": LayerNorm(ins); return;
            case "Pow": Pow(ins); return;
            case "ReduceMean": ReduceMean(ins); return;
            case "Sqrt": Sqrt(ins); return;
            case "Reciprocal": Reciprocal(ins); return;
            case "Reshape": Reshape(ins); return;
            case "Transpose": Transpose(ins); return;
            case "Split": Split(ins); return;
            case "Slice": Slice(ins); return;
            case "Neg": Neg(ins); return;
            case "Concat": Concat(ins); return;
            case "Cos" or "Sin": Trig(ins); return;
            case "Expand": Expand(ins); return;
            case "ConstantOfShape": ConstantOfShape(); return;
            case "Trilu": Trilu(ins); return;
            case "Where": Where(ins); return;
            case "Softmax": Softmax(ins); return;
            case "Relu": Unary(ins, "relu", AttrMap.Empty); return;
            case "Gelu": Unary(ins, "gelu", AttrMap.Empty.Set("approximate", node.GetString("approximate", "none"))); return;
            case "Sigmoid": Set(new SigmoidOf(RowsOf(ins[0]))); return;
            case "Tanh": GeluAdvance(ins[0], "tanh", 5); return;
            case "Erf": GeluAdvance(ins[0], "erf", 0); return;
            default: throw Fail($"{node.OpType} is not part of a recognised pattern");
        }
    }

    private RaisedNode RowsOf(string name) =>
        Get(name) is Rows { Batched: true } r ? r.Node : throw Fail($"input '{name}' is not a [1, seq, width] activation ({Get(name).GetType().Name})");

    private void Range(List<string> ins)
    {
        // Range(0, seq, 1): the positions of a full-sequence graph.
        var shape = FactsOf().Shape;
        if (ins.Count == 3 && Scalar(ins[0]) == 0 && Scalar(ins[2]) == 1 && shape is [{ } d] && d.Equals(Shapes.DimExpr.Symbol(SeqSymbol(d))))
        {
            Set(new Positions(0, false));
            return;
        }
        throw Fail("Range is not 0..seq-1");
    }

    private static string SeqSymbol(Shapes.DimExpr d) => d.Terms.Count == 1 ? d.Terms[0].Symbol : "";

    private void Gather(List<string> ins)
    {
        if (Get(ins[0]) is not Init table || table.Tensor.Dims.Count != 2 || _node.GetInt("axis", 0) != 0)
            throw Fail("Gather from something other than a 2-D embedding table");
        var name = _program.AddWeight(WeightFromInit(table.Tensor));
        switch (Get(ins[1]))
        {
            case Ids:
                Set(new Rows(Emit("embedding", [IdsRef.Instance, new WeightRef(name)], AttrMap.Empty, table.Tensor.Dims[1])));
                return;
            case Positions { IsFloat: false } p:
                var pos = Emit("position_ids", [], AttrMap.Empty.Set("offset", p.Offset), 1);
                pos.Name += ".ids";
                Set(new Rows(Emit("embedding", [pos, new WeightRef(name)], AttrMap.Empty, table.Tensor.Dims[1]), Batched: false));
                return;
            default: throw Fail("Gather indices are neither the token ids nor positions");
        }
    }

    private void Unsqueeze(List<string> ins)
    {
        var axes = ins.Count > 1 ? Ints(ins[1]) : _node.GetInts("axes")?.ToArray();
        switch (Get(ins[0]))
        {
            case Rows { Batched: false } r when axes is [0]: Set(r with { Batched = true }); return;
            case Positions { IsFloat: true } p when axes is [1]: Set(p); return; // pos[:, None]
            case RopeAngles { Trig: not null } a when axes is [0] or [1]: Set(a); return; // cos[None, None]
            case Heads { Bhsd: true, Groups: 1, KeyT: false } h when axes is [2]: Set(new RepeatKv(h, 1)); return;
            default: throw Fail("Unsqueeze outside a recognised pattern");
        }
    }

    private void Cast(List<string> ins)
    {
        var to = _node.GetInt("to", 0);
        switch (Get(ins[0]))
        {
            case Positions { IsFloat: false } p when to == 1: Set(p with { IsFloat = true }); return;
            case MaskStep { Step: "upper" } when to == 9: Set(new MaskStep("bool")); return;
            case MaskStep { Step: "bool" } when to == 9: Set(new MaskStep("bool")); return;
            default: throw Fail($"Cast to {to} outside a recognised pattern");
        }
    }

    private void Unary(List<string> ins, string opcode, AttrMap attrs)
    {
        var x = RowsOf(ins[0]);
        Set(new Rows(Emit(opcode, [x], attrs, x.Width)));
    }

    private void LayerNorm(List<string> ins)
    {
        var x = RowsOf(ins[0]);
        var axis = _node.GetInt("axis", -1);
        if (axis != -1 && axis != 2) throw Fail($"LayerNormalization over axis {axis}, not the hidden axis");
        if (ins.Count < 3 || Get(ins[1]) is not Init g || Get(ins[2]) is not Init b)
            throw Fail("LayerNormalization without weight and bias initializers");
        var eps = (double)_node.GetFloat("epsilon", 1e-5f);
        Set(new Rows(Emit("layer_norm", [x, new WeightRef(_program.AddWeight(WeightFromInit(g.Tensor))), new WeightRef(_program.AddWeight(WeightFromInit(b.Tensor)))],
            AttrMap.Empty.Set("eps", eps), x.Width)));
    }

    private void MatMul(List<string> ins)
    {
        var a = Get(ins[0]);
        var b = Get(ins[1]);
        switch (a, b)
        {
            case (Rows { Batched: true } x, Init w) when w.Tensor.Dims.Count == 2:
                Set(new Rows(Linear(x.Node, TransposedWeight(w.Tensor), w.Tensor.Dims[1])));
                return;
            case (Rows { Batched: true } x, TransposedInit t) when t.Tensor.Dims.Count == 2:
                // x·Eᵀ with E [vocab, hidden]: already [out, in].
                Set(new Rows(Linear(x.Node, _program.AddWeight(WeightFromInit(t.Tensor)), t.Tensor.Dims[0])));
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
        switch (a, b)
        {
            case (Rows { Batched: true } x, Rows { Batched: true } y):
                Set(new Rows(Emit("add", [x.Node, y.Node], AttrMap.Empty, Math.Max(x.Node.Width, y.Node.Width))));
                return;
            case (Positions p, Init c) when Scalar(ins[1]) is { } off && !p.IsFloat:
                Set(p with { Offset = p.Offset + (long)off });
                return;
            case (RmsStep { Step: "mean" } r, Init) when Scalar(ins[1]) is { } eps:
                Set(r with { Step = "add", Eps = eps });
                return;
            case (RopePart { Part: "cos" } c, RopePart { Part: "sin" } s) when c.Source == s.Source:
                Set(Rotary(c.Source, c.Theta));
                return;
            case (RopePart { Part: "sin" } s, RopePart { Part: "cos" } c) when c.Source == s.Source:
                Set(Rotary(c.Source, c.Theta));
                return;
        }
        if (GeluAdd(ins)) return;
        throw Fail($"Add of {a.GetType().Name} and {b.GetType().Name} is not a recognised pattern");
    }

    private bool Bias(AbstractValue lin, AbstractValue bias, string linName)
    {
        if (lin is not Rows { Batched: true, Node: { Opcode: "linear" } node } || bias is not Init b) return false;
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
        throw Fail($"Mul of {a.GetType().Name} and {b.GetType().Name} is not a recognised pattern");
    }

    private bool MulOrdered(AbstractValue a, AbstractValue b, string aName, string bName)
    {
        switch (a, b)
        {
            case (Rows { Batched: true } x, SigmoidOf s) when s.X == x.Node:
                Set(new Rows(Emit("silu", [x.Node], AttrMap.Empty, x.Node.Width)));
                return true;
            case (Rows { Batched: true } x, RmsStep { Step: "inv" } r) when r.X == x.Node:
                Set(r with { Step = "normed" });
                return true;
            case (Init g, RmsStep { Step: "normed" } r) when g.Tensor.ElementCount == r.X.Width:
                Set(new Rows(Emit("rms_norm", [r.X, new WeightRef(_program.AddWeight(WeightFromInit(g.Tensor)))], AttrMap.Empty.Set("eps", r.Eps), r.X.Width)));
                return true;
            case (Positions { IsFloat: true, Offset: 0 }, Init f):
                Set(InverseFrequencies(f.Tensor));
                return true;
            case (Heads { Bhsd: true, KeyT: false, Groups: 1 } h, RopeAngles { Trig: "cos" } c) when c.Dim == h.D:
                Set(new RopePart(h, "cos", c.Theta));
                return true;
            case (RopePart { Part: "rot" } r, RopeAngles { Trig: "sin" } s) when s.Dim == r.Source.D:
                Set(new RopePart(r.Source, "sin", s.Theta));
                return true;
            case (Scores { Softmaxed: false } s, Init) when Scalar(bName) is { } k:
                Set(s with { Scale = s.Scale * k });
                return true;
        }
        if (GeluMul(a, b, aName, bName)) return true;
        if (a is Rows { Batched: true, Node.Opcode: "linear" } lin && b is Init && Scalar(bName) is { } factor && _uses.GetValueOrDefault(aName) == 1)
        {
            Set(new ScaledRows(lin.Node, factor));
            return true;
        }
        if (a is Rows { Batched: true } p && b is Rows { Batched: true } q)
        {
            Set(new Rows(Emit("mul", [p.Node, q.Node], AttrMap.Empty, Math.Max(p.Node.Width, q.Node.Width))));
            return true;
        }
        return false;
    }

    private void Div(List<string> ins)
    {
        var (a, b) = (Get(ins[0]), Get(ins[1]));
        switch (a, b)
        {
            case (Scores { Softmaxed: false } s, Init) when Scalar(ins[1]) is { } k && k != 0:
                Set(s with { Scale = s.Scale / k });
                return;
            case (Init, RmsStep { Step: "sqrt" } r) when Scalar(ins[0]) == 1:
                Set(r with { Step = "inv" });
                return;
            case (Rows { Batched: true } x, Init) when Scalar(ins[1]) is { } k && Math.Abs(k - Math.Sqrt(2)) < 1e-3:
                Set(new GeluStep(x.Node, "erf", 0));
                return;
            default: throw Fail($"Div of {a.GetType().Name} and {b.GetType().Name} is not a recognised pattern");
        }
    }

    private void Pow(List<string> ins)
    {
        if (Get(ins[0]) is Rows { Batched: true } x && Scalar(ins[1]) == 2) { Set(new RmsStep(x.Node, "sq", 0)); return; }
        throw Fail("Pow outside x^2 of an RMSNorm");
    }

    private void ReduceMean(List<string> ins)
    {
        var axes = ins.Count > 1 ? Ints(ins[1]) : _node.GetInts("axes")?.ToArray();
        if (Get(ins[0]) is RmsStep { Step: "sq" } r && axes is [-1] or [2] && _node.GetInt("keepdims", 1) == 1) { Set(r with { Step = "mean" }); return; }
        throw Fail("ReduceMean outside mean(x^2, -1) of an RMSNorm");
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
