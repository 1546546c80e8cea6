using Google.Protobuf;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Frontends.Onnx.Proto;
using Pimcc.Tests.HfExports;
using Pimcc.Tests.Onnx;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// Regression (found on the generated OPT-350M-shaped export of the import benchmark): torch.onnx.export stores equal
/// initializers once and reads the copies through <c>Identity</c> (every LayerNorm's ones and zeros of a freshly
/// initialised model), and such a LayerNorm fell out of raising ("scale or bias is not an initializer"), so the whole
/// model was imported node for node without a decode step. tiny-opt with layer 1's self-attention LayerNorm reading
/// layer 0's scale and shift through Identity nodes must raise to the same decoder as tiny-opt with layer 0's values
/// copied into layer 1's initializers.
/// </summary>
public class SharedInitializerTests
{
    private static readonly OnnxWorkload Workload = new(12, 4);
    private const string From = "layers.0.self_attn_layer_norm", To = "layers.1.self_attn_layer_norm";

    [Fact]
    public void ALayerNormReadingASharedInitializerThroughIdentityRaises()
    {
        var dir = TestScratch.NewDir("shared-init");
        var original = ModelProto.Parser.ParseFrom(File.ReadAllBytes(OnnxRaisingTests.SamplePath("tiny-opt")));

        var copied = original.Clone();
        foreach (var leaf in new[] { "weight", "bias" })
        {
            var target = copied.Graph.Initializer.Single(t => t.Name == $"{To}.{leaf}");
            var source = copied.Graph.Initializer.Single(t => t.Name == $"{From}.{leaf}");
            target.RawData = source.RawData;
            target.FloatData.Clear();
            target.FloatData.Add(source.FloatData);
        }

        var shared = original.Clone();
        var norm = shared.Graph.Node.Single(n => n.Name == "/layers.1/self_attn_layer_norm/LayerNormalization");
        foreach (var (leaf, slot) in new[] { ("weight", 1), ("bias", 2) })
        {
            shared.Graph.Initializer.Remove(shared.Graph.Initializer.Single(t => t.Name == $"{To}.{leaf}"));
            var alias = $"onnx::LayerNormalization_{leaf}";
            shared.Graph.Node.Insert(shared.Graph.Node.IndexOf(norm), OnnxTestModels.Node($"/Identity_{leaf}", "Identity", [$"{From}.{leaf}"], [alias]));
            norm.Input[slot] = alias;
        }

        string Raised(ModelProto m, string name)
        {
            var path = Path.Combine(dir, name);
            File.WriteAllBytes(path, m.ToByteArray());
            var (module, report) = OnnxFrontend.LoadWithReport(path, Workload);
            report.Raised.ShouldBeTrue(report.Describe());
            return RaisedDecoders.Canonical(module);
        }
        var want = Raised(copied, "copied.onnx");
        Raised(shared, "shared.onnx").ShouldBe(want);
        want.ShouldNotBe(Raised(original, "original.onnx")); // the copy changed the model, so the comparison can fail
    }
}
