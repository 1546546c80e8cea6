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
    /// <summary>True when neither --prompt-tokens nor --gen-tokens was given.</summary>
    public bool WorkloadDefaulted { get; init; }

    /// <summary>Initial memory image in out.bin: auto (when weights carry data and it stays under
    /// the target's image limit), on, or off; the target's image pass reads it.</summary>
    public string Image { get; init; } = "auto";

    /// <summary>The context of a HuggingFace config of a rotary or ALiBi family instead of its maximum positions (<c>--positions</c>).</summary>
    public int? Positions { get; init; }

    /// <summary>Print each pass's wall time to stderr (<c>--time-passes</c>).</summary>
    public bool TimePasses { get; init; }

    /// <summary>Target flags given (<see cref="Pimcc.Compiler.Targets.TargetFlag"/>), as flag name and raw value, in name order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> TargetFlags { get; init; } = [];
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
    public Option<bool> TimePasses { get; } = new("--time-passes") { Description = "print each pass's wall time to stderr (verification after it included)" };
    public Option<string?> TargetConfig { get; } = new("--target-config") { Description = "target description JSON file (instead of a preset)" };
    public Option<string[]> Set { get; } = new("--set") { Description = "override a target parameter: key=value (repeatable)" };
    public Option<int?> Positions { get; } = new("--positions") { Description = "workload: compile a HuggingFace config of a rotary or ALiBi family for N positions instead of its max_position_embeddings (refused for learned position tables)" };
    public Option<string> Image { get; } = new("--image") { Description = "initial memory image (weights, constants) in out.bin for functional simulation: auto (weights with data, up to 256 MiB), on, off", DefaultValueFactory = _ => "auto" };

    /// <summary>The flags registered targets declare, each offered once (its help names the kinds that take it).</summary>
    public IReadOnlyList<Option<string?>> TargetFlags { get; } = Pimcc.Compiler.Targets.CompilerTargets.Flags
        .Select(f => new Option<string?>(f.Name) { Description = $"{f.Description} (targets of kind {string.Join(", ", f.Kinds)})" })
        .ToList();

    public void AddTo(Command c)
    {
        foreach (var o in new Option[] { Target, Output, Emit, PromptTokens, GeneratedTokens, Positions, Passes, PrintAfter, PrintBefore, PrintAfterAll, PassStatistics, TimePasses, TargetConfig, Set, Image })
            c.Options.Add(o);
        foreach (var o in TargetFlags)
            c.Options.Add(o);
    }

    private string ReadImage(ParseResult p)
    {
        var v = p.GetValue(Image) ?? "auto";
        return v is "auto" or "on" or "off" ? v
            : throw new PimccError(ExitCode.Usage, "--image", $"unknown image choice '{v}'", "use --image auto, on or off");
    }

    private static bool IsDefault(ParseResult p, Option o) => p.GetResult(o) is not { Implicit: false };

    public CompileSettings Read(ParseResult p)
    {
        var output = p.GetValue(Output);
        var emit = p.GetValue(Emit) ?? (output is not null && output.EndsWith(".pimir", StringComparison.OrdinalIgnoreCase) ? "ir" : "bin");
        var prompt = p.GetValue(PromptTokens);
        var gen = p.GetValue(GeneratedTokens);
        Pimcc.Sim.RequestedWorkload.CheckCounts(prompt, gen);
        var positions = p.GetValue(Positions);
        if (positions is < 1 or > 1 << 20)
            throw new PimccError(ExitCode.Usage, "--positions", $"--positions {positions} is outside 1..{1 << 20}", "give the context in positions, e.g. --positions 4096");
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
            targetConfig, p.GetValue(Set) ?? []) { Image = ReadImage(p), TimePasses = p.GetValue(TimePasses), Positions = positions,
                WorkloadDefaulted = IsDefault(p, PromptTokens) && IsDefault(p, GeneratedTokens),
                TargetFlags = GivenTargetFlags(p) };
    }

    /// <summary>The target flags given on the command line (e.g. <c>--weights ternary</c>), as flag and value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> GivenTargetFlags(ParseResult p) =>
        [.. TargetFlags.Where(o => p.GetResult(o) is { Implicit: false }).Select(o => KeyValuePair.Create(o.Name, p.GetValue(o) ?? ""))];
}
