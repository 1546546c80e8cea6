namespace Pimcc.Targets.Dram;

/// <summary>What the engine's refresh controller does when a refresh falls due on a node with open rows.</summary>
public enum DramRefreshPolicy
{
    /// <summary>Wait until the command stream closes the node's banks (up to the postponement limit).</summary>
    PostponeUntilClosed,
    /// <summary>
    /// As a memory controller does (DRAMsim3's CommandQueue::FinishRefresh, "ASAP": precharge or refresh; Ramulator's
    /// REFab prerequisite PREA): precharge the node's open banks, refresh, then reopen the rows that were open with
    /// the commands that opened them, so the stream goes on as if nothing happened, later.
    /// </summary>
    InterruptOpenRows,
}

/// <summary>
/// How a standard refreshes: <see cref="Command"/> refreshes one node of <see cref="Level"/>; one is due every
/// <see cref="IntervalNck"/> (tREFI) per node, the first at tREFI; up to <see cref="MaxPostponed"/> may be owed; a
/// refresh keeps its banks busy <see cref="DurationNck"/> (tRFC). Intervals and durations are in engine ticks (the
/// names keep "Nck": a tick is a clock unless <see cref="DramClocking"/> says otherwise). <see cref="PrechargeCommand"/>
/// closes every bank of a refresh node; <see cref="DramRefreshPolicy.InterruptOpenRows"/> needs it.
/// </summary>
public sealed record DramRefresh(int Command, int Level, int IntervalNck, int MaxPostponed, int DurationNck,
    DramRefreshPolicy Policy = DramRefreshPolicy.PostponeUntilClosed, int PrechargeCommand = -1);

/// <summary>
/// The engine's time unit and when a timing counts. <see cref="TicksPerClock"/> 2 lets commands issue on half clocks
/// (HBM3's row bus takes commands on both clock edges: JESD238; Ramulator 2.1 hbm3.py tick_multiplier 2); every
/// latency, refresh interval and cycle the engine takes or returns is then in ticks. With
/// <see cref="TimingFromCommandEnd"/>, a rule's latency counts from the last tick of the preceding command to the
/// last tick of the following one, as JEDEC specifies for multi-cycle commands (Ramulator 2.1 spec.py: commands are
/// recorded at their first tick, so the engine adds BusTicks(preceding) - BusTicks(following)).
/// </summary>
public sealed record DramClocking(int TicksPerClock, bool TimingFromCommandEnd)
{
    /// <summary>Whole clocks, latencies from each command's first clock.</summary>
    public static DramClocking WholeClocks { get; } = new(1, false);
}

/// <summary>
/// A DRAM standard as data: organisation, command table, timing rules and refresh. HBM3 with PIM commands is one
/// (the hpim target builds it from its description); LPDDR5 is another table for the same <see cref="DramTimingEngine"/>.
/// </summary>
public sealed class DramStandard
{
    public DramStandard(string name, DramOrganization organization, IReadOnlyList<DramCommandSpec> commands,
        IReadOnlyList<DramTimingRule> rules, DramRefresh refresh, DramClocking? clocking = null)
    {
        Name = name;
        Organization = organization;
        Commands = commands;
        Rules = rules;
        Refresh = refresh;
        Clocking = clocking ?? DramClocking.WholeClocks;
        if (Clocking.TicksPerClock < 1) throw new ArgumentException($"{name}: ticks per clock must be positive");
        if (commands.Any(c => c.BusTicks < 1)) throw new ArgumentException($"{name}: a command holds its bus at least one tick");
        var levels = organization.Levels.Count;
        foreach (var c in commands)
            if ((uint)c.ScopeLevel >= (uint)levels) throw new ArgumentException($"{name}: {c.Mnemonic} addresses level {c.ScopeLevel} of {levels}");
        foreach (var r in rules)
        {
            if ((uint)r.Level >= (uint)levels || (uint)r.Preceding >= (uint)commands.Count || (uint)r.Following >= (uint)commands.Count || r.Window < 1)
                throw new ArgumentException($"{name}: rule {r.Name} names a level or command outside the table");
            if (r.Window > 1 && rules.Any(o => o.Window > 1 && o.Level == r.Level && o.Preceding == r.Preceding && o.Window != r.Window))
                throw new ArgumentException($"{name}: rules disagree on the window of {commands[r.Preceding].Mnemonic} at {organization.Levels[r.Level].Name}");
        }
        if ((uint)refresh.Command >= (uint)commands.Count || commands[refresh.Command].Effect != DramBankEffect.Refresh
            || (uint)refresh.Level >= (uint)levels || refresh.IntervalNck < 1 || refresh.MaxPostponed < 0)
            throw new ArgumentException($"{name}: the refresh entry must name a refresh command, a level and a positive interval");
        if (refresh.Policy == DramRefreshPolicy.InterruptOpenRows && ((uint)refresh.PrechargeCommand >= (uint)commands.Count
            || commands[refresh.PrechargeCommand] is not { Effect: DramBankEffect.Close, CoversBanksBelow: true } pre || pre.ScopeLevel != refresh.Level))
            throw new ArgumentException($"{name}: interrupting open rows for refresh needs a precharge-all command of the refresh level");
    }

    private DramCompiledStandard? _compiled;

    public string Name { get; }
    public DramOrganization Organization { get; }
    public IReadOnlyList<DramCommandSpec> Commands { get; }
    public IReadOnlyList<DramTimingRule> Rules { get; }
    public DramRefresh Refresh { get; }
    public DramClocking Clocking { get; }

    /// <summary>
    /// The rules as the engine applies them to issue ticks (each command recorded at its first tick): the standard's
    /// own, shifted by BusTicks(preceding) - BusTicks(following) when its latencies count between command ends, then
    /// one "command bus" rule per pair of commands on one bus (the preceding one holds the bus its BusTicks).
    /// </summary>
    public IReadOnlyList<DramTimingRule> RulesAsIssued => _asIssued ??= AsIssued().ToArray();

    private DramTimingRule[]? _asIssued;

    private IEnumerable<DramTimingRule> AsIssued()
    {
        foreach (var r in Rules)
            yield return Clocking.TimingFromCommandEnd
                ? r with { Latency = r.Latency + Commands[r.Preceding].BusTicks - Commands[r.Following].BusTicks }
                : r;
        for (var p = 0; p < Commands.Count; p++)
        {
            if (Commands[p].Bus < 0) continue;
            for (var f = 0; f < Commands.Count; f++)
                if (Commands[f].Bus == Commands[p].Bus)
                    yield return new DramTimingRule("command bus", 0, p, f, Commands[p].BusTicks, "busTicks");
        }
    }

    /// <summary>The tables of the engine's hot loop, built on first use and shared by every engine of this standard.</summary>
    internal DramCompiledStandard Compiled => LazyInitializer.EnsureInitialized(ref _compiled, () => new DramCompiledStandard(this));

    /// <summary>A rule as a probe names it: <c>tRCD: ACT -> RD at bank, 23 nCK</c>.</summary>
    public string Describe(DramTimingRule r) =>
        $"{r.Name}: {Commands[r.Preceding].Mnemonic} -> {Commands[r.Following].Mnemonic} at {(r.Sibling ? "another " : "")}{Organization.Levels[r.Level].Name}, {Ticks(r.Latency)}";

    /// <summary>A latency in engine ticks as messages show it: <c>23 nCK</c>, or <c>1.5 nCK</c> with half-clock ticks.</summary>
    public string Ticks(long ticks) =>
        Clocking.TicksPerClock == 1 ? $"{ticks} nCK" : $"{(decimal)ticks / Clocking.TicksPerClock:0.###} nCK";
}
