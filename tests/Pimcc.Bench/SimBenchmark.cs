using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pimcc.Bench;

/// <summary>
/// Simulation figures per model: each model is compiled first (not timed), then simulated by the built pimcc in its
/// own process, so the peak working set is the simulation's alone. Prints the simulation wall time (as pimcc measures
/// it: load excluded), the process's wall and CPU time (user + system), simulated events (instructions + commands
/// stepped one by one) per second of simulation, the events the generation stands for (interpolated steps and
/// closed-form spans included) and the process's peak memory.
///   dotnet run --project tests/Pimcc.Bench -c Release -- sim [--exact] [--gap] [--all-layers] [--sampling adaptive|even] [--scaling] [--tokens N] [models...]
/// --scaling repeats each model at 1x, 2x and 4x output tokens (N/4, N/2, N; N = 768 by default) and at 1/4, 1/2 and
/// all of its decoder layers (a copy of its config with fewer layers), and prints the least-squares line of process
/// CPU time over tokens and over layers (slope, intercept, R^2). --gap simulates each model both ways (sampled, the
/// default, and --exact) and prints the gap of latency.total and energy.total; --sampling even runs the sampled side
/// with `pimcc sim --sampling even` instead of the default (adaptive).
/// </summary>
internal static class SimBenchmark
{
    private static readonly string[] DefaultModels = ["opt-1.3b", "opt-2.7b", "opt-6.7b", "opt-13b", "opt-30b"];

    private sealed record Point(string Model, int Layers, int Tokens, ChildRun Run, Dictionary<string, double> Stats);

