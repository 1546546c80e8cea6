using Pimcc.Diagnostics;
using Pimcc.Pimllm.Compiler;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Pimllm;

/// <summary>pimllm and tpu-llm from the command line: the compile ends with its own exit code and writes nothing.</summary>
public class PimllmCliTests
{
    [Theory]
    [InlineData("pimllm")]
    [InlineData("tpu-llm")]
    public void ACompileEndsAtTheMissingBackendAndWritesNothing(string target)
    {
        var dir = CliRunner.TempDir();
        var output = Path.Combine(dir, "out.bin");
        var r = CliRunner.Run(CliRunner.Sample("gpt2-medium.json"), "--target", target, "-o", output);
        r.ShouldBeOneLineError(ExitCode.BackendUnavailable, "has no backend yet");
        File.Exists(output).ShouldBeFalse();
        Directory.GetFiles(dir).ShouldBeEmpty();
    }

    [Fact]
    public void TheCompiledIrIsThereUpToTheAttentionSchedules()
    {
        var r = CliRunner.Run(CliRunner.Sample("gpt2-medium.json"), "--target", "tpu-llm", "--weights", "ternary",
            "--passes", PimllmCompiler.ScheduledPipelineText, "--emit", "ir", "--prompt-tokens", "16", "--gen-tokens", "4");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("weight @transformer.h.0.attn.c_proj.weight : tern[1024,1024] {quant = \"bitnet-ternary\"");
        r.Out.ShouldContain("pimllm.unit = \"systolic\"");
        r.Out.ShouldContain("sa.schedule = \"gemv\"");
        var dump = CliRunner.Run(CliRunner.Sample("gpt2-medium.json"), "--target", "pimllm", "-o", Path.Combine(CliRunner.TempDir(), "o.bin"),
            "--print-ir-after", "pimllm-place-weights");
        dump.ExitCode.ShouldBe((int)ExitCode.BackendUnavailable);
        dump.Err.ShouldContain("xbar.used = 4608");
    }

    [Fact]
    public void TernaryWeightsNeedDifferentialCells()
    {
        CliRunner.Run(CliRunner.Sample("gpt2-medium.json"), "--target", "pimllm", "--weights", "ternary", "-o", Path.Combine(CliRunner.TempDir(), "o.bin"))
            .ShouldBeOneLineError(ExitCode.WeightFormatUnsupported, "--weights: error: ternary weights need differential cell pairs");
        CliRunner.Run(CliRunner.Sample("llama-7b.json"), "--target", "pimllm", "--weights", "ternary", "--set", "crossbar.cells=differential",
                "-o", Path.Combine(CliRunner.TempDir(), "o.bin"))
            .ShouldBeOneLineError(ExitCode.CrossbarsExceeded, "need 197632 crossbars");
        CliRunner.Run(CliRunner.Sample("gpt2-medium.json"), "--target", "pimllm", "--weights", "quaternary", "-o", Path.Combine(CliRunner.TempDir(), "o.bin"))
            .ShouldBeOneLineError(ExitCode.Usage, "unknown weight format 'quaternary'");
    }

    [Fact]
    public void TheWeightsFlagBelongsToPimllm() =>
        CliRunner.Run(CliRunner.Sample("gpt2-medium.json"), "--target", "hpim", "--weights", "binary", "-o", Path.Combine(CliRunner.TempDir(), "o.bin"))
            .ShouldBeOneLineError(ExitCode.Usage, "--weights is not a flag of target kind 'hpim'");
}
