using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// One rotary decoder layer's parameters. <see cref="MlpNorm"/> null means the MLP reads the attention's input norm
/// (Falcon-7B's and StableLM's shared LayerNorm in parallel blocks); <see cref="Gate"/> null means a plain
/// <c>down(act(up(x)))</c> MLP; <see cref="PostAttnNorm"/> and <see cref="PostMlpNorm"/> are Gemma 2's sandwich norms.
/// </summary>
internal sealed record DecoderLayer(NormParams InputNorm, LinearParams Q, LinearParams K, LinearParams V, LinearParams O,
    NormParams? PostAttnNorm, NormParams? MlpNorm, LinearParams? Gate, LinearParams Up, LinearParams Down, NormParams? PostMlpNorm);

/// <summary>
/// How a pre-norm decoder family reads: the embedding table the input ids index (<see cref="EmbedTable"/>; Gemma's is
/// a pre-scaled copy of the table) and a norm after it (<see cref="EmbedNorm"/>: BLOOM), the positions (rotary on
/// <see cref="RotaryDim"/> channels per head, &lt; head_dim = partial rotary; or, with <see cref="AlibiSlopes"/>,
/// ALiBi score biases and no rotary), a parallel residual <c>x + attn(..) + mlp(..)</c> or the sequential one, the
/// softmax scale, Gemma 2's soft-capping of attention scores and of the final logits, and a sliding window (with
/// the config field that sets it) the workload must fit.
/// </summary>
internal sealed record DecoderLayout(string EmbedTable, DecoderLayer[] Layers, NormParams FinalNorm, LinearParams LmHead,
    Activation Act, double Theta, RopeScaling Rope, int RotaryDim, bool Parallel, double Scale, bool Tied,
    int? SlidingWindow = null, string SlidingWindowField = "sliding_window")
{
    public NormParams? EmbedNorm { get; init; }

    public double[]? AlibiSlopes { get; init; }

    public double? AttnSoftcap { get; init; }

    public double? FinalSoftcap { get; init; }

    /// <summary>Rotary on the channel pairs (2i, 2i + 1) (GPT-J's rotate_every_two) instead of (i, i + rotary_dim/2).</summary>
    public bool Interleaved { get; init; }
}

/// <summary>
/// The decoder every pre-norm family maps to (Llama, Mistral, Qwen2, Phi-3, Gemma, Gemma 2, StableLM, OLMo,
/// GPT-NeoX, Falcon, BLOOM): pre-norm blocks, rotate-half rotary positions on the first <c>rotary_dim</c> channels
/// of each head or ALiBi biases, (grouped-/multi-query) attention, a gated or plain MLP, sequential or parallel
/// residual, final norm and LM head. The family classes only read their config into a <see cref="DecoderLayout"/>.
/// </summary>
internal sealed class PreNormDecoder(DecoderShape shape, WeightTable weights, DecoderLayout layout) : DecoderFamily(shape, weights)
{
    public DecoderLayout Layout { get; } = layout;

    public override AttrMap ExtraAttrs
    {
        get
        {
            var a = AttrMap.Empty.Set("tie_word_embeddings", Layout.Tied);
            if (Layout.AlibiSlopes is not null) a = a.Set("positions", "alibi");
            else if (Layout.RotaryDim != Shape.HeadDim) a = a.Set("rotary_dim", Layout.RotaryDim);
            if (Layout.Parallel) a = a.Set("parallel_residual", true);
            return Layout.SlidingWindow is { } sw ? a.Set("sliding_window", sw) : a;
        }
    }

    /// <summary>
    /// The IR's attention attends over the whole cache; that equals sliding-window attention only while
    /// every query sees at most <c>sliding_window</c> keys, i.e. the workload fits in the window.
    /// </summary>
    public override void CheckWorkload(ConfigObject config, HfWorkload workload)
    {
        if (Layout.SlidingWindow is { } sw && workload.TotalTokens > sw)
            throw new PimccError(ExitCode.UnsupportedModel, config.Location(Layout.SlidingWindowField),
                $"sliding-window attention over {sw.ToString(CultureInfo.InvariantCulture)} positions is not representable for a " +
                $"workload of {workload.TotalTokens.ToString(CultureInfo.InvariantCulture)} tokens (the IR's attention sees the whole cache)",
                $"use at most {sw.ToString(CultureInfo.InvariantCulture)} prompt + generated tokens");
    }

