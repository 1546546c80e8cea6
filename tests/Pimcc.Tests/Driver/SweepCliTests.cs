using System.Text.Json;
using Pimcc.Diagnostics;

namespace Pimcc.Tests.Driver;

/// <summary>
/// <c>pimcc sweep</c>: the grid's axes as columns in grid order, each simulated point's figures equal to a separate
/// <c>pimcc run</c> of that point, a failed point listed with its exit code and no figure, the same bytes whatever the
/// parallelism, and one-line usage errors for a malformed grid.
/// </summary>
public class SweepCliTests
{
    private static readonly string Gpt2 = CliRunner.Sample("gpt2.json");

    // hbm.stacks=1 leaves 16 channels for 32 cores: refused by the description's checks (exit 41); with 16 cores, or
    // 2 stacks, the point simulates.
    private static string[] Grid(params string[] more) =>
        ["sweep", Gpt2, "--workload", "16:2", "--workload", "8:1", "--set", "hbm.stacks=1,2", "--set", "sram.cores=32,16", .. more];

    [Fact]
    public void TheTableHasTheAxesAsColumnsInGridOrderAndFailuresWithTheirExitCode()
    {
        var r = CliRunner.Run(Grid("-j", "2"));
        r.ShouldBeOneLineErrorAfterTable(ExitCode.SweepPointsFailed, "2 of 8 points did not simulate (first: point 1, exit 41");
        var rows = r.Out.TrimEnd('\n').Split('\n').Select(l => l.Split(',')).ToList();
        rows[0][..10].ShouldBe(["point", "model", "target", "workload", "hbm.stacks", "sram.cores", "prompt_tokens", "gen_tokens", "exit_code", "error"]);
        rows[0].ShouldContain("latency.total (s)");
        rows[0].ShouldContain("energy.total (J)");
        rows.Count.ShouldBe(9);
        // The last axis varies fastest; the workload columns say what ran.
        string[][] expected =
        [
            ["1", "16:2", "1", "32", "16", "2", "41"], ["2", "16:2", "1", "16", "16", "2", "0"], ["3", "16:2", "2", "32", "16", "2", "0"], ["4", "16:2", "2", "16", "16", "2", "0"],
            ["5", "8:1", "1", "32", "8", "1", "41"], ["6", "8:1", "1", "16", "8", "1", "0"], ["7", "8:1", "2", "32", "8", "1", "0"], ["8", "8:1", "2", "16", "8", "1", "0"],
        ];
        for (var i = 0; i < 8; i++)
        {
            var row = rows[i + 1];
            new[] { row[0], row[3], row[4], row[5], row[6], row[7], row[8] }.ShouldBe(expected[i]);
            row[1].ShouldBe(Gpt2);
            row[2].ShouldBe("hpim");
            // Never a figure for a point that did not simulate; every figure for one that did.
            if (row[8] == "0") (row[9], row[10..].All(f => f.Length > 0)).ShouldBe(("", true));
            else row[^7..].ShouldAllBe(f => f.Length == 0);
        }
    }

