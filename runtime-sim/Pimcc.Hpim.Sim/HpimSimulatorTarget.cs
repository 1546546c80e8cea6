using Pimcc.Sim;
using Pimcc.Isa.Container;
using Pimcc.Sim.Functional;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.Hpim.Sim;
using Pimcc.Hpim.Sim.Report;
using Pimcc.Hpim.Sim.Trace;
using Pimcc.Sim.Units;
using Pimcc.Targets;
using Pimcc.Targets.Hpim;

[assembly: TargetComponent(typeof(HpimSimulatorTarget))]

namespace Pimcc.Hpim.Sim;

/// <summary>
/// The hpim simulator: SRAM-PIM core agents and HBM-PIM channel agents on the shared sync hub and critical path
/// (<see cref="HpimSimulator"/>), the generation schedule (<see cref="GenerationRun"/>) and the functional executor
/// (<see cref="FunctionalSimulator"/>).
/// </summary>
public sealed class HpimSimulatorTarget : ISimulatorTarget
{
    public string Kind => HpimKind.Name;

    public TimingOutcome SimulateTiming(PimBinary binary, TargetDescription target, string fileName, TimingRequest request)
    {
        var sim = new HpimSimulator(binary, fileName, new SimOptions(), target: Hpim(target, fileName)); // GenerationRun traces the window with its own simulator
        var generation = new GenerationRequest(request.PromptTokens, request.GeneratedTokens,
            ProgramEntries.FromBinary(binary, "prefill"), ProgramEntries.FromBinary(binary, "decode"))
        {
            Sampling = request.Sampling,
            SampleLayers = request.SampleLayers && request.Sampling != DecodeSampling.Exact,
            KeepActivityRuns = request.TraceRuns,
            TraceLayers = request.TraceLayers,
        };
        var result = GenerationRun.Run(sim, generation, request.Progress);
        var (from, to) = request.TraceWindowPs;
        return new TimingOutcome(SimReport.ToJson(result, sim.Target, binary.Workload?.Model), null)
        {
            WriteTrace = request.TraceRuns is null ? null : stream => ChromeTraceWriter.Write(result, stream, from, to),
        };
    }

    public int? ReturnedVocabulary(PimBinary binary, TargetDescription target) => ReturnedLogits.Vocabulary(binary, FunctionalGeneration.DecodeProgram);

    public FunctionalGenerationResult RunFunctional(PimBinary binary, TargetDescription target, string fileName, FunctionalRequest request)
    {
        var sim = new FunctionalSimulator(binary, fileName, new FunctionalOptions { CheckInterleavings = request.CheckInterleavings }, Hpim(target, fileName));
        return FunctionalGeneration.Run(sim, request.Prompt, request.DecodeSteps, request.ReplayPrompt, request.Progress);
    }

    // The target SimulatorTargets resolved from the binary (of this kind, since that is how this simulator was picked).
    private static HpimTarget Hpim(TargetDescription target, string fileName) => TargetLoader.As<HpimTarget>(target, $"{fileName}: section target");
}
