using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;

namespace Pimcc.Tests.Driver;

/// <summary>
/// <c>pimcc check</c> on the quantised targets: pimllm's run on values against the quantised reference (BitNet weights,
/// 8-bit inputs with the ADC's read-out, the LM head INT8 per row) and hyflexpim's against the reference in its ISA's
/// formats, each within its per-step tolerance, with ONNX Runtime's FP32 distance printed beside the verdict. Both
/// references are the reference interpreter's (Pimcc.Accuracy), not the simulators'. A corrupted binary is a mismatch.
/// </summary>
public class QuantisedCheckCliTests
{
    private static string Onnx(string name) => RepoPaths.Combine("samples", "onnx", name + ".onnx");

    [Theory]
    [InlineData("tiny-opt-1bit", "pimllm")]
    [InlineData("tiny-llama", "pimllm")]       // rotary on the post-processing lanes
    [InlineData("tiny-gpt2-svd", "hyflexpim")]
    [InlineData("tiny-opt", "hyflexpim")]      // learned positions read at position + 2: the host table is stored from row 2 on
    [InlineData("tiny-llama", "hyflexpim")]
    public void CheckPassesAgainstTheTargetsReferenceWithinItsTolerance(string name, string target)
    {
        var r = CliRunner.Run("check", Onnx(name), "--target", target);
        r.ExitCode.ShouldBe(0, r.Out + r.Err);
        r.Out.ShouldContain(target == "pimllm" ? "against the quantised reference (noise off)" : "against the reference in the ISA's formats (noise off)");
        r.Out.ShouldContain("ONNX Runtime (FP32) beside it");
        var steps = StepLines(r.Out);
        steps.Select(l => l[0]).ShouldBe(["prefill", "decode", "decode", "decode"]);
        foreach (var l in steps)
        {
            l[4].ShouldBe("ok");
            Number(l[2]).ShouldBeLessThanOrEqualTo(Number(l[3]));
            Number(l[3]).ShouldBeGreaterThan(0);
            // the quantised machine is not the FP32 model: its distance from ONNX Runtime is far beyond check's FP16 tolerance
            Number(l[5]).ShouldBeGreaterThan(Pimcc.OnnxRuntime.LogitTolerance.MaxAbs);
        }
        r.Out.ShouldContain("verdict: pass (4 steps within their tolerance of");
    }

    [Fact]
    public void TernaryWeightsAreCheckedWithTheFlagsTheyWereCompiledWith()
    {
        var r = CliRunner.Run("check", Onnx("tiny-opt"), "--target", "pimllm", "--weights", "ternary", "--set", "crossbar.cells=differential", "--gen-tokens", "2");
        r.ExitCode.ShouldBe(0, r.Out + r.Err);
        StepLines(r.Out).Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("tiny-opt-1bit", "pimllm", "lpddr", "the quantised reference (noise off)")]
    // hyflexpim checks its crossbar cells' levels when it reads them (exit 57): corrupt the host's embedding table
    [InlineData("tiny-gpt2-svd", "hyflexpim", "hfp_host", "the reference in the ISA's formats (noise off)")]
    public void ACorruptedMemoryImageIsAMismatchWithExit64(string name, string target, string space, string reference)
    {
        var dir = CliRunner.TempDir();
        try
        {
            var bin = Path.Combine(dir, "out.bin");
            var c = CliRunner.Run(Onnx(name), "--target", target, "--prompt-tokens", "6", "--gen-tokens", "3", "--image", "on", "-o", bin);
            c.ExitCode.ShouldBe(0, c.Err);
            var good = CliRunner.Run("check", Onnx(name), "--target", target, "--binary", bin);
            good.ExitCode.ShouldBe(0, good.Out + good.Err);

            // Negate every FP16 value of the space's largest image chunk (the sign bit is the high byte's top bit).
            var binary = PimBinaryReader.Read(File.ReadAllBytes(bin), bin);
            var largest = binary.Image.Where(ch => ch.Space.Name == space).MaxBy(ch => ch.Bytes.Length)!;
            var bytes = (byte[])largest.Bytes.Clone();
            for (var i = 1; i < bytes.Length; i += 2) bytes[i] ^= 0x80;
            File.WriteAllBytes(bin, PimBinaryWriter.Write(binary with { Image = [.. binary.Image.Select(ch => ReferenceEquals(ch, largest) ? ch with { Bytes = bytes } : ch)] }));

            var r = CliRunner.Run("check", Onnx(name), "--target", target, "--binary", bin);
            r.ExitCode.ShouldBe((int)ExitCode.CheckMismatch, r.Out + r.Err);
            StepLines(r.Out).ShouldContain(l => l[4] == "MISMATCH");
            r.Err.TrimEnd('\n').ShouldNotContain("\n");
            r.Err.ShouldContain($"differ from {reference} by more than the step's tolerance");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A GPU baseline carries work, not values: check says so, not "the binary names no returned logits".</summary>
    [Fact]
    public void ATimingBaselineIsRefusedInItsOwnWords() =>
        CliRunner.Run("check", Onnx("tiny-opt"), "--target", "a100").ShouldBeOneLineError(ExitCode.Usage, "is a timing baseline");

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>The per-step lines: program, position, max abs difference, tolerance, result, ONNX Runtime's distance.</summary>
    private static List<string[]> StepLines(string output) =>
        [.. output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length == 6 && f[0] is "prefill" or "decode")];
}
