using System.Globalization;
using Pimcc.Isa.Assembly;
using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Sim;
using Pimcc.Sim;
using Pimcc.Targets;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Pimllm;

/// <summary>
/// Sampled prefill iterations (<see cref="PimllmIterationSampler"/>, docs/pimllm-compiler.md "Simulator"): on real
/// compiled programs the default report is within the tolerance of <c>--exact</c>'s (latency, energy, every
/// critical-path class and latency-split part) and says how many iterations it interpolated; <c>--exact</c> still
/// steps every word (its report is the one main wrote before sampling existed, byte for byte); a loop whose
/// iterations are not a line (a bottleneck that changes half way) is stepped whole.
/// </summary>
public class PimllmIterationSamplerTests
{
    private const double Tolerance = PimllmIterationSampler.Tolerance;

    private static Dictionary<string, double> Stats(string json) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("statistics").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetDouble());

    private static (string Default, string Exact) Reports(string bin)
    {
        var sampled = CliRunner.Run("sim", bin, "--format", "json");
        var exact = CliRunner.Run("sim", bin, "--format", "json", "--exact");
        sampled.ExitCode.ShouldBe(0, sampled.Err);
        exact.ExitCode.ShouldBe(0, exact.Err);
        return (sampled.Out, exact.Out);
    }

    private static void ShouldAgreeOnThePrefill(string sampledJson, string exactJson)
    {
        var (s, e) = (Stats(sampledJson), Stats(exactJson));
        s["sim.prefill-iterations-interpolated"].ShouldBeGreaterThan(0);
        e.ShouldNotContainKey("sim.prefill-iterations-interpolated");
        var latency = e["latency.prefill"];
        s["latency.prefill"].ShouldBe(latency, Tolerance * latency);
        s["prefill.energy.total"].ShouldBe(e["prefill.energy.total"], Tolerance * e["prefill.energy.total"]);
        foreach (var name in e.Keys.Where(k => k.StartsWith("prefill.critical-path.", StringComparison.Ordinal) || k.StartsWith("prefill.latency-split.", StringComparison.Ordinal)))
            s[name].ShouldBe(e[name], Tolerance * latency, name);
        // The decode steps are not touched.
        s["latency.decode.total"].ShouldBe(e["latency.decode.total"], 0.02 * e["latency.decode.total"]);
    }

    [Fact]
    public void ALlamaShapedPrefillWithItsCacheInLpddrIsSampledWithinTheToleranceAndExactIsMainsReportByteForByte()
    {
        // 2 layers of d = 512, 8 heads; 900 prompt tokens; an SRAM that leaves the cache in LPDDR and blocks of 4 rows
        // (as LLaMA-7B at 4,096 positions): a rep of 223 iterations, each one's dma.ldc 4 rows longer.
        var golden = RepoPaths.Combine("tests", "Pimcc.Tests", "Pimllm", "golden");
        var bin = Path.Combine(CliRunner.TempDir(), "l.bin");
        var c = CliRunner.Run(Path.Combine(golden, "tiny-llama-config.json"), "--target", "pimllm", "--prompt-tokens", "900", "--gen-tokens", "2",
            "--set", "sram.capacity=1680KiB", "-o", bin);
        c.ExitCode.ShouldBe(0, c.Err);
        var (sampled, exact) = Reports(bin);
        ShouldAgreeOnThePrefill(sampled, exact);
        // Written by main's build (2dc7206) before the prefill was sampled; PIMCC_REGENERATE_GOLDEN=1 rewrites it.
        var path = Path.Combine(golden, "tiny-llama-900-exact.report.json");
        if (Environment.GetEnvironmentVariable("PIMCC_REGENERATE_GOLDEN") == "1") File.WriteAllText(path, exact);
        exact.ShouldBe(File.ReadAllText(path), "--exact must step every word as before");
    }

    [Fact]
    public void OptWithBlocksOf16RowsIsSampledWithinTheTolerance()
    {
        // OPT-125M, 1,800 prompt tokens in blocks of 16 (a 16-row array): a rep of 111 iterations whose causal products
        // add a column tile every second one.
        var bin = Path.Combine(CliRunner.TempDir(), "o.bin");
        var c = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", "pimllm", "--prompt-tokens", "1800", "--gen-tokens", "2",
            "--set", "systolic.rows=16", "-o", bin);
        c.ExitCode.ShouldBe(0, c.Err);
        var (sampled, exact) = Reports(bin);
        ShouldAgreeOnThePrefill(sampled, exact);
    }

    [Fact]
    public void AShortLoopIsStepped()
    {
        var bin = Path.Combine(CliRunner.TempDir(), "o.bin");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", "pimllm", "--prompt-tokens", "256", "--gen-tokens", "2", "-o", bin).ExitCode.ShouldBe(0);
        Stats(CliRunner.Run("sim", bin, "--format", "json").Out).ShouldNotContainKey("sim.prefill-iterations-interpolated");
    }

    // The crossbars read 8 x `tokens` inputs per iteration (constant); the array's causal scores grow by 8 keys per
    // iteration (a 32-column tile every fourth). With two credits on event 2 the crossbars run an iteration ahead, so
    // an iteration takes the longer of the two: with 20 tokens the crossbars bound it until half way, then the array
    // (a kink); with 1 token the array bounds every iteration (a line plus a staircase of period 4).
    private static string Loop(int tokens) => string.Create(CultureInfo.InvariantCulture, $$"""
        .target "pimllm"
        .xbar 0
            pp.tok first=0, count={{tokens}}
            rep count=200, body=3, dtok=8
            ev.wait event=2, count=1
            xb.mvm xbar=0, tiles=1, rows=256, src=0, acc=set
            ev.sig event=1, count=1
            ev.wait event=2, count=2
        .systolic 0
            ev.sig event=2, count=2
            rep count=200, body=4, dtok=8
            ev.wait event=1, count=1
            sa.mshape m=8, n=8, k=64, span=causal_n
            sa.mm c=0, a=0, b=0, wt=i8, acc=set
            ev.sig event=2, count=1

        """);

    private static (PimllmRun Stepped, PimllmIterationSampler Sampler, PimllmRun? Sampled) Both(string source)
    {
        var t = TargetLoader.LoadPreset<PimllmTarget>("pimllm", []);
        var program = PimllmProgram.Read(Assembler.Assemble(source, "t.pasm"), "prefill", "t.bin");
        var costs = new PimllmCosts(t);
        var sampler = PimllmIterationSampler.For(program, t).ShouldNotBeNull();
        var sampled = sampler.Complete(PimllmMachine.Run(program, t, costs, new LpddrTransferTimes(t.Lpddr), 0, "t.bin", sampler));
        return (PimllmMachine.Run(program, t, costs, new LpddrTransferTimes(t.Lpddr), 0, "t.bin"), sampler, sampled);
    }

    [Fact]
    public void ALoopWhoseIterationsLieOnALineIsSampledWithinTheTolerance()
    {
        var (stepped, sampler, sampled) = Both(Loop(tokens: 1));
        sampler.Declined.ShouldBeNull();
        sampler.Skipped.ShouldBeGreaterThan(100);
        var s = sampled.ShouldNotBeNull();
        s.Makespan.ShouldBe(stepped.Makespan, Tolerance * stepped.Makespan);
        s.TotalEnergyPj.ShouldBe(stepped.TotalEnergyPj, Tolerance * stepped.TotalEnergyPj);
        for (var c = 0; c < s.ClassPs.Length; c++) s.ClassPs[c].ShouldBe(stepped.ClassPs[c], Tolerance * stepped.Makespan);
        for (var p = 0; p < s.PartPs.Length; p++) s.PartPs[p].ShouldBe(stepped.PartPs[p], Tolerance * stepped.Makespan);
        s.Instructions.ShouldBe(stepped.Instructions, 1e-6);
        s.SystolicMacs.ShouldBe(stepped.SystolicMacs, 1e-6 * stepped.SystolicMacs);
    }

    [Fact]
    public void ALoopWithABottleneckChangeHalfWayIsDeclinedSoItsIterationsAreStepped()
    {
        var (_, sampler, sampled) = Both(Loop(tokens: 20));
        sampled.ShouldBeNull();
        sampler.Declined.ShouldNotBeNull().ShouldContain("off the line through its neighbours");
    }
}
