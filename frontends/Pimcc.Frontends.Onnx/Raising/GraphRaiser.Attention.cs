using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>Split heads, rotary, GQA repeat_kv, causal mask and the attention op.</summary>
internal sealed partial class GraphRaiser
{
    private int _layers;

    private void Reshape(List<string> ins)
    {
        var shape = FactsOf().Shape;
        long? Dim(int i) => shape is not null && i < shape.Count ? shape[i].TryConstant : null;
        switch (Get(ins[0]))
        {
            case Rows { Batched: true } r when shape is { Count: 4 } && Dim(0) == 1 && Dim(2) is { } n && Dim(3) is { } d && n * d == r.Node.Width:
                Set(new Heads(r.Node, n, d, Bhsd: false));
                return;
            case ScaledRows r when shape is { Count: 4 } && Dim(0) == 1 && Dim(2) is { } n && Dim(3) is { } d && n * d == r.Node.Width:
                Set(new Heads(r.Node, n, d, Bhsd: false, PreScale: r.Scale));
                return;
            case Heads { Bhsd: false, KeyT: false, Groups: 1, PreScale: 1 } h when shape is { Count: 3 } && Dim(0) == 1 && Dim(2) == h.N * h.D:
                Set(new Rows(h.Node));
                return;
            case RepeatKv { Groups: > 1 } k when shape is { Count: 4 } && Dim(1) == k.Source.N * k.Groups && Dim(3) == k.Source.D:
                Set(k.Source with { Groups = k.Groups });
                return;
            default: throw Fail($"Reshape of {Get(ins[0]).GetType().Name} to {FactsOf().ShapeText} is not a recognised pattern");
        }
    }

    private void Transpose(List<string> ins)
    {
        var perm = _node.GetInts("perm")?.ToArray();
        switch (Get(ins[0]))
        {
            case Init w when w.Tensor.Dims.Count == 2 && (perm is null || perm is [1, 0]):
                Set(new TransposedInit(w.Tensor));
                return;
            case Heads { KeyT: false } h when perm is [0, 2, 1, 3]:
                Set(h with { Bhsd = !h.Bhsd });
                return;
            case Heads { KeyT: false, Bhsd: false } h when perm is [0, 2, 3, 1]:
                Set(h with { Bhsd = true, KeyT = true });
                return;
            case Heads { KeyT: false, Bhsd: true } h when perm is [0, 1, 3, 2]:
                Set(h with { KeyT = true });
                return;
            default: throw Fail($"Transpose of {Get(ins[0]).GetType().Name} with perm [{string.Join(",", perm ?? [])}] is not a recognised pattern");
        }
    }

    private void Expand(List<string> ins)
    {
        var shape = FactsOf().Shape;
        if (Get(ins[0]) is RepeatKv { Groups: 1 } k && shape is { Count: 5 } && shape[2].TryConstant is { } g && shape[1].TryConstant == k.Source.N)
        {
            Set(k with { Groups = g });
            return;
        }
        throw Fail("Expand outside GQA's repeat_kv");
    }

    private void ConstantOfShape()
    {
        var value = _node.FindAttribute("value")?.Tensor;
        if (value is { ElementCount: 1 } && (value.Data is bool[] b ? b[0] : value.ToFloat32()[0] == 1) && FactsOf().Shape is { Count: 2 } s && s[0].Equals(s[1]) && !s[0].IsConstant)
        {
            Set(new MaskStep("ones"));
            return;
        }
        throw Fail("ConstantOfShape outside a causal mask");
    }

    private void Trilu(List<string> ins)
    {
        var k = ins.Count > 1 ? Scalar(ins[1]) : 0;
        if (Get(ins[0]) is MaskStep { Step: "ones" } && k == 1 && _node.GetInt("upper", 1) == 1)
        {
            // A bool triangle is already the mask; a float one still needs its Cast.
            Set(new MaskStep(FactsOf().ElementType == OnnxDataType.Bool ? "bool" : "upper"));
            return;
        }
        throw Fail("Trilu outside a causal mask (expected the strict upper triangle of ones)");
    }

    private void Where(List<string> ins)
    {
        // masked_fill(triu(ones, 1), -inf): positions after the query are removed.
        if (Get(ins[0]) is MaskStep { Step: "bool" } && Scalar(ins[1]) is { } fill && fill <= -1e4 && Get(ins[2]) is Scores { Softmaxed: false, Causal: false } s)
        {
            Set(s with { Causal = true });
            return;
        }
        throw Fail("Where outside a causal mask on attention scores");
    }

