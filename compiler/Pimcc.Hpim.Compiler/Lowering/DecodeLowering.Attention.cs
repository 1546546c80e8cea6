using System.Numerics;
using Pimcc.Hpim.Compiler.Passes;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Isa.Sram;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>Decode attention on the SRAM-PIM cores (docs/hpim-lowering.md, "Decode on the cores").</summary>
internal sealed partial class DecodeLowering
{
    // ---------------------------------------------------------------- attention on SRAM-PIM

    /// <summary>
    /// Decode attention for the heads the attention mapping gave this core, phase by phase: append the new key and
    /// value to the KV cache (first core of the head), barrier, stream this core's KV blocks from HBM into the PIM
    /// macros (V through the transpose unit), scores on the PIM unit, softmax on the VCU (max and sum all-reduced
    /// over the head's cores), S.V accumulated block by block and all-reduced, then all-gather the heads.
    /// When the V projection is deferred (<see cref="DeferredValue"/>), phase 0 appends and streams only keys, runs
    /// Q.K^T and softmax while HBM-PIM still computes V, and only then waits for V's output event, gathers V, appends
    /// it behind a second barrier (id = phases + phase) and streams the value blocks for S.V. A round-major batch
    /// does the same per phase with the rounds that hold the phase's heads (<see cref="FindRoundMajor"/>).
    /// </summary>
    private void Attention(CoreCode c, Operation op)
    {
        long heads = op.Attrs.Int("heads"), kvHeads = op.Attrs.Int("kv_heads"), d = op.Attrs.Int("head_dim");
        var cache = _m.FindKvCache(op.Attrs.Str("cache"))!;
        var perPhase = op.Attrs.Ints(HpimAttrs.HeadsPerPhase);
        var cph = op.Attrs.Ints(HpimAttrs.CoresPerHead);
        var p = _l.KvBlockPositions(d);
        var nb = HbmRowBudget.Ceil(cache.MaxLength, p);
        var slots = HbmRowBudget.Ceil(2 * kvHeads * nb, _l.Channels);
        _l.CheckFits($"kv_cache @{cache.Name}", slots * _l.Page, HbmLayout.Rows(cache));
        var mg = _t.Sram.PimUnit.MacrosPerGroup * _t.Sram.PimUnit.MacroBytes;
        if (mg != 1 << 16)
            throw new PimccError(ExitCode.InvalidTargetDescription, "sram.pimUnit", $"macro slots are MG << 16 | offset and need 65536-byte macro groups, the target has {mg}",
                "keep macrosPerGroup x macroCapacity = 64 KiB");
        var h = new HeadShape(kvHeads, d, p, nb, p * d * _l.Element, _l.RowAddress(HbmLayout.Row(cache)),
            BitOperations.Log2((uint)_l.Channels), BitOperations.Log2((ulong)p), BitOperations.Log2((ulong)_l.Page));
        var q = Addr(op.Operands[0]);
        var kNew = Addr(op.Operands[1]);
        var vNew = Addr(op.Operands[2]);
        var output = Addr(op.Result);
        var terms = HeadTerms.Of(op);
        var factor = _consts.Address(ScoreTerms.Factor(terms));
        var deferred = DeferredValue(op);
        // Round-major batch (sched.round_major): K, Q and V arrive round by round; a phase waits for every round
        // that holds one of its heads (K and Q before the phase, V before its S.V).
        var rm = _roundMajor.TryGetValue(op.Id, out var batch) ? batch.Select(o => GemvPlan.Of(o, _m, _l, _t)).ToArray() : null;
        var vPlan = rm?.Single(g => g.Op.Result.Name == op.Operands[2].Name);
        int kqDone = -1, vDone = -1;
        long first = 0;
        for (var phase = 0; phase < perPhase.Length; phase++)
        {
            var hp = perPhase[phase];
            var k = cph[phase];
            var active = c.Core < hp * k;
            var head = first + c.Core / k;
            var j = c.Core % k;
            var kvh = head / (heads / kvHeads);
            var group = ((1L << (int)k) - 1) << (int)(c.Core / k * k);
            var appends = active && j == 0 && head % (heads / kvHeads) == 0;
            var need = rm is null ? -1 : RoundOf(rm[0], first + hp - 1);
            while (kqDone < need) RoundCore(c, rm!.Where(g => g != vPlan), ++kqDone, op);
            var split = rm is not null ? vDone < need : deferred is not null && phase == 0;
            // 1. append the new key and value (first core of the first query head of each KV head)
            if (appends) Append(c, h, kvh, 0, kNew);
            if (appends && !split) Append(c, h, kvh, 1, vNew);
            // every core passes one barrier per phase, so the appended position is in HBM before anyone streams it
            c.I("bar", phase, _cores.Length);
            if (active) HeadScores(c, h, kvh, j, k, group, q + head * d * _l.Element, factor, terms with { Head = head }, values: !split);
            if (split)
            {
                // V is needed from here on: its GEMV ran on HBM-PIM during Q.K^T and softmax.
                if (rm is not null)
                    while (vDone < need) RoundCore(c, [vPlan!], ++vDone, op);
                else
                {
                    c.BeginOp(deferred!.Value.Id, deferred.Value.Plan.Op.Id);
                    GemvCore(c, deferred.Value.Plan);
                    c.BeginOp(_idBase + _opIndex[op.Id], op.Id);
                }
                if (appends) Append(c, h, kvh, 1, vNew);
                c.I("bar", perPhase.Length + phase, _cores.Length);
                if (active) StreamBlocks(c, h, kvh, j, k, [1L], count: false);
            }
            if (active) HeadValues(c, h, d, group, k);
            // gather: each core of a head contributes ceil(d / k) elements of the head output
            var share = HbmRowBudget.Ceil(d, k);
            Li(c, Reg.T0, _gathAtt);
            Li(c, Reg.T1, _outh + j * share * _l.Element);
            Li(c, Reg.T2, share * _l.Element);
            Li(c, Reg.T3, AllCoresMask());
            c.I("noc.ag", Reg.T0, Reg.T1, Reg.T2, Reg.T3);
            Li(c, Reg.T0, output + first * d * _l.Element);
            Li(c, Reg.T2, SramLayout.Pack(hp, d * _l.Element));
            Li(c, Reg.T3, SramLayout.Pack(d * _l.Element, k * share * _l.Element));
            Li(c, Reg.T4, _gathAtt);
            c.I("mv.2d", Reg.T0, Reg.T4, Reg.T2, Reg.T3);
            first += hp;
        }
    }

