using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Import;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// A rotary table whose frequencies are not θ-frequencies over one factor is not guessed at: tiny-llama-linear with its
/// inv_freq constant replaced by llama3-scaled frequencies (modeling_rope_utils.py's _compute_llama3_parameters, computed
/// here: factor 8, low_freq_factor 1, high_freq_factor 4, original_max_position_embeddings 32, so the 8 frequencies of
/// head_dim 16 fall in all three bands) raises nothing as plain or linear RoPE: every layer's four table products (q and
/// k, cos and sin) are reported at once, with their node names and what the table is not.
/// </summary>
public class UnfittedRopeTableTests
{
    private static double Llama3(double inv)
    {
        const double factor = 8, low = 1, high = 4, original = 32;
        var wavelen = 2 * Math.PI / inv;
        if (wavelen < original / high) return inv;
        if (wavelen > original / low) return inv / factor;
        var smooth = (original / wavelen - low) / (high - low);
        return (1 - smooth) * inv / factor + smooth * inv;
    }

    [Fact]
    public void Llama3_scaled_tables_are_reported_in_every_layer()
    {
        var model = OnnxModelLoader.Load(OnnxRaisingTests.SamplePath("tiny-llama-linear"));
        var g = model.Graph;
        var invFreq = g.Nodes.Single(n => n.OpType == "Constant" && n.Attributes.FirstOrDefault()?.Tensor is { DataType: OnnxDataType.Float, ElementCount: 8 });
        var original = invFreq.Attributes[0].Tensor!;
        var scaled = Enumerable.Range(0, 8).Select(i => (float)Llama3(Math.Pow(10000, -i / 8.0))).ToArray();
        scaled.Distinct().Count().ShouldBe(8);
        var edited = invFreq with { Attributes = [invFreq.Attributes[0] with { Tensor = new OnnxTensor(original.Name, OnnxDataType.Float, original.Dims, scaled) }] };
        var graph = new OnnxGraph(g.Name, [.. g.Nodes.Select(n => n == invFreq ? edited : n)], g.Initializers, g.Inputs, g.Outputs, g.ValueInfos);
        var dir = TestScratch.NewDir("pimcc-llama3-");
        try
        {
            var path = Path.Combine(dir, "llama3.onnx");
            File.WriteAllBytes(path, OnnxProtoWriter.ToBytes(graph, model.IrVersion, model.Opset));
            var (_, report) = OnnxFrontend.LoadWithReport(path, OnnxRaisingTests.Workload);
            report.Raised.ShouldBeFalse();
            report.NotRaised.Count.ShouldBe(8); // 2 layers x (q, k) x (cos, sin)
            report.NotRaised.ShouldAllBe(n => n.OpType == "Mul" && n.Reason.Contains("no rotate-half cos/sin table"));
            report.NotRaised.Count(n => n.Node.StartsWith("/layers.0/", StringComparison.Ordinal)).ShouldBe(4);
            report.NotRaised.Count(n => n.Node.StartsWith("/layers.1/", StringComparison.Ordinal)).ShouldBe(4);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
