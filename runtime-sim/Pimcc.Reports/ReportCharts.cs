using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Pimcc.Reports;

/// <summary>A series of bars: one value per category label.</summary>
public sealed record BarSeries(string Name, IReadOnlyList<(string Label, double Value)> Values);

/// <summary>A line over an axis's values: one y per x position, <c>null</c> where there is none (the line breaks there).</summary>
public sealed record LineSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>The report's figures as SVG (ScottPlot, rendered headless), with element ids made deterministic and unique per figure.</summary>
public static partial class ReportCharts
{
    public const int Width = 820, Height = 380;

    /// <summary>Decode latency of every step over the generation; simulated steps marked, interpolated ones on the line.</summary>
    public static string DecodeLatency(IReadOnlyList<ReportDecodeStep> steps, string id)
    {
        var plot = new Plot();
        var (scale, unit) = TimeScale(steps.Max(s => s.LatencySeconds));
        var line = plot.Add.Scatter(steps.Select(s => (double)s.Step).ToArray(), steps.Select(s => s.LatencySeconds * scale).ToArray());
        line.MarkerSize = 0;
        line.LegendText = "every step";
        var simulated = steps.Where(s => s.Simulated).ToList();
        var marks = plot.Add.ScatterPoints(simulated.Select(s => (double)s.Step).ToArray(), simulated.Select(s => s.LatencySeconds * scale).ToArray());
        marks.MarkerSize = 7;
        marks.LegendText = $"simulated ({simulated.Count})";
        plot.Title("Decode latency per generated token");
        plot.XLabel("decode step (token)");
        plot.YLabel($"latency ({unit})");
        plot.Axes.SetLimitsY(0, steps.Max(s => s.LatencySeconds) * scale * 1.1);
        plot.ShowLegend(Alignment.LowerRight);
        return Svg(plot, id);
    }

    /// <summary>Grouped bars: one group per category, one bar per series; an optional reference line (e.g. the simulated latency).</summary>
    public static string Bars(string title, string quantity, string baseUnit, IReadOnlyList<BarSeries> series, string id,
        (string Label, double Value)? reference = null)
    {
        var plot = new Plot();
        var labels = series.SelectMany(s => s.Values.Select(v => v.Label)).Distinct().ToList();
        var max = series.SelectMany(s => s.Values.Select(v => v.Value)).Append(reference?.Value ?? 0).DefaultIfEmpty(0).Max();
        var (scale, unit) = Scale(baseUnit, max);
        var width = 0.8 / series.Count;
        var bars = new List<Bar>();
        for (var i = 0; i < series.Count; i++)
        {
            var color = Palette.GetColor(i);
            foreach (var (label, value) in series[i].Values)
                bars.Add(new Bar { Position = labels.IndexOf(label) - 0.4 + width * (i + 0.5), Value = value * scale, Size = width, FillColor = color, LineWidth = 0 });
            if (series.Count > 1) plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[i].Name, FillColor = color });
        }
        plot.Add.Bars(bars);
        if (reference is { } r)
        {
            var line = plot.Add.HorizontalLine(r.Value * scale);
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 2;
            line.Color = Colors.Black;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = r.Label, LineColor = Colors.Black, LineWidth = 2, LinePattern = LinePattern.Dashed });
        }
        if (plot.Legend.ManualItems.Count > 0) plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), labels.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 110;
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel($"{quantity} ({unit})");
        return Svg(plot, id);
    }

    /// <summary>
    /// One line per series over the values of an axis: at <paramref name="positions"/> when the axis is numeric, else at
    /// 0, 1, 2... labelled with <paramref name="labels"/>. Every value is marked; consecutive values are joined, a
    /// missing one breaks the line (never drawn across).
    /// </summary>
    public static string Lines(string title, string xLabel, IReadOnlyList<string> labels, IReadOnlyList<double>? positions,
        string quantity, string baseUnit, IReadOnlyList<LineSeries> series, string id)
    {
        var plot = new Plot();
        var xs = positions ?? [.. Enumerable.Range(0, labels.Count).Select(i => (double)i)];
        var max = series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        var (scale, unit) = Scale(baseUnit, max);
        for (var i = 0; i < series.Count; i++)
        {
            var color = Palette.GetColor(i);
            var run = new List<int>();
            void Draw()
            {
                if (run.Count == 0) return;
                var line = plot.Add.Scatter(run.Select(k => xs[k]).ToArray(), run.Select(k => series[i].Values[k]!.Value * scale).ToArray(), color);
                line.MarkerSize = 6;
                line.LineWidth = 2;
                run.Clear();
            }
            for (var k = 0; k < xs.Count; k++)
                if (series[i].Values[k] is null) Draw(); else run.Add(k);
            Draw();
            if (series.Count > 1) plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[i].Name, LineColor = color, LineWidth = 2, MarkerColor = color, MarkerShape = MarkerShape.FilledCircle });
        }
        if (plot.Legend.ManualItems.Count > 0) plot.ShowLegend(Edge.Bottom);
        if (positions is null)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs.ToArray(), labels.ToArray());
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(unit.Length > 0 ? $"{quantity} ({unit})" : quantity);
        plot.Axes.SetLimitsY(0, Math.Max(max * scale * 1.1, 1e-12));
        return Svg(plot, id);
    }

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    private static (double Scale, string Unit) TimeScale(double maxSeconds) =>
        maxSeconds >= 1 ? (1, "s") : maxSeconds >= 1e-3 ? (1e3, "ms") : maxSeconds >= 1e-6 ? (1e6, "µs") : (1e9, "ns");

    private static (double Scale, string Unit) Scale(string unit, double max) => unit switch
    {
        "s" => TimeScale(max),
        "J" => max >= 1 ? (1, "J") : max >= 1e-3 ? (1e3, "mJ") : (1e6, "µJ"),
        "ratio" => (100, "%"),
        _ => (1, unit),
    };

    /// <summary>
    /// SVG text with the renderer's process-wide element ids (<c>cl_17</c>, which depend on what was drawn before) renumbered
    /// in order of appearance under <paramref name="id"/>: the same figure gives the same bytes, and figures in one page
    /// never share an id.
    /// </summary>
    internal static string Svg(Plot plot, string id)
    {
        var svg = plot.GetSvgXml(Width, Height);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        svg = ElementId().Replace(svg, m => map.TryGetValue(m.Value, out var v) ? v : map[m.Value] = $"{id}-{map.Count.ToString(CultureInfo.InvariantCulture)}");
        // drop the XML declaration: the SVG is inlined into HTML
        return svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg;
    }

    [GeneratedRegex(@"\bcl_[0-9a-fA-F]+\b")]
    private static partial Regex ElementId();
}
