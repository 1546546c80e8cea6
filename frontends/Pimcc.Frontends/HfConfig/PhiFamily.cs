using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// Microsoft Phi-1 / Phi-1.5 / Phi-2 (modeling_phi.py, PhiConfig defaults): LayerNorms with bias (<c>layer_norm_eps</c>),
/// q/k/v and output (<c>self_attn.dense</c>) projections with biases, partial rotate-half rotary
/// (<c>partial_rotary_factor</c>, default 0.5; <c>rope_theta</c>, <c>rope_scaling</c>), a plain MLP <c>fc2(act(fc1(x)))</c>
/// with biases (<c>hidden_act</c>, default gelu_new), and the parallel block <c>x + attn(ln(x)) + mlp(ln(x))</c> with one
/// <c>input_layernorm</c>; <c>model.final_layernorm</c> and an LM head with a bias, untied unless
/// <c>tie_word_embeddings</c>. <c>qk_layernorm</c> (per-head LayerNorms on q and k) is refused.
/// </summary>
internal static class PhiFamily
{
    public static DecoderFamily Create(ConfigObject c, ElementType dtype)
    {
        var shape = RotaryShapes.Standard(c, "phi");
        RotaryShapes.RefuseFlag(c, "qk_layernorm", false, true, "per-head LayerNorms on q and k");
        var eps = c.PositiveNumber("layer_norm_eps", 1e-5);
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
                w.Linear($"{p}.self_attn.q_proj", qWidth, h, true, "q_proj"),
                w.Linear($"{p}.self_attn.k_proj", kvWidth, h, true, "k_proj"),
                w.Linear($"{p}.self_attn.v_proj", kvWidth, h, true, "v_proj"),
                w.Linear($"{p}.self_attn.dense", h, qWidth, true, "out_proj"),
                null, null, null,
                w.Linear($"{p}.mlp.fc1", shape.Ffn, h, true, "fc1"),
                w.Linear($"{p}.mlp.fc2", h, shape.Ffn, true, "fc2"),
                null);
        }
        var norm = w.LayerNorm("model.final_layernorm", h, eps);
        // PhiForCausalLM's lm_head has a bias (nn.Linear(hidden, vocab, bias=True)); tied, the weight is the table's
        var lmHead = tied ? new LinearParams(embed, w.Add("lm_head.bias", [shape.Vocab]), "lm_head") : w.Linear("lm_head", shape.Vocab, h, true, "lm_head");
        var rotaryDim = RotaryShapes.RotaryDim(c, "partial_rotary_factor", shape.HeadDim, fallback: 0.5);
        return new PreNormDecoder(shape, w, new DecoderLayout(embed, layers, norm, lmHead, Activation.Parse(c, "hidden_act", "gelu_new"),
            c.PositiveNumber("rope_theta", 10000.0), RopeScaling.Parse(c), rotaryDim, true, 1.0 / Math.Sqrt(shape.HeadDim), tied));
    }
}
