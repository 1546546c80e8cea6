using System.Globalization;

namespace Pimcc.Compiler.PassManagement;

/// <summary>A typed option a pass declares; set in a pipeline string as <c>pass{name=value}</c>.</summary>
public sealed record PassOption(string Name, string Description, Type Type, object DefaultValue)
{
    public static PassOption Int(string name, string description, long @default) => new(name, description, typeof(long), @default);
    public static PassOption Bool(string name, string description, bool @default) => new(name, description, typeof(bool), @default);
    public static PassOption Str(string name, string description, string @default) => new(name, description, typeof(string), @default);
    public static PassOption Real(string name, string description, double @default) => new(name, description, typeof(double), @default);

    /// <summary>Parses a textual value; null when it does not fit the option's type.</summary>
    public object? Parse(string text) =>
        Type == typeof(long) ? long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null
        : Type == typeof(bool) ? text switch { "true" or "1" => true, "false" or "0" => false, _ => null }
        : Type == typeof(double) ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null
        : text;
}

/// <summary>Resolved option values for one pass instance in a pipeline.</summary>
public sealed class PassOptions
{
    private readonly IReadOnlyDictionary<string, object> _values;

    public PassOptions(IReadOnlyDictionary<string, object> values) => _values = values;

    public static readonly PassOptions None = new(new Dictionary<string, object>());

    public long Int(PassOption o) => (long)(_values.TryGetValue(o.Name, out var v) ? v : o.DefaultValue);
    public bool Bool(PassOption o) => (bool)(_values.TryGetValue(o.Name, out var v) ? v : o.DefaultValue);
    public string Str(PassOption o) => (string)(_values.TryGetValue(o.Name, out var v) ? v : o.DefaultValue);
    public double Real(PassOption o) => (double)(_values.TryGetValue(o.Name, out var v) ? v : o.DefaultValue);

    /// <summary>These values with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public PassOptions With(string name, object value) => new(new Dictionary<string, object>(_values, StringComparer.Ordinal) { [name] = value });

    /// <summary>Whether the pipeline string set <paramref name="o"/> (rather than leaving its default).</summary>
    public bool IsExplicit(PassOption o) => _values.ContainsKey(o.Name);

    /// <summary>Options explicitly set, in name order, as they appear in a pipeline string.</summary>
    public IEnumerable<KeyValuePair<string, object>> Explicit => _values.OrderBy(kv => kv.Key, StringComparer.Ordinal);
}
