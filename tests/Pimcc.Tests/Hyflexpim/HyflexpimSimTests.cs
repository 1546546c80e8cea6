using System.Text.Json;
using Pimcc.Diagnostics;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>
/// The hyflexpim simulator (issue 12): hand-written programs (`pimcc asm`) whose latency, pipeline interval and energy
/// are computed here by hand from samples/targets/hyflexpim.json (the paper's tables), link contention on the shared
/// bus, a deadlock refused, and a compiled model whose energy is the sum of its declared events at the description's
/// costs.
/// </summary>
public class HyflexpimSimTests
{
    // Description values (samples/targets/hyflexpim.json, HyFlexPIM paper's tables), in the units used below.
    private const double ClockPs = 1000;                 // system.clock 1 GHz
    private const double ArrayCyclePs = 100_000;         // analog.arrayCycle 100 ns
    private const double AdcPs = 128 / 1.28e9 * 1e12;    // 128 columns at analog.adcSampleRate 1.28 GS/s = 100 ns
    private const double SfuInputsPerPu = 8 * 256;       // pu.digitalModules x digital.sfuInputsPerCycle
    private const double AnalogModuleMw = 60.78 + 297.71 + 59.54 + 12e-6 + 0.13 + 0.53; // arrays, WLD, S&A, S&H, IR, OR (not the ADC)
    private const double DigitalModuleMw = 3890.02 + 2381.64 + 119.08 + 23e-6 + 0.76 + 1.65; // arrays, WLD, S&A, S&H, IR, OR (not the SFU)
    private const double AdcPjPerConversion = 512.00e-3 / (512 * 1.28e9) * 1e12; // analog.power.adc / (512 ADCs x 1.28 GS/s), 7 bits
    private const double SfuMw = 138.89;

    private const string Header = ".target \"hyflexpim\"\n.workload prompt=2, generated=1, positions=3, model=\"hand\", programs=\"prefill,decode\"\n";

    /// <summary>Assembles a hand-written program; the binary's path.</summary>
    private static string Assemble(string pasm)
    {
        var dir = CliRunner.TempDir();
        var src = Path.Combine(dir, "p.pasm");
        var bin = Path.Combine(dir, "p.bin");
        File.WriteAllText(src, pasm);
        var a = CliRunner.Run("asm", src, "-o", bin);
        a.ExitCode.ShouldBe(0, a.Err);
        return bin;
    }

    private static JsonElement Simulate(string pasm, params string[] extra)
    {
        var r = CliRunner.Run(["sim", Assemble(pasm), "--format", "json", .. extra]);
        r.ExitCode.ShouldBe(0, r.Err);
        return JsonDocument.Parse(r.Out).RootElement.Clone();
    }

    private static double Stat(JsonElement report, string name) =>
        report.GetProperty("statistics").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();

    private static void Near(double actual, double expected, string what) =>
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(Math.Abs(expected) * 1e-9 + 1e-18, $"{what}: {actual} vs {expected}");

