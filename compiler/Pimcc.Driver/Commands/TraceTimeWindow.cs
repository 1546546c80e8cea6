using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Targets.Description;

namespace Pimcc.Driver.Commands;

/// <summary><c>--trace-window START:END</c>: a time window on the generation's timeline, in picoseconds.</summary>
public static class TraceTimeWindow
{
    /// <summary>[from, to) in ps; null text: the whole timeline. An empty END runs to the end.</summary>
    public static (long FromPs, long ToPs) Parse(string? text)
    {
        if (text is null) return (0, long.MaxValue);
        var parts = text.Split(':');
        if (parts.Length != 2) throw Bad(text, "it is not START:END");
        var from = Time(parts[0], text);
        var to = parts[1].Length == 0 ? long.MaxValue : Time(parts[1], text);
        if (to <= from) throw Bad(text, "END is not after START");
        return (from, to);
    }

    private static long Time(string part, string text)
    {
        var split = part.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').Count();
        if (split == 0 || !decimal.TryParse(part[..split], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw Bad(text, $"'{part}' is not a time such as 20us");
        var unit = part[split..];
        if (unit.Length == 0 && value == 0) return 0;
        var ps = Units.ToBase(Dimension.Time, value, unit, default, out var error);
        if (ps is null) throw Bad(text, $"'{part}': {error}");
        return ps.Value > long.MaxValue / 2 ? long.MaxValue / 2 : (long)Math.Round(ps.Value);
    }

    private static PimccError Bad(string text, string why) =>
        new(ExitCode.Usage, "--trace-window", $"'{text}': {why}", $"e.g. --trace-window 0:50us (units {string.Join(", ", Units.Accepted(Dimension.Time))})");
}
