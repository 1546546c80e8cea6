using System.Collections;
using System.Collections.Immutable;

namespace Pimcc.Ir;

/// <summary>Immutable attribute dictionary, ordered by name (ordinal) so printing is deterministic.</summary>
public sealed class AttrMap : IReadOnlyDictionary<string, AttrValue>, IEquatable<AttrMap>
{
    public static readonly AttrMap Empty = new(ImmutableSortedDictionary.Create<string, AttrValue>(StringComparer.Ordinal));

    private readonly ImmutableSortedDictionary<string, AttrValue> _items;

    private AttrMap(ImmutableSortedDictionary<string, AttrValue> items) => _items = items;

    public static AttrMap From(IEnumerable<KeyValuePair<string, AttrValue>> items) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, items));

    public AttrMap Set(string name, AttrValue value) => new(_items.SetItem(name, value));
    public AttrMap Set(string name, long value) => Set(name, AttrValue.Of(value));
    public AttrMap Set(string name, SymExpr value) => Set(name, AttrValue.Of(value));
    public AttrMap Set(string name, double value) => Set(name, AttrValue.Of(value));
    public AttrMap Set(string name, string value) => Set(name, AttrValue.Of(value));
    public AttrMap Set(string name, bool value) => Set(name, AttrValue.Of(value));
    public AttrMap Remove(string name) => new(_items.Remove(name));

    public long Int(string name) => Expr(name) is { IsConstant: true } e
        ? e.Constant
        : throw new KeyNotFoundException($"attribute '{name}' is not a constant integer");

    public long IntOr(string name, long fallback) => ContainsKey(name) ? Int(name) : fallback;

    public SymExpr Expr(string name) => Get<ExprAttr>(name).Value;

    public double Float(string name) => _items.TryGetValue(name, out var v) switch
    {
        true when v is FloatAttr f => f.Value,
        true when v is ExprAttr { Value.IsConstant: true } e => e.Value.Constant,
        _ => throw new KeyNotFoundException($"attribute '{name}' is not a number"),
    };

    public double FloatOr(string name, double fallback) => ContainsKey(name) ? Float(name) : fallback;

    public string Str(string name) => Get<StringAttr>(name).Value;

    public string StrOr(string name, string fallback) => _items.TryGetValue(name, out var v) && v is StringAttr s ? s.Value : fallback;

    public bool Bool(string name) => Get<BoolAttr>(name).Value;

    public bool BoolOr(string name, bool fallback) => _items.TryGetValue(name, out var v) && v is BoolAttr b ? b.Value : fallback;

    public ImmutableArray<long> Ints(string name) =>
        [.. Get<ListAttr>(name).Items.Select(i => i is ExprAttr { Value.IsConstant: true } e
            ? e.Value.Constant
            : throw new KeyNotFoundException($"attribute '{name}' is not a list of integers"))];

    public ImmutableArray<double> Floats(string name) =>
        [.. Get<ListAttr>(name).Items.Select(i => i switch
        {
            FloatAttr f => f.Value,
            ExprAttr { Value.IsConstant: true } e => e.Value.Constant,
            _ => throw new KeyNotFoundException($"attribute '{name}' is not a list of numbers"),
        })];

    private T Get<T>(string name) where T : AttrValue =>
        _items.TryGetValue(name, out var v)
            ? v as T ?? throw new KeyNotFoundException($"attribute '{name}' has kind {v.GetType().Name}, expected {typeof(T).Name}")
            : throw new KeyNotFoundException($"missing attribute '{name}'");

    public AttrValue this[string key] => _items[key];
    public IEnumerable<string> Keys => _items.Keys;
    public IEnumerable<AttrValue> Values => _items.Values;
    public int Count => _items.Count;
    public bool ContainsKey(string key) => _items.ContainsKey(key);
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out AttrValue value) => _items.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, AttrValue>> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(AttrMap? other) =>
        other is not null && Count == other.Count && _items.All(kv => other._items.TryGetValue(kv.Key, out var v) && Equals(v, kv.Value));

    public override bool Equals(object? obj) => obj is AttrMap m && Equals(m);

    public override int GetHashCode() => _items.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key.GetHashCode(StringComparison.Ordinal), kv.Value));

    public override string ToString() => "{" + string.Join(", ", _items.Select(kv => $"{kv.Key} = {kv.Value}")) + "}";
}
