using System.Numerics;
using Pimcc.Hpim.Compiler.Passes;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Isa.Sram;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>Decode weight GEMVs: the HBM-PIM channel programs and the owning cores' side (docs/hpim-lowering.md).</summary>
internal sealed partial class DecodeLowering
{
    // ---------------------------------------------------------------- GEMV on HBM-PIM

    /// <summary>
    /// One channel's GEMV program, chunk-outer: per input chunk (one page = one global-buffer fill) write the
    /// chunk into both pseudo channels' global buffers, then per row group (one feature per bank) clear, activate,
    /// MAC the chunk's columns, precharge and read the bank results as that chunk's partial sums.
    /// </summary>
    private void GemvChannel(ChannelCode ch, GemvPlan g, long input)
    {
        ch.C("wait", Events.InputReady(ch.Channel), 1);
        GemvGroups(ch, g, input, 0, g.Groups(_l));
        ch.C("sig", Events.OutputReady(_l.Channels, _t.Hbm.ChannelOwner[ch.Channel], _batch[g.Op.Id].Slot), 1);
    }

    /// <summary>
    /// Row groups [<paramref name="first"/>, <paramref name="end"/>) of one channel's GEMV (all groups, or one
    /// round's when the batch runs round-major). Group g holds channel-local features g x banks .. g x banks + banks
    /// - 1, so its partial sums land at byte g x banks x element of each chunk page (feature-linear).
    /// </summary>
    private void GemvGroups(ChannelCode ch, GemvPlan g, long input, int first, int end)
    {
        var owner = _t.Hbm.ChannelOwner[ch.Channel];
        var perCore = ChannelsPerCore();
        var q = ch.Channel % perCore;
        var inUnit = input / _l.Column;
        var perBlock = GemvPlan.FeaturesPerBlock(_l);
        var groupsPerBlock = perBlock / _l.Banks;
        var row0 = HbmLayout.Row(g.Weight);
        if (g.FeatureOuter(_l, perCore))
        {
            FeatureOuter(ch, g, owner, inUnit, (PartBase(g) + q * g.PartialBytesPerChannel(_l, perCore)) / _l.Column, row0, first, end);
            return;
        }
        for (var b = 0; b < g.Blocks(_l); b++)
        {
            var featuresInBlock = Math.Min(perBlock, g.FeaturesPerChannel - b * perBlock);
            var lo = Math.Max(first, b * groupsPerBlock);
            var hi = Math.Min(end, b * groupsPerBlock + (int)HbmRowBudget.Ceil(featuresInBlock, _l.Banks));
            if (lo >= hi) continue;
            var skipped = lo - b * groupsPerBlock;
            var partUnit = (PartBase(g) + ((long)q * g.Blocks(_l) + b) * g.Chunks * _l.Page) / _l.Column + (long)skipped * _l.PseudoChannels;
            var rowBase = row0 + ((long)b * groupsPerBlock + skipped) * g.Chunks;
            var full = g.ColumnsInLastChunk == _l.ColumnsPerPage ? g.Chunks : g.Chunks - 1;
            ChunkRange(ch, owner, 0, full, _l.ColumnsPerPage, hi - lo, g.Chunks, rowBase, inUnit, partUnit);
            if (full < g.Chunks)
                ChunkRange(ch, owner, full, 1, g.ColumnsInLastChunk, hi - lo, g.Chunks, rowBase, inUnit, partUnit);
        }
    }

    private long PartBase(GemvPlan g) => _part + _batch[g.Op.Id].Slot * _partStride;

    /// <summary>
    /// Feature-outer GEMV: per row group (unrolled, so each group's results get their own local address), per chunk
    /// rewrite the global buffers with the chunk and MAC it; the PU result registers accumulate over the chunks.
    /// </summary>
    private void FeatureOuter(ChannelCode ch, GemvPlan g, int owner, long inUnit, long outUnit, long row0, int first, int end)
    {
        var pageUnits = (int)(_l.Page / _l.Column);
        var full = g.ColumnsInLastChunk == _l.ColumnsPerPage ? g.Chunks : g.Chunks - 1;
        for (var grp = first; grp < end; grp++)
        {
            var row = row0 + (long)grp * g.Chunks;
            ch.C("res.clr", 0);
            ch.C("res.clr", 1);
            void Chunks(int first, int count, int cols) => ch.Rep(count, drow: 1, dcol: 0, dgcol: 0, dladdr: pageUnits, () =>
            {
                ch.Rep(cols, 0, 0, 1, 1, () =>
                {
                    ch.C("gwr", 0, 0, owner, inUnit + (long)first * pageUnits);
                    ch.C("gwr", 1, 0, owner, inUnit + (long)first * pageUnits);
                });
                ch.C("act.ab", 0, row + first);
                ch.C("act.ab", 1, row + first);
                ch.Rep(cols, 0, 1, 1, 0, () =>
                {
                    ch.C("mac.ab", 0, 0, 0);
                    ch.C("mac.ab", 1, 0, 0);
                });
                ch.C("pre.ab", 0);
                ch.C("pre.ab", 1);
            });
            Chunks(0, full, _l.ColumnsPerPage);
            if (full < g.Chunks) Chunks(full, 1, g.ColumnsInLastChunk);
            ch.C("res.rd.ab", 0, owner, outUnit + (long)grp * _l.PseudoChannels);
            ch.C("res.rd.ab", 1, owner, outUnit + (long)grp * _l.PseudoChannels + 1);
        }
    }

