using System.Text.Json.Nodes;
using Pimcc.Frontends.HfConfig;
using Pimcc.Ir;
using static Pimcc.Tests.HfConfig.HfConfigKit;

namespace Pimcc.Tests.HfConfig;

/// <summary>Family-specific structure: what each config field turns into in the IR.</summary>
public class FamilyStructureTests
{
    [Fact]
    public void LlamaHasGqaRotaryAndATiedHead()
    {
        var m = LoadSample("llama-3.2-1b.json");
        m.Attrs.Str("family").ShouldBe("llama");
        m.Attrs.Int("num_heads").ShouldBe(32);
        m.Attrs.Int("num_kv_heads").ShouldBe(8);
        m.Attrs.Int("head_dim").ShouldBe(64);
        m.Attrs.Int("ffn_dim").ShouldBe(8192);
        m.Attrs.Int("max_positions").ShouldBe(131072);
        m.Attrs.Str("dtype").ShouldBe("bf16");
        m.Attrs.Str("dtype_source").ShouldBe("config");
        m.KvCaches[0].Type.ToString().ShouldBe("bf16[1024,8,64]");
        Shape(m, "model.layers.3.self_attn.k_proj.weight").ShouldBe([512, 2048]);
        Shape(m, "model.layers.3.self_attn.o_proj.weight").ShouldBe([2048, 2048]);
        m.FindWeight("model.layers.3.self_attn.q_proj.bias").ShouldBeNull();
        m.FindWeight("lm_head.weight").ShouldBeNull();
        Operands(Op(m, Module.Prefill, "logits")).ShouldBe("%norm, @model.embed_tokens.weight");

        var attn = Op(m, Module.Decode, "l3.attn");
        attn.Attrs.Int("heads").ShouldBe(32);
        attn.Attrs.Int("kv_heads").ShouldBe(8);
        attn.Attrs.Float("scale").ShouldBe(0.125);
        Operands(attn).ShouldBe("%l3.q_rot, %l3.k_rot, %l3.v");
        var kRot = Op(m, Module.Decode, "l3.k_rot");
        kRot.Attrs.Int("heads").ShouldBe(8);
        kRot.Attrs.Expr("start").ShouldBe(SymExpr.Sym("kv"));
        kRot.Attrs.Float("theta").ShouldBe(500000.0);
        kRot.Attrs.Str("scaling").ShouldBe("llama3");
        kRot.Attrs.Float("scaling_factor").ShouldBe(32.0);
        kRot.Attrs.Int("original_max_positions").ShouldBe(8192);
        Op(m, Module.Prefill, "l3.q_rot").Attrs.Expr("start").ShouldBe(SymExpr.Zero);
        Op(m, Module.Prefill, "l3.ln1").Attrs.Float("eps").ShouldBe(1e-5);
    }

    [Fact]
    public void SwiGluIsSiluOfGateTimesUpThenDown()
    {
        var m = LoadSample("llama-3.2-1b.json");
        Op(m, Module.Prefill, "l0.act").Opcode.ShouldBe("silu");
        Operands(Op(m, Module.Prefill, "l0.act")).ShouldBe("%l0.gate");
        Operands(Op(m, Module.Prefill, "l0.gated")).ShouldBe("%l0.act, %l0.up");
        Operands(Op(m, Module.Prefill, "l0.down")).ShouldBe("%l0.gated, @model.layers.0.mlp.down_proj.weight");
        Operands(Op(m, Module.Prefill, "l0.out")).ShouldBe("%l0.h, %l0.down");
    }

    [Fact]
    public void Qwen2HasQkvBiasesButNoOutputBias()
    {
        var m = LoadSample("qwen2-0.5b.json");
        m.Attrs.Int("num_kv_heads").ShouldBe(2);
        Shape(m, "model.layers.0.self_attn.k_proj.bias").ShouldBe([128]);
        Shape(m, "model.layers.0.self_attn.q_proj.bias").ShouldBe([896]);
        m.FindWeight("model.layers.0.self_attn.o_proj.bias").ShouldBeNull();
        m.Attrs.ContainsKey("sliding_window").ShouldBeFalse(); // use_sliding_window is false
    }

