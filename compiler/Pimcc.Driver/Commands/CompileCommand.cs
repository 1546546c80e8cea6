using System.CommandLine;
using System.Text;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Compiler.Targets.Hpim;
using Pimcc.Compiler.Targets.Hpim.Lowering;
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
    public static PimBinary CompileBinary(string path, CompileSettings s, ConsoleIo io)
    {
        var (module, target) = RunPipeline(path, s, io);
        return Emit(module, target, s.Image);
    }

    private static PimBinary Emit(Module result, HpimTarget target, string image)
    {
        if (!PassManager.Properties(result).Contains(HpimAttrs.Scheduled))
            throw new PimccError(ExitCode.Usage, "--passes", "a binary needs the full hpim pipeline",
                $"drop --passes or end it with hpim-schedule (default: {PassRegistry.HpimPipeline})");
        return WithImage(HpimBackend.Emit(result, target), result, target, image);
    }

    /// <summary>Adds the initial memory image (<c>--image</c>): auto = when weights carry data and the image stays under
    /// <see cref="MemoryImageBuilder.DefaultLimitBytes"/>; on = always (error without weight data); off = never.</summary>
    private static PimBinary WithImage(PimBinary bin, Module result, HpimTarget target, string image)
    {
        var bytes = MemoryImageBuilder.WeightBytes(result);
        switch (image)
        {
            case "off":
                return bin;
            case "on" when bytes == 0:
                throw new PimccError(ExitCode.Usage, "--image on", "the model's weights carry no data (a HuggingFace config?), so there is no image to embed",
                    "compile an ONNX model with weights, or drop --image on");
            case "on":
                return MemoryImageBuilder.Attach(bin, result, target);
            default:
                return bytes > 0 && bytes <= MemoryImageBuilder.DefaultLimitBytes ? MemoryImageBuilder.Attach(bin, result, target) : bin;
        }
    }

    public static int Compile(string path, CompileSettings s, ConsoleIo io)
    {
        ModelLoader.Check(path);
        if (s.Emit is not ("ir" or "bin"))
            throw new PimccError(ExitCode.Usage, "--emit", $"unknown output kind '{s.Emit}'", "use --emit bin or --emit ir");
        if (s.Emit == "bin" && s.Output is null)
            throw new PimccError(ExitCode.Usage, "-o", "a binary needs an output file", "add -o out.bin (or -o - for standard output)");
        var outputs = new OutputPlan(io, path, s.TargetConfig);
        var output = outputs.Add("-o", s.Output ?? "-", binary: s.Emit == "bin");
        var (result, target) = RunPipeline(path, s, io);
        outputs.Write((output, s.Emit == "ir"
            ? OutputPlan.Text(Printer.Print(result))
            : PimBinaryWriter.Write(Emit(result, target, s.Image))));
        return 0;
    }

    /// <summary>Loads the target and the model, and runs the pass pipeline with the debugging flags.</summary>
    private static (Module Module, HpimTarget Target) RunPipeline(string path, CompileSettings s, ConsoleIo io)
    {
        var target = s.TargetConfig is { } file ? TargetLoader.LoadFile(file, s.Sets) : TargetLoader.LoadPreset(s.Target, s.Sets);
        var module = ModelLoader.Load(path, new HfWorkload(s.PromptTokens, s.GeneratedTokens), io.Err);
        var pipeline = Pipeline.Parse(s.Passes ?? PassRegistry.HpimPipeline, PassRegistry.Default);
        var manager = new PassManager(new PassInstrumentation
        {
            PrintAfter = s.PrintAfter.ToHashSet(StringComparer.Ordinal),
            PrintBefore = s.PrintBefore.ToHashSet(StringComparer.Ordinal),
            PrintAfterAll = s.PrintAfterAll,
            Dump = io.Err,
        }, target);
        foreach (var name in s.PrintAfter.Concat(s.PrintBefore))
            if (pipeline.Steps.All(st => st.Pass.Name != name))
                throw new PimccError(ExitCode.Usage, "--print-ir-after/--print-ir-before", $"pass '{name}' is not in the pipeline",
                    $"pipeline: {pipeline}");
        var (result, records) = manager.Run(module, pipeline, path);
        if (s.PassStatistics) io.Err.Write(StatisticsReport.Render(records));
        return (result, target);
    }
}

/// <summary>Renders pass statistics like LLVM's -stats: one block per pass.</summary>
public static class StatisticsReport
{
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
