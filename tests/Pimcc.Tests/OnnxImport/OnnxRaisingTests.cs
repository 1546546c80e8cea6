using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using Xunit.Abstractions;

namespace Pimcc.Tests.OnnxImport;

/// <summary>The bundled full-sequence samples raise completely to the transformer-level IR, with the
/// module attributes of docs/ir.md matching the generator's configurations (samples/onnx/README.md).</summary>
public class OnnxRaisingTests(ITestOutputHelper output)
{
    internal static readonly OnnxWorkload Workload = new(12, 4);

    internal static string SamplePath(string name) => RepoPaths.Combine("samples", "onnx", name + ".onnx");

    // family, layers, hidden, heads, kv heads, head_dim, ffn, vocab, tied, max positions (README table; generate.py Cfg)
    public static IEnumerable<object[]> Samples() =>
    [
        ["tiny-opt", "opt", 2, 64, 4, 4, 16, 256, 256, false, 128],
        ["tiny-gpt2", "gpt2", 2, 64, 4, 4, 16, 256, 256, true, 128],
        ["tiny-llama", "llama", 3, 64, 4, 2, 16, 176, 320, false, 16],
        // Phi-3's fused qkv_proj (three Slices) and gate_up_proj (chunk: two Slices) raise to separate linears;
        // head_dim 96 is given (6 heads over hidden 64); RoPE + RMSNorm guess the llama family
        ["tiny-phi3", "llama", 2, 64, 6, 2, 96, 96, 256, false, 16],
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_raises_to_transformer_ops(string name, string family, int layers, int hidden, int heads, int kvHeads, int headDim, int ffn, int vocab, bool tied, int maxPositions)
    {
        var (module, report) = OnnxFrontend.LoadWithReport(SamplePath(name), Workload);
        output.WriteLine(report.Describe());
        report.Raised.ShouldBeTrue();
        report.GenericOps.ShouldBe(0);
        report.NotRaised.ShouldBeEmpty();
        Verifier.Verify(module).ShouldBeEmpty();
        var a = module.Attrs;
        a.Str("family").ShouldBe(family);
        a.Int("num_layers").ShouldBe(layers);
        a.Int("hidden_size").ShouldBe(hidden);
        a.Int("num_heads").ShouldBe(heads);
        a.Int("num_kv_heads").ShouldBe(kvHeads);
        a.Int("head_dim").ShouldBe(headDim);
        a.Int("ffn_dim").ShouldBe(ffn);
        a.Int("vocab_size").ShouldBe(vocab);
        a.Bool("tie_word_embeddings").ShouldBe(tied);
        a.Int("max_positions").ShouldBe(maxPositions); // llama: no position table, so the workload's 12 + 4
        module.KvCaches.Length.ShouldBe(layers);
        module.KvCaches.ShouldAllBe(c => c.KvHeads == kvHeads && c.MaxLength == Workload.TotalTokens);

        foreach (var fn in new[] { Module.Prefill, Module.Decode })
        {
            var f = module.FindFunction(fn).ShouldNotBeNull();
            var ops = f.Body.GroupBy(o => o.Opcode).ToDictionary(g => g.Key, g => g.Count());
            output.WriteLine($"{fn}: " + string.Join(", ", ops.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")));
            ops["attention"].ShouldBe(layers);
            ops["linear"].ShouldBe(layers * (family == "llama" ? 7 : 6) + 1);
            ops.GetValueOrDefault("last_token").ShouldBe(fn == Module.Prefill ? 1 : 0); // as the HF frontend: decode has one row
            f.Body.Where(o => o.Opcode == "linear").Select(o => o.Attrs.Str("role")).ShouldNotContain("linear");
            f.Body.Where(o => o.Opcode == "attention").ShouldAllBe(o => o.Attrs.Bool("causal") && Math.Abs(o.Attrs.Float("scale") - 1 / Math.Sqrt(headDim)) < 1e-6);
        }
        module.Weights.ShouldAllBe(w => w.HasData);
    }

    /// <summary>Regression: the three decode-step samples failed with exit 21 and a hint asking for --prompt-tokens.
    /// A KV-cache graph now raises (its decode step from the graph, prefill derived) to its full twin's decoder.</summary>
    [Theory]
    [InlineData("tiny-opt")]
    [InlineData("tiny-gpt2")]
    [InlineData("tiny-llama")]
    [InlineData("tiny-phi3")]
    public void Kv_cache_graph_raises_to_the_same_decoder_as_its_full_sequence_twin(string sample)
    {
        var (decode, report) = OnnxFrontend.LoadWithReport(SamplePath(sample + "-decode"), Workload);
        output.WriteLine(report.Describe());
        report.Raised.ShouldBeTrue();
        report.GenericOps.ShouldBe(0);
        var full = OnnxFrontend.Load(SamplePath(sample), Workload);
        HfExports.RaisedDecoders.Canonical(decode).ShouldBe(HfExports.RaisedDecoders.Canonical(full));
    }
}
