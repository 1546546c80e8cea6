using Pimcc.Diagnostics;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.HfConfig;

/// <summary>
/// <c>--positions N</c>: a HuggingFace config of a family with computed positions (rotary, ALiBi) compiled for a longer
/// context than its max_position_embeddings, as an explicit choice with a note; refused for learned position tables
/// (GPT-2, OPT: no rows beyond the maximum) and for models that state their own positions (ONNX).
/// </summary>
public class PositionsTests
{
    [Fact]
    public void ARotaryConfigCompilesForMorePositionsOnlyWhenAskedAndSaysSo()
    {
        var dir = CliRunner.TempDir();
        var ir = Path.Combine(dir, "l.pimir");
        // LLaMA-7B's config has 2,048 positions: a context of 4,096 (4,032 prompt + 64 generated) needs --positions.
        CliRunner.Run(CliRunner.Sample("llama-7b.json"), "--target", "pimllm", "--prompt-tokens", "4032", "--gen-tokens", "64", "-o", ir)
            .ShouldBeOneLineError(ExitCode.Usage, "more than max_position_embeddings = 2048 (hint: lower the prompt or generated token count, or compile for a longer context than the config's with --positions N");
        File.Exists(ir).ShouldBeFalse();
        var ok = CliRunner.Run(CliRunner.Sample("llama-7b.json"), "--target", "pimllm", "--prompt-tokens", "4032", "--gen-tokens", "64", "--positions", "4096",
            "--passes", "infer-shapes", "-o", ir);
        ok.ExitCode.ShouldBe(0, ok.Err);
        ok.Err.ShouldContain("note: compiled for --positions 4096, beyond the config's 2048");
        var text = File.ReadAllText(ir);
        text.ShouldContain("attr max_positions = 4096");
        text.ShouldContain("attr config_max_positions = 2048");
        text.ShouldContain("kv_cache @layers.0 : f16[4096,32,128]");
        CliRunner.Run(CliRunner.Sample("llama-7b.json"), "--target", "pimllm", "--prompt-tokens", "4032", "--gen-tokens", "65", "--positions", "4096", "-o", ir)
            .ShouldBeOneLineError(ExitCode.Usage, "needs 4097 positions (4032 prompt + 65 generated), more than --positions 4096");
    }

    [Fact]
    public void APositionsWithinTheConfigsContextIsNoNote()
    {
        // Mistral-7B's config states 32,768 positions: compiling for 4,096 shortens the context and extends nothing.
        var ir = Path.Combine(CliRunner.TempDir(), "m.pimir");
        var ok = CliRunner.Run(CliRunner.Sample("mistral-7b.json"), "--prompt-tokens", "4032", "--gen-tokens", "64", "--positions", "4096",
            "--passes", "infer-shapes", "-o", ir);
        ok.ExitCode.ShouldBe(0, ok.Err);
        ok.Err.ShouldNotContain("beyond the config");
        File.ReadAllText(ir).ShouldContain("attr config_max_positions = 32768");
    }

    [Theory]
    [InlineData("opt-1.3b.json", "opt learns a table of max_position_embeddings = 2048 positions")]
    [InlineData("gpt2-medium.json", "gpt2 learns a table of n_positions = 1024 positions")]
    public void LearnedPositionTablesAreNotExtended(string config, string message)
    {
        var output = Path.Combine(CliRunner.TempDir(), "o.bin");
        CliRunner.Run(CliRunner.Sample(config), "--target", "pimllm", "--positions", "4096", "-o", output).ShouldBeOneLineError(ExitCode.Usage, message);
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void ModelsThatStateTheirPositionsRefuseTheFlag()
    {
        CliRunner.Run(RepoPaths.Combine("samples", "onnx", "tiny-llama.onnx"), "--positions", "4096", "-o", Path.Combine(CliRunner.TempDir(), "o.bin"))
            .ShouldBeOneLineError(ExitCode.Usage, "--positions 4096 sets the context of a HuggingFace config");
        CliRunner.Run(CliRunner.Sample("llama-7b.json"), "--positions", "0", "-o", Path.Combine(CliRunner.TempDir(), "o.bin"))
            .ShouldBeOneLineError(ExitCode.Usage, "--positions 0 is outside 1..1048576");
    }
}
