using System.Collections.Immutable;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Compiler.PassManagement;

/// <summary>Statistics of one pass in a run, and the wall time it took (verification after it included).</summary>
public sealed record PassRunRecord(string Pass, PassStatistics Statistics)
{
    public TimeSpan Elapsed { get; init; }

    /// <summary>The pass ran side by side with the other checks next to it in the pipeline (their times overlap).</summary>
    public bool SideBySide { get; init; }
}

/// <summary>
/// Runs a <see cref="Pipeline"/>: checks requirements up front, runs each pass, runs the verifier
/// after every pass, tracks established properties in the module, writes requested IR dumps, and on
/// a pass crash writes a reproducer (the IR before the pass plus the pipeline that failed).
/// Consecutive checks (<see cref="Pass.IsCheck"/>) run side by side; their outcomes are then taken in pipeline
/// order, so dumps, statistics and the error reported (the first failing check's) are those of a run one after another.
/// </summary>
public sealed class PassManager(PassInstrumentation instrumentation, TargetDescription? target = null, PipelineSettings? settings = null)
{
    /// <summary>What one pass run gave: its result or failure, its statistics and its wall time.</summary>
    private sealed record Outcome(Module? Result, Exception? Failure, PassStatistics Stats, TimeSpan Elapsed);

    /// <param name="artifacts">Receives what the passes produce beside the IR (a lowering's streams); a fresh one when null.</param>
    /// <param name="passDone">Told (passes done, passes in the pipeline) after each pass, for a progress display.</param>
    public (Module Module, IReadOnlyList<PassRunRecord> Records) Run(Module module, Pipeline pipeline, string source, CompilationArtifacts? artifacts = null,
        Action<int, int>? passDone = null)
    {
        artifacts ??= new CompilationArtifacts();
        Verifier.VerifyOrThrow(module, source);
        pipeline.CheckRequirements(Properties(module));
        var records = new List<PassRunRecord>();
        var steps = pipeline.Steps;
        for (var i = 0; i < steps.Length;)
        {
            var checks = 0;
            while (i + checks < steps.Length && steps[i + checks].Pass.IsCheck) checks++;
            var group = checks > 1 ? steps.AsSpan(i, checks).ToArray() : [steps[i]];
            var input = module;
            var outcomes = new Outcome[group.Length];
            var sideBySide = group.Length > 1;
            if (!sideBySide)
            {
                DumpBefore(group[0].Pass, input);
                outcomes[0] = RunPass(group[0], input, artifacts);
            }
            else Parallel.For(0, group.Length, k => outcomes[k] = RunPass(group[k], input, artifacts));
            for (var k = 0; k < group.Length; k++)
            {
                if (sideBySide) DumpBefore(group[k].Pass, module);
                module = Finish(group[k], pipeline, input, module, outcomes[k], records, sideBySide);
                passDone?.Invoke(records.Count, steps.Length);
            }
            i += group.Length;
        }
        return (module, records);
    }

    private Outcome RunPass(PipelineStep step, Module module, CompilationArtifacts artifacts)
    {
        var stats = new PassStatistics(step.Pass.Statistics);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var result = step.Pass.Run(module, new PassContext(step.Options, stats, target, artifacts, settings));
            return new Outcome(result, null, stats, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e)
        {
            return new Outcome(null, e, stats, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Everything after a pass ran on <paramref name="input"/>, in pipeline order: its failure reported, the verifier,
    /// properties, dumps and its record. <paramref name="module"/> is the module after the passes before it (a check
    /// of a side-by-side group ran on the group's input, which lacks the properties of the checks before it).</summary>
    private Module Finish(PipelineStep step, Pipeline pipeline, Module input, Module module, Outcome outcome, List<PassRunRecord> records, bool sideBySide)
    {
        var pass = step.Pass;
        if (outcome.Failure is PimccError)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(outcome.Failure).Throw(); // user-caused (e.g. capacity): already a one-line diagnostic
        if (outcome.Failure is { } e)
            throw Crash(pass, pipeline, module, $"pass '{pass.Name}' crashed: {e.GetType().Name}: {e.Message}");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // A pass that returned its input unchanged (a check) leaves IR the verifier already passed.
        var unchanged = ReferenceEquals(outcome.Result, input);
        if (pass.IsCheck && !unchanged)
            throw Crash(pass, pipeline, module, $"check pass '{pass.Name}' returned a changed module");
        var result = unchanged ? module : outcome.Result!;
        result = WithProperties(result, Properties(module).Except(pass.Invalidates).Union(pass.Establishes));
        if (instrumentation.VerifyEach && !unchanged)
        {
            var errors = Verifier.Verify(result);
            if (errors.Count > 0)
                throw Crash(pass, pipeline, module, $"IR after pass '{pass.Name}' fails verification: {errors[0]}");
        }
        if (instrumentation.PrintAfterAll || instrumentation.PrintAfter.Contains(pass.Name)) Dump("After", pass.Name, result);
        records.Add(new PassRunRecord(pass.Name, outcome.Stats)
        {
            Elapsed = outcome.Elapsed + System.Diagnostics.Stopwatch.GetElapsedTime(started),
            SideBySide = sideBySide,
        });
        return result;
    }

    public static IEnumerable<string> Properties(Module m) =>
        m.Attrs.TryGetValue(IrProperty.AttrName, out var v) && v is ListAttr l
            ? l.Items.OfType<StringAttr>().Select(s => s.Value)
            : [];

    private static Module WithProperties(Module m, IEnumerable<string> props) =>
        m.WithAttrs(m.Attrs.Set(IrProperty.AttrName, AttrValue.Of(props.Distinct().Order(StringComparer.Ordinal))));

    private void DumpBefore(Pass pass, Module m)
    {
        if (instrumentation.PrintBefore.Contains(pass.Name)) Dump("Before", pass.Name, m);
    }

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
