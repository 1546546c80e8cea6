using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Gpu.Isa;
using Pimcc.Ir;

namespace Pimcc.Gpu.Compiler.Passes;

/// <summary>
/// Lowering: emits the kernel-launch stream (a <c>prefill</c> and a <c>decode</c> program, <see cref="GpuKernelStream"/>,
/// docs/gpu-isa.md) with its debug ranges and workload, checks it against the binary contract, and leaves the binary
/// in the compilation's artifacts. The IR is unchanged.
/// </summary>
public sealed class GpuLower : Pass
{
    public const string Lowered = "gpu-lowered";

    public static readonly Statistic Words = new("kernel-words", "64-bit words of the kernel stream (work words and launches)");

    public override string Name => "gpu-lower";
    public override string Summary => "emit the kernel-launch stream (prefill and decode programs: work words + one launch per kernel), debug ranges and workload";
    public override ImmutableArray<Statistic> Statistics => [Words];
    public override ImmutableArray<string> Requires => [GpuMapKernels.KernelsMapped];
    public override ImmutableArray<string> Establishes => [Lowered];

    public override Module Run(Module module, PassContext context)
    {
        var target = context.TargetAs<GpuTarget>();
        var bin = GpuKernelStream.Emit(module, target);
        new GpuBinaryContract().Check(target, bin, $"target '{target.Name}'", ExitCode.CapacityExceeded);
        context.Artifacts.Set(bin);
        context.Stats.Set(Words, bin.Streams.Sum(s => (long)s.Words.Count));
        return module;
    }
}
