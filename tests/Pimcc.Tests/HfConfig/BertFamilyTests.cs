using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Ir;
using static Pimcc.Tests.HfConfig.HfConfigKit;

namespace Pimcc.Tests.HfConfig;

/// <summary>
/// The encoder-only bert family from the real BERT-Base and BERT-Large configs: modeling_bert.py's BertModel by hand
/// (embeddings summed then normalised, post-LN blocks, bidirectional attention, exact GELU), prefill only.
/// </summary>
public class BertFamilyTests
{
    [Theory]
    [InlineData("bert-base-uncased.json", 768, 12, 12, 3072)]
    [InlineData("bert-large-uncased.json", 1024, 24, 16, 4096)]
    public void BertIsAnEncoderWithBidirectionalAttentionAndNoDecode(string file, int hidden, int layers, int heads, int ffn)
    {
        var m = LoadSample(file);
        m.Attrs.Str("family").ShouldBe("bert");
        m.Attrs.Str("architecture").ShouldBe("encoder");
        m.Attrs.Int("hidden_size").ShouldBe(hidden);
        m.Attrs.Int("num_layers").ShouldBe(layers);
        m.Attrs.Int("head_dim").ShouldBe(64); // 768 / 12 = 1024 / 16
        m.Attrs.Int("ffn_dim").ShouldBe(ffn);
        m.Attrs.Int("max_positions").ShouldBe(512);
        m.Attrs.Int("generated_tokens").ShouldBe(0);
        m.FindFunction(Module.Decode).ShouldBeNull();
        var prefill = m.FindFunction(Module.Prefill)!;
        var attention = Ops(m, Module.Prefill, "attention").ToList();
        attention.Count.ShouldBe(layers);
        attention.ShouldAllBe(a => !a.Attrs.Bool("causal") && a.Attrs.Float("scale") == 0.125 && a.Attrs.Int("heads") == heads);
        Ops(m, Module.Prefill, "last_token").ShouldBeEmpty();
        // the last hidden state of every position: [seq, hidden], the last layer's output LayerNorm
        prefill.Values.Single(v => v.Name == prefill.Returns.Single().Name).Type.ToString().ShouldBe($"f16[seq,{hidden}]");
        prefill.Body[^1].Results.Single().Name.ShouldBe($"l{layers - 1}.ln2");
        m.KvCaches.ShouldAllBe(c => c.MaxLength == 256);
    }

    [Fact]
    public void EmbeddingsAreWordsPlusPositionsPlusTokenTypeZeroThenLayerNorm()
    {
        var m = LoadSample("bert-base-uncased.json");
        Operands(Op(m, Module.Prefill, "embed")).ShouldBe("%input_ids, @embeddings.word_embeddings.weight");
        Operands(Op(m, Module.Prefill, "embed_pos")).ShouldBe("%pos_ids, @embeddings.position_embeddings.weight");
        Op(m, Module.Prefill, "pos_ids").Attrs.Int("offset").ShouldBe(0); // BERT's positions start at 0
        var type0 = Op(m, Module.Prefill, "type_ids");
        (type0.Attrs.Expr("start").Constant, type0.Attrs.Expr("count").Constant, type0.Attrs.Int("offset")).ShouldBe((0L, 1L, 0L));
        Operands(Op(m, Module.Prefill, "embed_type")).ShouldBe("%type_ids, @embeddings.token_type_embeddings.weight");
        Operands(Op(m, Module.Prefill, "embed_all")).ShouldBe("%embed_sum, %embed_type");
        Operands(Op(m, Module.Prefill, "embed_ln")).ShouldBe("%embed_all, @embeddings.LayerNorm.weight, @embeddings.LayerNorm.bias");
        Op(m, Module.Prefill, "embed_ln").Attrs.Float("eps").ShouldBe(1e-12);
    }

    [Fact]
    public void BlocksArePostLayerNormWithExactGelu()
    {
        var m = LoadSample("bert-base-uncased.json");
        Operands(Op(m, Module.Prefill, "l0.q")).ShouldBe("%embed_ln, @encoder.layer.0.attention.self.query.weight, @encoder.layer.0.attention.self.query.bias");
        Operands(Op(m, Module.Prefill, "l0.h")).ShouldBe("%embed_ln, %l0.o");
        Operands(Op(m, Module.Prefill, "l0.ln1")).ShouldBe("%l0.h, @encoder.layer.0.attention.output.LayerNorm.weight, @encoder.layer.0.attention.output.LayerNorm.bias");
        Operands(Op(m, Module.Prefill, "l0.fc1")).ShouldStartWith("%l0.ln1, @encoder.layer.0.intermediate.dense.weight");
        Op(m, Module.Prefill, "l0.act").Attrs.Str("approximate").ShouldBe("none");
        Operands(Op(m, Module.Prefill, "l0.out")).ShouldBe("%l0.ln1, %l0.fc2");
        Operands(Op(m, Module.Prefill, "l1.q")).ShouldStartWith("%l0.ln2, ");
    }

    [Fact]
    public void GeneratingWithAnEncoderIsRefused()
    {
        var e = Fails(() => LoadSample("bert-base-uncased.json", new HfWorkload(128, 768)), ExitCode.Usage);
        e.OneLine.ShouldContain("encoder");
        e.OneLine.ShouldContain("--gen-tokens 0");
        LoadSample("bert-base-uncased.json", new HfWorkload(512, 0)).Attrs.Int("prompt_tokens").ShouldBe(512);
        Fails(() => LoadSample("bert-base-uncased.json", new HfWorkload(513, 0)), ExitCode.Usage).OneLine.ShouldContain("max_position_embeddings");
        Fails(() => LoadEdited("bert-base-uncased.json", c => c["position_embedding_type"] = "relative_key"), ExitCode.UnsupportedModel)
            .OneLine.ShouldContain("field 'position_embedding_type'");
    }
}
