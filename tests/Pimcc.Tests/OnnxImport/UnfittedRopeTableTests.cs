using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Import;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// A rotary table whose frequencies are not θ-frequencies over one factor is read off channel by channel:
/// tiny-llama-linear with its inv_freq constant replaced by llama3-scaled frequencies (modeling_rope_utils.py's
/// _compute_llama3_parameters, computed here: factor 8, low_freq_factor 1, high_freq_factor 4,
/// original_max_position_embeddings 32, so the 8 frequencies of head_dim 16 fall in all three bands) raises to rotary ops
/// carrying those frequencies (within 1e-3 rad over the sampled positions), and the raised model matches ONNX Runtime.
/// A table that is no rotation at all (the frequencies made position-dependent) stays unraised and is reported.
/// </summary>
public class UnfittedRopeTableTests(Xunit.Abstractions.ITestOutputHelper output)
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
    public void Llama3_scaled_tables_raise_with_their_frequencies_and_match_onnx_runtime()
    {
        var scaled = Enumerable.Range(0, 8).Select(i => Llama3(Math.Pow(10000, -i / 8.0))).ToArray();
        scaled.Select(v => (float)v).Distinct().Count().ShouldBe(8);
        WithInvFreq(scaled.Select(v => (float)v).ToArray(), path =>
        {
            var module = OnnxFrontend.Load(path, OnnxRaisingTests.Workload);
            var rotaries = module.Functions.SelectMany(f => f.Body).Where(o => o.Opcode == "rotary").ToList();
            rotaries.ShouldNotBeEmpty();
            foreach (var op in rotaries)
            {
                var f = op.Attrs.Floats("inv_freq");
                f.Length.ShouldBe(8);
                for (var i = 0; i < 8; i++) (Math.Abs(f[i] - scaled[i]) * 128).ShouldBeLessThan(1e-3, $"channel pair {i}");
            }
            // the raised prefill against ONNX Runtime on the edited graph, every prefix row
            var ids = new long[] { 5, 17, 42, 7, 99, 250, 3, 11, 64, 200, 1, 9 };
            var ort = Pimcc.Tests.Onnx.OrtRunner.RunInputIds(path, ids);
            var interp = new Pimcc.Reference.ReferenceInterpreter(module);
            var vocab = (int)module.Attrs.Int("vocab_size");
            var logits = interp.Run(Pimcc.Ir.Module.Prefill, [Pimcc.Reference.Tensor.I64([ids.Length], ids)], null, new Pimcc.Reference.KvCacheState(module))[0];
            var worst = Enumerable.Range(0, vocab).Max(j => Math.Abs(logits.GetDouble(j) - ort.Data[(ids.Length - 1) * vocab + j]));
            output.WriteLine($"llama3-scaled tiny-llama: max |raised - ORT| = {worst:E2}");
            worst.ShouldBeLessThan(2e-5);
        });
    }

    [Fact]
    public void A_table_that_is_no_rotation_is_reported_in_every_layer()
    {
        // frequencies above pi/2 at position 1: no rotation table pimcc reads back (each channel's first angle must be
        // unambiguous), so nothing is guessed
        WithInvFreq(Enumerable.Range(0, 8).Select(i => (float)(2.0 + i)).ToArray(), path =>
        {
            var (_, report) = OnnxFrontend.LoadWithReport(path, OnnxRaisingTests.Workload);
            report.Raised.ShouldBeFalse();
            report.NotRaised.Count.ShouldBe(8); // 2 layers x (q, k) x (cos, sin)
            report.NotRaised.ShouldAllBe(n => n.OpType == "Mul" && n.Reason.Contains("no rotate-half or interleaved cos/sin table"));
            report.NotRaised.Count(n => n.Node.StartsWith("/layers.0/", StringComparison.Ordinal)).ShouldBe(4);
        });
    }

    private static void WithInvFreq(float[] invFreq, Action<string> check)
    {
        var model = OnnxModelLoader.Load(OnnxRaisingTests.SamplePath("tiny-llama-linear"));
        var g = model.Graph;
        var node = g.Nodes.Single(n => n.OpType == "Constant" && n.Attributes.FirstOrDefault()?.Tensor is { DataType: OnnxDataType.Float, ElementCount: 8 });
        var original = node.Attributes[0].Tensor!;
        var edited = node with { Attributes = [node.Attributes[0] with { Tensor = new OnnxTensor(original.Name, OnnxDataType.Float, original.Dims, invFreq) }] };
        var graph = new OnnxGraph(g.Name, [.. g.Nodes.Select(n => n == node ? edited : n)], g.Initializers, g.Inputs, g.Outputs, g.ValueInfos);
        var dir = TestScratch.NewDir("pimcc-rope-");
        try
        {
            var path = Path.Combine(dir, "edited.onnx");
            File.WriteAllBytes(path, OnnxProtoWriter.ToBytes(graph, model.IrVersion, model.Opset));
            check(path);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