    private void ChunkRange(ChannelCode ch, int owner, int first, int count, int cols, int groups, int chunks, long rowBase, long inUnit, long partUnit)
    {
        var pageUnits = (int)(_l.Page / _l.Column);
        ch.Rep(count, drow: 1, dcol: 0, dgcol: 0, dladdr: pageUnits, () =>
        {
            ch.Rep(cols, 0, 0, 1, 1, () =>
            {
                ch.C("gwr", 0, 0, owner, inUnit + (long)first * pageUnits);
                ch.C("gwr", 1, 0, owner, inUnit + (long)first * pageUnits);
            });
            ch.Rep(groups, drow: chunks, dcol: 0, dgcol: 0, dladdr: _l.PseudoChannels, () =>
            {
                ch.C("res.clr", 0);
                ch.C("res.clr", 1);
                ch.C("act.ab", 0, rowBase + first);
                ch.C("act.ab", 1, rowBase + first);
                ch.Rep(cols, 0, 1, 1, 0, () =>
                {
                    ch.C("mac.ab", 0, 0, 0);
                    ch.C("mac.ab", 1, 0, 0);
                });
                ch.C("pre.ab", 0);
                ch.C("pre.ab", 1);
                ch.C("res.rd.ab", 0, owner, partUnit + (long)first * pageUnits);
                ch.C("res.rd.ab", 1, owner, partUnit + (long)first * pageUnits + 1);
            });
        });
    }

    /// <summary>The first GEMV of a batch: the owning core tells its channels the input is ready (once per GEMV of the batch).</summary>
    private void GemvSignal(CoreCode c, GemvPlan g)
    {
        var (slot, batch) = _batch[g.Op.Id];
        if (slot == 0) foreach (var ch in _t.Hbm.ChannelsOfCore(c.Core)) c.I("ev.sig", Events.InputReady(ch), batch);
    }

