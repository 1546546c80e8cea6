using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Isa.Sram;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>Prefill attention on the TCU, one head per core at a time (docs/hpim-lowering.md, "Prefill").</summary>
internal sealed partial class PrefillLowering
{
    /// <summary>
    /// Head h runs on core h mod cores. K_h^T and V_h^T (feature-major, [head_dim x tokens] per token block) come
    /// straight from the scratch panels. The first query head of each KV head writes the prompt's keys and values
    /// into the KV cache in decode's layout (blocks of P positions, transposed to token-major with <c>tr</c>). Per
    /// query block: Q_blk = tr(Q_h^T block); S = Q_blk . K_h^T on the TCU (all key blocks); per query row t the
    /// scaled scores over keys 0..t go through max, subtract, exp, sum, divide on the VCU and keys after t are
    /// zeroed (causal mask); S^T = tr(S); O_h^T block = sum over key blocks of V_h^T block . S^T rows on the TCU;
    /// the result goes to the head's rows of the output panel. K_h^T and V_h^T stay in local memory for the head
    /// (<see cref="PrefillAttentionForm.Resident"/>), or, when that does not fit, one key block of V_h^T (then also
    /// of K_h^T) is loaded where the product reads it (<see cref="ChooseForm"/>).
    /// </summary>
    private void Attention(CoreCode c, Operation op)
    {
        long heads = op.Attrs.Int("heads"), kvHeads = op.Attrs.Int("kv_heads"), d = op.Attrs.Int("head_dim");
        if (!op.Attrs.BoolOr("causal", true))
            throw Unsupported(op, "non-causal prefill attention is not lowered");
        var group = heads / kvHeads;
        var cache = m.FindKvCache(op.Attrs.Str("cache"))!;
        var p = l.KvBlockPositions(d);
        var nb = HbmRowBudget.Ceil(cache.MaxLength, p);
        var slots = HbmRowBudget.Ceil(2 * kvHeads * nb, l.Channels);
        l.CheckFits($"kv_cache @{cache.Name}", slots * l.Page, HbmLayout.Rows(cache));
        if (cache.MaxLength < _s.Tokens)
            throw new PimccError(ExitCode.CapacityExceeded, $"kv_cache @{cache.Name}", $"the cache holds {cache.MaxLength} positions, the prompt has {_s.Tokens}",
                "compile with a cache at least as long as the prompt");
        var cacheBase = l.RowAddress(HbmLayout.Row(cache));
        var e = Element;
        var cols = _s.Blocks * Tb;
        var terms = HeadTerms.Of(op);
        var buffers = AttentionBuffers(d, terms.Alibi);
        var form = ChooseForm(buffers);
        var sizes = buffers(form);
        var kt = Take(sizes[0]);
        var vt = Take(sizes[1]);
        var qt = Take(sizes[2]);
        var qb = Take(sizes[3]);
        var s = Take(sizes[4]);
        var st = Take(sizes[5]);
        var ot = Take(sizes[6]);
        var tok = Take(sizes[7]);
        var tmp = Take(sizes[8]);
        var factor = consts.Address(ScoreTerms.Factor(terms));
        var bias = terms.Alibi ? Take(sizes[9]) : 0;
        var zero = consts.Address(0.0);
        string q = op.Operands[0].Name, k = op.Operands[1].Name, v = op.Operands[2].Name;
        for (var h = (long)c.Core; h < heads; h += cores.Length)
        {
            var kvh = h / group;
            // Block sigma of K_h^T (kind 0) or V_h^T (kind 1): where it sits, loaded there first unless resident.
            long Block(long kind, long sigma)
            {
                var (resident, value, buffer) = kind == 0 ? (form.KeysResident(), k, kt) : (form.ValuesResident(), v, vt);
                if (resident) return buffer + sigma * d * Tb * e;
                FeatureRows(c, "hbm.ld", value, sigma, kvh * d, d, buffer);
                return buffer;
            }
            // the resident blocks, loaded once for the head (values are resident only where keys are)
            if (form.KeysResident())
                for (long sigma = 0; sigma < _s.Blocks; sigma++)
                    InPrompt(c, sigma, Reg.T0, () =>
                    {
                        FeatureRows(c, "hbm.ld", k, sigma, kvh * d, d, kt + sigma * d * Tb * e);
                        if (form.ValuesResident()) FeatureRows(c, "hbm.ld", v, sigma, kvh * d, d, vt + sigma * d * Tb * e);
                    });
            if (h % group == 0) WriteKvCache(c, kvh, kvHeads, d, p, nb, cacheBase, Block, tok);
            // Key blocks the prompt does not reach are skipped: the causal softmax zeroes their scores (vfill of every
            // key after the query), so the S.V sum over the blocks that ran is the whole sum.
            for (long tau = 0; tau < _s.Blocks; tau++)
                InPrompt(c, tau, Reg.T0, () =>
            {
                var rowsQ = _s.TokensIn(tau);
                FeatureRows(c, "hbm.ld", q, tau, h * d, d, qt);
                c.Li(Reg.T0, qb);
                c.Li(Reg.T1, qt);
                c.Li(Reg.T2, SramLayout.Pack(d, Tb));
                c.I("tr", Reg.T0, Reg.T1, Reg.T2, _dt);                   // Q block, [tokens x head_dim]
                Tcu(c, "tcu.ld", d, Tb, cols);
                for (long sigma = 0; sigma < _s.Blocks; sigma++)
                    InPrompt(c, sigma, Reg.T0, () =>
                    {
                        var kBlock = Block(0, sigma);
                        Tcu(c, "tcu.shape", rowsQ, _s.TokensIn(sigma), d);
                        Tcu(c, "tcu.gemm", s + sigma * Tb * e, qb, kBlock, _dt, Set);   // S[:, sigma block] = Q K^T
                    });
                Softmax(c, s, cols, tau * Tb, rowsQ, factor, terms with { Head = h }, zero, tmp, bias);
                c.Li(Reg.T0, st);
                c.Li(Reg.T1, s);
                c.Li(Reg.T2, SramLayout.Pack(Tb, cols));
                c.I("tr", Reg.T0, Reg.T1, Reg.T2, _dt);                   // S^T, [keys x queries]
                Tcu(c, "tcu.ld", Tb, Tb, Tb);
                for (long sigma = 0; sigma < _s.Blocks; sigma++)
                    InPrompt(c, sigma, Reg.T0, () =>
                    {
                        var vBlock = Block(1, sigma);
                        Tcu(c, "tcu.shape", d, rowsQ, _s.TokensIn(sigma));
                        Tcu(c, "tcu.gemm", ot, vBlock, st + sigma * Tb * Tb * e, _dt, sigma == 0 ? Set : Acc); // O^T += V^T S^T
                    });
                FeatureRows(c, "hbm.st", op.Result.Name, tau, h * d, d, ot);
            });
        }
    }

