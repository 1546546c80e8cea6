using Pimcc.Gpu.Compiler;
using Pimcc.Gpu.Isa;

namespace Pimcc.Gpu.Sim;

/// <summary>Time and energy of one pass over a function's kernels, in total and per operator class.</summary>
public sealed record GpuPassFigures(double Seconds, double Joules, IReadOnlyDictionary<GpuOperatorClass, double> SecondsByClass, int Kernels, string Mode)
{
    /// <summary>Two passes run one after the other: times, energies, per-class times and kernel counts add.</summary>
    public GpuPassFigures Then(GpuPassFigures next) => new(Seconds + next.Seconds, Joules + next.Joules,
        SecondsByClass.ToDictionary(kv => kv.Key, kv => kv.Value + next.SecondsByClass[kv.Key]), Kernels + next.Kernels, Mode);
}

/// <summary>A generation: the prefill of the prompt, then every decode step.</summary>
public sealed record GpuGenerationFigures(GpuPassFigures Prefill, GpuPassFigures Decode)
{
    public double Seconds => Prefill.Seconds + Decode.Seconds;
    public double Joules => Prefill.Joules + Decode.Joules;
}

/// <summary>
/// The GPU timing model: each kernel takes max(FLOPs / peak FP16 tensor throughput, bytes / HBM bandwidth), plus its
/// class's launch overhead when the description enables overheads; kernels run one after another (batch 1, one
/// stream). Energy is board power x time (the datasheet TDP: an upper bound, no per-FLOP or per-byte split).
/// </summary>
public static class GpuRoofline
{
    /// <summary>Seconds of one kernel at the given symbol values (e.g. kv = KV length of a decode step).</summary>
    public static double KernelSeconds(GpuTarget target, GpuKernel kernel, IReadOnlyDictionary<string, long> bindings) =>
        Seconds(target, kernel.FlopsAt(bindings), kernel.BytesAt(bindings), kernel.Kind);

    /// <summary>The one timing formula of a GPU kernel: max(FLOPs / peak, bytes / bandwidth) + its class's overhead.</summary>
    public static double Seconds(GpuTarget target, double flops, double bytes, KernelClass kind) =>
        Math.Max(flops / target.FlopsPerSecond, bytes / target.BytesPerSecond) + target.Overheads.Of(kind);

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

    /// <summary>
    /// A generation of <paramref name="decodeSteps"/> decode steps after a prompt of <paramref name="prompt"/> tokens:
    /// decode step s (0-based) reads a KV cache of prompt + s tokens (hpim's ABI: r30 kv = prompt + step). Every step is
    /// evaluated exactly (a few hundred kernels each), so no sampling is needed.
    /// </summary>
    public static GpuGenerationFigures Generation(GpuTarget target, IReadOnlyList<GpuKernel> prefill, IReadOnlyList<GpuKernel> decode,
        int prompt, int decodeSteps)
    {
        var first = Run(target, prefill, new Dictionary<string, long> { ["kv"] = 0 });
        var steps = Run(target, [], new Dictionary<string, long>());
        for (var s = 0; s < decodeSteps; s++)
            steps = steps.Then(Run(target, decode, new Dictionary<string, long> { ["kv"] = prompt + s }));
        return new GpuGenerationFigures(first, steps);
    }
}
