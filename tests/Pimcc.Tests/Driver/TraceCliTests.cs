using System.Text.Json;
using Pimcc.Diagnostics;

namespace Pimcc.Tests.Driver;

/// <summary>
/// <c>pimcc sim --trace</c>: by default two layers of one decode step (not the prefill), simulated apart so the report
/// does not change; <c>--trace-layers all</c> traces every layer; <c>--trace-window START:END</c> keeps the
/// slices of that time window, cut at its edges, which the test recomputes from the unwindowed trace; the file is
/// Chrome trace-event JSON as Perfetto reads it (metadata and complete events only, in microseconds).
/// </summary>
public class TraceCliTests
{
    /// <summary>gpt2 (16 in, 2 out: the prefill and two decode steps, as many runs as a test traces), compiled once
    /// for the class: every test only reads it and writes its traces and reports into a folder of its own.</summary>
    private static readonly Lazy<string> Gpt2 = new(() =>
    {
        var bin = Path.Combine(CliRunner.TempDir(), "gpt2.bin");
        CliRunner.Run(CliRunner.Sample("gpt2.json"), "--prompt-tokens", "16", "--gen-tokens", "2", "-o", bin).ExitCode.ShouldBe(0);
        return bin;
    });

    private static string Binary() => Gpt2.Value;

    private static List<JsonElement> Trace(string bin, params string[] more)
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "trace.json");
        var r = CliRunner.Run(["sim", bin, "-o", Path.Combine(dir, "report.txt"), "--trace", path, .. more]);
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        doc.RootElement.GetProperty("displayTimeUnit").GetString().ShouldBe("ns");
        var events = doc.RootElement.GetProperty("traceEvents").EnumerateArray().Select(e => e.Clone()).ToList();
        events.ShouldAllBe(e => e.GetProperty("ph").GetString() == "M" || e.GetProperty("ph").GetString() == "X");
        return events;
    }

    private static IEnumerable<JsonElement> Slices(List<JsonElement> events) => events.Where(e => e.GetProperty("ph").GetString() == "X");

    private static double Ts(JsonElement e) => e.GetProperty("ts").GetDouble();

    private static double End(JsonElement e) => Ts(e) + e.GetProperty("dur").GetDouble();

    private static List<string?> Runs(List<JsonElement> events) =>
        Slices(events).Where(e => e.GetProperty("cat").GetString() == "run").Select(e => e.GetProperty("name").GetString()).ToList();

    [Fact]
    public void ByDefaultTwoLayersOfTheFirstDecodeStepAreTracedNotThePrefill()
    {
        var bin = Binary();
        var shortened = Trace(bin);
        Runs(shortened).ShouldBe(["decode step 0 (kv 16) [2 of 12 layers]"]);
        var whole = Trace(bin, "--trace-layers", "all");
        Runs(whole).ShouldBe(["decode step 0 (kv 16)"]);
        // gpt2's 12 layers: two layers and the work outside them hold far fewer slices than all twelve
        (Slices(shortened).Count() * 3).ShouldBeLessThan(Slices(whole).Count());
    }

    [Fact]
    public void ATraceNeverChangesTheReport()
    {
        var bin = Binary();
        var plain = CliRunner.Run("sim", bin, "--format", "json");
        plain.ExitCode.ShouldBe(0, plain.Err);
        var dir = CliRunner.TempDir();
        foreach (var layers in new[] { "2", "all" })
        {
            var path = Path.Combine(dir, $"t{layers}.json");
            var traced = CliRunner.Run("sim", bin, "--format", "json", "--trace", path, "--trace-runs", "0:1", "--trace-layers", layers);
            traced.ExitCode.ShouldBe(0, traced.Err);
            traced.Out.ShouldBe(plain.Out, $"--trace-layers {layers}");
        }
    }

    [Theory]
    [InlineData("0", "not a layer count")]
    [InlineData("two", "not a layer count")]
    public void ABadTraceLayerCountIsAUsageError(string layers, string message) =>
        CliRunner.Run("sim", Binary(), "--trace", Path.Combine(CliRunner.TempDir(), "t.json"), "--trace-layers", layers).ShouldBeOneLineError(ExitCode.Usage, message);

    [Fact]
    public void TraceLayersWithoutATraceIsAUsageError() =>
        CliRunner.Run("sim", Binary(), "--trace-layers", "3").ShouldBeOneLineError(ExitCode.Usage, "no trace to shorten");

    [Fact]
    public void AWindowKeepsTheSlicesInsideItCutAtItsEdges()
    {
        var bin = Binary();
        // The prefill and the decode steps, two layers of each (a window cuts slices whatever the layers).
        var all = Trace(bin, "--trace-runs", "0:2");
        var runs = Slices(all).Where(e => e.GetProperty("cat").GetString() == "run").OrderBy(Ts).ToList();
        runs.Count.ShouldBeGreaterThanOrEqualTo(2);
        // A window from the middle of the prefill to the middle of the first decode step, given in ns: it cuts the
        // slices running at either edge.
        double from = (Ts(runs[0]) + End(runs[0])) / 2, to = (Ts(runs[1]) + End(runs[1])) / 2;
        var windowed = Trace(bin, "--trace-runs", "0:2", "--trace-window", $"{Math.Round(from * 1000)}ns:{Math.Round(to * 1000)}ns");
        from = Math.Round(from * 1000) / 1000;
        to = Math.Round(to * 1000) / 1000;
        Slices(windowed).ShouldNotBeEmpty();
        Slices(windowed).ShouldAllBe(e => Ts(e) >= from - 1e-9 && End(e) <= to + 1e-9);
        Slices(windowed).Count().ShouldBeLessThan(Slices(all).Count());
        // Busy time per track and name: the unwindowed slices clipped to the window by hand.
        static Dictionary<string, double> Busy(IEnumerable<(string Key, double Dur)> s) =>
            s.GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Dur));
        static string Key(JsonElement e) => $"{e.GetProperty("pid").GetInt32()}/{e.GetProperty("tid").GetInt32()}/{e.GetProperty("name").GetString()}";
        var expected = Busy(Slices(all).Select(e => (Key(e), Math.Min(End(e), to) - Math.Max(Ts(e), from))).Where(x => x.Item2 > 0));
        var actual = Busy(Slices(windowed).Select(e => (Key(e), e.GetProperty("dur").GetDouble())));
        actual.Keys.Order().ShouldBe(expected.Keys.Order());
        foreach (var (k, v) in expected) actual[k].ShouldBe(v, 1e-6, k);
    }

    [Theory]
    [InlineData("5us:1us", "END is not after START")]
    [InlineData("1us", "not START:END")]
    [InlineData("1xs:2us", "not a unit of Time")]
    public void AMalformedWindowIsAUsageError(string window, string message)
    {
        var dir = CliRunner.TempDir();
        CliRunner.Run("sim", Binary(), "--trace", Path.Combine(dir, "t.json"), "--trace-window", window).ShouldBeOneLineError(ExitCode.Usage, message);
    }

    [Fact]
    public void AWindowWithoutATraceIsAUsageError() =>
        CliRunner.Run("sim", Binary(), "--trace-window", "0:1us").ShouldBeOneLineError(ExitCode.Usage, "no trace to window");
}
