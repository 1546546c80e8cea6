using System.CommandLine;
using System.Text;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Compiler.Targets;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Targets;

namespace Pimcc.Driver.Commands;

/// <summary>The root command: <c>pimcc &lt;model&gt; --target &lt;name&gt; [-o file] [--emit ir|bin]</c>.</summary>
public static class CompileCommand
{
    public static void Configure(RootCommand root, ConsoleIo io)
    {
        var model = new Argument<string?>("model") { Description = "model file: HuggingFace config (.json), ONNX (.onnx) or textual IR (.pimir)", Arity = ArgumentArity.ZeroOrOne };
        var options = new CompileOptions();
        root.Arguments.Add(model);
        options.AddTo(root);
        root.SetAction(parse =>
        {
            if (root.Options.FirstOrDefault(o => o.Name == "--version") is Option<bool> v && parse.GetValue(v))
            {
                io.Out.Write(VersionText.Render());
                return 0;
            }
            var path = parse.GetValue(model);
            if (path is null)
            {
                io.Err.WriteLine("pimcc: error: no model given (hint: pimcc <model> --target hpim -o out.bin; see pimcc --help)");
                return (int)ExitCode.Usage;
            }
            return Compile(path, options.Read(parse), io);
        });
    }

    /// <summary>Compiles to an in-memory binary (for <c>pimcc run</c>).</summary>
    public static PimBinary CompileBinary(string path, CompileSettings s, ConsoleIo io) => Binary(RunPipeline(path, s, io));

    // The binary the pipeline's lowering left (and its later passes checked and completed).
    private static PimBinary Binary(Compilation c) =>
        c.Artifacts.Find<PimBinary>() ?? throw new PimccError(ExitCode.Usage, "--passes", "the pipeline produced no binary",
            $"drop --passes, or run the target's lowering in it (target '{c.Target.Name}': {CompilerTargets.For(c.Target).Pipeline})");

    public static int Compile(string path, CompileSettings s, ConsoleIo io)
    {
        ModelLoader.Check(path);
        if (s.Emit is not ("ir" or "bin"))
            throw new PimccError(ExitCode.Usage, "--emit", $"unknown output kind '{s.Emit}'", "use --emit bin or --emit ir");
        if (s.Emit == "bin" && s.Output is null)
            throw new PimccError(ExitCode.Usage, "-o", "a binary needs an output file", "add -o out.bin (or -o - for standard output)");
        var outputs = new OutputPlan(io, path, s.TargetConfig);
        var output = outputs.Add("-o", s.Output ?? "-", binary: s.Emit == "bin");
        var compilation = RunPipeline(path, s, io);
        outputs.Write((output, s.Emit == "ir"
            ? OutputPlan.Text(Printer.Print(compilation.Module))
            : PimBinaryWriter.Write(Binary(compilation))));
        return 0;
    }

    /// <summary>Sets the pass options the given target flags name; a flag the target's compiler does not declare is a usage error.</summary>
    internal static Pipeline ApplyFlags(Pipeline pipeline, ICompilerTarget compiler, IReadOnlyList<KeyValuePair<string, string>> flags)
    {
        foreach (var (name, value) in flags)
        {
            var flag = compiler.Flags.FirstOrDefault(f => f.Name == name) ?? throw new PimccError(ExitCode.Usage, name,
                $"{name} is not a flag of target kind '{compiler.Kind}'",
                compiler.Flags.Count == 0 ? $"kind '{compiler.Kind}' takes no target flags; drop {name}" : $"its flags: {string.Join(", ", compiler.Flags.Select(f => f.Name))}");
            pipeline = pipeline.WithOption(flag.Pass, flag.Option, value, name);
        }
        return pipeline;
    }

    /// <summary>What a pipeline run gives: the final IR, the target it ran for and what its passes produced beside the IR.</summary>
    private sealed record Compilation(Module Module, TargetDescription Target, CompilationArtifacts Artifacts);

