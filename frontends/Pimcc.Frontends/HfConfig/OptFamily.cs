using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// Meta's OPT (transformers <c>OPTForCausalLM</c>, modeling_opt.py). Learned positions with an offset of
/// 2 (the table has max_position_embeddings + 2 rows); pre-LN when <c>do_layer_norm_before</c> (all
/// sizes but 350M), post-LN otherwise; when <c>word_embed_proj_dim</c> differs from the hidden size
/// (350M) the embeddings are projected in and the final hidden state projected out, both bias-free.
/// The LM head is tied to <c>embed_tokens</c> unless <c>tie_word_embeddings</c> is false.
/// </summary>
internal sealed class OptFamily : DecoderFamily
{
    public override bool LearnedPositions => true;

    private const string Prefix = "model.decoder";

    /// <summary>OPTLearnedPositionalEmbedding adds 2 to every position (fairseq's padding convention).</summary>
    private const long PositionOffset = 2;

    private sealed record OptLayer(LinearParams Q, LinearParams K, LinearParams V, LinearParams Out,
        NormParams AttnNorm, LinearParams Fc1, LinearParams Fc2, NormParams FinalNorm);

    private readonly string _embedTokens;
    private readonly string _embedPositions;
    private readonly LinearParams? _projectIn;
    private readonly LinearParams? _projectOut;
    private readonly OptLayer[] _layers;
    private readonly NormParams? _finalNorm;
    private readonly LinearParams _lmHead;
    private readonly bool _preNorm;
    private readonly Activation _act;
    private readonly bool _tied;

    private OptFamily(DecoderShape shape, WeightTable w, ConfigObject c, int projDim) : base(shape, w)
    {
        _preNorm = c.Bool("do_layer_norm_before", true);
        var removeFinalNorm = c.Bool("_remove_final_layer_norm", false);
        var bias = c.Bool("enable_bias", true);
        if (!c.Bool("layer_norm_elementwise_affine", true))
            throw c.Unsupported("layer_norm_elementwise_affine", "LayerNorm without affine parameters is not supported",
                "the IR's layer_norm takes a weight and a bias");
        _act = Activation.Parse(c, "activation_function", "relu");
        _tied = c.Bool("tie_word_embeddings", true);
        const double eps = 1e-5; // nn.LayerNorm's default; OPT's config has no epsilon field.
        long h = shape.Hidden;

        _embedTokens = w.Add($"{Prefix}.embed_tokens.weight", [shape.Vocab, projDim]);
        _embedPositions = w.Add($"{Prefix}.embed_positions.weight", [shape.MaxPositions + PositionOffset, h]);
        if (projDim != shape.Hidden)
        {
            _projectOut = w.Linear($"{Prefix}.project_out", projDim, h, false, "project_out");
            _projectIn = w.Linear($"{Prefix}.project_in", h, projDim, false, "project_in");
        }
        // modeling_opt.py keeps the final LayerNorm only for pre-LN models.
        if (_preNorm && !removeFinalNorm) _finalNorm = w.LayerNorm($"{Prefix}.final_layer_norm", h, eps);
        _layers = new OptLayer[shape.Layers];
        for (var i = 0; i < shape.Layers; i++)
        {
            var p = $"{Prefix}.layers.{i}";
            _layers[i] = new OptLayer(
                w.Linear($"{p}.self_attn.q_proj", h, h, bias, "q_proj"),
                w.Linear($"{p}.self_attn.k_proj", h, h, bias, "k_proj"),
                w.Linear($"{p}.self_attn.v_proj", h, h, bias, "v_proj"),
                w.Linear($"{p}.self_attn.out_proj", h, h, bias, "out_proj"),
                w.LayerNorm($"{p}.self_attn_layer_norm", h, eps),
                w.Linear($"{p}.fc1", shape.Ffn, h, bias, "fc1"),
                w.Linear($"{p}.fc2", h, shape.Ffn, bias, "fc2"),
                w.LayerNorm($"{p}.final_layer_norm", h, eps));
        }
        _lmHead = _tied ? LinearParams.Tied(_embedTokens, "lm_head") : w.Linear("lm_head", shape.Vocab, projDim, false, "lm_head");
    }

    public static DecoderFamily Create(ConfigObject c, ElementType dtype)
    {
        var hidden = c.Size("hidden_size", SizeLimits.Hidden);
        var layers = c.Size("num_hidden_layers", SizeLimits.Layers);
        var heads = c.Size("num_attention_heads", SizeLimits.Heads);
        var ffn = c.Size("ffn_dim", SizeLimits.Ffn);
        var vocab = c.Size("vocab_size", SizeLimits.Vocab);
        var maxPos = c.Size("max_position_embeddings", SizeLimits.Positions);
        var proj = c.OptionalSize("word_embed_proj_dim", SizeLimits.Hidden) ?? hidden;
        c.RequireDivisible("hidden_size", hidden, "num_attention_heads", heads);
        var shape = new DecoderShape("opt", hidden, layers, heads, heads, hidden / heads, ffn, vocab, maxPos, "max_position_embeddings");
        return new OptFamily(shape, new WeightTable(dtype), c, proj);
    }

    public override AttrMap ExtraAttrs => AttrMap.Empty.Set("tie_word_embeddings", _tied);

    public override Value Embed(FunctionBuilder fb, Value ids, Stage stage)
    {
        var tok = fb.Op("embedding", [ids.Use, Operand.W(_embedTokens)], name: "tok");
        if (_projectIn is not null) tok = _projectIn.Apply(fb, tok, "tok_proj");
        var posIds = PositionIds(fb, stage, PositionOffset);
        var pos = fb.Op("embedding", [posIds.Use, Operand.W(_embedPositions)], name: "pos");
        return fb.Op("add", [tok.Use, pos.Use], name: "embed");
    }

    public override Value Layer(FunctionBuilder fb, Value x, int layer, Stage stage)
    {
        var l = _layers[layer];
        var n = $"l{layer}";
        var attnIn = _preNorm ? l.AttnNorm.Apply(fb, x, $"{n}.ln1") : x;
        var q = l.Q.Apply(fb, attnIn, $"{n}.q");
        var k = l.K.Apply(fb, attnIn, $"{n}.k");
        var v = l.V.Apply(fb, attnIn, $"{n}.v");
        var attn = Attention(fb, q, k, v, layer, stage, DefaultScale);
        var o = l.Out.Apply(fb, attn, $"{n}.o");
        var h = fb.Op("add", [x.Use, o.Use], name: _preNorm ? $"{n}.h" : $"{n}.h_sum");
        if (!_preNorm) h = l.AttnNorm.Apply(fb, h, $"{n}.h");

        var ffnIn = _preNorm ? l.FinalNorm.Apply(fb, h, $"{n}.ln2") : h;
        var fc1 = l.Fc1.Apply(fb, ffnIn, $"{n}.fc1");
        var act = _act.Apply(fb, fc1, $"{n}.act");
        var fc2 = l.Fc2.Apply(fb, act, $"{n}.fc2");
        var outp = fb.Op("add", [h.Use, fc2.Use], name: _preNorm ? $"{n}.out" : $"{n}.out_sum");
        return _preNorm ? outp : l.FinalNorm.Apply(fb, outp, $"{n}.out");
    }

    public override Value Head(FunctionBuilder fb, Value last)
    {
        var x = _finalNorm?.Apply(fb, last, "norm") ?? last;
        if (_projectOut is not null) x = _projectOut.Apply(fb, x, "proj_out");
        return _lmHead.Apply(fb, x, "logits");
    }
}
