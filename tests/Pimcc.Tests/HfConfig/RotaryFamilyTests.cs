using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Ir;
using static Pimcc.Tests.HfConfig.HfConfigKit;

namespace Pimcc.Tests.HfConfig;

/// <summary>
/// The rotary families beyond Llama (phi3, gemma, gemma2, gpt_neox, falcon, stablelm, olmo) and the refused ones
/// (bloom, gemma2's soft-capping), read from the real configs in samples/hf-configs. Every expected number is worked
/// out by hand from the config values and the transformers modeling files named in the family classes.
/// </summary>
public class RotaryFamilyTests
{
    private static string Unsupported(string file) => Path.Combine(SamplesDir, "unsupported", file);

    private static long[] Blocks(Module m, string weight) => m.FindWeight(weight)!.Attrs.Ints("source_blocks").ToArray();

    [Fact]
    public void Phi3SplitsItsFusedQkvAndGateUpProjections()
    {
        var m = LoadSample("phi-3-mini-4k.json");
        m.Attrs.Int("head_dim").ShouldBe(96); // 3072 / 32
        m.Attrs.Int("sliding_window").ShouldBe(2047);
        // qkv_proj rows: q 32·96 = 3072, k 3072, v 3072 -> one block of 9216
        const string qkv = "model.layers.5.self_attn.qkv_proj";
        Shape(m, $"{qkv}.k.weight").ShouldBe([3072, 3072]);
        m.FindWeight($"{qkv}.k.weight")!.Attrs.Str("source").ShouldBe($"{qkv}.weight");
        Blocks(m, $"{qkv}.q.weight").ShouldBe([0, 3072, 9216]);
        Blocks(m, $"{qkv}.k.weight").ShouldBe([3072, 3072, 9216]);
        Blocks(m, $"{qkv}.v.weight").ShouldBe([6144, 3072, 9216]);
        m.FindWeight($"{qkv}.weight").ShouldBeNull();
        // gate_up_proj: gate = first 8192 rows, up = the next 8192 (chunk(2) in Phi3MLP)
        Blocks(m, "model.layers.5.mlp.gate_up_proj.gate.weight").ShouldBe([0, 8192, 16384]);
        Blocks(m, "model.layers.5.mlp.gate_up_proj.up.weight").ShouldBe([8192, 8192, 16384]);
        Operands(Op(m, Module.Prefill, "l5.gate")).ShouldBe("%l5.ln2, @model.layers.5.mlp.gate_up_proj.gate.weight");
        Op(m, Module.Prefill, "l5.q_rot").Attrs.Int("rotary_dim").ShouldBe(96);
        Operands(Op(m, Module.Decode, "logits")).ShouldBe("%norm, @lm_head.weight");
    }

    [Fact]
    public void Phi3RefusesAWorkloadBeyondItsSlidingWindow()
    {
        var e = Fails(() => LoadSample("phi-3-mini-4k.json", new HfWorkload(2000, 48)), ExitCode.UnsupportedModel);
        e.OneLine.ShouldContain("field 'sliding_window'");
    }

