using System.Text;
using System.Text.Json;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Reports;
using Pimcc.Hpim.Sim.Report;
using Pimcc.Hpim.Sim.Trace;

namespace Pimcc.Tests.Sim;

/// <summary>Reports (JSON primary, text and CSV from it), traces, determinism, and binary/target errors.</summary>
public class ReportTests
{
    private static (GenerationResult G, HpimSimulator Sim) Generate(int keepFirst = 0, int keepLast = -1)
    {
        var bin = GenerationPrograms.Binary(rows: 8);
        var sim = new HpimSimulator(bin);
        var req = GenerationPrograms.Request(bin, 16, 5, DecodeSampling.Exact) with
        {
            KeepActivityRuns = keepLast >= keepFirst ? (keepFirst, keepLast) : null,
        };
        return (GenerationRun.Run(sim, req), sim);
    }

    [Fact]
    public void TwoRunsGiveByteIdenticalReportsAndTraces()
    {
        var (a, sa) = Generate(0, 2);
        var (b, sb) = Generate(0, 2);
        SimReport.ToJson(a, sa.Target).ShouldBe(SimReport.ToJson(b, sb.Target));
        ChromeTraceWriter.Write(a).ShouldBe(ChromeTraceWriter.Write(b));
    }

    [Fact]
    public void JsonDeclaresEveryStatisticAndTextAndCsvRenderFromIt()
    {
        var (g, sim) = Generate();
        var json = Encoding.UTF8.GetString(SimReport.ToJson(g, sim.Target));
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("format").GetString().ShouldBe(SimReport.Format);
        var stats = doc.RootElement.GetProperty("statistics").EnumerateArray().ToList();
        stats.ShouldAllBe(s => s.GetProperty("unit").GetString()!.Length > 0 && s.GetProperty("description").GetString()!.Length > 0);
        var names = stats.Select(s => s.GetProperty("name").GetString()!).ToList();
        names.Distinct().Count().ShouldBe(names.Count);
        foreach (var n in new[] { "latency.total", "latency.ttft", "latency.decode.first", "latency.decode.last", "latency.decode.mean",
                     "throughput.decode", "decode.busy.attention", "decode.critical-path.ffn", "decode.utilisation.vcu",
                     "decode.hbm.internal-bandwidth.used", "decode.hbm.internal-bandwidth.available", "energy.total",
                     "decode.energy.subsystem.dram-array", "decode.energy.class.qkv-generation", "decode.roofline.bound", "decode.roofline.achieved" })
            names.ShouldContain(n);
        double Value(string n) => stats.Single(s => s.GetProperty("name").GetString() == n).GetProperty("value").GetDouble();
        Value("latency.total").ShouldBe(g.TotalPs * 1e-12, 1e-15);
        Value("decode.roofline.achieved").ShouldBeInRange(0.0, 1.0);

        var text = TextReport.Render(json);
        text.ShouldContain("latency.ttft");
        text.ShouldContain("decode.roofline.limiter");
        var csv = TextReport.RenderCsv(json).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        csv[0].ShouldBe("name,unit,value,description");
        csv.Length.ShouldBe(stats.Count + 1);
    }

    [Fact]
    public void TraceHasATrackPerCoreUnitAndChannelNamedAfterIrOps()
    {
        var (g, _) = Generate(0, 1);
        using var doc = JsonDocument.Parse(ChromeTraceWriter.Write(g));
        var events = doc.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        var threads = events.Where(e => e.GetProperty("name").GetString() == "thread_name")
            .Select(e => e.GetProperty("args").GetProperty("name").GetString()).ToList();
        threads.ShouldContain("core 0 tcu");
        threads.ShouldContain("core 0 vcu");
        threads.ShouldContain("channel 0");
        var slices = events.Where(e => e.GetProperty("ph").GetString() == "X").Select(e => e.GetProperty("name").GetString()).ToList();
        slices.ShouldContain("l0.ffn.fc1");
        slices.ShouldContain("l0.attn.q_proj");
        slices.ShouldContain("decode step 0 (kv 16)");
        // A window keeps only slices that overlap it.
        using var windowed = JsonDocument.Parse(ChromeTraceWriter.Write(g, g.Prefill.MakespanPs, long.MaxValue));
        windowed.RootElement.GetProperty("traceEvents").EnumerateArray()
            .Where(e => e.GetProperty("ph").GetString() == "X").Select(e => e.GetProperty("name").GetString()).ShouldNotContain("l0.ffn.fc1");
    }

    [Fact]
    public void BinaryForAnotherTargetIsRejected()
    {
        var bin = GenerationPrograms.Binary();
        Should.Throw<PimccError>(() => new HpimSimulator(bin, "x.bin", expectedTarget: "pimllm")).Code.ShouldBe(ExitCode.WrongTarget);
        var renamed = bin with { Target = bin.Target with { Name = "other" } };
        Should.Throw<PimccError>(() => new HpimSimulator(renamed, "x.bin")).Code.ShouldBe(ExitCode.InvalidBinary);
        var garbage = bin with { Target = new TargetBlob("hpim", "{ not json"u8.ToArray()) };
        Should.Throw<PimccError>(() => new HpimSimulator(garbage, "x.bin"));
        // The assembler refuses core 40 of a 32-core target (AssemblerTargetTests); build such a binary directly.
        var one = SimPrograms.Assemble(".core 0\n    halt\n", "sram.cores=32");
        var small = one.WithStreams([one.Cores[0] with { Index = 40 }], one.Channels);
        Should.Throw<PimccError>(() => new HpimSimulator(small, "x.bin")).Code.ShouldBe(ExitCode.WrongTarget);
    }

    [Fact]
    public void CorruptSectionsFailInTheReaderWithTheirOwnCodes()
    {
        var bytes = PimBinaryWriter.Write(GenerationPrograms.Binary());
        var flipped = (byte[])bytes.Clone();
        flipped[^3] ^= 0x40;
        Should.Throw<PimccError>(() => HpimSimulator.Load(flipped, "x.bin")).Code.ShouldBe(ExitCode.ChecksumMismatch);
        Should.Throw<PimccError>(() => HpimSimulator.Load(bytes[..40], "x.bin")).Code.ShouldBe(ExitCode.TruncatedSection);
        var version = (byte[])bytes.Clone();
        version[8] = 9;
        Should.Throw<PimccError>(() => HpimSimulator.Load(version, "x.bin")).Code.ShouldBe(ExitCode.UnsupportedBinaryVersion);
        HpimSimulator.Load(bytes, "x.bin").Target.Name.ShouldBe("hpim");
    }
}
