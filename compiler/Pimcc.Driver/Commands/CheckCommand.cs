using System.CommandLine;
using System.Globalization;
using System.Text;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.OnnxRuntime;
using Pimcc.Sim.Functional;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.Sim.Units;

namespace Pimcc.Driver.Commands;

/// <summary>
/// <c>pimcc check model.onnx</c>: compiles the model (or takes <c>--binary</c>), runs the functional simulator greedily on
/// the prompt, feeds the same tokens (prompt plus generated) to ONNX Runtime on the model's full-sequence graph, and
/// prints per program step the largest logit difference against <see cref="LogitTolerance"/>, then a verdict.
/// Exit 0 on pass, <see cref="ExitCode.CheckMismatch"/> when any step is off.
/// </summary>
public static class CheckCommand
{
    /// <summary>Default workload: a short prompt and a few decode steps, so a check takes seconds on the samples.</summary>
    public const int DefaultPromptTokens = 6, DefaultGeneratedTokens = 3;

    public static Command Create(ConsoleIo io)
    {
        var cmd = new Command("check", "compile an ONNX model, run it on values and compare every step's logits with ONNX Runtime's");
        var model = new Argument<string>("model") { Description = "ONNX model with its weights: the full-sequence graph (input_ids in, logits out)" };
        var compile = new CompileOptions();
        var functional = new FunctionalCliOptions();
        var binary = new Option<string?>("--binary") { Description = "check this out.bin (compiled from the model) instead of compiling it" };
        var gen = new Option<int>("--gen-tokens") { Description = "decode steps after the prompt", DefaultValueFactory = _ => DefaultGeneratedTokens };
        cmd.Arguments.Add(model);
        foreach (var o in new Option[] { compile.Target, compile.TargetConfig, compile.Set, functional.Tokens, functional.TokensFile, gen, binary })
            cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            var path = p.GetValue(model)!;
            if (!path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
                throw new PimccError(ExitCode.Usage, path, "pimcc check compares against ONNX Runtime and needs an ONNX model", "give the model's .onnx file");
            var steps = p.GetValue(gen);
            if (steps < 0) throw new PimccError(ExitCode.Usage, "--gen-tokens", $"{steps} decode steps", "use 0 or more");
            InputFile.Check(path, InputKind.Onnx);
            OrtReference.RequireInputIdsOnly(path); // a KV-cache graph is refused before compiling
            var given = functional.PromptOrNull(p);
            PimBinary bin;
            string name;
            if (p.GetValue(binary) is { } binPath)
            {
                bin = PimBinaryReader.Read(InputFile.ReadBytes(binPath, InputKind.Binary), binPath);
                name = binPath;
            }
            else
            {
                var settings = new CompileSettings(p.GetValue(compile.Target)!, null, "bin", given?.Count ?? DefaultPromptTokens, steps, null, [], [], false, false,
                    p.GetValue(compile.TargetConfig), p.GetValue(compile.Set) ?? []) { Image = "on" };
                bin = CompileCommand.CompileBinary(path, settings, io);
                name = path;
            }
            // The embedded description is resolved once, for the default prompt and the run.
            var resolved = SimulatorTargets.For(bin, name);
            var prompt = given ?? DefaultPrompt(resolved.Simulator, bin, name);
            return Check(resolved, bin, name, path, prompt, steps, io);
        });
        return cmd;
    }

    /// <summary>Position i holds (7 i + 3) mod vocabulary: deterministic, spread over the vocabulary.</summary>
    private static List<int> DefaultPrompt(ISimulatorTarget simulator, PimBinary bin, string name)
    {
        var vocab = simulator.ReturnedVocabulary(bin)
            ?? throw new PimccError(ExitCode.InvalidBinary, name, "the binary names no returned logits (region 'decode.logits:<V>')", "recompile with this pimcc");
        var length = Math.Min(DefaultPromptTokens, bin.Workload?.PromptTokens ?? DefaultPromptTokens);
        return [.. Enumerable.Range(0, length).Select(i => (7 * i + 3) % vocab)];
    }

    /// <summary>Runs both sides and writes the per-step lines and the verdict; throws <see cref="ExitCode.CheckMismatch"/> when a step is off.</summary>
    private static int Check((ISimulatorTarget Simulator, Pimcc.Targets.TargetDescription Target) resolved, PimBinary bin, string name, string model,
        IReadOnlyList<int> prompt, int steps, ConsoleIo io)
    {
        var (simulator, target) = resolved;
        var run = FunctionalCliOptions.RunShowingProgress(simulator, bin, target, name, new FunctionalRequest(prompt, steps) { CheckInterleavings = false }, io);
        var tokens = run.Prompt.Concat(run.Generated.Take(steps)).Select(t => (long)t).ToArray();
        var reference = OrtReference.RunInputIds(model, tokens);
        if (reference.Dims.Length != 3 || reference.Dims[0] != 1 || reference.Dims[1] != tokens.Length)
            throw new PimccError(ExitCode.UnsupportedModel, model, $"ONNX Runtime's output has shape [{string.Join(",", reference.Dims)}], not [1, {tokens.Length}, vocabulary]",
                "pimcc check needs the full-sequence graph: logits [1, sequence, vocabulary] for input_ids [1, sequence]");
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"check: {(name == model ? $"{model} compiled for {target.Name}" : name)} against ONNX Runtime on {model}\n");
        sb.Append("prompt:    ").AppendJoin(',', run.Prompt).Append('\n');
        sb.Append("generated: ").AppendJoin(',', run.Generated).Append('\n');
        sb.Append("program  position  max-abs-diff  tolerance  result\n");
        var failed = new List<(FunctionalStep Step, double Diff)>();
        foreach (var step in run.Steps)
        {
            if (step.Logits.Length != reference.Dims[2])
                throw new PimccError(ExitCode.UnsupportedModel, model, $"the binary returns {step.Logits.Length} logits, ONNX Runtime {reference.Dims[2]}", "check the binary compiled from this model");
            var diff = LogitTolerance.MaxAbsDifference(step.Logits, reference, step.Position);
            var ok = LogitTolerance.Within(diff);
            if (!ok) failed.Add((step, diff));
            sb.Append(CultureInfo.InvariantCulture, $"{step.Program,-7}  {step.Position,8}  {diff,12:E2}  {LogitTolerance.MaxAbs,9:E2}  {(ok ? "ok" : "MISMATCH")}\n");
        }
        if (failed.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"verdict: pass ({run.Steps.Count} steps within {LogitTolerance.MaxAbs:E2} of ONNX Runtime)\n");
            io.Out.Write(sb.ToString());
            return 0;
        }
        var worst = failed.MaxBy(f => f.Diff);
        sb.Append(CultureInfo.InvariantCulture, $"verdict: MISMATCH ({failed.Count} of {run.Steps.Count} steps beyond {LogitTolerance.MaxAbs:E2})\n");
        io.Out.Write(sb.ToString());
        throw new PimccError(ExitCode.CheckMismatch, name,
            string.Create(CultureInfo.InvariantCulture, $"{failed.Count} of {run.Steps.Count} steps differ from ONNX Runtime by more than {LogitTolerance.MaxAbs:E2} (largest {worst.Diff:E2}, {worst.Step.Program} position {worst.Step.Position})"),
            "the compiled program does not compute the model: compare with 'pimcc run --functional' per pass (--passes) to find the pass");
    }
}
