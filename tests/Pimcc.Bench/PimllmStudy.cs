using System.Globalization;

namespace Pimcc.Bench;

/// <summary>
/// PIM-LLM against its TPU-LLM baseline (issue 13) as one command: every model at a few context lengths, compiled and
/// simulated on tpu-llm and pimllm (<see cref="StudyRun"/>), one row each: both decode throughputs and their ratio,
/// both tokens per joule and their ratio, pimllm's GOPS, GOPS/W and words per battery charge, and pimllm's decode
/// latency split (crossbars with ADC/DAC, systolic array with softmax and the LM head, the LM head alone, memory). A context length C is a workload of
/// C - 64 prompt and 64 generated tokens: the last decode step attends over C positions.
///   dotnet run --project tests/Pimcc.Bench -c Release -- pimllm [--contexts 128,512,2048] [--set KEY=V ...] [models...]
/// (<c>--set</c> goes to both targets.)
/// </summary>
internal static class PimllmStudy
{
    private static readonly string[] DefaultModels = ["gpt2-medium", "gpt2-large", "gpt2-xl", "opt-1.3b", "opt-2.7b", "opt-6.7b", "llama-7b"];
    private const int Generated = 64;

    public static int Run(string[] args, string root)
    {
        var contexts = new List<int> { 128, 512, 1024, 2048 };
        var sets = new List<string>();
        var models = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--contexts" && i + 1 < args.Length) contexts = [.. args[++i].Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))];
            else if (args[i] == "--set" && i + 1 < args.Length) sets.AddRange(["--set", args[++i]]);
            else models.Add(args[i]);
        }
        if (models.Count == 0) models.AddRange(DefaultModels);
        var dir = Directory.CreateTempSubdirectory("pimcc-bench-pimllm").FullName;
        Console.WriteLine($"pimllm against tpu-llm ({(sets.Count > 0 ? string.Join(' ', sets) : "the presets")}); context C = (C - {Generated}) prompt + {Generated} generated tokens; ratio = pimllm / tpu-llm");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"model",-12} {"context",7} {"tpu tok/s",10} {"pim tok/s",10} {"speedup",8} {"tpu tok/J",10} {"pim tok/J",10} {"ratio",7} {"pim GOPS",9} {"GOPS/W",8} {"words/5Wh",11} {"xbar",6} {"array",6} {"head",6} {"memory",6}"));
        var failed = 0;
        foreach (var model in models)
            foreach (var context in contexts)
            {
                if (StudyRun.Compare(root, dir, model, context - Generated, Generated, ("tpu-llm", sets.ToArray()), ("pimllm", sets.ToArray())) is not { } c)
                {
                    failed++;
                    continue;
                }
                double F(string name, int report) => StudyRun.Figure(c, name, report) ?? double.NaN;
                var split = F("latency.decode.total", 1);
                double Share(string part) => F($"decode.latency-split.{part}", 1) / split;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{model,-12} {context,7} {F("throughput.decode", 0),10:F2} {F("throughput.decode", 1),10:F2} {F("throughput.decode", 1) / F("throughput.decode", 0),7:F2}x " +
                    $"{F("energy.tokens-per-joule", 0),10:F2} {F("energy.tokens-per-joule", 1),10:F2} {F("energy.tokens-per-joule", 1) / F("energy.tokens-per-joule", 0),6:F2}x " +
                    $"{F("throughput.gops", 1),9:F1} {F("energy.gops-per-watt", 1),8:F1} {F("energy.battery-words", 1),11:N0} " +
                    $"{Share("crossbar"),6:P0} {Share("systolic") + Share("softmax") + Share("lm-head"),6:P0} {Share("lm-head"),6:P0} {Share("memory"),6:P0}"));
            }
        return failed == 0 ? 0 : 1;
    }
}
