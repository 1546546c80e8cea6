using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Targets;
using Pimcc.Gpu.Compiler;
using Pimcc.Gpu.Compiler.Passes;
using Pimcc.Gpu.Isa;

[assembly: Pimcc.Targets.TargetComponent(typeof(GpuCompiler))]

namespace Pimcc.Gpu.Compiler;

/// <summary>
/// The gpu compiler (a100, h100): the shared front passes, the kernel mapping (<see cref="GpuKernelMap"/>), then the
/// kernel-launch stream of out.bin (<see cref="GpuKernelStream"/>, docs/gpu-isa.md).
/// </summary>
public sealed class GpuCompiler : ICompilerTarget
{
    /// <summary>The pipeline up to the kernel mapping: the IR and statistics the lowering reads.</summary>
    public const string MappedPipelineText = PassRegistry.FrontPipeline + ",gpu-map-kernels";

    public const string PipelineText = MappedPipelineText + ",gpu-lower";

    public string Kind => GpuKind.Name;

    public IReadOnlyList<Pass> Passes { get; } = [new GpuMapKernels(), new GpuLower()];

    public string Pipeline => PipelineText;
}
