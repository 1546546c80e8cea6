namespace Pimcc.Frontends.HfConfig;

/// <summary>The size checks every rotary family shares: head_dim, GQA divisibility, partial rotary width.</summary>
internal static class RotaryShapes
{
    /// <summary>
    /// The shape of a rotary decoder. <paramref name="headDim"/> null means <c>hidden / heads</c> (which must
    /// divide); heads must be a multiple of KV heads; head_dim must be even (rotary rotates channel pairs).
    /// </summary>
    public static DecoderShape Build(ConfigObject c, string family, int hidden, int layers, int heads, int kvHeads, int? headDim,
        int ffn, int vocab, int maxPositions, string headsField = "num_attention_heads", string kvHeadsField = "num_key_value_heads")
    {
        if (headDim is null) c.RequireDivisible("hidden_size", hidden, headsField, heads);
        c.RequireDivisible(headsField, heads, kvHeadsField, kvHeads);
        var hd = headDim ?? hidden / heads;
        if (hd % 2 != 0)
            throw c.Invalid(headDim is null ? "hidden_size" : "head_dim", $"head_dim = {hd} is odd; rotary embedding rotates channel pairs",
                "check hidden_size, num_attention_heads and head_dim");
        return new DecoderShape(family, hidden, layers, heads, kvHeads, hd, ffn, vocab, maxPositions, "max_position_embeddings");
    }

    /// <summary>
    /// <see cref="Build"/> from the field names transformers' Llama-style configs share: <c>num_attention_heads</c>,
    /// <c>hidden_size</c>, <c>num_hidden_layers</c>, <c>num_key_value_heads</c> (null: one KV head per head),
    /// <paramref name="headDim"/> (read where it is named: it may read <c>head_dim</c>; null: hidden / heads),
    /// <c>intermediate_size</c>, <c>vocab_size</c>, <c>max_position_embeddings</c>, read in that order.
    /// </summary>
    public static DecoderShape Standard(ConfigObject c, string family, Func<int?>? headDim = null)
    {
        var heads = c.Size("num_attention_heads", SizeLimits.Heads);
        return Build(c, family, c.Size("hidden_size", SizeLimits.Hidden), c.Size("num_hidden_layers", SizeLimits.Layers),
            heads, c.OptionalSize("num_key_value_heads", SizeLimits.Heads) ?? heads, headDim?.Invoke(),
            c.Size("intermediate_size", SizeLimits.Ffn), c.Size("vocab_size", SizeLimits.Vocab), c.Size("max_position_embeddings", SizeLimits.Positions));
    }

    /// <summary>
    /// Rotary channels per head for a partial-rotary <paramref name="field"/> (fraction of head_dim, default
    /// <paramref name="fallback"/>: the family's configuration class default): <c>int(head_dim · fraction)</c> as
    /// transformers computes it; it must be a positive even number.
    /// </summary>
    public static int RotaryDim(ConfigObject c, string field, int headDim, double fallback = 1.0)
    {
        var fraction = c.PositiveNumber(field, fallback);
        if (fraction > 1)
            throw c.Invalid(field, $"must be at most 1 (a fraction of head_dim), found {fraction}", "use the value from the model's published config");
        var dim = (int)(headDim * fraction);
        if (dim < 2 || dim % 2 != 0)
            throw c.Invalid(field, $"rotates {dim} of head_dim = {headDim} channels; rotary needs a positive even count",
                "use the value from the model's published config");
        return dim;
    }

    /// <summary>Fails with UnsupportedModel when <paramref name="field"/> is present and not null (a feature the IR cannot express).</summary>
    public static void Refuse(ConfigObject c, string field, string what, string hint = "remove the field or set it to null only if the model was trained without it")
    {
        if (c.Has(field)) throw c.Unsupported(field, $"{what} is not supported", hint);
    }

    /// <summary>Fails with UnsupportedModel when boolean <paramref name="field"/> is <paramref name="unsupported"/>.</summary>
    public static void RefuseFlag(ConfigObject c, string field, bool fallback, bool unsupported, string what)
    {
        if (c.Bool(field, fallback) == unsupported)
            throw c.Unsupported(field, $"{field} = {(unsupported ? "true" : "false")} ({what}) is not supported", "pimcc cannot compile this variant yet");
    }
}
