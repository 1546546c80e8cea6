namespace Pimcc.Targets.Dram;

/// <summary>
/// Timing and bank state of ONE DRAM channel under a <see cref="DramStandard"/>, shared by the simulator's hot loop,
/// the compiler's legality check and the tests. The rule table is compiled once per standard into flat arrays
/// indexed by command and level, shared by all engines of the standard (no allocation per command). <see cref="Probe"/> answers "when may this command issue?" and never
/// changes the state; <see cref="Issue"/> is strict: it throws <see cref="DramProtocolViolation"/> for a command that
/// is early or illegal in the bank state. Refresh is part of the engine: a schedule per refresh node (one REF due
/// every tREFI, up to MaxPostponed owed), a controller that issues due refreshes (<see cref="IssueDueRefreshes"/>)
/// and, when enforced, a deadline after which other commands to the node are illegal.
/// <para>Cycles are DRAM command clocks, commands issue in non-decreasing cycle order. A caller that times spans in
/// closed form reports the cycles it skipped (<see cref="DramRefreshSchedule.Skip"/>): bank history stays in the
/// engine's own time, so the first command after a skip sees the history a steady-state predecessor leaves, while the
/// refresh schedule runs in real time.</para>
/// </summary>
public sealed partial class DramTimingEngine
{
    /// <summary><see cref="OpenRow"/> of a precharged bank.</summary>
    public const int ClosedRow = -1;

    private const long Never = long.MinValue / 4;

    private readonly DramStandard _standard;
    private readonly DramOrganization _org;
    private readonly int _levels, _commands, _banks;
    private readonly bool _enforceRefresh;

    // Shared, read-only: the compiled standard (see DramCompiledStandard for what each array holds).
    private readonly DramBankEffect[] _effect;
    private readonly int[] _ruleStart, _columns, _scopeLevel, _scopeBanks, _coveredBanks;
    private readonly DramCompiledStandard.Rule[] _rules;
    private readonly string[] _ruleText;
    private readonly int[] _via, _mul, _count, _nodeOf, _ringOf, _ringSize, _perParent;
    private readonly bool[] _onClockEdge;
    private readonly int _ticksPerClock;

    // This channel's state.
    private readonly long[][] _last;              // [level][node * commands + command]: cycle of the last issue
    private readonly long[][] _rings;             // [key][node * size + slot]: recent issues for windowed rules
    private readonly int[][] _ringHead;           // [key][node]: slot of the newest
    private readonly int[] _openRow;              // per bank
    private readonly int[] _openedBy;             // per bank: the command that opened its row
    private readonly int[] _openBanks;            // per refresh node
    private readonly int _refreshCommand, _refreshLevel, _banksPerRefreshNode;
    private readonly long[] _issued;
    private long _lastIssue = Never;

    // Group maxima, so a command covering many nodes reads one entry per rule instead of one per node: for each pair
    // (level l, ancestor level s) of the compiled standard's groups, _group[pair][ancestor * commands + command] is
    // the last issue of the command to any l node under the ancestor (issues come in cycle order, so that is the max
    // over those nodes of _last). The shared tables: the pair a covering command reads (_groupOf), the pairs an issue
    // at level l updates (_groupsAt), each l node's ancestor (_groupAncestor: no division in the hot loop).
    private readonly long[][] _group;
    private readonly int[] _groupOf;
    private readonly int[][] _groupsAt, _groupAncestor;

    // The last legal probe, so that Issue right after Probe at its answer need not probe again.
    private int _probedCommand = -1;
    private DramAddress _probedAddress;
    private long _probedCycle, _probedSkipped;

    public DramTimingEngine(DramStandard standard, bool enforceRefresh = true)
    {
        _standard = standard;
        _org = standard.Organization;
        _enforceRefresh = enforceRefresh;
        var c = standard.Compiled;
        (_levels, _commands, _banks) = (c.Levels, c.Commands, c.Banks);
        (_effect, _ruleStart, _columns, _scopeLevel, _scopeBanks, _coveredBanks) = (c.Effect, c.RuleStart, c.Columns, c.ScopeLevel, c.ScopeBanks, c.CoveredBanks);
        (_rules, _ruleText) = (c.Rules, c.RuleText);
        (_via, _mul, _count, _nodeOf, _ringOf, _ringSize) = (c.Via, c.Mul, c.Count, c.NodeOf, c.RingOf, c.RingSize);
        (_perParent, _onClockEdge, _ticksPerClock) = (c.PerParent, c.OnClockEdge, c.TicksPerClock);

        _rings = new long[_ringSize.Length][];
        _ringHead = new int[_ringSize.Length][];
        for (var key = 0; key < _ringSize.Length; key++)
        {
            var nodes = _org.NodeCount(c.RingLevel[key]);
            _rings[key] = new long[nodes * _ringSize[key]];
            Array.Fill(_rings[key], Never);
            _ringHead[key] = new int[nodes];
        }
        _last = new long[_levels][];
        for (var l = 0; l < _levels; l++)
        {
            _last[l] = new long[_org.NodeCount(l) * _commands];
            Array.Fill(_last[l], Never);
        }
        _openRow = new int[_banks];
        Array.Fill(_openRow, ClosedRow);
        _openedBy = new int[_banks];

        var refresh = standard.Refresh;
        _refreshCommand = refresh.Command;
        _refreshLevel = refresh.Level;
        _banksPerRefreshNode = _org.BanksUnder(refresh.Level);
        _openBanks = new int[_org.NodeCount(refresh.Level)];
        Refresh = new DramRefreshSchedule(refresh, _openBanks.Length);
        _issued = new long[_commands];

        (_groupOf, _groupsAt, _groupAncestor) = (c.GroupOf, c.GroupsAt, c.GroupAncestor);
        _group = c.GroupAncestorLevel.Select(level => new long[_org.NodeCount(level) * _commands]).ToArray();
        foreach (var g in _group) Array.Fill(g, Never);
    }

