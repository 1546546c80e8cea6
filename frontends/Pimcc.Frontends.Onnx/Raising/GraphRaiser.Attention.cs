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
            case Ids when shape is { Count: 2 } && Dim(0) == 1: // Reshape(input_ids, [-1, seq])
                Set(new Ids());
                return;
            case Rows { Batched: true } r when shape is { Count: 2 } && Dim(1) == r.Node.Width: // [1, seq, w] -> [seq, w] around a Gemm
                Set(r with { Batched = false });
                return;
            case Rows r when shape is { Count: 3 } && Dim(0) == 1 && Dim(2) == r.Node.Width:
                Set(r with { Batched = true });
                return;
            case Rows { Batched: true } r when shape is { Count: 4 } && Dim(0) == 1 && Dim(2) is { } n && Dim(3) is { } d && n * d == r.Node.Width:
                // [1, seq, n, d]: heads, or (read only by parts) n heads of fused parts side by side
                Set(r.Node.Opcode == "linear" && (ReadAsParts(_node.Outputs[0]) || TransposedForParts(_node.Outputs[0]))
                    ? new FusedHeads(r.Node, n, d, null)
                    : new Heads(r.Node, n, d, Bhsd: false));
                return;
            case Rows { Batched: true, Node.Opcode: "linear" } r when shape is { Count: 5 } && Dim(0) == 1 && Dim(2) is { } n && Dim(3) is { } parts
                && Dim(4) is { } d && n * parts * d == r.Node.Width:
                Set(new FusedHeads(r.Node, n, parts * d, d));
                return;
            case ScaledRows r when shape is { Count: 4 } && Dim(0) == 1 && Dim(2) is { } n && Dim(3) is { } d && n * d == r.Node.Width:
                Set(new Heads(r.Node, n, d, Bhsd: false, PreScale: r.Scale));
                return;
            case Heads { Bhsd: false, KeyT: false, Groups: 1, PreScale: 1 } h when shape is { Count: 3 } && Dim(0) == 1 && Dim(2) == h.N * h.D:
                Set(new Rows(h.Node));
                return;
            // Batch folded into heads ([n, seq, d], OPT's bmm form) and back: the same heads, batch being 1.
            case Heads { Bhsd: true } h when shape is { Count: 3 } && Dim(0) == h.N * h.Groups && Dim(h.KeyT ? 1 : 2) == h.D:
                Set(h);
                return;
            case Heads { Bhsd: true } h when shape is { Count: 4 } && Dim(0) == 1 && Dim(1) == h.N * h.Groups && Dim(h.KeyT ? 2 : 3) == h.D:
                Set(h);
                return;
            // flatten(-2) of rotate_every_two's stacked pairs: the rotated channels, interleaved
            case StackedPairs p when shape is { Count: 4 } && Dim(3) == p.End - p.Start:
                Set(new RopePart(p.Source, "rot", 0, p.Start, p.End, Interleaved: true));
                return;
            case Scores s when shape is { Count: 3 or 4 } && (shape.Count == 3 || Dim(0) == 1) && Dim(shape.Count - 3) == s.Q.N
                && _facts.Get(ins[0]).Shape is { Count: >= 2 } from && from[^1].Equals(shape[^1]) && from[^2].Equals(shape[^2]):
                Set(s);
                return;
            case RepeatKv { Groups: > 1 } k when shape is { Count: 4 } && Dim(k.Source.Bhsd ? 1 : 2) == k.Source.N * k.Groups && Dim(3) == k.Source.D:
                Set(k.Source with { Groups = k.Groups });
                return;
            // [1, seq, n, parts, d] of fused groups flattened to [1, seq, n·parts, d]: the query heads of every group
            case FusedHeads { PartDim: { } pd } f when shape is { Count: 4 } && Dim(0) == 1 && Dim(2) == f.N * (f.Width / pd) && Dim(3) == pd:
                Set(new Heads(f.Fused, f.N * (f.Width / pd), pd, Bhsd: false));
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
            case FusedHeads { PartDim: null, Bhsd: false } f when perm is [0, 2, 1, 3]:
                Set(f with { Bhsd = true });
                return;
            case Heads { KeyT: false } h when perm is [0, 2, 1, 3]:
                Set(h with { Bhsd = !h.Bhsd });
                return;
            case Heads { KeyT: false, Bhsd: false } h when perm is [0, 2, 3, 1]:
                Set(h with { Bhsd = true, KeyT = true });
                return;
            case Heads { KeyT: false, Bhsd: true } h when perm is [0, 1, 3, 2] or [0, 2, 1] && FactsOf().Rank == perm.Length:
                Set(h with { KeyT = true });
                return;
            default: throw Fail($"Transpose of {Get(ins[0]).GetType().Name} with perm [{string.Join(",", perm ?? [])}] is not a recognised pattern");
        }
    }

    /// <summary>True when <paramref name="name"/> ([1, seq, n, w]) is read only by parts of it: a Gather, or three or more
    /// slices (per-head fused q, k, v). Two slices of a head are a partial rotation's rotated and passed channels (GPT-J
    /// rotates the first rotary_dim channels of [1, seq, n, d] heads), not parts.</summary>
    private bool ReadAsParts(string name)
    {
        var readers = Readers(name);
        return readers.Count > 1 && readers.All(n => n.OpType is "Slice" or "Gather")
            && (readers.Count > 2 || readers.Any(n => n.OpType == "Gather"));
    }

    /// <summary>True when <paramref name="name"/> ([1, seq, n, w]) is read only by one Transpose to [1, n, seq, w] whose
    /// output is read only by one Split or by three or more slices: parts of per-head fused features (query, key and
    /// value). Two slices of a head are a partial rotation's rotated and passed channels, not parts.</summary>
    private bool TransposedForParts(string name)
    {
        if (Readers(name) is not [{ OpType: "Transpose" } t] || t.GetInts("perm")?.ToArray() is not [0, 2, 1, 3]) return false;
        var parts = Readers(t.Outputs[0]);
        return parts.Count > 2 && parts.All(n => n.OpType == "Slice") || parts is [{ OpType: "Split" }];
    }

    private void Expand(List<string> ins)
    {
        var shape = FactsOf().Shape;
        if (Get(ins[0]) is RepeatKv { Groups: 1 } k && shape is { Count: 5 } && shape[2].TryConstant is { } g && shape[1].TryConstant == k.Source.N)
        {
            Set(k with { Groups = g });
            return;
        }
        // a key or value head of fused groups [1, seq, kv, 1, d] broadcast to the group's query heads [1, seq, kv, g, d]
        // (Falcon's new decoder architecture): GQA's repeat, before the heads are flattened
        if (Get(ins[0]) is Heads { Bhsd: false, Groups: 1, KeyT: false } h && _facts.Get(ins[0]).Shape is { Count: 5 } from && from[3].TryConstant == 1
            && shape is { Count: 5 } && shape[2].TryConstant == h.N && shape[3].TryConstant is { } groups && shape[4].TryConstant == h.D)
        {
            Set(new RepeatKv(h, groups));
            return;
        }
        throw Fail("Expand outside GQA's repeat_kv");
    }



    /// <summary>masked_fill of the scores: Where(condition, scores, fill) or Where(condition, fill, scores) with a
    /// fill ≤ −1e4 and a condition that keeps exactly the causal positions.</summary>
    private void Where(List<string> ins)
    {
        for (var o = 1; o <= 2; o++)
        {
            if (Get(ins[o]) is not Scores { Softmaxed: false, Causal: false } s) continue;
            var fill = ins[3 - o];
            if (Get(ins[0]) is Structural && Scalar(fill) is { } f && f <= -1e4 && IsCausalCondition(ins[0], keepWhen: o == 1))
            {
                Set(s with { Causal = true });
                return;
            }
        }
        throw Fail("Where outside a causal mask on attention scores (expected a fill of at most -1e4 outside j <= past + i)");
    }

    /// <summary>max(scores, m) with m ≤ −1e4 (OPT clamps masked scores at the dtype minimum): softmax ignores it.</summary>
    private void Max(List<string> ins)
    {
        if (ins.Count == 2 && Get(ins[0]) is Scores { Softmaxed: false } s && Scalar(ins[1]) is { } m && m <= -1e4)
        {
            Set(s);
            return;
        }
        throw Fail("Max outside a clamp of attention scores at a large negative value");
    }

    private AbstractValue Attention(Scores s, Heads v)
    {
        var (q, k) = (s.Q, s.K);
        if (v.PreScale != 1) throw Fail("the value projection is scaled before attention");
        // one KV head broadcast over the query heads by MatMul itself (Falcon's multi-query [1, 1, T, d]) or repeated
        if (q.Groups != 1 || k.D != q.D || v.D != q.D || k.N != v.N || k.Groups != v.Groups || (k.N * k.Groups != q.N && k.N * k.Groups != 1))
            throw Fail($"attention heads do not line up: q {q.N}x{q.D}, k {k.N}x{k.D} (x{k.Groups}), v {v.N}x{v.D} (x{v.Groups})");
        if (_eval.HasPast && !(k.Cached && v.Cached))
            throw Fail("attention of a KV-cache graph reads keys or values that are not concatenated after their cache");
        if (s.Tanh) throw Fail("tanh of the attention scores without the soft-capping factor after it");
        var layer = _layers++;
        var attrs = AttrMap.Empty;
        if (s.Softcap is { } cap) attrs = attrs.Set("softcap", cap);
        if (s.Alibi is { } slopes) attrs = attrs.Set("alibi_slopes", AttrValue.Of(slopes));
        var node = Emit("attention", [q.Node, k.Node, v.Node], attrs
            .Set("heads", q.N)
            .Set("kv_heads", k.N)
            .Set("head_dim", q.D)
            // One query per step (a decode-step graph, [1, 1] ids) sees every cached key and itself: that is causal
            // attention, whether or not the graph spells a mask.
            .Set("causal", s.Causal || _eval.FixedSeq == 1)
            .Set("scale", s.Scale)
            .Set("cache", $"layers.{layer}"), q.N * q.D);
        node.Name = $"l{layer}.attn";
        return new Heads(node, q.N, q.D, Bhsd: true);
    }

}
