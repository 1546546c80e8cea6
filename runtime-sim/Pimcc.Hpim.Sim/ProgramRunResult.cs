using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
namespace Pimcc.Hpim.Sim;

/// <summary>Outcome of one program run (prefill, or one decode step).</summary>
public sealed record ProgramRunResult : IRunFigures
{
    public required string Program { get; init; }
    public required ProgramRegisters Registers { get; init; }
    /// <summary>From the start until every core halted and every channel drained.</summary>
    public required long MakespanPs { get; init; }
    /// <summary>All additive statistics, static energy included.</summary>
    public required StatVector Stats { get; init; }
    /// <summary>Makespan attributed to <see cref="WorkClass"/>es along the critical path (ps, sums to the makespan).</summary>
    public required double[] CriticalPathPs { get; init; }

    double IRunFigures.TotalEnergyPj => Stats.TotalEnergy;

    IReadOnlyList<double> IRunFigures.CriticalPathPs => CriticalPathPs;
    public required IReadOnlyList<(string Stream, long FinishPs)> Finish { get; init; }
    /// <summary>Instructions and commands the simulator stepped through one by one (not those timed in closed form).</summary>
    public required long SimulatedItems { get; init; }
    /// <summary>Layer counts simulated when the figures were extrapolated from them (<see cref="LayerSampling"/>); null = all layers ran.</summary>
    public IReadOnlyList<int>? LayerSamples { get; init; }
    /// <summary>The activity log when <see cref="SimOptions.KeepActivity"/> is set.</summary>
    public ActivityLog? Activity { get; init; }
}
