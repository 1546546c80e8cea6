using System.Text.Json;
using Pimcc.Diagnostics;

namespace Pimcc.Hyflexpim.Compiler;

/// <summary>
/// A per-rank importance profile, produced offline by gradient redistribution (fine-tuning the SVD-truncated model and
/// taking gradient magnitudes per singular direction). Format <c>pimcc-importance/1</c>, documented in
/// docs/hyflexpim-passes.md:
/// <code>{ "format": "pimcc-importance/1", "model": "free text",
///   "weights": { "&lt;weight name&gt;": { "shape": [D1, D2], "importance": [g0, g1, ...] } } }</code>
/// Entry r is the importance of rank r in singular-value order (rank 0 has the largest singular value).
/// </summary>
public sealed record ImportanceProfile(string Path, IReadOnlyDictionary<string, (long[] Shape, double[] Importance)> Weights)
{
    public const string Format = "pimcc-importance/1";

    /// <summary>Profiles are small text files; a bound keeps a wrong path (a model, a device) from being read whole.</summary>
    private const long MaxBytes = 64L << 20;

    public static ImportanceProfile Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new PimccError(ExitCode.InputNotFound, path, "importance profile not found", "give the JSON file the gradient-redistribution tool wrote");
        if (info.Length > MaxBytes)
            throw new PimccError(ExitCode.InputTooLarge, path, $"importance profile of {info.Length} bytes is larger than {MaxBytes >> 20} MiB", "check the path: a profile is a small JSON file");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var f) || f.ValueKind != JsonValueKind.String || f.GetString() != Format)
                throw Malformed(path, $"not an importance profile (\"format\": \"{Format}\" missing)");
            if (!root.TryGetProperty("weights", out var ws) || ws.ValueKind != JsonValueKind.Object)
                throw Malformed(path, "\"weights\" must be an object of weight name -> { shape, importance }");
            var weights = new SortedDictionary<string, (long[], double[])>(StringComparer.Ordinal);
            foreach (var w in ws.EnumerateObject())
            {
                if (w.Value.ValueKind != JsonValueKind.Object || !w.Value.TryGetProperty("shape", out var shape) || !w.Value.TryGetProperty("importance", out var imp)
                    || shape.ValueKind != JsonValueKind.Array || imp.ValueKind != JsonValueKind.Array)
                    throw Malformed(path, $"weight '{w.Name}' needs \"shape\": [D1, D2] and \"importance\": [numbers]");
                var values = imp.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN).ToArray();
                if (values.Any(v => !double.IsFinite(v) || v < 0))
                    throw Malformed(path, $"weight '{w.Name}': importance values must be finite, non-negative numbers");
                weights[w.Name] = (shape.EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Number && d.TryGetInt64(out var n) ? n : -1).ToArray(), values);
            }
            return new ImportanceProfile(path, weights);
        }
        catch (JsonException e)
        {
            throw Malformed(path, $"invalid JSON: {e.Message.Split('.')[0]}");
        }
    }

    private static PimccError Malformed(string path, string message) =>
        new(ExitCode.MalformedInput, path, message, $"see docs/hyflexpim-passes.md for the {Format} format");
}
