using Pimcc.Hyflexpim.Isa;
using Pimcc.Hyflexpim.Sim;
using Pimcc.Isa.Container;
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
public sealed class HyflexpimSimulatorTarget : TimingOnlySimulatorTarget<HyflexpimTarget>
{
    public override string Kind => HyflexpimKind.Name;

    protected override byte[] Report(PimBinary binary, HyflexpimTarget target, string fileName, TimingRequest request) =>
        HyflexpimSimReport.ToJson(HyflexpimGeneration.Run(binary, target, fileName, request), target);

    protected override (string Why, string Hint) NoValues(TargetDescription target) =>
        ("the hyflexpim simulator has no values mode yet (timing and energy only)", "drop --functional for the timing report, or run values on an hpim target");
}
