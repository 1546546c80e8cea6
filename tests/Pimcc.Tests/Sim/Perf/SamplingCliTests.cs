using Pimcc.Diagnostics;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Sim.Perf;

/// <summary><c>pimcc sim --sampling</c>: adaptive (default) or evenly spaced decode steps; <c>--layers</c>: sampled (default) or all.</summary>
public class SamplingCliTests
{
    private static readonly Lazy<string> Binary = new(() =>
    {
        var bin = Path.Combine(CliRunner.TempDir(), "o.bin");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "-o", bin, "--prompt-tokens", "8", "--gen-tokens", "20").ExitCode.ShouldBe(0);
        return bin;
    });

    [Fact]
    public void EvenAndAdaptiveSamplingBothReportEveryStep()
    {
        var bin = Binary.Value;
        foreach (var mode in new[] { "adaptive", "even" })
        {
            var r = CliRunner.Run("sim", bin, "--prompt-tokens", "8", "--gen-tokens", "20", "--format", "csv", "--sampling", mode);
            r.ExitCode.ShouldBe(0, r.Err);
            r.Out.ShouldContain("latency.total");
        }
    }

    [Fact]
    public void UnknownSamplingIsAUsageError()
    {
        var r = CliRunner.Run("sim", Binary.Value, "--prompt-tokens", "8", "--gen-tokens", "20", "--sampling", "sometimes");
        r.ShouldBeOneLineError(ExitCode.Usage, "sometimes");
    }

    [Fact]
    public void SampledLayersAgreeWithAllLayersAndTheReportSaysWhichRunsWereSampled()
    {
        // OPT-125M: 12 layers, the fewest that are sampled; its prefill's layers are alike to the picosecond.
        double Stat(string csv, string name) => double.Parse(csv.Split('\n').First(l => l.StartsWith(name + ",", StringComparison.Ordinal)).Split(',')[2],
            System.Globalization.CultureInfo.InvariantCulture);
        var sampled = CliRunner.Run("sim", Binary.Value, "--prompt-tokens", "8", "--gen-tokens", "2", "--format", "csv");
        var all = CliRunner.Run("sim", Binary.Value, "--prompt-tokens", "8", "--gen-tokens", "2", "--format", "csv", "--layers", "all");
        sampled.ExitCode.ShouldBe(0, sampled.Err);
        all.ExitCode.ShouldBe(0, all.Err);
        Stat(sampled.Out, "sim.layer-sampled-runs").ShouldBeGreaterThanOrEqualTo(1);
        Stat(all.Out, "sim.layer-sampled-runs").ShouldBe(0);
        Stat(sampled.Out, "latency.total").ShouldBe(Stat(all.Out, "latency.total"), 0.01 * Stat(all.Out, "latency.total"));
    }

    [Fact]
    public void UnknownLayerSamplingIsAUsageError()
    {
        var r = CliRunner.Run("sim", Binary.Value, "--prompt-tokens", "8", "--gen-tokens", "20", "--layers", "some");
        r.ShouldBeOneLineError(ExitCode.Usage, "some");
    }
}
