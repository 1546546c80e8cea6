using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;

namespace Pimcc.Gpu.Compiler.Passes;

/// <summary>
/// Maps every annotated operation of the prefill and decode functions to GPU kernels (<see cref="GpuKernelMap"/>) and
/// counts them per stage; the IR is unchanged (the kernels follow from its ops and cost annotations).
/// </summary>
public sealed class GpuMapKernels : Pass
{
    public const string KernelsMapped = "gpu-kernels-mapped";

    public static readonly Statistic PrefillKernels = new("prefill-kernels", "kernels of one prefill pass");
    public static readonly Statistic DecodeKernels = new("decode-kernels", "kernels of one decode step");

    public override string Name => "gpu-map-kernels";
    public override string Summary => "map every IR op to GPU kernels (matmul/GEMV per linear, Q.K^T + softmax + S.V per attention, norms, element-wise)";
    public override ImmutableArray<Statistic> Statistics => [PrefillKernels, DecodeKernels];
    public override ImmutableArray<string> Requires => [IrProperty.Annotated];
    public override ImmutableArray<string> Establishes => [KernelsMapped];

    public override Module Run(Module module, PassContext context)
    {
        foreach (var f in module.Functions)
        {
            var stat = f.Name == Module.Decode ? DecodeKernels : PrefillKernels;
            context.Stats.Add(stat, GpuKernelMap.Map(f).Count);
        }
        return module;
    }
}