    /// <summary>
    /// Bytes of prefill attention's local buffers in each form, in the order <see cref="Attention"/> takes them:
    /// K_h^T, V_h^T (the whole prompt resident, or one key block), the Q block before and after <c>tr</c>, S, S^T,
    /// the O^T block, the KV-cache write's token-major block, the softmax's scalar and (ALiBi) the bias row.
    /// </summary>
    private Func<PrefillAttentionForm, long[]> AttentionBuffers(long d, bool alibi) => form =>
    {
        var e = Element;
        var cols = _s.Blocks * Tb;
        long keys = form.KeysResident() ? cols : Tb, values = form.ValuesResident() ? cols : Tb;
        return [d * keys * e, d * values * e, d * Tb * e, Tb * d * e, Tb * cols * e, cols * Tb * e, d * Tb * e, Tb * d * e, LocalBuffers.Align, .. alibi ? new[] { cols * e } : []];
    };

    /// <summary>
    /// The form the module asks for (<see cref="HpimAttrs.PrefillAttention"/>), else the largest whose buffers fit the
    /// core's local memory after what prefill holds throughout. When the form asked for, or even the smallest, does not
    /// fit, the op is refused (capacity exceeded, exit 42) with the whole need of that form.
    /// </summary>
    private PrefillAttentionForm ChooseForm(Func<PrefillAttentionForm, long[]> buffers)
    {
        long Need(PrefillAttentionForm form) => _workNext + buffers(form).Sum(b => LocalBuffers.Round(Math.Max(b, 1)));
        var asked = PrefillAttentionForms.Parse(m.Attrs.StrOr(HpimAttrs.PrefillAttention, PrefillAttentionForms.Auto), $"module attribute {HpimAttrs.PrefillAttention}");
        PrefillAttentionForm[] forms = asked is { } f ? [f] : Enum.GetValues<PrefillAttentionForm>();
        foreach (var form in forms)
            if (Need(form) <= Buffers.Capacity)
                return form;
        throw TooLittleLocalMemory(Need(forms[^1]));
    }

