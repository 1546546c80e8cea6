using Pimcc.Accuracy;
using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Targets;
using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Driver.Commands;

/// <summary>The IR a quantised reference runs, for <c>pimcc eval</c> and <c>pimcc check</c>.</summary>
internal static class ReferenceModels
{
    /// <summary>The runnable IR (the accuracy target's first passes) and the IR its later passes annotate, with the
    /// target flags applied to both, for <paramref name="workload"/> (null: one token in, the rest of the model's window
    /// generated, so the KV cache holds all its positions).</summary>
    public static (Module Runnable, Module Annotated) Compile(string path, TargetDescription target, IAccuracyTarget accuracy,
        IReadOnlyList<KeyValuePair<string, string>> flags, ConsoleIo io, HfWorkload? workload = null)
    {
        var compiler = CompilerTargets.For(target);
        var registry = PassRegistry.For(compiler);
        var full = CompileCommand.ApplyFlags(Pipeline.Parse(accuracy.AnnotatedPipeline, registry), compiler, flags);
        var split = Pipeline.Parse(accuracy.RunnablePipeline, registry).Steps.Length;
        var module = ModelLoader.Load(path, workload ?? new HfWorkload(1, 1), io.Err);
        if (workload is null)
        {
            var positions = module.Attrs.ContainsKey("max_positions") ? (int)module.Attrs.Int("max_positions")
                : throw new PimccError(ExitCode.UnsupportedModel, path, "the model declares no positions (max_positions)", "give a causal LM with learned or rotary positions");
            module = ModelLoader.Load(path, new HfWorkload(1, positions - 1), io.Err);
        }
        var manager = new PassManager(new PassInstrumentation { Dump = io.Err }, target);
        return io.Progress.Run(stages =>
        {
            var bar = stages.Stage($"compiling {Path.GetFileName(path)} for {target.Name}", full.Steps.Length);
            var runnable = manager.Run(module, full with { Steps = full.Steps[..split] }, path, null, (d, _) => bar.Update(d, full.Steps.Length)).Module;
            var annotated = manager.Run(runnable, full with { Steps = full.Steps[split..] }, path, null, (d, _) => bar.Update(split + d, full.Steps.Length)).Module;
            return (runnable, annotated);
        });
    }
}
