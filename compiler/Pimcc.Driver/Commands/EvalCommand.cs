using System.CommandLine;
using System.Globalization;
using Pimcc.Accuracy;
using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.OnnxRuntime;
using Pimcc.Targets;

namespace Pimcc.Driver.Commands;

/// <summary>
/// <c>pimcc eval MODEL.onnx --target hyflexpim|pimllm --tokens-file T [--slc-fraction F] [--draws N] [--seed S]</c>:
/// loss and perplexity on T of ONNX Runtime (FP32), of the quantised reference the target's compiled IR declares
/// (<see cref="IAccuracyTarget"/>), and of several draws of its device noise (docs/accuracy.md).
/// </summary>
public static class EvalCommand
{
    public const int DefaultDraws = 4;
    public const ulong DefaultSeed = 1;

    /// <summary>More draws than this is a typo, not a study: each draw runs the whole token file again (about a second
    /// per draw for the bundled samples), and the spread of the mean has long stopped moving.</summary>
    public const int MaxDraws = 1000;

    public static Command Create(ConsoleIo io)
    {
        var cmd = new Command("eval", "loss and perplexity of an ONNX model on a token file: FP32 (ONNX Runtime), the target's quantised reference, and its device-noise draws");
        var model = new Argument<string>("model") { Description = "ONNX model with its weights: the full-sequence graph (input_ids in, logits out)" };
        var compile = new CompileOptions();
        var tokensFile = new Option<string?>("--tokens-file") { Description = "token ids to evaluate on (separated by commas or white space), in windows of the model's positions" };
        var draws = new Option<int>("--draws") { Description = "noise draws, averaged (seeds S, S+1, ...)", DefaultValueFactory = _ => DefaultDraws };
        var seed = new Option<ulong>("--seed") { Description = "seed of the first noise draw", DefaultValueFactory = _ => DefaultSeed };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        var windowOption = new Option<int?>("--window") { Description = $"positions per evaluation window (default: the model's learned positions, or {ReferenceModels.UnboundedDefaultWindow} when its graph bounds none, e.g. rotary)" };
        cmd.Arguments.Add(model);
        foreach (var o in new Option[] { compile.Target, compile.TargetConfig, compile.Set, tokensFile, draws, seed, format, windowOption, compile.Output })
            cmd.Options.Add(o);
        foreach (var o in compile.TargetFlags) cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            var path = p.GetValue(model)!;
            var f = p.GetValue(format)!;
            if (f is not ("text" or "json")) throw new PimccError(ExitCode.Usage, "--format", $"unknown report format '{f}'", "use text or json");
            var n = p.GetValue(draws);
            if (n is < 1 or > MaxDraws) throw new PimccError(ExitCode.Usage, "--draws", $"{n} noise draws", $"use 1 to {MaxDraws}");
            var tokensPath = p.GetValue(tokensFile) ?? throw new PimccError(ExitCode.Usage, "--tokens-file", "pimcc eval needs the text to evaluate on", "e.g. --tokens-file samples/eval/fortunes-heldout.tokens");
            if (ModelLoader.Check(path) == InputKind.ModelConfig)
                throw new PimccError(ExitCode.ModelWithoutWeights, path, "a HuggingFace config has no weights: loss and perplexity need them",
                    "give the model's .onnx file (pimcc eval compares with ONNX Runtime on it)");
            if (ModelLoader.KindOf(Path.GetExtension(path).ToLowerInvariant()) != InputKind.Onnx)
                throw new PimccError(ExitCode.Usage, path, "pimcc eval compares against ONNX Runtime and needs an ONNX model", "give the model's .onnx file");
            var outputs = new OutputPlan(io, path, p.GetValue(compile.TargetConfig), tokensPath);
            outputs.Add("-o", p.GetValue(compile.Output) ?? "-");
            var tokens = FunctionalCliOptions.ParseTokenIds(InputFile.ReadText(tokensPath, InputKind.TokenList), tokensPath);
            OrtReference.RequireInputIdsOnly(path);
            if (p.GetResult(compile.Target) is { Implicit: false } && p.GetValue(compile.TargetConfig) is not null)
                throw new PimccError(ExitCode.Usage, "--target-config", "both --target and --target-config name the target", "give one of them");

            var sets = p.GetValue(compile.Set) ?? [];
            var target = p.GetValue(compile.TargetConfig) is { } file ? TargetLoader.LoadFile(file, sets) : TargetLoader.LoadPreset(p.GetValue(compile.Target)!, sets);
            var flags = compile.GivenTargetFlags(p);
            var accuracy = AccuracyTargets.For(target.Kind) ?? throw new PimccError(ExitCode.Usage, "--target",
                $"pimcc eval has no quantised reference for target kind '{target.Kind}'", $"use a target of kind {string.Join(" or ", AccuracyTargets.All.Select(a => a.Kind))}");
            // One token in, the rest of the window generated: the KV cache holds the window's positions.
            // The model is read once: its learned positions and the compile at the window's workload come from one import.
            var source = ModelLoader.Open(path, io.Err);
            var window = ReferenceModels.Window(source, p.GetValue(windowOption));
            var (runnable, annotated) = ReferenceModels.Compile(source, target, accuracy, flags, io, new HfWorkload(1, window - 1));

            var vocab = runnable.Attrs.Int("vocab_size");
            var bad = tokens.FindIndex(t => t < 0 || t >= vocab);
            if (bad >= 0)
                throw new PimccError(ExitCode.InvalidSimInput, tokensPath, $"token {bad + 1} is {tokens[bad]}, outside the model's vocabulary of {vocab}", $"token ids are 0 to {vocab - 1}");
            var windows = LanguageModelLoss.Windows([.. tokens.Select(t => (long)t)], window);
            if (windows.Count == 0)
                throw new PimccError(ExitCode.InvalidSimInput, tokensPath, $"{tokens.Count} token(s): nothing to predict", "give at least two token ids");

            var plan = accuracy.Plan(annotated, target);
            var s = p.GetValue(seed);
            var total = AccuracyEvaluation.Runs(plan, n) * windows.Count;
            var figures = io.Progress.Run(stages =>
            {
                var bar = stages.Stage($"evaluating {Path.GetFileName(path)} on {target.Name} ({windows.Count} windows x {AccuracyEvaluation.Runs(plan, n)} runs)", total);
                var done = 0;
                return AccuracyEvaluation.Evaluate(path, runnable, plan, windows, n, s, () => bar.Update(Interlocked.Increment(ref done), total));
            });
            var report = new EvalReport(path, target.Name, target.Kind,
                runnable.Attrs.ContainsKey("hfp.slc_fraction") ? runnable.Attrs.Float("hfp.slc_fraction") : null,
                annotated.Attrs.StrOr("pimllm.weights", "") is { Length: > 0 } w ? w : null,
                tokensPath, tokens.Count, windows.Count, window, LanguageModelLoss.Predicted(windows), n, s,
                accuracy.Describe(target, plan.HasNoise),
                figures);
            outputs.Write((outputs["-o"], OutputPlan.Text(f == "json" ? report.RenderJson() : report.RenderText())));
            return 0;
        });
        return cmd;
    }
}
