using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// A config's <c>rope_scaling</c> (transformers modeling_rope_utils.py). The IR's <c>rotary</c> op
/// has no scaling parameters yet, so a scaled RoPE is recorded as extra attributes on each rotary
/// op (<c>scaling</c>, <c>scaling_factor</c> and, for llama3, <c>low_freq_factor</c>,
/// <c>high_freq_factor</c>, <c>original_max_positions</c>) for passes and interpreters to honour.
/// Scaling kinds whose frequencies depend on more than these (yarn, longrope, dynamic) are rejected
/// rather than silently dropped.
/// </summary>
internal sealed record RopeScaling(AttrMap Attrs)
{
    public static readonly RopeScaling None = new(AttrMap.Empty);

    private static readonly string[] Supported = ["default", "linear", "llama3", "yarn"];

    public static RopeScaling Parse(ConfigObject c)
    {
        var s = c.OptionalObject("rope_scaling");
        if (s is null) return None;
        // "rope_type" since transformers 4.43; older configs say "type".
        var field = s.Has("rope_type") ? "rope_type" : "type";
        var kind = s.String(field);
        switch (kind)
        {
            case "default":
                return None;
            case "linear":
                return new(AttrMap.Empty.Set("scaling", kind).Set("scaling_factor", s.PositiveNumber("factor")));
            case "llama3":
                return new(AttrMap.Empty
                    .Set("scaling", kind)
                    .Set("scaling_factor", s.PositiveNumber("factor"))
                    .Set("low_freq_factor", s.PositiveNumber("low_freq_factor"))
                    .Set("high_freq_factor", s.PositiveNumber("high_freq_factor"))
                    .Set("original_max_positions", s.Size("original_max_position_embeddings", SizeLimits.Positions)));
            case "yarn":
                return Yarn(c, s);
            default:
                throw s.Unsupported(field, $"RoPE scaling \"{kind}\" is not supported; supported: {string.Join(", ", Supported)}",
                    "the IR's rotary op cannot express this scaling yet");
        }
    }

    /// <summary>
    /// YaRN as transformers' _compute_yarn_parameters reads it: <c>factor</c>; the original context
    /// (<c>original_max_position_embeddings</c>, else the config's <c>max_position_embeddings</c>) that places the ramp;
    /// <c>beta_fast</c> / <c>beta_slow</c> (32 / 1 when absent or 0); <c>truncate</c> (true); and the attention factor:
    /// <c>attention_factor</c> when stated, else mscale(factor, <c>mscale</c>) / mscale(factor, <c>mscale_all_dim</c>) when
    /// both are stated and non-zero, else mscale(factor, 1), where mscale(s, m) = 0.1·m·ln s + 1 for s &gt; 1 and 1 otherwise.
    /// The factor is taken as stated (newer transformers replace it by max_position_embeddings / original when the
    /// original is given, which DeepSeek-V3's configs agree with and Qwen2.5's do not; a config whose ratio and factor
    /// differ is compiled with its stated factor).
    /// </summary>
    private static RopeScaling Yarn(ConfigObject config, ConfigObject s)
    {
        var factor = s.PositiveNumber("factor");
        var original = s.OptionalSize("original_max_position_embeddings", SizeLimits.Positions)
            ?? config.OptionalSize("max_position_embeddings", SizeLimits.Positions)
            ?? throw s.Invalid("original_max_position_embeddings", "yarn scaling needs the original context to place its ramp",
                "state original_max_position_embeddings in rope_scaling or max_position_embeddings in the config");
        static double MScale(double scale, double m) => scale <= 1 ? 1 : 0.1 * m * Math.Log(scale) + 1;
        double? mscale = s.OptionalNonNegativeNumber("mscale"), allDim = s.OptionalNonNegativeNumber("mscale_all_dim");
        var attention = s.OptionalPositiveNumber("attention_factor")
            ?? (mscale is > 0 && allDim is > 0 ? MScale(factor, mscale.Value) / MScale(factor, allDim.Value) : MScale(factor, 1));
        var attrs = AttrMap.Empty.Set("scaling", "yarn").Set("scaling_factor", factor).Set("original_max_positions", (long)original)
            .Set("beta_fast", BetaOr(s, "beta_fast", 32)).Set("beta_slow", BetaOr(s, "beta_slow", 1));
        if (!s.Bool("truncate", true)) attrs = attrs.Set("yarn_truncate", false);
        return new(attention == 1 ? attrs : attrs.Set(RotaryFrequencies.AttentionScaling, attention));
    }

    /// <summary>transformers reads <c>rope_scaling.get(name) or default</c>: absent, null or 0 mean the default.</summary>
    private static double BetaOr(ConfigObject s, string field, double fallback) =>
        s.OptionalNonNegativeNumber(field) is double v and > 0 ? v : fallback;

    public AttrMap ApplyTo(AttrMap rotary)
    {
        foreach (var (k, v) in Attrs) rotary = rotary.Set(k, v);
        return rotary;
    }
}