    /// <summary>
    /// The owning core's side of a GEMV (after <see cref="GemvSignal"/>): wait for its channels' partial sums,
    /// reduce them over the input chunks, all-gather every core's channel results, and reorder them into the
    /// natural feature order (TP: one transpose; HP: one strided copy and transpose per head). With
    /// <paramref name="round"/> &gt;= 0 (round-major batch) only that Algorithm-1 round: its output event, its
    /// channel-local features, its heads and their bias.
    /// </summary>
    private void GemvCore(CoreCode c, GemvPlan g, int round = -1)
    {
        var channels = _t.Hbm.ChannelsOfCore(c.Core);
        var (slot, _) = _batch[g.Op.Id];
        c.I("ev.wait", Events.OutputReady(_l.Channels, c.Core, round < 0 ? slot : slot * g.Heads!.Rounds.Length + round), channels.Count);
        var (lo, hi) = round < 0 ? (0, g.FeaturesPerChannel) : RoundFeatures(g, round);
        // One round's features are compacted per channel (stride hi - lo) so the all-gather moves only that round.
        var stride = hi - lo;
        var perBlock = GemvPlan.FeaturesPerBlock(_l);
        var featureOuter = g.FeatureOuter(_l, channels.Count);
        for (var q = 0; q < channels.Count && featureOuter; q++)
        {
            Li(c, Reg.T0, _red + (long)q * stride * _l.Element);
            Li(c, Reg.T1, PartBase(g) + q * g.PartialBytesPerChannel(_l, channels.Count) + (long)lo * _l.Element);
            Li(c, Reg.T2, (long)(hi - lo) * _l.Element);
            c.I("mv", Reg.T0, Reg.T1, Reg.T2);
        }
        for (var q = 0; q < channels.Count && !featureOuter; q++)
            for (var b = 0; b < g.Blocks(_l); b++)
            {
                var a = Math.Max(lo, b * perBlock);
                var n = Math.Min(hi, Math.Min(g.FeaturesPerChannel, (b + 1) * perBlock)) - a;
                if (n <= 0) continue;
                var src = PartBase(g) + ((long)q * g.Blocks(_l) + b) * g.Chunks * _l.Page + (long)(a - b * perBlock) * _l.Element;
                var dst = _red + ((long)q * stride + a - lo) * _l.Element;
                Li(c, Reg.T0, dst);
                Li(c, Reg.T1, src);
                Li(c, Reg.T2, n * _l.Element);
                c.I("mv", Reg.T0, Reg.T1, Reg.T2);
                if (g.Chunks > 1)
                {
                    Li(c, Reg.T2, n);
                    c.Loop(Reg.L0, g.Chunks - 1, () =>
                    {
                        c.I("addi", Reg.T1, Reg.T1, _l.Page);
                        c.I("vadd", Reg.T0, Reg.T0, Reg.T1, Reg.T2, _dt);
                    });
                }
            }
        var dstAll = Addr(g.Op.Result);
        if (_distributed.Contains(g.Op.Id))
        {
            // This core's slice, in its channels' striping order (docs/hpim-lowering.md, "Returned logits").
            Li(c, Reg.T0, dstAll);
            Li(c, Reg.T1, _red);
            Li(c, Reg.T2, (long)channels.Count * g.FeaturesPerChannel * _l.Element);
            c.I("mv", Reg.T0, Reg.T1, Reg.T2);
            if (g.Op.Operands.Length > 2)
                ReturnedLogits.AddStripedBias(c, _l, _m.FindWeight(g.Op.Operands[2].Name)!, channels, dstAll, g.FeaturesPerChannel, _vec, Reg.LayerOffset, _dt);
            return;
        }
        Li(c, Reg.T0, _gath);
        Li(c, Reg.T1, _red);
        Li(c, Reg.T2, (long)channels.Count * stride * _l.Element);
        Li(c, Reg.T3, AllCoresMask());
        c.I("noc.ag", Reg.T0, Reg.T1, Reg.T2, Reg.T3);
        if (g.Heads is null)
        {
            Li(c, Reg.T0, dstAll);
            Li(c, Reg.T1, _gath);
            Li(c, Reg.T2, SramLayout.Pack(_l.Channels, g.FeaturesPerChannel));
            c.I("tr", Reg.T0, Reg.T1, Reg.T2, _dt);
        }
        else
        {
            var a = g.Heads;
            for (var r = 0; r < a.Rounds.Length; r++)
            {
                if (round >= 0 && r != round) continue;
                var rd = a.Rounds[r];
                var per = (long)HbmRowBudget.Ceil(a.HeadDim, rd.ChannelsPerHead);
                Li(c, Reg.T2, SramLayout.Pack(rd.ChannelsPerHead, per * _l.Element));
                Li(c, Reg.T3, SramLayout.Pack(per * _l.Element, stride * _l.Element));
                Li(c, Reg.T4, SramLayout.Pack(rd.ChannelsPerHead, per));
                for (var h = 0; h < rd.Heads; h++)
                {
                    var head = rd.FirstHead + h;
                    Li(c, Reg.T0, _headTile);
                    Li(c, Reg.T1, _gath + ((long)h * rd.ChannelsPerHead * stride + g.RoundOffsets[r] - lo) * _l.Element);
                    c.I("mv.2d", Reg.T0, Reg.T1, Reg.T2, Reg.T3);
                    Li(c, Reg.T5, dstAll + (long)head * a.HeadDim * _l.Element);
                    c.I("tr", Reg.T5, Reg.T0, Reg.T4, _dt);
                }
            }
        }
        if (g.Op.Operands.Length > 2)
        {
            var bias = _m.FindWeight(g.Op.Operands[2].Name)!;
            LoadVector(c, bias, _vec);
            var (f0, nf) = round < 0 ? (0L, (long)g.Features)
                : ((long)g.Heads!.Rounds[round].FirstHead * g.Heads.HeadDim, (long)g.Heads.Rounds[round].Heads * g.Heads.HeadDim);
            Li(c, Reg.T0, dstAll + f0 * _l.Element);
            Li(c, Reg.T1, _vec + f0 * _l.Element);
            Li(c, Reg.T2, nf);
            c.I("vadd", Reg.T0, Reg.T0, Reg.T1, Reg.T2, _dt);
        }
    }

    private long AllCoresMask() => _cores.Length >= 32 ? uint.MaxValue : (1L << _cores.Length) - 1;
}
