using System.Text.Json;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Shapes;

namespace Pimcc.Tests.Onnx;

/// <summary>Constant folding of shape subgraphs, checked by running the folded graphs in ONNX Runtime.</summary>
public sealed class OnnxConstantFoldingTests
{
    private static (OnnxModel Model, OnnxFoldResult Result) Fold(string sample)
    {
        var model = OnnxModelLoader.Load(RepoPaths.Combine("samples", "onnx", sample));
        return (model, OnnxConstantFolding.Fold(OnnxShapeInference.Infer(model.Graph)));
    }

    [Theory]
    [MemberData(nameof(OnnxSampleLoadingTests.Samples), MemberType = typeof(OnnxSampleLoadingTests))]
    public void Folding_removes_constant_shape_arithmetic(string sample)
    {
        var (model, result) = Fold(sample);
        result.NodesFolded.ShouldBeGreaterThan(0);
        result.Graph.Nodes.Count.ShouldBeLessThan(model.Graph.Nodes.Count);
        result.Graph.Nodes.ShouldNotContain(n => n.OpType == "Constant");
        // Whatever shape arithmetic is left depends on a symbolic length.
        var facts = OnnxShapeInference.Infer(result.Graph);
        foreach (var n in result.Graph.Nodes.Where(n => n.OpType is "Shape" or "Gather" or "Concat" or "Unsqueeze"))
            foreach (var o in n.Outputs)
                facts.Get(o).IsConstant.ShouldBeFalse($"{n.Describe()} should have been folded");
    }

    [Fact]
    public void Static_decode_graph_keeps_only_past_length_arithmetic()
    {
        // In the OPT decode graph every shape is static except past_seq, used only for positions.
        var (_, result) = Fold("tiny-opt-decode.onnx");
        result.Graph.Nodes.Count(n => n.OpType == "Shape").ShouldBe(1);
        result.Graph.Nodes.Count(n => n.OpType == "Reshape").ShouldBe(8);
        foreach (var r in result.Graph.Nodes.Where(n => n.OpType == "Reshape"))
            result.Graph.FindInitializer(r.Inputs[1]).ShouldNotBeNull(r.Describe());
    }

    [Fact]
    public void Tied_head_transpose_is_not_folded()
    {
        var (_, result) = Fold("tiny-gpt2.onnx");
        result.Graph.Nodes.ShouldContain(n => n.OpType == "Transpose" && n.Inputs[0] == "wte.weight");
    }

    /// <summary>The folded graph, written back to ONNX, computes the same outputs in ONNX Runtime.</summary>
    [Theory]
    [MemberData(nameof(OnnxSampleLoadingTests.Samples), MemberType = typeof(OnnxSampleLoadingTests))]
    public void Folded_graph_runs_in_ort_with_the_same_outputs(string sample)
    {
        var (model, result) = Fold(sample);
        using var temp = new TempFolder();
        var folded = temp.Write("folded.onnx", OnnxProtoWriter.ToBytes(result.Graph, model.IrVersion, model.Opset));
        var expectedPath = RepoPaths.Combine("samples", "onnx", "expected", Path.GetFileNameWithoutExtension(sample) + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(expectedPath));
        var expected = JsonTensor.ReadAll(doc.RootElement.GetProperty("outputs"));
        var actual = OrtRunner.Run(folded, expectedPath);
        actual.Select(a => a.Name).ShouldBe(expected.Select(e => e.Name));
        foreach (var ((name, want), (_, got)) in expected.Zip(actual))
        {
            got.Dims.ShouldBe(want.Dims, name);
            want.Data.Zip(got.Data).Max(p => Math.Abs(p.First - p.Second)).ShouldBeLessThan(1e-5, name);
        }
    }
}

public sealed class OnnxPreparedGraphTests
{
    [Fact]
    public void Prepared_llama_decode_graph_has_facts_for_the_folded_graph()
    {
        var prepared = OnnxPreparedGraph.Load(RepoPaths.Combine("samples", "onnx", "tiny-llama-decode.onnx"));
        prepared.NodesFolded.ShouldBeGreaterThan(0);
        prepared.Graph.Nodes.Count.ShouldBeLessThan(prepared.Model.Graph.Nodes.Count);
        prepared.Facts.Graph.ShouldBeSameAs(prepared.Graph);
        prepared.Facts.UnresolvedValues().ShouldBeEmpty();
        prepared.Facts.Get("present.2.key").ShapeText.ShouldBe("[1, 2, past_seq + 1, 16]");
    }
}