    [Fact]
    public void AQuantiseThenAGemvOfOneSlcAndOneMlcArrayTakesTheHandComputedTimeAndEnergy()
    {
        var report = Simulate(Header + """
            .hfp_sfu 0
            .entry prefill
                sfu.len len=64, rows=2
                sfu.quant dst=0, src=2, scale=3
                ev.sig event=0, count=1
            .entry decode
            .hfp_analog 0
            .entry prefill
                ev.wait event=0, count=1
                ag.shape in=64, out=48, bits=8, tokens=2
                ag.split slc=16, axis=out, tile=0
                ag.gemv module=0, first=0, last=1, src=0, dst=4, acc=set
            .entry decode
            """);
        // SFU: sfu.len one clock; sfu.quant 2 passes x ceil(64 x 2 / 2048) = 2 clocks; ev.sig at 3 ns.
        var sfuEnd = ClockPs + 2 * Math.Ceiling(128 / SfuInputsPerPu) * ClockPs;
        // Analog: woken at 3 ns, ag.shape and ag.split a clock each, then the gemv: 2 tokens x 8 bits x 100 ns, the last
        // read's 128 conversions (100 ns), S&A's last add (one clock).
        var gemvPs = 2 * 8 * Math.Max(ArrayCyclePs, AdcPs) + AdcPs + ClockPs;
        var latencyPs = sfuEnd + 2 * ClockPs + gemvPs;
        Near(Stat(report, "latency.prefill"), latencyPs * 1e-12, "latency");
        Near(latencyPs, 1_706_000, "the same by hand in ps"); // 3,000 + 2,000 + 1,701,000

        // Energy: the SFU 128 elements x 2 passes / 256 per cycle = 1 SFU-cycle at 138.89 mW.
        var sfuJ = 128 * 2 / 256.0 * ClockPs * 1e-12 * SfuMw * 1e-3;
        // Two of a module's 512 arrays active for the gemv: (2 / 512) x the module's non-ADC power x its time.
        var analogJ = 2 / 512.0 * AnalogModuleMw * 1e-3 * gemvPs * 1e-12;
        // 48 outputs, 16 SLC: SLC block 1 x ceil(16/16) = 1 array, MLC block 1 x ceil(32/32) = 1 array. Each of the 16
        // reads converts 128 columns per array: SLC at 6 bits (half a 7-bit conversion's energy), MLC at 7 bits.
        var adcJ = 16 * (128 * 0.5 + 128) * AdcPjPerConversion * 1e-12;
        Near(Stat(report, "prefill.energy.subsystem.sfu"), sfuJ, "sfu");
        Near(Stat(report, "prefill.energy.subsystem.analog"), analogJ, "analog");
        Near(Stat(report, "prefill.energy.subsystem.adc"), adcJ, "adc");
        Near(Stat(report, "prefill.energy.total"), sfuJ + analogJ + adcJ, "total");
        Near(Stat(report, "energy.linear"), analogJ + adcJ, "linear-layer energy");
        Stat(report, "prefill.count.slc-array-reads").ShouldBe(2); // 1 SLC array x 2 tokens
    }

    [Fact]
    public void ScoresOfAPrefillAndADecodeStepCountTheCausallyVisibleRowsAsNorRowOperations()
    {
        var report = Simulate(Header + """
            .hfp_digital 0
            .entry prefill
                dg.shape dim=64, rows=8, queries=2, heads=2, groups=2
                dg.qk dst=0, q=0, k=65536
            .entry decode
                dg.shape dim=64, rows=8, queries=1, heads=2, groups=2
                dg.qk dst=0, q=0, k=65536
            """, "--exact");
        // Prefill (first position 0): query 0 sees 1 row, query 1 sees 2: 2 heads x 64 x 3 = 384 INT8 multiplies, one
        // batch (8 modules x 256 arrays x floor(1024 / 3) lanes) of 64 NORs x 5-cycle row operations, then S&A's add.
        var batchPs = 64 * (4 + 1) * ClockPs;
        Near(Stat(report, "latency.prefill"), (ClockPs + batchPs + ClockPs) * 1e-12, "prefill");
        // ceil(384 / 341) = 2 arrays busy for the batch, each drawing 1/256 of a module's non-SFU power.
        Near(Stat(report, "prefill.energy.subsystem.digital"), 2 * batchPs * 1e-12 * DigitalModuleMw / 256 * 1e-3, "prefill energy");
        // Decode step 0 at position prompt + 0 = 2 sees rows 0..2: 2 x 64 x 3 = 384 multiplies again.
        Stat(report, "decode.count.digital-multiplies").ShouldBe(384);
        Stat(report, "prefill.count.digital-multiplies").ShouldBe(384);
    }

    [Fact]
    public void TwoQueryBlocksOfOneQuerySeeWhatOneBlockOfTwoSees()
    {
        var report = Simulate(Header + """
            .hfp_digital 0
            .entry prefill
                dg.shape dim=64, rows=8, queries=1, heads=2, groups=2
                dg.qk dst=0, q=0, k=65536
                dg.shape dim=64, rows=8, queries=1, heads=2, groups=2
                dg.qblock first=1
                dg.qk dst=0, q=1, k=65536
            .entry decode
            .hfp_sfu 0
            .entry prefill
                sfu.len len=8, rows=2
                sfu.qblock first=1
                sfu.softmax dst=0, src=0, queries=1
            .entry decode
            """);
        // Query 0 sees row 0, query 1 (the second block's first) rows 0..1: 2 heads x 64 x (1 + 2) multiplies.
        Stat(report, "prefill.count.digital-multiplies").ShouldBe(2 * 64 * 3);
        // The softmax of query 1 over 2 heads: 2 rows of 2 visible entries, 3 passes.
        Stat(report, "prefill.count.sfu-element-passes").ShouldBe(2 * 2 * 3);
    }

