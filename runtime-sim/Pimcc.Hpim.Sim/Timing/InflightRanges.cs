using Pimcc.Sim;

namespace Pimcc.Hpim.Sim.Timing;

/// <summary>
/// A core's local-memory and macro ranges in use: each read until its instruction has streamed it, each write until
/// its result is in place, with the path record of that instruction (a counted handle). A later instruction's ranges
/// wait for the overlapping ones (<see cref="ReadyFor"/>).
/// <para>Ranges are kept in the order they were added; the ready times sit in an array of their own, so that the scan
/// skips a range with one load. A range ready by the core's dispatch time can delay nothing again (every start is at or
/// after the dispatch, and the dispatch never goes back), so each scan drops such ranges as it passes them, keeping
/// the order of the others: a scan walks the live ranges and those added since the last scan, not a backlog of dead
/// ones (OPT-1.3B decode: about 6 live of 20 kept under the earlier prune-at-twice-the-live rule).</para>
/// </summary>
internal sealed class InflightRanges
{
    private readonly record struct Range(int Space, bool Write, long Lo, long Hi, int Record);

    private long[] _ready = new long[32];
    private Range[] _ranges = new Range[32];
    private int _count;

    public void Add(int space, long lo, long hi, bool write, long readyPs, int record)
    {
        if (_count == _ready.Length)
        {
            Array.Resize(ref _ready, 2 * _count);
            Array.Resize(ref _ranges, 2 * _count);
        }
        _ready[_count] = readyPs;
        _ranges[_count++] = new Range(space, write, lo, hi, record);
    }

    /// <summary>
    /// Earliest time the ranges may be read (after overlapping writes) and written (after overlapping reads and
    /// writes), as a time later than <paramref name="dispatchPs"/> with the record of the first range (in the order
    /// added) that holds it; 0 with no record when nothing is later. Drops the ranges ready by <paramref name="dispatchPs"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public long ReadyFor(ReadOnlySpan<(int Space, long Lo, long Hi)> reads, ReadOnlySpan<(int Space, long Lo, long Hi)> writes,
        long dispatchPs, out int pred)
    {
        var ready = dispatchPs;
        pred = 0;
        var readyAt = _ready;
        var ranges = _ranges;
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            var at = readyAt[i];
            if (at <= dispatchPs) continue;
            if (kept != i)
            {
                readyAt[kept] = at;
                ranges[kept] = ranges[i];
            }
            kept++;
            if (at <= ready) continue;
            ref readonly var a = ref ranges[i];
            var hit = false;
            if (a.Write)
                foreach (var r in reads)
                    if (r.Space == a.Space && r.Lo < a.Hi && a.Lo < r.Hi) { hit = true; break; }
            if (!hit)
                foreach (var w in writes)
                    if (w.Space == a.Space && w.Lo < a.Hi && a.Lo < w.Hi) { hit = true; break; }
            if (hit) { ready = at; pred = a.Record; }
        }
        _count = kept;
        return ready > dispatchPs ? ready : 0;
    }

    /// <summary>Names every range's record to the path store (a held releaser).</summary>
    public void MarkHeld(CriticalPath path)
    {
        for (var i = 0; i < _count; i++) path.Mark(_ranges[i].Record);
    }
}
