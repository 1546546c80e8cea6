using System.Diagnostics;
using System.Globalization;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Import;

namespace Pimcc.Bench;

/// <summary>
/// Import figures of a large ONNX export with external data (issue 14, "Real weights"): generates an OPT-350M-shaped
/// export (<c>generate-opt350m.py</c>, Debian's python3-torch and python3-onnx; model.onnx + model.onnx.data) into a
/// temporary folder, or takes a given model, then times the ONNX frontend in this process, phase by phase: reading
/// and decoding the file (external data included), shape inference and folding, raising to the IR. Prints each
/// phase's wall time and the process's peak working set after it.
///   dotnet run --project tests/Pimcc.Bench -c Release -- import [--layers N] [model.onnx]
/// </summary>
internal static class ImportBenchmark
{
    public static int Run(string[] args, string root)
    {
        string? model = null;
        var layers = "24";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--layers" && i + 1 < args.Length) layers = args[++i];
            else model = args[i];
        }
        if (model is null)
        {
            var dir = Directory.CreateTempSubdirectory("pimcc-bench-import").FullName;
            var psi = new ProcessStartInfo("/usr/bin/python3", [Path.Combine(root, "tests", "Pimcc.Bench", "generate-opt350m.py"), dir, "--layers", layers])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var said = p.StandardOutput.ReadToEnd();
            var err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                Console.Error.WriteLine($"generate-opt350m.py failed (exit {p.ExitCode}): {err.Trim().Split('\n')[^1]}");
                return 1;
            }
            Console.Write(said);
            model = Path.Combine(dir, "model.onnx");
        }
        var bytes = Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(model))!).Sum(f => new FileInfo(f).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model}: {bytes / 1048576.0:F0} MiB on disk (model and data files)"));
        Console.WriteLine($"{"phase",-38} {"wall s",8} {"peak MiB",9}");
        var proc = Process.GetCurrentProcess();
        // Each phase starts from a collected heap; the peak working set is the process's so far (phases grow).
        T Phase<T>(string phase, Func<T> run)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var result = run();
            proc.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase,-38} {sw.Elapsed.TotalSeconds,8:F2} {proc.PeakWorkingSet64 / 1048576.0,9:F0}"));
            return result;
        }
        Phase("read + decode (external data)", () => OnnxModelLoader.Load(model).Graph.Initializers.Count);
        Phase("read, shape inference, folding", () => OnnxPreparedGraph.Load(model).Graph.Nodes.Count);
        var (module, report) = Phase("whole frontend (read, prepare, raise)", () => OnnxFrontend.LoadWithReport(model, new OnnxWorkload(256, 768)));
        Console.WriteLine($"raised: {report.Raised}, {module.Weights.Length} weights, {module.Weights.Sum(w => (long)w.Data.Length) / 1048576.0:F0} MiB of weight data in the IR");
        return report.Raised ? 0 : 1;
    }
}