    public override Value Embed(FunctionBuilder fb, Value ids, Stage stage)
    {
        var x = fb.Op("embedding", [ids.Use, Operand.W(Layout.EmbedTable)], name: "embed");
        return Layout.EmbedNorm is { } n ? n.Apply(fb, x, "embed_ln") : x;
    }

    public override Value Layer(FunctionBuilder fb, Value x, int layer, Stage stage)
    {
        var l = Layout.Layers[layer];
        var n = $"l{layer}";
        var a = l.InputNorm.Apply(fb, x, $"{n}.ln1");
        var q = Rotary(fb, l.Q.Apply(fb, a, $"{n}.q"), Shape.Heads, stage, $"{n}.q_rot");
        var k = Rotary(fb, l.K.Apply(fb, a, $"{n}.k"), Shape.KvHeads, stage, $"{n}.k_rot");
        var v = l.V.Apply(fb, a, $"{n}.v");
        var attn = Attention(fb, q, k, v, layer, stage, Layout.Scale, Layout.AttnSoftcap, Layout.AlibiSlopes);
        var o = l.O.Apply(fb, attn, $"{n}.o");
        if (l.PostAttnNorm is { } pa) o = pa.Apply(fb, o, $"{n}.post_attn_ln");
        if (Layout.Parallel)
        {
            // modeling_gpt_neox.py / modeling_falcon.py: x + attn(ln1(x)) + mlp(ln2(x)), ln2 = ln1 when shared.
            var mlp = Mlp(fb, l, l.MlpNorm is { } mn ? mn.Apply(fb, x, $"{n}.ln2") : a, n);
            var both = fb.Op("add", [o.Use, mlp.Use], name: $"{n}.attn_mlp");
            return fb.Op("add", [x.Use, both.Use], name: $"{n}.out");
        }
        var h = fb.Op("add", [x.Use, o.Use], name: $"{n}.h");
        var m = Mlp(fb, l, l.MlpNorm!.Apply(fb, h, $"{n}.ln2"), n);
        return fb.Op("add", [h.Use, m.Use], name: $"{n}.out");
    }

    public override Value Head(FunctionBuilder fb, Value last)
    {
        var logits = Layout.LmHead.Apply(fb, Layout.FinalNorm.Apply(fb, last, "norm"), "logits");
        return Layout.FinalSoftcap is { } cap ? fb.Op("soft_cap", [logits.Use], AttrMap.Empty.Set("cap", cap), "logits.capped") : logits;
    }

    /// <summary>Gated <c>down(act(gate(m)) · up(m))</c> or plain <c>down(act(up(m)))</c>, then Gemma 2's post norm.</summary>
    private Value Mlp(FunctionBuilder fb, DecoderLayer l, Value m, string n)
    {
        Value hidden;
        if (l.Gate is { } g)
        {
            var gate = g.Apply(fb, m, $"{n}.gate");
            var up = l.Up.Apply(fb, m, $"{n}.up");
            var act = Layout.Act.Apply(fb, gate, $"{n}.act");
            hidden = fb.Op("mul", [act.Use, up.Use], name: $"{n}.gated");
        }
        else
            hidden = Layout.Act.Apply(fb, l.Up.Apply(fb, m, $"{n}.fc1"), $"{n}.act");
        var down = l.Down.Apply(fb, hidden, $"{n}.down");
        return l.PostMlpNorm is { } pm ? pm.Apply(fb, down, $"{n}.post_mlp_ln") : down;
    }

    private Value Rotary(FunctionBuilder fb, Value x, int heads, Stage stage, string name) => Layout.AlibiSlopes is not null ? x :
        fb.Op("rotary", [x.Use], Layout.Rope.ApplyTo(AttrMap.Empty
            .Set("heads", heads)
            .Set("head_dim", Shape.HeadDim)
            .Set("rotary_dim", Layout.RotaryDim)
            .Set("theta", Layout.Theta)
            .Set("start", stage.Past)
            .Set("interleaved", Layout.Interleaved)), name);
}
