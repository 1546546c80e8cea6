using Pimcc.Diagnostics;
using Pimcc.Targets.Description;

namespace Pimcc.Targets;

/// <summary>
/// Loads a target description: a bundled preset by name, or a JSON file (which may
/// <c>"extends": "preset"</c>), then applies <c>--set key=value</c> overrides, validates every value
/// and returns the resolved <see cref="HpimTarget"/>. All errors are <see cref="PimccError"/> with
/// <see cref="ExitCode.UnknownTarget"/> or <see cref="ExitCode.InvalidTargetDescription"/>.
/// </summary>
public static class TargetLoader
{
    /// <summary>A path (contains a directory separator or ends in .json) is read as a file, anything else as a preset name.</summary>
    public static HpimTarget Load(string presetOrPath, IReadOnlyList<string>? overrides = null) =>
        LooksLikePath(presetOrPath) ? LoadFile(presetOrPath, overrides) : LoadPreset(presetOrPath, overrides);

    public static HpimTarget LoadPreset(string name, IReadOnlyList<string>? overrides = null) =>
        Resolve(ReadPreset(name), overrides ?? []);

    public static HpimTarget LoadFile(string path, IReadOnlyList<string>? overrides = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new PimccError(ExitCode.InputNotFound, path, "cannot read target description: " + e.Message,
                "check the path given to --target-config");
        }
        return Parse(text, path, overrides);
    }

    /// <summary>Parses description text; <paramref name="origin"/> names it in error locations.</summary>
    public static HpimTarget Parse(string json, string origin, IReadOnlyList<string>? overrides = null) =>
        Resolve(RawDescription.Parse(json, origin), overrides ?? []);

    private static HpimTarget Resolve(RawDescription raw, IReadOnlyList<string> overrides)
    {
        raw = WithBase(raw, depth: 0);
        var parameters = TargetResolver.Resolve(raw, overrides);
        return TargetBuilder.Build(raw.Name, raw.Summary, raw.Origin, parameters, overridden: overrides.Count > 0);
    }

    // "extends": values of the named preset first, then the file's own values on top.
    private static RawDescription WithBase(RawDescription raw, int depth)
    {
        if (raw.Extends is null) return raw;
        if (depth > 8)
            throw new PimccError(ExitCode.InvalidTargetDescription, RawDescription.Location(raw.Origin, "extends"), "\"extends\" chain is too deep or circular", "extend a bundled preset directly");
        var baseRaw = WithBase(ReadPreset(raw.Extends, RawDescription.Location(raw.Origin, "extends")), depth + 1);
        var merged = new RawDescription
        {
            Origin = raw.Origin,
            Name = raw.Name.Length > 0 ? raw.Name : baseRaw.Name,
            Summary = raw.Summary.Length > 0 ? raw.Summary : baseRaw.Summary,
        };
        foreach (var (k, v) in baseRaw.Values) merged.Values[k] = v;
        foreach (var (k, v) in raw.Values) merged.Values[k] = v;
        return merged;
    }

    private static RawDescription ReadPreset(string name, string? location = null)
    {
        var text = TargetRegistry.PresetText(name) ?? throw new PimccError(ExitCode.UnknownTarget, location ?? name,
            $"unknown target '{name}'",
            $"known targets: {string.Join(", ", TargetRegistry.Names)}; or pass a description file with --target-config");
        return RawDescription.Parse(text, $"preset '{name}'");
    }

    public static bool LooksLikePath(string s) =>
        s.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || s.Contains('/') || s.Contains('\\');
}
