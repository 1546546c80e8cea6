namespace Pimcc.Targets.Hbm;

/// <summary>
/// Timing and bank state of ONE HBM channel (its pseudo-channels, bank groups and banks), shared by
/// the simulator and the compiler's legality checks. <see cref="Probe"/> answers "when may this
/// command issue?" without changing anything; <see cref="Issue"/> is strict: it throws
/// <see cref="HbmProtocolViolation"/> for a command that is early or illegal in the bank state.
/// Cycles are DRAM command clocks (<see cref="HbmTimingSet.TckPs"/>); commands are issued in
/// non-decreasing cycle order.
/// </summary>
public sealed class HbmChannelTimingEngine
{
    private const long Never = long.MinValue / 4;
    private const int ClosedRow = -1;

    private static readonly int CommandCount = Enum.GetValues<HbmCommand>().Length;
    private static readonly int LevelCount = Enum.GetValues<HbmLevel>().Length;

    private readonly HbmTimingSet _timing;
    private readonly int _pch, _bgPerPch, _banksPerBg;
    private readonly long _rows;
    private readonly int _columns, _gbColumns;
    private readonly bool _enforceRefresh;
    private readonly List<TimingRule>[] _rulesByFollowing;
    private readonly long[][] _last;                 // [level][node * CommandCount + command]
    private readonly Dictionary<(int Level, HbmCommand Cmd), int> _windowSize = [];
    private readonly Dictionary<(int Level, HbmCommand Cmd), long[][]> _windows = []; // ring of recent issues per node, newest at [head]
    private readonly Dictionary<(int Level, HbmCommand Cmd), int[]> _windowHead = [];
    private readonly int[] _openRow;                 // per bank
    private readonly long[] _lastRefresh;            // per pseudo-channel
    private readonly long[] _commandCounts = new long[CommandCount];
    private long _lastIssue = Never;

    public HbmChannelTimingEngine(HpimTarget target, bool enforceRefresh = true)
        : this(target, HbmTimingRules.Build(target), enforceRefresh) { }

    public HbmChannelTimingEngine(HpimTarget target, IReadOnlyList<TimingRule> rules, bool enforceRefresh = true)
    {
        var org = target.Hbm.Organization;
        _timing = target.Hbm.Timing;
        _pch = org.PseudoChannelsPerChannel;
        _bgPerPch = org.BankGroupsPerPseudoChannel;
        _banksPerBg = org.BanksPerBankGroup;
        _rows = org.RowsPerBank;
        _columns = org.ColumnsPerRow;
        _gbColumns = (int)(target.Hbm.GlobalBufferBytes / org.ColumnBytes);
        _enforceRefresh = enforceRefresh;
        Rules = rules;

        _rulesByFollowing = new List<TimingRule>[CommandCount];
        for (var c = 0; c < CommandCount; c++) _rulesByFollowing[c] = [];
        foreach (var r in rules)
        {
            _rulesByFollowing[(int)r.Following].Add(r);
            if (r.Window > 1)
            {
                var key = ((int)r.Level, r.Preceding);
                _windowSize[key] = Math.Max(_windowSize.GetValueOrDefault(key), r.Window);
            }
        }

        _last = new long[LevelCount][];
        for (var l = 0; l < LevelCount; l++)
        {
            _last[l] = new long[NodeCount((HbmLevel)l) * CommandCount];
            Array.Fill(_last[l], Never);
        }
        foreach (var (key, size) in _windowSize)
        {
            var nodes = NodeCount((HbmLevel)key.Level);
            _windows[key] = Enumerable.Range(0, nodes).Select(_ => Enumerable.Repeat(Never, size).ToArray()).ToArray();
            _windowHead[key] = new int[nodes];
        }
        _openRow = Enumerable.Repeat(ClosedRow, _pch * _bgPerPch * _banksPerBg).ToArray();
        _lastRefresh = new long[_pch];
    }

    /// <summary>The rule rows this engine enforces.</summary>
    public IReadOnlyList<TimingRule> Rules { get; }

    /// <summary>Commands issued so far, by kind (for energy accounting).</summary>
    public long IssuedCount(HbmCommand c) => _commandCounts[(int)c];

