using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// EleutherAI GPT-J (modeling_gptj.py, GPTJConfig defaults) and Salesforce CodeGen (modeling_codegen.py), which shares
/// its block: LayerNorm <c>ln_1</c> (<c>layer_norm_epsilon</c>), the parallel block <c>x + attn(ln_1(x)) + mlp(ln_1(x))</c>,
/// q/k/v and <c>out_proj</c> without biases, interleaved rotary ("rotate_every_two": channel pairs (2i, 2i + 1)) on the
/// first <c>rotary_dim</c> channels of each head (all of them when null; base 10,000, no config field), scores scaled by
/// 1/sqrt(head_dim), an MLP <c>fc_out(act(fc_in(x)))</c> with biases of width <c>n_inner</c> (default 4·n_embd,
/// <c>activation_function</c> default gelu_new), <c>transformer.ln_f</c> and an LM head with a bias, untied unless
/// <c>tie_word_embeddings</c>.
/// <para>
/// CodeGen fuses q, k and v into <c>attn.qkv_proj</c> (no bias) laid out in mp_num = 4 blocks of 3·n_embd/4 rows,
/// each block its quarter of query, value and key in that order (<c>qkv_split.reshape(..., mp_num, -1)</c>, then
/// <c>torch.split(..., local_dim)</c> into query, value, key): each part takes n_embd/4 rows of every 3·n_embd/4
/// (<see cref="WeightTable.Split"/>).
/// </para>
/// </summary>
internal static class GptjFamily
{
    /// <summary>CodeGen's model-parallel block count in <c>qkv_proj</c> (a constant of modeling_codegen.py).</summary>
    private const int CodeGenBlocks = 4;

    public static Func<ConfigObject, ElementType, DecoderFamily> Creator(bool codegen) => (c, dtype) => Create(c, dtype, codegen);

    private static DecoderFamily Create(ConfigObject c, ElementType dtype, bool codegen)
    {
        var family = codegen ? "codegen" : "gptj";
        var embd = c.Size("n_embd", SizeLimits.Hidden);
        var heads = c.Size("n_head", SizeLimits.Heads);
        c.RequireDivisible("n_embd", embd, "n_head", heads);
        var d = embd / heads;
        if (d % 2 != 0)
            throw c.Invalid("n_embd", $"head_dim = {d} is odd; rotary embedding rotates channel pairs", "check n_embd and n_head");
        var shape = new DecoderShape(family, embd, c.Size("n_layer", SizeLimits.Layers), heads, heads, d,
            c.OptionalSize("n_inner", SizeLimits.Ffn) ?? checked(4 * embd), c.Size("vocab_size", SizeLimits.Vocab),
            c.Size("n_positions", SizeLimits.Positions), "n_positions");
        var rotaryDim = c.OptionalSize("rotary_dim", SizeLimits.Hidden) ?? d;
        if (rotaryDim > d || rotaryDim < 2 || rotaryDim % 2 != 0)
            throw c.Invalid("rotary_dim", $"rotates {rotaryDim} of head_dim = {d} channels; rotary needs a positive even count of at most head_dim",
                "use the value from the model's published config");
        if (codegen) c.RequireDivisible("n_embd", embd, "the 4 blocks of qkv_proj", CodeGenBlocks);
        var eps = c.PositiveNumber("layer_norm_epsilon", 1e-5);
        var tied = c.Bool("tie_word_embeddings", false);
        var w = new WeightTable(dtype);
        long h = embd;

        var embed = w.Add("transformer.wte.weight", [shape.Vocab, h]);
        var layers = new DecoderLayer[shape.Layers];
        for (var i = 0; i < shape.Layers; i++)
        {
            var p = $"transformer.h.{i}";
            var q = h / CodeGenBlocks;
            var qkv = codegen
                ? w.Split($"{p}.attn.qkv_proj", h, false, 3 * q, 3 * h, ("q", 0, q, "q_proj"), ("v", q, q, "v_proj"), ("k", 2 * q, q, "k_proj"))
                : [w.Linear($"{p}.attn.q_proj", h, h, false, "q_proj"), w.Linear($"{p}.attn.v_proj", h, h, false, "v_proj"),
                    w.Linear($"{p}.attn.k_proj", h, h, false, "k_proj")];
            layers[i] = new DecoderLayer(
                w.LayerNorm($"{p}.ln_1", h, eps),
                qkv[0], qkv[2], qkv[1],
                w.Linear($"{p}.attn.out_proj", h, h, false, "out_proj"),
                null, null, null,
                w.Linear($"{p}.mlp.fc_in", shape.Ffn, h, true, "fc1"),
                w.Linear($"{p}.mlp.fc_out", h, shape.Ffn, true, "fc2"),
                null);
        }
        var norm = w.LayerNorm("transformer.ln_f", h, eps);
        var lmHead = tied ? new LinearParams(embed, w.Add("lm_head.bias", [shape.Vocab]), "lm_head") : w.Linear("lm_head", shape.Vocab, h, true, "lm_head");
        return new PreNormDecoder(shape, w, new DecoderLayout(embed, layers, norm, lmHead, Activation.Parse(c, "activation_function", "gelu_new"),
            10000.0, RopeScaling.None, rotaryDim, true, 1.0 / Math.Sqrt(d), tied) { Interleaved = true });
    }
}
