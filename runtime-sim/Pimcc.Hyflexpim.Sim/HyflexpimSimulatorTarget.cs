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
/// On values it has the analog GEMV (<see cref="Functional.AnalogGemv"/>) but no whole-program run yet (issue 12).
/// </summary>
public sealed class HyflexpimSimulatorTarget : ISimulatorTarget
{
    public string Kind => HyflexpimKind.Name;

    public TimingOutcome SimulateTiming(PimBinary binary, TargetDescription target, string fileName, TimingRequest request) =>
        new(HyflexpimSimReport.ToJson(HyflexpimGeneration.Run(binary, TargetLoader.As<HyflexpimTarget>(target, $"{fileName}: section target"), fileName, request),
            TargetLoader.As<HyflexpimTarget>(target, $"{fileName}: section target")), null);

    public int? ReturnedVocabulary(PimBinary binary) => null;

    /// <summary>A binary without an image (compiled from a weights-free HuggingFace config, or with <c>--image off</c>)
    /// has no values to run: exit 76. With one, the whole-program values run is not there yet: exit 2.</summary>
    public FunctionalGenerationResult RunFunctional(PimBinary binary, TargetDescription target, string fileName, FunctionalRequest request)
    {
        if (binary.Image.Count == 0)
            throw new PimccError(ExitCode.ModelWithoutWeights, $"{fileName}: --functional",
                "the binary carries no memory image (no crossbar cells, no parameters): it was compiled from a model without weights or with --image off",
                "compile an ONNX model with its weights (--image auto or on) for a values run; this binary gives timing and energy only");
        throw new PimccError(ExitCode.Usage, $"{fileName}: --functional",
            "the hyflexpim simulator runs the analog GEMV on values but not yet whole programs (timing and energy only)",
            "drop --functional for the timing report, or use pimcc eval for the quantised reference's loss");
    }
}
