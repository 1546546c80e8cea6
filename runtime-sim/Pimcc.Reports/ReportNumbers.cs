using System.Globalization;

namespace Pimcc.Reports;

/// <summary>How a statistic's value is shown to a person: scaled to a readable unit, never in exponent notation for ordinary magnitudes.</summary>
public static class ReportNumbers
{
    public static string Human(double v, string unit)
    {
        static string F(double x) => Math.Abs(x) is >= 1e-3 and < 1e15 || x == 0
            ? x.ToString("#,0.###", CultureInfo.InvariantCulture)
            : x.ToString("G4", CultureInfo.InvariantCulture);
        double a = Math.Abs(v);
        return unit switch
        {
            "s" when v != 0 && a < 1e-6 => F(v * 1e9) + " ns",
            "s" when v != 0 && a < 1e-3 => F(v * 1e6) + " us",
            "s" when v != 0 && a < 1 => F(v * 1e3) + " ms",
            "J" when v != 0 && a < 1e-3 => F(v * 1e6) + " uJ",
            "J" when v != 0 && a < 1 => F(v * 1e3) + " mJ",
            "B" when a >= 1L << 30 => F(v / (1L << 30)) + " GiB",
            "B" when a >= 1L << 20 => F(v / (1L << 20)) + " MiB",
            "B" when a >= 1L << 10 => F(v / (1L << 10)) + " KiB",
            "B/s" => F(v / 1e9) + " GB/s",
            "ratio" => F(v * 100) + " %",
            "count" => v.ToString("#,0", CultureInfo.InvariantCulture),
            _ => F(v) + " " + unit,
        };
    }
}
