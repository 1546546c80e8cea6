using System.Globalization;
using System.Text.Json;
using Pimcc.Diagnostics;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// One JSON object of a HuggingFace config.json, read field by field with precise diagnostics: every
/// error names the file and the (dotted) field. JSON <c>null</c> counts as absent, as Python's
/// <c>None</c> does in transformers' config classes (e.g. GPT-2's <c>"n_inner": null</c>).
/// </summary>
internal sealed class ConfigObject
{
    private readonly JsonElement _obj;
    private readonly string _prefix;

    private ConfigObject(JsonElement obj, string file, string prefix)
    {
        _obj = obj;
        File = file;
        _prefix = prefix;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
            if (!seen.Add(p.Name))
                throw Invalid(p.Name, "appears more than once", "keep a single entry for each field");
    }

    /// <summary>The file name diagnostics report.</summary>
    public string File { get; }

    /// <summary>Parses strict JSON (as transformers' save_pretrained writes it) whose top level is an object.</summary>
    public static ConfigObject Parse(string json, string file)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            // JsonException positions are 0-based; editors count from 1.
            var line = (e.LineNumber ?? 0) + 1;
            var col = (e.BytePositionInLine ?? 0) + 1;
            throw new PimccError(ExitCode.MalformedInput, $"{file}:{line}:{col}", $"malformed JSON: {Describe(e)}",
                "a HuggingFace config.json must be strict JSON: no comments, no trailing commas");
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new PimccError(ExitCode.InvalidModel, file, $"the top-level JSON value is {KindName(root.ValueKind)}, expected an object",
                "a HuggingFace config.json is one JSON object of fields");
        return new ConfigObject(root, file, "");
    }

    /// <summary>True when the field is present and not null.</summary>
    public bool Has(string field) => TryGet(field, out _);

    /// <summary>A required positive integer no larger than <paramref name="max"/>.</summary>
    public int Size(string field, int max) =>
        TryGet(field, out var v) ? ToSize(field, v, max) : throw Missing(field, "a positive integer");

    /// <summary>An optional positive integer; null when absent.</summary>
    public int? OptionalSize(string field, int max) => TryGet(field, out var v) ? ToSize(field, v, max) : null;

    /// <summary>An optional finite positive number.</summary>
    public double PositiveNumber(string field, double fallback) => Number(field, fallback, allowZero: false);

    /// <summary>A required finite number ≥ 0 (a field where 0 means "off", e.g. yarn's <c>mscale</c>).</summary>
    public double NonNegativeNumber(string field) =>
        Has(field) ? Number(field, 0, allowZero: true) : throw Missing(field, "a number ≥ 0");

    /// <summary>An optional finite number ≥ 0; null when absent or null.</summary>
    public double? OptionalNonNegativeNumber(string field) => Has(field) ? NonNegativeNumber(field) : null;

    private double Number(string field, double fallback, bool allowZero)
    {
        if (!TryGet(field, out var v)) return fallback;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d))
            throw WrongType(field, v, "a number");
        if (!double.IsFinite(d) || d < 0 || (d == 0 && !allowZero))
            throw Invalid(field, $"must be a {(allowZero ? "non-negative" : "positive")} number, found {v.GetRawText()}", "use the value from the model's published config");
        return d;
    }

    /// <summary>An optional finite positive number; null when absent or null.</summary>
    public double? OptionalPositiveNumber(string field) => Has(field) ? PositiveNumber(field, 0) : null;

    /// <summary>A required finite positive number.</summary>
    public double PositiveNumber(string field) =>
        Has(field) ? PositiveNumber(field, 0) : throw Missing(field, "a positive number");

    public bool Bool(string field, bool fallback)
    {
        if (!TryGet(field, out var v)) return fallback;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(field, v, "true or false"),
        };
    }

    public string String(string field) =>
        OptionalString(field) ?? throw Missing(field, "a string");

    public string? OptionalString(string field)
    {
        if (!TryGet(field, out var v)) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw WrongType(field, v, "a string");
    }

    /// <summary>A nested object (e.g. <c>rope_scaling</c>); null when absent or null.</summary>
    public ConfigObject? OptionalObject(string field)
    {
        if (!TryGet(field, out var v)) return null;
        return v.ValueKind == JsonValueKind.Object ? new ConfigObject(v, File, Qualify(field) + ".") : throw WrongType(field, v, "an object");
    }

    /// <summary>Fails unless <paramref name="whole"/> is a multiple of <paramref name="part"/> (e.g. hidden size by heads).</summary>
    public void RequireDivisible(string wholeField, long whole, string partField, long part)
    {
        if (whole % part != 0)
            throw Invalid(wholeField, $"{wholeField} = {whole} is not divisible by {partField} = {part}",
                "the model is inconsistent; check both fields against the published config");
    }

    /// <summary>The location string for a field: <c>file: field 'name'</c>.</summary>
    public string Location(string field) => $"{File}: field '{Qualify(field)}'";

    public PimccError Invalid(string field, string message, string hint) =>
        new(ExitCode.InvalidModel, Location(field), message, hint);

    public PimccError Unsupported(string field, string message, string hint) =>
        new(ExitCode.UnsupportedModel, Location(field), message, hint);

    private bool TryGet(string field, out JsonElement value) =>
        _obj.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null;

    private int ToSize(string field, JsonElement v, int max)
    {
        if (v.ValueKind != JsonValueKind.Number) throw WrongType(field, v, "a positive integer");
        if (!v.TryGetInt64(out var n))
        {
            // Either a fraction (768.5) or an integer beyond 64 bits; both are wrong here.
            if (v.TryGetDouble(out var d) && double.IsFinite(d) && d == Math.Floor(d))
                throw Invalid(field, $"is absurdly large ({v.GetRawText()}, limit {max.ToString(CultureInfo.InvariantCulture)})",
                    "check the value against the published config");
            throw WrongType(field, v, "a positive integer");
        }
        if (n <= 0)
            throw Invalid(field, $"must be a positive integer, found {n.ToString(CultureInfo.InvariantCulture)}",
                "sizes are counts and must be at least 1");
        if (n > max)
            throw Invalid(field, $"is absurdly large ({n.ToString(CultureInfo.InvariantCulture)}, limit {max.ToString(CultureInfo.InvariantCulture)})",
                "check the value against the published config");
        return (int)n;
    }

    private PimccError Missing(string field, string expected) =>
        new(ExitCode.InvalidModel, Location(field), $"missing required field '{Qualify(field)}' ({expected})",
            "add the field; published HuggingFace configs always carry it");

    private PimccError WrongType(string field, JsonElement v, string expected) =>
        Invalid(field, $"must be {expected}, found {KindName(v.ValueKind)} {Abbreviate(v.GetRawText())}",
            "fix the field's JSON type");

    private string Qualify(string field) => _prefix + field;

    private static string KindName(JsonValueKind k) => k switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Abbreviate(string raw)
    {
        var flat = raw.ReplaceLineEndings(" ");
        return flat.Length <= 40 ? flat : flat[..37] + "...";
    }

    /// <summary>The JsonException message without its trailing "Path: ... | LineNumber: ..." (the location says that).</summary>
    private static string Describe(JsonException e)
    {
        var m = e.Message;
        foreach (var cut in new[] { " Path:", " LineNumber:" })
        {
            var i = m.IndexOf(cut, StringComparison.Ordinal);
            if (i >= 0) m = m[..i];
        }
        return m.Trim().TrimEnd('.');
    }
}
