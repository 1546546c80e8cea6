using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// How one weight GEMV is spread over the HBM channels: the weight's rows, the input dimension in page-sized
/// chunks, and the channel-local features (output rows of the [out, in] weight) every channel computes.
/// Tensor-wise (TP) weights: global feature j is local feature j / channels of channel j mod channels.
/// Head-wise (HP, Algorithm 1): in round r, column s of head h is local feature offset_r + s / N_ch of
/// channel h x N_ch + s mod N_ch (<see cref="HeadAllocation"/>).
/// </summary>
internal sealed record GemvPlan(
    Operation Op, Weight Weight, int Features, int K, int Chunks, int ColumnsInLastChunk, int FeaturesPerChannel,
    HeadAllocation? Heads, IReadOnlyList<int> RoundOffsets)
{
    /// <summary>
    /// Largest partial-sum buffer (per core) a chunk-outer GEMV may use; above it the GEMV runs feature-outer.
    /// 32 KiB keeps the decode working set of OPT-30B-sized layers inside the 384 KiB activation memory.
    /// </summary>
    public const long PartialBudgetBytes = 32 * 1024;

    /// <summary>
    /// Chunk-outer (each input page written to the global buffers once; per-chunk partial sums reduced on the VCU)
    /// when its partial sums fit <see cref="PartialBudgetBytes"/>; otherwise feature-outer (the input page is
    /// rewritten for every row group; sums accumulate across chunks in the PU result registers).
    /// </summary>
    public bool FeatureOuter(HbmLayout l, int channelsPerCore) =>
        Chunks > 1 && (long)channelsPerCore * Blocks(l) * Chunks * l.Page > PartialBudgetBytes;

    /// <summary>Channel and channel-local feature of global output feature <paramref name="j"/> (the mapping above).</summary>
    public (int Channel, int Feature) Home(int j, int channels)
    {
        if (Heads is not { } heads) return (j % channels, j / channels);
        var h = j / heads.HeadDim;
        var s = j % heads.HeadDim;
        var r = heads.RoundOf(h);
        return (r.Channel(h - r.FirstHead, s), RoundOffsets[r.Index] + s / r.ChannelsPerHead);
    }

    /// <summary>Features per block: one result column per bank and pseudo channel per chunk (a page of partial sums).</summary>
    public static int FeaturesPerBlock(HbmLayout l) => l.ElementsPerPage;

    public int Blocks(HbmLayout l) => (int)HbmRowBudget.Ceil(FeaturesPerChannel, FeaturesPerBlock(l));

    /// <summary>Row groups (one feature per bank) on a channel.</summary>
    public int Groups(HbmLayout l) => (int)HbmRowBudget.Ceil(FeaturesPerChannel, l.Banks);

    /// <summary>Bytes of partial sums one channel leaves in its owner's local memory.</summary>
    public long PartialBytesPerChannel(HbmLayout l, int channelsPerCore) => FeatureOuter(l, channelsPerCore)
        ? Groups(l) * l.PseudoChannels * l.Column
        : (long)Blocks(l) * Chunks * l.Page;

    public static GemvPlan Of(Operation op, Module m, HbmLayout l, HpimTarget t)
    {
        var w = m.FindWeight(op.Operands[1].Name)!;
        var features = (int)w.Type.Shape[0].Constant;
        var k = (int)w.Type.Shape[1].Constant;
        if ((w.Type.Element.Bits() + 7) / 8 != l.Element)
            throw new PimccError(ExitCode.UnsupportedModel, $"weight @{w.Name}", $"element type {w.Type.Element.Name()} differs from the target's {l.Element}-byte elements",
                "cast the model to the target's element type (FP16 for hpim)");
        var chunks = (int)HbmRowBudget.Ceil(k, l.ElementsPerPage);
        var lastCols = (int)HbmRowBudget.Ceil(k - (long)(chunks - 1) * l.ElementsPerPage, l.ElementsPerColumn);
        if (chunks > 127)
            throw new PimccError(ExitCode.UnsupportedModel, $"weight @{w.Name}", $"input dimension {k} needs {chunks} pages per feature; a rep row stride holds at most 127",
                "the hpim lowering supports GEMV input dimensions up to 127 pages");
        HeadAllocation? heads = null;
        var offsets = new List<int>();
        long perChannel;
        if (op.Attrs.StrOr(HpimAttrs.Tiling, "tp") == "hp")
        {
            var rounds = op.Attrs.Ints(HpimAttrs.Rounds);
            var h = (int)rounds.Sum();
            heads = HeadAllocation.Compute(h, features / h, l.Channels, t.Sram.Cores);
            var offset = 0;
            foreach (var r in heads.Rounds)
            {
                offsets.Add(offset);
                offset += (int)HbmRowBudget.HeadFeaturesPerChannel(heads.HeadDim, r.ChannelsPerHead);
            }
            perChannel = l.Budget.FeaturesPerChannel(features, heads.Rounds.Select(r => (long)r.ChannelsPerHead).ToList(), h);
        }
        else perChannel = l.Budget.FeaturesPerChannel(features, null, 1);
        var plan = new GemvPlan(op, w, features, k, chunks, lastCols, (int)perChannel, heads, offsets);
        l.CheckFits($"weight @{w.Name}", l.RowBytes(HbmRowBudget.Ceil(perChannel, l.Banks) * chunks), HbmLayout.Rows(w));
        return plan;
    }
}
