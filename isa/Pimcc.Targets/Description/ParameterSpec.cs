namespace Pimcc.Targets.Description;

/// <summary>
/// One key a target description must define: its dimension, the unit it is shown in (and that a
/// bare number in <c>--set</c> is read in), and the checks its value must pass.
/// </summary>
public sealed record ParameterSpec(string Key, Dimension Dimension, string Unit, string Summary)
{
    /// <summary>The value must be a whole number in the base unit (bytes, bits, cycles, counts).</summary>
    public bool Integral { get; init; }

    /// <summary>The value must be a power of two (address decoding, banking).</summary>
    public bool PowerOfTwo { get; init; }

    /// <summary>Zero is allowed (numbers are otherwise strictly positive).</summary>
    public bool AllowZero { get; init; }

    /// <summary>Allowed words for <see cref="Dimension.Choice"/>.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Largest allowed value in the base unit (guards against absurd sizes and overflow).</summary>
    public decimal Max { get; init; } = 1e18m;

    /// <summary>The first dotted segment: the group the key belongs to.</summary>
    public string Group => Key.Split('.')[0];
}
