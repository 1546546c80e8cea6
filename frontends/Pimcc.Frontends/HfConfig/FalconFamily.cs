using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// TII Falcon (modeling_falcon.py, FalconConfig defaults): LayerNorm (<c>layer_norm_epsilon</c>), rotary over the
/// whole head (<c>rope_theta</c>), plain GELU MLP of width <c>ffn_hidden_size</c> (default 4·hidden), biases only
/// when <c>bias</c>, LM head tied to <c>word_embeddings</c>, <c>max_position_embeddings</c> default 2048.
/// KV heads: 1 with <c>multi_query</c> (Falcon-7B), <c>num_kv_heads</c> with <c>new_decoder_architecture</c>,
/// else one per head. <c>self_attention.query_key_value</c> is fused in groups of one KV head: rows
/// [kv_heads, heads/kv_heads + 2, head_dim] (the queries of the group, then its k, then its v), which covers all
/// three layouts. With <c>parallel_attn</c> (or the new architecture) the block is
/// <c>x + attn(ln(x)) + mlp(ln(x))</c>, one shared <c>input_layernorm</c> (or <c>ln_attn</c> and <c>ln_mlp</c>).
/// ALiBi (<c>alibi</c>) and <c>apply_residual_connection_post_layernorm</c> are refused.
/// </summary>
internal static class FalconFamily
{
    public static DecoderFamily Create(ConfigObject c, ElementType dtype)
    {
        RotaryShapes.RefuseFlag(c, "alibi", false, true, "ALiBi attention biases");
        RotaryShapes.RefuseFlag(c, "apply_residual_connection_post_layernorm", false, true, "residual taken after the LayerNorm");
        var hidden = c.Size("hidden_size", SizeLimits.Hidden);
        var heads = c.Size("num_attention_heads", SizeLimits.Heads);
        var newArch = c.Bool("new_decoder_architecture", false);
        var kvHeads = newArch ? c.OptionalSize("num_kv_heads", SizeLimits.Heads) ?? heads : c.Bool("multi_query", true) ? 1 : heads;
        var shape = RotaryShapes.Build(c, "falcon", hidden, c.Size("num_hidden_layers", SizeLimits.Layers), heads, kvHeads, null,
            c.OptionalSize("ffn_hidden_size", SizeLimits.Ffn) ?? checked(4 * hidden), c.Size("vocab_size", SizeLimits.Vocab),
            c.OptionalSize("max_position_embeddings", SizeLimits.Positions) ?? 2048, kvHeadsField: newArch ? "num_kv_heads" : "multi_query");
        var eps = c.PositiveNumber("layer_norm_epsilon", 1e-5);
        var bias = c.Bool("bias", false);
        var parallel = newArch || c.Bool("parallel_attn", true);
        var twoNorms = newArch && c.OptionalSize("num_ln_in_parallel_attn", 2) is null or 2;
        var tied = c.Bool("tie_word_embeddings", true);
        var w = new WeightTable(dtype);
        long h = hidden, d = shape.HeadDim, qPer = heads / kvHeads, stride = (qPer + 2) * d;

        var embed = w.Add("transformer.word_embeddings.weight", [shape.Vocab, h]);
        var layers = new DecoderLayer[shape.Layers];
        for (var i = 0; i < shape.Layers; i++)
        {
            var p = $"transformer.h.{i}";
            var ln1 = w.LayerNorm(twoNorms ? $"{p}.ln_attn" : $"{p}.input_layernorm", h, eps);
            var ln2 = twoNorms ? w.LayerNorm($"{p}.ln_mlp", h, eps) : parallel ? null : w.LayerNorm($"{p}.post_attention_layernorm", h, eps);
            var qkv = w.Split($"{p}.self_attention.query_key_value", h, bias, stride, kvHeads * stride,
                ("q", 0, qPer * d, "q_proj"), ("k", qPer * d, d, "k_proj"), ("v", (qPer + 1) * d, d, "v_proj"));
            layers[i] = new DecoderLayer(ln1, qkv[0], qkv[1], qkv[2],
                w.Linear($"{p}.self_attention.dense", h, heads * d, bias, "out_proj"), null, ln2, null,
                w.Linear($"{p}.mlp.dense_h_to_4h", shape.Ffn, h, bias, "fc1"),
                w.Linear($"{p}.mlp.dense_4h_to_h", h, shape.Ffn, bias, "fc2"), null);
        }
        var norm = w.LayerNorm("transformer.ln_f", h, eps);
        var lmHead = tied ? LinearParams.Tied(embed, "lm_head") : w.Linear("lm_head", shape.Vocab, h, false, "lm_head");
        return new PreNormDecoder(shape, w, new DecoderLayout(embed, layers, norm, lmHead, Activation.Parse(c, "activation", "gelu"),
            c.PositiveNumber("rope_theta", 10000.0), RopeScaling.Parse(c), shape.HeadDim, parallel, 1.0 / Math.Sqrt(d), tied));
    }
}
