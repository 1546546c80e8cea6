using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler;

/// <summary>
/// Row-wise placement arithmetic: a tensor slice on a channel is laid out feature by feature, each
/// feature's weights in page-sized chunks (one DRAM row each), features dealt round-robin to the
/// channel's banks so an all-bank activate opens one row of every bank and all bank PUs work at
/// once. Every channel uses the same row range, so one bump pointer allocates all channels.
/// </summary>
public sealed record HbmRowBudget(long PageBytes, int BanksPerChannel, long RowsPerBank, int Channels, long ColumnBytes)
{
    public static HbmRowBudget Of(HbmOrganization o) => new(o.PageBytes, o.BanksPerChannel, o.RowsPerBank, o.Channels, o.ColumnBytes);

    /// <summary>Bytes of one row of every bank of a channel (in-channel addresses are (row x banks + bank) x page + byte).</summary>
    public long RowBytesPerChannel => BanksPerChannel * PageBytes;

    /// <summary>
    /// Share of a 1-D weight (norm scale, bias) per channel: an even split over the channels in whole columns. 1-D weights
    /// are packed one after another into shared rows (<see cref="HpimAttrs.HbmOffset"/>), not given rows of their own.
    /// </summary>
    public long FlatShare(long bytes) => Ceil(Ceil(bytes, Channels), ColumnBytes) * ColumnBytes;

    /// <summary>
    /// Share per channel of a channel-striped 1-D weight (<see cref="HpimAttrs.HbmStriped"/>: element j on channel j mod
    /// channels, at element j / channels of its share), in whole columns.
    /// </summary>
    public long StripedShare(long elements, long elementBytes) => Ceil(Ceil(elements, Channels) * elementBytes, ColumnBytes) * ColumnBytes;

    /// <summary>Whether the 1-D weight is stored channel-striped (<see cref="HpimAttrs.HbmStriped"/>).</summary>
    public static bool IsStriped(Weight w) => w.Attrs.IntOr(HpimAttrs.HbmStriped, 0) == 1;

    /// <summary>Share per channel of the packed 1-D weight <paramref name="w"/>: striped or flat, as it is marked.</summary>
    public long Share(Weight w) => IsStriped(w)
        ? StripedShare(w.Type.ElementCount.Constant, Math.Max(1, w.Type.Element.Bits() / 8))
        : FlatShare(w.Type.StaticBytes);

    /// <summary>
    /// Local bytes a core loads of the packed 1-D weight <paramref name="w"/>: every channel's share, or only its own
    /// <paramref name="channelsPerCore"/> channels' shares of a striped one (ReturnedLogits.AddStripedBias).
    /// </summary>
    public long LoadedBytes(Weight w, int channelsPerCore) => Share(w) * (IsStriped(w) ? channelsPerCore : Channels);

    /// <summary>Rows per bank for <paramref name="features"/> features of <paramref name="featureBytes"/> bytes each on one channel.</summary>
    public long RowsForFeatures(long features, long featureBytes) =>
        Ceil(features, BanksPerChannel) * Ceil(featureBytes, PageBytes);

    /// <summary>
    /// Channel-local features of a tiled GEMV weight with <paramref name="features"/> output features: head-wise (HP,
    /// Algorithm 1; <paramref name="channelsPerHead"/> = N_ch of each round of <paramref name="heads"/> heads) every
    /// round puts ceil(d_k / N_ch) columns of one head on a channel; tensor-wise (TP, <paramref name="channelsPerHead"/>
    /// null) feature j goes to channel j mod channels (<see cref="FeatureStriping"/>). The memory planner sizes the rows
    /// with it and the lowering addresses them with it, so the two cannot disagree.
    /// </summary>
    public long FeaturesPerChannel(long features, IReadOnlyList<long>? channelsPerHead, long heads) =>
        channelsPerHead is null
            ? Ceil(features, Channels)
            : channelsPerHead.Sum(n => HeadFeaturesPerChannel(features / heads, n));

    /// <summary>Columns of one head a channel holds in a round that spreads the head over <paramref name="channelsPerHead"/> channels.</summary>
    public static long HeadFeaturesPerChannel(long headDim, long channelsPerHead) => Ceil(headDim, channelsPerHead);

    /// <summary>Rows per bank of a tiled GEMV weight [features, inputs] (<see cref="FeaturesPerChannel"/>).</summary>
    public long RowsForLinearWeight(long features, long inputBytes, IReadOnlyList<long>? channelsPerHead, long heads) =>
        RowsForFeatures(FeaturesPerChannel(features, channelsPerHead, heads), inputBytes);

    /// <summary>Rows per bank for a flat byte range striped evenly over all channels and banks.</summary>
    public long RowsForBytes(long bytes) => Ceil(Ceil(bytes, Channels), BanksPerChannel * PageBytes);

    public long BytesPerRowAcrossDevice => PageBytes * BanksPerChannel * Channels;

    /// <summary>
    /// Positions of one KV head per page-sized block: the largest power of two whose keys (or values) fit one
    /// page, or 0 when one position does not fit. Blocks are what decode streams into the PIM macros.
    /// </summary>
    public long KvBlockPositions(long headDim, long elementBytes)
    {
        var per = PageBytes / (headDim * elementBytes);
        return per < 1 ? 0 : 1L << System.Numerics.BitOperations.Log2((ulong)per);
    }

    /// <summary>
    /// Rows per bank for a KV cache laid out as page-sized blocks (keys and values of every KV head, one block
    /// per page slot) dealt over all channels and their banks.
    /// </summary>
    public long RowsForKvCache(long maxLength, long kvHeads, long headDim, long elementBytes)
    {
        var p = KvBlockPositions(headDim, elementBytes);
        if (p == 0) return RowsForBytes(2 * maxLength * kvHeads * headDim * elementBytes);
        var slotsPerChannel = Ceil(2 * kvHeads * Ceil(maxLength, p), Channels);
        return Ceil(slotsPerChannel, BanksPerChannel);
    }

    public static long Ceil(long a, long b) => (a + b - 1) / b;
}
