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
    /// <summary>The window <c>pimcc eval</c> cuts a token file into when none is asked for, for a model whose graph bounds
    /// no positions (rotary or no position embedding: nothing in an ONNX export says how far it was trained).</summary>
    public const int UnboundedDefaultWindow = 128;

    /// <summary>The positions one evaluation window spans: <paramref name="requested"/> (<c>--window</c>), else the
    /// model's learned positions, else <see cref="UnboundedDefaultWindow"/>. A window beyond the learned positions, or
    /// under 2 tokens, is refused.</summary>
    public static int Window(ModelSource model, int? requested)
    {
        var module = model.Load(new HfWorkload(1, 1));
        int? learned = module.Attrs.ContainsKey("max_positions") && module.Attrs.StrOr("max_positions_source", "") != "workload" ? (int)module.Attrs.Int("max_positions") : null;
        var window = requested ?? learned ?? UnboundedDefaultWindow;
        if (window < 2)
            throw new PimccError(ExitCode.Usage, "--window", $"a window of {window} position(s) predicts nothing", "use --window 2 or more");
        if (learned is { } max && window > max)
            throw new PimccError(ExitCode.Usage, "--window", $"{window} positions; the model learned {max}", $"use --window {max} or less");
        return window;
    }

    /// <summary>The runnable IR (the accuracy target's first passes) and the IR its later passes annotate, with the
    /// target flags applied to both, for <paramref name="workload"/>.</summary>
    public static (Module Runnable, Module Annotated) Compile(ModelSource model, TargetDescription target, IAccuracyTarget accuracy,
        IReadOnlyList<KeyValuePair<string, string>> flags, ConsoleIo io, HfWorkload workload)
    {
        var path = model.Path;
        var compiler = CompilerTargets.For(target);
        var registry = PassRegistry.For(compiler);
        var full = CompileCommand.ApplyFlags(Pipeline.Parse(accuracy.AnnotatedPipeline, registry), compiler, flags);
        var split = Pipeline.Parse(accuracy.RunnablePipeline, registry).Steps.Length;
        var module = model.Load(workload);
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
