namespace Pimcc.Targets.Dram;

/// <summary>
/// How a standard refreshes: <see cref="Command"/> refreshes one node of <see cref="Level"/>; one is due every
/// <see cref="IntervalNck"/> (tREFI) per node, the first at tREFI; up to <see cref="MaxPostponed"/> may be owed; a
/// refresh keeps its banks busy <see cref="DurationNck"/> (tRFC).
/// </summary>
public sealed record DramRefresh(int Command, int Level, int IntervalNck, int MaxPostponed, int DurationNck);

/// <summary>
/// A DRAM standard as data: organisation, command table, timing rules and refresh. HBM3 with PIM commands is one
/// (the hpim target builds it from its description); LPDDR5 is another table for the same <see cref="DramTimingEngine"/>.
/// </summary>
public sealed class DramStandard
{
    public DramStandard(string name, DramOrganization organization, IReadOnlyList<DramCommandSpec> commands,
        IReadOnlyList<DramTimingRule> rules, DramRefresh refresh)
    {
        Name = name;
        Organization = organization;
        Commands = commands;
        Rules = rules;
        Refresh = refresh;
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
    }

    private DramCompiledStandard? _compiled;

    public string Name { get; }
    public DramOrganization Organization { get; }
    public IReadOnlyList<DramCommandSpec> Commands { get; }
    public IReadOnlyList<DramTimingRule> Rules { get; }
    public DramRefresh Refresh { get; }

    /// <summary>The tables of the engine's hot loop, built on first use and shared by every engine of this standard.</summary>
    internal DramCompiledStandard Compiled => LazyInitializer.EnsureInitialized(ref _compiled, () => new DramCompiledStandard(this));

    /// <summary>A rule as a probe names it: <c>tRCD: ACT -> RD at bank, 23 nCK</c>.</summary>
    public string Describe(DramTimingRule r) =>
        $"{r.Name}: {Commands[r.Preceding].Mnemonic} -> {Commands[r.Following].Mnemonic} at {Organization.Levels[r.Level].Name}, {r.Latency} nCK";
}
