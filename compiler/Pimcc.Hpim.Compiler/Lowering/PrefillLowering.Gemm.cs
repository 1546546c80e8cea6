using System.Numerics;
using Pimcc.Ir;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>Prefill weight GEMMs on the TCU (docs/hpim-lowering.md, "Prefill").</summary>
internal sealed partial class PrefillLowering
{
    /// <summary>
    /// Output features [First, First + Count) of one channel's local feature range map to global features
    /// Global + (f - First) x Stride (TP: stride = channels; HP round: stride = channels per head).
    /// </summary>
    private readonly record struct Segment(long First, long Count, long Global, long Stride);

    private List<Segment> Segments(GemvPlan g, int channel)
    {
        var list = new List<Segment>();
        if (g.Heads is not { } heads)
        {
            var n = new FeatureStriping(g.Features, l.Channels).FeaturesOn(channel);
            if (n > 0) list.Add(new Segment(0, n, channel, l.Channels));
            return list;
        }
        for (var r = 0; r < heads.Rounds.Length; r++)
        {
            var round = heads.Rounds[r];
            if (channel >= round.ActiveChannels) continue;
            var lane = channel % round.ChannelsPerHead;
            var head = round.FirstHead + channel / round.ChannelsPerHead;
            var valid = lane < heads.HeadDim ? (heads.HeadDim - lane + round.ChannelsPerHead - 1) / round.ChannelsPerHead : 0;
            if (valid > 0) list.Add(new Segment(g.RoundOffsets[r], valid, (long)head * heads.HeadDim + lane, round.ChannelsPerHead));
        }
        return list;
    }

    /// <summary>
    /// C^T = W . X^T on core c for the features on its own channels. Per channel, per feature tile of
    /// <c>hpim.tile_n</c> features (whole row groups: one feature per bank): for every page-sized chunk of the input
    /// dimension the weight tile is one DRAM row of every bank per row group (A operand, lda = page, no transpose),
    /// streamed once with <c>hbm.pf</c> into one of two buffers while the TCU works on the previous chunk; for every
    /// token block the activation panel (B operand, feature-major) is prefetched into one of two buffers the same way.
    /// The accumulators hold the tile's features for the whole prompt; at the end each feature row gets its bias and
    /// goes to its scratch panels. The LM head (returned, reads last_token) accumulates straight into the core's
    /// logits region, distributed like decode's.
    /// </summary>
    private void Gemm(CoreCode c, Operation op, GemvPlan g)
    {
        var src = _s.Resolve(op.Operands[0].Name);
        var distributed = _local.ContainsKey(op.Result.Name);
        if (distributed && (_s.BlocksOf(src) != 1 || _s.TokensIn(src, 0) != 1))
            throw Unsupported(op, "a returned GEMM output (the logits) must be computed for one token (last_token)");
        var taus = Enumerable.Range(0, (int)_s.BlocksOf(src)).Select(x => (long)x).ToList();
        var columns = _s.BlocksOf(src) * Tb;
        var nt = op.Attrs.Int(HpimAttrs.TileN);
        var banks = l.Banks;
        var groupBytes = banks * l.Page;
        var groups = HbmRowBudget.Ceil(nt, banks);
        var pe = l.ElementsPerPage;
        var wBuf = Take(2 * groups * groupBytes);
        var xBuf = Take(2 * _s.PanelBytes);
        var cBuf = distributed ? 0 : Take(nt * columns * Element);
        long biasBuf = -1;
        if (op.Operands.Length > 2)
        {
            var bias = m.FindWeight(op.Operands[2].Name)!;
            biasBuf = Take(VectorBytes(bias));
            // the returned logits' bias is added to the core's slice at the end (striped like it)
            if (!distributed) LoadVector(c, bias, biasBuf);
        }
        var row0 = HbmLayout.Row(g.Weight);
        var owned = t.Hbm.ChannelsOfCore(c.Core);
        for (var q = 0; q < owned.Count; q++)
        {
            var ch = owned[q];
            var segs = Segments(g, ch);
            var end = segs.Count == 0 ? 0 : segs.Max(s => s.First + s.Count);
            for (long f0 = 0; f0 < end; f0 += nt)
            {
                var rows = Math.Min(nt, end - f0);
                var tile = new GemmTile(g, src, ch, rows, HbmRowBudget.Ceil(rows, banks), groups * groupBytes, wBuf, xBuf,
                    distributed ? _local[op.Result.Name] + (q * g.FeaturesPerChannel + f0) * Element : cBuf, distributed ? 1 : columns, taus,
                    l.RowAddress(row0 + f0 / banks * g.Chunks));
                TileGemm(c, tile);
                if (distributed) continue;
                foreach (var seg in segs)
                {
                    long a = Math.Max(seg.First, f0), b = Math.Min(seg.First + seg.Count, f0 + rows);
                    if (a < b) StoreRows(c, op.Result.Name, seg, a, b - a, cBuf + (a - f0) * columns * Element, columns, biasBuf, taus);
                }
            }
        }
        if (distributed && biasBuf >= 0)
            ReturnedLogits.AddStripedBias(c, l, m.FindWeight(op.Operands[2].Name)!, owned, _local[op.Result.Name], g.FeaturesPerChannel, biasBuf,
                Reg.VectorLayerOffset, _dt);
    }