    /// <summary>Open row of a bank, or null when precharged.</summary>
    public int? OpenRow(int pseudoChannel, int bankGroup, int bank)
    {
        var r = _openRow[BankIndex(pseudoChannel, bankGroup, bank)];
        return r == ClosedRow ? null : r;
    }

    /// <summary>Cycle by which the pseudo-channel is due its next refresh (tREFI after the last one).</summary>
    public long RefreshDue(int pseudoChannel) => _lastRefresh[pseudoChannel] + _timing.REFI;

    /// <summary>Last cycle at which commands other than REF stay legal (refreshes postponed to the limit).</summary>
    public long RefreshDeadline(int pseudoChannel) =>
        _lastRefresh[pseudoChannel] + (long)_timing.REFI * (_timing.MaxPostponedRefreshes + 1);

    /// <summary>Earliest cycle &gt;= <paramref name="now"/> at which the command may issue. Never mutates.</summary>
    public HbmProbe Probe(HbmCommand command, HbmAddress address, long now)
    {
        if (CheckAddress(command, address) is { } bad) return new HbmProbe(long.MaxValue, "", bad);
        if (CheckState(command, address) is { } illegal) return new HbmProbe(long.MaxValue, "", illegal);

        var earliest = Math.Max(now, _lastIssue);
        var binding = earliest == now ? "ready" : "command order";
        foreach (var rule in _rulesByFollowing[(int)command])
        {
            foreach (var node in Nodes(rule.Level, command, address))
            {
                long since;
                if (rule.Window > 1)
                {
                    var key = ((int)rule.Level, rule.Preceding);
                    var ring = _windows[key][node];
                    // The oldest of the last Window issues: Window slots back from the newest.
                    since = ring[(_windowHead[key][node] + 1) % ring.Length];
                    if (ring.Length != rule.Window) since = Never; // ring sized for a larger window of another rule
                }
                else since = _last[(int)rule.Level][node * CommandCount + (int)rule.Preceding];

                if (since == Never) continue;
                var t = since + rule.Latency;
                if (t > earliest) { earliest = t; binding = $"{rule.Name}: {HbmCommands.Info(rule.Preceding).Mnemonic} -> {HbmCommands.Info(command).Mnemonic} at {rule.Level}, {rule.Latency} nCK"; }
            }
        }
        if (_enforceRefresh && command != HbmCommand.Ref && earliest > RefreshDeadline(address.PseudoChannel))
            return new HbmProbe(earliest, binding, $"refresh overdue: pseudo-channel {address.PseudoChannel} needed REF by cycle {RefreshDeadline(address.PseudoChannel)}");
        return new HbmProbe(earliest, binding, null);
    }

    /// <summary>Issues the command at <paramref name="cycle"/>; throws <see cref="HbmProtocolViolation"/> when it is not legal then.</summary>
    public void Issue(HbmCommand command, HbmAddress address, long cycle)
    {
        var probe = Probe(command, address, cycle);
        if (probe.StateError is not null || probe.EarliestCycle != cycle)
            throw new HbmProtocolViolation(command, address, cycle, probe);

        for (var l = 0; l < LevelCount; l++)
        {
            foreach (var node in Nodes((HbmLevel)l, command, address))
            {
                _last[l][node * CommandCount + (int)command] = cycle;
                if (_windows.TryGetValue((l, command), out var rings))
                {
                    var heads = _windowHead[(l, command)];
                    heads[node] = (heads[node] + 1) % rings[node].Length;
                    rings[node][heads[node]] = cycle;
                }
            }
        }
        ApplyState(command, address, cycle);
        _commandCounts[(int)command]++;
        _lastIssue = cycle;
    }

    private void ApplyState(HbmCommand command, HbmAddress a, long cycle)
    {
        switch (command)
        {
            case HbmCommand.Act: _openRow[BankIndex(a.PseudoChannel, a.BankGroup, a.Bank)] = a.Row; break;
            case HbmCommand.Pre: _openRow[BankIndex(a.PseudoChannel, a.BankGroup, a.Bank)] = ClosedRow; break;
            case HbmCommand.PreA or HbmCommand.PreAb: SetAll(a.PseudoChannel, ClosedRow); break;
            case HbmCommand.ActAb: SetAll(a.PseudoChannel, a.Row); break;
            case HbmCommand.Ref: _lastRefresh[a.PseudoChannel] = cycle; break;
        }
    }

