using System.Text.Json;
using Pimcc.Diagnostics;
using Pimcc.Reports;
using Pimcc.Tests.Driver;
using Shouldly;
using Xunit;

namespace Pimcc.Tests.Gpu;

/// <summary><c>pimcc compare</c>: ratios by hand from two hand-written reports, the same ratios from two simulated
/// reports read independently, and reports of different workloads refused in one line.</summary>
public class CompareCliTests
{
    private static string Report(string dir, string name, string target, string model, int prompt, params (string Name, string Unit, double Value)[] stats)
    {
        var statistics = string.Join(",\n", stats.Select(s =>
            $"{{\"name\": \"{s.Name}\", \"unit\": \"{s.Unit}\", \"value\": {s.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, \"description\": \"d\"}}"));
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, $$"""
            {"format": "pimcc-sim-report/1", "target": {"name": "{{target}}", "sha256": "00"},
             "workload": {"model": "{{model}}", "promptTokens": {{prompt}}, "outputTokens": 8, "decodeSampling": "exact"},
             "notes": {"mode": "roofline"},
             "statistics": [{{statistics}}]}
            """);
        return path;
    }

    [Fact]
    public void RatiosAreTheBaselineOverEachReportByHand()
    {
        var dir = CliRunner.TempDir();
        var a = Report(dir, "a.json", "a100", "opt-13b", 256, ("latency.total", "s", 2.0), ("energy.total", "J", 10.0),
            ("decode.critical-path.ffn", "s", 1.0), ("decode.critical-path.attention", "s", 0.3));
        var b = Report(dir, "b.json", "hpim", "opt-13b", 256, ("latency.total", "s", 0.5), ("energy.total", "J", 4.0),
            ("decode.critical-path.ffn", "s", 0.25), ("decode.critical-path.attention", "s", 0.6));
        var r = CliRunner.Run("compare", a, b, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        double? Ratio(string name) => doc.RootElement.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name)
            .GetProperty("ratios")[1] is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;
        Ratio("latency.total").ShouldBe(4.0);               // 2.0 / 0.5
        Ratio("energy.total").ShouldBe(2.5);                // 10 / 4
        Ratio("decode.critical-path.ffn").ShouldBe(4.0);    // 1.0 / 0.25
        Ratio("decode.critical-path.attention").ShouldBe(0.5); // 0.3 / 0.6: slower than the baseline
        var text = CliRunner.Run("compare", a, b);
        text.ExitCode.ShouldBe(0, text.Err);
        text.Out.ShouldContain("opt-13b, 256 prompt + 8 generated tokens; baseline a100");
        text.Out.Split('\n').Single(l => l.StartsWith("latency.total", StringComparison.Ordinal)).ShouldContain("(4.00x)");
    }

    [Fact]
    public void ReportsOfDifferentWorkloadsAreRefusedInOneLine()
    {
        var dir = CliRunner.TempDir();
        var a = Report(dir, "a.json", "a100", "opt-13b", 256, ("latency.total", "s", 1));
        CliRunner.Run("compare", a, Report(dir, "b.json", "hpim", "opt-13b", 128, ("latency.total", "s", 1)))
            .ShouldBeOneLineError(ExitCode.ReportsNotComparable, "(promptTokens)");
        CliRunner.Run("compare", a, Report(dir, "c.json", "hpim", "opt-30b", 256, ("latency.total", "s", 1)))
            .ShouldBeOneLineError(ExitCode.ReportsNotComparable, "(model)");
        var notReport = Path.Combine(dir, "x.json");
        File.WriteAllText(notReport, "{\"format\": \"pimcc-sweep/1\"}");
        CliRunner.Run("compare", a, notReport).ShouldBeOneLineError(ExitCode.MalformedInput, "not a simulation report");
        CliRunner.Run("compare", a).ShouldBeOneLineError(ExitCode.Usage, "needs a baseline and at least one other");
    }

    [Fact]
    public void SimulatedA100AndH100ReportsCompareAsTheirOwnFiguresSay()
    {
        var dir = CliRunner.TempDir();
        var files = new List<string>();
        foreach (var t in new[] { "a100", "h100" })
        {
            string bin = Path.Combine(dir, t + ".bin"), json = Path.Combine(dir, t + ".json");
            CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", t, "--prompt-tokens", "16", "--gen-tokens", "4", "-o", bin).ExitCode.ShouldBe(0);
            CliRunner.Run("sim", bin, "--format", "json", "-o", json).ExitCode.ShouldBe(0);
            files.Add(json);
        }
        var reports = files.Select(f => ReportDocument.Parse(File.ReadAllText(f))).ToList();
        reports[0].Workload.ShouldContain(KeyValuePair.Create("model", "opt-125m"));
        var r = CliRunner.Run("compare", files[0], files[1], "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        foreach (var name in new[] { "latency.total", "energy.total", "decode.critical-path.ffn", "prefill.energy.class.qkv-generation" })
        {
            var f = doc.RootElement.GetProperty("figures").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
            f.GetProperty("ratios")[1].GetDouble().ShouldBe(reports[0].Find(name)!.Value / reports[1].Find(name)!.Value, 1e-12);
        }
    }

    [Fact]
    public void RunWithABaselineComparesTheTwoCompiledRuns()
    {
        // pimcc run --baseline a100 --target h100 against the two reports made by hand from compile + sim.
        var dir = CliRunner.TempDir();
        string[] model = [CliRunner.Sample("opt-125m.json"), "--prompt-tokens", "16", "--gen-tokens", "4"];
        var values = new List<double>();
        foreach (var t in new[] { "a100", "h100" })
        {
            var bin = Path.Combine(dir, t + ".bin");
            CliRunner.Run([.. model, "--target", t, "-o", bin]).ExitCode.ShouldBe(0);
            var sim = CliRunner.Run("sim", bin, "--format", "json");
            values.Add(ReportDocument.Parse(sim.Out).Find("latency.total")!.Value);
        }
        var r = CliRunner.Run(["run", .. model, "--target", "h100", "--baseline", "a100", "--format", "json"]);
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var total = doc.RootElement.GetProperty("figures").EnumerateArray().Single(x => x.GetProperty("name").GetString() == "latency.total");
        total.GetProperty("values")[0].GetDouble().ShouldBe(values[0]);
        total.GetProperty("values")[1].GetDouble().ShouldBe(values[1]);
        total.GetProperty("ratios")[1].GetDouble().ShouldBe(values[0] / values[1], 1e-12);
        CliRunner.Run(["run", .. model, "--target", "h100", "--baseline", "a100", "--format", "csv"]).ShouldBeOneLineError(ExitCode.Usage, "text or json");
    }
}
