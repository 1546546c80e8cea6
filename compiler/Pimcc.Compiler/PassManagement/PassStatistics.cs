namespace Pimcc.Compiler.PassManagement;

/// <summary>A counter a pass declares (name and meaning) and increments while it runs.</summary>
public sealed record Statistic(string Name, string Description);

/// <summary>Statistics of one pass run, in declaration order.</summary>
public sealed class PassStatistics
{
    private readonly Dictionary<string, long> _values = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<Statistic> _declared;

    public PassStatistics(IReadOnlyList<Statistic> declared)
    {
        _declared = declared;
        foreach (var s in declared) _values[s.Name] = 0;
    }

    public void Add(Statistic s, long amount = 1)
    {
        if (!_values.ContainsKey(s.Name)) throw new InvalidOperationException($"statistic '{s.Name}' was not declared");
        _values[s.Name] = checked(_values[s.Name] + amount);
    }

    public void Set(Statistic s, long value)
    {
        if (!_values.ContainsKey(s.Name)) throw new InvalidOperationException($"statistic '{s.Name}' was not declared");
        _values[s.Name] = value;
    }

    public IEnumerable<(Statistic Stat, long Value)> Values => _declared.Select(s => (s, _values[s.Name]));
}
