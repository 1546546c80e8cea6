using System.CommandLine;
using Pimcc.Diagnostics;

namespace Pimcc.Driver.Commands;

/// <summary>Resolved compile settings.</summary>
public sealed record CompileSettings(
    string Target,
    string? Output,
    string Emit,
    int PromptTokens,
    int GeneratedTokens,
    string? Passes,
    IReadOnlyList<string> PrintAfter,
    IReadOnlyList<string> PrintBefore,
    bool PrintAfterAll,
    bool PassStatistics,
    string? TargetConfig,
    IReadOnlyList<string> Sets)
{
    /// <summary>Initial memory image in out.bin: auto (when weights carry data and it stays under
    /// <c>MemoryImageBuilder.DefaultLimitBytes</c>), on, or off.</summary>
    public string Image { get; init; } = "auto";
}

/// <summary>The compile options, shared by the root command and <c>pimcc run</c>.</summary>
public sealed class CompileOptions
{
    public Option<string> Target { get; } = new("--target", "-t") { Description = "target accelerator preset (see 'pimcc targets')", DefaultValueFactory = _ => "hpim" };
    public Option<string?> Output { get; } = new("--output", "-o") { Description = "output file ('-' or omitted with --emit ir: standard output)" };
    public Option<string?> Emit { get; } = new("--emit") { Description = "what to write: bin (out.bin, default) or ir (textual IR after the pipeline)" };
    public Option<int> PromptTokens { get; } = new("--prompt-tokens") { Description = "workload: input (prompt) tokens", DefaultValueFactory = _ => 256 };
    public Option<int> GeneratedTokens { get; } = new("--gen-tokens") { Description = "workload: generated (output) tokens", DefaultValueFactory = _ => 768 };
    public Option<string?> Passes { get; } = new("--passes") { Description = "pass pipeline, e.g. 'infer-shapes,canonicalize' (default: the target's pipeline)" };
    public Option<string[]> PrintAfter { get; } = new("--print-ir-after") { Description = "print the IR after the named pass (repeatable)", AllowMultipleArgumentsPerToken = false };
    public Option<string[]> PrintBefore { get; } = new("--print-ir-before") { Description = "print the IR before the named pass (repeatable)" };
    public Option<bool> PrintAfterAll { get; } = new("--print-ir-after-all") { Description = "print the IR after every pass" };
    public Option<bool> PassStatistics { get; } = new("--pass-statistics") { Description = "print each pass's statistics to stderr" };
    public Option<string?> TargetConfig { get; } = new("--target-config") { Description = "target description JSON file (instead of a preset)" };
    public Option<string[]> Set { get; } = new("--set") { Description = "override a target parameter: key=value (repeatable)" };
    public Option<string> Image { get; } = new("--image") { Description = "initial memory image (weights, constants) in out.bin for functional simulation: auto (weights with data, up to 256 MiB), on, off", DefaultValueFactory = _ => "auto" };

    public void AddTo(Command c)
    {
        foreach (var o in new Option[] { Target, Output, Emit, PromptTokens, GeneratedTokens, Passes, PrintAfter, PrintBefore, PrintAfterAll, PassStatistics, TargetConfig, Set, Image })
            c.Options.Add(o);
    }

    private string ReadImage(ParseResult p)
    {
        var v = p.GetValue(Image) ?? "auto";
        return v is "auto" or "on" or "off" ? v
            : throw new PimccError(ExitCode.Usage, "--image", $"unknown image choice '{v}'", "use --image auto, on or off");
    }

    public CompileSettings Read(ParseResult p)
    {
        var output = p.GetValue(Output);
        var emit = p.GetValue(Emit) ?? (output is not null && output.EndsWith(".pimir", StringComparison.OrdinalIgnoreCase) ? "ir" : "bin");
        var prompt = p.GetValue(PromptTokens);
        var gen = p.GetValue(GeneratedTokens);
        WorkloadBounds.Check(prompt, gen);
        var targetConfig = p.GetValue(TargetConfig);
        if (targetConfig is not null)
        {
            if (p.GetResult(Target) is { Implicit: false })
                throw new PimccError(ExitCode.Usage, "--target-config", "both --target and --target-config name the target",
                    "give one: --target NAME for a bundled preset, or --target-config FILE (which may \"extends\" a preset)");
            InputFile.Check(targetConfig, InputKind.TargetDescription);
        }
        return new CompileSettings(
            p.GetValue(Target)!, output, emit, prompt, gen, p.GetValue(Passes),
            p.GetValue(PrintAfter) ?? [], p.GetValue(PrintBefore) ?? [], p.GetValue(PrintAfterAll), p.GetValue(PassStatistics),
            targetConfig, p.GetValue(Set) ?? []) { Image = ReadImage(p) };
    }
}

/// <summary>
/// The largest workload the command line accepts: prompt plus generated tokens up to 2^20 (1,048,576), beyond the
/// context window of the models pimcc compiles (OPT 2,048, Llama 3.2 131,072 positions). Larger numbers are typing
/// mistakes; they would overflow the cost model's sizes long before any target could hold their KV cache.
/// </summary>
public static class WorkloadBounds
{
    public const int MaxTokens = 1 << 20;

    public static void Check(int prompt, int generated)
    {
        if (prompt <= 0 || generated < 0)
            throw new PimccError(ExitCode.Usage, "--prompt-tokens/--gen-tokens",
                $"workload ({prompt} in, {generated} out) is invalid", "use at least 1 prompt token and 0 or more generated tokens");
        if ((long)prompt + generated > MaxTokens)
            throw new PimccError(ExitCode.Usage, "--prompt-tokens/--gen-tokens",
                $"workload ({prompt} in, {generated} out) is more than {MaxTokens} tokens", $"use at most {MaxTokens} prompt and generated tokens together");
    }
}
