using System.Globalization;
using Pimcc.Diagnostics;

namespace Pimcc.Driver.Sweep;

/// <summary>One point of a sweep: a model compiled for a target at a workload with some <c>--set</c> overrides.</summary>
/// <param name="Number">1-based position in the grid's order.</param>
/// <param name="Workload">"P:G", or "default" (the compile's default workload, fitted to the model).</param>
public sealed record SweepPoint(int Number, string Model, string Target, string Workload, IReadOnlyList<KeyValuePair<string, string>> Sets)
{
    public (int Prompt, int Generated)? Tokens => Workload == SweepGrid.DefaultWorkload ? null : SweepGrid.ParseWorkload(Workload);

    /// <summary>The point's value on an axis of <see cref="SweepGrid.AxisNames"/>.</summary>
    public string ValueOf(string axis) => axis switch
    {
        "model" => Model,
        "target" => Target,
        "workload" => Workload,
        _ => Sets.First(s => s.Key == axis).Value,
    };
}

/// <summary>
/// A parameter axis: a target description key given with <c>--set KEY=V1,V2</c>, or a target flag given as itself
/// (<c>--slc-fraction 0.05,0.2</c>; <see cref="Key"/> then starts with its dashes), and the values it takes.
/// </summary>
public sealed record SetAxis(string Key, IReadOnlyList<string> Values)
{
    /// <summary>True for a target flag (<see cref="Pimcc.Compiler.Targets.TargetFlag"/>), false for a description key.</summary>
    public bool IsFlag => IsFlagKey(Key);

    public static bool IsFlagKey(string key) => key.StartsWith("--", StringComparison.Ordinal);
}

/// <summary>
/// The grid of <c>pimcc sweep</c>: models x targets x workloads x each <c>--set</c> axis. Points are numbered in this
/// order, the last axis varying fastest, so the table's order is the same whatever ran first.
/// </summary>
public sealed record SweepGrid(IReadOnlyList<string> Models, IReadOnlyList<string> Targets, IReadOnlyList<string> Workloads, IReadOnlyList<SetAxis> Sets)
{
    public const string DefaultWorkload = "default";

    /// <summary>Bound on the number of points, so a typo in a range cannot start a million compiles.</summary>
    public const int MaxPoints = 10_000;

    /// <summary>The axes' column names: model, target, workload, then each set key.</summary>
    public IReadOnlyList<string> AxisNames => ["model", "target", "workload", .. Sets.Select(s => s.Key)];

    /// <summary>The values an axis of <see cref="AxisNames"/> takes, in grid order.</summary>
    public IReadOnlyList<string> ValuesOf(string axis) => axis switch
    {
        "model" => Models,
        "target" => Targets,
        "workload" => Workloads,
        _ => Sets.First(s => s.Key == axis).Values,
    };

    public IReadOnlyList<SweepPoint> Points()
    {
        var points = new List<SweepPoint>();
        foreach (var model in Models)
            foreach (var target in Targets)
                foreach (var workload in Workloads)
                    foreach (var sets in Combinations(0))
                        points.Add(new SweepPoint(points.Count + 1, model, target, workload, sets));
        return points;
    }

    private IEnumerable<IReadOnlyList<KeyValuePair<string, string>>> Combinations(int axis)
    {
        if (axis == Sets.Count) { yield return []; yield break; }
        foreach (var value in Sets[axis].Values)
            foreach (var rest in Combinations(axis + 1))
                yield return [new(Sets[axis].Key, value), .. rest];
    }

    /// <summary>Builds the grid from the command line's axes; every mistake is a one-line usage error.</summary>
    /// <param name="sets">Each <c>--set</c> as given: <c>KEY=V1,V2,...</c> (a description key), or <c>--FLAG=V1,V2,...</c>
    /// for a target flag axis (how the command passes the flags it was given, and how a table records them).</param>
    public static SweepGrid From(IReadOnlyList<string> models, IReadOnlyList<string> targets, IReadOnlyList<string> workloads, IReadOnlyList<string> sets)
    {
        if (models.Count == 0) throw new PimccError(ExitCode.Usage, "--model", "a sweep needs at least one model", "e.g. --model samples/hf-configs/opt-125m.json");
        foreach (var w in workloads) if (w != DefaultWorkload) ParseWorkload(w);
        var axes = new List<SetAxis>();
        foreach (var s in sets)
        {
            var eq = s.IndexOf('=');
            var option = s.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? s[..eq] : "--set";
            var example = option == "--set" ? "--set hbm.stacks=1,2,4" : $"{option} V1,V2";
            if (eq <= 0 || eq == s.Length - 1 || (option == "--set" && s.StartsWith('-')))
                throw new PimccError(ExitCode.Usage, option, $"'{s}' is not KEY=V1,V2,...", $"e.g. {example} (a target flag is given as itself: --slc-fraction 0.05,0.2)");
            var key = s[..eq];
            if (axes.Any(a => a.Key == key))
                throw new PimccError(ExitCode.Usage, option, $"'{key}' is given twice", $"list its values once: {example}");
            var values = s[(eq + 1)..].Split(',');
            if (values.Any(v => v.Length == 0) || values.Distinct().Count() != values.Length)
                throw new PimccError(ExitCode.Usage, option, $"'{s[(eq + 1)..]}' has an empty or repeated value", $"e.g. {example}");
            axes.Add(new SetAxis(key, values));
        }
        var grid = new SweepGrid(Distinct("--model", models), targets.Count == 0 ? ["hpim"] : Distinct("--target", targets),
            workloads.Count == 0 ? [DefaultWorkload] : Distinct("--workload", workloads), axes);
        var count = grid.Models.Count * (long)grid.Targets.Count * grid.Workloads.Count * axes.Aggregate(1L, (n, a) => n * a.Values.Count);
        if (count > MaxPoints)
            throw new PimccError(ExitCode.Usage, "pimcc sweep", $"the grid has {count} points, more than {MaxPoints}", "sweep fewer values, or split the grid");
        return grid;
    }

    private static List<string> Distinct(string option, IReadOnlyList<string> values) =>
        values.Distinct().Count() == values.Count ? [.. values]
            : throw new PimccError(ExitCode.Usage, option, $"a value is given twice ({string.Join(", ", values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key))})", "give each value once");

    /// <summary>"P:G": prompt and generated tokens, checked as the compile checks them.</summary>
    public static (int Prompt, int Generated) ParseWorkload(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var p)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var g))
            throw new PimccError(ExitCode.Usage, "--workload", $"'{text}' is not PROMPT:GENERATED", "e.g. --workload 128:128 (or 'default')");
        Pimcc.Sim.RequestedWorkload.CheckCounts(p, g);
        return (p, g);
    }
}
