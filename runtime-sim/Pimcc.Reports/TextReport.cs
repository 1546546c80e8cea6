using System.Globalization;
using System.Text;

namespace Pimcc.Reports;

/// <summary>The report for a terminal (<c>--format text</c>) and for spreadsheets (<c>--format csv</c>), rendered from its JSON.</summary>
public static class TextReport
{
    public static string Render(string json)
    {
        var r = ReportDocument.Parse(json);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"pimcc simulation report (target {r.TargetName})\n");
        sb.Append("workload: ").Append(string.Join(", ", r.Workload.Select(p => $"{p.Key} {p.Value}"))).Append('\n');
        foreach (var (k, v) in r.Notes) sb.Append(CultureInfo.InvariantCulture, $"{k}: {v}\n");
        string? group = null;
        foreach (var s in r.Statistics)
        {
            if (s.Phase != group) { sb.Append('\n').Append(s.Phase).Append('\n'); group = s.Phase; }
            sb.Append(CultureInfo.InvariantCulture, $"  {s.Name,-58} {ReportNumbers.Human(s.Value, s.Unit)}\n");
        }
        return sb.ToString();
    }

    /// <summary>CSV: name,unit,value,description; values in their base unit, shortest round-trip form.</summary>
    public static string RenderCsv(string json)
    {
        var sb = new StringBuilder("name,unit,value,description\n");
        foreach (var s in ReportDocument.Parse(json).Statistics)
            sb.Append(CultureInfo.InvariantCulture,
                $"{s.Name},{s.Unit},{s.Value.ToString("R", CultureInfo.InvariantCulture)},\"{s.Description.Replace("\"", "\"\"")}\"\n");
        return sb.ToString();
    }
}
