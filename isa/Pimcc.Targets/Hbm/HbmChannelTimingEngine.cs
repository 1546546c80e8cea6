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
    private readonly TimingRule[][] _rulesByFollowing;
    private readonly long[][] _last;                 // [level][node * CommandCount + command]
    // Rings of recent issue cycles for windowed rules (tFAW), per [level * CommandCount + preceding][node];
    // newest at _windowHead; null where no windowed rule exists.
    private readonly long[]?[][] _windows;
    private readonly int[]?[] _windowHead;
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

        var byFollowing = new List<TimingRule>[CommandCount];
        for (var c = 0; c < CommandCount; c++) byFollowing[c] = [];
        var windowSize = new int[LevelCount * CommandCount];
        foreach (var r in rules)
        {
            byFollowing[(int)r.Following].Add(r);
            if (r.Window > 1)
            {
                var slot = (int)r.Level * CommandCount + (int)r.Preceding;
                if (windowSize[slot] != 0 && windowSize[slot] != r.Window)
                    throw new ArgumentException($"rules disagree on the window of {r.Preceding} at {r.Level}");
                windowSize[slot] = r.Window;
            }
        }
        _rulesByFollowing = byFollowing.Select(l => l.ToArray()).ToArray();

        _last = new long[LevelCount][];
        for (var l = 0; l < LevelCount; l++)
        {
            _last[l] = new long[NodeCount((HbmLevel)l) * CommandCount];
            Array.Fill(_last[l], Never);
        }
        _windows = new long[]?[LevelCount * CommandCount][];
        _windowHead = new int[]?[LevelCount * CommandCount];
        for (var slot = 0; slot < windowSize.Length; slot++)
        {
            _windows[slot] = [];
            if (windowSize[slot] == 0) continue;
            var nodes = NodeCount((HbmLevel)(slot / CommandCount));
            _windows[slot] = Enumerable.Range(0, nodes).Select(_ => Enumerable.Repeat(Never, windowSize[slot]).ToArray()).ToArray();
            _windowHead[slot] = new int[nodes];
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
        if (CheckAddress(command, address) is { } bad) return new HbmProbe(long.MaxValue, null, bad);
        if (CheckState(command, address) is { } illegal) return new HbmProbe(long.MaxValue, null, illegal);

        var earliest = Math.Max(now, _lastIssue);
        var heldByOrder = earliest > now;
        TimingRule? binding = null;
        foreach (var rule in _rulesByFollowing[(int)command])
        {
            var (start, count) = Nodes(rule.Level, command, address);
            for (var node = start; node < start + count; node++)
            {
                long since;
                if (rule.Window > 1)
                {
                    var slot = (int)rule.Level * CommandCount + (int)rule.Preceding;
                    var ring = _windows[slot][node]!;
                    // The oldest of the last Window issues: the slot after the newest.
                    since = ring[(_windowHead[slot]![node] + 1) % ring.Length];
                }
                else since = _last[(int)rule.Level][node * CommandCount + (int)rule.Preceding];

                if (since == Never) continue;
                var t = since + rule.Latency;
                if (t > earliest) { earliest = t; binding = rule; heldByOrder = false; }
            }
        }
        if (_enforceRefresh && command != HbmCommand.Ref && earliest > RefreshDeadline(address.PseudoChannel))
            return new HbmProbe(earliest, binding, $"refresh overdue: pseudo-channel {address.PseudoChannel} needed REF by cycle {RefreshDeadline(address.PseudoChannel)}", heldByOrder);
        return new HbmProbe(earliest, binding, null, heldByOrder);
    }

    /// <summary>Issues the command at <paramref name="cycle"/>; throws <see cref="HbmProtocolViolation"/> when it is not legal then.</summary>
    public void Issue(HbmCommand command, HbmAddress address, long cycle)
    {
        var probe = Probe(command, address, cycle);
        if (probe.StateError is not null || probe.EarliestCycle != cycle)
            throw new HbmProtocolViolation(command, address, cycle, probe);

        for (var l = 0; l < LevelCount; l++)
        {
            var (start, count) = Nodes((HbmLevel)l, command, address);
            for (var node = start; node < start + count; node++)
            {
                _last[l][node * CommandCount + (int)command] = cycle;
                if (_windowHead[l * CommandCount + (int)command] is { } heads)
                {
                    var ring = _windows[l * CommandCount + (int)command][node]!;
                    heads[node] = (heads[node] + 1) % ring.Length;
                    ring[heads[node]] = cycle;
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
                return EveryBankHas(a.PseudoChannel, ClosedRow) ? null : "a bank of the pseudo-channel is open; precharge all first";
            case HbmCommand.MacAb:
                return EveryBankHas(a.PseudoChannel, a.Row) ? null : $"not every bank of the pseudo-channel has row {a.Row} open; use ACTAB first";
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

    // The nodes a command touches at one level are always a contiguous index range.
    private (int Start, int Count) Nodes(HbmLevel level, HbmCommand command, HbmAddress a)
    {
        var scope = HbmCommands.Info(command).Scope;
        return level switch
        {
            HbmLevel.Channel => (0, 1),
            HbmLevel.PseudoChannel => (a.PseudoChannel, 1),
            HbmLevel.BankGroup => scope switch
            {
                HbmCommandScope.Bank => (a.PseudoChannel * _bgPerPch + a.BankGroup, 1),
                HbmCommandScope.AllBanks => (a.PseudoChannel * _bgPerPch, _bgPerPch),
                _ => (0, 0),
            },
            _ => scope switch
            {
                HbmCommandScope.Bank => (BankIndex(a.PseudoChannel, a.BankGroup, a.Bank), 1),
                HbmCommandScope.AllBanks => (a.PseudoChannel * _bgPerPch * _banksPerBg, _bgPerPch * _banksPerBg),
                _ => (0, 0),
            },
        };
    }

    private bool EveryBankHas(int pch, int row)
    {
        var per = _bgPerPch * _banksPerBg;
        for (var b = pch * per; b < (pch + 1) * per; b++)
            if (_openRow[b] != row) return false;
        return true;
    }

    private void SetAll(int pch, int row)
    {
        var per = _bgPerPch * _banksPerBg;
        Array.Fill(_openRow, row, pch * per, per);
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
