using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// RoPE on heads, full or partial, rotate-half or of interleaved pairs (GPT-J's rotate_every_two: the even and odd
/// channels sliced with step 2, the odd ones negated, stacked as pairs and flattened), from its own structure: slices of each head's channels
/// (<see cref="HeadChannels"/>), x·cos over a channel range, rotate_half (the upper half of the range negated,
/// concatenated before the lower half) times sin, and their sum; a partial rotation's result concatenated before the
/// channels it left alone (GPT-NeoX, StableLM: <c>cat(rotated, x[..., rotary_dim:])</c>) is the whole rotated head.
/// The width of the rotated range is the op's <c>rotary_dim</c>; no family is named.
/// </summary>
internal sealed partial class GraphRaiser
{
    /// <summary>Slice of a head's channels ([.., d] along the last axis) with constant bounds.</summary>
    private void Slice(List<string> ins)
    {
        if (SliceOfLinear(ins)) return;
        // the head dimension is the last axis of BHSD and BSHD heads alike (GPT-J rotates before it permutes the heads)
        var (source, lo, hi) = Get(ins[0]) switch
        {
            Heads { KeyT: false } h => (h, 0L, h.D),
            HeadChannels { Step: 1, Negated: false } c => (c.Source, c.Start, c.End),
            _ => throw Fail("Slice outside the channels of attention heads (rotary embeddings)"),
        };
        var starts = Ints(ins[1]);
        var ends = Ints(ins[2]);
        var axes = ins.Count > 3 ? Ints(ins[3]) : [0];
        var steps = ins.Count > 4 ? Ints(ins[4]) : [1];
        if (starts is not [var st] || ends is not [var en] || axes is not ([-1] or [3]) || steps is not ([1] or [2]))
            throw Fail("Slice of attention heads is not one constant range (or every other channel) of the head dimension");
        var width = hi - lo;
        long Clamp(long v) => Math.Clamp(v < 0 ? v + width : v, 0, width);
        var (a, b) = (lo + Clamp(st), lo + Clamp(en));
        if (a >= b) throw Fail("Slice of attention heads is empty");
        // x[..., ::2] and x[..., 1::2] of a range: the even and odd channels of rotate_every_two
        if (steps is [2]) Set(new HeadChannels(source, a, b, Step: 2));
        else Set(a == 0 && b == source.D ? source : new HeadChannels(source, a, b));
    }

    private void Neg(List<string> ins)
    {
        if (Get(ins[0]) is HeadChannels { Negated: false } c) { Set(c with { Negated = true }); return; }
        throw Fail("Neg outside rotate-half");
    }

    private void Concat(List<string> ins)
    {
        var axis = _node.GetInt("axis", 0);
        // torch.stack((-x[..., 1::2], x[..., ::2]), dim=-1) of channels [s, e): rotate_every_two's pairs, before the flatten
        if (ins.Count == 2 && (axis == -1 || axis == FactsOf().Rank - 1) && Get(ins[0]) is StackedChannels { Lane: { Negated: true } odd }
            && Get(ins[1]) is StackedChannels { Lane: { Negated: false } even } && odd.Source == even.Source && odd.Start == even.Start + 1
            && odd.End == even.End && (even.End - even.Start) % 2 == 0)
        {
            Set(new StackedPairs(even.Source, even.Start, even.End));
            return;
        }
        // cat([past, new], dim=-2): keys/values after the cached positions (the attention op keeps the cache).
        // (keys broadcast to their query heads before the cache, Falcon's new decoder architecture: the cache holds each KV
        // head once; the graph's copies are equal)
        if (ins.Count == 2 && Get(ins[0]) is PastKv && Get(ins[1]) is Heads { Bhsd: true, KeyT: false, Cached: false } h && axis is -2 or 2)
        {
            Set(h with { Cached = true });
            return;
        }
        if (ins.Count == 2 && axis is -1 or 3)
        {
            switch (Get(ins[0]), Get(ins[1]))
            {
                // rotate_half of channels [s, e): cat(−x[m:e], x[s:m]) with m the middle
                case (HeadChannels { Negated: true, Step: 1 } up, HeadChannels { Negated: false, Step: 1 } down)
                    when up.Source == down.Source && down.End == up.Start && up.End - up.Start == down.End - down.Start:
                    Set(new RopePart(up.Source, "rot", 0, down.Start, up.End));
                    return;
                // cat(rotary(x)[.., :r], x[.., r:]): the partial rotation is the whole rotated head
                case (HeadChannels { Negated: false, Start: 0, Step: 1 } rotated, HeadChannels { Negated: false, Step: 1 } pass)
                    when rotated.Source.Node is { Opcode: "rotary" } op && op.Inputs[0] == pass.Source.Node
                        && rotated.End == pass.Start && pass.End == pass.Source.D && rotated.Source.D == pass.Source.D && rotated.End == op.Attrs.Int("rotary_dim"):
                    Set(rotated.Source);
                    return;
            }
        }
        throw Fail("Concat outside rotate-half, a partial rotation or a KV cache");
    }

    /// <summary>x·cos over the channels [start, end) of <paramref name="x"/>, a head or a slice of one, with a
    /// rotate-half table or one of interleaved pairs; null otherwise.</summary>
    private RopePart? RopeCos(AbstractValue x, string table)
    {
        var (source, start, end) = x switch
        {
            Heads { KeyT: false } h => (h, 0L, h.D),
            HeadChannels { Negated: false, Step: 1 } c => (c.Source, c.Start, c.End),
            _ => (null!, 0L, 0L),
        };
        if (source is null) return null;
        foreach (var interleaved in new[] { false, true })
            if (RopeTable(table, end - start, interleaved) is ("cos", var theta, var factor, var freqs, var amplitude))
                return new RopePart(source, "cos", theta, start, end, factor, freqs, amplitude, table, interleaved);
        return null;
    }

    /// <summary>x·cos + rotate_half(x)·sin over the first rotary_dim channels of each head: one rotary op on the
    /// whole head (channels past rotary_dim pass through it); for a partial range the value stands for the rotated channels.
    /// <paramref name="amplitude"/> ≠ 1 scales cos and sin (the op's <c>attention_scaling</c>, yarn's attention factor).</summary>
    private AbstractValue RotaryOf(RopePart table, double amplitude)
    {
        if (table.Start != 0) throw Fail($"rotary embedding of channels {table.Start}..{table.End} of each head, not the first ones");
        var h = table.Source;
        var rotaryDim = table.End - table.Start;
        var attrs = AttrMap.Empty
            .Set("heads", h.N)
            .Set("head_dim", h.D)
            .Set("rotary_dim", rotaryDim)
            .Set("theta", table.Theta)
            .Set("interleaved", table.Interleaved);
        if (table.Frequencies is { } f) attrs = attrs.Set("inv_freq", new ListAttr([.. f.Select(v => (AttrValue)new FloatAttr(v))]));
        else if (table.Factor != 1) attrs = attrs.Set("scaling", "linear").Set("scaling_factor", table.Factor);
        if (amplitude != 1) attrs = attrs.Set(RotaryFrequencies.AttentionScaling, amplitude);
        var node = Emit("rotary", [h.Node], attrs, h.N * h.D);
        // rotation is linear: a pre-scale commutes; per head, so it commutes with GQA's repeat too (Falcon's new decoder
        // architecture broadcasts the key heads before the rotation)
        var rotated = new Heads(node, h.N, h.D, h.Bhsd, h.Groups, PreScale: h.PreScale);
        return rotaryDim == h.D ? rotated : new HeadChannels(rotated, 0, rotaryDim);
    }
}
