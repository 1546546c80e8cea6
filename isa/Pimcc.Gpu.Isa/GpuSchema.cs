using Pimcc.Targets.Description;
using static Pimcc.Targets.Description.ParameterSpecs;

namespace Pimcc.Gpu.Isa;

/// <summary>
/// Every key of a <c>gpu</c>-kind description, in canonical order. Values and their sources live in the presets
/// (samples/targets/a100.json, h100.json); this file says what each key means and how it is checked.
/// </summary>
public static class GpuSchema
{
    /// <summary>A GPU baseline counts no cycles: every time is a wall-clock time.</summary>
    public static DescriptionSchema Schema { get; } = new(Build(), null, null);

    public static IReadOnlyList<ParameterSpec> Parameters => Schema.Parameters;

    private static List<ParameterSpec> Build() =>
    [
        // --- compute and memory (the roofline)
        Real("compute.tensorFp16", Dimension.Throughput, "TFLOPS", "Peak dense FP16 tensor-core throughput (FP32 accumulate, no sparsity)"),
        Real("memory.bandwidth", Dimension.Bandwidth, "GB/s", "Peak HBM bandwidth"),
        Bytes("memory.capacity", "GiB", "HBM capacity"),
        Real("power.board", Dimension.Power, "W", "Board power (TDP) drawn while a kernel runs; energy = power x time"),

        // --- kernel overheads (LLMCompass's model: a fixed time per kernel launch by kernel class)
        new ParameterSpec("overhead.enabled", Dimension.Boolean, "", "Add the per-kernel overheads below to every kernel's roofline time (false: plain roofline)"),
        Real("overhead.matmul", Dimension.Time, "us", "Overhead of one matmul/GEMV kernel (Q, K and V are three kernels; Q.K^T and S.V one each)") with { AllowZero = true },
        Real("overhead.softmax", Dimension.Time, "us", "Overhead of one softmax kernel") with { AllowZero = true },
        Real("overhead.layerNorm", Dimension.Time, "us", "Overhead of one LayerNorm/RMSNorm kernel") with { AllowZero = true },
        Real("overhead.gelu", Dimension.Time, "us", "Overhead of one GELU/activation kernel") with { AllowZero = true },
        Real("overhead.elementwise", Dimension.Time, "us", "Overhead of any other kernel (residual add, rotary, embedding gather)") with { AllowZero = true },
    ];
}
