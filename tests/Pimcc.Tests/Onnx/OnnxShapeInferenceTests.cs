using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Shapes;

namespace Pimcc.Tests.Onnx;

/// <summary>Shape inference with symbolic sequence lengths on the bundled samples.</summary>
public sealed class OnnxShapeInferenceTests
{
    private static OnnxShapeFacts Infer(string sample) =>
        OnnxShapeInference.Infer(OnnxModelLoader.Load(RepoPaths.Combine("samples", "onnx", sample)).Graph);

    [Theory]
    [MemberData(nameof(OnnxSampleLoadingTests.Samples), MemberType = typeof(OnnxSampleLoadingTests))]
    public void Every_value_of_every_sample_gets_a_resolved_shape(string sample)
    {
        var facts = Infer(sample);
        var unresolved = facts.UnresolvedValues();
        unresolved.ShouldBeEmpty(string.Join("; ", unresolved.Take(5).Select(v => $"{v}: {facts.Get(v).ShapeText}")));
    }

    [Fact]
    public void Dump()
    {
        foreach (var s in OnnxSampleLoadingTests.SampleNames())
        {
            var f = Infer(s);
            foreach (var n in f.Graph.Nodes)
                foreach (var o in n.Outputs)
                    Console.WriteLine($"{s} {n.OpType} {o} {f.Get(o).ElementType} {f.Get(o).ShapeText} {(f.Get(o).Elements is { } e ? "{" + string.Join(",", e) + "}" : "")}");
        }
    }
}
