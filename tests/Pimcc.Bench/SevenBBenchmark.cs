using System.Globalization;

namespace Pimcc.Bench;

/// <summary>
/// Issue 18's goal "hyflexpim and pimllm: a 7B model at context 4096 simulated in ≤ 5 s" as one command: pimllm
/// LLaMA-7B and hyflexpim Mistral-7B (<c>--set system.maxChips=17</c>), each compiled for (C - 64) prompt and 64
/// generated tokens at <c>--positions</c> C, then simulated (<c>pimcc sim</c>), every step in its own pimcc process
/// (<see cref="BenchProcess"/>): one row per step with wall s, CPU s (user + system), peak MiB and, for the compile,
/// out.bin MiB.
///   dotnet run --project tests/Pimcc.Bench -c Release -- seven-b [--context 4096] [--repeat N]
/// </summary>
internal static class SevenBBenchmark
{
    private const int Generated = 64;

    private static readonly (string Target, string Model, string[] Extra)[] Points =
    [
        ("pimllm", "llama-7b", []),
        ("hyflexpim", "mistral-7b", ["--set", "system.maxChips=17"]),
    ];

    public static int Run(string[] args, string root)
    {
        var context = 4096;
        var repeat = 1;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--context" && i + 1 < args.Length) context = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--repeat" && i + 1 < args.Length) repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else
            {
                Console.Error.WriteLine($"seven-b: unknown argument '{args[i]}' (--context C, --repeat N)");
                return 2;
            }
        }
        var dir = Directory.CreateTempSubdirectory("pimcc-bench-7b").FullName;
        var prompt = (context - Generated).ToString(CultureInfo.InvariantCulture);
        Console.WriteLine($"7B models at context {context} ({prompt} prompt + {Generated} generated tokens); cpu s = user + system of the pimcc process");
        Console.WriteLine($"{"target",-10} {"model",-11} {"step",-8} {"exit",4} {"wall s",8} {"cpu s",7} {"peak MiB",9} {"out MiB",8}");
        var failed = 0;
        for (var r = 0; r < repeat; r++)
            foreach (var (target, model, extra) in Points)
            {
                var bin = Path.Combine(dir, $"{model}-{target}.bin");
                var compile = BenchProcess.Run([BenchProcess.Config(root, model), "--target", target, "--prompt-tokens", prompt,
                    "--gen-tokens", Generated.ToString(CultureInfo.InvariantCulture), "--positions", context.ToString(CultureInfo.InvariantCulture), .. extra, "-o", bin]);
                failed += Row(target, model, "compile", compile, File.Exists(bin) ? new FileInfo(bin).Length / 1048576.0 : null);
                if (compile.ExitCode == 0) failed += Row(target, model, "sim", BenchProcess.Run(["sim", bin, "-o", Path.Combine(dir, $"{model}-{target}.json")]), null);
            }
        return failed == 0 ? 0 : 1;
    }

    /// <param name="outMiB">out.bin's size after a compile; null (printed "-") for a simulation, which writes none.</param>
    private static int Row(string target, string model, string step, ChildRun r, double? outMiB)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{target,-10} {model,-11} {step,-8} {r.ExitCode,4} {r.WallSeconds,8:F2} {r.CpuSeconds,7:F2} {r.PeakMiB,9:F1} {(outMiB is { } m ? m.ToString("F2", CultureInfo.InvariantCulture) : "-"),8}"));
        if (r.ExitCode == 0) return 0;
        Console.WriteLine("    " + r.FirstError);
        return 1;
    }
}
