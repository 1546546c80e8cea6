using Pimcc.Gpu.Isa;
using Pimcc.Gpu.Sim;
using Pimcc.Isa.Container;
using Pimcc.Sim.Units;
using Pimcc.Targets;

[assembly: TargetComponent(typeof(GpuSimulatorTarget))]

namespace Pimcc.Gpu.Sim;

/// <summary>
/// The gpu simulator (a100, h100): reads the kernel stream, times every launch on the roofline with the description's
/// overhead model (<see cref="GpuRoofline.Seconds"/>), over the shared decode schedule; reports in the shared format
/// (<see cref="GpuSimReport"/>). A GPU baseline runs no values.
/// </summary>
public sealed class GpuSimulatorTarget : TimingOnlySimulatorTarget<GpuTarget>
{
    public override string Kind => GpuKind.Name;

    protected override byte[] Report(PimBinary binary, GpuTarget target, string fileName, TimingRequest request) =>
        GpuSimReport.ToJson(GpuGeneration.Run(binary, target, fileName, request), target);

    protected override (string Why, string Hint) NoValues(TargetDescription target) =>
        ($"target '{target.Name}' is a timing baseline: its kernels carry work, not values", "drop --functional for the timing report, or run values on an hpim target");
}
