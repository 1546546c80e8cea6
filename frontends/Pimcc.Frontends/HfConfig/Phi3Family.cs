using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// Microsoft Phi-3 (modeling_phi3.py): the Llama block with fused projections. <c>self_attn.qkv_proj</c>
/// ([heads·d + 2·kv_heads·d, hidden]) holds q, then k, then v; <c>mlp.gate_up_proj</c> ([2·ffn, hidden]) holds
/// gate, then up (<c>chunk(2)</c>). Both are split into separate linears (<see cref="WeightTable.Split"/>).
/// RMSNorm (<c>rms_norm_eps</c>), no biases, <c>partial_rotary_factor</c> (default 1), <c>sliding_window</c>;
/// the long-context <c>rope_scaling</c> kinds (longrope, su, yarn) are refused by <see cref="RopeScaling"/>.
/// </summary>
internal static class Phi3Family
{
    public static DecoderFamily Create(ConfigObject c, ElementType dtype)
    {
        var shape = RotaryShapes.Standard(c, "phi3");
        var eps = c.PositiveNumber("rms_norm_eps", 1e-5);
        var tied = c.Bool("tie_word_embeddings", false);
        var w = new WeightTable(dtype);
        long h = shape.Hidden, qWidth = (long)shape.Heads * shape.HeadDim, kvWidth = (long)shape.KvHeads * shape.HeadDim, f = shape.Ffn;

        var embed = w.Add("model.embed_tokens.weight", [shape.Vocab, h]);
        var layers = new DecoderLayer[shape.Layers];
        for (var i = 0; i < shape.Layers; i++)
        {
            var p = $"model.layers.{i}";
            var input = w.RmsNorm($"{p}.input_layernorm", h, eps);
            var qkvWidth = qWidth + 2 * kvWidth;
            var qkv = w.Split($"{p}.self_attn.qkv_proj", h, false, qkvWidth, qkvWidth,
                ("q", 0, qWidth, "q_proj"), ("k", qWidth, kvWidth, "k_proj"), ("v", qWidth + kvWidth, kvWidth, "v_proj"));
            var o = w.Linear($"{p}.self_attn.o_proj", h, qWidth, false, "out_proj");
            var post = w.RmsNorm($"{p}.post_attention_layernorm", h, eps);
            var gateUp = w.Split($"{p}.mlp.gate_up_proj", h, false, 2 * f, 2 * f, ("gate", 0, f, "gate_proj"), ("up", f, f, "up_proj"));
            layers[i] = new DecoderLayer(input, qkv[0], qkv[1], qkv[2], o, null, post, gateUp[0], gateUp[1],
                w.Linear($"{p}.mlp.down_proj", h, f, false, "down_proj"), null);
        }
        var norm = w.RmsNorm("model.norm", h, eps);
        var lmHead = tied ? LinearParams.Tied(embed, "lm_head") : w.Linear("lm_head", shape.Vocab, h, false, "lm_head");
        return new PreNormDecoder(shape, w, new DecoderLayout(embed, layers, norm, lmHead, Activation.Parse(c, "hidden_act", "silu"),
            c.PositiveNumber("rope_theta", 10000.0), RopeScaling.Parse(c), RotaryShapes.RotaryDim(c, "partial_rotary_factor", shape.HeadDim),
            Parallel: false, 1.0 / Math.Sqrt(shape.HeadDim), tied, c.OptionalSize("sliding_window", SizeLimits.Positions)));
    }
}