    [Fact]
    public void MistralHasAnUntiedHeadAndRecordsItsWindow()
    {
        var m = LoadSample("mistral-7b.json");
        Shape(m, "lm_head.weight").ShouldBe([32000, 4096]);
        Operands(Op(m, Module.Decode, "logits")).ShouldBe("%norm, @lm_head.weight");
        m.Attrs.Int("sliding_window").ShouldBe(4096);
        m.Attrs.Int("head_dim").ShouldBe(128);
    }

    [Fact]
    public void ExplicitHeadDimNeedNotDivideTheHiddenSize()
    {
        var m = LoadEdited("llama-3.2-1b.json", c => { c["num_attention_heads"] = 8; c["num_key_value_heads"] = 2; c["head_dim"] = 128; });
        Shape(m, "model.layers.0.self_attn.q_proj.weight").ShouldBe([1024, 2048]);
        Shape(m, "model.layers.0.self_attn.o_proj.weight").ShouldBe([2048, 1024]);
        m.KvCaches[0].Type.ToString().ShouldBe("bf16[1024,2,128]");
    }

    [Fact]
    public void MissingKvHeadsMeansMultiHeadAttention()
    {
        var m = LoadEdited("llama-3.2-1b.json", c => { c.Remove("num_key_value_heads"); c.Remove("head_dim"); });
        m.Attrs.Int("num_kv_heads").ShouldBe(32);
        m.Attrs.Int("head_dim").ShouldBe(64);
    }

    [Fact]
    public void LlamaBiasFlagsAddBiases()
    {
        var m = LoadEdited("llama-3.2-1b.json", c => { c["attention_bias"] = true; c["mlp_bias"] = true; c["rope_scaling"] = null; });
        m.FindWeight("model.layers.0.self_attn.o_proj.bias").ShouldNotBeNull();
        m.FindWeight("model.layers.0.mlp.gate_proj.bias").ShouldNotBeNull();
        Op(m, Module.Prefill, "l0.q_rot").Attrs.ContainsKey("scaling").ShouldBeFalse();
    }

    [Fact]
    public void OptUsesLearnedPositionsWithOffsetTwoAndPreNorm()
    {
        var m = LoadSample("opt-125m.json");
        Shape(m, "model.decoder.embed_positions.weight").ShouldBe([2050, 768]);
        var pos = Op(m, Module.Decode, "pos_ids");
        pos.Attrs.Int("offset").ShouldBe(2);
        pos.Attrs.Expr("start").ShouldBe(SymExpr.Sym("kv"));
        Op(m, Module.Prefill, "pos_ids").Attrs.Expr("count").ShouldBe(SymExpr.Sym("seq"));
        Operands(Op(m, Module.Prefill, "l0.ln1")).ShouldStartWith("%embed, @model.decoder.layers.0.self_attn_layer_norm.weight");
        Operands(Op(m, Module.Prefill, "l0.q")).ShouldBe("%l0.ln1, @model.decoder.layers.0.self_attn.q_proj.weight, @model.decoder.layers.0.self_attn.q_proj.bias");
        Op(m, Module.Prefill, "l0.act").Opcode.ShouldBe("relu");
        Operands(Op(m, Module.Prefill, "norm")).ShouldStartWith("%last, @model.decoder.final_layer_norm.weight");
        Operands(Op(m, Module.Prefill, "logits")).ShouldBe("%norm, @model.decoder.embed_tokens.weight");
        m.Attrs.Int("ffn_dim").ShouldBe(3072);
        m.Attrs.Int("num_kv_heads").ShouldBe(12);
        m.Attrs.Str("dtype").ShouldBe("f16");
    }

