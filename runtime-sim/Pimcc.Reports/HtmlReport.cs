using System.Globalization;
using System.Net;
using System.Text;
using Pimcc.Targets;
using Pimcc.Targets.Description;

namespace Pimcc.Reports;

/// <summary>
/// <c>pimcc sim --format html</c>: one self-contained HTML file (inline CSS and SVG, no scripts, nothing fetched) with
/// the workload, the target's parameters, the figures and every statistic. Built from the report JSON and the target
/// description embedded in the binary, so it is target-neutral: figures come from the statistic groups a target
/// declares (<c>phase.critical-path.*</c>, <c>phase.energy.subsystem.*</c>, <c>phase.roofline.*</c>, ...).
/// </summary>
public static class HtmlReport
{
    public static string Render(string reportJson, TargetDescription target)
    {
        var r = ReportDocument.Parse(reportJson);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append($"<title>pimcc report: {E(target.Name)}</title>\n<style>{Style}</style>\n</head>\n<body>\n");
        h.Append($"<h1>pimcc simulation report</h1>\n<p class=\"sub\">target <b>{E(target.Name)}</b> (kind {E(target.Kind)}): {E(target.Summary)}<br>");
        h.Append($"description SHA-256 <code>{E(r.TargetSha256)}</code></p>\n");

        h.Append("<h2>Workload</h2>\n<table class=\"kv\">");
        foreach (var (k, v) in r.Workload) h.Append($"<tr><th>{E(k)}</th><td>{E(v)}</td></tr>");
        foreach (var (k, v) in r.Notes) h.Append($"<tr><th>{E(k)}</th><td>{E(v)}</td></tr>");
        h.Append("</table>\n");

        h.Append("<h2>Summary</h2>\n<table class=\"kv\">");
        foreach (var s in r.Statistics.Where(s => s.Phase is "latency" or "throughput" or "energy" or "power"))
            h.Append($"<tr><th>{E(s.Name)}</th><td>{E(ReportNumbers.Human(s.Value, s.Unit))}</td><td class=\"d\">{E(s.Description)}</td></tr>");
        h.Append("</table>\n");

        h.Append("<h2>Figures</h2>\n");
        var figure = 0;
        void Figure(string svg, string caption) =>
            h.Append($"<figure>{svg}<figcaption>Figure {++figure}. {E(caption)}</figcaption></figure>\n");
        if (r.DecodeSteps.Count > 0)
            Figure(ReportCharts.DecodeLatency(r.DecodeSteps, "f-decode"),
                "Latency of each decode step over the generation. Marked steps were simulated; the line between them is interpolated in kv (see the sampling in the workload table).");
        Grouped(r, "critical-path", "Critical-path breakdown", "time on the critical path", "s", "f-critical",
            "Critical path: the chain of dependent work that sets each run's latency, split by operator class. Its classes sum to the simulated latency.", Figure);
        Grouped(r, "busy", "Busy time by operator class", "busy time, summed over units", "s", "f-busy",
            "Busy time: how long the units worked on each class, summed over all units running in parallel, so it exceeds the latency wherever units overlap.", Figure);
        Grouped(r, "energy.subsystem", "Energy by subsystem", "energy", "J", "f-energy-subsystem",
            "Energy by subsystem: each event's count times its cost from the target description, plus static power over the run.", Figure);
        Grouped(r, "energy.class", "Energy by operator class", "energy", "J", "f-energy-class",
            "Energy by operator class; 'other' is work outside the model's operators (program control, address arithmetic, synchronisation) and static energy not attributed to a class.", Figure);
        foreach (var phase in r.PhasesWith("roofline"))
        {
            var resources = r.Group(phase, "roofline").Where(x => x.Item is not ("bound" or "achieved")).Select(x => (x.Item, x.Stat.Value)).ToList();
            var bound = r.Find($"{phase}.roofline.bound")?.Value ?? 0;
            var achieved = r.Find($"{phase}.roofline.achieved")?.Value ?? 0;
            (string, double)? simulated = achieved > 0 ? ("simulated time per run", bound / achieved) : null;
            Figure(ReportCharts.Bars($"Roofline of {phase}", "lower bound per run", "s", [new BarSeries(phase, resources)], $"f-roof-{phase}", simulated),
                $"Roofline of {phase}: the time each resource needs at its peak for this work (the largest is the bound) against the simulated time; achieved = bound / simulated = {achieved.ToString("P1", CultureInfo.InvariantCulture)}.");
        }
        Grouped(r, "utilisation", "Utilisation per unit", "busy share of the run", "ratio", "f-util",
            "Utilisation: the share of the run each unit was busy.", Figure);

        h.Append("<h2>Every statistic</h2>\n");
        foreach (var phase in r.Statistics.Select(s => s.Phase).Distinct())
        {
            h.Append($"<h3>{E(phase)}</h3>\n<table class=\"stats\"><tr><th>name</th><th>value</th><th>meaning</th></tr>");
            foreach (var s in r.Statistics.Where(s => s.Phase == phase))
                h.Append($"<tr><td><code>{E(s.Name)}</code></td><td class=\"n\">{E(ReportNumbers.Human(s.Value, s.Unit))}</td><td class=\"d\">{E(s.Description)}</td></tr>");
            h.Append("</table>\n");
        }

        h.Append($"<h2>Target parameters</h2>\n<details><summary>{target.Parameters.Ordered.Count} parameters of '{E(target.Name)}', each with its source</summary>\n");
        h.Append("<table class=\"stats\"><tr><th>key</th><th>value</th><th>unit</th><th>source</th></tr>");
        foreach (var p in target.Parameters.Ordered)
            h.Append($"<tr><td><code>{E(p.Key)}</code></td><td class=\"n\">{E(TargetDocs.Value(p, target.Parameters.Context))}</td><td>{E(p.Spec.Unit)}</td><td class=\"d\">{E(p.Source)}</td></tr>");
        h.Append("</table></details>\n</body>\n</html>\n");
        return h.ToString();
    }

    // One figure per statistic group, a bar series per phase that reports it.
    private static void Grouped(ReportDocument r, string group, string title, string quantity, string unit, string id, string caption, Action<string, string> figure)
    {
        var series = r.PhasesWith(group).Select(p => new BarSeries(p, r.Group(p, group).Select(x => (x.Item, x.Stat.Value)).ToList())).ToList();
        if (series.Count > 0) figure(ReportCharts.Bars(title, quantity, unit, series, id), caption);
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>The pages' one style sheet (this report and the sweep page).</summary>
    public const string Style =
        "body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}" +
        "h1{margin-bottom:.2em}.sub{color:#555;margin-top:0}table{border-collapse:collapse;margin:.5em 0 1.5em}" +
        "th,td{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}" +
        ".n{text-align:right;white-space:nowrap}.d{color:#555;font-size:.9em}figure{margin:1em 0 2em}" +
        "figcaption{color:#444;font-size:.9em;max-width:52em}svg{max-width:100%;height:auto}code{font-size:.9em}";
}
