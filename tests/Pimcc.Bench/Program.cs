using System.Globalization;

namespace Pimcc.Bench;

/// <summary>
/// Benchmarks that print figures (nothing here asserts a timing). Every figure comes from the built pimcc run in its
/// own process (<see cref="BenchProcess"/>): wall time, CPU time (user + system) and peak working set.
///   dotnet run --project tests/Pimcc.Bench -c Release -- compile [--emit bin|ir] [models...]
///   dotnet run --project tests/Pimcc.Bench -c Release -- sim [--exact] [--gap] [--all-layers] [--sampling adaptive|even] [--scaling] [--tokens N] [models...]  (<see cref="SimBenchmark"/>)
///   dotnet run --project tests/Pimcc.Bench -c Release -- kv-curve [--tokens N] [--first F] [--last L] [--stride S] [--layers 1,2,all] [--set KEY=V ...] [model]   (<see cref="KvCurveBenchmark"/>)
///   dotnet run --project tests/Pimcc.Bench -c Release -- asm [--lines N] [model]   (<see cref="AsmBenchmark"/>)
///   dotnet run --project tests/Pimcc.Bench -c Release -- import [--layers N] [model.onnx]   (<see cref="ImportBenchmark"/>)
///   dotnet run --project tests/Pimcc.Bench -c Release -- fidelity [--target T]   (<see cref="FidelityBenchmark"/>)
///   dotnet run --project tests/Pimcc.Bench -c Release -- hbm [--preset P] [--repeat N]   (<see cref="HbmThroughputBenchmark"/>)
///   dotnet run --project tests/Pimcc.Bench -c Release -- speedup [--target hpim] [--baseline a100] [--set KEY=V ...] [models...]   (<see cref="SpeedupStudy"/>)
///   dotnet run --project tests/Pimcc.Bench -c Release -- pimllm [--contexts 128,512,...] [--set KEY=V ...] [models...]   (<see cref="PimllmStudy"/>)
///   dotnet run --project tests/Pimcc.Bench -c Release -- seven-b [--context 4096] [--repeat N]   (<see cref="SevenBBenchmark"/>)
/// </summary>
public static class Program
{
    private static readonly string[] DefaultModels = ["opt-1.3b", "opt-2.7b", "opt-6.7b", "opt-13b", "opt-30b", "llama-3.2-1b"];

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("compile" or "sim" or "kv-curve" or "asm" or "import" or "fidelity" or "hbm" or "speedup" or "pimllm" or "seven-b"))
        {
            Console.Error.WriteLine("usage: pimcc-bench compile [--emit bin|ir] [model ...]\n" +
                "       pimcc-bench sim [--exact] [--gap] [--all-layers] [--sampling adaptive|even] [--scaling] [--tokens N] [model ...]   (models from samples/hf-configs)\n" +
                "       pimcc-bench kv-curve [--tokens N] [--first F] [--last L] [--stride S] [--layers 1,2,all] [--set KEY=V ...] [model]   (decode step latency over kv, docs/simulator.md)\n" +
                "       pimcc-bench asm [--lines N] [model]\n" +
                "       pimcc-bench import [--layers N] [model.onnx]   (default: a generated OPT-350M-shaped export with external data)\n" +
                "       pimcc-bench fidelity [--target T]   (the HPIM paper's OPT-13B decode breakdown against pimcc's, docs/fidelity.md)\n" +
                "       pimcc-bench hbm [--preset P] [--repeat N]   (HBM command throughput of the DRAM timing engine, docs/simulator.md)\n" +
                "       pimcc-bench speedup [--target hpim] [--baseline a100] [--set KEY=V ...] [model ...]   (the HPIM paper's speedup over A100)\n" +
                "       pimcc-bench pimllm [--contexts 128,512,...] [--set KEY=V ...] [model ...]   (PIM-LLM against TPU-LLM per context length)\n" +
                "       pimcc-bench seven-b [--context 4096] [--repeat N]   (pimllm LLaMA-7B and hyflexpim Mistral-7B compiled and simulated: issue 18's 7B goal)");
            return 2;
        }
        var root = BenchProcess.FindRoot();
        Console.Error.WriteLine($"pimcc-bench: child processes run {BenchProcess.Pimcc}");
        if (args[0] == "sim") return SimBenchmark.Run(args[1..], root);
        if (args[0] == "kv-curve") return KvCurveBenchmark.Run(args[1..], root);
        if (args[0] == "asm") return AsmBenchmark.Run(args[1..], root);
        if (args[0] == "import") return ImportBenchmark.Run(args[1..], root);
        if (args[0] == "fidelity") return FidelityBenchmark.Run(args[1..], root);
        if (args[0] == "hbm") return HbmThroughputBenchmark.Run(args[1..]);
        if (args[0] == "speedup") return SpeedupStudy.Run(args[1..], root);
        if (args[0] == "pimllm") return PimllmStudy.Run(args[1..], root);
        if (args[0] == "seven-b") return SevenBBenchmark.Run(args[1..], root);
        var emit = "bin";
        var models = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--emit" && i + 1 < args.Length) emit = args[++i];
            else models.Add(args[i]);
        }
        if (models.Count == 0) models.AddRange(DefaultModels);
        var outDir = Directory.CreateTempSubdirectory("pimcc-bench").FullName;
        Console.WriteLine($"{"model",-14} {"exit",4} {"wall s",8} {"cpu s",7} {"peak MiB",9} {"output MiB",11}  workload (256 in, 768 out), --emit {emit}; cpu s = user + system of the pimcc process");
        foreach (var model in models)
        {
            var output = Path.Combine(outDir, model + (emit == "ir" ? ".pimir" : ".bin"));
            var r = BenchProcess.Run([BenchProcess.Config(root, model), "--target", "hpim", "--emit", emit, "-o", output]);
            var size = File.Exists(output) ? new FileInfo(output).Length / 1048576.0 : double.NaN;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{model,-14} {r.ExitCode,4} {r.WallSeconds,8:F2} {r.CpuSeconds,7:F2} {r.PeakMiB,9:F1} {size,11:F2}"));
            if (r.ExitCode != 0) Console.WriteLine("    " + r.FirstError);
        }
        return 0;
    }
}
