namespace Pimcc.Targets.Dram;

/// <summary>One level of a DRAM channel's hierarchy and how many of it each node of the level above holds.</summary>
/// <param name="Name">As in messages: "pseudo-channel", "bank group".</param>
/// <param name="CountPerParent">Nodes of this level under one node of the level above (1 for the channel itself).</param>
/// <param name="Abbreviation">As in addresses: "pch", "bg", "b".</param>
public sealed record DramLevel(string Name, int CountPerParent, string Abbreviation);

/// <summary>
/// The shape of one DRAM channel: its levels from the channel down to the bank (HBM3: channel, pseudo-channel,
/// bank group, bank; LPDDR5: channel, rank, bank group, bank), rows per bank and columns per row. Banks are numbered
/// flat across the channel, depth first, so that every node of every level covers a contiguous range of banks.
/// </summary>
public sealed class DramOrganization
{
    private readonly int[] _banksUnder;

    public DramOrganization(IReadOnlyList<DramLevel> levels, long rowsPerBank, int columnsPerRow)
    {
        if (levels.Count < 2 || levels[0].CountPerParent != 1)
            throw new ArgumentException("a DRAM organisation needs the channel (count 1) and at least the bank level");
        if (levels.Any(l => l.CountPerParent < 1) || rowsPerBank < 1 || columnsPerRow < 1)
            throw new ArgumentException("level counts, rows and columns must be positive");
        Levels = levels;
        RowsPerBank = rowsPerBank;
        ColumnsPerRow = columnsPerRow;
        _banksUnder = new int[levels.Count];
        var banks = 1;
        for (var l = levels.Count - 1; l >= 0; l--)
        {
            _banksUnder[l] = banks;
            banks *= levels[l].CountPerParent;
        }
    }

    /// <summary>Levels from the channel (index 0) down to the bank (last).</summary>
    public IReadOnlyList<DramLevel> Levels { get; }
    public long RowsPerBank { get; }
    public int ColumnsPerRow { get; }

    public int BankLevel => Levels.Count - 1;

    /// <summary>Banks of the channel.</summary>
    public int Banks => _banksUnder[0];

    /// <summary>Banks under one node of <paramref name="level"/>.</summary>
    public int BanksUnder(int level) => _banksUnder[level];

    /// <summary>Nodes of <paramref name="level"/> in the channel.</summary>
    public int NodeCount(int level) => Banks / _banksUnder[level];

    /// <summary>
    /// Flat index of the first bank under the node named by <paramref name="indices"/> (one index per level below the
    /// channel, as deep as the command addresses: <paramref name="depth"/> levels), or why the indices are out of range.
    /// </summary>
    public string? Locate(ReadOnlySpan<int> indices, int depth, out int bank)
    {
        bank = 0;
        for (var l = 1; l <= depth; l++)
        {
            var i = indices[l - 1];
            if ((uint)i >= (uint)Levels[l].CountPerParent)
                return $"{Levels[l].Name} {i} out of range 0..{Levels[l].CountPerParent - 1}";
            bank += i * _banksUnder[l];
        }
        return null;
    }

    /// <summary>A bank as its path of level indices, e.g. <c>pch1.bg2.b3</c>; a level with one node per parent (one stack ID) is left out.</summary>
    public string Path(int bank)
    {
        if ((uint)bank >= (uint)Banks) return $"bank {bank}";
        var parts = new List<string>(Levels.Count - 1);
        for (var l = 1; l < Levels.Count; l++)
            if (Levels[l].CountPerParent > 1 || l == BankLevel)
                parts.Add($"{Levels[l].Abbreviation}{bank / _banksUnder[l] % Levels[l].CountPerParent}");
        return string.Join('.', parts);
    }
}
