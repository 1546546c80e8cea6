using System.Globalization;
using System.Text;
using System.Text.Json;
using Pimcc.Diagnostics;

namespace Pimcc.Reports;

/// <summary>One compared figure: its statistic name and unit, each report's value (null: the report lacks it) and each
/// report's ratio baseline / value (null: no value or a zero one).</summary>
public sealed record ComparedFigure(string Name, string Unit, IReadOnlyList<double?> Values, IReadOnlyList<double?> Ratios);

/// <summary>
/// <c>pimcc compare</c>: simulation reports of one workload side by side, the first the baseline. For every figure, each
/// report's value and the ratio baseline / value: a speedup for times, an energy saving for energies (above 1: better
/// than the baseline). The figures are the generation's totals and, per phase (prefill, decode), each operator class's
/// time (<c>phase.critical-path.CLASS</c>) and energy (<c>phase.energy.class.CLASS</c>), as the reports declare them.
/// Reports of different workloads (model, prompt or generated tokens) are refused.
/// </summary>
public sealed record ReportComparison(IReadOnlyList<string> Files, IReadOnlyList<ReportDocument> Reports, IReadOnlyList<ComparedFigure> Figures)
{
    public const string Format = "pimcc-compare/1";

    /// <summary>The keys of a report's workload that make two reports comparable.</summary>
    public static readonly string[] WorkloadKeys = ["model", "promptTokens", "outputTokens"];

    private static readonly string[] Totals = ["latency.total", "latency.prefill", "latency.decode.total", "latency.decode.mean", "energy.total"];

    public static ReportComparison Of(IReadOnlyList<(string File, ReportDocument Report)> reports)
    {
        if (reports.Count < 2)
            throw new PimccError(ExitCode.Usage, "pimcc compare", $"{reports.Count} report given; a comparison needs a baseline and at least one other", "pimcc compare BASELINE.json OTHER.json ...");
        var (baseFile, baseline) = reports[0];
        foreach (var (file, r) in reports.Skip(1))
            if (WorkloadKeys.FirstOrDefault(k => Workload(r, k) != Workload(baseline, k)) is { } key)
                throw new PimccError(ExitCode.ReportsNotComparable, file,
                    $"workload {Describe(r)} differs from the baseline's {Describe(baseline)} ({key})",
                    $"compare reports of one model and workload; simulate both with the same --prompt-tokens and --gen-tokens");
        var names = new List<(string Name, string Unit)>();
        void Take(ReportStatistic? s)
        {
            if (s is not null && !names.Contains((s.Name, s.Unit))) names.Add((s.Name, s.Unit));
        }
        foreach (var t in Totals) foreach (var (_, r) in reports) Take(r.Find(t));
        foreach (var phase in new[] { "prefill", "decode" })
            foreach (var group in new[] { "critical-path", "energy.class" })
                foreach (var (_, r) in reports)
                    foreach (var (_, s) in r.Group(phase, group)) Take(s);
        var figures = names.Select(n =>
        {
            var values = reports.Select(r => r.Report.Find(n.Name) is { } s && s.Unit == n.Unit ? s.Value : (double?)null).ToList();
            var b = values[0];
            var ratios = values.Select(v => b is { } x && v is { } y && y != 0 ? x / y : (double?)null).ToList();
            return new ComparedFigure(n.Name, n.Unit, values, ratios);
        }).ToList();
        return new ReportComparison([.. reports.Select(r => r.File)], [.. reports.Select(r => r.Report)], figures);
    }

    private static string? Workload(ReportDocument r, string key) => r.Workload.FirstOrDefault(p => p.Key == key).Value;

    private static string Describe(ReportDocument r) =>
        $"{Workload(r, "model") ?? "(no model)"}, {Workload(r, "promptTokens") ?? "?"} prompt + {Workload(r, "outputTokens") ?? "?"} generated tokens";

    /// <summary>What each report's timing mode was (its <c>mode</c> note), for the header.</summary>
    private static string Label(ReportDocument r) =>
        r.Notes.FirstOrDefault(n => n.Key == "mode").Value is { } mode ? $"{r.TargetName} ({mode})" : r.TargetName;

    public string RenderText()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"pimcc compare: {Describe(Reports[0])}; baseline {Reports[0].TargetName} ({Files[0]})\n");
        sb.Append("ratio = baseline / this: a speedup for times, an energy saving for energies\n\n");
        const int W = 26;
        sb.Append(CultureInfo.InvariantCulture, $"{"figure",-44}");
        foreach (var r in Reports) sb.Append(CultureInfo.InvariantCulture, $" {Cut(Label(r), W),W}");
        sb.Append('\n').Append(CultureInfo.InvariantCulture, $"{"",-44}");
        foreach (var f in Files) sb.Append(CultureInfo.InvariantCulture, $" {Cut(Path.GetFileName(f), W),W}");
        sb.Append('\n');
        foreach (var f in Figures)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{f.Name,-44}");
            for (var i = 0; i < Reports.Count; i++)
            {
                var cell = f.Values[i] is { } v ? ReportNumbers.Human(v, f.Unit) + (i == 0 ? "" : $" ({Ratio(f.Ratios[i])})") : "-";
                sb.Append(CultureInfo.InvariantCulture, $" {cell,W}");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Cut(string s, int w) => s.Length <= w ? s : s[..(w - 1)] + "~";

    private static string Ratio(double? r) => r is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";

    public byte[] RenderJson()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteStartObject("workload");
            foreach (var k in WorkloadKeys)
                if (Workload(Reports[0], k) is { } v) w.WriteString(k, v);
            w.WriteEndObject();
            w.WriteStartArray("reports");
            for (var i = 0; i < Reports.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("file", Files[i]);
                w.WriteString("target", Reports[i].TargetName);
                w.WriteString("mode", Reports[i].Notes.FirstOrDefault(n => n.Key == "mode").Value ?? "");
                w.WriteBoolean("baseline", i == 0);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("figures");
            foreach (var f in Figures)
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteString("unit", f.Unit);
                Numbers(w, "values", f.Values);
                Numbers(w, "ratios", f.Ratios);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }

    private static void Numbers(Utf8JsonWriter w, string name, IReadOnlyList<double?> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
            if (v is { } x && double.IsFinite(x)) w.WriteNumberValue(x);
            else w.WriteNullValue();
        w.WriteEndArray();
    }
}
