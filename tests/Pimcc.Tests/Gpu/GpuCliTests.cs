using Pimcc.Diagnostics;
using Pimcc.Gpu.Compiler;
using Pimcc.Tests.Driver;
using Shouldly;
using Xunit;

namespace Pimcc.Tests.Gpu;

/// <summary>a100 and h100 from the command line: the kernel mapping runs, the compile writes the kernel stream, disasm shows it.</summary>
public class GpuCliTests
{
    [Theory]
    [InlineData("a100")]
    [InlineData("h100")]
    public void ACompileWritesTheKernelStreamAndDisasmShowsIt(string target)
    {
        var dir = CliRunner.TempDir();
        var output = Path.Combine(dir, "out.bin");
        var r = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", target, "--prompt-tokens", "16", "--gen-tokens", "4", "-o", output);
        r.ExitCode.ShouldBe(0, r.Err);
        var d = CliRunner.Run("disasm", output);
        d.ExitCode.ShouldBe(0, d.Err);
        d.Out.ShouldContain($".target \"{target}\"");
        d.Out.ShouldContain(".entry prefill");
        d.Out.ShouldContain(".entry decode");
        // OPT-125M's Q projection: 16 prompt tokens x 768 outputs x 768 inputs in prefill, one token in decode
        d.Out.ShouldContain("k.gemm m=16, n=768, k=768, op=qkv_generation");
        d.Out.ShouldContain("k.gemm m=1, n=768, k=768, op=qkv_generation");
        // the LM head over the vocabulary (50,272) for the last token
        d.Out.ShouldContain("k.gemm m=1, n=50272, k=768, op=other");
    }

    [Fact]
    public void TheKernelMappingCountsTheKernelsOfOneDecodeStep()
    {
        // OPT-125M decode by hand: token and position embeddings + their add (4 kernels); per layer LayerNorm, Q, K, V,
        // Q.K^T, softmax, S.V, out proj, residual add, LayerNorm, fc1, ReLU, fc2, residual add (14) x 12 layers; final
        // LayerNorm and LM head (2): 174.
        var r = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", "a100", "--passes", GpuCompiler.MappedPipelineText,
            "--emit", "ir", "--pass-statistics", "--prompt-tokens", "16", "--gen-tokens", "4");
        r.ExitCode.ShouldBe(0, r.Err);
        (r.Out + r.Err).Split('\n').ShouldContain(l => l.Contains("decode-kernels") && l.Contains("174"));
    }
}