    [Fact]
    public void Opt350mProjectsEmbeddingsAndIsPostNorm()
    {
        var m = LoadSample("opt-350m.json");
        Shape(m, "model.decoder.embed_tokens.weight").ShouldBe([50272, 512]);
        Shape(m, "model.decoder.project_in.weight").ShouldBe([1024, 512]);
        Shape(m, "model.decoder.project_out.weight").ShouldBe([512, 1024]);
        m.FindWeight("model.decoder.project_in.bias").ShouldBeNull();
        m.FindWeight("model.decoder.final_layer_norm.weight").ShouldBeNull();
        Operands(Op(m, Module.Prefill, "tok_proj")).ShouldBe("%tok, @model.decoder.project_in.weight");
        Op(m, Module.Prefill, "tok_proj").Attrs.Str("role").ShouldBe("project_in");
        Operands(Op(m, Module.Prefill, "embed")).ShouldBe("%tok_proj, %pos");
        // Post-LN: attention reads the residual stream directly; the norms follow the residual adds.
        Operands(Op(m, Module.Prefill, "l0.q")).ShouldStartWith("%embed, ");
        Operands(Op(m, Module.Prefill, "l0.h")).ShouldStartWith("%l0.h_sum, @model.decoder.layers.0.self_attn_layer_norm.weight");
        Operands(Op(m, Module.Prefill, "l0.fc1")).ShouldStartWith("%l0.h, ");
        Operands(Op(m, Module.Prefill, "l0.out")).ShouldStartWith("%l0.out_sum, @model.decoder.layers.0.final_layer_norm.weight");
        Operands(Op(m, Module.Prefill, "proj_out")).ShouldBe("%last, @model.decoder.project_out.weight");
        Operands(Op(m, Module.Prefill, "logits")).ShouldBe("%proj_out, @model.decoder.embed_tokens.weight");
    }

    [Fact]
    public void OptFlagsDropBiasesAndUntieTheHead()
    {
        var m = LoadEdited("opt-125m.json", c => { c["enable_bias"] = false; c["tie_word_embeddings"] = false; c["activation_function"] = "gelu"; });
        m.FindWeight("model.decoder.layers.0.fc1.bias").ShouldBeNull();
        m.FindWeight("model.decoder.layers.0.self_attn_layer_norm.bias").ShouldNotBeNull();
        Shape(m, "lm_head.weight").ShouldBe([50272, 768]);
        Op(m, Module.Prefill, "l0.act").Attrs.Str("approximate").ShouldBe("none");
    }

    [Fact]
    public void Gpt2SplitsTheFusedQkvProjection()
    {
        var m = LoadSample("gpt2.json");
        foreach (var (part, start) in new[] { ("q", 0L), ("k", 768L), ("v", 1536L) })
        {
            var w = m.FindWeight($"transformer.h.5.attn.c_attn.{part}.weight")!;
            w.Type.ToString().ShouldBe("f16[768,768]");
            w.Attrs.Str("source").ShouldBe("transformer.h.5.attn.c_attn.weight");
            w.Attrs.Ints("source_range").ToArray().ShouldBe(new[] { start, start + 768 });
            w.Attrs.Str("source_layout").ShouldBe("in_out");
            var b = m.FindWeight($"transformer.h.5.attn.c_attn.{part}.bias")!;
            b.Attrs.Str("source").ShouldBe("transformer.h.5.attn.c_attn.bias");
            b.Attrs.Ints("source_range").ToArray().ShouldBe(new[] { start, start + 768 });
            Op(m, Module.Decode, $"l5.{part}").Attrs.Str("role").ShouldBe($"{part}_proj");
        }
        m.FindWeight("transformer.h.5.attn.c_attn.weight").ShouldBeNull();
        Shape(m, "transformer.h.5.mlp.c_fc.weight").ShouldBe([3072, 768]);
        m.FindWeight("transformer.h.5.mlp.c_fc.weight")!.Attrs.Str("source_layout").ShouldBe("in_out");
    }

