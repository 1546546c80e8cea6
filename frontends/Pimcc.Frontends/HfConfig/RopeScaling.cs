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

    private static readonly string[] Supported = ["default", "linear", "llama3"];

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
            default:
                throw s.Unsupported(field, $"RoPE scaling \"{kind}\" is not supported; supported: {string.Join(", ", Supported)}",
                    "the IR's rotary op cannot express this scaling yet");
        }
    }

    public AttrMap ApplyTo(AttrMap rotary)
    {
        foreach (var (k, v) in Attrs) rotary = rotary.Set(k, v);
        return rotary;
    }
}
