using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// The Llama architecture and its close relatives (modeling_llama.py, modeling_mistral.py,
/// modeling_qwen2.py, modeling_olmo.py): pre-norm blocks, rotary positions (rotate-half, not interleaved),
/// grouped-query attention with <c>num_key_value_heads</c>, SwiGLU MLP <c>down(act(gate(x)) · up(x))</c>,
/// optional explicit <c>head_dim</c>, LM head tied to <c>embed_tokens</c> when <c>tie_word_embeddings</c>.
/// Differences: Llama has <c>attention_bias</c> (q, k, v, o) and <c>mlp_bias</c>; Qwen2 always has
/// q/k/v biases and no o bias; Mistral and Qwen2 may use sliding-window attention; OLMo's norms are
/// non-parametric LayerNorms (eps 1e-5, no weight, no bias) instead of RMSNorm, and its <c>clip_qkv</c>
/// (a clamp the IR has no op for) is refused.
/// </summary>
internal static class LlamaFamily
{
    public enum Variant { Llama, Mistral, Qwen2, Olmo }

    public static Func<ConfigObject, ElementType, DecoderFamily> Creator(Variant variant, string family) => (c, dtype) =>
    {
        // transformers: num_key_value_heads None means multi-head attention (one KV head per head).
        var shape = RotaryShapes.Standard(c, family, () => c.OptionalSize("head_dim", SizeLimits.HeadDim));
        if (variant == Variant.Olmo) RotaryShapes.Refuse(c, "clip_qkv", "clamping q, k and v (clip_qkv)");
        var w = new WeightTable(dtype);
        return new PreNormDecoder(shape, w, Read(c, w, shape, variant));
    };

    private static DecoderLayout Read(ConfigObject c, WeightTable w, DecoderShape shape, Variant variant)
    {
        // OLMo: OlmoLayerNorm is F.layer_norm(x, eps=1e-5) with no parameters; the others: RMSNorm, eps default 1e-6.
        var eps = variant == Variant.Olmo ? 1e-5 : c.PositiveNumber("rms_norm_eps", 1e-6);
        NormParams Norm(string module) => variant == Variant.Olmo ? WeightTable.NonParametricLayerNorm(eps) : w.RmsNorm(module, shape.Hidden, eps);
        int? window = variant switch
        {
            Variant.Mistral => c.OptionalSize("sliding_window", SizeLimits.Positions),
            // modeling_qwen2.py: layers from max_window_layers (default 28) on use the window.
            Variant.Qwen2 when c.Bool("use_sliding_window", false) && c.OptionalSize("max_window_layers", SizeLimits.Layers).GetValueOrDefault(28) < shape.Layers
                => c.OptionalSize("sliding_window", SizeLimits.Positions),
            _ => null,
        };
        var qkvBias = variant switch
        {
            Variant.Qwen2 => true,
            Variant.Llama or Variant.Olmo => c.Bool("attention_bias", false),
            _ => false,
        };
        var oBias = variant is Variant.Llama or Variant.Olmo && qkvBias;
        var mlpBias = variant == Variant.Llama && c.Bool("mlp_bias", false);
        long h = shape.Hidden, qWidth = (long)shape.Heads * shape.HeadDim, kvWidth = (long)shape.KvHeads * shape.HeadDim;
        var tied = c.Bool("tie_word_embeddings", false);

        var embed = w.Add("model.embed_tokens.weight", [shape.Vocab, h]);
        var layers = new DecoderLayer[shape.Layers];
        for (var i = 0; i < shape.Layers; i++)
        {
            var p = $"model.layers.{i}";
            layers[i] = new DecoderLayer(
                Norm($"{p}.input_layernorm"),
                w.Linear($"{p}.self_attn.q_proj", qWidth, h, qkvBias, "q_proj"),
                w.Linear($"{p}.self_attn.k_proj", kvWidth, h, qkvBias, "k_proj"),
                w.Linear($"{p}.self_attn.v_proj", kvWidth, h, qkvBias, "v_proj"),
                w.Linear($"{p}.self_attn.o_proj", h, qWidth, oBias, "out_proj"),
                null,
                Norm($"{p}.post_attention_layernorm"),
                w.Linear($"{p}.mlp.gate_proj", shape.Ffn, h, mlpBias, "gate_proj"),
                w.Linear($"{p}.mlp.up_proj", shape.Ffn, h, mlpBias, "up_proj"),
                w.Linear($"{p}.mlp.down_proj", h, shape.Ffn, mlpBias, "down_proj"),
                null);
        }
        var norm = Norm("model.norm");
        var lmHead = tied ? LinearParams.Tied(embed, "lm_head") : w.Linear("lm_head", shape.Vocab, h, false, "lm_head");
        return new DecoderLayout(embed, layers, norm, lmHead, Activation.Parse(c, "hidden_act", "silu"),
            c.PositiveNumber("rope_theta", 10000.0), RopeScaling.Parse(c), shape.HeadDim, Parallel: false,
            1.0 / Math.Sqrt(shape.HeadDim), tied, window);
    }
}