    [Fact]
    public void Gpt2UsesTanhGeluAbsolutePositionsAndATiedHead()
    {
        var m = LoadSample("gpt2-medium.json");
        m.Attrs.Int("ffn_dim").ShouldBe(4096); // n_inner absent: 4 * n_embd
        m.Attrs.Int("max_positions").ShouldBe(1024);
        m.Attrs.Str("dtype").ShouldBe("f16");
        m.Attrs.Str("dtype_source").ShouldBe("default"); // GPT-2 configs carry no torch_dtype
        var act = Op(m, Module.Prefill, "l0.act");
        act.Opcode.ShouldBe("gelu");
        act.Attrs.Str("approximate").ShouldBe("tanh");
        Op(m, Module.Prefill, "pos_ids").Attrs.Int("offset").ShouldBe(0);
        Shape(m, "transformer.wpe.weight").ShouldBe([1024, 1024]);
        Operands(Op(m, Module.Prefill, "logits")).ShouldBe("%norm, @transformer.wte.weight");
        Op(m, Module.Prefill, "l0.attn").Attrs.Float("scale").ShouldBe(1 / Math.Sqrt(64));
    }

    [Fact]
    public void Gpt2OptionalFieldsAreHonoured()
    {
        var m = LoadEdited("gpt2.json", c =>
        {
            c["n_inner"] = 1000;
            c["tie_word_embeddings"] = false;
            c["scale_attn_by_inverse_layer_idx"] = true;
        });
        Shape(m, "transformer.h.0.mlp.c_fc.weight").ShouldBe([1000, 768]);
        Shape(m, "lm_head.weight").ShouldBe([50257, 768]);
        Op(m, Module.Prefill, "l3.attn").Attrs.Float("scale").ShouldBe(1 / Math.Sqrt(64) / 4);
    }

    [Fact]
    public void DtypeCanBeOverriddenAndReadFromTheNewFieldName()
    {
        var m = HfConfigFrontend.Load(Sample("llama-3.2-1b.json"), Workload, ElementType.F32);
        m.Attrs.Str("dtype").ShouldBe("f32");
        m.Attrs.Str("dtype_source").ShouldBe("override");
        m.Weights.ShouldAllBe(w => w.Type.Element == ElementType.F32);
        m.KvCaches.ShouldAllBe(c => c.Type.Element == ElementType.F32);

        var renamed = LoadEdited("opt-125m.json", c => { c.Remove("torch_dtype"); c["dtype"] = "float32"; });
        renamed.Attrs.Str("dtype").ShouldBe("f32");
    }

    [Fact]
    public void ValueNamesAreReadable()
    {
        var text = Printer.Print(LoadSample("opt-125m.json"));
        text.ShouldContain("%l3.q = linear(%l3.ln1, @model.decoder.layers.3.self_attn.q_proj.weight, @model.decoder.layers.3.self_attn.q_proj.bias) {role = \"q_proj\"} : f16[seq,768]");
        text.ShouldContain("%l3.attn = attention(%l3.q, %l3.k, %l3.v) {cache = \"layers.3\", causal = true, head_dim = 64, heads = 12, kv_heads = 12, past = kv");
        text.ShouldContain("%l3.fc1 = linear(%l3.ln2, ");
        text.ShouldContain("kv_cache @layers.11 : f16[1024,12,64]");
    }

    [Fact]
    public void CacheLengthFollowsTheWorkload()
    {
        var m = LoadSample("opt-13b.json", new HfWorkload(100, 28));
        m.KvCaches.ShouldAllBe(c => c.MaxLength == 128);
        m.KvCaches[39].Type.ToString().ShouldBe("f16[128,40,128]");
        // The whole position range is usable: 2048 = max_position_embeddings.
        LoadSample("opt-13b.json", new HfWorkload(2000, 48)).KvCaches[0].MaxLength.ShouldBe(2048);
        LoadSample("opt-13b.json", new HfWorkload(1, 0)).KvCaches[0].MaxLength.ShouldBe(1);
    }
}
