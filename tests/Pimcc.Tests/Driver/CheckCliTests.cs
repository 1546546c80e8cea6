using System.Diagnostics;
using System.Runtime.InteropServices;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;

namespace Pimcc.Tests.Driver;

/// <summary>
/// <c>pimcc check</c>: the compiled program on values against ONNX Runtime (in process) on the same tokens. Passes on the
/// bundled samples; a binary whose memory image was corrupted after compiling is reported as a mismatch (exit 64);
/// a KV-cache graph and a non-ONNX model are refused in one line.
/// </summary>
public class CheckCliTests
{
    private static string Onnx(string name) => RepoPaths.Combine("samples", "onnx", name + ".onnx");

    [Theory]
    [InlineData("tiny-opt")]
    [InlineData("tiny-gpt2")]
    [InlineData("tiny-llama")]
    public void CheckPassesOnTheBundledSamples(string name)
    {
        var r = CliRunner.Run("check", Onnx(name));
        r.ExitCode.ShouldBe(0, r.Out + r.Err);
        var steps = StepLines(r.Out);
        // default workload: 6 prompt tokens (prefill returns the last position's logits), then 3 decode steps
        steps.Select(l => l[0]).ShouldBe(["prefill", "decode", "decode", "decode"]);
        steps.Select(l => l[1]).ShouldBe(["5", "6", "7", "8"]);
        steps.ShouldAllBe(l => l[4] == "ok");
        steps.ShouldAllBe(l => double.Parse(l[2], System.Globalization.CultureInfo.InvariantCulture) > 0, "FP16 datapath against FP32: never bit-identical");
        r.Out.ShouldContain("verdict: pass (4 steps");
    }

    [Fact]
    public void GivenTokensAndStepsAreChecked()
    {
        var r = CliRunner.Run("check", Onnx("tiny-llama"), "--tokens", "1,2,3", "--gen-tokens", "1");
        r.ExitCode.ShouldBe(0, r.Out + r.Err);
        r.Out.ShouldContain("prompt:    1,2,3\n");
        StepLines(r.Out).Select(l => (l[0], l[1])).ShouldBe([("prefill", "2"), ("decode", "3")]);
    }

    [Fact]
    public void ACorruptedMemoryImageIsAMismatchWithExit64()
    {
        var dir = CliRunner.TempDir();
        try
        {
            var bin = Path.Combine(dir, "out.bin");
            var c = CliRunner.Run(Onnx("tiny-opt"), "--target", "hpim", "--prompt-tokens", "6", "--gen-tokens", "3", "--image", "on", "-o", bin);
            c.ExitCode.ShouldBe(0, c.Err);
            var good = CliRunner.Run("check", Onnx("tiny-opt"), "--binary", bin);
            good.ExitCode.ShouldBe(0, good.Out + good.Err);

            // Negate every FP16 value of the largest image chunk (the sign bit is the high byte's top bit).
            var binary = PimBinaryReader.Read(File.ReadAllBytes(bin), bin);
            var largest = binary.Image.MaxBy(ch => ch.Bytes.Length)!;
            var bytes = (byte[])largest.Bytes.Clone();
            for (var i = 1; i < bytes.Length; i += 2) bytes[i] ^= 0x80;
            var corrupted = binary with { Image = [.. binary.Image.Select(ch => ReferenceEquals(ch, largest) ? ch with { Bytes = bytes } : ch)] };
            File.WriteAllBytes(bin, PimBinaryWriter.Write(corrupted));

            var r = CliRunner.Run("check", Onnx("tiny-opt"), "--binary", bin);
            r.ExitCode.ShouldBe((int)ExitCode.CheckMismatch, r.Out + r.Err);
            StepLines(r.Out).ShouldContain(l => l[4] == "MISMATCH");
            r.Out.ShouldContain("verdict: MISMATCH");
            r.Err.TrimEnd('\n').ShouldNotContain("\n");
            r.Err.ShouldContain("differ from ONNX Runtime by more than 1.25E-002");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AKvCacheGraphIsRefusedInOneLine() =>
        CliRunner.Run("check", Onnx("tiny-opt-decode")).ShouldBeOneLineError(ExitCode.UnsupportedModel, "past_key_values.0.key");

    [Fact]
    public void ANonOnnxModelIsAUsageError() =>
        CliRunner.Run("check", CliRunner.Sample("opt-125m.json")).ShouldBeOneLineError(ExitCode.Usage, "needs an ONNX model");

    /// <summary>ONNX Runtime comes with the NuGet restore: pimcc check runs with no node (nor anything else) on PATH.</summary>
    [Fact]
    public async Task CheckNeedsNoNodeOnThePath()
    {
        var empty = CliRunner.TempDir();
        var r = await DriverProcess.RunAsync(["check", Onnx("tiny-gpt2"), "--gen-tokens", "1"], new Dictionary<string, string?> { ["PATH"] = empty });
        r.ExitCode.ShouldBe(0, r.Out + r.Err);
        r.Out.ShouldContain("verdict: pass (2 steps");
    }

    /// <summary>The per-step lines: program, position, max abs difference, tolerance, result.</summary>
    private static List<string[]> StepLines(string output) =>
        [.. output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length == 5 && f[0] is "prefill" or "decode")];
}
