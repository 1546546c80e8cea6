using Pimcc.Diagnostics;
using Pimcc.Gpu.Isa;
using Pimcc.Gpu.Sim;
using Pimcc.Isa.Container;
using Pimcc.Sim.Functional;
using Pimcc.Sim.Units;
using Pimcc.Targets;

[assembly: TargetComponent(typeof(GpuSimulatorTarget))]

namespace Pimcc.Gpu.Sim;

/// <summary>
/// The gpu simulator (a100, h100): reads the kernel stream, times every launch on the roofline with the description's
/// overhead model (<see cref="GpuRoofline.Seconds"/>), over the shared decode schedule; reports in the shared format
/// (<see cref="GpuSimReport"/>). A GPU baseline runs no values.
/// </summary>
public sealed class GpuSimulatorTarget : ISimulatorTarget
{
    public string Kind => GpuKind.Name;

    public TimingOutcome SimulateTiming(PimBinary binary, TargetDescription target, string fileName, TimingRequest request)
    {
        var t = TargetLoader.As<GpuTarget>(target, $"{fileName}: section target");
        return new TimingOutcome(GpuSimReport.ToJson(GpuGeneration.Run(binary, t, fileName, request), t), null);
    }

    public int? ReturnedVocabulary(PimBinary binary) => null;

    public FunctionalGenerationResult RunFunctional(PimBinary binary, TargetDescription target, string fileName, FunctionalRequest request) =>
        throw new PimccError(ExitCode.Usage, $"{fileName}: --functional", $"target '{target.Name}' is a timing baseline: its kernels carry work, not values",
            "drop --functional for the timing report, or run values on an hpim target");
}
