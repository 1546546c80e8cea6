using System.Text.Json;
using Pimcc.Diagnostics;
using Pimcc.Tests.Reports;

namespace Pimcc.Tests.Driver;

/// <summary>
/// <c>pimcc sweep</c> beyond the basic grid: target flags as axes, resuming from a checkpoint folder (kept points are
/// read, not run again; a checkpoint of other inputs is refused), and the HTML page with a plot per figure.
/// </summary>
public class SweepResumeTests
{
    private static readonly string Gpt2 = CliRunner.Sample("gpt2.json");

    [Fact]
    public void ATargetFlagIsAnAxisAndEachValueReachesItsCompile()
    {
        // 1.5 is refused by assign-slc-mlc (exit 72); 0.05 passes it, so its point ends elsewhere (or simulates).
        var r = CliRunner.Run("sweep", Gpt2, "--target", "hyflexpim", "--slc-fraction", "0.05,1.5", "--workload", "8:1", "--format", "json");
        r.ExitCode.ShouldBe((int)ExitCode.SweepPointsFailed, r.Err);
        using var table = JsonDocument.Parse(r.Out);
        table.RootElement.GetProperty("axes").EnumerateArray().Select(a => a.GetString()).ShouldBe(["model", "target", "workload", "--slc-fraction"]);
        var points = table.RootElement.GetProperty("points").EnumerateArray().ToList();
        points.Select(p => p.GetProperty("--slc-fraction").GetString()).ShouldBe(["0.05", "1.5"]);
        points[1].GetProperty("exitCode").GetInt32().ShouldBe((int)ExitCode.SlcFractionOutOfRange);
        points[0].GetProperty("exitCode").GetInt32().ShouldNotBe((int)ExitCode.SlcFractionOutOfRange);

        // A scheduler's jobs pass the flag axis on as the same flag.
        var dir = Path.Combine(CliRunner.TempDir(), "jobs");
        CliRunner.Run("sweep", Gpt2, "--target", "hyflexpim", "--slc-fraction", "0.05,1.5", "--jobs-dir", dir).ExitCode.ShouldBe(0);
        File.ReadAllLines(Path.Combine(dir, "commands.txt")).ShouldAllBe(l => l.Contains(" --slc-fraction 0.05,1.5 "));
    }

    [Fact]
    public void AFlagAxisOfATargetWithoutThatFlagFailsEachPointWithUsage()
    {
        var r = CliRunner.Run("sweep", Gpt2, "--target", "hpim", "--slc-fraction", "0.1", "--workload", "8:1", "--format", "json");
        r.ExitCode.ShouldBe((int)ExitCode.SweepPointsFailed);
        using var table = JsonDocument.Parse(r.Out);
        var point = table.RootElement.GetProperty("points")[0];
        point.GetProperty("exitCode").GetInt32().ShouldBe((int)ExitCode.Usage);
        point.GetProperty("error").GetString()!.ShouldContain("not a flag of target kind 'hpim'");
    }

    private static string[] Resumable(string checkpoint, params string[] more) =>
        ["sweep", Gpt2, "--workload", "8:1", "--set", "hbm.stacks=2,4", "--stat", "latency.total", "--format", "json", "--checkpoint", checkpoint, .. more];

    [Fact]
    public void ARerunReadsTheKeptPointsAndRunsOnlyTheMissingOnes()
    {
        var dir = CliRunner.TempDir();
        var checkpoint = Path.Combine(dir, "ck");
        var first = CliRunner.Run(Resumable(checkpoint));
        first.ExitCode.ShouldBe(0, first.Err);
        var kept = Path.Combine(checkpoint, "points", "0001.json");
        File.Exists(kept).ShouldBeTrue();
        File.Exists(Path.Combine(checkpoint, "points", "0002.json")).ShouldBeTrue();

        // Point 2's table is lost (the sweep was stopped before it finished): the rerun runs it again, same bytes.
        File.Delete(Path.Combine(checkpoint, "points", "0002.json"));
        var second = CliRunner.Run(Resumable(checkpoint));
        second.ExitCode.ShouldBe(0, second.Err);
        second.Out.ShouldBe(first.Out);
        File.Exists(Path.Combine(checkpoint, "points", "0002.json")).ShouldBeTrue();

        // Point 1 is read from its table, not simulated again: a figure marked in the kept table shows in the result.
        var text = File.ReadAllText(kept);
        using (var doc = JsonDocument.Parse(text))
        {
            var figure = doc.RootElement.GetProperty("points")[0].GetProperty("figures").GetProperty("latency.total").GetRawText();
            File.WriteAllText(kept, text.Replace($"\"latency.total\": {figure}", "\"latency.total\": 12345.5"));
        }
        using var third = JsonDocument.Parse(CliRunner.Run(Resumable(checkpoint)).Out);
        third.RootElement.GetProperty("points")[0].GetProperty("figures").GetProperty("latency.total").GetDouble().ShouldBe(12345.5);
        third.RootElement.GetProperty("points")[1].GetProperty("figures").GetProperty("latency.total").GetDouble().ShouldNotBe(12345.5);
    }

