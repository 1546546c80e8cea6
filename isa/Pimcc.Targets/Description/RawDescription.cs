using System.Text.Json;
using Pimcc.Diagnostics;

namespace Pimcc.Targets.Description;

/// <summary>A value as written, before unit conversion: number, flag or word, with its unit and source.</summary>
internal sealed record RawValue(decimal? Number, bool? Flag, string? Word, string Unit, string Source, string Location);

/// <summary>
/// A target description as read from JSON: metadata plus dotted key -> written value. Only the
/// structure is checked here; meaning and units are checked by <see cref="TargetResolver"/>.
/// </summary>
internal sealed class RawDescription
{
    private static readonly string[] MetaKeys = ["format", "name", "kind", "summary", "extends"];
    private static readonly string[] LeafKeys = ["value", "unit", "source", "note"];

    public required string Origin { get; init; }
    public required string Name { get; set; }
    public required string Summary { get; set; }
    /// <summary>The target kind (<c>"kind"</c>); empty in a file that <c>"extends"</c> a preset and takes the preset's.</summary>
    public required string Kind { get; set; }
    public string? Extends { get; init; }
    public Dictionary<string, RawValue> Values { get; } = new(StringComparer.Ordinal);

    public static RawDescription Parse(string json, string origin)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new PimccError(ExitCode.InvalidTargetDescription, $"{origin}:{(e.LineNumber ?? 0) + 1}",
                "target description is not valid JSON: " + FirstSentence(e.Message), "fix the JSON syntax at that line");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Invalid(origin, "", "the top level must be a JSON object", "start the file with { \"format\": \"pimcc-target/1\", ... }");

            var format = MetaString(root, "format", origin);
            if (format is null)
                throw Invalid(origin, "format", "missing \"format\"", $"add \"format\": \"{DescriptionFormat.Tag}\"");
            if (format != DescriptionFormat.Tag)
                throw Invalid(origin, "format", $"unsupported format '{format}'", $"this pimcc reads \"{DescriptionFormat.Tag}\"");

            var extends = MetaString(root, "extends", origin);
            var raw = new RawDescription
            {
                Origin = origin,
                Name = MetaString(root, "name", origin) ?? "",
                Kind = MetaString(root, "kind", origin) ?? "",
                Summary = MetaString(root, "summary", origin) ?? "",
                Extends = extends,
            };
            if (extends is null && raw.Name.Length == 0)
                throw Invalid(origin, "name", "missing \"name\"", "add \"name\": \"my-target\"");
            if (extends is null && raw.Kind.Length == 0)
                throw Invalid(origin, "kind", "missing \"kind\"", $"add \"kind\": \"<kind>\" (known kinds: {string.Join(", ", TargetKinds.All.Select(k => k.Kind))}), or start from a preset with \"extends\"");

            foreach (var prop in root.EnumerateObject())
            {
                if (MetaKeys.Contains(prop.Name)) continue;
                raw.Walk(prop.Value, prop.Name);
            }
            return raw;
        }
    }

    private void Walk(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw Invalid(Origin, path, "expected an object: a group of keys, or { \"value\": ..., \"unit\": ..., \"source\": ... }",
                "wrap the value as { \"value\": v, \"unit\": \"u\", \"source\": \"where it comes from\" }");
        if (e.TryGetProperty("value", out _))
        {
            if (!Values.TryAdd(path, ReadLeaf(e, path)))
                throw Invalid(Origin, path, "key is defined twice", "keep one definition");
            return;
        }
        foreach (var prop in e.EnumerateObject())
            Walk(prop.Value, path + "." + prop.Name);
    }

    private RawValue ReadLeaf(JsonElement e, string path)
    {
        foreach (var p in e.EnumerateObject())
            if (!LeafKeys.Contains(p.Name))
                throw Invalid(Origin, path, $"unexpected field '{p.Name}' in a value", "a value has only value, unit, source and note");

        var source = e.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
        if (source.Trim().Length == 0)
            throw Invalid(Origin, path, "value has no source", "add \"source\": \"paper table / JEDEC / public simulator config / estimate: how\"");
        var unit = e.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : "";
        var v = e.GetProperty("value");
        var loc = Location(Origin, path);
        return v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetDecimal(out var d) => new RawValue(d, null, null, unit, source, loc),
            JsonValueKind.Number => throw Invalid(Origin, path, $"number {v.GetRawText()} is out of range (numbers are at most about 7.9e28)", "write a realistic value"),
            JsonValueKind.True or JsonValueKind.False => new RawValue(null, v.GetBoolean(), null, unit, source, loc),
            JsonValueKind.String => new RawValue(null, null, v.GetString(), unit, source, loc),
            _ => throw Invalid(Origin, path, $"value must be a number, true/false or a string, not {v.ValueKind}", "write a plain JSON number"),
        };
    }

    private static string? MetaString(JsonElement root, string key, string origin)
    {
        if (!root.TryGetProperty(key, out var v)) return null;
        if (v.ValueKind != JsonValueKind.String) throw Invalid(origin, key, $"\"{key}\" must be a string", $"write \"{key}\": \"...\"");
        return v.GetString();
    }

    public static string Location(string origin, string key) => key.Length == 0 ? origin : $"{origin}: key '{key}'";

    public static PimccError Invalid(string origin, string key, string message, string hint) =>
        new(ExitCode.InvalidTargetDescription, Location(origin, key), message, hint);

    private static string FirstSentence(string m)
    {
        var i = m.IndexOf(". ", StringComparison.Ordinal);
        return i < 0 ? m : m[..i];
    }
}
