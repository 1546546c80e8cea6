using Pimcc.Diagnostics;
using Pimcc.Isa.Container;

namespace Pimcc.Tests.Driver;

public class EmitBinCliTests
{
    [Fact]
    public void Opt13bCompilesToABinaryWhoseLogitsStayDistributed()
    {
        // Regression: the all-gathered 50,272-entry logits overflowed a core's local memory.
        var o = Path.Combine(CliRunner.TempDir(), "opt-13b.bin");
        var r = CliRunner.Run(CliRunner.Sample("opt-13b.json"), "--target", "hpim", "-o", o);
        r.ExitCode.ShouldBe(0, r.Err);
        var bin = PimBinaryReader.Read(File.ReadAllBytes(o), o);
        bin.Cores.Count.ShouldBe(32);
        bin.Channels.Count.ShouldBe(64);
        bin.Cores[0].Entries.Select(e => e.Name).ShouldBe(["prefill", "decode"]);
        var logits = bin.MemoryMap.Where(m => m.Name == "decode.logits").ToList();
        logits.Count.ShouldBe(32);
        logits.ShouldAllBe(m => m.SizeBytes < 50272 * 2 / 8);
        new FileInfo(o).Length.ShouldBeLessThan(16L << 20);
    }

    [Theory]
    [InlineData("opt-2.7b")] // regression: head_dim 80 leaves KV blocks smaller than a page; the plan must count page slots
    [InlineData("gpt2")]
    [InlineData("llama-3.2-1b")] // rotary embeddings, GQA (8 KV heads), llama3 RoPE scaling
    [InlineData("qwen2-0.5b")]   // rotary with Q/K/V biases, 2 KV heads
    public void OtherConfigsCompileToBinaries(string model)
    {
        var o = Path.Combine(CliRunner.TempDir(), model + ".bin");
        var r = CliRunner.Run(CliRunner.Sample(model + ".json"), "-o", o);
        r.ExitCode.ShouldBe(0, r.Err);
        PimBinaryReader.Read(File.ReadAllBytes(o), o).Channels.Count.ShouldBe(64);
    }

    [Theory]
    [InlineData("tiny-opt")]
    [InlineData("tiny-gpt2")]
    [InlineData("tiny-llama")]
    public void RaisedOnnxSamplesCompileToBinariesAfterPrecisionConversion(string sample)
    {
        var o = Path.Combine(CliRunner.TempDir(), sample + ".bin");
        var r = CliRunner.Run(RepoPaths.Combine("samples", "onnx", sample + ".onnx"), "-o", o, "--prompt-tokens", "8", "--gen-tokens", "8");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Err.ShouldBeEmpty();
        PimBinaryReader.Read(File.ReadAllBytes(o), o).MemoryMap.ShouldContain(m => m.Kind == RegionKind.Weight);
        var ir = CliRunner.Run(RepoPaths.Combine("samples", "onnx", sample + ".onnx"), "--emit", "ir", "--prompt-tokens", "8", "--gen-tokens", "8");
        ir.Out.ShouldContain("hpim.converted_from = [\"f32\"]");
        ir.Out.ShouldContain(" = attention(");
    }

    /// <summary>A workload the user asked for is checked (the default one is fitted: OnnxDefaultWorkloadCliTests).</summary>
    [Fact]
    public void OnnxWorkloadBeyondTheLearnedPositionsIsAUsageError() =>
        CliRunner.Run(RepoPaths.Combine("samples", "onnx", "tiny-opt.onnx"), "--emit", "ir", "--prompt-tokens", "100", "--gen-tokens", "100")
            .ShouldBeOneLineError(ExitCode.Usage, "learned positions");

    [Fact]
    public void TwoCompilesGiveIdenticalBytes()
    {
        var dir = CliRunner.TempDir();
        var a = Path.Combine(dir, "a.bin");
        var b = Path.Combine(dir, "b.bin");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "-o", a).ExitCode.ShouldBe(0);
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "-o", b).ExitCode.ShouldBe(0);
        File.ReadAllBytes(a).ShouldBe(File.ReadAllBytes(b));
    }

    [Fact]
    public void AnOperatorTheBackendCannotLowerIsAOneLineErrorWithNoOutput()
    {
        // Llama's rotary embeddings lower since session 2; GPT-J-style interleaved pairs only after deinterleave-rotary
        // has permuted their projections, so a pipeline without it leaves the lowering a rotary it cannot lower.
        var dir = CliRunner.TempDir();
        var ir = Path.Combine(dir, "llama.pimir");
        CliRunner.Run(CliRunner.Sample("llama-3.2-1b.json"), "--emit", "ir", "-o", ir).ExitCode.ShouldBe(0);
        var text = File.ReadAllText(ir);
        text.ShouldContain("interleaved = false");
        File.WriteAllText(ir, text.Replace("interleaved = false", "interleaved = true", StringComparison.Ordinal));
        var o = Path.Combine(dir, "l.bin");
        var pipeline = Pimcc.Hpim.Compiler.HpimCompiler.PipelineText.Replace("deinterleave-rotary,", "", StringComparison.Ordinal);
        CliRunner.Run(ir, "--target", "hpim", "--passes", pipeline, "-o", o).ShouldBeOneLineError(ExitCode.UnsupportedOperator, "interleaved");
        File.Exists(o).ShouldBeFalse();
    }

    [Fact]
    public void EmitBinNeedsAnOutputFileAndTheFullPipeline()
    {
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--emit", "bin").ShouldBeOneLineError(ExitCode.Usage, "add -o out.bin");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--passes", "infer-shapes", "-o", Path.Combine(CliRunner.TempDir(), "x.bin"))
            .ShouldBeOneLineError(ExitCode.Usage, "hpim-lower");
    }
}