    [Fact]
    public void ASimulatedPointHasTheFiguresOfItsOwnRunAndAFailedOneNone()
    {
        var r = CliRunner.Run(Grid("--format", "json", "--stat", "latency.total", "--stat", "energy.total"));
        r.ExitCode.ShouldBe((int)ExitCode.SweepPointsFailed, r.Err);
        using var table = JsonDocument.Parse(r.Out);
        table.RootElement.GetProperty("format").GetString().ShouldBe("pimcc-sweep/1");
        var points = table.RootElement.GetProperty("points").EnumerateArray().ToList();
        points.Count.ShouldBe(8);
        points[4].GetProperty("exitCode").GetInt32().ShouldBe((int)ExitCode.InvalidTargetDescription);
        points[4].GetProperty("figures").ValueKind.ShouldBe(JsonValueKind.Null);
        points[4].GetProperty("error").GetString()!.ShouldContain("sram.cores");

        var point6 = points[5];
        point6.GetProperty("workload").GetString().ShouldBe("8:1");
        point6.GetProperty("hbm.stacks").GetString().ShouldBe("1");
        point6.GetProperty("sram.cores").GetString().ShouldBe("16");
        var run = CliRunner.Run("run", Gpt2, "--prompt-tokens", "8", "--gen-tokens", "1", "--set", "hbm.stacks=1", "--set", "sram.cores=16", "--format", "json");
        run.ExitCode.ShouldBe(0, run.Err);
        using var report = JsonDocument.Parse(run.Out);
        var stats = report.RootElement.GetProperty("statistics").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetDouble());
        point6.GetProperty("figures").GetProperty("latency.total").GetDouble().ShouldBe(stats["latency.total"]);
        point6.GetProperty("figures").GetProperty("energy.total").GetDouble().ShouldBe(stats["energy.total"]);
        // A different point has different figures (the axis reached the compile).
        points[6].GetProperty("figures").GetProperty("latency.total").GetDouble().ShouldNotBe(stats["latency.total"]);
    }

    [Fact]
    public void TheTableIsTheSameBytesWhateverTheParallelism()
    {
        var one = CliRunner.Run(Grid("-j", "1", "--format", "json"));
        var three = CliRunner.Run(Grid("-j", "3", "--format", "json"));
        three.Out.ShouldBe(one.Out);
        three.ExitCode.ShouldBe(one.ExitCode);
    }

    [Fact]
    public void AllPointsSimulatingExitZeroAndTheTableGoesToTheFile()
    {
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "t.csv");
        var r = CliRunner.Run("sweep", Gpt2, RepoPaths.Combine("samples", "onnx", "tiny-opt.onnx"), "--workload", "8:1", "-o", file);
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldBeEmpty();
        var lines = File.ReadAllLines(file);
        lines.Length.ShouldBe(3);
        lines[0].Split(',')[..8].ShouldBe(["point", "model", "target", "workload", "prompt_tokens", "gen_tokens", "exit_code", "error"]);
        foreach (var f in lines.Skip(1).Select(l => l.Split(',')))
        {
            (f[4], f[5], f[6], f[7]).ShouldBe(("8", "1", "0", ""));
            f[8..].Length.ShouldBe(7);
            f[8..].ShouldAllBe(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) > 0);
        }
    }

    [Theory]
    [InlineData("--set", "hbm.stacks=1,,2", "empty or repeated value")]
    [InlineData("--workload", "16", "not PROMPT:GENERATED")]
    [InlineData("--jobs", "0", "0 points at a time")]
    [InlineData("--format", "xml", "unknown table format")]
    [InlineData("--stat", "latency.nope", "no statistic 'latency.nope'")]
    public void AMalformedGridIsOneLine(string option, string value, string message)
    {
        var r = CliRunner.Run("sweep", Gpt2, "--workload", "8:1", option, value);
        r.ExitCode.ShouldBeOneOf((int)ExitCode.Usage, (int)ExitCode.SweepPointsFailed);
        r.Err.ShouldContain(message);
        r.Err.TrimEnd('\n').ShouldNotContain("\n");
    }
}

internal static class SweepResultChecks
{
    /// <summary>The sweep's failure: the given exit code and one line on stderr, the table on stdout all the same.</summary>
    public static void ShouldBeOneLineErrorAfterTable(this CliResult r, ExitCode code, string contains)
    {
        r.ExitCode.ShouldBe((int)code, r.Err);
        r.Err.TrimEnd('\n').ShouldNotContain("\n");
        r.Err.ShouldContain(contains);
        r.Out.ShouldStartWith("point,");
    }
}

/// <summary>
/// <c>pimcc sweep --jobs-dir</c> and <c>pimcc sweep merge</c>: the per-point jobs, run one by one, merge into the same
/// table bytes as the sweep run in one go; a point without a table is a failed row; the Slurm script runs its task's line.
/// </summary>
public class SweepJobsCliTests
{
    private static readonly string Gpt2 = CliRunner.Sample("gpt2.json");

    private static string[] Axes => [Gpt2, "--workload", "8:1", "--set", "hbm.stacks=1,2", "--set", "sram.cores=32,16", "--stat", "latency.total"];

