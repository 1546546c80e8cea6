using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// The Llama architecture and its close relatives (modeling_llama.py, modeling_mistral.py,
/// modeling_qwen2.py): RMSNorm pre-norm blocks, rotary positions (rotate-half, not interleaved),
/// grouped-query attention with <c>num_key_value_heads</c>, SwiGLU MLP
/// <c>down(act(gate(x)) · up(x))</c>, optional explicit <c>head_dim</c>, LM head tied to
/// <c>embed_tokens</c> when <c>tie_word_embeddings</c>.
/// Differences: Llama has <c>attention_bias</c> (q, k, v, o) and <c>mlp_bias</c>; Qwen2 always has
/// q/k/v biases and no o bias; Mistral and Qwen2 may use sliding-window attention.
/// </summary>
internal sealed class LlamaFamily : DecoderFamily
{
    public enum Variant { Llama, Mistral, Qwen2 }

    private sealed record LlamaLayer(NormParams InputNorm, LinearParams Q, LinearParams K, LinearParams V, LinearParams O,
        NormParams PostNorm, LinearParams Gate, LinearParams Up, LinearParams Down);

    private readonly string _embed;
    private readonly LlamaLayer[] _layers;
    private readonly NormParams _norm;
    private readonly LinearParams _lmHead;
    private readonly Activation _act;
    private readonly double _theta;
    private readonly RopeScaling _rope;
    private readonly bool _tied;
    private readonly int? _slidingWindow;

    private LlamaFamily(DecoderShape shape, WeightTable w, ConfigObject c, Variant variant) : base(shape, w)
    {
        _act = Activation.Parse(c, "hidden_act", "silu");
        var eps = c.PositiveNumber("rms_norm_eps", 1e-6); // the default of all three config classes
        _theta = c.PositiveNumber("rope_theta", 10000.0);
        _rope = RopeScaling.Parse(c);
        _tied = c.Bool("tie_word_embeddings", false);
        _slidingWindow = variant switch
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
            Variant.Llama => c.Bool("attention_bias", false),
            _ => false,
        };
        var oBias = variant == Variant.Llama && qkvBias;
        var mlpBias = variant == Variant.Llama && c.Bool("mlp_bias", false);
        long h = shape.Hidden, qWidth = (long)shape.Heads * shape.HeadDim, kvWidth = (long)shape.KvHeads * shape.HeadDim;

