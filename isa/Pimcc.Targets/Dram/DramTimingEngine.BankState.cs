namespace Pimcc.Targets.Dram;

/// <summary>
/// The engine's bank state (<see cref="DramTimingEngine"/>): the open row of each bank, the command that opened it,
/// open banks per refresh node, and, for the nodes that all-bank commands address, whether every bank under the node
/// has one row open (or is closed), so such a command checks one value instead of every bank it covers.
/// </summary>
public sealed partial class DramTimingEngine
{
    // _uniformRow values besides a row: every bank under the node precharged is ClosedRow; these two say otherwise.
    private const int Mixed = -2, Unknown = -3;

    private readonly int[] _openRow;              // per bank
    private readonly int[] _openedBy;             // per bank: the command that opened its row
    private readonly int[] _openBanks;            // per refresh node
    private readonly int[][] _uniformRow;         // [u][node of level _uniformLevels[u]]: the row every bank has open, or Mixed / Unknown
    private readonly int[] _uniformLevelOf;       // per command: the u its state check reads, or -1
    private readonly int[] _uniformLevels;        // per u: its level
    private readonly int[] _uniformCover;         // [command * U + u]: u nodes a command's banks cover whole (0: part of one)
    private readonly int[] _refreshNodeOf;        // per bank
    private readonly int _banksPerRefreshNode;

    private (int[] OpenRow, int[] OpenedBy, int[] OpenBanks, int[][] Uniform) NewBankState(DramCompiledStandard c, int refreshLevel)
    {
        var openRow = new int[c.Banks];
        Array.Fill(openRow, ClosedRow);
        var uniform = c.UniformLevels.Select(l => Enumerable.Repeat(ClosedRow, _org.NodeCount(l)).ToArray()).ToArray();
        return (openRow, new int[c.Banks], new int[_org.NodeCount(refreshLevel)], uniform);
    }

    /// <summary>Open row of a bank, or <see cref="ClosedRow"/>.</summary>
    public int OpenRow(int bank) => _openRow[bank];

    /// <summary>Open banks under one node of a level.</summary>
    public int OpenBanks(int level, int node)
    {
        var per = _org.BanksUnder(level);
        var n = 0;
        for (var b = node * per; b < (node + 1) * per; b++)
            if (_openRow[b] != ClosedRow) n++;
        return n;
    }

    /// <summary>True when every bank of the channel is precharged.</summary>
    public bool AllBanksClosed
    {
        get
        {
            foreach (var n in _openBanks) if (n != 0) return false;
            return true;
        }
    }

    // Sets the open row of the banks a command covers from `first`, keeping the per-node summaries.
    private void SetCovered(int command, int first, int row)
    {
        var covered = _coveredBanks[command];
        for (var b = first; b < first + covered; b++)
        {
            var wasOpen = _openRow[b] != ClosedRow;
            _openRow[b] = row;
            if (wasOpen != (row != ClosedRow)) _openBanks[RefreshNode(b)] += wasOpen ? -1 : 1;
        }
        for (var u = 0; u < _uniformLevels.Length; u++)
        {
            var level = _uniformLevels[u];
            var node = _nodeOf[level * _banks + first];
            var whole = _uniformCover[command * _uniformLevels.Length + u];
            if (whole == 0) _uniformRow[u][node] = Unknown;
            else Array.Fill(_uniformRow[u], row, node, whole);
        }
    }

    // The row every bank of [first, first + count) has open, ClosedRow when all are precharged, else Mixed.
    private int CommonRow(int first, int count)
    {
        var row = _openRow[first];
        for (var b = first + 1; b < first + count; b++)
            if (_openRow[b] != row) return Mixed;
        return row;
    }

    /// <summary>True when the bank state allows the command: its banks precharged for an activate or a refresh, the
    /// addressed row open in each for an access. <see cref="StateError"/> says why not.</summary>
    private bool StateAllows(int command, DramAddress a)
    {
        var effect = _effect[command];
        if (effect is DramBankEffect.None or DramBankEffect.Close || _coveredBanks[command] == 0) return true;
        int open;
        var u = _uniformLevelOf[command];
        if (u < 0) open = _openRow[_nodeOf[_scopeLevel[command] * _banks + a.Bank] * _scopeBanks[command]];
        else
        {
            var node = _nodeOf[_uniformLevels[u] * _banks + a.Bank];
            ref var known = ref _uniformRow[u][node];
            if (known == Unknown) known = CommonRow(node * _scopeBanks[command], _coveredBanks[command]);
            open = known;
        }
        return effect == DramBankEffect.Access ? open >= 0 && open == a.Row : open == ClosedRow;
    }

    private string StateError(int command, DramAddress a)
    {
        var effect = _effect[command];
        var first = _nodeOf[_scopeLevel[command] * _banks + a.Bank] * _scopeBanks[command];
        var covered = _coveredBanks[command];
        if (covered == 1)
        {
            var open = _openRow[first];
            return effect switch
            {
                DramBankEffect.Access when open == ClosedRow => "bank is precharged; activate the row first",
                DramBankEffect.Access => $"bank has row {open} open, not row {a.Row}",
                _ => $"bank already has row {open} open; precharge first",
            };
        }
        for (var b = first; b < first + covered; b++)
        {
            if (effect == DramBankEffect.Access)
            {
                if (_openRow[b] != a.Row || a.Row == ClosedRow) return $"not every bank of the {ScopeName(command)} has row {a.Row} open; use {Opener(command)} first";
            }
            else if (_openRow[b] != ClosedRow) return $"a bank of the {ScopeName(command)} is open; precharge all first";
        }
        throw new InvalidOperationException($"{_standard.Commands[command].Mnemonic}: the bank state summary disagrees with the banks");
    }

    private string ScopeName(int command) => _org.Levels[_standard.Commands[command].ScopeLevel].Name;

    // The command that opens a row in the banks an access covers (ACTAB for MACAB): same scope, Open effect.
    private string Opener(int command)
    {
        var spec = _standard.Commands[command];
        return _standard.Commands.FirstOrDefault(c => c.Effect == DramBankEffect.Open && c.ScopeLevel == spec.ScopeLevel
            && c.CoversBanksBelow == spec.CoversBanksBelow)?.Mnemonic ?? "an activate";
    }
}
