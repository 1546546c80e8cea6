using System.Text.Json;

namespace Pimcc.Sim.Report;

/// <summary>One declared statistic of a report: name, unit, what it means, and its value.</summary>
public sealed record ReportStat(string Name, string Unit, string Description, double Value);

/// <summary>
/// Writes a <c>pimcc-sim-report/1</c> document (the shared report format every renderer in Pimcc.Reports reads):
/// format, target name and description hash, the workload, notes, the declared statistics in order, and a
/// target-specific tail. Values that are not finite are written as 0. No wall-clock figure is ever written, so two runs
/// give byte-identical reports.
/// </summary>
public static class SimReportJson
{
    public const string Format = "pimcc-sim-report/1";

    public static byte[] Write(string targetName, string targetSha256, Action<Utf8JsonWriter> workload,
        IReadOnlyList<(string Key, string Value)> notes, IReadOnlyList<ReportStat> statistics, Action<Utf8JsonWriter>? tail = null)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteStartObject("target");
            w.WriteString("name", targetName);
            w.WriteString("sha256", targetSha256);
            w.WriteEndObject();
            w.WriteStartObject("workload");
            workload(w);
            w.WriteEndObject();
            w.WriteStartObject("notes");
            foreach (var (k, v) in notes) w.WriteString(k, v);
            w.WriteEndObject();
            w.WriteStartArray("statistics");
            foreach (var s in statistics)
            {
                w.WriteStartObject();
                w.WriteString("name", s.Name);
                w.WriteString("unit", s.Unit);
                w.WriteNumber("value", double.IsFinite(s.Value) ? s.Value : 0);
                w.WriteString("description", s.Description);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            tail?.Invoke(w);
            w.WriteEndObject();
        }
        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }
}
