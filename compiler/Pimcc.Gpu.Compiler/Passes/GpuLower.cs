using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Gpu.Compiler.Passes;

/// <summary>
/// Where the kernel-launch stream and out.bin will be written. Not written yet (issue 15), so the compile ends here
/// with its own exit code and writes nothing: never a binary that would not mean what it says.
/// </summary>
public sealed class GpuLower : Pass
{
    public override string Name => "gpu-lower";
    public override string Summary => "lower to a kernel-launch stream and out.bin (not written yet: ends the compile with exit 48)";
    public override ImmutableArray<string> Requires => [GpuMapKernels.KernelsMapped];

    public override Module Run(Module module, PassContext context) =>
        throw new PimccError(ExitCode.BackendUnavailable, $"--target {context.Target.Name}",
            $"target kind '{context.Target.Kind}' has no backend yet (kernel-launch stream and out.bin are issue 15's next step); nothing was written",
            $"see the kernel counts with --passes {GpuCompiler.MappedPipelineText} --emit ir --pass-statistics");
}