    public static int Run(string[] args, string root)
    {
        var models = new List<string>();
        bool scaling = false, exact = false, allLayers = false, gap = false;
        var sampling = "adaptive";
        var tokens = 768;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--scaling") scaling = true;
            else if (args[i] == "--exact") exact = true;
            else if (args[i] == "--gap") gap = true;
            else if (args[i] == "--all-layers") allLayers = true;
            else if (args[i] == "--sampling" && i + 1 < args.Length) sampling = args[++i];
            else if (args[i] == "--tokens" && i + 1 < args.Length) tokens = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else models.Add(args[i]);
        }
        if (models.Count == 0) models.AddRange(DefaultModels);
        var outDir = Directory.CreateTempSubdirectory("pimcc-bench-sim").FullName;
        Console.WriteLine($"workload: 256 in, output tokens as listed; decode sampling {(exact ? "exact (every step, every layer)" : sampling == "adaptive" ? "adaptive (pimcc sim default)" : sampling)}; " +
            $"layers {(exact || allLayers ? "all" : "sampled (pimcc sim default)")}; compile not included; 'sim s' excludes loading the binary, 'proc s' and 'cpu s' " +
            "are the whole pimcc sim process (cpu = user + system over all threads)");
        Console.WriteLine($"{"model",-10} {"layers",6} {"out",5} {"steps",5} {"sampled",7} {"sim s",7} {"proc s",7} {"cpu s",7} {"sim events",12} {"M ev/s",7} {"gen events",11} {"peak MiB",9}  latency.total");
        foreach (var model in models)
        {
            var config = BenchProcess.Config(root, model);
            var layers = JsonNode.Parse(File.ReadAllText(config))!["num_hidden_layers"]!.GetValue<int>();
            var byTokens = new List<Point>();
            foreach (var m in scaling ? new[] { tokens / 4, tokens / 2, tokens } : [tokens])
                if (Simulate(model, config, layers, tokens, m, exact, allLayers, sampling, outDir) is { } p) byTokens.Add(p);
            if (gap && !exact && byTokens.Count > 0 && Simulate(model, config, layers, tokens, tokens, exact: true, allLayers, sampling, outDir) is { } e)
            {
                var s = byTokens[^1].Stats;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{"",-10} gap to --exact: latency.total {Gap(s, e.Stats, "latency.total"):+0.000;-0.000}%, energy.total {Gap(s, e.Stats, "energy.total"):+0.000;-0.000}% (sampled {s["latency.total"]:G7} s, exact {e.Stats["latency.total"]:G7} s)"));
            }
            if (!scaling) continue;
            var byLayers = new List<Point>();
            foreach (var l in new[] { layers / 4, layers / 2 }.Where(l => l > 0).Distinct())
                if (Simulate(model, LayerCopy(config, l, outDir), l, tokens, tokens, exact, allLayers, sampling, outDir) is { } p) byLayers.Add(p);
            if (byTokens.Count > 0) byLayers.Add(byTokens[^1]);
            Fit(model, "output tokens", byTokens, p => p.Tokens);
            Fit(model, "layers", byLayers, p => p.Layers);
        }
        return 0;
    }

    private static Point? Simulate(string model, string config, int layers, int compiledTokens, int tokens, bool exact, bool allLayers, string sampling, string outDir)
    {
        var bin = Path.Combine(outDir, $"{model}-{layers}l-{compiledTokens}.bin");
        if (!File.Exists(bin))
        {
            var compile = BenchProcess.Run([config, "--target", "hpim", "--gen-tokens", compiledTokens.ToString(CultureInfo.InvariantCulture), "-o", bin]);
            if (compile.ExitCode != 0) { Console.WriteLine($"{model,-10} compile failed: {compile.FirstError}"); return null; }
        }
        List<string> simArgs = ["sim", bin, "--gen-tokens", tokens.ToString(CultureInfo.InvariantCulture), "--format", "json"];
        if (exact) simArgs.Add("--exact");
        else simArgs.AddRange(["--sampling", sampling]);
        if (allLayers) simArgs.AddRange(["--layers", "all"]);
        var r = BenchProcess.Run(simArgs);
        if (r.ExitCode != 0) { Console.WriteLine($"{model,-10} {tokens,5} sim failed: {r.FirstError}"); return null; }
        var wall = BenchProcess.Figure(r.Err, "pimcc: simulated ", " in ", " s wall time");
        using var doc = JsonDocument.Parse(r.Out);
        var stats = doc.RootElement.GetProperty("statistics").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetDouble(), StringComparer.Ordinal);
        var simulated = stats["sim.simulated-items"];
        var represented = stats["prefill.count.instructions"] + stats["prefill.count.commands"] + stats["decode.count.instructions"] + stats["decode.count.commands"];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{model,-10} {layers,6} {tokens,5} {stats["sim.decode-steps-simulated"],5} {stats["sim.layer-sampled-runs"],7} {wall,7:F2} {r.WallSeconds,7:F2} {r.CpuSeconds,7:F2} {simulated,12:E3} {simulated / wall / 1e6,7:F1} {represented,11:E3} {r.PeakMiB,9:F0}  {stats["latency.total"]:G6} s"));
        return new Point(model, layers, tokens, r, stats);
    }

    private static double Gap(Dictionary<string, double> sampled, Dictionary<string, double> exact, string name) =>
        (sampled[name] - exact[name]) / exact[name] * 100;

    /// <summary>The model's config with <paramref name="layers"/> decoder layers, written beside the binaries.</summary>
    private static string LayerCopy(string config, int layers, string outDir)
    {
        var json = JsonNode.Parse(File.ReadAllText(config))!;
        json["num_hidden_layers"] = layers;
        var path = Path.Combine(outDir, $"{Path.GetFileNameWithoutExtension(config)}-{layers}l.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static void Fit(string model, string axis, List<Point> points, Func<Point, int> x)
    {
        if (points.Count < 2) return;
        var f = LinearFit.Of(points.Select(p => (double)x(p)).ToList(), points.Select(p => p.Run.CpuSeconds).ToList());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{model,-10} cpu s over {axis} ({string.Join(", ", points.Select(x))}): slope {f.Slope:G4} s per {axis.TrimEnd('s')}, intercept {f.Intercept:F2} s, R^2 {f.RSquared:F4}"));
    }
}
