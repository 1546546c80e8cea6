using Pimcc.Diagnostics;

namespace Pimcc.Tests.Driver;

/// <summary>
/// <c>pimcc check</c> on a fixed-shape export (input_ids [1, 8], samples/onnx/tiny-mistral-fixed8.onnx): ONNX Runtime
/// runs it on exactly 8 tokens, so the default prompt is 8 - N tokens for N decode steps; a prompt and step count that
/// do not make 8 are refused in one line before anything is compiled (they used to reach ONNX Runtime, exit 21).
/// </summary>
public class FixedShapeCheckCliTests
{
    private static readonly string Fixed8 = RepoPaths.Combine("samples", "onnx", "tiny-mistral-fixed8.onnx");

    [Fact]
    public void TheDefaultPromptFillsTheGraphsFixedLength()
    {
        var r = CliRunner.Run("check", Fixed8);
        r.ExitCode.ShouldBe(0, r.Out + r.Err);
        r.Out.ShouldContain("prompt:    3,10,17,24,31\n"); // 8 - 3 default decode steps
        r.Out.ShouldContain("verdict: pass (4 steps");
    }

    [Fact]
    public void APromptThatDoesNotFillTheFixedLengthIsAUsageError() =>
        CliRunner.Run("check", Fixed8, "--tokens", "1,2,3").ShouldBeOneLineError(ExitCode.Usage, "fixed at [1, 8]");

    [Fact]
    public void StepsThatLeaveNoPromptAreAUsageError() =>
        CliRunner.Run("check", Fixed8, "--gen-tokens", "8").ShouldBeOneLineError(ExitCode.Usage, "use at most 7 decode steps");
}