        _embed = w.Add("model.embed_tokens.weight", [shape.Vocab, h]);
        _layers = new LlamaLayer[shape.Layers];
        for (var i = 0; i < shape.Layers; i++)
        {
            var p = $"model.layers.{i}";
            _layers[i] = new LlamaLayer(
                w.RmsNorm($"{p}.input_layernorm", h, eps),
                w.Linear($"{p}.self_attn.q_proj", qWidth, h, qkvBias, "q_proj"),
                w.Linear($"{p}.self_attn.k_proj", kvWidth, h, qkvBias, "k_proj"),
                w.Linear($"{p}.self_attn.v_proj", kvWidth, h, qkvBias, "v_proj"),
                w.Linear($"{p}.self_attn.o_proj", h, qWidth, oBias, "out_proj"),
                w.RmsNorm($"{p}.post_attention_layernorm", h, eps),
                w.Linear($"{p}.mlp.gate_proj", shape.Ffn, h, mlpBias, "gate_proj"),
                w.Linear($"{p}.mlp.up_proj", shape.Ffn, h, mlpBias, "up_proj"),
                w.Linear($"{p}.mlp.down_proj", h, shape.Ffn, mlpBias, "down_proj"));
        }
        _norm = w.RmsNorm("model.norm", h, eps);
        _lmHead = _tied ? LinearParams.Tied(_embed, "lm_head") : w.Linear("lm_head", shape.Vocab, h, false, "lm_head");
    }

    public static Func<ConfigObject, ElementType, DecoderFamily> Creator(Variant variant, string family) => (c, dtype) =>
    {
        var hidden = c.Size("hidden_size", SizeLimits.Hidden);
        var layers = c.Size("num_hidden_layers", SizeLimits.Layers);
        var heads = c.Size("num_attention_heads", SizeLimits.Heads);
        // transformers: num_key_value_heads None means multi-head attention (one KV head per head).
        var kvHeads = c.OptionalSize("num_key_value_heads", SizeLimits.Heads) ?? heads;
        var ffn = c.Size("intermediate_size", SizeLimits.Ffn);
        var vocab = c.Size("vocab_size", SizeLimits.Vocab);
        var maxPos = c.Size("max_position_embeddings", SizeLimits.Positions);
        var headDim = c.OptionalSize("head_dim", SizeLimits.HeadDim);
        if (headDim is null) c.RequireDivisible("hidden_size", hidden, "num_attention_heads", heads);
        c.RequireDivisible("num_attention_heads", heads, "num_key_value_heads", kvHeads);
        var hd = headDim ?? hidden / heads;
        if (hd % 2 != 0)
            throw c.Invalid(headDim is null ? "hidden_size" : "head_dim", $"head_dim = {hd} is odd; rotary embedding rotates channel pairs",
                "check hidden_size, num_attention_heads and head_dim");
        var shape = new DecoderShape(family, hidden, layers, heads, kvHeads, hd, ffn, vocab, maxPos, "max_position_embeddings");
        return new LlamaFamily(shape, new WeightTable(dtype), c, variant);
    };

    public override AttrMap ExtraAttrs
    {
        get
        {
            var a = AttrMap.Empty.Set("tie_word_embeddings", _tied);
            return _slidingWindow is { } sw ? a.Set("sliding_window", sw) : a;
        }
    }

    /// <summary>
    /// The IR's attention attends over the whole cache; that equals sliding-window attention only while
    /// every query sees at most <c>sliding_window</c> keys, i.e. the workload fits in the window.
    /// </summary>
    public override void CheckWorkload(ConfigObject config, HfWorkload workload)
    {
        if (_slidingWindow is { } sw && workload.TotalTokens > sw)
            throw new PimccError(ExitCode.UnsupportedModel, config.Location("sliding_window"),
                $"sliding-window attention over {sw.ToString(CultureInfo.InvariantCulture)} positions is not representable for a " +
                $"workload of {workload.TotalTokens.ToString(CultureInfo.InvariantCulture)} tokens (the IR's attention sees the whole cache)",
                $"use at most {sw.ToString(CultureInfo.InvariantCulture)} prompt + generated tokens");
    }

    public override Value Embed(FunctionBuilder fb, Value ids, Stage stage) =>
        fb.Op("embedding", [ids.Use, Operand.W(_embed)], name: "embed");

    public override Value Layer(FunctionBuilder fb, Value x, int layer, Stage stage)
    {
        var l = _layers[layer];
        var n = $"l{layer}";
        var a = l.InputNorm.Apply(fb, x, $"{n}.ln1");
        var q = Rotary(fb, l.Q.Apply(fb, a, $"{n}.q"), Shape.Heads, stage, $"{n}.q_rot");
        var k = Rotary(fb, l.K.Apply(fb, a, $"{n}.k"), Shape.KvHeads, stage, $"{n}.k_rot");
        var v = l.V.Apply(fb, a, $"{n}.v");
        var attn = Attention(fb, q, k, v, layer, stage, DefaultScale);
        var o = l.O.Apply(fb, attn, $"{n}.o");
        var h = fb.Op("add", [x.Use, o.Use], name: $"{n}.h");
        var m = l.PostNorm.Apply(fb, h, $"{n}.ln2");
        var gate = l.Gate.Apply(fb, m, $"{n}.gate");
        var up = l.Up.Apply(fb, m, $"{n}.up");
        var act = _act.Apply(fb, gate, $"{n}.act");
        var gated = fb.Op("mul", [act.Use, up.Use], name: $"{n}.gated");
        var down = l.Down.Apply(fb, gated, $"{n}.down");
        return fb.Op("add", [h.Use, down.Use], name: $"{n}.out");
    }

    public override Value Head(FunctionBuilder fb, Value last) =>
        _lmHead.Apply(fb, _norm.Apply(fb, last, "norm"), "logits");

    private Value Rotary(FunctionBuilder fb, Value x, int heads, Stage stage, string name) =>
        fb.Op("rotary", [x.Use], _rope.ApplyTo(AttrMap.Empty
            .Set("heads", heads)
            .Set("head_dim", Shape.HeadDim)
            .Set("rotary_dim", Shape.HeadDim)
            .Set("theta", _theta)
            .Set("start", stage.Past)
            .Set("interleaved", false)), name);
}
