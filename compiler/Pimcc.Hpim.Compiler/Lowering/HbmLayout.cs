using System.Numerics;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Targets;
using Pimcc.Targets.Hpim;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Where bytes live inside the row range the memory planner gave each weight and KV cache (docs/hpim-lowering.md).
/// In-channel byte address of (row, bank b of the channel, byte) = (row x banks + b) x page + byte, so one row of
/// every bank is one contiguous run of banks x page bytes.
/// <list type="bullet">
/// <item>GEMV weights: channel-local feature f -> bank f mod banks, rows base + (f / banks) x chunks + k for its
/// k-th page-sized chunk of the input dimension (<see cref="HbmRowBudget"/>).</item>
/// <item>Other 2-D tables: table row i -> channel i mod channels, slot i / channels, each row padded to whole columns.</item>
/// <item>1-D weights: an even share (whole columns) per channel, in channel order, packed with the other 1-D weights
/// into shared rows at <see cref="Offset(Weight)"/>.</item>
/// <item>KV caches: blocks of P positions of one KV head (P x head_dim x element bytes &lt;= page), block
/// beta = (kind x kvHeads + head) x blocksPerHead + b on channel beta mod channels, slot beta / channels.</item>
/// </list>
/// </summary>
internal sealed class HbmLayout
{
    private readonly HbmRowBudget _budget;
    private readonly int _banksPerGroup;

    public HbmLayout(HpimTarget target)
    {
        var o = target.Hbm.Organization;
        _budget = HbmRowBudget.Of(o);
        Map = new HbmAddressMap(o);
        Channels = o.Channels;
        _banksPerGroup = o.BanksPerBankGroup;
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

    /// <summary>The hbm memory space's address function: every address the lowering computes or emits comes from it.</summary>
    public HbmAddressMap Map { get; }

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
    public long RowAddress(long row) => Map.RowAddress(row);

    /// <summary>
    /// Emits the channel striping of an index held in register <paramref name="index"/> (row i of a row-striped table,
    /// or global feature i of a tensor-wise tiled weight, sits on channel i mod channels at slot / local feature
    /// i / channels): <see cref="Reg.T2"/> = slot, <see cref="Reg.T3"/> = channel; clobbers <see cref="Reg.T1"/>.
    /// </summary>
    public void EmitStripe(CoreCode c, int index)
    {
        c.Li(Reg.T1, BitOperations.Log2((uint)Channels));
        c.I("shr", Reg.T2, index, Reg.T1);
        c.Li(Reg.T3, Channels - 1);
        c.I("and", Reg.T3, index, Reg.T3);
    }

    /// <summary>
    /// Emits the byte offset, from the weight's first row, of chunk 0 of local feature <see cref="Reg.T2"/> of a GEMV
    /// weight with <paramref name="chunks"/> page-sized chunks per feature (feature f in bank f mod banks, rows
    /// (f / banks) x chunks + k): result in <see cref="Reg.T5"/>; clobbers <see cref="Reg.T6"/> and <see cref="Reg.T7"/>.
    /// </summary>
    public void EmitGemvFeatureOffset(CoreCode c, long chunks)
    {
        c.Li(Reg.T5, Banks - 1);
        c.I("and", Reg.T5, Reg.T2, Reg.T5);                               // bank
        c.Li(Reg.T6, BitOperations.Log2((uint)Banks));
        c.I("shr", Reg.T6, Reg.T2, Reg.T6);                               // row group
        c.Li(Reg.T7, chunks * Map.RowStride);
        c.I("mul", Reg.T6, Reg.T6, Reg.T7);
        c.Li(Reg.T7, Map.BankStride);
        c.I("mul", Reg.T5, Reg.T5, Reg.T7);
        c.I("add", Reg.T5, Reg.T5, Reg.T6);
    }


    /// <summary>Bytes per channel inside <paramref name="rows"/> rows of every bank.</summary>
    public long RowBytes(long rows) => rows * Map.RowStride;

    /// <summary>Row-striped table: bytes per padded row and channel-local slot stride.</summary>
    public long PaddedRowBytes(long rowElements) => HbmRowBudget.Ceil(rowElements * Element, Column) * Column;

    /// <summary>Share of a 1-D weight per channel (whole columns).</summary>
    public long FlatShare(long bytes) => _budget.FlatShare(bytes);

    /// <summary>Share per channel of the packed 1-D weight <paramref name="w"/> (flat or striped, <see cref="HbmRowBudget.Share"/>).</summary>
    public long Share(Weight w) => _budget.Share(w);

    /// <summary>Local bytes a core loads of the packed 1-D weight <paramref name="w"/> (<see cref="HbmRowBudget.LoadedBytes"/>).</summary>
    public long LoadedBytes(Weight w, int channelsPerCore) => _budget.LoadedBytes(w, channelsPerCore);

    public static long Row(Weight w) => w.Attrs.Int(HpimAttrs.HbmRow);
    public static long Rows(Weight w) => w.Attrs.Int(HpimAttrs.HbmRows);
    /// <summary>In-channel byte offset of a packed 1-D weight from bank 0 of its first row (0 for weights with rows of their own).</summary>
    public static long Offset(Weight w) => w.Attrs.IntOr(HpimAttrs.HbmOffset, 0);
    /// <summary>In-channel byte address of a weight's first byte.</summary>
    public long Address(Weight w) => RowAddress(Row(w)) + Offset(w);
    public static long Row(KvCache c) => c.Attrs.Int(HpimAttrs.HbmRow);
    public static long Rows(KvCache c) => c.Attrs.Int(HpimAttrs.HbmRows);

    /// <summary>
    /// Memory-map placement of a packed 1-D weight: bank b = offset / page of the channel (pseudo channel b / banks-per-pCH,
    /// then bank group and bank within it), column (offset mod page) / column bytes of its first row.
    /// </summary>
    public Pimcc.Isa.Container.HbmPlacement PackedPlacement(Weight w) => Map.Placement(0, Channels, Address(w));

    /// <summary>Memory-map placement of rows starting at <paramref name="row"/> on every channel.</summary>
    public Pimcc.Isa.Container.HbmPlacement RowPlacement(long row) => Map.Placement(0, Channels, RowAddress(row));

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
