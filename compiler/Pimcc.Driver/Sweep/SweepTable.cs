using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pimcc.Driver.Sweep;

/// <summary>
/// The table of a sweep (docs/sweep.md): one row per point in grid order, the grid's axes as columns, then the
/// workload that ran, the exit code and diagnostic, and the figures, which are empty for a point that did not simulate.
/// CSV, or JSON (<c>pimcc-sweep/1</c>).
/// </summary>
public static class SweepTable
{
    public const string Format = "pimcc-sweep/1";

    public static string Csv(SweepGrid grid, IReadOnlyList<string> statistics, IReadOnlyList<SweepOutcome> outcomes)
    {
        var axes = grid.AxisNames;
        var sb = new StringBuilder();
        Row(sb, ["point", .. axes, "prompt_tokens", "gen_tokens", "exit_code", "error",
            .. statistics.Select(s => Unit(s, outcomes) is { Length: > 0 } u ? $"{s} ({u})" : s)]);
        foreach (var o in outcomes)
            Row(sb, [o.Point.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), .. axes.Select(o.Point.ValueOf),
                Number(o.PromptTokens), Number(o.GeneratedTokens), o.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Error ?? "",
                .. statistics.Select(s => o.Simulated ? o.Figures[s].Value : "")]);
        return sb.ToString();
    }

    /// <summary>The JSON table; it also records the whole grid, so tables of single points (<c>--point</c>, run by a
    /// scheduler) merge back into the grid's table (<see cref="SweepTableReader"/>).</summary>
    public static string Json(SweepGrid grid, IReadOnlyList<string> statistics, IReadOnlyList<SweepOutcome> outcomes)
    {
        var axes = grid.AxisNames;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            WriteGrid(w, grid);
            w.WriteStartArray("axes");
            foreach (var a in axes) w.WriteStringValue(a);
            w.WriteEndArray();
            w.WriteStartArray("statistics");
            foreach (var s in statistics)
            {
                w.WriteStartObject();
                w.WriteString("name", s);
                w.WriteString("unit", Unit(s, outcomes));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("points");
            foreach (var o in outcomes)
            {
                w.WriteStartObject();
                w.WriteNumber("point", o.Point.Number);
                foreach (var (axis, value) in axes.Zip(axes.Select(o.Point.ValueOf))) w.WriteString(axis, value);
                Nullable(w, "promptTokens", o.PromptTokens);
                Nullable(w, "generatedTokens", o.GeneratedTokens);
                w.WriteNumber("exitCode", o.ExitCode);
                if (o.Error is null) w.WriteNull("error"); else w.WriteString("error", o.Error);
                if (!o.Simulated) w.WriteNull("figures");
                else
                {
                    w.WriteStartObject("figures");
                    foreach (var s in statistics)
                    {
                        w.WritePropertyName(s);
                        w.WriteRawValue(o.Figures[s].Value);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes property <c>grid</c>: every axis with its values, from which <see cref="SweepTableReader"/> rebuilds the grid.</summary>
    public static void WriteGrid(Utf8JsonWriter w, SweepGrid grid)
    {
        w.WriteStartObject("grid");
        foreach (var (name, values) in new[] { ("models", grid.Models), ("targets", grid.Targets), ("workloads", grid.Workloads) })
        {
            w.WriteStartArray(name);
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }
        w.WriteStartArray("sets");
        foreach (var axis in grid.Sets)
        {
            w.WriteStartObject();
            w.WriteString("key", axis.Key);
            w.WriteStartArray("values");
            foreach (var v in axis.Values) w.WriteStringValue(v);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Unit(string statistic, IReadOnlyList<SweepOutcome> outcomes) =>
        outcomes.FirstOrDefault(o => o.Simulated)?.Figures[statistic].Unit ?? "";

    private static string Number(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static void Nullable(Utf8JsonWriter w, string name, int? n)
    {
        if (n is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    private static void Row(StringBuilder sb, IEnumerable<string> fields)
    {
        sb.AppendJoin(',', fields.Select(f => f.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f));
        sb.Append('\n');
    }
}
