using System.Reflection;

namespace Pimcc.Targets;

/// <summary>One bundled preset: its name, kind and one-line summary (for `pimcc targets`).</summary>
public sealed record TargetPreset(string Name, string Kind, string Summary);

/// <summary>
/// The bundled presets: samples/targets/*.json embedded as resources
/// <c>Pimcc.Targets.Presets.&lt;name&gt;.json</c>, listed in name order.
/// </summary>
public static class TargetRegistry
{
    private const string Prefix = "Pimcc.Targets.Presets.";
    private const string Suffix = ".json";
    private static readonly Assembly Self = typeof(TargetRegistry).Assembly;

    public static IReadOnlyList<string> Names { get; } = Self.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^Suffix.Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Every preset with its summary (loads and validates each one).</summary>
    public static IReadOnlyList<TargetPreset> Presets =>
        Names.Select(n => TargetLoader.LoadPreset(n)).Select((t, i) => new TargetPreset(Names[i], t.Kind, t.Summary)).ToList();

    /// <summary>The preset's JSON text, or null when there is no such preset.</summary>
    public static string? PresetText(string name)
    {
        using var stream = Self.GetManifestResourceStream(Prefix + name + Suffix);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