    /// <summary>A TCU instruction (<c>tcu.ld</c>, <c>tcu.shape</c>, <c>tcu.gemm</c>) whose three register operands hold
    /// <paramref name="a"/>, <paramref name="b"/> and <paramref name="x"/> (loaded into T4, T5, T6), then its modifiers.</summary>
    private static void Tcu(CoreCode c, string mnemonic, long a, long b, long x, params long[] modifiers)
    {
        c.Li(Reg.T4, a);
        c.Li(Reg.T5, b);
        c.Li(Reg.T6, x);
        c.I(mnemonic, [Reg.T4, Reg.T5, Reg.T6, .. modifiers]);
    }

    /// <summary>One feature tile of a GEMM on one channel: what <see cref="TileGemm"/> needs.</summary>
    private sealed record GemmTile(GemvPlan Plan, string Input, int Channel, long Rows, long Groups, long WeightBufferBytes, long WeightBuffers,
        long PanelBuffers, long Accumulators, long Ldc, List<long> Taus, long WeightAddress);

    // GEMM registers: next weight chunk address, next panel's address and channel, its chunk's panel index, chunk-pair counter
    private const int GW = 15, GX = 16, GXc = 17, GP = 18, GStride = 19, GLogC = 20, GLogPanel = 21, GMask = 22, GBase = 23;

