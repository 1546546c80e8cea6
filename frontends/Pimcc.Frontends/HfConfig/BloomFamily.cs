using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// BigScience BLOOM (modeling_bloom.py, BloomConfig): ALiBi position biases instead of position embeddings
/// (<see cref="AlibiSlopes"/>), a LayerNorm on the embeddings (<c>word_embeddings_layernorm</c>), pre-LN blocks with
/// LayerNorm (<c>layer_norm_epsilon</c>), <c>self_attention.query_key_value</c> fused per head like GPT-NeoX's
/// ([heads, 3, head_dim]), a 4·hidden GELU MLP (<c>bloom_gelu_forward</c> is the tanh approximation), biases
/// everywhere and the LM head tied to <c>word_embeddings</c>. <c>n_head</c>/<c>n_layer</c> are the config's names
/// for heads and layers. <c>apply_residual_connection_post_layernorm</c> (residual taken after the LayerNorm) is
/// refused. The config has no position limit (ALiBi extrapolates); the workload is bounded by the 2048-token
/// training sequence length (BigScience, "BLOOM", arXiv:2211.05100, Table 3) unless <c>seq_length</c> says otherwise.
/// </summary>
internal static class BloomFamily
{
    private const int TrainingSequenceLength = 2048;

    public static DecoderFamily Create(ConfigObject c, ElementType dtype)
    {
        RotaryShapes.RefuseFlag(c, "apply_residual_connection_post_layernorm", false, true, "residual taken after the LayerNorm");
        var hidden = c.Size("hidden_size", SizeLimits.Hidden);
        var heads = c.Size("n_head", SizeLimits.Heads);
        c.RequireDivisible("hidden_size", hidden, "n_head", heads);
        var maxPositions = c.OptionalSize("seq_length", SizeLimits.Positions) ?? TrainingSequenceLength;
        var shape = new DecoderShape("bloom", hidden, c.Size("n_layer", SizeLimits.Layers), heads, heads, hidden / heads,
            checked(4 * hidden), c.Size("vocab_size", SizeLimits.Vocab), maxPositions, "seq_length");
        var eps = c.PositiveNumber("layer_norm_epsilon", 1e-5);
        var w = new WeightTable(dtype);
        long h = hidden, d = shape.HeadDim;

        var embed = w.Add("transformer.word_embeddings.weight", [shape.Vocab, h]);
        var embedNorm = w.LayerNorm("transformer.word_embeddings_layernorm", h, eps);
        var layers = new DecoderLayer[shape.Layers];
        for (var i = 0; i < shape.Layers; i++)
        {
            var p = $"transformer.h.{i}";
            var ln1 = w.LayerNorm($"{p}.input_layernorm", h, eps);
            var qkv = w.Split($"{p}.self_attention.query_key_value", h, true, 3 * d, 3 * h,
                ("q", 0, d, "q_proj"), ("k", d, d, "k_proj"), ("v", 2 * d, d, "v_proj"));
            var o = w.Linear($"{p}.self_attention.dense", h, h, true, "out_proj");
            var ln2 = w.LayerNorm($"{p}.post_attention_layernorm", h, eps);
            layers[i] = new DecoderLayer(ln1, qkv[0], qkv[1], qkv[2], o, null, ln2, null,
                w.Linear($"{p}.mlp.dense_h_to_4h", shape.Ffn, h, true, "fc1"),
                w.Linear($"{p}.mlp.dense_4h_to_h", h, shape.Ffn, true, "fc2"), null);
        }
        var norm = w.LayerNorm("transformer.ln_f", h, eps);
        return new PreNormDecoder(shape, w, new DecoderLayout(embed, layers, norm, LinearParams.Tied(embed, "lm_head"),
            Activation.Named("gelu_new"), 0, RopeScaling.None, shape.HeadDim, Parallel: false, 1.0 / Math.Sqrt(d), Tied: true)
        {
            EmbedNorm = embedNorm,
            AlibiSlopes = AlibiSlopes.For(heads),
        });
    }
}
