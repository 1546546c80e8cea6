namespace Pimcc.Accuracy;

/// <summary>
/// Standard normal numbers addressed by (seed, weight name, element index): a counter-based generator (SplitMix64
/// finaliser over the three, then Box-Muller), so a weight's noise depends on nothing but the draw's seed, its name
/// and the element, not on the order weights are first used; the same on every run and platform.
/// </summary>
public readonly struct GaussianNoise
{
    private readonly ulong _key;

    public GaussianNoise(ulong seed, string weight)
    {
        // FNV-1a of the name's UTF-16 code units, mixed with the seed.
        var h = 14695981039346656037UL;
        foreach (var c in weight) h = (h ^ c) * 1099511628211UL;
        _key = Mix(seed ^ Mix(h));
    }

    /// <summary>N(0, 1) for element <paramref name="index"/>.</summary>
    public double At(long index)
    {
        var a = Mix(_key ^ (ulong)(2 * index));
        var b = Mix(_key ^ (ulong)(2 * index + 1));
        // Uniforms in (0, 1] and [0, 1) from the top 53 bits.
        var u1 = ((a >> 11) + 1) * (1.0 / 9007199254740992.0);
        var u2 = (b >> 11) * (1.0 / 9007199254740992.0);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
