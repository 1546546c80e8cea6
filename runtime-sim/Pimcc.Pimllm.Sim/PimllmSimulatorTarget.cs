using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Sim;
using Pimcc.Pimllm.Sim.Functional;
using Pimcc.Sim.Functional;
using Pimcc.Sim.Units;
using Pimcc.Targets;

[assembly: TargetComponent(typeof(PimllmSimulatorTarget))]

namespace Pimcc.Pimllm.Sim;

/// <summary>
/// The pimllm simulator (pimllm, tpu-llm): runs the binary's streams with their events (<see cref="PimllmMachine"/>),
/// prefill once and the decode steps over the shared decode schedule (<see cref="PimllmGeneration"/>); reports in the
/// shared format (<see cref="PimllmSimReport"/>). Values: every stream runs on values
/// (<see cref="PimllmFunctionalMachine"/>) and generates greedily (<see cref="PimllmValues"/>); a binary whose programs
/// use a word that does not run on values (<see cref="PimllmFunctionalMachine.NotOnValues"/>; every word of the ISA
/// table runs today) is refused before anything runs.
/// </summary>
public sealed class PimllmSimulatorTarget : ISimulatorTarget
{
    public string Kind => PimllmKind.Name;

    public TimingOutcome SimulateTiming(PimBinary binary, TargetDescription target, string fileName, TimingRequest request)
    {
        var t = TargetLoader.As<PimllmTarget>(target, $"{fileName}: section target");
        return new(PimllmSimReport.ToJson(PimllmGeneration.Run(binary, t, fileName, request), t), null);
    }

    public int? ReturnedVocabulary(PimBinary binary, TargetDescription target) => PimllmValues.TokenTableRows(binary);

    public FunctionalGenerationResult RunFunctional(PimBinary binary, TargetDescription target, string fileName, FunctionalRequest request)
    {
        var t = TargetLoader.As<PimllmTarget>(target, $"{fileName}: section target");
        if (binary.Image.Count == 0)
            throw new PimccError(ExitCode.ModelWithoutWeights, $"{fileName}: --functional", "the binary has no initial memory image, so there are no crossbar weights to compute with",
                "compile an ONNX model with weights (pimcc model.onnx --target pimllm --image on); HuggingFace configs carry no weights");
        if (!t.HasCrossbars)
            throw new PimccError(ExitCode.Usage, $"{fileName}: --functional", "the values mode runs pimllm binaries, not yet tpu-llm's (its projections stream 1-bit codes through the array)",
                "drop --functional for the timing report, or compile for --target pimllm");
        if (request.ReplayPrompt)
            throw new PimccError(ExitCode.Usage, "--prompt-replay", "pimllm's values mode runs the compiled prefill program, not the prompt through decode", "drop --prompt-replay");
        if (PimllmFunctionalMachine.NotOnValues(binary, fileName) is { } refusal) throw refusal;
        return PimllmValues.Run(binary, t, fileName, request.Prompt, request.DecodeSteps, request.Progress);
    }
}
