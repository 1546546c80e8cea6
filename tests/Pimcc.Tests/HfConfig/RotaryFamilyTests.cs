using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Ir;
using static Pimcc.Tests.HfConfig.HfConfigKit;

namespace Pimcc.Tests.HfConfig;

/// <summary>
/// The pre-norm families beyond Llama (phi3, gemma, gemma2, gpt_neox, falcon, stablelm, olmo, bloom), read from the
/// real configs in samples/hf-configs. Every expected number is worked out by hand from the config values and the
/// transformers modeling files named in the family classes.
/// </summary>
public class RotaryFamilyTests
{
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
    public void Gemma2SoftCapsAttentionScoresAndFinalLogits()
    {
        var m = LoadSample("gemma-2-2b.json");
        foreach (var stage in new[] { Module.Prefill, Module.Decode })
        {
            Ops(m, stage, "attention").ShouldAllBe(a => a.Attrs.Float("softcap") == 50.0); // attn_logit_softcapping
            var cap = Op(m, stage, "logits.capped");
            cap.Opcode.ShouldBe("soft_cap");
            cap.Attrs.Float("cap").ShouldBe(30.0); // final_logit_softcapping
            Operands(cap).ShouldBe("%logits");
            m.FindFunction(stage)!.Returns.Single().ToString().ShouldContain("logits.capped");
        }
        var off = LoadEdited("gemma-2-2b.json", c => { c["attn_logit_softcapping"] = null; c["final_logit_softcapping"] = null; });
        Ops(off, Module.Decode, "attention").ShouldAllBe(a => !a.Attrs.ContainsKey("softcap"));
        Ops(off, Module.Decode, "soft_cap").ShouldBeEmpty();
    }

    [Fact]
    public void Gemma2RefusesAWorkloadBeyondItsSlidingWindowNamingTheKey()
    {
        // Even layers attend over a 4096-token window (modeling_gemma2.py: sliding_window unless layer_idx % 2).
        var e = Fails(() => LoadSample("gemma-2-2b.json", new HfWorkload(4000, 97)), ExitCode.UnsupportedModel);
        e.OneLine.ShouldContain("field 'sliding_window'");
        LoadSample("gemma-2-2b.json", new HfWorkload(4000, 96)).Attrs.Int("sliding_window").ShouldBe(4096);
    }

    [Fact]
    public void Gemma2HasSandwichNormsAndQueryPreAttnScalar()
    {
        var m = LoadEdited("gemma-2-2b.json", c => c["query_pre_attn_scalar"] = 144);
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
    public void BloomHasAlibiSlopesAnEmbeddingLayerNormAndPerHeadFusedQkv()
    {
        var m = LoadSample("bloom-560m.json");
        m.Attrs.Str("positions").ShouldBe("alibi");
        m.Attrs.Int("head_dim").ShouldBe(64); // 1024 / 16
        m.Attrs.Int("ffn_dim").ShouldBe(4096); // BloomMLP: 4 · hidden
        m.Attrs.Int("max_positions").ShouldBe(2048);
        // 16 heads, a power of two: slope of head h = 2^(-8(h+1)/16) = 2^(-(h+1)/2)
        var attn = Op(m, Module.Decode, "l3.attn");
        attn.Attrs.Floats("alibi_slopes").ShouldBe(Enumerable.Range(1, 16).Select(i => Math.Pow(2, -i / 2.0)));
        attn.Attrs.Bool("causal").ShouldBeTrue();
        attn.Attrs.Float("scale").ShouldBe(0.125); // 64^-1/2
        Ops(m, Module.Decode, "rotary").ShouldBeEmpty();
        Ops(m, Module.Decode, "position_ids").ShouldBeEmpty();
        Operands(Op(m, Module.Decode, "embed_ln"))
            .ShouldBe("%embed, @transformer.word_embeddings_layernorm.weight, @transformer.word_embeddings_layernorm.bias");
        Operands(Op(m, Module.Decode, "l0.ln1")).ShouldStartWith("%embed_ln, ");
        // query_key_value rows [16 heads, 3, 64]: k takes rows 64..127 of every 192
        Blocks(m, "transformer.h.0.self_attention.query_key_value.k.weight").ShouldBe([64, 64, 192]);
        Op(m, Module.Decode, "l0.act").Attrs.Str("approximate").ShouldBe("tanh"); // bloom_gelu_forward
        Operands(Op(m, Module.Decode, "logits")).ShouldBe("%norm, @transformer.word_embeddings.weight");
    }

    [Fact]
    public void AlibiSlopesOfANonPowerOfTwoHeadCountInterleaveTheNextPowerOfTwo()
    {
        // 12 heads: 8 slopes 2^-1 .. 2^-8 (base 2^(-8/8)), then 4 odd powers of 2^(-8/16): 2^-0.5, 2^-1.5, 2^-2.5, 2^-3.5
        var m = LoadEdited("bloom-560m.json", c => { c["n_head"] = 12; c["hidden_size"] = 768; });
        double[] expected = [.. Enumerable.Range(1, 8).Select(i => Math.Pow(2, -i)), .. new[] { 0.5, 1.5, 2.5, 3.5 }.Select(e => Math.Pow(2, -e))];
        Op(m, Module.Prefill, "l0.attn").Attrs.Floats("alibi_slopes").ShouldBe(expected, tolerance: 1e-15);
    }

    [Fact]
    public void BloomRefusesAResidualAfterTheLayerNormAndAWorkloadBeyondItsTrainingLength()
    {
        Fails(() => LoadEdited("bloom-560m.json", c => c["apply_residual_connection_post_layernorm"] = true), ExitCode.UnsupportedModel)
            .OneLine.ShouldContain("field 'apply_residual_connection_post_layernorm'");
        Fails(() => LoadSample("bloom-560m.json", new HfWorkload(2000, 49)), ExitCode.Usage).OneLine.ShouldContain("seq_length");
    }
}