    [Fact]
    public void TheLayerPipelineReportsLatencyAsTheChainAndThroughputAsTheBusiestResource()
    {
        // Two stages: PU 0 adds (64 SFU cycles), sends 1 KiB to PU 1 over the interconnect, PU 1 applies GELU (64 cycles).
        var report = Simulate(Header + """
            .hfp_sfu 0
            .entry prefill
                sfu.len len=2048, rows=64
                sfu.add dst=0, a=0, b=0, b_rows=each
                ev.sig event=0, count=1
            .entry decode
            .hfp_link 0
            .entry prefill
                ev.wait event=0, count=1
                noc.send pu=1, src=0, dst=0, len=4
                ev.sig event=1, count=1
            .entry decode
            .hfp_sfu 1
            .entry prefill
                ev.wait event=1, count=1
                sfu.len len=2048, rows=64
                sfu.act dst=0, src=0, fn=gelu
            .entry decode
            """);
        var stagePs = ClockPs + 2048 * 64 / SfuInputsPerPu * ClockPs; // 1 + 64 clocks
        var sendPs = 1024 / 1000e9 * 1e12;                             // 1,024 bytes at chip.interPu 1000 GB/s
        Near(Stat(report, "latency.prefill"), (2 * stagePs + sendPs) * 1e-12, "latency: the stages one after another");
        Near(Stat(report, "prefill.pipeline.interval"), stagePs * 1e-12, "interval: one stage");
        Near(Stat(report, "throughput.inferences"), 1 / (stagePs * 1e-12), "inferences/s with prompts in flight");
    }

    [Fact]
    public void PartialSumsOfTwoPusContendForTheSharedBusWhileInterconnectPortsDoNot()
    {
        const string twoSenders = """
            .hfp_link 1
            .entry prefill
                MNEMONIC pu=0, src=0, dst=0, len=500
            .entry decode
            .hfp_link 2
            .entry prefill
                MNEMONIC pu=0, src=0, dst=500, len=500
            .entry decode
            """;
        var onePs = 500 * 256 / 128e9 * 1e12; // 128,000 bytes at chip.sharedBus 128 GB/s = 1 us
        var bus = Simulate(Header + twoSenders.Replace("MNEMONIC", "bus.send", StringComparison.Ordinal));
        Near(Stat(bus, "latency.prefill"), 2 * onePs * 1e-12, "the second send waits for the first");
        Near(Stat(bus, "prefill.count.shared-bus-wait"), onePs * 1e-12, "wait");
        var noc = Simulate(Header + twoSenders.Replace("MNEMONIC", "noc.send", StringComparison.Ordinal));
        Near(Stat(noc, "latency.prefill"), 500 * 256 / 1000e9, "each PU's own port at 1000 GB/s");
    }

    [Fact]
    public void AWaitNobodySignalsIsADeadlockNamingTheStreamNotAFigure()
    {
        var bin = Assemble(Header + ".hfp_sfu 3\n.entry prefill\n    ev.wait event=7, count=1\n.entry decode\n");
        var report = Path.Combine(CliRunner.TempDir(), "r.json");
        CliRunner.Run("sim", bin, "-o", report).ShouldBeOneLineError(ExitCode.InvalidBinary, "deadlock: hfp_sfu3 waits at ev.wait event=7");
        File.Exists(report).ShouldBeFalse();
    }

