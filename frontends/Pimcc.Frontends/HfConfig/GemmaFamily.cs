using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// Google Gemma and Gemma 2 (modeling_gemma.py, modeling_gemma2.py): the Llama block with GeGLU
/// (<c>hidden_activation</c>, default <c>gelu_pytorch_tanh</c>), explicit <c>head_dim</c> (256, not hidden/heads),
/// MQA/GQA, tied LM head, and two twists expressed through weight attributes a loader honours:
/// <list type="bullet">
/// <item>GemmaRMSNorm scales by <c>1 + weight</c>: every norm weight says <c>source_offset = 1</c>.</item>
/// <item>The embeddings are multiplied by √hidden_size. The LM head reads the table unscaled, so the embedding op
/// reads a separate IR weight <c>model.embed_tokens.weight.normalized</c> with <c>source</c> = the table and
/// <c>source_scale</c> = √hidden_size (transformers rounds the factor to the model dtype first: 45.25 for 2048
/// in both f16 and bf16).</item>
/// </list>
/// Gemma 2 adds sandwich norms (<c>post_attention_layernorm</c> on the attention output,
/// <c>pre_</c>/<c>post_feedforward_layernorm</c> around the MLP), the softmax scale
/// <c>query_pre_attn_scalar^-½</c>, a <c>sliding_window</c> on alternate layers (the workload must fit it, else
/// exit 22 naming the field), and logit soft-capping <c>c·tanh(x/c)</c>: <c>attn_logit_softcapping</c> on the
/// scaled attention scores (the attention op's <c>softcap</c>), <c>final_logit_softcapping</c> on the LM head's
/// logits (a <c>soft_cap</c> op); null turns either off.
/// </summary>
internal static class GemmaFamily
{
    private static readonly AttrMap OnePlusWeight = AttrMap.Empty.Set("source_offset", 1.0);

    public static Func<ConfigObject, ElementType, DecoderFamily> Creator(bool gemma2) => (c, dtype) =>
    {
        var shape = RotaryShapes.Standard(c, gemma2 ? "gemma2" : "gemma", () => c.OptionalSize("head_dim", SizeLimits.HeadDim) ?? 256);
        var eps = c.PositiveNumber("rms_norm_eps", 1e-6);
        var tied = c.Bool("tie_word_embeddings", true);
        var w = new WeightTable(dtype);
        long h = shape.Hidden, qWidth = (long)shape.Heads * shape.HeadDim, kvWidth = (long)shape.KvHeads * shape.HeadDim;
        NormParams Norm(string module) => w.RmsNorm(module, h, eps, OnePlusWeight);

        var table = w.Add("model.embed_tokens.weight", [shape.Vocab, h]);
        var embed = w.Add("model.embed_tokens.weight.normalized", [shape.Vocab, h], AttrMap.Empty
            .Set("source", table).Set("source_scale", Math.Sqrt(h)));
        var bias = c.Bool("attention_bias", false);
        var layers = new DecoderLayer[shape.Layers];
        for (var i = 0; i < shape.Layers; i++)
        {
            var p = $"model.layers.{i}";
            var input = Norm($"{p}.input_layernorm");
            var q = w.Linear($"{p}.self_attn.q_proj", qWidth, h, bias, "q_proj");
            var k = w.Linear($"{p}.self_attn.k_proj", kvWidth, h, bias, "k_proj");
            var v = w.Linear($"{p}.self_attn.v_proj", kvWidth, h, bias, "v_proj");
            var o = w.Linear($"{p}.self_attn.o_proj", h, qWidth, bias, "out_proj");
            var postAttn = Norm($"{p}.post_attention_layernorm");
            var preMlp = gemma2 ? Norm($"{p}.pre_feedforward_layernorm") : null;
            var postMlp = gemma2 ? Norm($"{p}.post_feedforward_layernorm") : null;
            layers[i] = new DecoderLayer(input, q, k, v, o, gemma2 ? postAttn : null, gemma2 ? preMlp : postAttn,
                w.Linear($"{p}.mlp.gate_proj", shape.Ffn, h, false, "gate_proj"),
                w.Linear($"{p}.mlp.up_proj", shape.Ffn, h, false, "up_proj"),
                w.Linear($"{p}.mlp.down_proj", h, shape.Ffn, false, "down_proj"), postMlp);
        }
        var norm = Norm("model.norm");
        var lmHead = tied ? LinearParams.Tied(table, "lm_head") : w.Linear("lm_head", shape.Vocab, h, false, "lm_head");
        var scale = gemma2 ? 1.0 / Math.Sqrt(c.PositiveNumber("query_pre_attn_scalar", 256)) : 1.0 / Math.Sqrt(shape.HeadDim);
        return new PreNormDecoder(shape, w, new DecoderLayout(embed, layers, norm, lmHead,
            Activation.Parse(c, "hidden_activation", "gelu_pytorch_tanh"), c.PositiveNumber("rope_theta", 10000.0), RopeScaling.Parse(c),
            shape.HeadDim, Parallel: false, scale, tied, gemma2 ? c.OptionalSize("sliding_window", SizeLimits.Positions) : null)
        {
            AttnSoftcap = gemma2 ? c.OptionalPositiveNumber("attn_logit_softcapping") : null,
            FinalSoftcap = gemma2 ? c.OptionalPositiveNumber("final_logit_softcapping") : null,
        });
    };
}
