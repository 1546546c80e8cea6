using Pimcc.Diagnostics;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Sim.Perf;

/// <summary><c>pimcc sim --sampling</c>: adaptive (default) or evenly spaced decode steps.</summary>
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
}
