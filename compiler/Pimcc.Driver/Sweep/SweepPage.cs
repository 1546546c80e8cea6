using System.Globalization;
using System.Net;
using System.Text;
using Pimcc.Reports;

namespace Pimcc.Driver.Sweep;

/// <summary>
/// <c>pimcc sweep --format html</c>: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) with the
/// grid, one plot per figure and the table. Each plot's x axis is the grid's last axis that takes more than one value
/// (the one varying fastest); every combination of the other varying axes is one line. A point that did not simulate
/// is a gap in its line and a row with its exit code in the table.
/// </summary>
public static class SweepPage
{
    public static string Render(SweepGrid grid, IReadOnlyList<string> statistics, IReadOnlyList<SweepOutcome> outcomes)
    {
        var axes = grid.AxisNames;
        var values = axes.ToDictionary(a => a, a => grid.ValuesOf(a));
        var varying = axes.Where(a => values[a].Count > 1).ToList();
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>pimcc sweep</title>\n");
        h.Append($"<style>{HtmlReport.Style}</style>\n</head>\n<body>\n<h1>pimcc sweep</h1>\n");
        var failed = outcomes.Count(o => !o.Simulated);
        h.Append($"<p class=\"sub\">{outcomes.Count} points, {outcomes.Count - failed} simulated, {failed} failed</p>\n");

        h.Append("<h2>Grid</h2>\n<table class=\"kv\">");
        foreach (var a in axes)
            h.Append($"<tr><th>{E(a)}</th><td>{E(string.Join(", ", values[a].Select(v => Short(a, v))))}</td></tr>");
        h.Append("</table>\n");

        h.Append("<h2>Figures</h2>\n");
        if (varying.Count == 0)
            h.Append("<p>No axis takes more than one value, so there is nothing to plot: see the table.</p>\n");
        else
        {
            var x = varying[^1];
            var others = varying[..^1];
            var labels = values[x].Select(v => Short(x, v)).ToList();
            var positions = values[x].All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                ? values[x].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList() : null;
            var lines = outcomes.GroupBy(o => string.Join(", ", others.Select(a => $"{a}={Short(a, o.Point.ValueOf(a))}")), StringComparer.Ordinal).ToList();
            var figure = 0;
            foreach (var stat in statistics)
            {
                var unit = outcomes.FirstOrDefault(o => o.Simulated)?.Figures[stat].Unit ?? "";
                var series = lines.Select(g => new LineSeries(g.Key.Length > 0 ? g.Key : stat, values[x].Select(v =>
                    g.FirstOrDefault(o => o.Point.ValueOf(x) == v) is { Simulated: true } o ? Number(o.Figures[stat].Value) : (double?)null).ToList())).ToList();
                var svg = ReportCharts.Lines(stat, x, labels, positions, stat, unit, series, $"s-{++figure}");
                h.Append($"<figure>{svg}<figcaption>Figure {figure}. {E(stat)} over {E(x)}" +
                         (others.Count > 0 ? $", one line per {E(string.Join(" x ", others))}" : "") + ".</figcaption></figure>\n");
            }
        }

        h.Append("<h2>Table</h2>\n<table class=\"stats\"><tr><th>point</th>");
        foreach (var a in axes) h.Append($"<th>{E(a)}</th>");
        h.Append("<th>tokens</th><th>exit</th>");
        foreach (var s in statistics) h.Append($"<th>{E(s)}</th>");
        h.Append("</tr>\n");
        foreach (var o in outcomes)
        {
            h.Append($"<tr><td class=\"n\">{o.Point.Number}</td>");
            foreach (var a in axes) h.Append($"<td>{E(Short(a, o.Point.ValueOf(a)))}</td>");
            h.Append($"<td>{o.PromptTokens}:{o.GeneratedTokens}</td><td class=\"n\">{o.ExitCode}</td>");
            if (o.Simulated)
                foreach (var s in statistics) h.Append($"<td class=\"n\">{E(ReportNumbers.Human(Number(o.Figures[s].Value), o.Figures[s].Unit))}</td>");
            else
                h.Append($"<td colspan=\"{statistics.Count}\" class=\"d\">{E(o.Error ?? "")}</td>");
            h.Append("</tr>\n");
        }
        h.Append("</table>\n</body>\n</html>\n");
        return h.ToString();
    }

    // Files are shown by name: the table and the JSON keep the paths.
    private static string Short(string axis, string value) => axis is "model" || (axis == "target" && Pimcc.Targets.TargetLoader.LooksLikePath(value))
        ? Path.GetFileName(value) : value;

    private static double Number(string json) => double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
