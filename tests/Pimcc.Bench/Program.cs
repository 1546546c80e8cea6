using System.Diagnostics;
using System.Globalization;

namespace Pimcc.Bench;

/// <summary>
/// Prints compile figures per model: wall time, peak memory of the pimcc process, output size.
/// Each model is compiled in its own process (the built pimcc), so figures do not mix.
///   dotnet run --project tests/Pimcc.Bench -c Release -- compile [--emit bin|ir] [models...]
/// Simulation figures: see <see cref="SimBenchmark"/> (<c>sim</c>); the speedup-over-A100 study: <see cref="SpeedupStudy"/> (<c>speedup</c>).
/// </summary>
public static class Program
{
    private static readonly string[] DefaultModels = ["opt-1.3b", "opt-2.7b", "opt-6.7b", "opt-13b", "opt-30b", "llama-3.2-1b"];

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("compile" or "sim" or "speedup"))
        {
            Console.Error.WriteLine("usage: pimcc-bench compile [--emit bin|ir] [model ...]\n       pimcc-bench sim [--exact] [--all-layers] [--scaling] [--tokens N] [model ...]\n" +
                "       pimcc-bench speedup [--target hpim] [--baseline a100] [--set KEY=V ...] [model ...]   (models from samples/hf-configs)");
            return 2;
        }
        if (args[0] == "speedup") return SpeedupStudy.Run(args[1..], FindRoot());
        if (args[0] == "sim") return SimBenchmark.Run(args[1..], FindRoot(), Path.Combine(AppContext.BaseDirectory, "pimcc.dll"));
        var emit = "bin";
        var models = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--emit" && i + 1 < args.Length) emit = args[++i];
            else models.Add(args[i]);
        }
        if (models.Count == 0) models.AddRange(DefaultModels);
        var root = FindRoot();
        var pimcc = Path.Combine(AppContext.BaseDirectory, "pimcc.dll");
        var outDir = Directory.CreateTempSubdirectory("pimcc-bench").FullName;
        Console.WriteLine($"{"model",-14} {"exit",4} {"wall s",8} {"peak MiB",9} {"output MiB",11}  workload (256 in, 768 out), --emit {emit}");
        foreach (var model in models)
        {
            var output = Path.Combine(outDir, model + (emit == "ir" ? ".pimir" : ".bin"));
            var psi = new ProcessStartInfo("dotnet", [pimcc, Path.Combine(root, "samples", "hf-configs", model + ".json"),
                "--target", "hpim", "--emit", emit, "-o", output])
            { RedirectStandardError = true, RedirectStandardOutput = true };
            psi.Environment["PIMCC_REPORT_RESOURCES"] = "1";
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            sw.Stop();
            var peak = err.Split('\n').FirstOrDefault(l => l.StartsWith("pimcc: peak-memory-bytes ", StringComparison.Ordinal));
            var peakMiB = peak is null ? double.NaN : long.Parse(peak["pimcc: peak-memory-bytes ".Length..], CultureInfo.InvariantCulture) / 1048576.0;
            var size = File.Exists(output) ? new FileInfo(output).Length / 1048576.0 : double.NaN;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{model,-14} {p.ExitCode,4} {sw.Elapsed.TotalSeconds,8:F2} {peakMiB,9:F1} {size,11:F2}"));
            if (p.ExitCode != 0) Console.WriteLine("    " + err.Split('\n').First(l => !l.StartsWith("pimcc: peak", StringComparison.Ordinal)));
        }
        return 0;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Toolchain.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
