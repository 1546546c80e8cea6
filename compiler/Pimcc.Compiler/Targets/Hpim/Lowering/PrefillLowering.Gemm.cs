using System.Numerics;
using Pimcc.Ir;

namespace Pimcc.Compiler.Targets.Hpim.Lowering;

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
            LoadVector(c, bias, biasBuf);
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
                var tileGroups = HbmRowBudget.Ceil(rows, banks);
                var cBase = distributed ? _local[op.Result.Name] + (q * g.FeaturesPerChannel + f0) * Element : cBuf;
                c.Li(Reg.T4, pe);
                c.Li(Reg.T5, Tb);
                c.Li(Reg.T6, distributed ? 1 : columns);
                c.I("tcu.ld", Reg.T4, Reg.T5, Reg.T6);
                void PrefetchWeights(long kappa)
                {
                    for (var gi = 0; gi < tileGroups; gi++)
                        Hbm(c, "hbm.pf", wBuf + (kappa % 2) * groups * groupBytes + gi * groupBytes, ch,
                            l.RowAddress(row0 + (f0 / banks + gi) * g.Chunks + kappa), groupBytes, Reg.LayerOffset, 2 + (int)(kappa % 2));
                }
                var seq = new List<(long Kappa, long Tau)>();
                for (long kappa = 0; kappa < g.Chunks; kappa++)
                    foreach (var tau in taus) seq.Add((kappa, tau));
                void PrefetchPanel(int s)
                {
                    var (kappa, tau) = seq[s];
                    PanelRows(c, "hbm.pf", src, tau, kappa, 0, RowsIn(g.K, kappa), xBuf + (s % 2) * _s.PanelBytes, s % 2);
                }
                PrefetchWeights(0);
                PrefetchPanel(0);
                long shapeM = -1, shapeN = -1, shapeK = -1;
                for (var s = 0; s < seq.Count; s++)
                {
                    var (kappa, tau) = seq[s];
                    if (tau == taus[0])
                    {
                        if (kappa + 1 < g.Chunks) PrefetchWeights(kappa + 1);
                        c.I("hbm.pfw", 2 + (int)(kappa % 2));
                    }
                    if (s + 1 < seq.Count) PrefetchPanel(s + 1);
                    c.I("hbm.pfw", s % 2);
                    var n = _s.TokensIn(src, tau);
                    var k = RowsIn(g.K, kappa);
                    if (rows != shapeM || n != shapeN || k != shapeK)
                    {
                        c.Li(Reg.T4, rows);
                        c.Li(Reg.T5, n);
                        c.Li(Reg.T6, k);
                        c.I("tcu.shape", Reg.T4, Reg.T5, Reg.T6);
                        (shapeM, shapeN, shapeK) = (rows, n, k);
                    }
                    c.Li(Reg.T4, cBase + (distributed ? 0 : tau * Tb * Element));
                    c.Li(Reg.T5, wBuf + (kappa % 2) * groups * groupBytes);
                    c.Li(Reg.T6, xBuf + (s % 2) * _s.PanelBytes);
                    c.I("tcu.gemm", Reg.T4, Reg.T5, Reg.T6, Fp16, kappa == 0 ? Set : Acc);
                }
                if (distributed) continue;
                foreach (var seg in segs)
                {
                    long a = Math.Max(seg.First, f0), b = Math.Min(seg.First + seg.Count, f0 + rows);
                    if (a < b) StoreRows(c, op.Result.Name, seg, a, b - a, cBuf + (a - f0) * columns * Element, columns, biasBuf, taus);
                }
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="count"/> accumulator rows (local features from <paramref name="first"/>) of a GEMM
    /// tile into the value's scratch panels: per row (a register loop) the global feature j gives the panel
    /// (first panel + tau x chunks + j / page elements), its channel and slot, and the row in the panel.
    /// </summary>
    private void StoreRows(CoreCode c, string value, Segment seg, long first, long count, long rowAddr, long columns, long biasBuf, List<long> taus)
    {
        var pe = l.ElementsPerPage;
        var chunks = _s.ChunksOf(value);
        const int J = 15, Src = 16, LogPe = 17, PeMask = 18, FirstPanel = 19, ChMask = 20, LogC = 21, LogPanel = 22, Base = 23;
        c.Li(J, seg.Global + (first - seg.First) * seg.Stride);
        c.Li(Src, rowAddr);
        c.Li(LogPe, BitOperations.Log2((uint)pe));
        c.Li(PeMask, pe - 1);
        c.Li(FirstPanel, _s.FirstPanel(value));
        c.Li(ChMask, l.Channels - 1);
        c.Li(LogC, BitOperations.Log2((uint)l.Channels));
        c.Li(LogPanel, BitOperations.Log2((ulong)_s.PanelBytes));
        c.Li(Base, _scratchBase);
        c.Li(Reg.T8, BitOperations.Log2((ulong)(Tb * Element)));
        c.Li(Reg.T9, columns * Element);
        c.Li(Reg.T10, biasBuf < 0 ? 0 : biasBuf);
        c.Li(Reg.T11, columns);
        c.Loop(Reg.L0, count, () =>
        {
            if (biasBuf >= 0)
            {
                c.Li(Reg.T0, BitOperations.Log2((uint)Element));
                c.I("shl", Reg.T0, J, Reg.T0);                             // bias element j
                c.I("add", Reg.T0, Reg.T0, Reg.T10);
                c.I("vadd.s", Src, Src, Reg.T0, Reg.T11, Fp16);
            }
            c.I("shr", Reg.T1, J, LogPe);
            c.I("add", Reg.T1, Reg.T1, FirstPanel);                       // panel of token block 0
            c.I("and", Reg.T2, J, PeMask);
            c.I("shl", Reg.T2, Reg.T2, Reg.T8);
            c.I("add", Reg.T2, Reg.T2, Base);                             // scratch base + row in panel
            long lastBytes = -1;
            for (var i = 0; i < taus.Count; i++)
            {
                var tau = taus[i];
                c.Li(Reg.T6, tau * chunks);
                c.I("add", Reg.T3, Reg.T1, Reg.T6);                       // panel g
                c.I("and", Reg.T4, Reg.T3, ChMask);                       // channel g mod C
                c.I("shr", Reg.T3, Reg.T3, LogC);
                c.I("shl", Reg.T3, Reg.T3, LogPanel);
                c.I("add", Reg.T3, Reg.T3, Reg.T2);                       // slot g / C
                c.Li(Reg.T6, i * Tb * Element);
                c.I("add", Reg.T5, Src, Reg.T6);
                var bytes = _s.TokensIn(value, tau) * Element;
                if (bytes != lastBytes) c.Li(Reg.T7, bytes);
                lastBytes = bytes;
                c.I("hbm.st", Reg.T3, Reg.T5, Reg.T7, Reg.T4);
            }
            c.Li(Reg.T6, seg.Stride);
            c.I("add", J, J, Reg.T6);
            c.I("add", Src, Src, Reg.T9);
        });
    }
}
