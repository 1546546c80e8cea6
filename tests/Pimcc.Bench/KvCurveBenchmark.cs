using System.Globalization;
using Pimcc.Hpim.Sim;
using Pimcc.Isa.Container;

namespace Pimcc.Bench;

/// <summary>
/// The kv curve of a model's decode step (docs/simulator.md, "Fast paths" 3, what the staircase is): the model is compiled
/// for hpim (256 in, <c>--tokens</c> out, the <c>--set</c> overrides, e.g. <c>hbm.timing.nREFI=100000000</c> for a machine
/// without refreshes), then decode steps <c>--first</c>, <c>--first + --stride</c>, ... up to <c>--last</c> are simulated
/// in this process, each with every layer count of <c>--layers</c> (<c>all</c>: the whole program). Prints one line per
/// step: the step, kv, the makespan of each run (us) and, when 1 and 2 layers ran, the whole step extrapolated from them,
/// X(1) + (N - 1)(X(2) - X(1)); then the mean of each column over the steps. With every step whole (<c>--first 0
/// --stride 1 --layers all</c>, or with other counts beside <c>all</c>), the decode schedules replayed on the curve
/// (<see cref="ScheduleReplay"/>).
///   pimcc-bench kv-curve [--tokens N] [--first F] [--last L] [--stride S] [--layers 1,2,all] [--set KEY=V ...] [model]
///   pimcc-bench kv-curve --replay CURVE.txt   (the schedules replayed on a curve this command printed before)
/// </summary>
internal static class KvCurveBenchmark
{
    private const int Prompt = 256;

    public static int Run(string[] args, string root)
    {
        var model = "opt-1.3b";
        int tokens = 768, first = 4, last = -1, stride = 8;
        var layers = "1,2,all";
        var sets = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--tokens" && i + 1 < args.Length) tokens = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--first" && i + 1 < args.Length) first = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--last" && i + 1 < args.Length) last = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--stride" && i + 1 < args.Length) stride = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--layers" && i + 1 < args.Length) layers = args[++i];
            else if (args[i] == "--set" && i + 1 < args.Length) sets.AddRange(["--set", args[++i]]);
            else if (args[i] == "--replay" && i + 1 < args.Length) return Replay(args[++i]);
            else model = args[i];
        }
        if (last < 0) last = tokens - 1;
        var bin = Path.Combine(Directory.CreateTempSubdirectory("pimcc-bench-kv").FullName, model + ".bin");
        var compile = BenchProcess.Run([BenchProcess.Config(root, model), "--target", "hpim", "--prompt-tokens", Prompt.ToString(CultureInfo.InvariantCulture),
            "--gen-tokens", tokens.ToString(CultureInfo.InvariantCulture), .. sets, "-o", bin]);
        if (compile.ExitCode != 0) { Console.WriteLine($"{model} compile failed: {compile.FirstError}"); return 1; }

        var binary = PimBinaryReader.ReadFile(bin);
        var sim = new HpimSimulator(binary, bin);
        var entry = ProgramEntries.FromBinary(binary, "decode");
        var whole = entry.Layers?.Count;
        var counts = layers.Split(',').Select(s => s == "all" ? (int?)null : int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var steps = new List<int>();
        for (var s = first; s <= last; s += stride) steps.Add(s);
        var runs = steps.SelectMany(s => counts.Select(l => new ProgramRun(entry, ProgramRegisters.Decode(Prompt, s), l))).ToList();
        var results = sim.RunAll(runs);

        var extrapolate = whole is { } n && counts.Contains(1) && counts.Contains(2);
        Console.WriteLine($"{model}: {Prompt} in, {tokens} out{(sets.Count > 0 ? ", " + string.Join(' ', sets) : "")}; decode declares {whole?.ToString(CultureInfo.InvariantCulture) ?? "no"} layers; makespan in us");
        Console.WriteLine($"{"step",5} {"kv",5} " + string.Join(' ', counts.Select(l => $"{(l is { } c ? c + " layers" : "all"),10}")) + (extrapolate ? $" {"from 1, 2",10}" : ""));
        var sums = new double[counts.Count + 1];
        for (var i = 0; i < steps.Count; i++)
        {
            var row = Enumerable.Range(0, counts.Count).Select(c => results[i * counts.Count + c].MakespanPs / 1e6).ToList();
            if (extrapolate) row.Add(row[counts.IndexOf(1)] + (whole!.Value - 1) * (row[counts.IndexOf(2)] - row[counts.IndexOf(1)]));
            for (var c = 0; c < row.Count; c++) sums[c] += row[c];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{steps[i],5} {Prompt + steps[i],5} ") + string.Join(' ', row.Select(x => x.ToString("F3", CultureInfo.InvariantCulture).PadLeft(10))));
        }
        Console.WriteLine($"{"mean",11} " + string.Join(' ', sums.Take(counts.Count + (extrapolate ? 1 : 0)).Select(x => (x / Math.Max(1, steps.Count)).ToString("F3", CultureInfo.InvariantCulture).PadLeft(10))));
        // Every step of the generation run whole: the schedules can be replayed on it.
        if (first == 0 && stride == 1 && last == tokens - 1 && counts.IndexOf(null) is var all and >= 0)
            ScheduleReplay.Print([.. steps.Select((_, i) => results[i * counts.Count + all].MakespanPs)]);
        return 0;
    }

    /// <summary>Replays the schedules on the <c>all</c> column of a curve printed by an earlier run (every step from 0, in order).</summary>
    private static int Replay(string path)
    {
        int? column = null;
        var curve = new List<long>();
        foreach (var line in File.ReadLines(path))
        {
            var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (t.Length > 2 && t[0] == "step") column = AllColumn(t);
            else if (column is { } col && t.Length > col && int.TryParse(t[0], NumberStyles.None, CultureInfo.InvariantCulture, out var step))
            {
                if (step != curve.Count) { Console.WriteLine($"{path}: step {step} where step {curve.Count} was expected (replay needs --first 0 --stride 1)"); return 1; }
                curve.Add((long)Math.Round(double.Parse(t[col], CultureInfo.InvariantCulture) * 1e6));
            }
        }
        if (curve.Count == 0) { Console.WriteLine($"{path}: no curve with an 'all' column (run kv-curve with --layers ...,all)"); return 1; }
        ScheduleReplay.Print(curve);
        return 0;
    }

    /// <summary>The value column of <c>all</c> in a header line: after step and kv, one column per "N layers" or "all" label.</summary>
    private static int? AllColumn(string[] header)
    {
        var column = 2;
        for (var i = 2; i < header.Length; column++)
        {
            if (header[i] == "all") return column;
            if (i + 1 < header.Length && header[i + 1] == "layers") i += 2;
            else return null;
        }
        return null;
    }
}
