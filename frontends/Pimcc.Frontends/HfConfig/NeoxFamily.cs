using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// EleutherAI GPT-NeoX / Pythia (modeling_gpt_neox.py): LayerNorm (weight and bias, <c>layer_norm_eps</c>),
/// partial rotary on <c>int(head_dim · rotary_pct)</c> channels (base <c>rotary_emb_base</c>), plain GELU MLP
/// (<c>hidden_act</c>), biases everywhere (<c>attention_bias</c>, default true), untied <c>embed_out</c>, and with
/// <c>use_parallel_residual</c> (default true) the block <c>x + attn(input_layernorm(x)) + mlp(post_attention_layernorm(x))</c>.
/// <c>attention.query_key_value</c> is fused per head: its rows are [heads, 3, head_dim] (q, k, v of head 0, then
/// head 1, ...), so each part takes head_dim rows of every 3·head_dim (<see cref="WeightTable.Split"/>).
/// </summary>
internal static class NeoxFamily
{
    public static DecoderFamily Create(ConfigObject c, ElementType dtype)
    {
        var heads = c.Size("num_attention_heads", SizeLimits.Heads);
        var shape = RotaryShapes.Build(c, "gpt_neox", c.Size("hidden_size", SizeLimits.Hidden), c.Size("num_hidden_layers", SizeLimits.Layers),
            heads, heads, null, c.Size("intermediate_size", SizeLimits.Ffn), c.Size("vocab_size", SizeLimits.Vocab),
            c.Size("max_position_embeddings", SizeLimits.Positions));
        var eps = c.PositiveNumber("layer_norm_eps", 1e-5);
        var parallel = c.Bool("use_parallel_residual", true);
        var bias = c.Bool("attention_bias", true);
        var tied = c.Bool("tie_word_embeddings", false);
        var w = new WeightTable(dtype);
        long h = shape.Hidden, d = shape.HeadDim;

        var embed = w.Add("gpt_neox.embed_in.weight", [shape.Vocab, h]);
        var layers = new DecoderLayer[shape.Layers];
        for (var i = 0; i < shape.Layers; i++)
        {
            var p = $"gpt_neox.layers.{i}";
            var ln1 = w.LayerNorm($"{p}.input_layernorm", h, eps);
            var ln2 = w.LayerNorm($"{p}.post_attention_layernorm", h, eps);
            var qkv = w.Split($"{p}.attention.query_key_value", h, bias, 3 * d, 3 * h,
                ("q", 0, d, "q_proj"), ("k", d, d, "k_proj"), ("v", 2 * d, d, "v_proj"));
            layers[i] = new DecoderLayer(ln1, qkv[0], qkv[1], qkv[2],
                w.Linear($"{p}.attention.dense", h, h, bias, "out_proj"), null, ln2, null,
                w.Linear($"{p}.mlp.dense_h_to_4h", shape.Ffn, h, true, "fc1"),
                w.Linear($"{p}.mlp.dense_4h_to_h", h, shape.Ffn, true, "fc2"), null);
        }
        var norm = w.LayerNorm("gpt_neox.final_layer_norm", h, eps);
        var lmHead = tied ? LinearParams.Tied(embed, "lm_head") : w.Linear("embed_out", shape.Vocab, h, false, "lm_head");
        return new PreNormDecoder(shape, w, new DecoderLayout(embed, layers, norm, lmHead, Activation.Parse(c, "hidden_act", "gelu"),
            c.PositiveNumber("rotary_emb_base", 10000.0), RopeScaling.Parse(c), RotaryShapes.RotaryDim(c, "rotary_pct", shape.HeadDim),
            parallel, 1.0 / Math.Sqrt(d), tied));
    }
}