    /// <summary>
    /// The chunk loop of one feature tile. Steps (kappa, tau) run chunk-major; at step s the panel of step s + 1 is
    /// prefetched into the other panel buffer (tag (s + 1) mod 2), then, at the first token block of chunk kappa, the
    /// weight tile of chunk kappa + 1 into the other weight buffer (tag 2 + (kappa + 1) mod 2); the step waits for its
    /// own tags and runs <c>tcu.gemm</c>. HBM addresses live in registers that advance step by step, so the chunks in the
    /// middle run as a counted loop over chunk pairs (buffers and tags alternate within a pair); the first pair and
    /// the last chunks (including a short last chunk) are emitted straight.
    /// </summary>
    private void TileGemm(CoreCode c, GemmTile tl)
    {
        var g = tl.Plan;
        var pe = l.ElementsPerPage;
        var panels = _s.PanelBytes;
        Tcu(c, "tcu.ld", pe, Tb, tl.Ldc);
        c.Li(GW, tl.WeightAddress);
        c.I("add", GW, GW, Reg.LayerOffset);
        var (ch0, off0) = _s.Panel(tl.Input, 0, 0);
        c.Li(GXc, ch0);
        c.Li(GX, _scratchBase + off0);
        c.Li(GStride, _s.TokenBlockStride(tl.Input));
        c.Li(GLogC, System.Numerics.BitOperations.Log2((uint)l.Channels));
        c.Li(GLogPanel, System.Numerics.BitOperations.Log2((ulong)panels));
        c.Li(GMask, l.Channels - 1);
        c.Li(GP, off0 / panels * l.Channels + ch0);                       // panel index of (tau 0, kappa): channel = GP mod C, slot = GP / C
        c.Li(GBase, _scratchBase);
        var nTau = tl.Taus.Count;
        var shape = (M: -1L, N: -1L, K: -1L);

        void PrefetchWeights(long kappa)
        {
            for (var gi = 0; gi < tl.Groups; gi++)
            {
                c.Li(Reg.T0, tl.WeightBuffers + (kappa % 2) * tl.WeightBufferBytes + gi * l.Banks * l.Page);
                c.Li(Reg.T1, gi * g.Chunks * l.Map.RowStride);
                c.I("add", Reg.T1, Reg.T1, GW);
                c.Li(Reg.T2, l.RowBytes(1));
                c.Li(Reg.T3, tl.Channel);
                c.I("hbm.pf", Reg.T0, Reg.T1, Reg.T2, Reg.T3, 2 + (int)(kappa % 2));
            }
            c.Li(Reg.T1, l.Map.RowStride);
            c.I("add", GW, GW, Reg.T1);
        }
        // prefetch the panel GX/GXc points at (step s, chunk kappa) into buffer s mod 2, then advance to step s + 1
        void PrefetchPanel(long s, long kappa, int tau)
        {
            InPrompt(c, tl.Taus[tau], Reg.T0, () =>
            {
                c.Li(Reg.T0, tl.PanelBuffers + (s % 2) * panels);
                c.Li(Reg.T2, RowsIn(g.K, kappa) * Tb * Element);
                c.I("hbm.pf", Reg.T0, GX, Reg.T2, GXc, (int)(s % 2));
            });
            if (tau + 1 < nTau) c.I("add", GX, GX, GStride);
            else
            {
                c.I("addi", GP, GP, 1);                                    // next chunk: next panel index
                c.I("and", GXc, GP, GMask);
                c.I("shr", GX, GP, GLogC);
                c.I("shl", GX, GX, GLogPanel);
                c.I("add", GX, GX, GBase);
            }
        }
        void Chunk(long kappa)
        {
            for (var i = 0; i < nTau; i++)
            {
                var tau = tl.Taus[i];
                var s = kappa * nTau + i;
                // the next step's panel goes first: the HBM interface is in order, and that panel is needed before
                // the next chunk's weights
                var last = kappa == g.Chunks - 1 && i == nTau - 1;
                if (!last) PrefetchPanel(s + 1, i + 1 < nTau ? kappa : kappa + 1, (i + 1) % nTau);
                if (i == 0)
                {
                    if (kappa + 1 < g.Chunks) PrefetchWeights(kappa + 1);
                    c.I("hbm.pfw", 2 + (int)(kappa % 2));
                }
                var shaped = false;
                InPrompt(c, tau, Reg.T0, () =>
                {
                    c.I("hbm.pfw", (int)(s % 2));
                    var n = _s.TokensIn(tl.Input, tau);
                    var k = RowsIn(g.K, kappa);
                    if (shape != (tl.Rows, n, k))
                    {
                        Tcu(c, "tcu.shape", tl.Rows, n, k);
                        shape = (tl.Rows, n, k);
                        shaped = true;
                    }
                    Tcu(c, "tcu.gemm", tl.Accumulators + (tl.Ldc == 1 ? 0 : tau * Tb * Element), tl.WeightBuffers + (kappa % 2) * tl.WeightBufferBytes, tl.PanelBuffers + (s % 2) * panels, _dt, kappa == 0 ? Set : Acc);
                });
                // a shape set in a block the prompt may not reach is unknown afterwards
                if (shaped && tau > 0) shape = (-1, -1, -1);
            }
        }
        PrefetchWeights(0);
        PrefetchPanel(0, 0, 0);
        // chunks [2, 2 + 2 x pairs) run as a loop body emitted for kappa = 2, 3 (same parities, full chunks, not the
        // last), so at least the last chunk stays outside the loop
        var full = g.K / pe;                                               // chunks with a full page of the input
        var pairs = Math.Max(0, (Math.Min(full, g.Chunks) - 3) / 2);
        for (long kappa = 0; kappa < Math.Min(2, g.Chunks); kappa++) Chunk(kappa);
        if (pairs > 0)
        {
            shape = (-1, -1, -1);
            c.Loop(Reg.L1, pairs, () =>
            {
                Chunk(2);
                Chunk(3);
            });
            shape = (-1, -1, -1);
        }
        for (var kappa = 2 + 2 * pairs; kappa < g.Chunks; kappa++) Chunk(kappa);
    }