    [Fact]
    public void ACheckpointOfAnotherSweepOrOfChangedInputsIsRefused()
    {
        var dir = CliRunner.TempDir();
        var model = Path.Combine(dir, "gpt2.json");
        File.Copy(Gpt2, model);
        var checkpoint = Path.Combine(dir, "ck");
        string[] Sweep(string workload) => ["sweep", model, "--workload", workload, "--stat", "latency.total", "--checkpoint", checkpoint];
        CliRunner.Run(Sweep("8:1")).ExitCode.ShouldBe(0);

        CliRunner.Run(Sweep("8:2")).ShouldBeOneLineError(ExitCode.SweepCheckpointMismatch, "the checkpoint holds another sweep");
        File.AppendAllText(model, "\n");
        CliRunner.Run(Sweep("8:1")).ShouldBeOneLineError(ExitCode.SweepCheckpointMismatch, "the checkpoint holds another sweep");

        var other = Path.Combine(dir, "not-a-checkpoint");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "notes.txt"), "mine");
        CliRunner.Run("sweep", model, "--workload", "8:1", "--checkpoint", other).ShouldBeOneLineError(ExitCode.SweepCheckpointMismatch, "holds no sweep checkpoint");
        File.ReadAllText(Path.Combine(other, "notes.txt")).ShouldBe("mine");
    }

    [Fact]
    public void TheHtmlPagePlotsEachFigureOverTheFastestAxisWithALinePerOtherValue()
    {
        var dir = CliRunner.TempDir();
        var page = Path.Combine(dir, "sweep.html");
        // Point 1 (1 stack, 32 cores) does not compile: a gap in the hbm.stacks=1 line and a row with its exit code.
        var r = CliRunner.Run("sweep", Gpt2, "--workload", "8:1", "--set", "hbm.stacks=1,2", "--set", "sram.cores=32,16",
            "--stat", "latency.total", "--stat", "energy.total", "--format", "html", "-o", page);
        r.ExitCode.ShouldBe((int)ExitCode.SweepPointsFailed, r.Err);
        var html = File.ReadAllText(page);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldNotContain("<script");
        System.Text.RegularExpressions.Regex.IsMatch(html, @"(src|href)\s*=").ShouldBeFalse("nothing is fetched");
        System.Text.RegularExpressions.Regex.Matches(html, "<svg ").Count.ShouldBe(2);
        html.ShouldContain("Figure 1. latency.total over sram.cores, one line per hbm.stacks.");
        html.ShouldContain("Figure 2. energy.total over sram.cores, one line per hbm.stacks.");
        html.ShouldContain("4 points, 3 simulated, 1 failed");
        html.ShouldContain("<td class=\"n\">41</td>");

        using var bitmap = HeadlessChromium.Screenshot(page, 2200);
        // Two lines (Category10's first two colours): hbm.stacks=1 (one point left) and hbm.stacks=2.
        var single = HeadlessChromium.Count(bitmap, 0x1f, 0x77, 0xb4);
        var joined = HeadlessChromium.Count(bitmap, 0xff, 0x7f, 0x0e);
        single.ShouldBeGreaterThan(10, "the first line's marks were not painted");
        joined.ShouldBeGreaterThan(3 * single, $"the second line's two points were not joined ({joined} against {single} pixels)");
    }
}
