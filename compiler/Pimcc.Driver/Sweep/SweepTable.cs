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

    public static string Csv(IReadOnlyList<string> axes, IReadOnlyList<string> statistics, IReadOnlyList<SweepOutcome> outcomes)
    {
        var sb = new StringBuilder();
        Row(sb, ["point", .. axes, "prompt_tokens", "gen_tokens", "exit_code", "error",
            .. statistics.Select(s => Unit(s, outcomes) is { Length: > 0 } u ? $"{s} ({u})" : s)]);
        foreach (var o in outcomes)
            Row(sb, [o.Point.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), .. AxisValues(o.Point, axes),
                Number(o.PromptTokens), Number(o.GeneratedTokens), o.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Error ?? "",
                .. statistics.Select(s => o.Simulated ? o.Figures[s].Value : "")]);
        return sb.ToString();
    }

    public static string Json(IReadOnlyList<string> axes, IReadOnlyList<string> statistics, IReadOnlyList<SweepOutcome> outcomes)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
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
                foreach (var (axis, value) in axes.Zip(AxisValues(o.Point, axes))) w.WriteString(axis, value);
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

    /// <summary>The point's value on each axis: model, target, workload, then each set key's value.</summary>
    private static IEnumerable<string> AxisValues(SweepPoint p, IReadOnlyList<string> axes) => axes.Select(a => a switch
    {
        "model" => p.Model,
        "target" => p.Target,
        "workload" => p.Workload,
        _ => p.Sets.First(s => s.Key == a).Value,
    });

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
