namespace Pimcc.Targets.Description;

/// <summary>
/// The keys one target kind's descriptions must define, in the order the canonical rendering uses, and which keys
/// hold the clocks that turn times into cycles. Each kind declares its own; the resolver, the override parser and
/// the canonical renderer read it and know no key by name.
/// </summary>
public sealed class DescriptionSchema
{
    private readonly Dictionary<string, ParameterSpec> _byKey;

    /// <param name="parameters">Every key, grouped (a group's keys contiguous).</param>
    /// <param name="coreClockKey">The frequency key that <see cref="Dimension.CoreCycles"/> values count in, if any.</param>
    /// <param name="dramClockPeriodKey">The time key (a period) that <see cref="Dimension.DramCycles"/> values count in, if any.</param>
    public DescriptionSchema(IReadOnlyList<ParameterSpec> parameters, string? coreClockKey, string? dramClockPeriodKey)
    {
        Parameters = parameters;
        _byKey = parameters.ToDictionary(p => p.Key, StringComparer.Ordinal);
        foreach (var (key, dimension) in new[] { (coreClockKey, Dimension.Frequency), (dramClockPeriodKey, Dimension.Time) })
            if (key is not null && (!_byKey.TryGetValue(key, out var spec) || spec.Dimension != dimension))
                throw new ArgumentException($"clock key '{key}' is not a {dimension} key of the schema");
        if (coreClockKey is null && parameters.Any(p => p.Dimension == Dimension.CoreCycles))
            throw new ArgumentException("the schema has cycle keys but no core clock key");
        if (dramClockPeriodKey is null && parameters.Any(p => p.Dimension == Dimension.DramCycles))
            throw new ArgumentException("the schema has nCK keys but no DRAM clock period key");
        CoreClockKey = coreClockKey;
        DramClockPeriodKey = dramClockPeriodKey;
    }

    public IReadOnlyList<ParameterSpec> Parameters { get; }
    public string? CoreClockKey { get; }
    public string? DramClockPeriodKey { get; }

    public ParameterSpec? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The keys resolved first, because other keys' cycle units need them.</summary>
    public IEnumerable<string> ClockKeys => new[] { CoreClockKey, DramClockPeriodKey }.OfType<string>();
}
