using Pimcc.Isa.Container;
using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Sim;
using Pimcc.Sim.Units;
using Pimcc.Targets;

[assembly: TargetComponent(typeof(PimllmSimulatorTarget))]

namespace Pimcc.Pimllm.Sim;

/// <summary>
/// The pimllm simulator (pimllm, tpu-llm): runs the binary's streams with their events (<see cref="PimllmMachine"/>),
/// prefill once and the decode steps over the shared decode schedule (<see cref="PimllmGeneration"/>); reports in the
/// shared format (<see cref="PimllmSimReport"/>). Values (the functional mode with 1-bit weights) are not run yet.
/// </summary>
public sealed class PimllmSimulatorTarget : TimingOnlySimulatorTarget<PimllmTarget>
{
    public override string Kind => PimllmKind.Name;

    protected override byte[] Report(PimBinary binary, PimllmTarget target, string fileName, TimingRequest request) =>
        PimllmSimReport.ToJson(PimllmGeneration.Run(binary, target, fileName, request), target);

    protected override (string Why, string Hint) NoValues(TargetDescription target) =>
        ("the pimllm simulator runs timing and energy only; values with 1-bit weights need the quantised reference interpreter, which is not there yet", "drop --functional for the timing report");
}
