using Pimcc.Frontends.HfConfig;
using Pimcc.Ir;

namespace Pimcc.Tests.HfConfig;

/// <summary>Every file in samples/hf-configs loads, verifies and has the decoder shape docs/ir.md prescribes.</summary>
public class SampleConfigTests
{
    public static TheoryData<string> AllSamples => [.. HfConfigKit.SampleFiles];

    /// <summary>The decoder samples (all but the encoders, which have no decode step: <see cref="BertFamilyTests"/>).</summary>
    public static TheoryData<string> DecoderSamples => [.. HfConfigKit.SampleFiles.Where(f => !HfConfigKit.IsEncoder(HfConfigKit.LoadSample(f)))];

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void SampleLoadsAndVerifies(string file)
    {
        var m = HfConfigKit.LoadSample(file);
        Verifier.Verify(m).ShouldBeEmpty();
        m.Name.ShouldBe(Path.GetFileNameWithoutExtension(file));
        var encoder = HfConfigKit.IsEncoder(m);
        m.Functions.Select(f => f.Name).ShouldBe(encoder ? [Module.Prefill] : [Module.Prefill, Module.Decode]);
        m.Weights.ShouldAllBe(w => !w.HasData);
        m.Attrs.Int("prompt_tokens").ShouldBe(256);
        m.Attrs.Int("generated_tokens").ShouldBe(encoder ? 0 : 768);
    }

    [Theory]
    [MemberData(nameof(DecoderSamples))]
    public void EveryLayerHasItsRolesAndACacheForTheWholeWorkload(string file)
    {
        var m = HfConfigKit.LoadSample(file);
        var layers = (int)m.Attrs.Int("num_layers");
        var gated = m.Attrs.Str("family") is "llama" or "mistral" or "qwen2" or "phi3" or "gemma" or "gemma2" or "stablelm" or "olmo";
        string[] roles = gated
            ? ["q_proj", "k_proj", "v_proj", "out_proj", "gate_proj", "up_proj", "down_proj"]
            : ["q_proj", "k_proj", "v_proj", "out_proj", "fc1", "fc2"];
        m.KvCaches.Length.ShouldBe(layers);
        foreach (var stage in new[] { Module.Prefill, Module.Decode })
        {
            var linears = HfConfigKit.Ops(m, stage, "linear").ToList();
            for (var i = 0; i < layers; i++)
            {
                var prefix = $"l{i}.";
                linears.Where(o => o.Result.Name.StartsWith(prefix, StringComparison.Ordinal))
                    .Select(o => o.Attrs.Str("role")).ShouldBe(roles, $"{stage} layer {i}");
            }
            linears.Count(o => o.Attrs.Str("role") == "lm_head").ShouldBe(1);
            var attention = HfConfigKit.Ops(m, stage, "attention").ToList();
            attention.Select(a => a.Attrs.Str("cache")).ShouldBe(Enumerable.Range(0, layers).Select(i => $"layers.{i}"));
        }
        var dtype = m.Attrs.Str("dtype");
        foreach (var c in m.KvCaches)
        {
            c.MaxLength.ShouldBe(1024);
            c.KvHeads.ShouldBe(m.Attrs.Int("num_kv_heads"));
            c.HeadDim.ShouldBe(m.Attrs.Int("head_dim"));
            c.Type.Element.Name().ShouldBe(dtype);
        }
    }

    [Theory]
    [MemberData(nameof(DecoderSamples))]
    public void PrefillAndDecodeHaveTheDocumentedSignatures(string file)
    {
        var m = HfConfigKit.LoadSample(file);
        var vocab = m.Attrs.Int("vocab_size");
        var prefill = m.FindFunction(Module.Prefill)!;
        prefill.Params.Single().ToString().ShouldBe("%input_ids: i64[seq]");
        prefill.Attrs["symbols"].ToString().ShouldBe("[\"seq\"]");
        prefill.Attrs.Str("stage").ShouldBe("prefill");
        var decode = m.FindFunction(Module.Decode)!;
        decode.Params.Single().ToString().ShouldBe("%token: i64[1]");
        decode.Attrs["symbols"].ToString().ShouldBe("[\"kv\"]");
        decode.Attrs.Str("stage").ShouldBe("decode");

        foreach (var f in new[] { prefill, decode })
        {
            var ret = f.Values.Single(v => v.Name == f.Returns.Single().Name);
            ret.Type.ToString().ShouldBe($"{m.Attrs.Str("dtype")}[1,{vocab}]");
            // The LM head is last, or feeds the last op, Gemma 2's final soft-capping.
            var head = f.Body[^1].Opcode == "soft_cap" ? f.Body[^2] : f.Body[^1];
            head.Attrs.Str("role").ShouldBe("lm_head");
        }
        HfConfigKit.Ops(m, Module.Prefill, "attention").ShouldAllBe(a => a.Attrs.Expr("past") == SymExpr.Zero);
        HfConfigKit.Ops(m, Module.Decode, "attention").ShouldAllBe(a => a.Attrs.Expr("past") == SymExpr.Sym("kv", 1));
        // The last row is selected once, after the layers and before the head.
        var last = HfConfigKit.Ops(m, Module.Prefill, "last_token").Single();
        prefill.Body.IndexOf(last).ShouldBeGreaterThan(prefill.Body.IndexOf(HfConfigKit.Ops(m, Module.Prefill, "attention").Last()));
        HfConfigKit.Ops(m, Module.Decode, "last_token").ShouldBeEmpty();
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        var a = Printer.Print(HfConfigKit.LoadSample("llama-3.2-1b.json"));
        var b = Printer.Print(HfConfigKit.LoadSample("llama-3.2-1b.json"));
        a.ShouldBe(b);
    }

    [Fact]
    public void LoadFromTextNamesTheModuleAfterTheFile()
    {
        var json = File.ReadAllText(HfConfigKit.Sample("gpt2.json"));
        var m = HfConfigFrontend.Load(json, "some/dir/my-gpt.json", HfConfigKit.Workload);
        m.Name.ShouldBe("my-gpt");
        Printer.Print(m).ShouldBe(Printer.Print(HfConfigKit.LoadSample("gpt2.json")).Replace("module @gpt2 {", "module @my-gpt {"));
    }
}
