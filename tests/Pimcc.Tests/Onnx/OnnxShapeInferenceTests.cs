using System.Text.Json;
using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Shapes;
using static Pimcc.Tests.Onnx.OnnxTestModels;
using DataType = Pimcc.Frontends.Onnx.Proto.TensorProto.Types.DataType;

namespace Pimcc.Tests.Onnx;

/// <summary>Shape inference with symbolic sequence lengths on the bundled samples.</summary>
public sealed class OnnxShapeInferenceTests
{
    internal static OnnxShapeFacts Infer(string sample) =>
        OnnxShapeInference.Infer(OnnxModelLoader.Load(RepoPaths.Combine("samples", "onnx", sample)).Graph);

    [Theory]
    [MemberData(nameof(OnnxSampleLoadingTests.Samples), MemberType = typeof(OnnxSampleLoadingTests))]
    public void Every_value_of_every_sample_gets_a_resolved_shape(string sample)
    {
        var facts = Infer(sample);
        var unresolved = facts.UnresolvedValues();
        unresolved.ShouldBeEmpty(string.Join("; ", unresolved.Take(5).Select(v => $"{v}: {facts.Get(v).ShapeText}")));
    }

    [Theory]
    [InlineData("tiny-opt.onnx", "[1, seq, 256]")]
    [InlineData("tiny-gpt2.onnx", "[1, seq, 256]")]
    [InlineData("tiny-llama.onnx", "[1, seq, 320]")]
    [InlineData("tiny-opt-decode.onnx", "[1, 1, 256]")]
    [InlineData("tiny-llama-decode.onnx", "[1, 1, 320]")]
    public void Logits_shape_is_symbolic_in_seq(string sample, string expected) =>
        Infer(sample).Get("logits").ShapeText.ShouldBe(expected);

    [Theory]
    [InlineData("tiny-opt-decode.onnx", 2, 4)]
    [InlineData("tiny-gpt2-decode.onnx", 2, 4)]
    [InlineData("tiny-llama-decode.onnx", 3, 2)]
    public void Present_kv_grows_by_one_token(string sample, int layers, int kvHeads)
    {
        var facts = Infer(sample);
        for (var i = 0; i < layers; i++)
        {
            facts.Get($"present.{i}.key").ShapeText.ShouldBe($"[1, {kvHeads}, past_seq + 1, 16]");
            facts.Get($"present.{i}.value").ShapeText.ShouldBe($"[1, {kvHeads}, past_seq + 1, 16]");
        }
    }

    [Theory]
    [InlineData("tiny-llama.onnx", "[1, 4, seq, seq]")]         // GQA: 2 KV heads repeated to 4
    [InlineData("tiny-llama-decode.onnx", "[1, 4, 1, past_seq + 1]")]
    [InlineData("tiny-opt.onnx", "[1, 4, seq, seq]")]
    public void Attention_scores_have_all_query_heads(string sample, string expected)
    {
        var facts = Infer(sample);
        var softmaxes = facts.Graph.Nodes.Where(n => n.OpType == "Softmax").ToList();
        softmaxes.ShouldNotBeEmpty();
        foreach (var s in softmaxes)
            facts.Get(s.Outputs[0]).ShapeText.ShouldBe(expected);
    }

    /// <summary>
    /// Independent check: binding the symbols to the lengths used in samples/onnx/expected
    /// (torch's outputs, which ONNX Runtime reproduces) gives exactly the real output dims.
    /// </summary>
    [Theory]
    [MemberData(nameof(OnnxSampleLoadingTests.Samples), MemberType = typeof(OnnxSampleLoadingTests))]
    public void Bound_shapes_match_the_real_outputs(string sample)
    {
        var graph = Path.GetFileNameWithoutExtension(sample);
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("samples", "onnx", "expected", graph + ".json")));
        var inputs = JsonTensor.ReadAll(doc.RootElement.GetProperty("inputs"));
        var facts = Infer(sample);
        var bindings = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, tensor) in inputs)
        {
            var declared = facts.Graph.Inputs.Single(i => i.Name == name).Shape!.Dims;
            for (var axis = 0; axis < declared.Count; axis++)
                if (declared[axis].Symbol is { } symbol)
                    bindings[symbol] = tensor.Dims[axis];
        }
        // every symbolic input axis is bound (a fixed-shape export, [1, 8], has none: its dims are checked as they are)
        bindings.Count.ShouldBe(facts.Graph.Inputs.SelectMany(i => i.Shape!.Dims).Select(d => d.Symbol).OfType<string>().Distinct().Count());
        if (!graph.EndsWith("-fixed8", StringComparison.Ordinal)) bindings.ShouldNotBeEmpty();
        foreach (var (name, tensor) in JsonTensor.ReadAll(doc.RootElement.GetProperty("outputs")))
            facts.Get(name).Shape!.Select(d => d.Evaluate(bindings)).ShouldBe(tensor.Dims.Select(d => (long?)d), name);
    }

    [Fact]
    public void Inconsistent_matmul_is_invalid_model_naming_the_node()
    {
        var model = AddModel();
        var w = new Pimcc.Frontends.Onnx.Proto.TensorProto { Name = "m", DataType = (int)DataType.Float };
        w.Dims.Add([3, 4]);
        w.FloatData.Add(new float[12]);
        model.Graph.Initializer.Add(w);
        model.Graph.Node.Add(Node("bad_matmul", "MatMul", ["y", "m"], ["z"]));
        model.Graph.Output.Add(Value("z", DataType.Float, 4));
        using var temp = new TempFolder();
        var graph = OnnxModelLoader.Load(temp.Write("m.onnx", model.Bytes())).Graph;
        var error = Should.Throw<PimccError>(() => OnnxShapeInference.Infer(graph, "m.onnx"));
        error.Code.ShouldBe(ExitCode.InvalidModel);
        error.OneLine.ShouldContain("bad_matmul");
        error.OneLine.ShouldContain("inner dimensions 2 and 3 differ");
    }
}