    public DramStandard Standard => _standard;

    /// <summary>When refreshes fall due, in real time (engine time + cycles the caller skipped).</summary>
    public DramRefreshSchedule Refresh { get; }

    /// <summary>Commands issued so far, by command.</summary>
    public long IssuedCount(int command) => _issued[command];

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

    /// <summary>Earliest cycle &gt;= <paramref name="now"/> at which the command may issue. Never changes the state.</summary>
    public DramProbe Probe(int command, DramAddress a, long now)
    {
        if (CheckAddress(command, a) is { } bad) return DramProbe.Illegal(bad);
        if (CheckState(command, a) is { } illegal) return DramProbe.Illegal(illegal);

        var earliest = Math.Max(now, _lastIssue);
        var heldByOrder = earliest > now;
        var binding = -1;
        var k0 = command * _levels;
        Span<int> firsts = stackalloc int[_levels];
        for (var l = 0; l < _levels; l++) firsts[l] = _nodeOf[_via[k0 + l] * _banks + a.Bank] * _mul[k0 + l];
        for (var i = _ruleStart[command]; i < _ruleStart[command + 1]; i++)
        {
            var rule = _rules[i];
            var l = rule.Level;
            var count = _count[k0 + l];
            if (count == 0) continue;
            var first = firsts[l];
            if (rule.Sibling)
            {
                // The other nodes of the level under the same parent as the ones the command touches.
                var per = _perParent[l];
                var from = first - first % per;
                for (var node = from; node < from + per; node++)
                {
                    if (node >= first && node < first + count) continue;
                    var since = _last[l][node * _commands + rule.Preceding];
                    if (since == Never) continue;
                    var t = since + rule.Latency;
                    if (t > earliest) { earliest = t; binding = i; heldByOrder = false; }
                }
                continue;
            }
            var ring = rule.Ring;
            if (ring < 0 && count > 1)
            {
                // Every node of the level under the command's scope node: their group maximum.
                var group = _groupOf[k0 + l];
                var latest = _group[group][_groupAncestor[group][first] * _commands + rule.Preceding];
                if (latest == Never) continue;
                var t = latest + rule.Latency;
                if (t > earliest) { earliest = t; binding = i; heldByOrder = false; }
                continue;
            }
            for (var node = first; node < first + count; node++)
            {
                long since;
                if (ring >= 0)
                {
                    // The oldest of the last Window issues: the slot after the newest.
                    var size = _ringSize[ring];
                    var head = _ringHead[ring][node] + 1;
                    since = _rings[ring][node * size + (head == size ? 0 : head)];
                }
                else since = _last[l][node * _commands + rule.Preceding];
                if (since == Never) continue;
                var t = since + rule.Latency;
                if (t > earliest) { earliest = t; binding = i; heldByOrder = false; }
            }
        }
        var edge = false;
        if (_onClockEdge[command] && earliest % _ticksPerClock != 0)
        {
            earliest += _ticksPerClock - earliest % _ticksPerClock;
            edge = true;
            heldByOrder = false;
        }
        if (_enforceRefresh && command != _refreshCommand)
        {
            var node = RefreshNode(a.Bank);
            var deadline = Refresh.Deadline(node);
            if (earliest > deadline)
                return DramProbe.Illegal($"refresh overdue: {_org.Levels[_standard.Refresh.Level].Name} {node} owes "
                    + $"{_standard.Commands[_refreshCommand].Mnemonic} past the postponement limit ({_standard.Refresh.MaxPostponed} x tREFI)", earliest);
        }
        _probedCommand = command;
        _probedAddress = a;
        _probedCycle = earliest;
        _probedSkipped = Refresh.SkippedCycles;
        return new DramProbe(earliest, binding >= 0 ? edge ? _ruleText[binding] + ", then a rising clock edge" : _ruleText[binding]
            : edge ? "the command waits for a rising clock edge" : null, null, heldByOrder);
    }

