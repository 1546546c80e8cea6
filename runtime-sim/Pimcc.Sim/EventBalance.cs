using Pimcc.Diagnostics;

namespace Pimcc.Sim;

/// <summary>
/// The rule every simulator applies when a program run ends (timing and values, every target): each event counter is
/// back at zero. A count left over is a signal no wait took, so some stream may have run ahead of the data it was to
/// wait for: the program is invalid, and its figures or values are never reported.
/// </summary>
public static class EventBalance
{
    /// <summary>Throws <paramref name="code"/> at <paramref name="where"/> for the lowest-numbered counter not at zero.</summary>
    public static void Check(IEnumerable<(long Event, long Count)> counters, ExitCode code, string where)
    {
        var left = counters.Where(c => c.Count != 0).OrderBy(c => c.Event).FirstOrDefault();
        if (left.Count != 0)
            throw new PimccError(code, where, $"event {left.Event} ends the run at {left.Count}, not 0: a signal nobody waits for",
                "balance every sig/ev.sig with a wait");
    }
}
