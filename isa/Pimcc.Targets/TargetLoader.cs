using Pimcc.Diagnostics;
using Pimcc.Targets.Description;

namespace Pimcc.Targets;

/// <summary>
/// Loads a target description: a bundled preset by name, or a JSON file (which may
/// <c>"extends": "preset"</c>), then applies <c>--set key=value</c> overrides, validates every value against the
/// schema of the description's <c>"kind"</c> and returns the kind's resolved record (<see cref="TargetDescription"/>).
/// All errors are <see cref="PimccError"/> with <see cref="ExitCode.UnknownTarget"/> or
/// <see cref="ExitCode.InvalidTargetDescription"/>.
/// </summary>
public static class TargetLoader
{
    /// <summary>A path (contains a directory separator or ends in .json) is read as a file, anything else as a preset name.</summary>
    public static TargetDescription Load(string presetOrPath, IReadOnlyList<string>? overrides = null) =>
        LooksLikePath(presetOrPath) ? LoadFile(presetOrPath, overrides) : LoadPreset(presetOrPath, overrides);

    /// <summary><see cref="Load(string, IReadOnlyList{string})"/>, as the record of the kind <typeparamref name="T"/> belongs to.</summary>
    public static T Load<T>(string presetOrPath, IReadOnlyList<string>? overrides = null) where T : TargetDescription =>
        As<T>(Load(presetOrPath, overrides), presetOrPath);

    public static TargetDescription LoadPreset(string name, IReadOnlyList<string>? overrides = null) =>
        Resolve(ReadPreset(name), overrides ?? []);

    /// <summary>A preset that must be of the kind whose record is <typeparamref name="T"/>.</summary>
    public static T LoadPreset<T>(string name, IReadOnlyList<string>? overrides = null) where T : TargetDescription =>
        As<T>(LoadPreset(name, overrides), $"preset '{name}'");

    public static TargetDescription LoadFile(string path, IReadOnlyList<string>? overrides = null)
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
    public static TargetDescription Parse(string json, string origin, IReadOnlyList<string>? overrides = null) =>
        Resolve(RawDescription.Parse(json, origin), overrides ?? []);

    /// <summary><see cref="Parse(string, string, IReadOnlyList{string})"/>, as the record of the kind <typeparamref name="T"/> belongs to.</summary>
    public static T Parse<T>(string json, string origin, IReadOnlyList<string>? overrides = null) where T : TargetDescription =>
        As<T>(Parse(json, origin, overrides), origin);

    /// <summary>The description as the record of its kind, or a wrong-target error naming both kinds.</summary>
    public static T As<T>(TargetDescription target, string location) where T : TargetDescription =>
        target as T ?? throw new PimccError(ExitCode.WrongTarget, location,
            $"target '{target.Name}' is of kind '{target.Kind}', not the kind this step needs ({typeof(T).Name})",
            "choose a target of the right kind (`pimcc targets` lists each target with its kind)");

    private static TargetDescription Resolve(RawDescription raw, IReadOnlyList<string> overrides)
    {
        raw = WithBase(raw, depth: 0);
        var kind = TargetKinds.Get(raw.Kind, RawDescription.Location(raw.Origin, "kind"));
        var parameters = TargetResolver.Resolve(raw, kind.Schema, overrides);
        return kind.Build(new DescriptionBuild(raw.Name, raw.Summary, raw.Origin, parameters, Overridden: overrides.Count > 0));
    }

    // "extends": values of the named preset first, then the file's own values on top. The kind is the preset's; a file
    // may restate it but not change it (another kind's keys mean other things).
    private static RawDescription WithBase(RawDescription raw, int depth)
    {
        if (raw.Extends is null) return raw;
        if (depth > 8)
            throw new PimccError(ExitCode.InvalidTargetDescription, RawDescription.Location(raw.Origin, "extends"), "\"extends\" chain is too deep or circular", "extend a bundled preset directly");
        var baseRaw = WithBase(ReadPreset(raw.Extends, RawDescription.Location(raw.Origin, "extends")), depth + 1);
        if (raw.Kind.Length > 0 && raw.Kind != baseRaw.Kind)
            throw new PimccError(ExitCode.InvalidTargetDescription, RawDescription.Location(raw.Origin, "kind"),
                $"kind '{raw.Kind}' differs from the kind '{baseRaw.Kind}' of the extended preset '{raw.Extends}'",
                $"extend a preset of kind '{raw.Kind}', or drop \"kind\"");
        var merged = new RawDescription
        {
            Origin = raw.Origin,
            Name = raw.Name.Length > 0 ? raw.Name : baseRaw.Name,
            Kind = baseRaw.Kind,
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
