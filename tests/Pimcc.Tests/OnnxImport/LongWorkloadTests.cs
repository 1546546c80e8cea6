using Pimcc.Diagnostics;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// The raiser confirms a causal mask at the workload's whole length by evaluating it: a [S, S] value. Beyond
/// <c>LengthCheck.MaxSquareLength</c> positions that is refused in one line (exit 30) before anything is evaluated;
/// it used to run out of memory or time (40,008 positions: over 100 s) or overflow into an internal error (65,543).
/// </summary>
public class LongWorkloadTests
{
    private static readonly string Llama = RepoPaths.Combine("samples", "onnx", "tiny-llama.onnx");

    [Theory]
    [InlineData("40000")]
    [InlineData("65535")]
    [InlineData("1048568")]   // 8 + 1,048,568: the largest workload the driver takes
    public void AWorkloadWhoseMaskCannotBeConfirmedIsRefusedInOneLine(string generated)
    {
        var bin = Path.Combine(CliRunner.TempDir(), "out.bin");
        CliRunner.Run(Llama, "--target", "hpim", "--prompt-tokens", "8", "--gen-tokens", generated, "-o", bin)
            .ShouldBeOneLineError(ExitCode.SizeOverflow, "the ONNX raiser evaluates at most 8192 positions");
        File.Exists(bin).ShouldBeFalse();
    }

    [Fact]
    public void AnEvalWindowWhoseMaskCannotBeConfirmedIsRefusedInOneLine()
    {
        var tokens = Path.Combine(CliRunner.TempDir(), "t.tokens");
        File.WriteAllText(tokens, "1 2 3 4 5 6 7 8");
        CliRunner.Run("eval", Llama, "--target", "pimllm", "--tokens-file", tokens, "--window", "1000000000")
            .ShouldBeOneLineError(ExitCode.SizeOverflow, "evaluating [1000000000, 1000000000] values");
    }
}
