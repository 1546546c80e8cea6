namespace Pimcc.Targets.Description;

/// <summary>
/// One validated parameter: its number in the base unit of its dimension (or flag / word), and
/// where the value came from (the preset's cited source, or the override that replaced it).
/// </summary>
public sealed record ResolvedParameter(ParameterSpec Spec, decimal Number, bool Flag, string Word, string Source)
{
    public string Key => Spec.Key;
}

/// <summary>All parameters of a resolved description, in schema order, with typed accessors.</summary>
public sealed class ResolvedParameters
{
    private readonly Dictionary<string, ResolvedParameter> _byKey;

    internal ResolvedParameters(IReadOnlyList<ResolvedParameter> ordered, UnitContext context)
    {
        Ordered = ordered;
        Context = context;
        _byKey = ordered.ToDictionary(p => p.Key, StringComparer.Ordinal);
    }

    /// <summary>Every parameter in <see cref="TargetSchema.Parameters"/> order.</summary>
    public IReadOnlyList<ResolvedParameter> Ordered { get; }

    /// <summary>Clocks used to render cycle-based units.</summary>
    public UnitContext Context { get; }

    public ResolvedParameter this[string key] => _byKey[key];

    /// <summary>The same parameters with some replaced (a kind's totals re-derived after overrides), in the same order.</summary>
    public ResolvedParameters WithReplaced(IReadOnlyDictionary<string, ResolvedParameter> replaced) =>
        replaced.Count == 0 ? this : new ResolvedParameters(Ordered.Select(x => replaced.GetValueOrDefault(x.Key, x)).ToList(), Context);

    /// <summary>Base-unit value as an exact decimal.</summary>
    public decimal Base(string key) => _byKey[key].Number;
    public int Int(string key) => checked((int)_byKey[key].Number);
    public long Long(string key) => checked((long)_byKey[key].Number);
    public double Real(string key) => (double)_byKey[key].Number;
    public bool Flag(string key) => _byKey[key].Flag;
    public string Word(string key) => _byKey[key].Word;
}
