using System.Diagnostics;
using SkiaSharp;

namespace Pimcc.Tests.Reports;

/// <summary>Renders an HTML file in Debian's headless Chromium and counts the pixels a plot colour painted.</summary>
internal static class HeadlessChromium
{
    /// <summary>A screenshot of the page at 1000 px wide and <paramref name="height"/> px high.</summary>
    public static SKBitmap Screenshot(string html, int height)
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Debian's chromium is not installed; tools/setup.sh installs it");
        var dir = Path.GetDirectoryName(Path.GetFullPath(html))!;
        var png = Path.Combine(dir, "shot.png");
        var psi = new ProcessStartInfo(chromium)
        {
            ArgumentList = { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(dir, "profile")}", "--hide-scrollbars",
                $"--window-size=1000,{height}", $"--screenshot={png}", "file://" + Path.GetFullPath(html) },
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        using (var p = Process.Start(psi)!)
        {
            p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEndAsync();
            p.WaitForExit(60_000).ShouldBeTrue("chromium did not finish in 60 s");
        }
        return SKBitmap.Decode(png) ?? throw new InvalidOperationException("chromium wrote no screenshot");
    }

    /// <summary>Pixels (of every second row and column) within a small distance of the colour.</summary>
    public static long Count(SKBitmap bitmap, int r, int g, int b)
    {
        long n = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - r) < 12 && Math.Abs(c.Green - g) < 12 && Math.Abs(c.Blue - b) < 12) n++;
            }
        return n;
    }
}
