using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Tests.Ir;

namespace Pimcc.Tests.Passes;

/// <summary>Consecutive check passes run side by side, with the outcome of a run one after another.</summary>
public class SideBySideCheckTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private sealed class Check(string name, Func<Module, PassContext, Module> run) : Pass
    {
        public static readonly Statistic Ran = new("ran", "1 when the check ran");
        public override string Name => name;
        public override string Summary => "a check (test only)";
        public override ImmutableArray<Statistic> Statistics => [Ran];
        public override ImmutableArray<string> Establishes => [name + "-checked"];
        public override bool IsCheck => true;

        public override Module Run(Module module, PassContext context)
        {
            context.Stats.Set(Ran, 1);
            return run(module, context);
        }
    }

    private static (Module, IReadOnlyList<PassRunRecord>) Run(string pipeline, PassInstrumentation? inst, params Pass[] passes) =>
        new PassManager(inst ?? new PassInstrumentation { ReproducerDirectory = null })
            .Run(TinyDecoder.Build(), Pipeline.Parse(pipeline, new PassRegistry([.. passes])), "test");

    [Fact]
    public void ConsecutiveChecksRunAtTheSameTimeAndAreRecordedInPipelineOrder()
    {
        // Each check waits for the other: run one after another, neither would reach the barrier's other side.
        using var barrier = new Barrier(2);
        var met = new bool[2];
        var (m, records) = Run("check-a,check-b", null,
            new Check("check-a", (mod, _) => { met[0] = barrier.SignalAndWait(Patience); return mod; }),
            new Check("check-b", (mod, _) => { met[1] = barrier.SignalAndWait(Patience); return mod; }));
        met.ShouldBe([true, true]);
        records.Select(r => r.Pass).ShouldBe(["check-a", "check-b"]);
        records.ShouldAllBe(r => r.SideBySide && r.Statistics.Values.Single().Value == 1);
        PassManager.Properties(m).ShouldBe(["check-a-checked", "check-b-checked"]);
    }

    [Fact]
    public void TheFirstFailingCheckInPipelineOrderIsReportedWhicheverFailsFirst()
    {
        using var bFailed = new ManualResetEventSlim();
        var e = Should.Throw<PimccError>(() => Run("check-a,check-b", null,
            new Check("check-a", (_, _) =>
            {
                bFailed.Wait(Patience);
                throw new PimccError(ExitCode.CapacityExceeded, "a", "check-a failed", "none");
            }),
            new Check("check-b", (_, _) =>
            {
                try { throw new PimccError(ExitCode.InvalidModel, "b", "check-b failed", "none"); }
                finally { bFailed.Set(); }
            })));
        e.Code.ShouldBe(ExitCode.CapacityExceeded);
        e.Message.ShouldContain("check-a failed");
    }

    [Fact]
    public void DumpsOfSideBySideChecksComeInPipelineOrder()
    {
        var dump = new StringWriter();
        Run("check-a,check-b", new PassInstrumentation
        {
            PrintBefore = new HashSet<string> { "check-a", "check-b" }, PrintAfter = new HashSet<string> { "check-a", "check-b" },
            Dump = dump, ReproducerDirectory = null,
        }, new Check("check-a", (mod, _) => mod), new Check("check-b", (mod, _) => mod));
        var headers = dump.ToString().Split('\n').Where(l => l.StartsWith("// -----// IR Dump", StringComparison.Ordinal));
        headers.ShouldBe([
            "// -----// IR Dump Before check-a //----- //", "// -----// IR Dump After check-a //----- //",
            "// -----// IR Dump Before check-b //----- //", "// -----// IR Dump After check-b //----- //",
        ]);
    }

    [Fact]
    public void ACheckThatChangesTheModuleIsAnInternalError()
    {
        var e = Should.Throw<PimccError>(() => Run("check-a,check-b", null,
            new Check("check-a", (mod, _) => mod),
            new Check("check-b", (mod, _) => mod.WithAttrs(mod.Attrs.Set("x", AttrValue.Of(1L))))));
        e.Code.ShouldBe(ExitCode.InternalError);
        e.Message.ShouldContain("check pass 'check-b' returned a changed module");
    }
}