    /// <summary>KV-cache geometry of one attention op (docs/hpim-lowering.md, "KV caches").</summary>
    private sealed record HeadShape(long KvHeads, long D, long P, long Nb, long BlockBytes, long CacheBase, int LogC, int LogP, int LogPage);

    /// <summary>Appends the new key (kind 0) or value (kind 1) of KV head <paramref name="kvh"/> at position kv.</summary>
    private void Append(CoreCode c, HeadShape h, long kvh, long kind, long src)
    {
        c.I("shr", Reg.T0, Reg.Kv, Const(c, Reg.T1, h.LogP));     // block of position kv
        Li(c, Reg.T1, (kind * h.KvHeads + kvh) * h.Nb);
        c.I("add", Reg.T0, Reg.T0, Reg.T1);                        // beta
        Li(c, Reg.T1, _l.Channels - 1);
        c.I("and", Reg.T2, Reg.T0, Reg.T1);                        // channel
        c.I("shr", Reg.T0, Reg.T0, Const(c, Reg.T1, h.LogC));      // slot
        c.I("shl", Reg.T0, Reg.T0, Const(c, Reg.T1, h.LogPage));
        Li(c, Reg.T1, h.P - 1);
        c.I("and", Reg.T1, Reg.Kv, Reg.T1);
        Li(c, Reg.T3, h.D * _l.Element);
        c.I("mul", Reg.T1, Reg.T1, Reg.T3);
        c.I("add", Reg.T0, Reg.T0, Reg.T1);
        Li(c, Reg.T1, h.CacheBase);
        c.I("add", Reg.T0, Reg.T0, Reg.T1);
        c.I("add", Reg.T0, Reg.T0, Reg.KvLayerOffset);
        Li(c, Reg.T1, src + kvh * h.D * _l.Element);
        c.I("hbm.st", Reg.T0, Reg.T1, Reg.T3, Reg.T2);
    }

