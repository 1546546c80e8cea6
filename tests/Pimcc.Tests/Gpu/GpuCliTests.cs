using Pimcc.Diagnostics;
using Pimcc.Gpu.Compiler;
using Pimcc.Tests.Driver;
using Shouldly;
using Xunit;

namespace Pimcc.Tests.Gpu;

/// <summary>a100 and h100 from the command line: the kernel mapping runs, the compile ends with its own exit code and writes nothing.</summary>
public class GpuCliTests
{
    [Theory]
    [InlineData("a100")]
    [InlineData("h100")]
    public void ACompileEndsAtTheMissingBackendAndWritesNothing(string target)
    {
        var dir = CliRunner.TempDir();
        var output = Path.Combine(dir, "out.bin");
        var r = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", target, "-o", output);
        r.ShouldBeOneLineError(ExitCode.BackendUnavailable, "has no backend yet");
        Directory.GetFiles(dir).ShouldBeEmpty();
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
