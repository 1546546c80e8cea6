using System.Text.Json;
using Pimcc.Diagnostics;

namespace Pimcc.Driver.Sweep;

/// <summary>
/// Reads JSON sweep tables back (<c>pimcc sweep merge</c>): tables of points of one grid, e.g. one per point as the
/// jobs of <see cref="SweepJobs"/> write them. Every table must record the same grid and figures; the merged outcomes
/// are the grid's points in order, a point no table holds being a failure that says so.
/// </summary>
public static class SweepTableReader
{
    public static (SweepGrid Grid, IReadOnlyList<string> Statistics, IReadOnlyList<SweepOutcome> Outcomes) Merge(IReadOnlyList<string> files)
    {
        SweepGrid? grid = null;
        IReadOnlyList<string>? statistics = null;
        string? gridText = null, first = null;
        var found = new Dictionary<int, SweepOutcome>();
        foreach (var file in files)
        {
            using var doc = Parse(file);
            var root = doc.RootElement;
            var thisGrid = root.GetProperty("grid").GetRawText();
            var thisStats = root.GetProperty("statistics").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
            if (grid is null)
            {
                grid = ReadGrid(root.GetProperty("grid"), file);
                statistics = thisStats;
                gridText = thisGrid;
                first = file;
            }
            else if (thisGrid != gridText || !thisStats.SequenceEqual(statistics!))
                throw new PimccError(ExitCode.Usage, file, $"its grid or figures differ from those of {first}", "merge the tables of one sweep only");
            var units = root.GetProperty("statistics").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("unit").GetString() ?? "");
            var points = grid.Points();
            foreach (var p in root.GetProperty("points").EnumerateArray())
            {
                var number = p.GetProperty("point").GetInt32();
                if (number < 1 || number > points.Count)
                    throw new PimccError(ExitCode.MalformedInput, file, $"point {number} is not in the grid of {points.Count} points", "merge the tables of one sweep only");
                if (found.ContainsKey(number))
                    throw new PimccError(ExitCode.Usage, file, $"point {number} is in two of the tables", "give each point's table once");
                var figures = p.GetProperty("figures") is { ValueKind: JsonValueKind.Object } f
                    ? f.EnumerateObject().ToDictionary(x => x.Name, x => new Figure(x.Value.GetRawText(), units.GetValueOrDefault(x.Name, "")), StringComparer.Ordinal)
                    : [];
                found[number] = new SweepOutcome(points[number - 1], p.GetProperty("exitCode").GetInt32(), p.GetProperty("error").GetString(),
                    Int(p, "promptTokens"), Int(p, "generatedTokens"), figures, "");
            }
        }
        if (grid is null) throw new PimccError(ExitCode.Usage, "pimcc sweep merge", "no table given", "e.g. pimcc sweep merge jobs/points/*.json");
        var outcomes = grid.Points().Select(pt => found.GetValueOrDefault(pt.Number) ?? new SweepOutcome(pt, (int)ExitCode.SweepPointsFailed,
            $"point {pt.Number}: no table holds it (its job did not finish, or its table was not given)", pt.Tokens?.Prompt, pt.Tokens?.Generated,
            new Dictionary<string, Figure>(), "")).ToList();
        return (grid, statistics!, outcomes);
    }

    private static JsonDocument Parse(string file)
    {
        try
        {
            var doc = JsonDocument.Parse(InputFile.ReadBytes(file, InputKind.SweepTable));
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("format", out var f) || f.GetString() != SweepTable.Format
                || !doc.RootElement.TryGetProperty("grid", out _))
                throw new PimccError(ExitCode.MalformedInput, file, $"not a {SweepTable.Format} JSON table with its grid", "merge the JSON tables pimcc sweep --format json wrote");
            return doc;
        }
        catch (JsonException e)
        {
            throw new PimccError(ExitCode.MalformedInput, file, $"not JSON: {e.Message}", "merge the JSON tables pimcc sweep --format json wrote");
        }
    }

    private static SweepGrid ReadGrid(JsonElement g, string file)
    {
        static List<string> Strings(JsonElement a) => [.. a.EnumerateArray().Select(v => v.GetString()!)];
        return SweepGrid.From(Strings(g.GetProperty("models")), Strings(g.GetProperty("targets")), Strings(g.GetProperty("workloads")),
            [.. g.GetProperty("sets").EnumerateArray().Select(s => $"{s.GetProperty("key").GetString()}={string.Join(',', Strings(s.GetProperty("values")))}")]);
    }

    private static int? Int(JsonElement p, string name) => p.GetProperty(name) is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() : null;
}
