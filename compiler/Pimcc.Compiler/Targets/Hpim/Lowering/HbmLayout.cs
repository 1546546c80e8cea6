using System.Numerics;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Compiler.Targets.Hpim.Lowering;

/// <summary>
/// Where bytes live inside the row range the memory planner gave each weight and KV cache (docs/hpim-lowering.md).
/// In-channel byte address of (row, bank b of the channel, byte) = (row x banks + b) x page + byte, so one row of
/// every bank is one contiguous run of banks x page bytes.
/// <list type="bullet">
/// <item>GEMV weights: channel-local feature f -> bank f mod banks, rows base + (f / banks) x chunks + k for its
/// k-th page-sized chunk of the input dimension (<see cref="HbmRowBudget"/>).</item>
/// <item>Other 2-D tables: table row i -> channel i mod channels, slot i / channels, each row padded to whole columns.</item>
/// <item>1-D weights: an even share (whole columns) per channel, in channel order.</item>
/// <item>KV caches: blocks of P positions of one KV head (P x head_dim x element bytes &lt;= page), block
/// beta = (kind x kvHeads + head) x blocksPerHead + b on channel beta mod channels, slot beta / channels.</item>
/// </list>
/// </summary>
internal sealed class HbmLayout
{
    private readonly HbmRowBudget _budget;

    public HbmLayout(HpimTarget target)
    {
        var o = target.Hbm.Organization;
        _budget = HbmRowBudget.Of(o);
        Channels = o.Channels;
        Banks = o.BanksPerChannel;
        BanksPerPch = o.BanksPerPseudoChannel;
        PseudoChannels = o.PseudoChannelsPerChannel;
        Page = o.PageBytes;
        Column = o.ColumnBytes;
        Element = target.ElementBytes;
        if (!BitOperations.IsPow2(Channels) || !BitOperations.IsPow2(Banks) || !BitOperations.IsPow2(Page))
            throw new PimccError(ExitCode.InvalidTargetDescription, "hbm",
                $"the hpim lowering needs power-of-two channel ({Channels}), bank ({Banks}) and page ({Page} B) counts: cores compute HBM addresses with shifts",
                "use power-of-two values for hbm.stacks, hbm.diesPerStack, hbm.channelsPerDie, bank counts and hbm.pageSize");
        if (PseudoChannels != 2)
            throw new PimccError(ExitCode.InvalidTargetDescription, "hbm.pseudoChannelsPerChannel",
                $"the hpim lowering interleaves exactly 2 pseudo channels per channel, the target has {PseudoChannels}", "set hbm.pseudoChannelsPerChannel=2");
        if (BanksPerPch * Element != Column)
            throw new PimccError(ExitCode.InvalidTargetDescription, "hbm",
                $"res.rd.ab moves one {Column}-byte column per pseudo channel, which must hold one result per bank ({BanksPerPch} x {Element} B)",
                "keep banks per pseudo channel x element size equal to hbm.columnAccess");
        if (target.Hbm.GlobalBufferBytes < Page)
            throw new PimccError(ExitCode.InvalidTargetDescription, "hbm.globalBuffer",
                $"the global buffer ({target.Hbm.GlobalBufferBytes} B) must hold one page ({Page} B) of input", "set hbm.globalBuffer to at least the page size");
    }

    /// <summary>The planner's row arithmetic, so the lowering addresses what the planner sized.</summary>
    public HbmRowBudget Budget => _budget;

    public int Channels { get; }
    public int Banks { get; }
    public int BanksPerPch { get; }
    public int PseudoChannels { get; }
    public long Page { get; }
    public long Column { get; }
    public int Element { get; }
    public int ColumnsPerPage => (int)(Page / Column);
    public int ElementsPerPage => (int)(Page / Element);
    public int ElementsPerColumn => (int)(Column / Element);

    /// <summary>In-channel byte address of bank 0 of <paramref name="row"/>.</summary>
    public long RowAddress(long row) => row * Banks * Page;

    /// <summary>Bytes per channel inside <paramref name="rows"/> rows of every bank.</summary>
    public long RowBytes(long rows) => rows * Banks * Page;

    /// <summary>Row-striped table: bytes per padded row and channel-local slot stride.</summary>
    public long PaddedRowBytes(long rowElements) => HbmRowBudget.Ceil(rowElements * Element, Column) * Column;

    /// <summary>Share of a 1-D weight per channel (whole columns).</summary>
    public long FlatShare(long bytes) => HbmRowBudget.Ceil(HbmRowBudget.Ceil(bytes, Channels), Column) * Column;

    public static long Row(Weight w) => w.Attrs.Int(HpimAttrs.HbmRow);
    public static long Rows(Weight w) => w.Attrs.Int(HpimAttrs.HbmRows);
    public static long Row(KvCache c) => c.Attrs.Int(HpimAttrs.HbmRow);
    public static long Rows(KvCache c) => c.Attrs.Int(HpimAttrs.HbmRows);

    /// <summary>Positions per KV block: the largest power of two whose block fits one page (<see cref="HbmRowBudget.KvBlockPositions"/>).</summary>
    public long KvBlockPositions(long headDim)
    {
        var per = _budget.KvBlockPositions(headDim, Element);
        if (per < 1)
            throw new PimccError(ExitCode.UnsupportedModel, "head_dim", $"one key ({headDim} x {Element} B) is larger than an HBM page ({Page} B)",
                "the hpim lowering needs head_dim x element size <= hbm.pageSize");
        return per;
    }

    /// <summary>Checks that a placement fits the planner's rows (a compiler bug otherwise).</summary>
    public void CheckFits(string what, long bytesPerChannel, long rows)
    {
        if (bytesPerChannel > RowBytes(rows))
            throw new PimccError(ExitCode.CapacityExceeded, what,
                $"needs {bytesPerChannel} bytes per channel in the lowering's layout, the memory plan gave {RowBytes(rows)} ({rows} rows)",
                "this is a mismatch between hpim-plan-memory and the lowering; report it with the model");
    }
}
