using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Compiler.Passes;

/// <summary>
/// Binds the prefill function's <c>seq</c> symbol to the workload's prompt length (module attribute
/// <c>prompt_tokens</c>, or the <c>prompt-tokens</c> option), giving the static shapes an
/// ahead-of-time PIM compiler schedules. Decode keeps <c>kv</c> symbolic: one decode program serves
/// every step.
/// </summary>
public sealed class BindWorkload : Pass
{
    public static readonly PassOption PromptTokens = PassOption.Int("prompt-tokens", "prompt length to bind (0: module's prompt_tokens)", 0);
    public static readonly Statistic SymbolsBound = new("symbols-bound", "functions whose seq symbol was bound");

    public override string Name => "bind-workload";
    public override string Summary => "bind prefill's sequence length to the workload's prompt length";
    public override ImmutableArray<PassOption> Options => [PromptTokens];
    public override ImmutableArray<Statistic> Statistics => [SymbolsBound];
    public override ImmutableArray<string> Establishes => [IrProperty.WorkloadBound];
    public override ImmutableArray<string> Invalidates => [IrProperty.Annotated];

    public override Module Run(Module module, PassContext context)
    {
        var prompt = context.Options.Int(PromptTokens);
        if (prompt == 0) prompt = module.Attrs.IntOr("prompt_tokens", 0);
        if (prompt <= 0)
            throw new PimccError(ExitCode.InvalidModel, $"module @{module.Name}", "no prompt length to bind",
                "set the module attribute prompt_tokens or pass bind-workload{prompt-tokens=N}");
        var generated = module.Attrs.IntOr("generated_tokens", 0);
        foreach (var cache in module.KvCaches)
            if (cache.MaxLength < prompt + generated)
                throw new PimccError(ExitCode.InvalidModel, $"kv_cache @{cache.Name}",
                    $"holds {cache.MaxLength} positions, the workload needs {prompt + generated}",
                    "lower the prompt/generated token counts or enlarge the cache");
        var bindings = new Dictionary<string, long>(StringComparer.Ordinal) { ["seq"] = prompt };
        var functions = module.Functions.Select(f =>
        {
            if (f.Name != Module.Prefill) return f;
            context.Stats.Add(SymbolsBound);
            return SymbolBinding.Bind(f, bindings);
        });
        return module.WithFunctions(functions).WithAttrs(module.Attrs.Set("prompt_tokens", prompt));
    }
}
