using System.CommandLine;
using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Driver.Sweep;

namespace Pimcc.Driver.Commands;

/// <summary>
/// <c>pimcc sweep MODEL... [--target T]... [--workload P:G]... [--set KEY=V1,V2]... [--FLAG V1,V2]...</c>: compiles and simulates every
/// point of the grid, in parallel, and writes one table (docs/sweep.md). Exit 0 when every point simulated, otherwise
/// <see cref="ExitCode.SweepPointsFailed"/> after the table is written. <c>--jobs-dir</c> writes the sweep as jobs for
/// GNU parallel or Slurm instead, and <c>pimcc sweep merge</c> puts their tables together.
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
        var exact = new Option<bool>("--exact") { Description = "simulate every decode step, every layer and every prefill loop iteration of each point" };
        var point = new Option<int?>("--point") { Description = "run only point N of the grid (numbered as in the table; what a scheduler's job runs)" };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "keep each finished point's table in DIR; the same sweep rerun with the same DIR resumes: it runs only the points not simulated yet" };
        var jobsDir = new Option<string?>("--jobs-dir") { Description = "run nothing: write DIR/commands.txt (one line per point, for GNU parallel) and DIR/slurm.sh (a Slurm job array); merge with 'pimcc sweep merge'" };
        // Every registered target's flags, each an axis: --slc-fraction 0.05,0.2 (the compile takes one value).
        var flags = Pimcc.Compiler.Targets.CompilerTargets.Flags
            .Select(f => new Option<string?>(f.Name) { Description = $"an axis of values V1,V2,... of: {f.Description} (targets of kind {string.Join(", ", f.Kinds)})" })
            .ToList();
        var table = new TableOptions();
        cmd.Arguments.Add(models);
        foreach (var o in (Option[])[targets, workloads, sets, stats, jobs, exact, point, checkpoint, jobsDir, .. flags]) cmd.Options.Add(o);
        table.AddTo(cmd);
        cmd.SetAction(p =>
        {
            var flagAxes = flags.Where(o => p.GetResult(o) is { Implicit: false }).Select(o => $"{o.Name}={p.GetValue(o)}");
            var grid = SweepGrid.From(p.GetValue(models) ?? [], p.GetValue(targets) ?? [], p.GetValue(workloads) ?? [], [.. p.GetValue(sets) ?? [], .. flagAxes]);
            var chosen = p.GetValue(stats) is { Length: > 0 } s ? s : null;
            if (p.GetValue(jobsDir) is { } dir)
                return p.GetValue(checkpoint) is null ? WriteJobs(grid, chosen, p.GetValue(exact), dir, io)
                    : throw new PimccError(ExitCode.Usage, "--checkpoint", "--jobs-dir runs nothing, so there is nothing to checkpoint", "drop --checkpoint: the jobs' point tables are kept in DIR/points and merged with 'pimcc sweep merge'");
            var format = table.Format(p);
            var parallel = p.GetValue(jobs);
            if (parallel < 1) throw new PimccError(ExitCode.Usage, "--jobs", $"{parallel} points at a time", "use 1 or more");
            var points = grid.Points();
            if (p.GetValue(point) is { } n)
                points = n >= 1 && n <= points.Count ? [points[n - 1]]
                    : throw new PimccError(ExitCode.Usage, "--point", $"the grid has points 1-{points.Count}, not {n}", "give a point the table numbers");
            // The models and description files are inputs: the table may not be written over one of them.
            var outputs = new OutputPlan(io, [.. grid.Models, .. grid.Targets.Where(Pimcc.Targets.TargetLoader.LooksLikePath)]);
            var file = outputs.Add("-o", p.GetValue(table.Output) ?? "-");
            var statistics = chosen ?? SweepRunner.DefaultStatistics;
            var kept = p.GetValue(checkpoint) is { } folder ? SweepCheckpoint.Open(folder, grid, statistics, p.GetValue(exact)) : null;
            var outcomes = SweepRunner.Run(points, statistics, parallel, p.GetValue(exact), io.Progress, kept, io.Timings);
            foreach (var o in outcomes)
                foreach (var line in o.Notes.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    io.Err.WriteLine($"pimcc: sweep point {o.Point.Number}: {line}");
            return WriteTable(grid, statistics, outcomes, format, outputs, file);
        });
        cmd.Subcommands.Add(Merge(io));
        return cmd;
    }

    /// <summary><c>pimcc sweep merge TABLE.json...</c>: the tables of one grid's points as the grid's table.</summary>
    private static Command Merge(ConsoleIo io)
    {
        var cmd = new Command("merge", "put JSON sweep tables of one grid (e.g. the per-point tables of --jobs-dir jobs) together into the grid's table");
        var files = new Argument<string[]>("tables") { Description = "JSON tables written by pimcc sweep --format json", Arity = ArgumentArity.OneOrMore };
        var table = new TableOptions();
        cmd.Arguments.Add(files);
        table.AddTo(cmd);
        cmd.SetAction(p =>
        {
            var inputs = p.GetValue(files) ?? [];
            var format = table.Format(p);
            var outputs = new OutputPlan(io, inputs);
            var file = outputs.Add("-o", p.GetValue(table.Output) ?? "-");
            var (grid, statistics, outcomes) = SweepTableReader.Merge(inputs);
            return WriteTable(grid, statistics, outcomes, format, outputs, file);
        });
        return cmd;
    }

    /// <summary>Writes the table; exit 0 when every point simulated, else <see cref="ExitCode.SweepPointsFailed"/> naming the first failure.</summary>
    private static int WriteTable(SweepGrid grid, IReadOnlyList<string> statistics, IReadOnlyList<SweepOutcome> outcomes, string format, OutputPlan outputs, OutputFile? file)
    {
        outputs.Write((file, OutputPlan.Text(format switch
        {
            "json" => SweepTable.Json(grid, statistics, outcomes),
            "html" => SweepPage.Render(grid, statistics, outcomes),
            _ => SweepTable.Csv(grid, statistics, outcomes),
        })));
        var failed = outcomes.Where(o => !o.Simulated).ToList();
        if (failed.Count == 0) return 0;
        var first = failed[0];
        throw new PimccError(ExitCode.SweepPointsFailed, "pimcc sweep",
            string.Create(CultureInfo.InvariantCulture, $"{failed.Count} of {outcomes.Count} points did not simulate (first: point {first.Point.Number}, exit {first.ExitCode}: {first.Error})"),
            "the table lists each failed point with its exit code and diagnostic; its figures are left empty");
    }

    private static int WriteJobs(SweepGrid grid, IReadOnlyList<string>? statistics, bool exact, string dir, ConsoleIo io)
    {
        if (File.Exists(dir) || (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any()))
            throw new PimccError(ExitCode.OutputNotWritable, dir, "the jobs folder exists and is not empty", "give a new or empty folder to --jobs-dir");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "points"));
            Directory.CreateDirectory(Path.Combine(dir, "logs"));
            foreach (var (name, text) in SweepJobs.Files(grid, statistics, exact, dir))
                File.WriteAllText(Path.Combine(dir, name), text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PimccError(ExitCode.OutputNotWritable, dir, $"cannot write the jobs: {e.Message}", "check the folder and its permissions");
        }
        io.Err.WriteLine($"pimcc: wrote {grid.Points().Count} jobs to {dir}: parallel < {Path.Combine(dir, "commands.txt")}, or sbatch {Path.Combine(dir, "slurm.sh")}; then pimcc sweep merge {Path.Combine(dir, "points")}/*.json");
        return 0;
    }

    /// <summary>The table's format and file, shared by the sweep and its merge.</summary>
    private sealed class TableOptions
    {
        private readonly Option<string> format = new("--format") { Description = "table format: csv, json, or html (a page with a plot per figure and the table)", DefaultValueFactory = _ => "csv" };

        public Option<string?> Output { get; } = new("--output", "-o") { Description = "write the table to this file instead of standard output (written whole or not at all)" };

        public void AddTo(Command c)
        {
            c.Options.Add(format);
            c.Options.Add(Output);
        }

        public string Format(ParseResult p) => p.GetValue(format) is "csv" or "json" or "html" ? p.GetValue(format)!
            : throw new PimccError(ExitCode.Usage, "--format", $"unknown table format '{p.GetValue(format)}'", "use csv, json or html");
    }
}
