using System.Text.Json;
using Pimcc.Diagnostics;

namespace Pimcc.Tests.Driver;

public class SimCliTests
{
    [Fact]
    public void CompileThenSimulateGivesADeterministicJsonReport()
    {
        var dir = CliRunner.TempDir();
        var bin = Path.Combine(dir, "o.bin");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "-o", bin, "--prompt-tokens", "8", "--gen-tokens", "2").ExitCode.ShouldBe(0);
        var a = CliRunner.Run("sim", bin, "--prompt-tokens", "8", "--gen-tokens", "2", "--format", "json");
        a.ExitCode.ShouldBe(0, a.Err);
        a.Err.ShouldContain("wall time");
        var b = CliRunner.Run("sim", bin, "--prompt-tokens", "8", "--gen-tokens", "2", "--format", "json");
        b.Out.ShouldBe(a.Out);
        using var doc = JsonDocument.Parse(a.Out);
        doc.RootElement.GetRawText().ShouldContain("\"kv\": 9");
        var csv = CliRunner.Run("sim", bin, "--prompt-tokens", "8", "--gen-tokens", "2", "--format", "csv");
        csv.Out.ShouldContain("latency.total");
        // -o report.json writes the same report to a file and nothing to standard output
        var report = Path.Combine(dir, "report.json");
        var c = CliRunner.Run("sim", bin, "--prompt-tokens", "8", "--gen-tokens", "2", "--format", "json", "-o", report);
        c.ExitCode.ShouldBe(0, c.Err);
        c.Out.ShouldBeEmpty();
        File.ReadAllText(report).ShouldBe(a.Out);
    }

    [Fact]
    public void SimulatingACorruptBinaryIsAOneLineError()
    {
        var f = Path.Combine(CliRunner.TempDir(), "bad.bin");
        File.WriteAllBytes(f, "PIMCCBIN but not really a binary"u8.ToArray());
        var r = CliRunner.Run("sim", f);
        r.ExitCode.ShouldNotBe(0);
        r.Err.TrimEnd('\n').ShouldNotContain("\n");
        r.Err.ShouldContain("bad.bin");
    }

    [Fact]
    public void UnknownReportFormatIsAUsageError()
    {
        var dir = CliRunner.TempDir();
        var bin = Path.Combine(dir, "o.bin");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "-o", bin, "--prompt-tokens", "8", "--gen-tokens", "2").ExitCode.ShouldBe(0);
        CliRunner.Run("sim", bin, "--format", "xml").ShouldBeOneLineError(ExitCode.Usage, "unknown report format");
    }
}
