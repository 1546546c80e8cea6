using System.Text.Json;
using Pimcc.Diagnostics;
using Pimcc.Driver.Commands;
using Pimcc.Driver.Progress;
using Pimcc.Sim;
using Pimcc.Sim.Units;
using Pimcc.Targets;

namespace Pimcc.Driver.Sweep;

/// <summary>What one point gave: its figures when it simulated, otherwise the exit code and the one-line diagnostic it
/// failed with (and no figure).</summary>
/// <param name="Figures">Statistic name -> the report's figure.</param>
/// <param name="Notes">What compiling and simulating it printed on stderr (notes, e.g. a fitted default workload).</param>
/// <summary>A statistic of a report: its JSON number as written (so the table repeats it exactly) and its unit.</summary>
public sealed record Figure(string Value, string Unit);

public sealed record SweepOutcome(SweepPoint Point, int ExitCode, string? Error, int? PromptTokens, int? GeneratedTokens,
    IReadOnlyDictionary<string, Figure> Figures, string Notes)
{
    public bool Simulated => ExitCode == 0;
}

/// <summary>
/// Runs a sweep's points: each is compiled and simulated (the timing report, default sampling unless exact) in this
/// process, at most <c>jobs</c> at a time. A point's failure is recorded with its exit code; the others go on.
/// </summary>
public static class SweepRunner
{
    /// <summary>The figures a sweep table gives by default (names in the simulator report, docs/simulator.md).</summary>
    public static readonly IReadOnlyList<string> DefaultStatistics =
        ["latency.total", "latency.ttft", "latency.decode.mean", "throughput.decode", "energy.total", "energy.tokens-per-joule", "power.average"];

    /// <param name="checkpoint">When given, points it holds are not run again and each finished point is kept in it.</param>
    /// <param name="timings">Simulations shared with other runs in this process (<see cref="TimingMemo"/>); null: none.</param>
    public static IReadOnlyList<SweepOutcome> Run(IReadOnlyList<SweepPoint> points, IReadOnlyList<string> statistics, int jobs, bool exact, ProgressDisplay progress,
        SweepCheckpoint? checkpoint = null, TimingMemo? timings = null)
    {
        var outcomes = new SweepOutcome[points.Count];
        var todo = new List<int>();
        for (var i = 0; i < points.Count; i++)
            if (checkpoint?.Done.GetValueOrDefault(points[i].Number) is { } kept) outcomes[i] = kept;
            else todo.Add(i);
        progress.Run(stages =>
        {
            var resumed = points.Count - todo.Count;
            var bar = stages.Stage($"sweeping {points.Count} points, {jobs} at a time" + (resumed > 0 ? $" ({resumed} from the checkpoint)" : ""), points.Count);
            var done = resumed;
            bar.Update(done, points.Count);
            Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
            {
                outcomes[i] = RunPoint(points[i], statistics, exact, timings);
                checkpoint?.Keep(outcomes[i]);
                bar.Update(Interlocked.Increment(ref done), points.Count);
            });
            return 0;
        });
        return outcomes;
    }

    public static SweepOutcome RunPoint(SweepPoint point, IReadOnlyList<string> statistics, bool exact, TimingMemo? timings = null)
    {
        var notes = new StringWriter();
        var requested = point.Tokens;
        try
        {
            var isFile = TargetLoader.LooksLikePath(point.Target);
            if (isFile) InputFile.Check(point.Target, InputKind.TargetDescription);
            var settings = new CompileSettings(isFile ? "" : point.Target, null, "bin", requested?.Prompt ?? 256, requested?.Generated ?? 768,
                null, [], [], false, false, isFile ? point.Target : null, [.. point.Sets.Where(s => !SetAxis.IsFlagKey(s.Key)).Select(s => $"{s.Key}={s.Value}")])
            { WorkloadDefaulted = requested is null, TargetFlags = [.. point.Sets.Where(s => SetAxis.IsFlagKey(s.Key))] };
            var bin = CompileCommand.CompileBinary(point.Model, settings, new ConsoleIo(TextWriter.Null, notes));
            var (prompt, generated) = RequestedWorkload.ForTiming(bin, point.Model, null, null);
            var (simulator, target) = SimulatorTargets.For(bin, point.Model);
            var outcome = TimingMemo.Simulate(timings, simulator, bin, target, point.Model, new TimingRequest(prompt, generated)
            {
                Sampling = exact ? DecodeSampling.Exact : DecodeSampling.Adaptive,
                SampleLayers = !exact,
            });
            return new SweepOutcome(point, 0, null, prompt, generated, Figures(outcome.ReportJson, statistics, point), notes.ToString());
        }
        catch (PimccError e)
        {
            return Failed(point, (int)e.Code, e.OneLine, notes);
        }
        catch (Exception e)
        {
            return Failed(point, (int)ExitCode.InternalError,
                $"pimcc: internal error: {e.GetType().Name}: {e.Message.Replace('\n', ' ')} (hint: this is a pimcc bug; rerun the point with 'pimcc run' and PIMCC_DEBUG=1)", notes);
        }
    }

    private static SweepOutcome Failed(SweepPoint point, int code, string error, StringWriter notes) =>
        new(point, code, error, point.Tokens?.Prompt, point.Tokens?.Generated, new Dictionary<string, Figure>(), notes.ToString());

    /// <summary>The requested statistics of a report (<c>pimcc-sim-report/1</c>), each as its JSON number text.</summary>
    private static Dictionary<string, Figure> Figures(byte[] reportJson, IReadOnlyList<string> statistics, SweepPoint point)
    {
        using var doc = JsonDocument.Parse(reportJson);
        var all = doc.RootElement.GetProperty("statistics").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!,
            s => new Figure(s.GetProperty("value").GetRawText(), s.GetProperty("unit").GetString() ?? ""), StringComparer.Ordinal);
        var figures = new Dictionary<string, Figure>(StringComparer.Ordinal);
        foreach (var name in statistics)
            figures[name] = all.TryGetValue(name, out var v) ? v
                : throw new PimccError(ExitCode.Usage, "--stat", $"the report of point {point.Number} has no statistic '{name}'",
                    "see the names in 'pimcc sim --format csv' (e.g. latency.total, energy.total)");
        return figures;
    }
}
