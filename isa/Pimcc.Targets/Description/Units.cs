namespace Pimcc.Targets.Description;

/// <summary>Clocks needed to turn a time into cycles; known once the clock parameters are resolved.</summary>
public readonly record struct UnitContext(decimal? SystemClockHz, decimal? DramClockPeriodPs);

/// <summary>
/// The ONE place where target-description units are converted. Values are converted to the base
/// unit of their <see cref="Dimension"/> with exact decimal arithmetic; times given for cycle
/// parameters are rounded UP to whole cycles (JEDEC practice: a constraint is never shortened).
/// </summary>
public static class Units
{
    private static readonly IReadOnlyDictionary<Dimension, (string Unit, decimal Factor)[]> Table =
        new Dictionary<Dimension, (string, decimal)[]>
        {
            [Dimension.Count] = [("count", 1m)],
            [Dimension.Bytes] = [("B", 1m), ("KiB", 1024m), ("MiB", 1024m * 1024), ("GiB", 1024m * 1024 * 1024)],
            [Dimension.Bits] = [("bit", 1m), ("Kbit", 1024m), ("Mbit", 1024m * 1024), ("Gbit", 1024m * 1024 * 1024)],
            [Dimension.Frequency] = [("Hz", 1m), ("kHz", 1e3m), ("MHz", 1e6m), ("GHz", 1e9m)],
            [Dimension.Time] = [("ps", 1m), ("ns", 1e3m), ("us", 1e6m), ("ms", 1e9m)],
            [Dimension.DramCycles] = [("nCK", 1m)],
            [Dimension.CoreCycles] = [("cycle", 1m)],
            [Dimension.Bandwidth] = [("B/s", 1m), ("MB/s", 1e6m), ("GB/s", 1e9m), ("TB/s", 1e12m), ("GiB/s", 1024m * 1024 * 1024)],
            [Dimension.DataRate] = [("bit/s", 1m), ("Mbps", 1e6m), ("Gbps", 1e9m)],
            [Dimension.Throughput] = [("FLOP/s", 1m), ("GFLOPS", 1e9m), ("TFLOPS", 1e12m)],
            [Dimension.Energy] = [("fJ", 0.001m), ("pJ", 1m), ("nJ", 1e3m), ("uJ", 1e6m), ("mJ", 1e9m), ("J", 1e12m), ("Wh", 3.6e15m)],
            [Dimension.EnergyPerBit] = [("fJ/bit", 0.001m), ("pJ/bit", 1m)],
            [Dimension.Power] = [("uW", 0.001m), ("mW", 1m), ("W", 1e3m)],
            [Dimension.Area] = [("um2", 1e-6m), ("mm2", 1m)],
            [Dimension.Length] = [("nm", 1m), ("um", 1e3m)],
            [Dimension.Resistance] = [("ohm", 1m), ("kohm", 1e3m), ("Mohm", 1e6m)],
            [Dimension.Ratio] = [("fraction", 1m), ("%", 0.01m)],
            [Dimension.Boolean] = [],
            [Dimension.Choice] = [],
        };

    /// <summary>Units a value of this dimension may be written in (cycle dimensions also take time units).</summary>
    public static IReadOnlyList<string> Accepted(Dimension d)
    {
        var own = Table[d].Select(u => u.Unit);
        if (d is Dimension.DramCycles or Dimension.CoreCycles) own = own.Concat(Table[Dimension.Time].Select(u => u.Unit));
        if (d is Dimension.Bandwidth) own = own.Append("B/cycle");
        return own.ToList();
    }

    /// <summary>The base unit values of this dimension are stored in.</summary>
    public static string BaseUnit(Dimension d) => d switch
    {
        Dimension.Boolean or Dimension.Choice => "",
        _ => Table[d].First(u => u.Factor == 1m).Unit,
    };

    /// <summary>Converts <paramref name="value"/> in <paramref name="unit"/> to the base unit; null + error text when impossible.</summary>
    /// <summary>An exact decimal as messages show it: normalised (no trailing zeros), invariant culture.</summary>
    public static string Show(decimal d) => Normalize(d).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static decimal? ToBase(Dimension d, decimal value, string unit, UnitContext ctx, out string error)
    {
        error = "";
        foreach (var (u, f) in Table[d])
            if (u == unit) return value * f;

        if (d is Dimension.DramCycles or Dimension.CoreCycles && TimeFactor(unit) is { } tf)
        {
            var ps = value * tf;
            if (d == Dimension.DramCycles)
            {
                if (ctx.DramClockPeriodPs is not { } tck) { error = "the HBM clock period is not known yet"; return null; }
                return CyclesCovering(ps, tck);
            }
            if (ctx.SystemClockHz is not { } hz) { error = "the system clock is not known yet"; return null; }
            return CyclesCovering(ps, PeriodPs(hz));
        }
        if (d is Dimension.Bandwidth && unit == "B/cycle")
        {
            if (ctx.SystemClockHz is not { } hz) { error = "the system clock is not known yet"; return null; }
            return value * hz;
        }
        error = $"unit '{unit}' is not a unit of {d}; use one of: {string.Join(", ", Accepted(d))}";
        return null;
    }

    /// <summary>Converts a base-unit value back to <paramref name="unit"/> (for rendering).</summary>
    public static decimal FromBase(Dimension d, decimal baseValue, string unit, UnitContext ctx)
    {
        foreach (var (u, f) in Table[d])
            if (u == unit) return baseValue / f;
        if (d is Dimension.Bandwidth && unit == "B/cycle" && ctx.SystemClockHz is { } hz) return baseValue / hz;
        throw new ArgumentException($"cannot render {d} in '{unit}'");
    }

    /// <summary>Whole cycles of period <paramref name="periodPs"/> needed to cover <paramref name="ps"/> (rounded up).</summary>
    public static long CyclesCovering(decimal ps, decimal periodPs) => (long)Math.Ceiling(ps / periodPs);

    /// <summary>Picoseconds per cycle of a clock.</summary>
    public static decimal PeriodPs(decimal hz) => 1e12m / hz;

    /// <summary>A per-second rate expressed per cycle of a clock (bandwidth in B/s -> B/cycle).</summary>
    public static double PerCycle(decimal perSecond, decimal hz) => (double)(perSecond / hz);

    /// <summary>Drops trailing zeros so equal values always render the same way.</summary>
    public static decimal Normalize(decimal v) => v / 1.000000000000000000000000000000000m;

    private static decimal? TimeFactor(string unit)
    {
        foreach (var (u, f) in Table[Dimension.Time])
            if (u == unit) return f;
        return null;
    }
}
