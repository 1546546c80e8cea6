namespace Pimcc.Reference.Kernels;

/// <summary>
/// <c>rotary(x[S,H·d]) {heads, head_dim, rotary_dim, theta, start, interleaved}</c> (RoFormer, Su et
/// al. 2021): for row r and pair index i &lt; rotary_dim/2, angle = (start + r)·inv_freq[i], inv_freq[i] =
/// theta^(−2i/rotary_dim) after the op's <c>scaling</c> attributes (<see cref="Pimcc.Ir.RotaryFrequencies"/>);
/// the pair (a, b) becomes (a·cos − b·sin, a·sin + b·cos). Pairs are channels (2i, 2i+1) when
/// interleaved (GPT-J) and (i, i + rotary_dim/2) otherwise (GPT-NeoX / Llama "rotate_half").
/// Channels at or beyond rotary_dim pass through. An <c>attention_scaling</c> a scales cos and sin alike (yarn).
/// <c>table</c> rounds each cos and sin as a target's table holds them (runtime-sim/Pimcc.Accuracy).
/// </summary>
public static class RotaryKernel
{
    public static Tensor Run(OpContext ctx, Func<float, float>? table = null)
    {
        var x = ctx[0];
        long h = ctx.Int("heads"), d = ctx.Int("head_dim"), rd = ctx.Int("rotary_dim");
        var start = ctx.Expr("start");
        var interleaved = ctx.Bool("interleaved");
        if (x.Rank != 2 || x.Shape[1] != h * d) throw ctx.Error($"input {x.ShapeText} is not [S, heads·head_dim] = [S, {h * d}]");
        if (rd <= 0 || rd > d || rd % 2 != 0) throw ctx.Error($"rotary_dim {rd} must be even and in (0, head_dim]");
        var scaling = ctx.StrOr("scaling", "default");
        if (!Pimcc.Ir.RotaryFrequencies.Scalings.Contains(scaling))
            throw ctx.Error($"RoPE scaling '{scaling}' is not computed (supported: {string.Join(", ", Pimcc.Ir.RotaryFrequencies.Scalings)})");
        ctx.Float("theta");
        var inv = Pimcc.Ir.RotaryFrequencies.Of(ctx.Attrs);
        var amplitude = Pimcc.Ir.RotaryFrequencies.Amplitude(ctx.Attrs);
        var xf = MatrixKernels.Floats(ctx, x);
        var y = (float[])xf.Clone();
        var half = rd / 2;
        for (long r = 0; r < x.Shape[0]; r++)
            for (long i = 0; i < half; i++)
            {
                var angle = (start + r) * inv[i];
                float cos = (float)(amplitude * Math.Cos(angle)), sin = (float)(amplitude * Math.Sin(angle));
                if (table is not null) (cos, sin) = (table(cos), table(sin));
                for (long head = 0; head < h; head++)
                {
                    var o = r * h * d + head * d;
                    long ia = interleaved ? o + 2 * i : o + i, ib = interleaved ? o + 2 * i + 1 : o + i + half;
                    float a = xf[ia], b = xf[ib];
                    y[ia] = a * cos - b * sin;
                    y[ib] = a * sin + b * cos;
                }
            }
        return Tensor.Float(x.Element, x.Shape, y);
    }
}
