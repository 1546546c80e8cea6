namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// ALiBi's per-head slopes (Press et al. 2022, "Train Short, Test Long", section 3; transformers'
/// <c>build_alibi_tensor</c> in modeling_bloom.py): for n heads and p = the largest power of two ≤ n, head h &lt; p
/// gets 2^(−8(h+1)/p); the remaining n − p heads take every other slope of the 2p-head sequence,
/// 2^(−4(2i+1)/p) for i = 0 .. n − p − 1.
/// </summary>
internal static class AlibiSlopes
{
    public static double[] For(int heads)
    {
        var p = 1;
        while (p * 2 <= heads) p *= 2;
        var slopes = new double[heads];
        for (var h = 0; h < p; h++) slopes[h] = Math.Pow(2, -8.0 * (h + 1) / p);
        for (var i = 0; i < heads - p; i++) slopes[p + i] = Math.Pow(2, -4.0 * (2 * i + 1) / p);
        return slopes;
    }
}
