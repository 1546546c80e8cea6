using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Sim;
using Pimcc.Sim.Functional;
using Pimcc.Sim.Units;
using Pimcc.Targets;

[assembly: TargetComponent(typeof(PimllmSimulatorTarget))]

namespace Pimcc.Pimllm.Sim;

/// <summary>
/// The pimllm simulator (pimllm, tpu-llm): runs the binary's streams with their events (<see cref="PimllmMachine"/>),
/// prefill once and the decode steps over the shared decode schedule (<see cref="PimllmGeneration"/>); reports in the
/// shared format (<see cref="PimllmSimReport"/>). Values (the functional mode with 1-bit weights) are not run yet.
/// </summary>
public sealed class PimllmSimulatorTarget : ISimulatorTarget
{
    public string Kind => PimllmKind.Name;

    public TimingOutcome SimulateTiming(PimBinary binary, TargetDescription target, string fileName, TimingRequest request)
    {
        var t = TargetLoader.As<PimllmTarget>(target, $"{fileName}: section target");
        return new TimingOutcome(PimllmSimReport.ToJson(PimllmGeneration.Run(binary, t, fileName, request), t), null);
    }

    public int? ReturnedVocabulary(PimBinary binary) => null;

    public FunctionalGenerationResult RunFunctional(PimBinary binary, TargetDescription target, string fileName, FunctionalRequest request) =>
        throw new PimccError(ExitCode.Usage, $"{fileName}: --functional", $"the pimllm simulator runs timing and energy only; values with 1-bit weights need the quantised reference interpreter, which is not there yet",
            "drop --functional for the timing report");
}