    private int Const(CoreCode c, int reg, long value)
    {
        Li(c, reg, value);
        return reg;
    }

    /// <summary>
    /// Streams this core's KV blocks j, j + k, ... of positions 0..kv from HBM into the PIM macros: keys (kind 0) as
    /// they are at MacK, values (kind 1) through the transpose unit at MacV. With <paramref name="count"/> it also
    /// counts the local blocks (NLocal) and valid positions (Len) that scores, softmax and S.V use.
    /// </summary>
    private void StreamBlocks(CoreCode c, HeadShape h, long kvh, long j, long k, long[] kinds, bool count)
    {
        // blocks of positions 0..kv: NBlk = kv / P + 1; this core takes blocks j, j + k, ...
        c.I("shr", Reg.NBlk, Reg.Kv, Const(c, Reg.T0, h.LogP));
        c.I("addi", Reg.NBlk, Reg.NBlk, 1);
        Li(c, Reg.Blk, j);
        if (count)
        {
            Li(c, Reg.NLocal, 0);
            Li(c, Reg.Len, 0);
        }
        Li(c, Reg.MacK, 0);
        Li(c, Reg.MacV, VMacroBase);   // values in the upper half of the macros (slot = MG << 16 | offset = linear byte)
        var skip = c.Placeholder();
        var top = c.Count;
        foreach (var kind in kinds)
        {
            Li(c, Reg.T0, (kind * h.KvHeads + kvh) * h.Nb);
            c.I("add", Reg.T0, Reg.T0, Reg.Blk);                              // beta
            Li(c, Reg.T1, _l.Channels - 1);
            c.I("and", Reg.T2, Reg.T0, Reg.T1);                               // channel
            c.I("shr", Reg.T0, Reg.T0, Const(c, Reg.T1, h.LogC));
            c.I("shl", Reg.T0, Reg.T0, Const(c, Reg.T1, h.LogPage));
            Li(c, Reg.T1, h.CacheBase);
            c.I("add", Reg.T0, Reg.T0, Reg.T1);
            c.I("add", Reg.T0, Reg.T0, Reg.KvLayerOffset);
            Li(c, Reg.T1, _stage);
            Li(c, Reg.T3, h.BlockBytes);
            c.I("hbm.ld", Reg.T1, Reg.T0, Reg.T3, Reg.T2);
            if (kind == 0)
                c.I("pim.ld", Reg.MacK, Reg.T1, Reg.T3);                      // K block [P x d]: scores = K q
            else
            {
                Li(c, Reg.T4, _stage2);
                Li(c, Reg.T5, SramLayout.Pack(h.P, h.D));
                c.I("tr", Reg.T4, Reg.T1, Reg.T5, _dt);                        // V block -> V^T [d x P]
                c.I("pim.ld", Reg.MacV, Reg.T4, Reg.T3);
            }
        }
        if (count)
        {
            // valid positions of this block: min(P, kv + 1 - blk x P)
            c.I("shl", Reg.T0, Reg.Blk, Const(c, Reg.T1, h.LogP));
            c.I("sub", Reg.T0, Reg.Kv, Reg.T0);
            c.I("addi", Reg.T0, Reg.T0, 1);
            Li(c, Reg.T1, h.P);
            c.I("min", Reg.T0, Reg.T0, Reg.T1);
            c.I("add", Reg.Len, Reg.Len, Reg.T0);
            c.I("addi", Reg.NLocal, Reg.NLocal, 1);
        }
        Li(c, Reg.T0, h.BlockBytes);
        if (kinds.Contains(0L)) c.I("add", Reg.MacK, Reg.MacK, Reg.T0);
        if (kinds.Contains(1L)) c.I("add", Reg.MacV, Reg.MacV, Reg.T0);
        c.I("addi", Reg.Blk, Reg.Blk, k);
        c.BranchBack("blt", Reg.Blk, Reg.NBlk, top);
        c.PatchForward(skip, "bge", Reg.Blk, Reg.NBlk);
    }

