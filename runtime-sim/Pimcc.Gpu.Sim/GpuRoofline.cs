using Pimcc.Gpu.Compiler;
using Pimcc.Gpu.Isa;

namespace Pimcc.Gpu.Sim;

/// <summary>Time and energy of one pass over a function's kernels, in total and per operator class.</summary>
public sealed record GpuPassFigures(double Seconds, double Joules, IReadOnlyDictionary<GpuOperatorClass, double> SecondsByClass, int Kernels, string Mode);

/// <summary>
/// The GPU timing model: each kernel takes max(FLOPs / peak FP16 tensor throughput, bytes / HBM bandwidth), plus its
/// class's launch overhead when the description enables overheads; kernels run one after another (batch 1, one
/// stream). Energy is board power x time (the datasheet TDP: an upper bound, no per-FLOP or per-byte split).
/// </summary>
public static class GpuRoofline
{
    /// <summary>Seconds of one kernel at the given symbol values (e.g. kv = KV length of a decode step).</summary>
    public static double KernelSeconds(GpuTarget target, GpuKernel kernel, IReadOnlyDictionary<string, long> bindings) =>
        Math.Max(kernel.FlopsAt(bindings) / target.FlopsPerSecond, kernel.BytesAt(bindings) / target.BytesPerSecond)
        + target.Overheads.Of(kernel.Kind);

    public static GpuPassFigures Run(GpuTarget target, IReadOnlyList<GpuKernel> kernels, IReadOnlyDictionary<string, long> bindings)
    {
        var byClass = Enum.GetValues<GpuOperatorClass>().ToDictionary(c => c, _ => 0.0);
        var total = 0.0;
        foreach (var k in kernels)
        {
            var s = KernelSeconds(target, k, bindings);
            byClass[k.Class] += s;
            total += s;
        }
        return new GpuPassFigures(total, total * target.PowerWatts, byClass, kernels.Count, target.Overheads.Mode);
    }
}
