using System.Buffers.Binary;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// The local-memory table ALiBi's score biases are built from (docs/hpim-lowering.md, "Score terms"): the per-head
/// slopes m_h (FP16, padded to whole 32-byte columns), then a position ramp R[t] = t - <see cref="Origin"/> for
/// t = 0 .. <see cref="Length"/> - 1. The bias of query position i and key position j is m_h (j - i) = m_h R[j - i +
/// Origin]: for one query the keys of a block are a contiguous slice of R, so a core adds them with one
/// <c>vmul.s</c> (slice times the head's slope) and one <c>vadd</c> per block (decode) or row (prefill). Relative
/// positions keep the biases of the keys that matter small: m_h j alone would grow with the context and an FP16
/// score plus a bias of 1000 keeps no fraction. The table sits below the constant slots of every core, shared by
/// both programs, and the loader writes it like the constants (memory-map region <see cref="RegionName"/>).
/// </summary>
public sealed record AlibiTable(IReadOnlyList<double> Slopes, long Origin, long Length)
{
    public const string RegionName = "alibi";

    public long SlopeBytes(int element) => LocalBuffers.Round(Slopes.Count * element);
    public long Bytes(int element) => SlopeBytes(element) + LocalBuffers.Round(Length * element);

    /// <summary>
    /// The table of a scheduled module, or null when no attention op has <c>alibi_slopes</c>. Origin covers the
    /// furthest query (the KV cache's last position, or the last padded row of prefill's last token block); the
    /// ramp runs one decode KV block (P positions) past it, for the positions after kv in the block that holds kv.
    /// </summary>
    public static AlibiTable? Of(Module m, HpimTarget t) => Of(m, t, m.Attrs.IntOr(PrefillScratch.TokenBlockAttr, 1));

    /// <summary>The table for prefill token blocks of <paramref name="tokenBlock"/> (the memory planner, before it records the block).</summary>
    public static AlibiTable? Of(Module m, HpimTarget t, long tokenBlock)
    {
        var ops = m.Functions.SelectMany(f => f.Body).Where(o => o.Opcode == "attention" && o.Attrs.ContainsKey("alibi_slopes")).ToList();
        if (ops.Count == 0) return null;
        var slopes = ops[0].Attrs.Floats("alibi_slopes");
        if (ops.FirstOrDefault(o => !o.Attrs.Floats("alibi_slopes").SequenceEqual(slopes)) is { } other)
            throw new PimccError(ExitCode.UnsupportedOperator, $"%{other.Id}", "attention ops with different ALiBi slopes are not lowered (one slope table per binary)",
                "give every layer the same alibi_slopes, as BLOOM does");
        var l = new HbmLayout(t);
        var prompt = m.Attrs.IntOr("prompt_tokens", 1);
        var rows = HbmRowBudget.Ceil(prompt, Math.Max(tokenBlock, 1)) * Math.Max(tokenBlock, 1);
        var positions = m.KvCaches.Select(c => c.MaxLength).DefaultIfEmpty(prompt).Max();
        var origin = Math.Max(positions, rows) - 1;
        var p = ops.Max(o => l.KvBlockPositions(o.Attrs.Int("head_dim")));
        return new AlibiTable(slopes, origin, origin + Math.Max(p, 1));
    }

    /// <summary>The table's bytes as the loader writes them (FP16 little-endian).</summary>
    public byte[] Content(int element)
    {
        if (element != 2) throw new InvalidOperationException("the ALiBi table is FP16");
        var bytes = new byte[Bytes(element)];
        for (var h = 0; h < Slopes.Count; h++)
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(h * element), (Half)Slopes[h]);
        var ramp = SlopeBytes(element);
        for (long i = 0; i < Length; i++)
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan((int)(ramp + i * element)), (Half)(i - Origin));
        return bytes;
    }
}

/// <summary>What one head's scores get before the softmax (docs/ir.md, "Attention"): the scale, soft-capping, ALiBi biases with the head's slope.</summary>
internal sealed record HeadTerms(double Scale, double? Cap, bool Alibi, long Head = 0)
{
    public static HeadTerms Of(Operation op) =>
        new(op.Attrs.Float("scale"), op.Attrs.ContainsKey("softcap") ? op.Attrs.Float("softcap") : null, op.Attrs.ContainsKey("alibi_slopes"));
}

/// <summary>
/// VCU code for the terms an attention op adds to its scores and for <c>soft_cap</c> (docs/ir.md), shared by the
/// decode and prefill lowerings. Soft-capping c tanh(scale x / c) is the scores' usual multiply, by scale / c instead
/// of scale (<see cref="Factor"/>), then <c>vtanh</c> and a multiply by c (<see cref="Cap"/>); a model without the
/// terms gets exactly the code it got before them.
/// </summary>
internal static class ScoreTerms
{
    /// <summary>What the raw scores are multiplied by first: the scale, or scale / c when they are soft-capped.</summary>
    public static double Factor(HeadTerms t) => t.Cap is { } c ? t.Scale / c : t.Scale;

    /// <summary>x[0..len) = c tanh(x) (after the multiply by <see cref="Factor"/>); r[cap] holds the address of c.</summary>
    public static void Cap(CoreCode c, int x, int len, int cap, long dt)
    {
        c.I("vtanh", x, x, len, dt);
        c.I("vmul.s", x, x, cap, len, dt);
    }

    /// <summary>The <c>soft_cap</c> op in place: x[0..len) = c tanh(x / c). <paramref name="scratch"/> is clobbered.</summary>
    public static void SoftCap(CoreCode c, Constants k, int x, int len, int scratch, double cap, long dt)
    {
        c.Li(scratch, k.Address(1 / cap));
        c.I("vmul.s", x, x, scratch, len, dt);
        c.Li(scratch, k.Address(cap));
        Cap(c, x, len, scratch, dt);
    }

    /// <summary>
    /// x[0..len) += m R[r ..], m at local <paramref name="slope"/>: one <c>vmul.s</c> into <paramref name="tmp"/> and
    /// one <c>vadd</c>. All operands are registers holding local addresses or the length.
    /// </summary>
    public static void AddBias(CoreCode c, int x, int ramp, int slope, int tmp, int len, long dt)
    {
        c.I("vmul.s", tmp, ramp, slope, len, dt);
        c.I("vadd", x, x, tmp, len, dt);
    }
}
