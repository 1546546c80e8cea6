using System.CommandLine;
using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Driver.Sweep;

namespace Pimcc.Driver.Commands;

/// <summary>
/// <c>pimcc sweep MODEL... [--target T]... [--workload P:G]... [--set KEY=V1,V2]...</c>: compiles and simulates every
/// point of the grid, in parallel, and writes one table (docs/sweep.md). Exit 0 when every point simulated, otherwise
/// <see cref="ExitCode.SweepPointsFailed"/> after the table is written.
/// </summary>
public static class SweepCommand
{
    public static Command Create(ConsoleIo io)
    {
        var cmd = new Command("sweep", "compile and simulate a grid of models x targets x workloads x --set values in parallel; one CSV or JSON table");
        var models = new Argument<string[]>("models") { Description = "model files (.json, .onnx, .pimir): the first axis", Arity = ArgumentArity.OneOrMore };
        var targets = new Option<string[]>("--target", "-t") { Description = "target preset or description file (repeatable; default hpim)" };
        var workloads = new Option<string[]>("--workload", "-w") { Description = "PROMPT:GENERATED tokens (repeatable; default: the compile's default, fitted to the model)" };
        var sets = new Option<string[]>("--set") { Description = "an axis of target parameter values: KEY=V1,V2,... (repeatable, one per key)" };
        var stats = new Option<string[]>("--stat") { Description = $"a figure to tabulate, by its report name (repeatable; default: {string.Join(", ", SweepRunner.DefaultStatistics)})" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "points run at the same time", DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, 4) };
        var format = new Option<string>("--format") { Description = "table format: csv or json", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--output", "-o") { Description = "write the table to this file instead of standard output (written whole or not at all)" };
        var exact = new Option<bool>("--exact") { Description = "simulate every decode step and every layer of each point" };
        cmd.Arguments.Add(models);
        foreach (var o in new Option[] { targets, workloads, sets, stats, jobs, format, output, exact }) cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            var grid = SweepGrid.From(p.GetValue(models) ?? [], p.GetValue(targets) ?? [], p.GetValue(workloads) ?? [], p.GetValue(sets) ?? []);
            var fmt = p.GetValue(format)!;
            if (fmt is not ("csv" or "json")) throw new PimccError(ExitCode.Usage, "--format", $"unknown table format '{fmt}'", "use csv or json");
            var parallel = p.GetValue(jobs);
            if (parallel < 1) throw new PimccError(ExitCode.Usage, "--jobs", $"{parallel} points at a time", "use 1 or more");
            var statistics = p.GetValue(stats) is { Length: > 0 } s ? s : SweepRunner.DefaultStatistics;
            // The models and description files are inputs: the table may not be written over one of them.
            var outputs = new OutputPlan(io, [.. grid.Models, .. grid.Targets.Where(Pimcc.Targets.TargetLoader.LooksLikePath)]);
            var table = outputs.Add("-o", p.GetValue(output) ?? "-");
            var outcomes = SweepRunner.Run(grid.Points(), statistics, parallel, p.GetValue(exact), io.Progress);
            foreach (var o in outcomes)
                foreach (var line in o.Notes.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    io.Err.WriteLine($"pimcc: sweep point {o.Point.Number}: {line}");
            outputs.Write((table, OutputPlan.Text(fmt == "json"
                ? SweepTable.Json(grid.AxisNames, statistics, outcomes)
                : SweepTable.Csv(grid.AxisNames, statistics, outcomes))));
            var failed = outcomes.Where(o => !o.Simulated).ToList();
            if (failed.Count == 0) return 0;
            var first = failed[0];
            throw new PimccError(ExitCode.SweepPointsFailed, "pimcc sweep",
                string.Create(CultureInfo.InvariantCulture, $"{failed.Count} of {outcomes.Count} points did not simulate (first: point {first.Point.Number}, exit {first.ExitCode}: {first.Error})"),
                "the table lists each failed point with its exit code and diagnostic; its figures are left empty");
        });
        return cmd;
    }
}
