using System.CommandLine;
using System.Globalization;
using System.Text;
using Pimcc.Accuracy;
using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Isa.Container;
using Pimcc.OnnxRuntime;
using Pimcc.Sim.Functional;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.Sim.Units;
using Pimcc.Targets;

namespace Pimcc.Driver.Commands;

/// <summary>
/// <c>pimcc check model.onnx</c>: compiles the model (or takes <c>--binary</c>), runs the functional simulator greedily on
/// the prompt, feeds the same tokens (prompt plus generated) to ONNX Runtime on the model's full-sequence graph, and
/// prints per program step the largest logit difference against <see cref="LogitTolerance"/>, then a verdict. A target
/// kind that computes in quantised formats is checked against its own reference instead (<see cref="ValuesReference"/>),
/// ONNX Runtime's distance printed beside it. Exit 0 on pass, <see cref="ExitCode.CheckMismatch"/> when any step is off.
/// </summary>
public static class CheckCommand
{
    /// <summary>Default workload: a short prompt and a few decode steps, so a check takes seconds on the samples.</summary>
    public const int DefaultPromptTokens = 6, DefaultGeneratedTokens = 3;

    public static Command Create(ConsoleIo io)
    {
        var cmd = new Command("check", "compile an ONNX model, run it on values and compare every step's logits with ONNX Runtime's (on pimllm and hyflexpim: with the target's quantised reference, ONNX Runtime's distance beside it)");
        var model = new Argument<string>("model") { Description = "ONNX model with its weights: the full-sequence graph (input_ids in, logits out)" };
        var compile = new CompileOptions();
        var functional = new FunctionalCliOptions();
        var binary = new Option<string?>("--binary") { Description = "check this out.bin (compiled from the model) instead of compiling it" };
        var gen = new Option<int>("--gen-tokens") { Description = "decode steps after the prompt", DefaultValueFactory = _ => DefaultGeneratedTokens };
        cmd.Arguments.Add(model);
        foreach (var o in new Option[] { compile.Target, compile.TargetConfig, compile.Set, functional.Tokens, functional.TokensFile, gen, binary })
            cmd.Options.Add(o);
        foreach (var o in compile.TargetFlags) cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            var path = p.GetValue(model)!;
            if (!path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
                throw new PimccError(ExitCode.Usage, path, "pimcc check compares against ONNX Runtime and needs an ONNX model", "give the model's .onnx file");
            var steps = p.GetValue(gen);
            if (steps < 0) throw new PimccError(ExitCode.Usage, "--gen-tokens", $"{steps} decode steps", "use 0 or more");
            InputFile.Check(path, InputKind.Onnx);
            // One ONNX Runtime session for the whole check: the input check, the default prompt's vocabulary, the reference run.
            using var ort = OrtModel.Open(path);
            ort.RequireFed(OrtModel.SequenceInputs.ToList()); // a KV-cache graph is refused before compiling
            var fixedLength = ort.FixedSequenceLength;
            var given = functional.PromptOrNull(p);
            // A fixed-shape export ([1, L] input_ids) runs on exactly L tokens: the prompt and the generated ones.
            if (fixedLength is { } fixedAt && given is not null && given.Count + steps != fixedAt)
                throw new PimccError(ExitCode.Usage, "--tokens", $"{given.Count} prompt and {steps} generated tokens make {given.Count + steps}; the graph's input_ids is fixed at [1, {fixedAt}]",
                    $"give {fixedAt - steps} prompt token ids for --gen-tokens {steps}");
            var promptTokens = given?.Count ?? (fixedLength is { } l ? l - steps : DefaultPromptTokens);
            if (promptTokens < 1)
                throw new PimccError(ExitCode.Usage, "--gen-tokens", $"{steps} decode steps leave no prompt in the graph's fixed {fixedLength} tokens", $"use at most {fixedLength - 1} decode steps");
            var flags = compile.GivenTargetFlags(p);
            PimBinary bin;
            string name;
            if (p.GetValue(binary) is { } binPath)
            {
                bin = PimBinaryReader.Read(InputFile.ReadBytes(binPath, InputKind.Binary), binPath);
                name = binPath;
            }
            else
            {
                var settings = new CompileSettings(p.GetValue(compile.Target)!, null, "bin", promptTokens, steps, null, [], [], false, false,
                    p.GetValue(compile.TargetConfig), p.GetValue(compile.Set) ?? []) { Image = "on", TargetFlags = flags };
                bin = CompileCommand.CompileBinary(path, settings, io);
                name = path;
            }
            // The embedded description is resolved once, for the default prompt and the run.
            var resolved = SimulatorTargets.For(bin, name);
            var prompt = given ?? DefaultPrompt(resolved, bin, ort, promptTokens, fixedLength);
            if (fixedLength is { } at && prompt.Count + steps != at)
                throw new PimccError(ExitCode.Usage, name, $"the binary's {prompt.Count} prompt and {steps} generated tokens make {prompt.Count + steps}; the graph's input_ids is fixed at [1, {at}]",
                    $"compile the binary with --prompt-tokens {at - steps}, or check with --gen-tokens {at - prompt.Count}");
            return Check(resolved, bin, name, ort, prompt, steps, flags, io);
        });
        return cmd;
    }

    /// <summary>Position i holds (7 i + 3) mod vocabulary: deterministic, spread over the vocabulary. The vocabulary is
    /// the binary's (its ABI), or the model's when the binary returns none (its logits' declared width, or, when that
    /// axis is dynamic, ONNX Runtime's logits): a target without values then says why in its own words when the check runs it.</summary>
    private static List<int> DefaultPrompt((ISimulatorTarget Simulator, TargetDescription Target) resolved, PimBinary bin, OrtModel ort, int tokens, int? fixedLength)
    {
        var vocab = resolved.Simulator.ReturnedVocabulary(bin, resolved.Target)
            ?? ort.DeclaredOutputWidth
            ?? (int)ort.RunInputIds(new long[fixedLength ?? 1]).Dims[^1];
        var length = Math.Min(tokens, bin.Workload?.PromptTokens ?? tokens);
        return [.. Enumerable.Range(0, length).Select(i => (7 * i + 3) % vocab)];
    }

    /// <summary>
    /// Runs the binary on values and its reference, writes the per-step lines and the verdict; throws
    /// <see cref="ExitCode.CheckMismatch"/> when a step is off. The reference is ONNX Runtime within
    /// <see cref="LogitTolerance"/>, unless the target kind computes in quantised formats (<see cref="AccuracyTargets"/>):
    /// then it is that kind's <see cref="ValuesReference"/> on the model compiled with the same target flags, and
    /// ONNX Runtime's distance is printed beside it (the quantisation error, not a verdict).
    /// </summary>
    private static int Check((ISimulatorTarget Simulator, TargetDescription Target) resolved, PimBinary bin, string name, OrtModel reference,
        IReadOnlyList<int> prompt, int steps, IReadOnlyList<KeyValuePair<string, string>> flags, ConsoleIo io)
    {
        var (simulator, target) = resolved;
        var model = reference.Path;
        var run = FunctionalCliOptions.RunShowingProgress(simulator, bin, target, name, new FunctionalRequest(prompt, steps) { CheckInterleavings = false }, io);
        var tokens = run.Prompt.Concat(run.Generated.Take(steps)).Select(t => (long)t).ToArray();
        var ort = reference.RunInputIds(tokens);
        if (ort.Dims.Length != 3 || ort.Dims[0] != 1 || ort.Dims[1] != tokens.Length)
            throw new PimccError(ExitCode.UnsupportedModel, model, $"ONNX Runtime's output has shape [{string.Join(",", ort.Dims)}], not [1, {tokens.Length}, vocabulary]",
                "pimcc check needs the full-sequence graph: logits [1, sequence, vocabulary] for input_ids [1, sequence]");
        foreach (var step in run.Steps)
            if (step.Logits.Length != ort.Dims[2])
                throw new PimccError(ExitCode.UnsupportedModel, model, $"the binary returns {step.Logits.Length} logits, ONNX Runtime {ort.Dims[2]}", "check the binary compiled from this model");
        var ortDiffs = run.Steps.Select(step => LogitTolerance.MaxAbsDifference(step.Logits, ort, step.Position)).ToList();
        var quantised = AccuracyTargets.For(target.Kind) is { } accuracy ? Quantised(accuracy, target, model, run, flags, io) : null;
        var referenceName = quantised is null ? "ONNX Runtime" : quantised.Reference.Name;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"check: {(name == model ? $"{model} compiled for {target.Name}" : name)} against {referenceName} on {model}");
        sb.Append(quantised is null ? "\n" : "; ONNX Runtime (FP32) beside it: the quantisation error, not checked\n");
        if (quantised is { } q) sb.Append("tolerance: ").Append(q.Reference.ToleranceRule).Append('\n');
        sb.Append("prompt:    ").AppendJoin(',', run.Prompt).Append('\n');
        sb.Append("generated: ").AppendJoin(',', run.Generated).Append('\n');
        sb.Append(quantised is null ? "program  position  max-abs-diff  tolerance  result\n" : "program  position  max-abs-diff  tolerance  result    onnxruntime-fp32\n");
        var failed = new List<(FunctionalStep Step, double Diff, double Tolerance)>();
        for (var i = 0; i < run.Steps.Count; i++)
        {
            var step = run.Steps[i];
            var (diff, tolerance) = quantised is { } r ? (LogitTolerance.MaxAbsDifference<float>(step.Logits, r.Steps[i].Logits), r.Steps[i].Tolerance) : (ortDiffs[i], LogitTolerance.MaxAbs);
            var ok = diff <= tolerance;
            if (!ok) failed.Add((step, diff, tolerance));
            sb.Append(CultureInfo.InvariantCulture, $"{step.Program,-7}  {step.Position,8}  {diff,12:E2}  {tolerance,9:E2}  ");
            sb.Append(quantised is null ? $"{(ok ? "ok" : "MISMATCH")}\n" : string.Create(CultureInfo.InvariantCulture, $"{(ok ? "ok" : "MISMATCH"),-8}  {ortDiffs[i],16:E2}\n"));
        }
        var bound = quantised is null ? string.Create(CultureInfo.InvariantCulture, $"{LogitTolerance.MaxAbs:E2}") : "their tolerance";
        if (failed.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"verdict: pass ({run.Steps.Count} steps within {bound} of {referenceName})\n");
            io.Out.Write(sb.ToString());
            return 0;
        }
        var worst = failed.MaxBy(f => f.Diff / f.Tolerance);
        sb.Append(CultureInfo.InvariantCulture, $"verdict: MISMATCH ({failed.Count} of {run.Steps.Count} steps beyond {bound})\n");
        io.Out.Write(sb.ToString());
        throw new PimccError(ExitCode.CheckMismatch, name,
            string.Create(CultureInfo.InvariantCulture, $"{failed.Count} of {run.Steps.Count} steps differ from {referenceName} by more than {(quantised is null ? bound : "the step's tolerance")} (largest {worst.Diff:E2} against {worst.Tolerance:E2}, {worst.Step.Program} position {worst.Step.Position})"),
            quantised is null ? "the compiled program does not compute the model: compare with 'pimcc run --functional' per pass (--passes) to find the pass"
                : "the compiled program does not compute the quantised model; with --binary, give the target flags (e.g. --weights) it was compiled with");
    }

    /// <summary>The quantised kind's reference steps, fed the tokens the run on values fed itself: prefill up to the
    /// first step's position (the prompt; its first token when the prompt was replayed through decode), then one decode
    /// step per later step.</summary>
    private static QuantisedSteps Quantised(IAccuracyTarget accuracy, TargetDescription target,
        string model, FunctionalGenerationResult run, IReadOnlyList<KeyValuePair<string, string>> flags, ConsoleIo io)
    {
        var sequence = run.Prompt.Concat(run.Generated).ToList();
        var first = run.Steps[0].Position + 1;
        var (runnable, annotated) = ReferenceModels.Compile(ModelLoader.Open(model, io.Err), target, accuracy, flags, io, new HfWorkload(first, Math.Max(1, run.Steps.Count - 1)));
        var reference = accuracy.ValuesReference(runnable, accuracy.Plan(annotated, target), target);
        return new(reference, reference.Run(runnable, [.. sequence.Take(first)], run.Steps.Skip(1).Select(s => s.InputToken)));
    }

    private sealed record QuantisedSteps(ValuesReference Reference, List<(float[] Logits, double Tolerance)> Steps);
}
