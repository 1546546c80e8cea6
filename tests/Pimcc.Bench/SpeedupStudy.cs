using System.Globalization;
using Pimcc.Reports;

namespace Pimcc.Bench;

/// <summary>
/// The HPIM paper's speedup-over-A100 study as one command: every model at (256, 1), (256, 8), (256, 512) and
/// (256, 768) prompt and generated tokens, compiled and simulated (<c>pimcc run --format json</c>) on the PIM target
/// and on the GPU baseline, then compared (<see cref="ReportComparison"/>, what <c>pimcc compare</c> prints). Prints
/// one row per model and workload: both latencies, the speedup and energy ratio (baseline / PIM), and the decode
/// speedup per operator class.
///   dotnet run --project tests/Pimcc.Bench -c Release -- speedup [--target hpim] [--baseline a100] [--set KEY=V ...] [models...]
/// (<c>--set</c> goes to the baseline, e.g. <c>--set overhead.enabled=true</c> for LLMCompass's overheads.)
/// </summary>
internal static class SpeedupStudy
{
    private static readonly string[] DefaultModels = ["opt-350m", "opt-1.3b", "opt-2.7b", "opt-6.7b", "opt-13b", "opt-30b"];
    private static readonly (int Prompt, int Generated)[] Workloads = [(256, 1), (256, 8), (256, 512), (256, 768)];
    private static readonly string[] Classes = ["qkv-generation", "attention", "output-projection", "ffn"];

    public static int Run(string[] args, string root)
    {
        string target = "hpim", baseline = "a100";
        var sets = new List<string>();
        var models = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--target" && i + 1 < args.Length) target = args[++i];
            else if (args[i] == "--baseline" && i + 1 < args.Length) baseline = args[++i];
            else if (args[i] == "--set" && i + 1 < args.Length) sets.AddRange(["--set", args[++i]]);
            else models.Add(args[i]);
        }
        if (models.Count == 0) models.AddRange(DefaultModels);
        var dir = Directory.CreateTempSubdirectory("pimcc-bench-speedup").FullName;
        Console.WriteLine($"speedup of {target} over {baseline} ({(sets.Count > 0 ? string.Join(' ', sets) : "baseline as its preset")}); ratio = {baseline} / {target}");
        Console.Write($"{"model",-10} {"workload",9} {baseline + " s",12} {target + " s",12} {"speedup",8} {"energy",8}");
        foreach (var c in Classes) Console.Write($" {c,17}");
        Console.WriteLine();
        var failed = 0;
        foreach (var model in models)
            foreach (var (prompt, generated) in Workloads)
            {
                if (StudyRun.Compare(root, dir, model, prompt, generated, (baseline, sets.ToArray()), (target, [])) is not { } c)
                {
                    failed++;
                    continue;
                }
                string Cell(string name, bool ratio)
                {
                    var f = c.Figures.FirstOrDefault(x => x.Name == name);
                    var v = f is null ? null : ratio ? f.Ratios[1] : f.Values[0];
                    return v is { } x ? x.ToString(ratio ? "0.00" : "0.0000", CultureInfo.InvariantCulture) + (ratio ? "x" : "") : "-";
                }
                string Pim(string name) => c.Figures.FirstOrDefault(x => x.Name == name)?.Values[1] is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";
                Console.Write($"{model,-10} {$"{prompt}:{generated}",9} {Cell("latency.total", false),12} {Pim("latency.total"),12} {Cell("latency.total", true),8} {Cell("energy.total", true),8}");
                foreach (var cls in Classes) Console.Write($" {Cell("decode.critical-path." + cls, true),17}");
                Console.WriteLine();
            }
        return failed == 0 ? 0 : 1;
    }
}
