using Pimcc.Diagnostics;

namespace Pimcc.Tests.Driver;

/// <summary>Attention score terms (BLOOM's ALiBi, Gemma 2's soft-capping) on every lowering that has no code for them:
/// refused with exit 23 naming the attribute, no output written (never a binary timing another model).</summary>
public class ScoreTermsCliTests
{
    [Theory]
    [InlineData("pimllm", "bloom-560m.json", "alibi_slopes")]
    [InlineData("tpu-llm", "gemma-2-2b.json", "softcap")]
    [InlineData("hyflexpim", "bloom-560m.json", "alibi_slopes")]
    [InlineData("hyflexpim", "gemma-2-2b.json", "softcap")]
    public void LoweringsWithoutScoreTermsRefuseThem(string target, string config, string attr)
    {
        var output = Path.Combine(CliRunner.TempDir(), "out.bin");
        var r = CliRunner.Run(CliRunner.Sample(config), "--target", target, "--prompt-tokens", "32", "--gen-tokens", "8", "-o", output);
        r.ShouldBeOneLineError(ExitCode.UnsupportedOperator, $"'{attr}'");
        File.Exists(output).ShouldBeFalse();
    }
}
