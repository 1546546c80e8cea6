namespace Pimcc.Targets.Hbm;

/// <summary>
/// Thrown by <see cref="HbmChannelTimingEngine.Issue"/> for a command that is not legal at that
/// cycle. From the compiler this is a bug; a simulator reading a foreign binary should report it as
/// a diagnostic (ExitCode.InvalidBinary) naming the command.
/// </summary>
public sealed class HbmProtocolViolation(HbmCommand command, HbmAddress address, long cycle, HbmProbe probe)
    : Exception(Describe(command, address, cycle, probe))
{
    public HbmCommand Command { get; } = command;
    public HbmAddress Address { get; } = address;
    public long Cycle { get; } = cycle;
    public HbmProbe Probe { get; } = probe;

    private static string Describe(HbmCommand c, HbmAddress a, long cycle, HbmProbe p) =>
        p.StateError is { } s
            ? $"{HbmCommands.Info(c).Mnemonic} {a} at cycle {cycle}: {s}"
            : $"{HbmCommands.Info(c).Mnemonic} {a} at cycle {cycle}: earliest legal cycle is {p.EarliestCycle} ({p.BindingRule})";
}

/// <summary>
/// Answer of <see cref="HbmChannelTimingEngine.Probe"/>: the earliest legal cycle and the rule that
/// sets it (null when nothing delays the command), or why the command is illegal in the current
/// bank state whatever the cycle.
/// </summary>
public readonly record struct HbmProbe(long EarliestCycle, TimingRule? Binding, string? StateError, bool HeldByCommandOrder = false)
{
    public bool IsLegalState => StateError is null;

    /// <summary>Human-readable name of what sets <see cref="EarliestCycle"/>.</summary>
    public string BindingRule =>
        Binding is { } r
            ? $"{r.Name}: {HbmCommands.Info(r.Preceding).Mnemonic} -> {HbmCommands.Info(r.Following).Mnemonic} at {r.Level}, {r.Latency} nCK"
            : HeldByCommandOrder ? "command order: an earlier-issued command is later in time" : "ready";
}
