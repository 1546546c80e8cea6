using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;

namespace Pimcc.Sim;

/// <summary>
/// The workload a simulation runs, checked against the one the binary was compiled for (docs/simulator.md,
/// "Workload"): by default the compiled one; fewer prompt or generated tokens are allowed, more are refused
/// (<see cref="ExitCode.WorkloadExceedsCompiled"/>). A binary that records no workload (format 1.3 or older, or
/// assembled without <c>.workload</c>) is simulated for timing only when both counts are given, and never on values.
/// </summary>
public static class RequestedWorkload
{
    /// <summary>
    /// Sanity bound on a workload (prompt plus generated tokens): 2^20, beyond the context window of the models pimcc
    /// compiles (OPT 2,048, Llama 3.2 131,072 positions). Larger numbers are typing mistakes; they would overflow the
    /// cost model's sizes long before any target could hold their KV cache.
    /// </summary>
    public const int MaxTokens = 1 << 20;

    /// <summary>Prompt and generated tokens for a timing run: the given counts (null = the compiled ones), checked.</summary>
    public static (int Prompt, int Generated) ForTiming(PimBinary bin, string name, int? prompt, int? generated)
    {
        CheckCounts(prompt, generated);
        if (bin.Workload is not { } w)
        {
            if (prompt is { } p && generated is { } g) return (p, g);
            throw NoWorkload(name, "pass both --prompt-tokens and --gen-tokens to simulate it anyway");
        }
        var run = (prompt ?? w.PromptTokens, generated ?? w.GeneratedTokens);
        CheckWithin(w, name, run.Item1, run.Item2);
        return run;
    }

    /// <summary>
    /// <see cref="ForTiming"/> for a binary whose prefill program was compiled for exactly its prompt
    /// (<paramref name="compiledFor"/> says what fixes it): another prompt is a usage error.
    /// </summary>
    public static (int Prompt, int Generated) ForTimingOfCompiledPrompt(PimBinary bin, string name, int? prompt, int? generated, string compiledFor)
    {
        var run = ForTiming(bin, name, prompt, generated);
        if (bin.Workload is { } w && run.Prompt != w.PromptTokens)
            throw new PimccError(ExitCode.Usage, $"{name}: prompt", $"{run.Prompt} prompt tokens; {compiledFor} for exactly {w.PromptTokens}",
                $"simulate {w.PromptTokens} prompt tokens or recompile with --prompt-tokens {run.Prompt}");
        return run;
    }

    /// <summary>
    /// A functional run of <paramref name="prompt"/> tokens and <paramref name="decodeSteps"/> decode steps: refused
    /// up front unless the binary records its workload and the run stays within it.
    /// </summary>
    public static void ForValues(PimBinary bin, string name, int prompt, int decodeSteps)
    {
        CheckCounts(prompt, decodeSteps);
        if (bin.Workload is not { } w) throw NoWorkload(name, "values need the compiled limits; recompile with this pimcc");
        CheckWithin(w, name, prompt, decodeSteps);
    }

    /// <summary>
    /// The one check of workload counts, for compiling and simulating alike (null = not given): at least 1 prompt token,
    /// 0 or more generated tokens, at most <see cref="MaxTokens"/> together. A usage error otherwise.
    /// </summary>
    public static void CheckCounts(int? prompt, int? generated)
    {
        var max = MaxTokens.ToString(CultureInfo.InvariantCulture);
        if (prompt is { } p && p is < 1 or > MaxTokens)
            throw new PimccError(ExitCode.Usage, "--prompt-tokens", $"workload of {p} prompt tokens is out of range", $"use 1 to {max}");
        if (generated is { } g && g is < 0 or > MaxTokens)
            throw new PimccError(ExitCode.Usage, "--gen-tokens", $"workload of {g} generated tokens is out of range", $"use 0 to {max}");
        if ((long)(prompt ?? 1) + (generated ?? 0) > MaxTokens) // a prompt not given is at least 1 token
            throw new PimccError(ExitCode.Usage, "--prompt-tokens/--gen-tokens", $"workload of {prompt} prompt + {generated} generated tokens is more than {max} tokens",
                $"use at most {max} prompt and generated tokens together");
    }

    // Positions need no check of their own: a workload section holds positions >= prompt + generated (WorkloadRules).
    private static void CheckWithin(CompiledWorkload w, string name, int prompt, int generated)
    {
        if (prompt > w.PromptTokens)
            throw new PimccError(ExitCode.WorkloadExceedsCompiled, $"{name}: prompt", $"{prompt} prompt tokens, the binary was compiled for at most {w.PromptTokens}",
                $"compiled workload: {w}; use fewer or recompile with --prompt-tokens {prompt}");
        if (generated > w.GeneratedTokens)
            throw new PimccError(ExitCode.WorkloadExceedsCompiled, $"{name}: generation", $"{generated} generated tokens, the binary was compiled for at most {w.GeneratedTokens}",
                w.Programs.Contains("decode") ? $"compiled workload: {w}; use fewer or recompile with --gen-tokens {generated}"
                    : "the binary has no decode program (an encoder: prefill only); use --gen-tokens 0");
    }

    private static PimccError NoWorkload(string name, string hint) =>
        new(ExitCode.UnsupportedBinaryVersion, name, "the binary records no workload (format 1.3 or older, or assembled without .workload)",
            $"recompile with this pimcc, or {hint}");
}
