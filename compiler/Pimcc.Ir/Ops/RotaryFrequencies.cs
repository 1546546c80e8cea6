namespace Pimcc.Ir;

/// <summary>
/// The inverse frequencies of a <c>rotary</c> op, one per rotated channel pair i &lt; rotary_dim / 2: θ^(−2i/rotary_dim)
/// (RoFormer, Su et al. 2021), adjusted by the op's <c>scaling</c> attributes as transformers modeling_rope_utils.py
/// does: "linear" divides every frequency by <c>scaling_factor</c>; "llama3" (_compute_llama3_parameters) divides the
/// long wavelengths by it, keeps the short ones and interpolates between (<c>low_freq_factor</c>, <c>high_freq_factor</c>,
/// <c>original_max_positions</c>); "yarn" (_compute_yarn_parameters; Peng et al. 2023, "YaRN") blends each frequency
/// between itself (extrapolation) and itself / <c>scaling_factor</c> (interpolation) by a linear ramp over the channel
/// pairs between the corrections for <c>beta_fast</c> and <c>beta_slow</c> rotations within <c>original_max_positions</c>
/// (ramp ends rounded outwards unless <c>yarn_truncate</c> is false); its attention factor is the op's
/// <see cref="AttentionScaling"/>, set by the frontend. An <c>inv_freq</c> list attribute gives the frequencies themselves instead (what ONNX
/// raising reads off a table no θ and factor describe, e.g. llama3, yarn or longrope scaling): then θ and the scaling
/// attributes are not used. One definition for everything that evaluates the op (the reference kernel, the hpim
/// cos/sin tables).
/// </summary>
public static class RotaryFrequencies
{
    /// <summary>The optional attribute scaling cos and sin alike (transformers' <c>attention_scaling</c>: yarn's attention
    /// factor 0.1·ln(factor) + 1, longrope's): rotary(x) = x·a·cos + rotate_half(x)·a·sin. 1 when absent.</summary>
    public const string AttentionScaling = "attention_scaling";

    /// <summary>The op's <see cref="AttentionScaling"/>, 1 when it has none; positive and finite.</summary>
    public static double Amplitude(AttrMap attrs)
    {
        var a = attrs.FloatOr(AttentionScaling, 1);
        return double.IsFinite(a) && a > 0 ? a : throw new ArgumentException($"{AttentionScaling} must be positive and finite, found {a}");
    }

    /// <summary>The scaling kinds this computes; others are refused by their consumers.</summary>
    public static readonly string[] Scalings = ["default", "linear", "llama3", "yarn"];

    /// <summary>The inverse frequencies of a rotary op with these attributes (rotary_dim, theta and the scaling ones).</summary>
    public static double[] Of(AttrMap attrs) => Explicit(attrs) ?? Compute(attrs.Float("theta"), (int)attrs.Int("rotary_dim"), attrs.StrOr("scaling", "default"),
        attrs.FloatOr("scaling_factor", 1), attrs.FloatOr("low_freq_factor", 1), attrs.FloatOr("high_freq_factor", 4), attrs.IntOr("original_max_positions", 8192),
        attrs.FloatOr("beta_fast", 32), attrs.FloatOr("beta_slow", 1), attrs.BoolOr("yarn_truncate", true));

    /// <summary>The op's <c>inv_freq</c> list, one per rotated channel pair, or null when it has none.</summary>
    public static double[]? Explicit(AttrMap attrs)
    {
        if (!attrs.ContainsKey("inv_freq")) return null;
        var f = attrs.Floats("inv_freq");
        var pairs = attrs.Int("rotary_dim") / 2;
        if (f.Length != pairs || f.Any(v => !double.IsFinite(v) || v <= 0))
            throw new ArgumentException($"inv_freq must hold {pairs} positive frequencies (rotary_dim / 2), found {f.Length}");
        return [.. f];
    }

    public static double[] Compute(double theta, int rotaryDim, string scaling, double factor, double lowFreqFactor, double highFreqFactor, long originalMaxPositions,
        double betaFast = 32, double betaSlow = 1, bool yarnTruncate = true)
    {
        if (!Scalings.Contains(scaling)) throw new ArgumentException($"RoPE scaling '{scaling}' is not computed", nameof(scaling));
        if (scaling == "yarn") return Yarn(theta, rotaryDim, factor, originalMaxPositions, betaFast, betaSlow, yarnTruncate);
        var f = new double[rotaryDim / 2];
        for (var i = 0; i < f.Length; i++)
        {
            var inv = Math.Pow(theta, -2.0 * i / rotaryDim);
            f[i] = scaling switch
            {
                "linear" => inv / factor,
                "llama3" => Llama3(inv, factor, lowFreqFactor, highFreqFactor, originalMaxPositions),
                _ => inv,
            };
        }
        return f;
    }

    private static double Llama3(double inv, double factor, double low, double high, long originalMax)
    {
        var wavelen = 2 * Math.PI / inv;
        double lowWavelen = originalMax / low, highWavelen = originalMax / high;
        if (wavelen < highWavelen) return inv;
        if (wavelen > lowWavelen) return inv / factor;
        var smooth = (originalMax / wavelen - low) / (high - low);
        return (1 - smooth) * inv / factor + smooth * inv;
    }

    /// <summary>
    /// YaRN's frequencies (transformers _compute_yarn_parameters): pair i's extrapolated frequency θ^(−2i/d) and its
    /// interpolation θ^(−2i/d) / factor, mixed as interpolation · ramp(i) + extrapolation · (1 − ramp(i)), where ramp rises
    /// linearly from 0 at the pair index that turns <paramref name="betaFast"/> times within the original context to 1 at
    /// the one that turns <paramref name="betaSlow"/> times: index(r) = d · ln(L / (2π r)) / (2 ln θ), clamped to [0, d − 1]
    /// (floor and ceiling first when truncating; 0.001 added to a zero-width ramp).
    /// </summary>
    private static double[] Yarn(double theta, int rotaryDim, double factor, long originalMax, double betaFast, double betaSlow, bool truncate)
    {
        double Correction(double rotations) => rotaryDim * Math.Log(originalMax / (rotations * 2 * Math.PI)) / (2 * Math.Log(theta));
        double low = Correction(betaFast), high = Correction(betaSlow);
        if (truncate) (low, high) = (Math.Floor(low), Math.Ceiling(high));
        (low, high) = (Math.Max(low, 0), Math.Min(high, rotaryDim - 1));
        if (low == high) high += 0.001;
        var f = new double[rotaryDim / 2];
        for (var i = 0; i < f.Length; i++)
        {
            var extrapolation = Math.Pow(theta, -2.0 * i / rotaryDim);
            var ramp = Math.Clamp((i - low) / (high - low), 0, 1);
            f[i] = extrapolation / factor * ramp + extrapolation * (1 - ramp);
        }
        return f;
    }
}
