using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Hyflexpim.Sim;
using Pimcc.Isa.Container;
using Pimcc.Sim.Functional;
using Pimcc.Sim.Units;
using Pimcc.Targets;

[assembly: TargetComponent(typeof(HyflexpimSimulatorTarget))]

namespace Pimcc.Hyflexpim.Sim;

/// <summary>
/// The hyflexpim simulator: every PU's analog, digital, SFU and link streams as agents on the shared sync hub and bus
/// model (<see cref="HyflexpimMachine"/>), prefill then the decode steps over the shared decode schedule
/// (<see cref="HyflexpimGeneration"/>), the paper's metrics in the shared report format (<see cref="HyflexpimSimReport"/>).
/// No values mode yet (issue 12).
/// </summary>
public sealed class HyflexpimSimulatorTarget : ISimulatorTarget
{
    public string Kind => HyflexpimKind.Name;

    public TimingOutcome SimulateTiming(PimBinary binary, TargetDescription target, string fileName, TimingRequest request)
    {
        var t = TargetLoader.As<HyflexpimTarget>(target, $"{fileName}: section target");
        return new TimingOutcome(HyflexpimSimReport.ToJson(HyflexpimGeneration.Run(binary, t, fileName, request), t), null);
    }

    public int? ReturnedVocabulary(PimBinary binary) => null;

    public FunctionalGenerationResult RunFunctional(PimBinary binary, TargetDescription target, string fileName, FunctionalRequest request) =>
        throw new PimccError(ExitCode.Usage, $"{fileName}: --functional", "the hyflexpim simulator has no values mode yet (timing and energy only)",
            "drop --functional for the timing report, or run values on an hpim target");
}
