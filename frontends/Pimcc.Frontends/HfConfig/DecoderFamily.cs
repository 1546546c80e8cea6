using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// One model family's reading of a config: its sizes, its weights (declared up front, in checkpoint
/// order) and how it emits embeddings, a layer and the head. <see cref="DecoderAssembler"/> runs the
/// same emission code for prefill and for decode, so the two functions cannot drift apart.
/// </summary>
internal abstract class DecoderFamily(DecoderShape shape, WeightTable weights)
{
    public DecoderShape Shape { get; } = shape;

    public WeightTable Weights { get; } = weights;

    /// <summary>
    /// An encoder (BERT): only <c>@prefill</c>, over every position, returning <see cref="Head"/>'s value for all of
    /// them; no decode step, so no generated tokens.
    /// </summary>
    public virtual bool Encoder => false;

    /// <summary>Family-specific module attributes beyond <see cref="DecoderShape"/>.</summary>
    public virtual AttrMap ExtraAttrs => AttrMap.Empty;

    /// <summary>True when positions are rows of a learned table (GPT-2, OPT, BERT): the model has none beyond its maximum,
    /// so <see cref="HfWorkload.Positions"/> cannot extend it.</summary>
    public virtual bool LearnedPositions => false;

    /// <summary>Checks that the workload fits family-specific limits (beyond max positions).</summary>
    public virtual void CheckWorkload(ConfigObject config, HfWorkload workload) { }

    /// <summary>Token (and position) embeddings of the stage's input ids: <c>[rows, hidden]</c>.</summary>
    public abstract Value Embed(FunctionBuilder fb, Value ids, Stage stage);

    /// <summary>Decoder layer <paramref name="layer"/> applied to <paramref name="x"/>.</summary>
    public abstract Value Layer(FunctionBuilder fb, Value x, int layer, Stage stage);

    /// <summary>Final normalisation (if any) and LM head on the single last row: <c>[1, vocab]</c>.</summary>
    public abstract Value Head(FunctionBuilder fb, Value last);

    /// <summary>Name of layer <paramref name="layer"/>'s KV cache.</summary>
    public static string CacheName(int layer) => $"layers.{layer}";

    /// <summary>
    /// The attention op of a layer: appends k, v to its cache at <c>past</c> and attends causally (or, for an encoder,
    /// bidirectionally), with optional
    /// score soft-capping and ALiBi slopes (docs/ir.md).
    /// </summary>
    protected Value Attention(FunctionBuilder fb, Value q, Value k, Value v, int layer, Stage stage, double scale,
        double? softcap = null, double[]? alibiSlopes = null, bool causal = true)
    {
        var attrs = AttrMap.Empty
            .Set("heads", Shape.Heads)
            .Set("kv_heads", Shape.KvHeads)
            .Set("head_dim", Shape.HeadDim)
            .Set("past", stage.Past)
            .Set("causal", causal)
            .Set("scale", scale)
            .Set("cache", CacheName(layer));
        if (softcap is { } c) attrs = attrs.Set("softcap", c);
        if (alibiSlopes is not null) attrs = attrs.Set("alibi_slopes", AttrValue.Of(alibiSlopes));
        return fb.Op("attention", [q.Use, k.Use, v.Use], attrs, $"l{layer}.attn");
    }

    /// <summary>Positions of the stage's tokens, <c>start + offset</c> onwards (start = 0 in prefill, kv in decode).</summary>
    protected static Value PositionIds(FunctionBuilder fb, Stage stage, long offset) =>
        fb.Op("position_ids", [], AttrMap.Empty
            .Set("start", stage.Past)
            .Set("count", stage.Rows)
            .Set("offset", offset), "pos_ids");

    /// <summary>The usual 1/√head_dim softmax scale.</summary>
    protected double DefaultScale => 1.0 / Math.Sqrt(Shape.HeadDim);
}
