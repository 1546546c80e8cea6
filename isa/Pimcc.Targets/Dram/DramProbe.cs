namespace Pimcc.Targets.Dram;

/// <summary>
/// Answer of <see cref="DramTimingEngine.Probe"/>: the earliest legal cycle and the rule that sets it (null when
/// nothing delays the command), or why the command is illegal whatever the cycle (bank state, address, overdue
/// refresh).
/// </summary>
public readonly record struct DramProbe(long EarliestCycle, string? Binding, string? StateError, bool HeldByCommandOrder = false)
{
    public static DramProbe Illegal(string why, long earliest = long.MaxValue) => new(earliest, null, why);

    public bool IsLegalState => StateError is null;

    /// <summary>Human-readable name of what sets <see cref="EarliestCycle"/>.</summary>
    public string BindingRule =>
        Binding ?? (HeldByCommandOrder ? "command order: an earlier-issued command is later in time" : "ready");
}

/// <summary>
/// Thrown by <see cref="DramTimingEngine.Issue"/> for a command that is not legal at that cycle, and by its refresh
/// controller for a refresh postponed past the limit. From the compiler this is a bug; a simulator reading a foreign
/// binary reports it as a diagnostic (ExitCode.InvalidBinary) naming the command.
/// </summary>
public sealed class DramProtocolViolation(string command, string address, long cycle, DramProbe probe)
    : Exception(probe.StateError is { } s
        ? $"{command} {address} at cycle {cycle}: {s}"
        : $"{command} {address} at cycle {cycle}: earliest legal cycle is {probe.EarliestCycle} ({probe.BindingRule})")
{
    public string Command { get; } = command;
    public string Address { get; } = address;
    public long Cycle { get; } = cycle;
    public DramProbe Probe { get; } = probe;

    /// <summary>What is wrong, without the command and address.</summary>
    public string Reason => Probe.StateError ?? $"earliest legal cycle is {Probe.EarliestCycle} ({Probe.BindingRule})";
}
