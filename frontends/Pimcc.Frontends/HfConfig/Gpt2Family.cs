using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// OpenAI GPT-2 (transformers <c>GPT2LMHeadModel</c>, modeling_gpt2.py): learned absolute positions
/// (<c>wpe</c>, no offset), pre-LN blocks, GELU MLP of width <c>n_inner</c> (default 4·n_embd), final
/// <c>ln_f</c>, LM head tied to <c>wte</c>.
/// <para>
/// Weight layout. GPT-2's projections are <c>Conv1D</c> modules whose checkpoint weights are
/// <c>[in, out]</c>, the transpose of <c>nn.Linear</c>. The IR keeps every linear weight <c>[out, in]</c>,
/// so these weights carry <c>source_layout = "in_out"</c>: a weight loader transposes them.
/// </para>
/// <para>
/// The fused <c>attn.c_attn</c> (weight <c>[n_embd, 3·n_embd]</c>, bias <c>[3·n_embd]</c>) is split into
/// three linears, because PIM mapping passes tile Q, K and V separately: <c>attn.c_attn.q.weight</c>,
/// <c>.k.weight</c>, <c>.v.weight</c> (each <c>[n_embd, n_embd]</c>) and <c>attn.c_attn.q.bias</c> etc.
/// Each records <c>source</c> (the checkpoint tensor) and <c>source_range = [start, end]</c>: the
/// half-open range of the source's output features it holds (q: [0, n), k: [n, 2n), v: [2n, 3n),
/// the order modeling_gpt2.py splits in).
/// </para>
/// </summary>
internal sealed class Gpt2Family : DecoderFamily
{
    public override bool LearnedPositions => true;

    private const string Prefix = "transformer";

    private sealed record Gpt2Layer(NormParams Ln1, LinearParams Q, LinearParams K, LinearParams V, LinearParams Proj,
        NormParams Ln2, LinearParams Fc, LinearParams FcProj);

    private static readonly AttrMap Conv1D = AttrMap.Empty.Set("source_layout", "in_out");

    private readonly string _wte;
    private readonly string _wpe;
    private readonly Gpt2Layer[] _layers;
    private readonly NormParams _lnF;
    private readonly LinearParams _lmHead;
    private readonly Activation _act;
    private readonly bool _tied;
    private readonly bool _scaleWeights;
    private readonly bool _scaleByLayer;

    private Gpt2Family(DecoderShape shape, WeightTable w, ConfigObject c) : base(shape, w)
    {
        _act = Activation.Parse(c, "activation_function", "gelu_new");
        var eps = c.PositiveNumber("layer_norm_epsilon", 1e-5);
        _tied = c.Bool("tie_word_embeddings", true);
        _scaleWeights = c.Bool("scale_attn_weights", true);
        _scaleByLayer = c.Bool("scale_attn_by_inverse_layer_idx", false);
        long e = shape.Hidden;

        _wte = w.Add($"{Prefix}.wte.weight", [shape.Vocab, e]);
        _wpe = w.Add($"{Prefix}.wpe.weight", [shape.MaxPositions, e]);
        _layers = new Gpt2Layer[shape.Layers];
        for (var i = 0; i < shape.Layers; i++)
        {
            var p = $"{Prefix}.h.{i}";
            var ln1 = w.LayerNorm($"{p}.ln_1", e, eps);
            var qkv = new LinearParams[3];
            string[] parts = ["q", "k", "v"];
            for (var j = 0; j < 3; j++)
            {
                var range = AttrValue.Of(new[] { j * e, (j + 1) * e });
                var weight = w.Add($"{p}.attn.c_attn.{parts[j]}.weight", [e, e], Conv1D
                    .Set("source", $"{p}.attn.c_attn.weight").Set("source_range", range));
                var bias = w.Add($"{p}.attn.c_attn.{parts[j]}.bias", [e], AttrMap.Empty
                    .Set("source", $"{p}.attn.c_attn.bias").Set("source_range", range));
                qkv[j] = new LinearParams(weight, bias, $"{parts[j]}_proj");
            }
            _layers[i] = new Gpt2Layer(ln1, qkv[0], qkv[1], qkv[2],
                w.Linear($"{p}.attn.c_proj", e, e, true, "out_proj", Conv1D),
                w.LayerNorm($"{p}.ln_2", e, eps),
                w.Linear($"{p}.mlp.c_fc", shape.Ffn, e, true, "fc1", Conv1D),
                w.Linear($"{p}.mlp.c_proj", e, shape.Ffn, true, "fc2", Conv1D));
        }
        _lnF = w.LayerNorm($"{Prefix}.ln_f", e, eps);
        _lmHead = _tied ? LinearParams.Tied(_wte, "lm_head") : w.Linear("lm_head", shape.Vocab, e, false, "lm_head");
    }

    public static DecoderFamily Create(ConfigObject c, ElementType dtype)
    {
        var embd = c.Size("n_embd", SizeLimits.Hidden);
        var layers = c.Size("n_layer", SizeLimits.Layers);
        var heads = c.Size("n_head", SizeLimits.Heads);
        var inner = c.OptionalSize("n_inner", SizeLimits.Ffn) ?? checked(4 * embd);
        var vocab = c.Size("vocab_size", SizeLimits.Vocab);
        var positions = c.Size("n_positions", SizeLimits.Positions);
        c.RequireDivisible("n_embd", embd, "n_head", heads);
        var shape = new DecoderShape("gpt2", embd, layers, heads, heads, embd / heads, inner, vocab, positions, "n_positions");
        return new Gpt2Family(shape, new WeightTable(dtype), c);
    }

    public override AttrMap ExtraAttrs => AttrMap.Empty.Set("tie_word_embeddings", _tied);

    public override Value Embed(FunctionBuilder fb, Value ids, Stage stage)
    {
        var tok = fb.Op("embedding", [ids.Use, Operand.W(_wte)], name: "tok");
        var posIds = PositionIds(fb, stage, 0);
        var pos = fb.Op("embedding", [posIds.Use, Operand.W(_wpe)], name: "pos");
        return fb.Op("add", [tok.Use, pos.Use], name: "embed");
    }

    public override Value Layer(FunctionBuilder fb, Value x, int layer, Stage stage)
    {
        var l = _layers[layer];
        var n = $"l{layer}";
        var a = l.Ln1.Apply(fb, x, $"{n}.ln1");
        var q = l.Q.Apply(fb, a, $"{n}.q");
        var k = l.K.Apply(fb, a, $"{n}.k");
        var v = l.V.Apply(fb, a, $"{n}.v");
        // modeling_gpt2.py: divide by sqrt(head_dim) if scale_attn_weights, and additionally by
        // (layer_idx + 1) if scale_attn_by_inverse_layer_idx.
        var scale = (_scaleWeights ? DefaultScale : 1.0) / (_scaleByLayer ? layer + 1 : 1);
        var attn = Attention(fb, q, k, v, layer, stage, scale);
        var o = l.Proj.Apply(fb, attn, $"{n}.o");
        var h = fb.Op("add", [x.Use, o.Use], name: $"{n}.h");
        var m = l.Ln2.Apply(fb, h, $"{n}.ln2");
        var fc1 = l.Fc.Apply(fb, m, $"{n}.fc1");
        var act = _act.Apply(fb, fc1, $"{n}.act");
        var fc2 = l.FcProj.Apply(fb, act, $"{n}.fc2");
        return fb.Op("add", [h.Use, fc2.Use], name: $"{n}.out");
    }

    public override Value Head(FunctionBuilder fb, Value last) =>
        _lmHead.Apply(fb, _lnF.Apply(fb, last, "norm"), "logits");
}
