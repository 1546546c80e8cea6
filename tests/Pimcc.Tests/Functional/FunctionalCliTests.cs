using System.Text.Json;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Functional;

/// <summary><c>pimcc sim --functional</c>, <c>pimcc run --functional</c> and <c>--image</c>.</summary>
public class FunctionalCliTests
{
    private static readonly Lazy<string> OptBin = new(() =>
    {
        var o = Path.Combine(CliRunner.TempDir(), "tiny-opt.bin");
        var r = CliRunner.Run(RepoPaths.Combine("samples", "onnx", "tiny-opt.onnx"), "-o", o, "--prompt-tokens", "4", "--gen-tokens", "2");
        r.ExitCode.ShouldBe(0, r.Err);
        return o;
    });

    [Fact]
    public void SimFunctionalPrintsGreedyTokensAndWritesDeterministicLogits()
    {
        var dir = CliRunner.TempDir();
        string Logits(string name)
        {
            var path = Path.Combine(dir, name);
            var r = CliRunner.Run("sim", OptBin.Value, "--functional", "--tokens", "3,1,4,1", "--gen-tokens", "2", "--logits", path, "--no-race-check");
            r.ExitCode.ShouldBe(0, r.Err);
            r.Out.ShouldContain("prompt:    3,1,4,1");
            r.Out.ShouldContain("generated: ");
            return File.ReadAllText(path);
        }
        var a = Logits("a.json");
        Logits("b.json").ShouldBe(a);
        using var doc = JsonDocument.Parse(a);
        var steps = doc.RootElement.GetProperty("steps").EnumerateArray().ToList();
        // prefill, then one decode step per generated token; every step's argmax is the next token
        steps.Select(s => s.GetProperty("program").GetString()).ShouldBe(["prefill", "decode", "decode"]);
        var generated = doc.RootElement.GetProperty("generated").EnumerateArray().Select(e => e.GetInt32()).ToList();
        generated.Count.ShouldBe(3);
        foreach (var (step, i) in steps.Select((s, i) => (s, i)))
        {
            var logits = step.GetProperty("logits").EnumerateArray().Select(e => e.GetSingle()).ToList();
            logits.Count.ShouldBe(256);
            logits.IndexOf(logits.Max()).ShouldBe(generated[i]);
        }
    }

    [Fact]
    public void RunFunctionalCompilesAndGeneratesTheSameTokens()
    {
        var sim = CliRunner.Run("sim", OptBin.Value, "--functional", "--tokens", "9,8,7,6", "--gen-tokens", "2", "--no-race-check");
        var run = CliRunner.Run("run", RepoPaths.Combine("samples", "onnx", "tiny-opt.onnx"), "--prompt-tokens", "4", "--gen-tokens", "2",
            "--functional", "--tokens", "9,8,7,6", "--no-race-check");
        run.ExitCode.ShouldBe(0, run.Err);
        run.Out.ShouldBe(sim.Out);
    }

    [Fact]
    public void PromptReplayFeedsThePromptThroughDecode()
    {
        var r = CliRunner.Run("sim", OptBin.Value, "--functional", "--tokens", "3,1,4,1", "--gen-tokens", "1", "--prompt-replay", "--no-race-check");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("note: the prompt was fed through the decode program");
    }

    [Fact]
    public void ATokenOutsideTheVocabularyIsAOneLineError() =>
        CliRunner.Run("sim", OptBin.Value, "--functional", "--tokens", "1,256", "--gen-tokens", "1")
            .ShouldBeOneLineError(ExitCode.InvalidSimInput, "outside the vocabulary [0, 256)");

    [Fact]
    public void FunctionalModeNeedsTheMemoryImage()
    {
        var o = Path.Combine(CliRunner.TempDir(), "noimg.bin");
        CliRunner.Run(RepoPaths.Combine("samples", "onnx", "tiny-opt.onnx"), "-o", o, "--prompt-tokens", "4", "--gen-tokens", "2", "--image", "off").ExitCode.ShouldBe(0);
        PimBinaryReader.Read(File.ReadAllBytes(o), o).Image.ShouldBeEmpty();
        CliRunner.Run("sim", o, "--functional", "--tokens", "1,2").ShouldBeOneLineError(ExitCode.NoMemoryImage, "no initial memory image");
    }

    [Fact]
    public void ConfigsWithoutWeightsGetNoImageAndCannotAskForOne()
    {
        var o = Path.Combine(CliRunner.TempDir(), "opt.bin");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "-o", o, "--prompt-tokens", "8", "--gen-tokens", "2").ExitCode.ShouldBe(0);
        PimBinaryReader.Read(File.ReadAllBytes(o), o).Image.ShouldBeEmpty();
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "-o", o, "--image", "on").ShouldBeOneLineError(ExitCode.Usage, "carry no data");
    }

    [Fact]
    public void MoreThanCompiledIsRefusedWithTheCompiledWorkloadAndWithoutGenTokensTheCompiledStepsRun()
    {
        CliRunner.Run("sim", OptBin.Value, "--functional", "--tokens", "3,1,4,1", "--gen-tokens", "3")
            .ShouldBeOneLineError(ExitCode.WorkloadExceedsCompiled, "4 prompt + 2 generated tokens");
        CliRunner.Run("sim", OptBin.Value, "--functional", "--tokens", "3,1,4,1,5", "--gen-tokens", "0")
            .ShouldBeOneLineError(ExitCode.WorkloadExceedsCompiled, "5 prompt tokens");
        CliRunner.Run("sim", OptBin.Value, "--functional", "--tokens", "3", "--gen-tokens", "-1").ShouldBeOneLineError(ExitCode.Usage, "-1 generated tokens");
        var r = CliRunner.Run("sim", OptBin.Value, "--functional", "--tokens", "3", "--no-race-check");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.Split('\n').Single(l => l.StartsWith("generated: ", StringComparison.Ordinal)).Split(',').Length.ShouldBe(3, "prefill's token + 2 decode steps");
    }

    [Fact]
    public void ABinaryWithoutAWorkloadIsNotRunOnValues()
    {
        var old = Path.Combine(CliRunner.TempDir(), "old.bin");
        File.WriteAllBytes(old, PimBinaryWriter.Write(PimBinaryReader.ReadFile(OptBin.Value) with { Workload = null }));
        CliRunner.Run("sim", old, "--functional", "--tokens", "3,1", "--gen-tokens", "1").ShouldBeOneLineError(ExitCode.UnsupportedBinaryVersion, "recompile with this pimcc");
    }

    [Fact]
    public void FunctionalModeNeedsAPrompt() =>
        CliRunner.Run("sim", OptBin.Value, "--functional").ShouldBeOneLineError(ExitCode.Usage, "--tokens");
}