    /// <summary>
    /// Causal softmax of query rows [first, first + rows) of S (row stride <paramref name="cols"/>), after the score
    /// terms: the multiply by <paramref name="factor"/> (scale, or scale / c) and soft-capping, then ALiBi biases m_h (j - i) for keys j = 0..i of query i, the ramp slice
    /// R[origin - i ..] (<see cref="AlibiTable"/>) times the head's slope, built in <paramref name="bias"/>.
    /// </summary>
    private void Softmax(CoreCode c, long s, long cols, long first, long rows, long factor, HeadTerms terms, long zero, long tmp, long bias)
    {
        const int Row = 15, Len = 16, Tail = 17, TailLen = 18, Scale = 19, Zero = 20, Tmp = 21, Stride = 22;
        const int Cap = Reg.T0, Ramp = Reg.T1, Slope = Reg.T2, Bias = Reg.T3;
        var e = Element;
        c.Li(Row, s);
        c.Li(Len, first + 1);
        c.Li(Tail, s + (first + 1) * e);
        c.Li(TailLen, cols - first - 1);
        c.Li(Scale, factor);
        c.Li(Zero, zero);
        c.Li(Tmp, tmp);
        c.Li(Stride, cols * e);
        if (terms.Cap is { } cap) c.Li(Cap, consts.Address(cap));
        if (terms.Alibi)
        {
            c.Li(Ramp, consts.AlibiRamp + (consts.Alibi!.Origin - first) * e);
            c.Li(Slope, consts.AlibiSlope(terms.Head));
            c.Li(Bias, bias);
        }
        c.Loop(Reg.L0, rows, () =>
        {
            c.I("vmul.s", Row, Row, Scale, Len, _dt);
            if (terms.Cap is not null) ScoreTerms.Cap(c, Row, Len, Cap, _dt);
            if (terms.Alibi)
            {
                ScoreTerms.AddBias(c, Row, Ramp, Slope, Bias, Len, _dt);
                c.I("addi", Ramp, Ramp, -e);
            }
            c.I("vrmax", Tmp, Row, Len, _dt);
            c.I("vsub.s", Row, Row, Tmp, Len, _dt);
            c.I("vexp", Row, Row, Len, _dt);
            c.I("vsum", Tmp, Row, Len, _dt);
            c.I("vdiv.s", Row, Row, Tmp, Len, _dt);
            c.I("vfill", Tail, Zero, TailLen, _dt);                        // keys after the query: masked
            c.I("add", Row, Row, Stride);
            c.I("addi", Len, Len, 1);
            c.I("add", Tail, Tail, Stride);
            c.I("addi", Tail, Tail, e);
            c.I("addi", TailLen, TailLen, -1);
        });
    }

    /// <summary>
    /// Keys and values of every prompt position of KV head <paramref name="kvh"/> into the KV cache in decode's
    /// layout: block beta = (kind x kv_heads + head) x blocks + position / P on channel beta mod C, slot beta / C,
    /// P positions token-major per block (docs/hpim-lowering.md, "KV caches"). <paramref name="block"/>(kind, sigma)
    /// gives the local address of token block sigma of K^T (kind 0) or V^T (kind 1), emitting its load if it is not resident.
    /// </summary>
    private void WriteKvCache(CoreCode c, long kvh, long kvHeads, long d, long p, long nb, long cacheBase, Func<long, long, long> block, long tok)
    {
        var e = Element;
        for (long kind = 0; kind < 2; kind++)
            for (long sigma = 0; sigma < _s.Blocks; sigma++)
                InPrompt(c, sigma, Reg.T0, () =>
            {
                var src = block(kind, sigma);
                c.Li(Reg.T0, tok);
                c.Li(Reg.T1, src);
                c.Li(Reg.T2, SramLayout.Pack(d, Tb));
                c.I("tr", Reg.T0, Reg.T1, Reg.T2, _dt);                   // [tokens x head_dim]
                long lo = sigma * Tb, hi = lo + _s.TokensIn(sigma);
                for (var b = lo / p; b * p < hi; b++)
                {
                    long p0 = Math.Max(b * p, lo), p1 = Math.Min((b + 1) * p, hi);
                    var beta = (kind * kvHeads + kvh) * nb + b;
                    Hbm(c, "hbm.st", tok + (p0 - lo) * d * e, (int)(beta % l.Channels),
                        cacheBase + beta / l.Channels * l.Page + (p0 - b * p) * d * e, (p1 - p0) * d * e, Reg.KvLayerOffset);
                }
            });
    }
}
