using Pimcc.Isa.Container;

namespace Pimcc.Targets.Hpim;

/// <summary>
/// The one address function of hpim's <c>hbm</c> memory space (docs/hpim-lowering.md): the in-channel byte address of
/// byte <c>column x columnBytes + b</c> of row <c>row</c> in bank <c>bank</c> of a channel is
/// <c>(row x banks + bank) x page + column x columnBytes + b</c>, so one row of every bank is one contiguous run of
/// banks x page bytes; bank <c>bank</c> of a channel is (pseudo channel, bank group, bank) =
/// <c>pc x banksPerPch + bg x banksPerGroup + ba</c>. The compiler's layout and the address sequences it emits, the
/// memory-image builder, the region placements of the memory map and the functional simulator all go through it.
/// </summary>
public sealed class HbmAddressMap
{
    public HbmAddressMap(HbmOrganization o)
    {
        Banks = o.BanksPerChannel;
        BanksPerPseudoChannel = o.BanksPerPseudoChannel;
        BanksPerGroup = o.BanksPerBankGroup;
        PageBytes = o.PageBytes;
        ColumnBytes = o.ColumnBytes;
        RowsPerBank = o.RowsPerBank;
    }

    public int Banks { get; }
    public int BanksPerPseudoChannel { get; }
    public int BanksPerGroup { get; }
    public long PageBytes { get; }
    public long ColumnBytes { get; }
    public long RowsPerBank { get; }

    /// <summary>Bytes from one row to the next in the same bank: the stride emitted row loops step by.</summary>
    public long RowStride => Banks * PageBytes;

    /// <summary>Bytes from one bank to the next in the same row.</summary>
    public long BankStride => PageBytes;

    /// <summary>Bank of the channel that (pseudo channel, bank group, bank) names.</summary>
    public int Bank(long pc, long bg, long ba) => (int)(pc * BanksPerPseudoChannel + bg * BanksPerGroup + ba);

    /// <summary>In-channel byte address of column <paramref name="column"/> of <paramref name="row"/> in <paramref name="bank"/>.</summary>
    public long Address(int bank, long row, long column = 0) => (row * Banks + bank) * PageBytes + column * ColumnBytes;

    /// <summary>In-channel byte address of bank 0, column 0 of <paramref name="row"/>.</summary>
    public long RowAddress(long row) => Address(0, row, 0);

    /// <summary>The in-channel address where a region placed at <paramref name="p"/> starts (on each of its channels).</summary>
    public long Address(HbmPlacement p) => Address(Bank(p.PseudoChannel, p.BankGroup, p.Bank), p.Row, p.Column);

    /// <summary>The inverse: bank, row, column and byte in the column of an in-channel address.</summary>
    public (int Bank, long Row, long Column, long Byte) Locate(long address)
    {
        var page = address / PageBytes;
        var inPage = address % PageBytes;
        return ((int)(page % Banks), page / Banks, inPage / ColumnBytes, inPage % ColumnBytes);
    }

    /// <summary>The placement of an in-channel address on channels [channel, channel + channels).</summary>
    public HbmPlacement Placement(int channel, int channels, long address)
    {
        var (bank, row, column, b) = Locate(address);
        if (b != 0) throw new ArgumentException($"address {address} is not at a column boundary", nameof(address));
        return new HbmPlacement(channel, channels, bank / BanksPerPseudoChannel, bank % BanksPerPseudoChannel / BanksPerGroup, bank % BanksPerGroup, row, column);
    }
}
