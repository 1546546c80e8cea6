using System.Text.Json;

namespace Pimcc.Reports;

/// <summary>One statistic of a report: dotted name (<c>phase.group.item</c>), unit, value and meaning.</summary>
public sealed record ReportStatistic(string Name, string Unit, double Value, string Description)
{
    /// <summary>The first dotted segment (e.g. <c>decode</c>, <c>latency</c>).</summary>
    public string Phase => Name.Split('.')[0];
}

/// <summary>One decode step of the generation: simulated, or interpolated between simulated neighbours.</summary>
public sealed record ReportDecodeStep(int Step, int Kv, double LatencySeconds, bool Simulated);

/// <summary>A <c>pimcc-sim-report/1</c> document, read back from its JSON (the one form every renderer starts from).</summary>
public sealed record ReportDocument(
    string TargetName, string TargetSha256,
    IReadOnlyList<KeyValuePair<string, string>> Workload,
    IReadOnlyList<KeyValuePair<string, string>> Notes,
    IReadOnlyList<ReportStatistic> Statistics,
    IReadOnlyList<ReportDecodeStep> DecodeSteps)
{
    public static ReportDocument Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var target = root.GetProperty("target");
        static List<KeyValuePair<string, string>> Pairs(JsonElement e) =>
            e.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())).ToList();
        var stats = root.GetProperty("statistics").EnumerateArray().Select(s => new ReportStatistic(
            s.GetProperty("name").GetString()!, s.GetProperty("unit").GetString()!, s.GetProperty("value").GetDouble(),
            s.GetProperty("description").GetString()!)).ToList();
        var steps = root.TryGetProperty("decodeSteps", out var d)
            ? d.EnumerateArray().Select(s => new ReportDecodeStep(s.GetProperty("step").GetInt32(), s.GetProperty("kv").GetInt32(),
                s.GetProperty("latency").GetDouble(), s.GetProperty("simulated").GetBoolean())).ToList()
            : [];
        return new ReportDocument(target.GetProperty("name").GetString()!, target.GetProperty("sha256").GetString()!,
            Pairs(root.GetProperty("workload")), root.TryGetProperty("notes", out var n) ? Pairs(n) : [], stats, steps);
    }

    /// <summary>The statistics <c>{phase}.{group}.*</c>, in report order, with the item part of the name.</summary>
    public IReadOnlyList<(string Item, ReportStatistic Stat)> Group(string phase, string group)
    {
        var prefix = $"{phase}.{group}.";
        return Statistics.Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal) && !s.Name[prefix.Length..].Contains('.'))
            .Select(s => (s.Name[prefix.Length..], s)).ToList();
    }

    public ReportStatistic? Find(string name) => Statistics.FirstOrDefault(s => s.Name == name);

    /// <summary>Phases that have statistics in <paramref name="group"/>, in report order.</summary>
    public IReadOnlyList<string> PhasesWith(string group) =>
        Statistics.Select(s => s.Phase).Distinct().Where(p => Group(p, group).Count > 0).ToList();
}
