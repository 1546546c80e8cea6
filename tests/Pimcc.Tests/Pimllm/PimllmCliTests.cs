using Pimcc.Diagnostics;
using Pimcc.Pimllm.Compiler;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Pimllm;

/// <summary>pimllm and tpu-llm from the command line: a compile writes a binary that disassembles and simulates.</summary>
public class PimllmCliTests
{
    [Theory]
    [InlineData("pimllm")]
    [InlineData("tpu-llm")]
    public void ACompileWritesABinaryThatDisassemblesAndSimulates(string target)
    {
        var dir = CliRunner.TempDir();
        var output = Path.Combine(dir, "out.bin");
        var r = CliRunner.Run(CliRunner.Sample("gpt2-medium.json"), "--target", target, "-o", output, "--prompt-tokens", "64", "--gen-tokens", "8");
        r.ExitCode.ShouldBe(0, r.Err);
        var text = CliRunner.Run("disasm", output);
        text.ExitCode.ShouldBe(0, text.Err);
        text.Out.ShouldContain(".entry decode");
        text.Out.ShouldContain(".lpddr_dma 3");
        if (target == "pimllm") text.Out.ShouldContain("xb.mvm");
        else text.Out.ShouldNotContain("xb.mvm");
        var sim = CliRunner.Run("sim", output);
        sim.ExitCode.ShouldBe(0, sim.Err);
        sim.Out.ShouldContain($"pimcc simulation report (target {target})");
        sim.Out.ShouldContain("throughput.decode");
        sim.Out.ShouldContain("energy.battery-words");
        // The prefill program was compiled for 64 prompt tokens: another prompt is refused, as for the gpu target.
        CliRunner.Run("sim", output, "--prompt-tokens", "32").ShouldBeOneLineError(ExitCode.Usage, "compiled for exactly 64");
        CliRunner.Run("sim", output, "--gen-tokens", "9").ShouldBeOneLineError(ExitCode.WorkloadExceedsCompiled, "compiled for at most 8");
    }

    [Fact]
    public void PimllmAgainstTpuLlmIsOneCompareAwayAndTheBaselinesProjectionsAreArrayBound()
    {
        var r = CliRunner.Run("run", CliRunner.Sample("gpt2-medium.json"), "--target", "pimllm", "--baseline", "tpu-llm",
            "--prompt-tokens", "16", "--gen-tokens", "4", "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        var doc = System.Text.Json.JsonDocument.Parse(r.Out).RootElement;
        double Value(string name, int report) => doc.GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == name).GetProperty("values")[report].GetDouble();
        // tpu-llm (the baseline, report 0) runs gpt2-medium's Q, K and V projections (24 layers x 3 of 1024 x 1024) as
        // decode GEMVs on the 32 x 32 array: 1024 / 32 = 32 output tiles of 1024 + 31 + 31 clocks at 10 ns each, so
        // 24 x 3 x 32 x 1,086 x 10 ns = 25.02 ms per step at least; the rest (quantising the input, configuration) is small.
        var tpuQkvPerStep = Value("decode.critical-path.qkv-generation", 0) / 4;
        tpuQkvPerStep.ShouldBeGreaterThanOrEqualTo(24 * 3 * 32 * 1_086 * 10e-9);
        tpuQkvPerStep.ShouldBeLessThan(1.05 * 24 * 3 * 32 * 1_086 * 10e-9);
        // pimllm (report 1) reads them from crossbars: 24 x 3 matrices x 4 row tiles x 200 ns = 57.6 us of reads a step.
        var pimQkvPerStep = Value("decode.critical-path.qkv-generation", 1) / 4;
        pimQkvPerStep.ShouldBeGreaterThanOrEqualTo(24 * 3 * 4 * 200e-9);
        (tpuQkvPerStep / pimQkvPerStep).ShouldBeGreaterThan(100);
    }

    [Fact]
    public void TheIssuesFiguresSweepOverContextLengths()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run("sweep", CliRunner.Sample("gpt2-medium.json"), "--target", "pimllm", "--workload", "16:4", "--workload", "48:4",
            "--stat", "throughput.decode", "--stat", "energy.tokens-per-joule", "--stat", "throughput.gops", "--stat", "energy.gops-per-watt",
            "--stat", "energy.battery-words", "--stat", "decode.latency-split-share.crossbar", "-o", Path.Combine(dir, "s.csv"));
        r.ExitCode.ShouldBe(0, r.Err);
        var rows = File.ReadAllLines(Path.Combine(dir, "s.csv"));
        rows.Length.ShouldBe(3);
        rows[0].ShouldContain("energy.battery-words (words)");
        // A longer context costs more per decode step: fewer tokens per second.
        double Tps(string row) => double.Parse(row.Split(',')[8], System.Globalization.CultureInfo.InvariantCulture);
        Tps(rows[2]).ShouldBeLessThan(Tps(rows[1]));
    }

    [Fact]
    public void Opt27bWithHeadDim80CompilesWithOffsetWordsAndPaddedCacheRowsAndSimulates()
    {
        var dir = CliRunner.TempDir();
        var bin = Path.Combine(dir, "o.bin");
        var r = CliRunner.Run(CliRunner.Sample("opt-2.7b.json"), "--target", "pimllm", "-o", bin, "--prompt-tokens", "16", "--gen-tokens", "4", "--pass-statistics");
        r.ExitCode.ShouldBe(0, r.Err);
        // 32 layers x K and V x 20 positions x 32 heads x a row of 80 i8 padded to 128 bytes (two 64-byte units):
        // 5,242,880 bytes, against 3,276,800 unpadded: the padding is stored, moved and counted.
        var kv = System.Text.RegularExpressions.Regex.Matches(r.Err, @"(\d+)\s+kv-(sram|lpddr)-bytes").Sum(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        kv.ShouldBe(32L * 2 * 20 * 32 * 128);
        var text = CliRunner.Run("disasm", bin).Out;
        // Head h's K and V codes (i8, quantised over the whole row) start 80 h bytes into the row, and query head j's
        // 80 j bytes: 16, 32 or 48 bytes into a unit unless the head is a multiple of 4.
        foreach (var off in new[] { 16, 32, 48 })
        {
            text.ShouldContain($"pp.srcoff bytes={off}");
            text.ShouldContain($"sa.aoff bytes={off}");
        }
        var sim = CliRunner.Run("sim", bin);
        sim.ExitCode.ShouldBe(0, sim.Err);
        sim.Out.ShouldContain("throughput.decode");
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
        dump.ExitCode.ShouldBe(0, dump.Err);
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