    /// <summary>Loads the target and the model, and runs the target's pass pipeline (or <c>--passes</c>) with the debugging flags.</summary>
    private static Compilation RunPipeline(string path, CompileSettings s, ConsoleIo io)
    {
        var target = s.TargetConfig is { } file ? TargetLoader.LoadFile(file, s.Sets) : TargetLoader.LoadPreset(s.Target, s.Sets);
        var compiler = CompilerTargets.For(target);
        var module = ModelLoader.Load(path, new HfWorkload(s.PromptTokens, s.GeneratedTokens) { Defaulted = s.WorkloadDefaulted, Positions = s.Positions }, io.Err);
        // A kind's lowering builds a prefill and a decode program around causal attention unless it declares encoders.
        if (module.Attrs.StrOr("architecture", "decoder") == "encoder" && !compiler.CompilesEncoders)
            throw new PimccError(ExitCode.UnsupportedModel, path,
                $"{module.Attrs.StrOr("family", "this model")} is an encoder (bidirectional attention, no decode step); target '{target.Name}' lowers decoders only",
                $"of the bundled kinds, {string.Join(", ", CompilerTargets.All.Where(c => c.CompilesEncoders).Select(c => c.Kind))} compiles encoders; the IR (docs/ir.md, \"Encoders\") runs on the reference interpreter");
        var pipeline = ApplyFlags(Pipeline.Parse(s.Passes ?? compiler.Pipeline, PassRegistry.For(compiler)), compiler, s.TargetFlags);
        var manager = new PassManager(new PassInstrumentation
        {
            PrintAfter = s.PrintAfter.ToHashSet(StringComparer.Ordinal),
            PrintBefore = s.PrintBefore.ToHashSet(StringComparer.Ordinal),
            PrintAfterAll = s.PrintAfterAll,
            Dump = io.Err,
        }, target, new PipelineSettings(s.Image));
        foreach (var name in s.PrintAfter.Concat(s.PrintBefore))
            if (pipeline.Steps.All(st => st.Pass.Name != name))
                throw new PimccError(ExitCode.Usage, "--print-ir-after/--print-ir-before", $"pass '{name}' is not in the pipeline",
                    $"pipeline: {pipeline}");
        var artifacts = new CompilationArtifacts();
        var (result, records) = io.Progress.Run(stages =>
        {
            var bar = stages.Stage($"compiling {Path.GetFileName(path)} for {target.Name}", pipeline.Steps.Length);
            return manager.Run(module, pipeline, path, artifacts, bar.Update);
        });
        if (s.PassStatistics) io.Err.Write(StatisticsReport.Render(records));
        if (s.TimePasses) io.Err.Write(StatisticsReport.RenderTimes(records));
        return new Compilation(result, target, artifacts);
    }
}

/// <summary>Renders pass statistics like LLVM's -stats (one block per pass) and pass times like -time-passes.</summary>
public static class StatisticsReport
{
    public static string RenderTimes(IReadOnlyList<PassRunRecord> records)
    {
        var total = records.Sum(r => r.Elapsed.TotalSeconds);
        var sb = new StringBuilder("===-------------------------------------------------------------------------===\n" +
                                   "                      ... Pass execution timing report ...\n" +
                                   "===-------------------------------------------------------------------------===\n" +
                                   "   wall (s)   share  pass\n");
        foreach (var r in records)
            sb.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"  {r.Elapsed.TotalSeconds,9:F4}  {(total > 0 ? 100 * r.Elapsed.TotalSeconds / total : 0),5:F1}%  {r.Pass}{(r.SideBySide ? " *" : "")}\n");
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {total,9:F4}  100.0%  total\n");
        if (records.Any(r => r.SideBySide))
            sb.Append("  * checks run side by side: their times overlap, so the total is more than the wall time\n");
        return sb.ToString();
    }

    public static string Render(IEnumerable<PassRunRecord> records)
    {
        var sb = new StringBuilder("===-------------------------------------------------------------------------===\n" +
                                   "                          ... Pass statistics report ...\n" +
                                   "===-------------------------------------------------------------------------===\n");
        foreach (var r in records)
        {
            sb.Append(r.Pass).Append('\n');
            foreach (var (stat, value) in r.Statistics.Values)
                sb.Append($"  {value,20}  {stat.Name} - {stat.Description}\n");
        }
        return sb.ToString();
    }
}