    /// <summary>
    /// Stores <paramref name="count"/> accumulator rows (local features from <paramref name="first"/>) of a GEMM
    /// tile into the value's scratch panels: per row (a register loop) the global feature j gives the panel of token
    /// block 0 (first panel + j / page elements), its channel and slot, and the row in the panel; the token blocks
    /// follow at the value's token-block stride on the same channel.
    /// </summary>
    private void StoreRows(CoreCode c, string value, Segment seg, long first, long count, long rowAddr, long columns, long biasBuf, List<long> taus)
    {
        var pe = l.ElementsPerPage;
        var (ch0, off0) = _s.Panel(value, 0, 0);
        const int J = 15, Src = 16, LogPe = 17, PeMask = 18, FirstPanel = 19, ChMask = 20, LogC = 21, LogPanel = 22, Base = 23;
        c.Li(J, seg.Global + (first - seg.First) * seg.Stride);
        c.Li(Src, rowAddr);
        c.Li(LogPe, BitOperations.Log2((uint)pe));
        c.Li(PeMask, pe - 1);
        c.Li(FirstPanel, off0 / _s.PanelBytes * l.Channels + ch0);
        c.Li(ChMask, l.Channels - 1);
        c.Li(LogC, BitOperations.Log2((uint)l.Channels));
        c.Li(LogPanel, BitOperations.Log2((ulong)_s.PanelBytes));
        c.Li(Base, _scratchBase);
        c.Li(Reg.T8, BitOperations.Log2((ulong)(Tb * Element)));
        c.Li(Reg.T9, columns * Element);
        c.Li(Reg.T10, biasBuf < 0 ? 0 : biasBuf);
        c.Li(Reg.T11, columns);
        c.Li(Reg.T6, _s.TokenBlockStride(value));
        c.Li(Reg.T7, Tb * Element);
        c.Loop(Reg.L0, count, () =>
        {
            if (biasBuf >= 0)
            {
                c.Li(Reg.T0, BitOperations.Log2((uint)Element));
                c.I("shl", Reg.T0, J, Reg.T0);                             // bias element j
                c.I("add", Reg.T0, Reg.T0, Reg.T10);
                c.I("vadd.s", Src, Src, Reg.T0, Reg.T11, _dt);
            }
            c.I("shr", Reg.T1, J, LogPe);
            c.I("add", Reg.T1, Reg.T1, FirstPanel);                       // panel of token block 0
            c.I("and", Reg.T4, Reg.T1, ChMask);                           // its channel
            c.I("shr", Reg.T1, Reg.T1, LogC);
            c.I("shl", Reg.T1, Reg.T1, LogPanel);                         // its slot
            c.I("and", Reg.T2, J, PeMask);
            c.I("shl", Reg.T2, Reg.T2, Reg.T8);                           // row in the panel
            c.I("add", Reg.T3, Reg.T1, Reg.T2);
            c.I("add", Reg.T3, Reg.T3, Base);
            c.I("add", Reg.T5, Src, Reg.Zero);
            long lastBytes = -1;
            // a skipped block skips every later one too, so T1 as set in an earlier block stays right where it is used
            foreach (var tau in taus)
                InPrompt(c, tau, Reg.T0, () =>
                {
                    var bytes = _s.TokensIn(value, tau) * Element;
                    if (bytes != lastBytes) c.Li(Reg.T1, bytes);
                    lastBytes = bytes;
                    c.I("hbm.st", Reg.T3, Reg.T5, Reg.T1, Reg.T4);
                    c.I("add", Reg.T3, Reg.T3, Reg.T6);
                    c.I("add", Reg.T5, Reg.T5, Reg.T7);
                });
            c.Li(Reg.T0, seg.Stride);
            c.I("add", J, J, Reg.T0);
            c.I("add", Src, Src, Reg.T9);
        });
    }
}
