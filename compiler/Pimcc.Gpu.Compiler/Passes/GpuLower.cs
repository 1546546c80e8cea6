using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;

namespace Pimcc.Gpu.Compiler.Passes;

/// <summary>
/// Where the kernel-launch stream and out.bin will be written. Not written yet (issue 15), so the compile ends here
/// with its own exit code and writes nothing: never a binary that would not mean what it says.
/// </summary>
public sealed class GpuLower : Pimcc.Compiler.Passes.BackendPending
{
    public override string Name => "gpu-lower";
    public override ImmutableArray<string> Requires => [GpuMapKernels.KernelsMapped];

    protected override string Missing => "the kernel-launch stream and its binary contract, issue 15";
}