    private string? CheckState(HbmCommand command, HbmAddress a)
    {
        switch (command)
        {
            case HbmCommand.Act when _openRow[BankIndex(a.PseudoChannel, a.BankGroup, a.Bank)] != ClosedRow:
                return $"bank already has row {_openRow[BankIndex(a.PseudoChannel, a.BankGroup, a.Bank)]} open; precharge first";
            case HbmCommand.Rd or HbmCommand.Wr or HbmCommand.MacSb:
                var open = _openRow[BankIndex(a.PseudoChannel, a.BankGroup, a.Bank)];
                return open == a.Row ? null : open == ClosedRow ? "bank is precharged; activate the row first" : $"bank has row {open} open, not row {a.Row}";
            case HbmCommand.ActAb or HbmCommand.Ref:
                return AllBanks(a.PseudoChannel).Any(b => _openRow[b] != ClosedRow) ? "a bank of the pseudo-channel is open; precharge all first" : null;
            case HbmCommand.MacAb:
                return AllBanks(a.PseudoChannel).All(b => _openRow[b] == a.Row) ? null : $"not every bank of the pseudo-channel has row {a.Row} open; use ACTAB first";
        }
        return null;
    }

    private string? CheckAddress(HbmCommand command, HbmAddress a)
    {
        if ((uint)a.PseudoChannel >= _pch) return $"pseudo-channel {a.PseudoChannel} out of range 0..{_pch - 1}";
        var scope = HbmCommands.Info(command).Scope;
        if (scope == HbmCommandScope.Bank && ((uint)a.BankGroup >= _bgPerPch || (uint)a.Bank >= _banksPerBg))
            return $"bank group {a.BankGroup} / bank {a.Bank} out of range ({_bgPerPch} x {_banksPerBg} per pseudo-channel)";
        if (command is HbmCommand.Act or HbmCommand.ActAb && (a.Row < 0 || a.Row >= _rows)) return $"row {a.Row} out of range 0..{_rows - 1}";
        if (command is HbmCommand.Rd or HbmCommand.Wr or HbmCommand.MacSb or HbmCommand.MacAb && (uint)a.Column >= _columns)
            return $"column {a.Column} out of range 0..{_columns - 1}";
        if (command == HbmCommand.WrGb && (uint)a.Column >= _gbColumns) return $"global buffer column {a.Column} out of range 0..{_gbColumns - 1}";
        return null;
    }

    private IEnumerable<int> Nodes(HbmLevel level, HbmCommand command, HbmAddress a)
    {
        var scope = HbmCommands.Info(command).Scope;
        switch (level)
        {
            case HbmLevel.Channel: yield return 0; break;
            case HbmLevel.PseudoChannel: yield return a.PseudoChannel; break;
            case HbmLevel.BankGroup:
                if (scope == HbmCommandScope.Bank) yield return a.PseudoChannel * _bgPerPch + a.BankGroup;
                else if (scope == HbmCommandScope.AllBanks)
                    for (var g = 0; g < _bgPerPch; g++) yield return a.PseudoChannel * _bgPerPch + g;
                break;
            case HbmLevel.Bank:
                if (scope == HbmCommandScope.Bank) yield return BankIndex(a.PseudoChannel, a.BankGroup, a.Bank);
                else if (scope == HbmCommandScope.AllBanks)
                    foreach (var b in AllBanks(a.PseudoChannel)) yield return b;
                break;
        }
    }

    private IEnumerable<int> AllBanks(int pch)
    {
        var per = _bgPerPch * _banksPerBg;
        return Enumerable.Range(pch * per, per);
    }

    private void SetAll(int pch, int row)
    {
        foreach (var b in AllBanks(pch)) _openRow[b] = row;
    }

    private int BankIndex(int pch, int bg, int bank) => (pch * _bgPerPch + bg) * _banksPerBg + bank;

    private int NodeCount(HbmLevel level) => level switch
    {
        HbmLevel.Channel => 1,
        HbmLevel.PseudoChannel => _pch,
        HbmLevel.BankGroup => _pch * _bgPerPch,
        _ => _pch * _bgPerPch * _banksPerBg,
    };
}
