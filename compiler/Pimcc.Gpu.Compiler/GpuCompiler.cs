using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Targets;
using Pimcc.Gpu.Compiler;
using Pimcc.Gpu.Compiler.Passes;
using Pimcc.Gpu.Isa;

[assembly: Pimcc.Targets.TargetComponent(typeof(GpuCompiler))]

namespace Pimcc.Gpu.Compiler;

/// <summary>
/// The gpu compiler (a100, h100): the shared front passes, then the kernel mapping (<see cref="GpuKernelMap"/>); the
/// kernel-launch stream and out.bin do not exist yet, so the compile ends with
/// <see cref="Pimcc.Diagnostics.ExitCode.BackendUnavailable"/> (exit 48) and writes nothing.
/// </summary>
public sealed class GpuCompiler : ICompilerTarget
{
    /// <summary>The pipeline up to the kernel mapping: the IR and statistics a backend will read.</summary>
    public const string MappedPipelineText = PassRegistry.FrontPipeline + ",gpu-map-kernels";

    public const string PipelineText = MappedPipelineText + ",gpu-lower";

    public string Kind => GpuKind.Name;

    public IReadOnlyList<Pass> Passes { get; } = [new GpuMapKernels(), new GpuLower()];

    public string Pipeline => PipelineText;
}
