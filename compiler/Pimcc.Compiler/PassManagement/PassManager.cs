using System.Collections.Immutable;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Compiler.PassManagement;

/// <summary>Statistics of one pass in a run, and the wall time it took (verification after it included).</summary>
public sealed record PassRunRecord(string Pass, PassStatistics Statistics)
{
    public TimeSpan Elapsed { get; init; }
}

/// <summary>
/// Runs a <see cref="Pipeline"/>: checks requirements up front, runs each pass, runs the verifier
/// after every pass, tracks established properties in the module, writes requested IR dumps, and on
/// a pass crash writes a reproducer (the IR before the pass plus the pipeline that failed).
/// </summary>
public sealed class PassManager(PassInstrumentation instrumentation, TargetDescription? target = null, PipelineSettings? settings = null)
{
    /// <param name="artifacts">Receives what the passes produce beside the IR (a lowering's streams); a fresh one when null.</param>
    /// <param name="passDone">Told (passes done, passes in the pipeline) after each pass, for a progress display.</param>
    public (Module Module, IReadOnlyList<PassRunRecord> Records) Run(Module module, Pipeline pipeline, string source, CompilationArtifacts? artifacts = null,
        Action<int, int>? passDone = null)
    {
        artifacts ??= new CompilationArtifacts();
        Verifier.VerifyOrThrow(module, source);
        pipeline.CheckRequirements(Properties(module));
        var records = new List<PassRunRecord>();
        foreach (var step in pipeline.Steps)
        {
            var pass = step.Pass;
            if (instrumentation.PrintBefore.Contains(pass.Name)) Dump("Before", pass.Name, module);
            var stats = new PassStatistics(pass.Statistics);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Module result;
            try
            {
                result = pass.Run(module, new PassContext(step.Options, stats, target, artifacts, settings));
            }
            catch (PimccError)
            {
                throw; // user-caused (e.g. capacity): already a one-line diagnostic
            }
            catch (Exception e)
            {
                throw Crash(pass, pipeline, module, $"pass '{pass.Name}' crashed: {e.GetType().Name}: {e.Message}");
            }
            // A pass that returned its input unchanged (a check) leaves IR the verifier already passed.
            var unchanged = ReferenceEquals(result, module);
            result = WithProperties(result, Properties(module).Except(pass.Invalidates).Union(pass.Establishes));
            if (instrumentation.VerifyEach && !unchanged)
            {
                var errors = Verifier.Verify(result);
                if (errors.Count > 0)
                    throw Crash(pass, pipeline, module, $"IR after pass '{pass.Name}' fails verification: {errors[0]}");
            }
            if (instrumentation.PrintAfterAll || instrumentation.PrintAfter.Contains(pass.Name)) Dump("After", pass.Name, result);
            records.Add(new PassRunRecord(pass.Name, stats) { Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started) });
            module = result;
            passDone?.Invoke(records.Count, pipeline.Steps.Length);
        }
        return (module, records);
    }

    public static IEnumerable<string> Properties(Module m) =>
        m.Attrs.TryGetValue(IrProperty.AttrName, out var v) && v is ListAttr l
            ? l.Items.OfType<StringAttr>().Select(s => s.Value)
            : [];

    private static Module WithProperties(Module m, IEnumerable<string> props) =>
        m.WithAttrs(m.Attrs.Set(IrProperty.AttrName, AttrValue.Of(props.Distinct().Order(StringComparer.Ordinal))));

    private void Dump(string when, string pass, Module m)
    {
        instrumentation.Dump.Write($"// -----// IR Dump {when} {pass} //----- //\n");
        instrumentation.Dump.Write(Printer.Print(m));
        instrumentation.Dump.Flush();
    }

    private PimccError Crash(Pass pass, Pipeline pipeline, Module before, string message)
    {
        var hint = "this is a pimcc bug; please report it";
        if (instrumentation.ReproducerDirectory is { } dir)
        {
            try
            {
                var path = Path.Combine(dir, $"pimcc-reproducer-{pass.Name}.pimir");
                File.WriteAllText(path, $"// pimcc reproducer: run `pimcc {Path.GetFileName(path)} --passes \"{pipeline}\"`\n" +
                                        $"// failing pass: {pass.Name}\n" + Printer.Print(before));
                hint = $"reproducer written to {path}; please report it with that file";
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return new PimccError(ExitCode.InternalError, "pimcc", message, hint);
    }
}
