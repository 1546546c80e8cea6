using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;

namespace Pimcc.Tests.OnnxImport;

/// <summary>What cannot be raised is imported generically and reported by node; workload limits; determinism.</summary>
public class OnnxFrontendReportTests
{
    /// <summary>tiny-opt with its nodes rewritten by <paramref name="edit"/>, written to a temporary file and imported.</summary>
    private static (Module Module, OnnxImportReport Report) ImportEdited(Func<OnnxNode, OnnxNode> edit)
    {
        var model = OnnxModelLoader.Load(OnnxRaisingTests.SamplePath("tiny-opt"));
        var g = model.Graph;
        var edited = new OnnxGraph(g.Name, [.. g.Nodes.Select(edit)], g.Initializers, g.Inputs, g.Outputs, g.ValueInfos);
        var dir = TestScratch.NewDir("pimcc-raise-");
        try
        {
            var path = Path.Combine(dir, "edited.onnx");
            File.WriteAllBytes(path, OnnxProtoWriter.ToBytes(edited, model.IrVersion, model.Opset));
            return OnnxFrontend.LoadWithReport(path, OnnxRaisingTests.Workload);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Unrecognised_op_stops_raising_and_is_reported_by_name()
    {
        // tiny-opt with layer 1's ReLU replaced by a bare Exp: no transformer pattern has a lone exp (a lone tanh is a soft cap of 1).
        var (module, report) = ImportEdited(n => n.Name == "/layers.1/Relu" ? n with { OpType = "Exp" } : n);
        report.Raised.ShouldBeFalse();
        report.NotRaised.ShouldHaveSingleItem().Node.ShouldBe("/layers.1/Relu");
        report.NotRaised[0].OpType.ShouldBe("Exp");
        report.NotRaised[0].Reason.ShouldContain("none of relu, silu, gelu");
        report.Describe().ShouldContain("not raised: '/layers.1/Relu' (Exp)");
        // Nothing dropped: every node of the (folded) graph is a generic op of prefill.
        var prefill = module.FindFunction(Module.Prefill).ShouldNotBeNull();
        prefill.Body.Length.ShouldBe(report.OnnxNodes);
        prefill.Body.ShouldAllBe(o => o.Opcode.StartsWith("onnx."));
        prefill.Body.Count(o => o.Opcode == "onnx.Exp").ShouldBe(1);
        Verifier.Verify(module).ShouldBeEmpty();
    }

    [Fact]
    public void Every_node_that_fits_no_pattern_is_reported_at_once()
    {
        // Both layers' ReLU replaced by a bare Tanh: two independent failures; the ops reading them are not reported again.
        var (_, report) = ImportEdited(n => n.OpType == "Relu" ? n with { OpType = "Exp" } : n);
        report.Raised.ShouldBeFalse();
        report.NotRaised.Select(n => n.Node).ShouldBe(["/layers.0/Relu", "/layers.1/Relu"]);
        report.NotRaised.ShouldAllBe(n => n.OpType == "Exp" && n.Reason.Contains("none of relu, silu, gelu"));
    }

    [Fact]
    public void Workload_beyond_learned_positions_is_a_usage_error()
    {
        var e = Should.Throw<PimccError>(() => OnnxFrontend.Load(OnnxRaisingTests.SamplePath("tiny-opt"), new OnnxWorkload(120, 9)));
        e.Code.ShouldBe(ExitCode.Usage);
        e.Message.ShouldContain("128");
        Should.Throw<PimccError>(() => OnnxFrontend.Load(OnnxRaisingTests.SamplePath("tiny-opt"), new OnnxWorkload(0, 1))).Code.ShouldBe(ExitCode.Usage);
    }

    [Theory]
    [InlineData("tiny-gpt2")]
    [InlineData("tiny-llama")]
    public void Raised_module_round_trips_through_textual_ir(string sample)
    {
        var text = Printer.Print(OnnxFrontend.Load(OnnxRaisingTests.SamplePath(sample), OnnxRaisingTests.Workload));
        Printer.Print(Pimcc.Frontends.IrText.IrTextParser.Parse(text, sample + ".pimir")).ShouldBe(text);
    }

    [Fact]
    public void Import_is_deterministic()
    {
        var a = Printer.Print(OnnxFrontend.Load(OnnxRaisingTests.SamplePath("tiny-llama"), OnnxRaisingTests.Workload));
        var b = Printer.Print(OnnxFrontend.Load(OnnxRaisingTests.SamplePath("tiny-llama"), OnnxRaisingTests.Workload));
        a.ShouldBe(b);
        a.ShouldContain("@prefill");
        a.ShouldContain("@decode");
    }
}
