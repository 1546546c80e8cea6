using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pimcc.Targets.Dram;

/// <summary>
/// Timing and bank state of ONE DRAM channel under a <see cref="DramStandard"/>, shared by the simulator's hot loop,
/// the compiler's legality check and the tests. The rule table is compiled once per standard into access plans
/// (<see cref="DramAccessPlans"/>: per command and addressed node, the history slots its rules read and those its
/// issue writes), shared by all engines of the standard (no allocation per command). <see cref="Probe"/> answers
/// "when may this command issue?" and never changes the state; <see cref="Issue"/> is strict: it throws
/// <see cref="DramProtocolViolation"/> for a command that is early or illegal in the bank state;
/// <see cref="TryIssueEarliest"/> is the two in one for a caller that issues at the probed cycle. Refresh is part of
/// the engine: a schedule per refresh node (one REF due every tREFI, up to MaxPostponed owed), a controller that
/// issues due refreshes (<see cref="IssueDueRefreshes"/>) and, when enforced, a deadline after which other commands
/// to the node are illegal.
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
    private readonly int _banks;
    private readonly bool _enforceRefresh;

    // Shared, read-only: the compiled standard (see DramCompiledStandard for what each array holds) and its plans.
    private readonly DramBankEffect[] _effect;
    private readonly int[] _columns, _scopeLevel, _scopeBanks, _coveredBanks, _nodeOf;
    private readonly string[] _ruleText;
    private readonly bool[] _onClockEdge;
    private readonly int _ticksPerClock;
    private readonly long _rowsPerBank;
    private readonly int[] _planOfBank, _readStart, _readRule, _writeStart, _writes, _pushStart;
    private readonly DramAccessPlans.Read[] _reads;
    private readonly DramAccessPlans.RingPush[] _pushes;

    // This channel's timing history (slots as DramAccessPlans lays them out) and windowed rules' rings.
    private readonly long[] _state;
    private readonly long[] _ringData;
    private readonly int[] _ringHead;
    private readonly int _refreshCommand;
    private readonly long[] _issued;
    private long _lastIssue = Never;

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
        var p = c.Plans;
        _banks = c.Banks;
        (_effect, _columns, _scopeLevel, _scopeBanks, _coveredBanks, _nodeOf) = (c.Effect, c.Columns, c.ScopeLevel, c.ScopeBanks, c.CoveredBanks, c.NodeOf);
        (_ruleText, _onClockEdge, _ticksPerClock, _rowsPerBank) = (c.RuleText, c.OnClockEdge, c.TicksPerClock, _org.RowsPerBank);
        (_planOfBank, _readStart, _readRule, _reads) = (p.PlanOfBank, p.ReadStart, p.ReadRule, p.Reads);
        (_writeStart, _writes, _pushStart, _pushes) = (p.WriteStart, p.Writes, p.PushStart, p.Pushes);

        _state = new long[p.StateSize];
        Array.Fill(_state, Never);
        _ringData = new long[p.RingDataSize];
        Array.Fill(_ringData, Never);
        _ringHead = new int[p.RingNodes];
        _issued = new long[c.Commands];
        _refreshCommand = standard.Refresh.Command;
        Refresh = new DramRefreshSchedule(standard.Refresh, _org.NodeCount(standard.Refresh.Level));
        (_openRow, _openedBy, _openBanks, _uniformRow) = NewBankState(c, standard.Refresh.Level);
        (_uniformLevelOf, _uniformLevels, _uniformCover, _refreshNodeOf) = (c.UniformLevelOf, c.UniformLevels, c.UniformCover, c.RefreshNodeOf);
        _banksPerRefreshNode = _org.BanksUnder(standard.Refresh.Level);
        (_ringShapes, Horizon) = (RingShapes(p), LongestLatency(p));
        HistoryLength = 2 + 2 * (_state.Length + _ringShapes.Sum(r => r.Size)) + 3 * _banks;
    }

    public DramStandard Standard => _standard;

    /// <summary>When refreshes fall due, in real time (engine time + cycles the caller skipped).</summary>
    public DramRefreshSchedule Refresh { get; }

    /// <summary>Commands issued so far, by command.</summary>
    public long IssuedCount(int command) => _issued[command];

    /// <summary>Earliest cycle &gt;= <paramref name="now"/> at which the command may issue. Never changes the state.</summary>
    public DramProbe Probe(int command, DramAddress a, long now)
    {
        if (CheckAddress(command, a) is { } bad) return DramProbe.Illegal(bad);
        if (!StateAllows(command, a)) return DramProbe.Illegal(StateError(command, a));

        var plan = _planOfBank[command * _banks + a.Bank];
        var start = Math.Max(now, _lastIssue);
        var byRules = Latest(plan, start);
        var earliest = OnClockEdge(command, byRules);
        if (Overdue(command, a, earliest) is { } overdue) return DramProbe.Illegal(overdue, earliest);
        _probedCommand = command;
        _probedAddress = a;
        _probedCycle = earliest;
        _probedSkipped = Refresh.SkippedCycles;
        var edge = earliest != byRules;
        var binding = byRules > start ? _ruleText[BindingRule(plan, byRules)] : null;
        return new DramProbe(earliest, binding is not null ? edge ? binding + ", then a rising clock edge" : binding
            : edge ? "the command waits for a rising clock edge" : null, null, !edge && byRules == start && start > now);
    }

    /// <summary>
    /// Issues the command at its earliest legal cycle &gt;= <paramref name="now"/> (what <see cref="Probe"/> answers)
    /// and returns true with that cycle; returns false, changing nothing, exactly when <see cref="Probe"/> would
    /// report the command illegal (ask it for why).
    /// </summary>
    public bool TryIssueEarliest(int command, DramAddress a, long now, out long cycle)
    {
        cycle = 0;
        if (!AddressAllows(command, a) || !StateAllows(command, a)) return false;
        var plan = _planOfBank[command * _banks + a.Bank];
        var earliest = OnClockEdge(command, Latest(plan, Math.Max(now, _lastIssue)));
        if (IsOverdue(command, a, earliest)) return false;
        Apply(command, a, plan, earliest);
        cycle = earliest;
        return true;
    }

    /// <summary>
    /// <see cref="Probe"/> without its messages, for a controller's inner loop: true with the earliest legal cycle
    /// &gt;= <paramref name="now"/>, or false exactly when <see cref="Probe"/> reports the command illegal, with
    /// <paramref name="cycle"/> its <see cref="DramProbe.EarliestCycle"/> (the cycle for an overdue refresh, else
    /// long.MaxValue). Never changes the state; a following <see cref="Issue"/> at the answer need not probe again.
    /// </summary>
    public bool TryProbeEarliest(int command, DramAddress a, long now, out long cycle)
    {
        cycle = long.MaxValue;
        if (!AddressAllows(command, a) || !StateAllows(command, a)) return false;
        cycle = OnClockEdge(command, Latest(_planOfBank[command * _banks + a.Bank], Math.Max(now, _lastIssue)));
        if (IsOverdue(command, a, cycle)) return false;
        (_probedCommand, _probedAddress, _probedCycle, _probedSkipped) = (command, a, cycle, Refresh.SkippedCycles);
        return true;
    }

    /// <summary>Issues the command at <paramref name="cycle"/>; throws <see cref="DramProtocolViolation"/> when it is not legal then.</summary>
    public void Issue(int command, DramAddress a, long cycle)
    {
        // Probe(c, a, now) = E implies Probe(c, a, E) = E while the state is unchanged.
        if (command != _probedCommand || cycle != _probedCycle || a.Bank != _probedAddress.Bank || a.Row != _probedAddress.Row
            || a.Column != _probedAddress.Column || _probedSkipped != Refresh.SkippedCycles)
        {
            if (!TryProbeEarliest(command, a, cycle, out var earliest) || earliest != cycle)
                throw new DramProtocolViolation(_standard.Commands[command].Mnemonic, Describe(a), cycle, Probe(command, a, cycle));
        }
        Apply(command, a, _planOfBank[command * _banks + a.Bank], cycle);
    }

    /// <summary>An address as messages show it: bank path, row and column.</summary>
    public string Describe(DramAddress a) => $"{_org.Path(a.Bank)} row {a.Row} col {a.Column}";

    // The latest of start and every "slot + latency" the plan's rules read.
    private long Latest(int plan, long start)
    {
        ref var state = ref MemoryMarshal.GetArrayDataReference(_state);
        ref var read = ref MemoryMarshal.GetArrayDataReference(_reads);
        var latest = start;
        for (int i = _readStart[plan], end = _readStart[plan + 1]; i < end; i++)
        {
            var r = Unsafe.Add(ref read, i);
            latest = Math.Max(latest, Unsafe.Add(ref state, r.Slot) + r.Latency);
        }
        return latest;
    }

    // The rule that sets a probe's answer: the first in rule order that reaches it.
    private int BindingRule(int plan, long latest)
    {
        for (var i = _readStart[plan]; i < _readStart[plan + 1]; i++)
            if (_state[_reads[i].Slot] + _reads[i].Latency == latest) return _readRule[i];
        throw new InvalidOperationException("no rule reaches the probed cycle");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long OnClockEdge(int command, long cycle)
    {
        if (!_onClockEdge[command]) return cycle;
        var past = cycle % _ticksPerClock;
        return past == 0 ? cycle : cycle + _ticksPerClock - past;
    }

    private void Apply(int command, DramAddress a, int plan, long cycle)
    {
        _probedCommand = -1;
        ref var state = ref MemoryMarshal.GetArrayDataReference(_state);
        ref var write = ref MemoryMarshal.GetArrayDataReference(_writes);
        for (int i = _writeStart[plan], end = _writeStart[plan + 1]; i < end; i++) Unsafe.Add(ref state, Unsafe.Add(ref write, i)) = cycle;
        for (int i = _pushStart[plan], end = _pushStart[plan + 1]; i < end; i++) Push(_pushes[i], cycle);
        switch (_effect[command])
        {
            case DramBankEffect.Open:
                var opened = _nodeOf[_scopeLevel[command] * _banks + a.Bank] * _scopeBanks[command];
                SetCovered(command, opened, a.Row);
                Array.Fill(_openedBy, command, opened, _coveredBanks[command]);
                break;
            case DramBankEffect.Close: SetCovered(command, _nodeOf[_scopeLevel[command] * _banks + a.Bank] * _scopeBanks[command], ClosedRow); break;
            case DramBankEffect.Refresh: Refresh.Refreshed(RefreshNode(a.Bank)); break;
        }
        _issued[command]++;
        _lastIssue = cycle;
    }

    // A cycle onto a windowed rule's ring: the oldest of the window moves into the slot the rule reads.
    private void Push(DramAccessPlans.RingPush push, long cycle)
    {
        var head = _ringHead[push.Head] + 1;
        if (head == push.Size) head = 0;
        _ringHead[push.Head] = head;
        _ringData[push.Data + head] = cycle;
        _state[push.Oldest] = _ringData[push.Data + (head + 1 == push.Size ? 0 : head + 1)];
    }

    private int RefreshNode(int bank) => _refreshNodeOf[bank];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsOverdue(int command, DramAddress a, long cycle) =>
        _enforceRefresh && command != _refreshCommand && cycle > Refresh.Deadline(RefreshNode(a.Bank));

    private string? Overdue(int command, DramAddress a, long cycle) =>
        IsOverdue(command, a, cycle)
            ? $"refresh overdue: {_org.Levels[_standard.Refresh.Level].Name} {RefreshNode(a.Bank)} owes "
                + $"{_standard.Commands[_refreshCommand].Mnemonic} past the postponement limit ({_standard.Refresh.MaxPostponed} x tREFI)"
            : null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool AddressAllows(int command, DramAddress a) =>
        (uint)a.Bank < (uint)_banks
        && (_effect[command] != DramBankEffect.Open || (a.Row >= 0 && a.Row < _rowsPerBank))
        && (_columns[command] < 0 || (uint)a.Column < (uint)_columns[command]);

    private string? CheckAddress(int command, DramAddress a)
    {
        if (AddressAllows(command, a)) return null;
        if ((uint)a.Bank >= (uint)_banks) return $"bank {a.Bank} out of range 0..{_banks - 1}";
        if (_effect[command] == DramBankEffect.Open && (a.Row < 0 || a.Row >= _rowsPerBank))
            return $"row {a.Row} out of range 0..{_rowsPerBank - 1}";
        return $"{_standard.Commands[command].ColumnSpace} {a.Column} out of range 0..{_columns[command] - 1}";
    }
}