    [Fact]
    public void JobsRunOneByOneMergeIntoTheTableOfTheWholeSweep()
    {
        var dir = Path.Combine(CliRunner.TempDir(), "jobs");
        CliRunner.Run(["sweep", .. Axes, "--jobs-dir", dir]).ExitCode.ShouldBe(0);
        var lines = File.ReadAllLines(Path.Combine(dir, "commands.txt"));
        lines.Length.ShouldBe(4);
        File.ReadAllText(Path.Combine(dir, "slurm.sh")).ShouldContain("#SBATCH --array=1-4");
        foreach (var line in lines)
        {
            var r = CliRunner.Run(ExampleCommandLine.Words(line));
            r.ExitCode.ShouldBeOneOf(0, (int)ExitCode.SweepPointsFailed);
        }
        var tables = Directory.GetFiles(Path.Combine(dir, "points")).Order(StringComparer.Ordinal).ToArray();
        tables.Select(Path.GetFileName).ShouldBe(["0001.json", "0002.json", "0003.json", "0004.json"]);

        var whole = CliRunner.Run(["sweep", .. Axes, "--format", "json"]);
        var merged = CliRunner.Run(["sweep", "merge", .. tables, "--format", "json"]);
        merged.Out.ShouldBe(whole.Out);
        merged.ExitCode.ShouldBe((int)ExitCode.SweepPointsFailed); // point 1 (1 stack, 32 cores) does not fit
        CliRunner.Run(["sweep", "merge", .. tables]).Out.ShouldBe(CliRunner.Run(["sweep", .. Axes]).Out);

        // Without point 3's table, its row says so and has no figure.
        var partial = CliRunner.Run(["sweep", "merge", tables[0], tables[1], tables[3], "--format", "json"]);
        partial.ExitCode.ShouldBe((int)ExitCode.SweepPointsFailed);
        using var doc = System.Text.Json.JsonDocument.Parse(partial.Out);
        var point3 = doc.RootElement.GetProperty("points")[2];
        point3.GetProperty("point").GetInt32().ShouldBe(3);
        point3.GetProperty("exitCode").GetInt32().ShouldBe((int)ExitCode.SweepPointsFailed);
        point3.GetProperty("error").GetString()!.ShouldContain("no table holds it");
        point3.GetProperty("figures").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public void MergingTablesOfDifferentGridsIsRefused()
    {
        var dir = CliRunner.TempDir();
        string a = Path.Combine(dir, "a.json"), b = Path.Combine(dir, "b.json");
        CliRunner.Run("sweep", Gpt2, "--workload", "8:1", "--stat", "latency.total", "--format", "json", "-o", a).ExitCode.ShouldBe(0);
        CliRunner.Run("sweep", Gpt2, "--workload", "8:2", "--stat", "latency.total", "--format", "json", "-o", b).ExitCode.ShouldBe(0);
        CliRunner.Run("sweep", "merge", a, b).ShouldBeOneLineError(ExitCode.Usage, "grid or figures differ");
        CliRunner.Run("sweep", "merge", a, a).ShouldBeOneLineError(ExitCode.Usage, "point 1 is in two of the tables");
    }

    /// <summary>The Slurm script, as a job array task would run it (pimcc on PATH is the driver as built).</summary>
    [Fact]
    public async Task TheSlurmScriptRunsTheLineOfItsTask()
    {
        var dir = Path.Combine(CliRunner.TempDir(), "jobs");
        CliRunner.Run(["sweep", .. Axes, "--jobs-dir", dir]).ExitCode.ShouldBe(0);
        var bin = CliRunner.TempDir();
        var shim = Path.Combine(bin, "pimcc");
        File.WriteAllText(shim, $"#!/bin/sh\nexec '{DriverProcess.Dotnet()}' '{DriverProcess.DriverDll()}' \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var psi = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(dir, "slurm.sh")]) { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.Environment["SLURM_ARRAY_TASK_ID"] = "2";
        psi.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var p = System.Diagnostics.Process.Start(psi)!;
        var err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        p.ExitCode.ShouldBe(0, err);
        Directory.GetFiles(Path.Combine(dir, "points")).Select(Path.GetFileName).ShouldBe(["0002.json"]);
        using var table = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "points", "0002.json")));
        var point = table.RootElement.GetProperty("points").EnumerateArray().Single();
        point.GetProperty("point").GetInt32().ShouldBe(2);
        point.GetProperty("sram.cores").GetString().ShouldBe("16");
    }
}