    /// <summary>Streams the key (and, with <paramref name="values"/>, value) blocks, then scores and softmax; zeroes the scores past Len.</summary>
    private void HeadScores(CoreCode c, HeadShape h, long kvh, long j, long k, long group, long qHead, long factor, HeadTerms terms, bool values)
    {
        StreamBlocks(c, h, kvh, j, k, values ? [0L, 1L] : [0L], count: true);
        long p = h.P, d = h.D;
        // scores, block by block: S[i x P ..] = K_i q
        Li(c, Reg.T0, _scores);
        Li(c, Reg.T1, qHead);
        Li(c, Reg.T2, SramLayout.Pack(p, d));
        Li(c, Reg.T3, 0);
        Li(c, Reg.T4, h.BlockBytes);
        Li(c, Reg.T5, p * _l.Element);
        c.I("add", Reg.T6, Reg.NLocal, Reg.Zero);
        var noBlocks = c.Placeholder();
        var sTop = c.Count;
        c.I("pim.gemv", Reg.T0, Reg.T1, Reg.T2, Reg.T3, _dt, Set);
        c.I("add", Reg.T0, Reg.T0, Reg.T5);
        c.I("add", Reg.T3, Reg.T3, Reg.T4);
        c.I("loop", Reg.T6, sTop - c.Count);
        c.PatchForward(noBlocks, "beq", Reg.NLocal, Reg.Zero);
        // softmax over the Len valid scores (max and sum all-reduced over the head's cores)
        long s = _scores, m = _scalar + 2 * LocalBuffers.Align, sum = _scalar + 3 * LocalBuffers.Align;
        Li(c, Reg.T0, s);
        Li(c, Reg.T1, factor);
        Li(c, Reg.T2, m);
        Li(c, Reg.T3, sum);
        Li(c, Reg.T4, 1);
        Li(c, Reg.T5, _consts.Address(double.NegativeInfinity));
        Li(c, Reg.T6, _consts.Address(0));
        c.I("vfill", Reg.T2, Reg.T5, Reg.T4, _dt);
        c.I("vmul.s", Reg.T0, Reg.T0, Reg.T1, Reg.Len, _dt);
        if (terms.Cap is { } cap)
        {
            Li(c, Reg.T8, _consts.Address(cap));
            ScoreTerms.Cap(c, Reg.T0, Reg.Len, Reg.T8, _dt);
        }
        if (terms.Alibi) AlibiBiases(c, h, j, k, terms.Head);
        var empty = c.Placeholder();
        c.I("vrmax", Reg.T2, Reg.T0, Reg.Len, _dt);
        c.PatchForward(empty, "beq", Reg.Len, Reg.Zero);
        Li(c, Reg.T7, group);
        if (k > 1) c.I("noc.ar", Reg.T2, Reg.T2, Reg.T4, Reg.T7, 1, _dt);
        c.I("vsub.s", Reg.T0, Reg.T0, Reg.T2, Reg.Len, _dt);
        c.I("vexp", Reg.T0, Reg.T0, Reg.Len, _dt);
        c.I("vsum", Reg.T3, Reg.T0, Reg.Len, _dt);
        if (k > 1) c.I("noc.ar", Reg.T3, Reg.T3, Reg.T4, Reg.T7, 0, _dt);
        // zero the scores past the valid positions of the last block
        c.I("shl", Reg.T8, Reg.NLocal, Const(c, Reg.T9, BitOperations.Log2((ulong)p)));
        c.I("sub", Reg.T8, Reg.T8, Reg.Len);
        Li(c, Reg.T9, _l.Element);
        c.I("mul", Reg.T9, Reg.Len, Reg.T9);
        c.I("add", Reg.T9, Reg.T0, Reg.T9);
        c.I("vfill", Reg.T9, Reg.T6, Reg.T8, _dt);
    }

