using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// Google BERT (modeling_bert.py's <c>BertModel</c>, BertConfig): an encoder. Word, learned absolute position and
/// token-type embeddings summed, then LayerNorm (<c>layer_norm_eps</c>); post-LN blocks
/// <c>ln1(x + attn(x))</c>, <c>ln2(h + fc2(act(fc1(h))))</c> with bidirectional attention (every token sees every
/// token: <c>causal = false</c>) and biases everywhere; <c>hidden_act</c> (default exact GELU). The module is the
/// encoder only: <c>@prefill</c> returns the last hidden state of every position (<c>[seq, hidden]</c>); no pooler, no
/// task head, no <c>@decode</c> (an encoder has no generation step). One segment: token type 0 for every token
/// (its embedding row is one <c>embedding</c> of position 0, broadcast over the rows). Relative position embeddings
/// (<c>position_embedding_type</c> other than <c>absolute</c>) are refused.
/// </summary>
internal sealed class BertFamily : DecoderFamily
{
    public override bool LearnedPositions => true;

    private sealed record BertLayer(LinearParams Q, LinearParams K, LinearParams V, LinearParams O, NormParams AttnNorm,
        LinearParams Fc1, LinearParams Fc2, NormParams OutNorm);

    private readonly string _words, _positions, _tokenTypes;
    private readonly NormParams _embedNorm;
    private readonly BertLayer[] _layers;
    private readonly Activation _act;

    public override bool Encoder => true;

    public override AttrMap ExtraAttrs => AttrMap.Empty.Set("architecture", "encoder").Set("type_vocab_size", _typeVocab);

    private readonly long _typeVocab;

    private BertFamily(DecoderShape shape, WeightTable w, ConfigObject c) : base(shape, w)
    {
        var kind = c.OptionalString("position_embedding_type") ?? "absolute";
        if (kind != "absolute")
            throw c.Unsupported("position_embedding_type", $"position_embedding_type \"{kind}\" (relative position scores) is not supported",
                "pimcc compiles BERT with absolute learned positions");
        var eps = c.PositiveNumber("layer_norm_eps", 1e-12);
        long h = shape.Hidden;
        _typeVocab = c.Size("type_vocab_size", SizeLimits.Vocab);
        _words = w.Add("embeddings.word_embeddings.weight", [shape.Vocab, h]);
        _positions = w.Add("embeddings.position_embeddings.weight", [shape.MaxPositions, h]);
        _tokenTypes = w.Add("embeddings.token_type_embeddings.weight", [_typeVocab, h]);
        _embedNorm = w.LayerNorm("embeddings.LayerNorm", h, eps);
        _layers = new BertLayer[shape.Layers];
        for (var i = 0; i < shape.Layers; i++)
        {
            var p = $"encoder.layer.{i}";
            _layers[i] = new BertLayer(
                w.Linear($"{p}.attention.self.query", h, h, true, "q_proj"),
                w.Linear($"{p}.attention.self.key", h, h, true, "k_proj"),
                w.Linear($"{p}.attention.self.value", h, h, true, "v_proj"),
                w.Linear($"{p}.attention.output.dense", h, h, true, "out_proj"),
                w.LayerNorm($"{p}.attention.output.LayerNorm", h, eps),
                w.Linear($"{p}.intermediate.dense", shape.Ffn, h, true, "fc1"),
                w.Linear($"{p}.output.dense", h, shape.Ffn, true, "fc2"),
                w.LayerNorm($"{p}.output.LayerNorm", h, eps));
        }
        _act = Activation.Parse(c, "hidden_act", "gelu");
    }

    public static DecoderFamily Create(ConfigObject c, ElementType dtype)
    {
        var hidden = c.Size("hidden_size", SizeLimits.Hidden);
        var heads = c.Size("num_attention_heads", SizeLimits.Heads);
        c.RequireDivisible("hidden_size", hidden, "num_attention_heads", heads);
        var shape = new DecoderShape("bert", hidden, c.Size("num_hidden_layers", SizeLimits.Layers), heads, heads, hidden / heads,
            c.Size("intermediate_size", SizeLimits.Ffn), c.Size("vocab_size", SizeLimits.Vocab),
            c.Size("max_position_embeddings", SizeLimits.Positions), "max_position_embeddings");
        return new BertFamily(shape, new WeightTable(dtype), c);
    }

    public override Value Embed(FunctionBuilder fb, Value ids, Stage stage)
    {
        var words = fb.Op("embedding", [ids.Use, Operand.W(_words)], name: "embed");
        var positions = fb.Op("embedding", [PositionIds(fb, stage, 0).Use, Operand.W(_positions)], name: "embed_pos");
        var type0 = fb.Op("position_ids", [], AttrMap.Empty.Set("start", 0L).Set("count", 1L).Set("offset", 0L), "type_ids");
        var types = fb.Op("embedding", [type0.Use, Operand.W(_tokenTypes)], name: "embed_type");
        var sum = fb.Op("add", [fb.Op("add", [words.Use, positions.Use], name: "embed_sum").Use, types.Use], name: "embed_all");
        return _embedNorm.Apply(fb, sum, "embed_ln");
    }

    public override Value Layer(FunctionBuilder fb, Value x, int layer, Stage stage)
    {
        var l = _layers[layer];
        var n = $"l{layer}";
        var attn = Attention(fb, l.Q.Apply(fb, x, $"{n}.q"), l.K.Apply(fb, x, $"{n}.k"), l.V.Apply(fb, x, $"{n}.v"), layer, stage,
            DefaultScale, causal: false);
        var h = l.AttnNorm.Apply(fb, fb.Op("add", [x.Use, l.O.Apply(fb, attn, $"{n}.o").Use], name: $"{n}.h"), $"{n}.ln1");
        var mlp = l.Fc2.Apply(fb, _act.Apply(fb, l.Fc1.Apply(fb, h, $"{n}.fc1"), $"{n}.act"), $"{n}.fc2");
        return l.OutNorm.Apply(fb, fb.Op("add", [h.Use, mlp.Use], name: $"{n}.out"), $"{n}.ln2");
    }

    /// <summary>The encoder's output is the last layer's hidden states; there is no head.</summary>
    public override Value Head(FunctionBuilder fb, Value last) => last;
}
