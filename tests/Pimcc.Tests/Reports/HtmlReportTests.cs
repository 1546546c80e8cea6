using System.Diagnostics;
using System.Text.RegularExpressions;
using Pimcc.Reports;
using Pimcc.Tests.Driver;
using SkiaSharp;

namespace Pimcc.Tests.Reports;

/// <summary><c>pimcc sim --format html</c>: one self-contained, deterministic page whose figures a browser renders.</summary>
public partial class HtmlReportTests
{
    private static readonly Lazy<(string Html, string Json)> Page = new(() =>
    {
        var dir = CliRunner.TempDir();
        var bin = Path.Combine(dir, "o.bin");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", "hpim", "--prompt-tokens", "32", "--gen-tokens", "8", "-o", bin).ExitCode.ShouldBe(0);
        var html = Path.Combine(dir, "report.html");
        var run = CliRunner.Run("sim", bin, "--prompt-tokens", "32", "--gen-tokens", "8", "--format", "html", "-o", html);
        run.ExitCode.ShouldBe(0, run.Err);
        var json = CliRunner.Run("sim", bin, "--prompt-tokens", "32", "--gen-tokens", "8", "--format", "json").Out;
        return (File.ReadAllText(html), json);
    });

    [Fact]
    public void ThePageIsSelfContainedAndHoldsEveryFigureAndStatistic()
    {
        var (html, json) = Page.Value;
        var doc = ReportDocument.Parse(json);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldNotContain("<script");
        Regex.IsMatch(html, @"(src|href)\s*=").ShouldBeFalse("nothing is fetched");
        // decode latency, critical path, busy, energy x2, one roofline per phase, utilisation
        Regex.Matches(html, "<svg ").Count.ShouldBe(6 + doc.PhasesWith("roofline").Count);
        foreach (var s in doc.Statistics) html.ShouldContain($"<code>{s.Name}</code>");
        html.ShouldContain("Figure 1. Latency of each decode step");
    }

    [Fact]
    public void FigureIdsAreUniqueInThePageAndTheBytesRepeat()
    {
        var (html, _) = Page.Value;
        var ids = IdAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        ids.Count.ShouldBeGreaterThan(0);
        ids.Distinct().Count().ShouldBe(ids.Count);
        // Rendering the same report again (after other plots moved the renderer's global id counter) gives the same bytes.
        var target = Pimcc.Targets.TargetLoader.LoadPreset("hpim");
        HtmlReport.Render(Page.Value.Json, target).ShouldBe(HtmlReport.Render(Page.Value.Json, target));
    }

    [Fact]
    public void HeadlessChromiumRendersThePlots()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Debian's chromium is not installed; tools/setup.sh installs it");
        var dir = CliRunner.TempDir();
        var page = Path.Combine(dir, "report.html");
        File.WriteAllText(page, Page.Value.Html);
        var png = Path.Combine(dir, "shot.png");
        var psi = new ProcessStartInfo(chromium)
        {
            ArgumentList = { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(dir, "profile")}", "--hide-scrollbars",
                "--window-size=1000,5200", $"--screenshot={png}", "file://" + page },
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using (var p = Process.Start(psi)!)
        {
            p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEndAsync();
            p.WaitForExit(60_000).ShouldBeTrue("chromium did not finish in 60 s");
        }
        using var bitmap = SKBitmap.Decode(png);
        bitmap.ShouldNotBeNull("chromium wrote no screenshot");
        // The bar series are drawn in the Category10 palette's first two colours (decode, prefill): count their pixels.
        long blue = 0, orange = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                if (Near(c, 0x1f, 0x77, 0xb4)) blue++;
                if (Near(c, 0xff, 0x7f, 0x0e)) orange++;
            }
        blue.ShouldBeGreaterThan(2000, "the decode series' bars were not painted");
        orange.ShouldBeGreaterThan(1000, "the prefill series' bars were not painted");
    }

    private static bool Near(SKColor c, int r, int g, int b) => Math.Abs(c.Red - r) < 12 && Math.Abs(c.Green - g) < 12 && Math.Abs(c.Blue - b) < 12;

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();
}
