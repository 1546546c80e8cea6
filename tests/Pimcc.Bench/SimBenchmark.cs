using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Pimcc.Bench;

/// <summary>
/// Simulation figures per model: each model is compiled first (not timed), then simulated by the built pimcc in its
/// own process, so the peak working set is the simulation's alone. Prints the simulation wall time (as pimcc measures
/// it: load excluded), simulated events (instructions + commands stepped one by one) per second, the events the
/// generation stands for (interpolated steps and closed-form spans included) and the process's peak memory.
///   dotnet run --project tests/Pimcc.Bench -c Release -- sim [--exact] [--all-layers] [--scaling] [--tokens N] [models...]
/// --scaling repeats each model at 1x, 2x and 4x output tokens (N/4, N/2, N; N = 768 by default).
/// </summary>
internal static class SimBenchmark
{
    private static readonly string[] DefaultModels = ["opt-1.3b", "opt-2.7b", "opt-6.7b", "opt-13b", "opt-30b"];

    public static int Run(string[] args, string root, string pimcc)
    {
        var models = new List<string>();
        bool scaling = false, exact = false, allLayers = false;
        var tokens = 768;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--scaling") scaling = true;
            else if (args[i] == "--exact") exact = true;
            else if (args[i] == "--all-layers") allLayers = true;
            else if (args[i] == "--tokens" && i + 1 < args.Length) tokens = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else models.Add(args[i]);
        }
        if (models.Count == 0) models.AddRange(DefaultModels);
        var outDir = Directory.CreateTempSubdirectory("pimcc-bench-sim").FullName;
        int[] outputs = scaling ? [tokens / 4, tokens / 2, tokens] : [tokens];
        Console.WriteLine($"workload: 256 in, output tokens as listed; decode sampling {(exact ? "exact (every step, every layer)" : "adaptive (pimcc sim default)")}; " +
            $"layers {(exact || allLayers ? "all" : "sampled (pimcc sim default)")}; compile not included; 'sim s' excludes loading the binary, 'proc s' is the whole pimcc sim process");
        Console.WriteLine($"{"model",-10} {"out",5} {"steps",5} {"sampled",7} {"sim s",7} {"proc s",7} {"x 1x",6} {"sim events",12} {"M ev/s",7} {"gen events",11} {"peak MiB",9}  latency.total");
        foreach (var model in models)
        {
            var bin = Path.Combine(outDir, model + ".bin");
            var compile = Child(pimcc, [Path.Combine(root, "samples", "hf-configs", model + ".json"), "--target", "hpim", "--gen-tokens", tokens.ToString(CultureInfo.InvariantCulture), "-o", bin]);
            if (compile.ExitCode != 0) { Console.WriteLine($"{model,-10} compile failed: {FirstLine(compile.Err)}"); continue; }
            double first = double.NaN;
            foreach (var m in outputs)
            {
                List<string> simArgs = ["sim", bin, "--gen-tokens", m.ToString(CultureInfo.InvariantCulture), "--format", "json"];
                if (exact) simArgs.Add("--exact");
                if (allLayers) simArgs.AddRange(["--layers", "all"]);
                var sw = Stopwatch.StartNew();
                var r = Child(pimcc, simArgs);
                var process = sw.Elapsed.TotalSeconds;
                if (r.ExitCode != 0) { Console.WriteLine($"{model,-10} {m,5} sim failed: {FirstLine(r.Err)}"); continue; }
                var wall = Figure(r.Err, "pimcc: simulated ", " in ", " s wall time");
                var peak = Figure(r.Err, "pimcc: peak-memory-bytes ", "", "") / 1048576.0;
                using var doc = JsonDocument.Parse(r.Out);
                var stats = doc.RootElement.GetProperty("statistics").EnumerateArray()
                    .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetDouble(), StringComparer.Ordinal);
                var simulated = stats["sim.simulated-items"];
                var steps = stats["sim.decode-steps-simulated"];
                var layerSampled = stats["sim.layer-sampled-runs"];
                var represented = stats["prefill.count.instructions"] + stats["prefill.count.commands"] + stats["decode.count.instructions"] + stats["decode.count.commands"];
                if (double.IsNaN(first)) first = wall;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{model,-10} {m,5} {steps,5} {layerSampled,7} {wall,7:F2} {process,7:F2} {wall / first,6:F2} {simulated,12:E3} {simulated / wall / 1e6,7:F1} {represented,11:E3} {peak,9:F0}  {stats["latency.total"]:G6} s"));
            }
        }
        return 0;
    }

    internal static (int ExitCode, string Out, string Err) Child(string pimcc, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet", [pimcc, .. args]) { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.Environment["PIMCC_REPORT_RESOURCES"] = "1";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }

    /// <summary>The number between <paramref name="after"/> and <paramref name="until"/> on the line starting with <paramref name="prefix"/>.</summary>
    private static double Figure(string text, string prefix, string after, string until)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (line is null) return double.NaN;
        var s = line[prefix.Length..];
        if (after.Length > 0) s = s[(s.LastIndexOf(after, StringComparison.Ordinal) + after.Length)..];
        if (until.Length > 0) s = s[..s.IndexOf(until, StringComparison.Ordinal)];
        return double.Parse(s.Trim(), CultureInfo.InvariantCulture);
    }

    internal static string FirstLine(string err) => err.Split('\n').FirstOrDefault(l => !l.StartsWith("pimcc: peak", StringComparison.Ordinal)) ?? "";
}