    /// <summary>
    /// ALiBi: adds m_h (position - kv) to the scores of this core's blocks j, j + k, ... (the row constant -m_h kv
    /// cancels in the softmax; it keeps the biases of recent keys small). Local block b holds global block
    /// beta = j + b k, whose P biases are the ramp slice R[beta P - kv + origin ..] (<see cref="AlibiTable"/>),
    /// scaled by the slope into the staging buffer (free once the blocks are in the macros) and added. Whole blocks:
    /// the scores past Len are zeroed after the exponent.
    /// </summary>
    /// <remarks>Runs between the softmax's setup and its max: r1 (the scores) is restored, r2..r7 stay untouched.</remarks>
    private void AlibiBiases(CoreCode c, HeadShape h, long j, long k, long head)
    {
        var e = _l.Element;
        const int Ramp = Reg.T7, Slope = Reg.T8, Tmp = Reg.T9, P = Reg.T10, Step = Reg.T11, RampStep = Reg.L0, Count = Reg.L1;
        Li(c, Ramp, _consts.AlibiRamp + (j * h.P + _consts.Alibi!.Origin) * e);
        Li(c, Slope, e);
        c.I("mul", Slope, Reg.Kv, Slope);
        c.I("sub", Ramp, Ramp, Slope);                                      // &R[j P - kv + origin]
        Li(c, Slope, _consts.AlibiSlope(head));
        Li(c, Tmp, _stage);
        Li(c, P, h.P);
        Li(c, Step, h.P * e);
        Li(c, RampStep, k * h.P * e);
        c.I("add", Count, Reg.NLocal, Reg.Zero);
        var none = c.Placeholder();
        var top = c.Count;
        ScoreTerms.AddBias(c, Reg.T0, Ramp, Slope, Tmp, P, _dt);
        c.I("add", Reg.T0, Reg.T0, Step);
        c.I("add", Ramp, Ramp, RampStep);
        c.I("loop", Count, top - c.Count);
        c.PatchForward(none, "beq", Reg.NLocal, Reg.Zero);
        Li(c, Reg.T0, _scores);
    }

    /// <summary>S.V block by block into the head output (out = sum_i V_i^T s_i), all-reduced over the head's cores, divided by the exp-sum.</summary>
    private void HeadValues(CoreCode c, HeadShape h, long d, long group, long k)
    {
        long p = h.P, sum = _scalar + 3 * LocalBuffers.Align;
        Li(c, Reg.T0, _scores);
        Li(c, Reg.T6, _consts.Address(0));
        Li(c, Reg.T7, group);
        Li(c, Reg.T9, _outh);
        Li(c, Reg.T8, d);
        c.I("vfill", Reg.T9, Reg.T6, Reg.T8, _dt);
        Li(c, Reg.T2, SramLayout.Pack(d, p));
        Li(c, Reg.T3, VMacroBase);
        Li(c, Reg.T4, h.BlockBytes);
        Li(c, Reg.T5, p * _l.Element);
        c.I("add", Reg.T6, Reg.NLocal, Reg.Zero);
        var noBlocks2 = c.Placeholder();
        var vTop = c.Count;
        c.I("pim.gemv", Reg.T9, Reg.T0, Reg.T2, Reg.T3, _dt, Acc);
        c.I("add", Reg.T0, Reg.T0, Reg.T5);
        c.I("add", Reg.T3, Reg.T3, Reg.T4);
        c.I("loop", Reg.T6, vTop - c.Count);
        c.PatchForward(noBlocks2, "beq", Reg.NLocal, Reg.Zero);
        if (k > 1) c.I("noc.ar", Reg.T9, Reg.T9, Reg.T8, Reg.T7, 0, _dt);
        Li(c, Reg.T3, sum);
        c.I("vdiv.s", Reg.T9, Reg.T9, Reg.T3, Reg.T8, _dt);
    }
}