    /// <summary>Issues the command at <paramref name="cycle"/>; throws <see cref="DramProtocolViolation"/> when it is not legal then.</summary>
    public void Issue(int command, DramAddress a, long cycle)
    {
        // Probe(c, a, now) = E implies Probe(c, a, E) = E while the state is unchanged.
        if (command != _probedCommand || cycle != _probedCycle || a.Bank != _probedAddress.Bank || a.Row != _probedAddress.Row
            || a.Column != _probedAddress.Column || _probedSkipped != Refresh.SkippedCycles)
        {
            var probe = Probe(command, a, cycle);
            if (probe.StateError is not null || probe.EarliestCycle != cycle)
                throw new DramProtocolViolation(_standard.Commands[command].Mnemonic, Describe(a), cycle, probe);
        }
        _probedCommand = -1;

        var k0 = command * _levels;
        for (var l = 0; l < _levels; l++)
        {
            var count = _count[k0 + l];
            if (count == 0) continue;
            var first = _nodeOf[_via[k0 + l] * _banks + a.Bank] * _mul[k0 + l];
            var last = _last[l];
            var ring = _ringOf[l * _commands + command];
            for (var node = first; node < first + count; node++)
            {
                last[node * _commands + command] = cycle;
                if (ring < 0) continue;
                var size = _ringSize[ring];
                var head = _ringHead[ring][node] + 1;
                if (head == size) head = 0;
                _ringHead[ring][node] = head;
                _rings[ring][node * size + head] = cycle;
            }
            foreach (var g in _groupsAt[l])
            {
                var ancestors = _groupAncestor[g];
                var group = _group[g];
                for (var ancestor = ancestors[first]; ancestor <= ancestors[first + count - 1]; ancestor++)
                    group[ancestor * _commands + command] = cycle;
            }
        }
        switch (_effect[command])
        {
            case DramBankEffect.Open:
                SetCovered(command, a, a.Row);
                var opened = _nodeOf[_scopeLevel[command] * _banks + a.Bank] * _scopeBanks[command];
                Array.Fill(_openedBy, command, opened, _coveredBanks[command]);
                break;
            case DramBankEffect.Close: SetCovered(command, a, ClosedRow); break;
            case DramBankEffect.Refresh: Refresh.Refreshed(RefreshNode(a.Bank)); break;
        }
        _issued[command]++;
        _lastIssue = cycle;
    }

    /// <summary>An address as messages show it: bank path, row and column.</summary>
    public string Describe(DramAddress a) => $"{_org.Path(a.Bank)} row {a.Row} col {a.Column}";

    private void SetCovered(int command, DramAddress a, int row)
    {
        var first = _nodeOf[_scopeLevel[command] * _banks + a.Bank] * _scopeBanks[command];
        for (var b = first; b < first + _coveredBanks[command]; b++)
        {
            var wasOpen = _openRow[b] != ClosedRow;
            _openRow[b] = row;
            if (wasOpen != (row != ClosedRow)) _openBanks[RefreshNode(b)] += wasOpen ? -1 : 1;
        }
    }

    private int RefreshNode(int bank) => _nodeOf[_refreshLevel * _banks + bank];

    private string? CheckAddress(int command, DramAddress a)
    {
        if ((uint)a.Bank >= (uint)_banks) return $"bank {a.Bank} out of range 0..{_banks - 1}";
        if (_effect[command] == DramBankEffect.Open && (a.Row < 0 || a.Row >= _org.RowsPerBank))
            return $"row {a.Row} out of range 0..{_org.RowsPerBank - 1}";
        if (_columns[command] >= 0 && (uint)a.Column >= (uint)_columns[command])
            return $"{_standard.Commands[command].ColumnSpace} {a.Column} out of range 0..{_columns[command] - 1}";
        return null;
    }

    private string? CheckState(int command, DramAddress a)
    {
        var effect = _effect[command];
        if (effect is DramBankEffect.None or DramBankEffect.Close) return null;
        var first = _nodeOf[_scopeLevel[command] * _banks + a.Bank] * _scopeBanks[command];
        var covered = _coveredBanks[command];
        if (covered == 1)
        {
            var open = _openRow[first];
            return effect switch
            {
                DramBankEffect.Access when open == a.Row => null,
                DramBankEffect.Access when open == ClosedRow => "bank is precharged; activate the row first",
                DramBankEffect.Access => $"bank has row {open} open, not row {a.Row}",
                _ when open != ClosedRow => $"bank already has row {open} open; precharge first",
                _ => null,
            };
        }
        for (var b = first; b < first + covered; b++)
        {
            if (effect == DramBankEffect.Access)
            {
                if (_openRow[b] != a.Row) return $"not every bank of the {ScopeName(command)} has row {a.Row} open; use {Opener(command)} first";
            }
            else if (_openRow[b] != ClosedRow) return $"a bank of the {ScopeName(command)} is open; precharge all first";
        }
        return null;
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
