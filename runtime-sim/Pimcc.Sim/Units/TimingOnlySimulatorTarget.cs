using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Sim.Functional;
using Pimcc.Targets;

namespace Pimcc.Sim.Units;

/// <summary>
/// A simulator that times binaries and runs no values (the gpu baselines, pimllm, hyflexpim): the description is
/// checked to be of the kind's type, the report is the target's, and <c>--functional</c> is a usage error saying why.
/// </summary>
public abstract class TimingOnlySimulatorTarget<TTarget> : ISimulatorTarget where TTarget : TargetDescription
{
    public abstract string Kind { get; }

    /// <summary>The generation's report (<c>pimcc-sim-report/1</c> JSON).</summary>
    protected abstract byte[] Report(PimBinary binary, TTarget target, string fileName, TimingRequest request);

    /// <summary>Why this simulator runs no values, and what to do instead.</summary>
    protected abstract (string Why, string Hint) NoValues(TargetDescription target);

    public TimingOutcome SimulateTiming(PimBinary binary, TargetDescription target, string fileName, TimingRequest request) =>
        new(Report(binary, TargetLoader.As<TTarget>(target, $"{fileName}: section target"), fileName, request), null);

    public int? ReturnedVocabulary(PimBinary binary, TargetDescription target) => null;

    public FunctionalGenerationResult RunFunctional(PimBinary binary, TargetDescription target, string fileName, FunctionalRequest request)
    {
        var (why, hint) = NoValues(target);
        throw new PimccError(ExitCode.Usage, $"{fileName}: --functional", why, hint);
    }
}
