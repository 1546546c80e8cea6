using System.Text.RegularExpressions;
using Pimcc.Reports;
using Pimcc.Tests.Driver;

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
        var page = Path.Combine(CliRunner.TempDir(), "report.html");
        File.WriteAllText(page, Page.Value.Html);
        using var bitmap = HeadlessChromium.Screenshot(page, 5200);
        // The bar series are drawn in the Category10 palette's first two colours (decode, prefill): count their pixels.
        HeadlessChromium.Count(bitmap, 0x1f, 0x77, 0xb4).ShouldBeGreaterThan(2000, "the decode series' bars were not painted");
        HeadlessChromium.Count(bitmap, 0xff, 0x7f, 0x0e).ShouldBeGreaterThan(1000, "the prefill series' bars were not painted");
    }

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();
}
