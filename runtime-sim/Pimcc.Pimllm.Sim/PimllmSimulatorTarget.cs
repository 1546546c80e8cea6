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
        ("the pimllm simulator runs timing and energy only; it does not run the binary on values yet", "drop --functional for the timing report; `pimcc eval MODEL.onnx --target pimllm` gives the 1-bit model's loss on the quantised reference");
}
