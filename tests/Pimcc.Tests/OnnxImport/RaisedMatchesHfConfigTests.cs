using Pimcc.Frontends.HfConfig;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Hpim.Compiler;
using Pimcc.Ir;
using Pimcc.Tests.Hpim;
using Xunit.Abstractions;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// The PIM passes must see the same structure for an ONNX export as for the HF config of the same
/// model: each raised sample is compared, op for op (opcode, linear role, result type, the producers
/// of its operands, and the shape attributes of attention/rotary/norms), with the HF-config frontend's
/// module for the generator's configuration; and both compile through the HPIM pipeline.
/// </summary>
public class RaisedMatchesHfConfigTests(ITestOutputHelper output)
{
    // The configurations of samples/onnx/generate.py written as HF config.json.
    private static readonly Dictionary<string, string> Configs = new()
    {
        ["tiny-opt"] = """{"model_type":"opt","hidden_size":64,"num_hidden_layers":2,"num_attention_heads":4,"ffn_dim":256,"vocab_size":256,"max_position_embeddings":128,"activation_function":"relu","tie_word_embeddings":false,"torch_dtype":"float32"}""",
        ["tiny-gpt2"] = """{"model_type":"gpt2","n_embd":64,"n_layer":2,"n_head":4,"n_inner":256,"vocab_size":256,"n_positions":128,"activation_function":"gelu_new","torch_dtype":"float32"}""",
        ["tiny-llama"] = """{"model_type":"llama","hidden_size":64,"num_hidden_layers":3,"num_attention_heads":4,"num_key_value_heads":2,"intermediate_size":176,"vocab_size":320,"max_position_embeddings":128,"hidden_act":"silu","rms_norm_eps":1e-6,"rope_theta":10000.0,"tie_word_embeddings":false,"torch_dtype":"float32"}""",
    };

    public static TheoryData<string> Samples() => new() { "tiny-opt", "tiny-gpt2", "tiny-llama" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Raised_module_has_the_hf_frontends_structure(string sample)
    {
        var onnx = OnnxFrontend.Load(OnnxRaisingTests.SamplePath(sample), OnnxRaisingTests.Workload);
        var hf = HfConfigFrontend.Load(Configs[sample], sample + ".json",
            new HfWorkload(OnnxRaisingTests.Workload.PromptTokens, OnnxRaisingTests.Workload.GeneratedTokens));
        foreach (var key in new[] { "hidden_size", "num_layers", "num_heads", "num_kv_heads", "head_dim", "ffn_dim", "vocab_size", "prompt_tokens", "generated_tokens" })
            onnx.Attrs.Int(key).ShouldBe(hf.Attrs.Int(key), key);
        onnx.Attrs.Str("family").ShouldBe(hf.Attrs.Str("family"));
        onnx.KvCaches.Select(c => (c.Name, c.Type.ToString())).ShouldBe(hf.KvCaches.Select(c => (c.Name, c.Type.ToString())));
        foreach (var fn in new[] { Module.Prefill, Module.Decode })
        {
            var ours = Signature(onnx.FindFunction(fn)!);
            var theirs = Signature(hf.FindFunction(fn)!);
            foreach (var extra in ours.Except(theirs)) output.WriteLine($"{fn} only in onnx: {extra}");
            foreach (var missing in theirs.Except(ours)) output.WriteLine($"{fn} only in hf: {missing}");
            ours.ShouldBe(theirs, $"{fn} op multiset");
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Raised_sample_compiles_through_the_hpim_pipeline(string sample)
    {
        var compiled = HpimPassTests.Compile(OnnxFrontend.Load(OnnxRaisingTests.SamplePath(sample), OnnxRaisingTests.Workload));
        Verifier.Verify(compiled).ShouldBeEmpty();
        var decode = compiled.FindFunction(Module.Decode)!;
        // Decode GEMVs go to the HBM-PIM units, attention to the PIM unit, as for an HF config.
        decode.Body.Where(o => o.Opcode == "linear" && o.Attrs.Str("role") != "lm_head").ShouldAllBe(o => o.Attrs.Str(HpimAttrs.Unit) == "hbm-pim");
        decode.Body.Where(o => o.Opcode == "attention").ShouldAllBe(o => o.Attrs.Str(HpimAttrs.Unit) == "pim-unit");
    }

    /// <summary>Sorted description of every op, independent of value and weight names.</summary>
    private static List<string> Signature(Function f)
    {
        var producer = f.Body.SelectMany(o => o.Results.Select(r => (r.Name, Op: o))).ToDictionary(p => p.Name, p => p.Op);
        foreach (var p in f.Params) producer[p.Name] = new Operation("param", [], [], AttrMap.Empty);
        string Short(Operation o) => o.Opcode + (o.Attrs.ContainsKey("role") ? ":" + o.Attrs.Str("role") : "");
        string[] shapeKeys = ["heads", "kv_heads", "head_dim", "past", "causal", "cache", "rotary_dim", "start", "interleaved", "offset", "count", "approximate"];
        return [.. f.Body.Select(o =>
            $"{Short(o)} -> {string.Join(",", o.Results.Select(r => r.Type))} <- [{string.Join(", ", o.Operands.Select(x => x.Kind == OperandKind.Weight ? "@w" : Short(producer[x.Name])))}] " +
            string.Join(" ", shapeKeys.Where(o.Attrs.ContainsKey).Select(k => $"{k}={o.Attrs[k]}")) +
            (o.Attrs.ContainsKey("scale") ? $" scale={o.Attrs.Float("scale"):G6}" : "") +
            (o.Attrs.ContainsKey("theta") ? $" theta={o.Attrs.Float("theta"):G6}" : "") +
            (o.Attrs.ContainsKey("eps") ? $" eps={o.Attrs.Float("eps"):G4}" : ""))
            .Order(StringComparer.Ordinal)];
    }
}
