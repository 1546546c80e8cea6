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
/// shared format (<see cref="PimllmSimReport"/>). Values: the crossbar controller's and the DMA streams run on values
/// (<see cref="PimllmFunctionalMachine"/>); a binary whose programs use a unit that does not yet
/// (<see cref="PimllmFunctionalMachine.NotOnValues"/>: the systolic array and the softmax unit) is refused before
/// anything runs.
/// </summary>
public sealed class PimllmSimulatorTarget : ISimulatorTarget
{
    public string Kind => PimllmKind.Name;

    public TimingOutcome SimulateTiming(PimBinary binary, TargetDescription target, string fileName, TimingRequest request)
    {
        var t = TargetLoader.As<PimllmTarget>(target, $"{fileName}: section target");
        return new(PimllmSimReport.ToJson(PimllmGeneration.Run(binary, t, fileName, request), t), null);
    }

    public int? ReturnedVocabulary(PimBinary binary) => null;

    public FunctionalGenerationResult RunFunctional(PimBinary binary, TargetDescription target, string fileName, FunctionalRequest request)
    {
        TargetLoader.As<PimllmTarget>(target, $"{fileName}: section target");
        if (binary.Image.Count == 0)
            throw new PimccError(ExitCode.NoMemoryImage, $"{fileName}: --functional", "the binary has no initial memory image, so there are no crossbar weights to compute with",
                "compile an ONNX model with weights (pimcc model.onnx --target pimllm --image on); HuggingFace configs carry no weights");
        if (PimllmFunctionalMachine.NotOnValues(binary, fileName) is { } refusal) throw refusal;
        throw new InvalidOperationException("every pimllm unit runs on values but no generation drives them (simulator bug)");
    }
}