    private AbstractValue Attention(Scores s, Heads v)
    {
        var (q, k) = (s.Q, s.K);
        if (v.PreScale != 1) throw Fail("the value projection is scaled before attention");
        if (q.Groups != 1 || k.D != q.D || v.D != q.D || k.N != v.N || k.Groups != v.Groups || k.N * k.Groups != q.N)
            throw Fail($"attention heads do not line up: q {q.N}x{q.D}, k {k.N}x{k.D} (x{k.Groups}), v {v.N}x{v.D} (x{v.Groups})");
        var layer = _layers++;
        var node = Emit("attention", [q.Node, k.Node, v.Node], AttrMap.Empty
            .Set("heads", q.N)
            .Set("kv_heads", k.N)
            .Set("head_dim", q.D)
            .Set("causal", s.Causal)
            .Set("scale", s.Scale)
            .Set("cache", $"layers.{layer}"), q.N * q.D);
        node.Name = $"l{layer}.attn";
        return new Heads(node, q.N, q.D, Bhsd: true);
    }

    private void Slice(List<string> ins)
    {
        if (Get(ins[0]) is not Heads { Bhsd: true, KeyT: false, Groups: 1 } h) throw Fail("Slice outside rotate-half");
        var starts = Ints(ins[1]);
        var ends = Ints(ins[2]);
        var axes = ins.Count > 3 ? Ints(ins[3]) : [h.D];
        var steps = ins.Count > 4 ? Ints(ins[4]) : [1];
        if (starts is [var st] && ends is [var en] && axes is [-1] or [3] && steps is [1])
        {
            var half = h.D / 2;
            if (st == 0 && en == half) { Set(new RopePart(h, "lo", 0)); return; }
            if (st == half && en >= h.D) { Set(new RopePart(h, "hi", 0)); return; }
        }
        throw Fail("Slice is not a half of the head dimension");
    }

    private void Neg(List<string> ins)
    {
        if (Get(ins[0]) is RopePart { Part: "hi" } p) { Set(p with { Part = "neg_hi" }); return; }
        throw Fail("Neg outside rotate-half");
    }

    private void Concat(List<string> ins)
    {
        var axis = _node.GetInt("axis", 0);
        if (ins.Count == 2 && Get(ins[0]) is RopePart { Part: "neg_hi" } a && Get(ins[1]) is RopePart { Part: "lo" } b && a.Source == b.Source && axis is -1 or 3)
        {
            Set(new RopePart(a.Source, "rot", 0));
            return;
        }
        if (ins.Count == 2 && ins[0] == ins[1] && Get(ins[0]) is RopeAngles { Doubled: false, Trig: null } f && axis is -1 or 1)
        {
            Set(f with { Doubled = true });
            return;
        }
        throw Fail("Concat outside rotate-half or rotary angles");
    }

    private void Trig(List<string> ins)
    {
        if (Get(ins[0]) is RopeAngles { Doubled: true, Trig: null } a) { Set(a with { Trig = _node.OpType == "Cos" ? "cos" : "sin" }); return; }
        throw Fail($"{_node.OpType} outside rotary angles");
    }

    /// <summary>inv_freq[i] = θ^(−2i/d) (modeling_llama.py's LlamaRotaryEmbedding); θ recovered from inv_freq[1].</summary>
    private AbstractValue InverseFrequencies(OnnxTensor f)
    {
        var v = f.ToFloat32();
        var dim = 2L * v.Length;
        if (v.Length < 2 || v[0] != 1f) throw Fail("position · constant is not rotary inverse frequencies (inv_freq[0] != 1)");
        var theta = Math.Pow(v[1], -dim / 2.0);
        theta = double.Parse(theta.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < v.Length; i++)
        {
            var want = Math.Pow(theta, -2.0 * i / dim);
            if (Math.Abs(v[i] - want) > 1e-5 * Math.Max(want, 1e-3)) throw Fail($"inv_freq[{i}] = {v[i]} is not θ^(−2i/d) for θ = {theta}");
        }
        return new RopeAngles(theta, dim, false, null);
    }

    private Heads Rotary(Heads h, double theta)
    {
        var node = Emit("rotary", [h.Node], AttrMap.Empty
            .Set("heads", h.N)
            .Set("head_dim", h.D)
            .Set("rotary_dim", h.D)
            .Set("theta", theta)
            .Set("interleaved", false), h.N * h.D);
        return new Heads(node, h.N, h.D, Bhsd: true, PreScale: h.PreScale); // rotation is linear: a pre-scale commutes
    }
}
