using Pimcc.Isa.Docs;

namespace Pimcc.Gpu.Isa;

/// <summary>
/// Renders docs/gpu-isa.md from the kernel-launch table (through the shared <see cref="IsaTableDocs"/>). The file is
/// checked in; <c>Pimcc.Tests.Gpu.GpuIsaTests</c> fails when it is stale and rewrites it when PIMCC_REGENERATE_DOCS=1.
/// </summary>
public static class GpuIsaReference
{
    public const string RegenerateHint =
        "PIMCC_REGENERATE_DOCS=1 dotnet test tests/Pimcc.Tests --filter FullyQualifiedName~Pimcc.Tests.Gpu.GpuIsaTests";

    private const string Source = "isa/Pimcc.Gpu.Isa/Isa/GpuIsa.cs";

    /// <summary>OPT-125M's Q projection in prefill (32 tokens) and its attention in decode (a test assembles it and
    /// checks the words by hand): 2 x 32 x 768 x 768 + 32 x 768 (bias) FLOPs; fp16 input, weight, bias and output bytes.</summary>
    public const string Example = """
        .kernels 0
            wk.flops hi=0, lo=37773312, perkv=0
            wk.bytes hi=0, lo=1279488, perkv=0
            k.gemm m=32, n=768, k=768, op=qkv_generation
            wk.flops hi=0, lo=1566, perkv=1566                 ; decode: half the attention op's work over kv + 1 positions
            wk.bytes hi=0, lo=4608, perkv=1536
            k.bmm op=attention
            k.softmax op=attention
        """;

    public static string Markdown() =>
        IsaTableDocs.Render(GpuIsa.Kernels, RegenerateHint, Source, "GPU kernel-launch stream", Intro + "\n```\n" + Example.TrimEnd() + "\n```\n");

    private const string Intro = """
        The `gpu` kind (a100, h100; docs/gpu-baselines.md) compiles a model to one stream of kernel launches, the device's
        one CUDA stream at batch 1 (`.kernels 0`, 64-bit words, section id and tag 48). The stream holds a `prefill` and a
        `decode` program (entry table). A kernel is up to two work words and one launch word:

        - `wk.flops` and `wk.bytes` give the next launch its FLOPs and the device-memory bytes it reads and writes, as
          the compiler's cost model (`annotate-ops`) counted them: `hi x 2^31 + lo + perkv x kv`, kv being the KV
          length of the decode step (the simulator binds kv = prompt + step; prefill has none). `hi` and `lo` are one
          40-bit field in the word, split because assembly operands hold 31 bits. A launch consumes the work words; a
          work word left out is zero.
        - The launch row is the kernel class: it fixes which per-kernel overhead of the description is charged
          (`overhead.matmul`, `.softmax`, `.layerNorm`, `.gelu`, `.elementwise`). `op` is the operator class the
          kernel's time and energy are reported under (the report classes every simulator shares, `_` for `-`). `k.gemm` also
          names the layer's shape: m rows (tokens), n outputs, reduction depth k.

        The simulator times each launch as max(FLOPs / peak FP16 throughput, bytes / HBM bandwidth), plus its class's
        overhead when `overhead.enabled` is true; launches run one after another.

        Example (a prefill Q projection and a decode Q.K^T with its softmax):
        """;
}
