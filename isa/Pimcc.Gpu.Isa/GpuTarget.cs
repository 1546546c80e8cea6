using Pimcc.Targets;

namespace Pimcc.Gpu.Isa;

/// <summary>
/// A resolved target of kind <c>gpu</c>: a roofline (peak FP16 tensor throughput, HBM bandwidth), capacity, board
/// power, and LLMCompass's per-kernel overheads. Units are in the names.
/// </summary>
public sealed record GpuTarget : TargetDescription
{
    public required double FlopsPerSecond { get; init; }
    public required double BytesPerSecond { get; init; }
    public required long CapacityBytes { get; init; }
    public required double PowerWatts { get; init; }
    public required KernelOverheads Overheads { get; init; }
}

/// <summary>The class of a GPU kernel: what its launch overhead and its operator class are charged by.</summary>
public enum KernelClass
{
    Matmul,
    Softmax,
    LayerNorm,
    Gelu,
    Elementwise,
}

/// <summary>Per-kernel overhead in seconds by kernel class; <see cref="Enabled"/> false gives the plain roofline.</summary>
public sealed record KernelOverheads(bool Enabled, double MatmulSeconds, double SoftmaxSeconds, double LayerNormSeconds,
    double GeluSeconds, double ElementwiseSeconds)
{
    /// <summary>The overhead charged to one kernel of <paramref name="kind"/>: zero when overheads are off.</summary>
    public double Of(KernelClass kind) => !Enabled ? 0 : kind switch
    {
        KernelClass.Matmul => MatmulSeconds,
        KernelClass.Softmax => SoftmaxSeconds,
        KernelClass.LayerNorm => LayerNormSeconds,
        KernelClass.Gelu => GeluSeconds,
        _ => ElementwiseSeconds,
    };

    /// <summary>How reports name the mode that ran.</summary>
    public string Mode => Enabled ? "roofline+kernel-overheads" : "roofline";
}
