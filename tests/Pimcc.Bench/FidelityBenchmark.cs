using System.Globalization;
using System.Text.Json;

namespace Pimcc.Bench;

/// <summary>
/// The HPIM paper's decode breakdown of OPT-13B (256 in, 1024 out), class by class, against pimcc's: compiles the
/// model for the target (hpim unless --target says otherwise), simulates it (pimcc sim defaults) and prints one
/// Markdown row per class (figure, published value, pimcc, ratio), the table of docs/fidelity.md.
///   dotnet run --project tests/Pimcc.Bench -c Release -- fidelity [--target hpim-jedec]
/// </summary>
internal static class FidelityBenchmark
{
    /// <summary>
    /// Published HPIM figures (Duan et al. 2025, the decode breakdown comparing an A100 with HPIM; ms summed over the
    /// 1024 decode steps), as transcribed in ../shared/spec/calibration.md. The attention figure is the paper's
    /// "effective" one (after overlap with the HBM-PIM side).
    /// </summary>
    private static readonly (string Figure, string Class, double PublishedMs)[] Paper =
    [
        ("QKV generation", "qkv-generation", 1212),
        ("output projection", "output-projection", 395),
        ("FFN", "ffn", 2646),
        ("attention (softmax(Q·Kᵀ)·V)", "attention", 1285),
    ];

    public static int Run(string[] args, string root)
    {
        var target = "hpim";
        for (var i = 0; i < args.Length; i++)
            if (args[i] == "--target" && i + 1 < args.Length) target = args[++i];
        var dir = Directory.CreateTempSubdirectory("pimcc-bench-fidelity").FullName;
        var bin = Path.Combine(dir, "opt-13b.bin");
        var compile = BenchProcess.Run([Path.Combine(root, "samples", "hf-configs", "opt-13b.json"), "--target", target, "--gen-tokens", "1024", "-o", bin]);
        if (compile.ExitCode != 0) { Console.WriteLine($"compile failed: {compile.FirstError}"); return 1; }
        var sim = BenchProcess.Run(["sim", bin, "--format", "json"]);
        if (sim.ExitCode != 0) { Console.WriteLine($"sim failed: {sim.FirstError}"); return 1; }
        using var doc = JsonDocument.Parse(sim.Out);
        var stats = doc.RootElement.GetProperty("statistics").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetDouble(), StringComparer.Ordinal);
        Console.WriteLine($"OPT-13B, 256 in, 1024 out, target {target}, pimcc sim defaults; pimcc = decode.critical-path.<class> (ms summed over the decode steps)");
        Console.WriteLine("| figure | published (HPIM paper) | pimcc | pimcc / published |");
        Console.WriteLine("|---|---:|---:|---:|");
        double paperSum = 0, ourSum = 0;
        foreach (var (figure, cls, published) in Paper)
        {
            var ms = stats[$"decode.critical-path.{cls}"] * 1e3;
            paperSum += published;
            ourSum += ms;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {figure} | {published:F0} ms | {ms:F0} ms | {ms / published:F2} |"));
        }
        var decode = stats["latency.decode.total"] * 1e3;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| the four classes | {paperSum:F0} ms | {ourSum:F0} ms | {ourSum / paperSum:F2} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| decode total (pimcc: every class) | about 5500 ms | {decode:F0} ms | {decode / 5500:F2} |"));
        return 0;
    }
}
