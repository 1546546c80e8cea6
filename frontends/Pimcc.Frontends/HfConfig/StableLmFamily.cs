using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// Stability AI StableLM (modeling_stablelm.py): Llama-style names and SwiGLU MLP with LayerNorm (weight and bias,
/// <c>layer_norm_eps</c>) instead of RMSNorm, q/k/v biases when <c>use_qkv_bias</c>, partial rotary
/// (<c>partial_rotary_factor</c>, default 0.25), and with <c>use_parallel_residual</c> the parallel block
/// <c>x + attn(ln(x)) + mlp(ln(x))</c> that shares <c>input_layernorm</c> and has no <c>post_attention_layernorm</c>.
/// <c>qk_layernorm</c> (per-head LayerNorms on q and k) is refused.
/// </summary>
internal static class StableLmFamily
{
    public static DecoderFamily Create(ConfigObject c, ElementType dtype)
    {
        var shape = RotaryShapes.Standard(c, "stablelm");
        RotaryShapes.RefuseFlag(c, "qk_layernorm", false, true, "per-head LayerNorms on q and k");
        var eps = c.PositiveNumber("layer_norm_eps", 1e-5);
        var parallel = c.Bool("use_parallel_residual", false);
        var qkvBias = c.Bool("use_qkv_bias", false);
        var tied = c.Bool("tie_word_embeddings", false);
        var w = new WeightTable(dtype);
        long h = shape.Hidden, qWidth = (long)shape.Heads * shape.HeadDim, kvWidth = (long)shape.KvHeads * shape.HeadDim;

        var embed = w.Add("model.embed_tokens.weight", [shape.Vocab, h]);
        var layers = new DecoderLayer[shape.Layers];
        for (var i = 0; i < shape.Layers; i++)
        {
            var p = $"model.layers.{i}";
            layers[i] = new DecoderLayer(
                w.LayerNorm($"{p}.input_layernorm", h, eps),
                w.Linear($"{p}.self_attn.q_proj", qWidth, h, qkvBias, "q_proj"),
                w.Linear($"{p}.self_attn.k_proj", kvWidth, h, qkvBias, "k_proj"),
                w.Linear($"{p}.self_attn.v_proj", kvWidth, h, qkvBias, "v_proj"),
                w.Linear($"{p}.self_attn.o_proj", h, qWidth, false, "out_proj"),
                null,
                parallel ? null : w.LayerNorm($"{p}.post_attention_layernorm", h, eps),
                w.Linear($"{p}.mlp.gate_proj", shape.Ffn, h, false, "gate_proj"),
                w.Linear($"{p}.mlp.up_proj", shape.Ffn, h, false, "up_proj"),
                w.Linear($"{p}.mlp.down_proj", h, shape.Ffn, false, "down_proj"),
                null);
        }
        var norm = w.LayerNorm("model.norm", h, eps);
        var lmHead = tied ? LinearParams.Tied(embed, "lm_head") : w.Linear("lm_head", shape.Vocab, h, false, "lm_head");
        // StableLmConfig's default partial_rotary_factor is 0.25, not 1.
        var rotaryDim = RotaryShapes.RotaryDim(c, "partial_rotary_factor", shape.HeadDim, fallback: 0.25);
        return new PreNormDecoder(shape, w, new DecoderLayout(embed, layers, norm, lmHead, Activation.Parse(c, "hidden_act", "silu"),
            c.PositiveNumber("rope_theta", 10000.0), RopeScaling.Parse(c), rotaryDim, parallel, 1.0 / Math.Sqrt(shape.HeadDim), tied));
    }
}