    [Fact]
    public void Phi3LongRopeScalingIsRefusedNotDropped()
    {
        var e = Fails(() => LoadEdited("phi-3-mini-4k.json", c => c["rope_scaling"] = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "longrope", ["long_factor"] = new System.Text.Json.Nodes.JsonArray(1.0), ["short_factor"] = new System.Text.Json.Nodes.JsonArray(1.0),
        }), ExitCode.UnsupportedModel);
        e.OneLine.ShouldContain("rope_scaling.type");
    }

    [Fact]
    public void GemmaIsMqaWithScaledEmbeddingsOnePlusWeightNormsAndATiedHead()
    {
        var m = LoadSample("gemma-2b.json");
        m.Attrs.Int("num_kv_heads").ShouldBe(1);
        m.Attrs.Int("head_dim").ShouldBe(256);
        m.KvCaches[0].Type.ToString().ShouldBe("bf16[1024,1,256]");
        var embed = Op(m, Module.Prefill, "embed");
        Operands(embed).ShouldBe("%input_ids, @model.embed_tokens.weight.normalized");
        var scaled = m.FindWeight("model.embed_tokens.weight.normalized")!;
        scaled.Attrs.Str("source").ShouldBe("model.embed_tokens.weight");
        scaled.Attrs.Float("source_scale").ShouldBe(Math.Sqrt(2048), 1e-12);
        // the LM head reads the unscaled table
        Operands(Op(m, Module.Decode, "logits")).ShouldBe("%norm, @model.embed_tokens.weight");
        m.FindWeight("model.layers.0.input_layernorm.weight")!.Attrs.Float("source_offset").ShouldBe(1.0);
        m.FindWeight("model.norm.weight")!.Attrs.Float("source_offset").ShouldBe(1.0);
        Op(m, Module.Prefill, "l0.act").Attrs.Str("approximate").ShouldBe("tanh"); // hidden_activation gelu_pytorch_tanh
        Op(m, Module.Prefill, "l0.attn").Attrs.Float("scale").ShouldBe(1.0 / 16);
        Shape(m, "model.layers.0.self_attn.k_proj.weight").ShouldBe([256, 2048]);
    }

    [Fact]
    public void GemmaHeadDimNeedNotBeHiddenOverHeads()
    {
        // Gemma-7B's shape: hidden 3072, 16 heads of 256 (3072 / 16 = 192)
        var m = LoadEdited("gemma-2b.json", c => { c["hidden_size"] = 3072; c["num_attention_heads"] = 16; c["num_key_value_heads"] = 16; });
        m.Attrs.Int("head_dim").ShouldBe(256);
        Shape(m, "model.layers.0.self_attn.q_proj.weight").ShouldBe([4096, 3072]);
        Shape(m, "model.layers.0.self_attn.o_proj.weight").ShouldBe([3072, 4096]);
    }

    [Fact]
    public void Gemma2SoftCappingIsRefusedNamingTheKey()
    {
        var e = Fails(() => HfConfigFrontend.Load(Unsupported("gemma-2-2b.json"), Workload), ExitCode.UnsupportedModel);
        e.OneLine.ShouldContain("field 'attn_logit_softcapping'");
        var json = File.ReadAllText(Unsupported("gemma-2-2b.json"));
        var onlyFinal = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        onlyFinal["attn_logit_softcapping"] = null;
        var e2 = Fails(() => HfConfigFrontend.Load(onlyFinal.ToJsonString(), "gemma-2-2b.json", Workload), ExitCode.UnsupportedModel);
        e2.OneLine.ShouldContain("field 'final_logit_softcapping'");
    }

    [Fact]
    public void Gemma2WithoutSoftCappingHasSandwichNormsAndQueryPreAttnScalar()
    {
        var c = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Unsupported("gemma-2-2b.json")))!.AsObject();
        c["attn_logit_softcapping"] = null;
        c["final_logit_softcapping"] = null;
        c["query_pre_attn_scalar"] = 144;
        var m = HfConfigFrontend.Load(c.ToJsonString(), "gemma-2-2b.json", Workload);
        m.Attrs.Int("num_kv_heads").ShouldBe(4);
        m.Attrs.Int("head_dim").ShouldBe(256); // 2304 / 8 = 288: the explicit head_dim wins
        m.Attrs.Int("sliding_window").ShouldBe(4096);
        Op(m, Module.Prefill, "l0.attn").Attrs.Float("scale").ShouldBe(1.0 / 12); // 144^-1/2
        Operands(Op(m, Module.Prefill, "l0.post_attn_ln")).ShouldBe("%l0.o, @model.layers.0.post_attention_layernorm.weight");
        Operands(Op(m, Module.Prefill, "l0.h")).ShouldBe("%embed, %l0.post_attn_ln");
        Operands(Op(m, Module.Prefill, "l0.ln2")).ShouldBe("%l0.h, @model.layers.0.pre_feedforward_layernorm.weight");
        Operands(Op(m, Module.Prefill, "l0.post_mlp_ln")).ShouldBe("%l0.down, @model.layers.0.post_feedforward_layernorm.weight");
        Operands(Op(m, Module.Prefill, "l0.out")).ShouldBe("%l0.h, %l0.post_mlp_ln");
    }

    [Fact]
    public void PythiaHasParallelResidualPartialRotaryAndPerHeadFusedQkv()
    {
        var m = LoadSample("pythia-1.4b.json");
        m.Attrs.Int("head_dim").ShouldBe(128); // 2048 / 16
        m.Attrs.Int("rotary_dim").ShouldBe(32); // int(128 · 0.25)
        m.Attrs.Bool("parallel_residual").ShouldBeTrue();
        var rot = Op(m, Module.Decode, "l2.k_rot");
        rot.Attrs.Int("rotary_dim").ShouldBe(32);
        rot.Attrs.Int("head_dim").ShouldBe(128);
        // query_key_value rows are [16 heads, 3, 128]: q takes rows 0..127 of every 384
        const string qkv = "gpt_neox.layers.2.attention.query_key_value";
        Blocks(m, $"{qkv}.q.weight").ShouldBe([0, 128, 384]);
        Blocks(m, $"{qkv}.k.weight").ShouldBe([128, 128, 384]);
        Blocks(m, $"{qkv}.v.bias").ShouldBe([256, 128, 384]);
        m.FindWeight($"{qkv}.v.bias")!.Attrs.Str("source").ShouldBe($"{qkv}.bias");
        Shape(m, $"{qkv}.v.weight").ShouldBe([2048, 2048]);
        // x + attn(ln1(x)) + mlp(ln2(x)): both norms read the layer input
        Operands(Op(m, Module.Prefill, "l2.ln1")).ShouldStartWith("%l1.out, ");
        Operands(Op(m, Module.Prefill, "l2.ln2")).ShouldBe("%l1.out, @gpt_neox.layers.2.post_attention_layernorm.weight, @gpt_neox.layers.2.post_attention_layernorm.bias");
        Operands(Op(m, Module.Prefill, "l2.attn_mlp")).ShouldBe("%l2.o, %l2.down");
        Operands(Op(m, Module.Prefill, "l2.out")).ShouldBe("%l1.out, %l2.attn_mlp");
        Op(m, Module.Prefill, "l2.act").Attrs.Str("approximate").ShouldBe("none"); // hidden_act gelu = exact
        Operands(Op(m, Module.Decode, "logits")).ShouldBe("%norm, @embed_out.weight");
    }

    [Fact]
    public void NeoxWithoutParallelResidualIsSequential()
    {
        var m = LoadEdited("pythia-1.4b.json", c => c["use_parallel_residual"] = false);
        m.Attrs.ContainsKey("parallel_residual").ShouldBeFalse();
        Operands(Op(m, Module.Prefill, "l0.ln2")).ShouldStartWith("%l0.h, ");
        Operands(Op(m, Module.Prefill, "l0.out")).ShouldBe("%l0.h, %l0.down");
    }

    [Fact]
    public void FalconIsMultiQueryWithOneSharedNormAndATiedHead()
    {
        var m = LoadSample("falcon-7b.json");
        m.Attrs.Int("num_heads").ShouldBe(71);
        m.Attrs.Int("num_kv_heads").ShouldBe(1); // multi_query
        m.Attrs.Int("head_dim").ShouldBe(64); // 4544 / 71
        m.Attrs.Int("ffn_dim").ShouldBe(18176); // 4 · 4544
        m.Attrs.Int("max_positions").ShouldBe(2048); // FalconConfig default
        m.KvCaches[0].Type.ToString().ShouldBe("bf16[1024,1,64]");
        // query_key_value: 4544 + 2·64 = 4672 rows, q then k then v
        const string qkv = "transformer.h.0.self_attention.query_key_value";
        Blocks(m, $"{qkv}.q.weight").ShouldBe([0, 4544, 4672]);
        Blocks(m, $"{qkv}.k.weight").ShouldBe([4544, 64, 4672]);
        Blocks(m, $"{qkv}.v.weight").ShouldBe([4608, 64, 4672]);
        Shape(m, $"{qkv}.k.weight").ShouldBe([64, 4544]);
        m.FindWeight($"{qkv}.q.bias").ShouldBeNull(); // bias false
        // parallel_attn with one input_layernorm: the MLP reads the attention's norm
        Operands(Op(m, Module.Prefill, "l0.fc1")).ShouldBe("%l0.ln1, @transformer.h.0.mlp.dense_h_to_4h.weight");
        Operands(Op(m, Module.Prefill, "l0.out")).ShouldBe("%embed, %l0.attn_mlp");
        m.FindWeight("transformer.h.0.post_attention_layernorm.weight").ShouldBeNull();
        Operands(Op(m, Module.Decode, "logits")).ShouldBe("%norm, @transformer.word_embeddings.weight");
        Op(m, Module.Prefill, "l0.act").Attrs.Str("approximate").ShouldBe("none");
    }

    [Fact]
    public void StableLmHasBiasedLayerNormsQkvBiasesAndQuarterRotary()
    {
        var m = LoadSample("stablelm-2-1_6b.json");
        m.Attrs.Int("head_dim").ShouldBe(64); // 2048 / 32
        m.Attrs.Int("rotary_dim").ShouldBe(16); // int(64 · 0.25)
        Operands(Op(m, Module.Prefill, "l0.ln1")).ShouldBe("%embed, @model.layers.0.input_layernorm.weight, @model.layers.0.input_layernorm.bias");
        Op(m, Module.Prefill, "l0.ln1").Opcode.ShouldBe("layer_norm");
        Shape(m, "model.layers.0.self_attn.v_proj.bias").ShouldBe([2048]);
        m.FindWeight("model.layers.0.self_attn.o_proj.bias").ShouldBeNull();
        Op(m, Module.Prefill, "l0.q_rot").Attrs.Int("rotary_dim").ShouldBe(16);
        Operands(Op(m, Module.Prefill, "l0.ln2")).ShouldStartWith("%l0.h, ");
    }

    [Fact]
    public void OlmoNormsAreNonParametricLayerNorms()
    {
        var m = LoadSample("olmo-1b.json");
        var norms = Ops(m, Module.Prefill, "layer_norm").ToList();
        norms.Count.ShouldBe(2 * 16 + 1);
        norms.ShouldAllBe(n => n.Operands.Length == 1 && n.Attrs.Float("eps") == 1e-5);
        Ops(m, Module.Prefill, "rms_norm").ShouldBeEmpty();
        m.Weights.ShouldNotContain(w => w.Name.Contains("norm", StringComparison.Ordinal));
        Operands(Op(m, Module.Decode, "logits")).ShouldBe("%norm, @model.embed_tokens.weight");
    }

    /// <summary>Family features the IR cannot express are refused naming their key, never dropped.</summary>
    [Theory]
    [InlineData("falcon-7b.json", "alibi", true)]
    [InlineData("falcon-7b.json", "apply_residual_connection_post_layernorm", true)]
    [InlineData("stablelm-2-1_6b.json", "qk_layernorm", true)]
    [InlineData("olmo-1b.json", "clip_qkv", 8.0)]
    public void AnUnsupportedFeatureIsRefusedNamingItsKey(string file, string key, object value)
    {
        var e = Fails(() => LoadEdited(file, c => c[key] = System.Text.Json.JsonSerializer.SerializeToNode(value)), ExitCode.UnsupportedModel);
        e.OneLine.ShouldContain($"field '{key}'");
    }

    [Fact]
    public void BloomIsRefusedForItsAlibi()
    {
        var e = Fails(() => HfConfigFrontend.Load(Unsupported("bloom-560m.json"), Workload), ExitCode.UnsupportedModel);
        e.OneLine.ShouldContain("field 'model_type'");
        e.OneLine.ShouldContain("ALiBi");
    }
}
