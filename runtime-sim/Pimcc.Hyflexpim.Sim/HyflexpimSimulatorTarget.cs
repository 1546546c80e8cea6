using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Hyflexpim.Sim;
using Pimcc.Hyflexpim.Sim.Functional;
using Pimcc.Isa.Container;
using Pimcc.Sim.Functional;
using Pimcc.Sim.Units;
using Pimcc.Targets;

[assembly: TargetComponent(typeof(HyflexpimSimulatorTarget))]

namespace Pimcc.Hyflexpim.Sim;

/// <summary>
/// The hyflexpim simulator: every PU's analog, digital, SFU and link streams as agents on the shared sync hub and bus
/// model (<see cref="HyflexpimMachine"/>), prefill then the decode steps over the shared decode schedule
/// (<see cref="HyflexpimGeneration"/>), the paper's metrics in the shared report format (<see cref="HyflexpimSimReport"/>);
/// on values, the binary's streams over its memory image (<see cref="ValuesMachine"/>, <see cref="ValuesGeneration"/>).
/// </summary>
public sealed class HyflexpimSimulatorTarget : ISimulatorTarget
{
    public string Kind => HyflexpimKind.Name;

    public TimingOutcome SimulateTiming(PimBinary binary, TargetDescription target, string fileName, TimingRequest request)
    {
        var t = Of(target, fileName);
        return new(HyflexpimSimReport.ToJson(HyflexpimGeneration.Run(binary, t, fileName, request), t), null);
    }

    /// <summary>The rows of the host table io.row reads by token id (none for an encoder).</summary>
    public int? ReturnedVocabulary(PimBinary binary, TargetDescription target) =>
        ValuesGeneration.Vocabulary(binary, TargetLoader.As<HyflexpimTarget>(target, "section target"));

    /// <summary>A binary without an image (compiled from a weights-free HuggingFace config, or with <c>--image off</c>)
    /// has no values to run: exit 76.</summary>
    public FunctionalGenerationResult RunFunctional(PimBinary binary, TargetDescription target, string fileName, FunctionalRequest request)
    {
        if (binary.Image.Count == 0)
            throw new PimccError(ExitCode.ModelWithoutWeights, $"{fileName}: --functional",
                "the binary carries no memory image (no crossbar cells, no parameters): it was compiled from a model without weights or with --image off",
                "compile an ONNX model with its weights (--image auto or on) for a values run; this binary gives timing and energy only");
        if (request.ReplayPrompt)
            throw new PimccError(ExitCode.Usage, $"{fileName}: --prompt-replay", "hyflexpim runs the compiled prefill program only", "drop --prompt-replay");
        var machine = new ValuesMachine(binary, Of(target, fileName), fileName);
        return ValuesGeneration.Run(machine, request.Prompt, request.DecodeSteps, request.Progress);
    }

    private static HyflexpimTarget Of(TargetDescription target, string fileName) => TargetLoader.As<HyflexpimTarget>(target, $"{fileName}: section target");
}
