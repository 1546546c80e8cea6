using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Tests.Ir;

namespace Pimcc.Tests.Passes;

public class PipelineTests
{
    [Theory]
    [InlineData("no-such-pass", "unknown pass 'no-such-pass'")]
    [InlineData("bind-workload{colour=1}", "has no option 'colour'")]
    [InlineData("bind-workload{prompt-tokens=many}", "cannot be 'many'")]
    [InlineData("annotate-ops", "requires workload-bound")]
    [InlineData("", "empty pipeline")]
    public void BadPipelinesAreRejectedBeforeRunning(string text, string message)
    {
        var e = Should.Throw<PimccError>(() => PassTestKit.Run(TinyDecoder.Build(), text));
        e.Code.ShouldBe(ExitCode.Usage);
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void PipelineStringRoundTripsWithOptions() =>
        Pipeline.Parse("infer-shapes, bind-workload{prompt-tokens=7},annotate-ops", PassRegistry.Default).ToString()
            .ShouldBe("infer-shapes,bind-workload{prompt-tokens=7},annotate-ops");

    [Fact]
    public void TargetFlagSetsItsPassOptionInEveryStepOfThatPass()
    {
        var p = Pipeline.Parse("infer-shapes,bind-workload{prompt-tokens=7},annotate-ops", PassRegistry.Default)
            .WithOption("bind-workload", "prompt-tokens", "12", "--prompt");
        p.ToString().ShouldBe("infer-shapes,bind-workload{prompt-tokens=12},annotate-ops");
    }

    [Theory]
    [InlineData("bind-workload", "twelve", "--prompt cannot be 'twelve'")]
    [InlineData("canonicalize", "3", "sets an option of pass 'canonicalize', which the pipeline does not run")]
    public void TargetFlagWithABadValueOrAMissingPassIsAUsageErrorAtTheFlag(string pass, string value, string message)
    {
        var p = Pipeline.Parse("infer-shapes,bind-workload", PassRegistry.Default);
        var e = Should.Throw<PimccError>(() => p.WithOption(pass, "prompt-tokens", value, "--prompt"));
        e.Code.ShouldBe(ExitCode.Usage);
        e.Location.ShouldBe("--prompt");
        e.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("0.25", 0.25)]
    [InlineData("1e-1", 0.1)]
    public void RealOptionsParseInvariantFiniteNumbers(string text, double value) =>
        PassOption.Real("f", "a fraction", 0).Parse(text).ShouldBe(value);

    [Theory]
    [InlineData("NaN")]
    [InlineData("1e400")]
    [InlineData("0,5")]
    public void RealOptionsRefuseNonFiniteOrLocalisedNumbers(string text) =>
        PassOption.Real("f", "a fraction", 0).Parse(text).ShouldBeNull();

    [Fact]
    public void PropertiesAreRecordedInTheModule()
    {
        var (m, _) = PassTestKit.Run(TinyDecoder.Build(), PassRegistry.FrontPipeline);
        PassManager.Properties(m).ShouldBe(["annotated", "canonical", "shapes-inferred", "workload-bound"]);
    }

    [Fact]
    public void PrintIrAfterDumpsOnlyTheNamedPass()
    {
        var dump = new StringWriter();
        PassTestKit.Run(TinyDecoder.Build(), PassRegistry.FrontPipeline,
            new PassInstrumentation { PrintAfter = new HashSet<string> { "bind-workload" }, Dump = dump, ReproducerDirectory = null });
        var text = dump.ToString();
        text.ShouldStartWith("// -----// IR Dump After bind-workload //----- //\n");
        text.ShouldContain("%input_ids: i64[5]");
        text.ShouldNotContain("cost.flops");
    }

    private sealed class BrokenPass : Pass
    {
        public override string Name => "break-ir";
        public override string Summary => "drops a function's ops (test only)";
        public override Module Run(Module module, PassContext context) =>
            module.WithFunction(module.Functions[0].WithBody(module.Functions[0].Body.RemoveAt(0)));
    }

    [Fact]
    public void PassProducingInvalidIrIsAnInternalErrorWithReproducer()
    {
        var dir = TestScratch.NewDir("pimcc-repro");
        var registry = new PassRegistry([new BrokenPass()]);
        var manager = new PassManager(new PassInstrumentation { ReproducerDirectory = dir });
        var e = Should.Throw<PimccError>(() => manager.Run(TinyDecoder.Build(), Pipeline.Parse("break-ir", registry), "test"));
        e.Code.ShouldBe(ExitCode.InternalError);
        e.Message.ShouldContain("fails verification");
        var repro = File.ReadAllText(Path.Combine(dir, "pimcc-reproducer-break-ir.pimir"));
        repro.ShouldContain("--passes \"break-ir\"");
        repro.ShouldContain("pimir 1");
    }
}