    [Fact]
    public void ACompiledModelsEnergyIsTheSumOfItsDeclaredEventsAtTheDescriptionsCosts()
    {
        var r = CliRunner.Run("run", CliRunner.Sample("gpt2.json"), "--target", "hyflexpim", "--prompt-tokens", "16", "--gen-tokens", "4", "--format", "json", "--exact");
        r.ExitCode.ShouldBe(0, r.Err);
        var report = JsonDocument.Parse(r.Out).RootElement;
        // Cost of one unit of each event's count, by hand from the description (pJ).
        var cost = new Dictionary<string, double>
        {
            ["analog-arrays"] = 60.78e-3 / 512, ["analog-word-line-drivers"] = 297.71e-3 / 512, ["analog-sample-hold"] = 12e-9 / 512,
            ["analog-shift-add"] = 59.54e-3 / 512, ["analog-registers"] = (0.13 + 0.53) * 1e-3 / 512, ["adc"] = AdcPjPerConversion,
            ["digital-arrays"] = 3890.02e-3 / 256, ["digital-word-line-drivers"] = 2381.64e-3 / 256, ["digital-shift-add"] = (119.08 + 23e-6) * 1e-3 / 256,
            ["digital-registers"] = (0.76 + 1.65) * 1e-3 / 256, ["sfu"] = SfuMw * 1e-3, ["shared-bus"] = 0.5, ["inter-pu"] = 0.5, ["pcie"] = 5,
        };
        double sum = 0;
        foreach (var phase in new[] { "prefill", "decode" })
            foreach (var (name, c) in cost)
            {
                var joules = Stat(report, $"{phase}.energy.event.{name}");
                Near(joules, Stat(report, $"{phase}.count.event.{name}") * c * 1e-12, $"{phase} {name}");
                sum += joules;
            }
        Near(Stat(report, "energy.total"), sum, "total = sum of the events");
        Near(Stat(report, "energy.breakdown.analog") + Stat(report, "energy.breakdown.adc") + Stat(report, "energy.breakdown.digital")
             + Stat(report, "energy.breakdown.sfu") + Stat(report, "energy.breakdown.bus"), sum, "breakdown");
        // GPT-2 small takes 14 PUs on one chip (docs/hyflexpim-passes.md): the area of one chip of 24 PUs of
        // 24 x 0.47 mm2 analog and 8 x 8.01 mm2 digital modules (module sums of the paper's tables, from their parts).
        Stat(report, "count.chips").ShouldBe(1);
        Stat(report, "count.pus").ShouldBe(14);
        var puArea = 24 * (0.048 + 0.00065 + 0.00129 + 0.02 + 0.30 + 0.10 + 6e-5) + 8 * (2.86 + 0.0031 + 0.0032 + 0.14 + 0.21 + 13e-5 + 4.79);
        Near(Stat(report, "area.total"), 24 * puArea, "area");
    }

    [Fact]
    public void TheSlcFractionTableShowsSlcDoublingTheAnalogEnergyWhileTheAdcEnergyStaysFlat()
    {
        var r = CliRunner.Run("sweep", CliRunner.Sample("gpt2.json"), "--target", "hyflexpim", "--slc-fraction", "0,1", "--workload", "8:4",
            "--stat", "decode.energy.subsystem.analog", "--stat", "decode.energy.subsystem.adc", "--stat", "decode.energy.subsystem.digital",
            "--stat", "count.crossbar-arrays", "--format", "json", "--exact");
        r.ExitCode.ShouldBe(0, r.Err);
        var points = JsonDocument.Parse(r.Out).RootElement.GetProperty("points").EnumerateArray()
            .Select(p => p.GetProperty("figures")).ToList();
        double F(int point, string name) => points[point].GetProperty(name).GetDouble();
        // A decode step reads every array once with one token, each gemv taking the same time: analog energy is
        // proportional to the arrays, and all-SLC (8 columns per weight) takes about twice all-MLC's (4).
        var arrays = F(1, "count.crossbar-arrays") / F(0, "count.crossbar-arrays");
        arrays.ShouldBeInRange(1.9, 2.0);
        Near(F(1, "decode.energy.subsystem.analog") / F(0, "decode.energy.subsystem.analog"), arrays, "analog energy follows the arrays");
        // Each array read converts 128 columns per bit: SLC's 6-bit conversions cost half MLC's 7-bit ones, so twice the
        // arrays cost the same ADC energy (paper: ADC energy is flat).
        Near(F(1, "decode.energy.subsystem.adc") / F(0, "decode.energy.subsystem.adc"), arrays / 2, "ADC energy");
        F(1, "decode.energy.subsystem.digital").ShouldBe(F(0, "decode.energy.subsystem.digital")); // attention does not depend on the split
    }
}
