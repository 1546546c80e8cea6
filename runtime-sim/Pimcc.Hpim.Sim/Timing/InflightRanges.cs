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
    // One array per field: the drop in ReadyFor moves each kept range down field by field (a 32-byte record was copied
    // through the stack). _kinds: the space shifted left once, plus 1 for a write.
    private long[] _ready = new long[32], _lo = new long[32], _hi = new long[32];
    private int[] _kinds = new int[32], _records = new int[32];
    private int _count;

    public void Add(int space, long lo, long hi, bool write, long readyPs, int record)
    {
        if (_count == _ready.Length)
        {
            var n = 2 * _count;
            Array.Resize(ref _ready, n);
            Array.Resize(ref _lo, n);
            Array.Resize(ref _hi, n);
            Array.Resize(ref _kinds, n);
            Array.Resize(ref _records, n);
        }
        _ready[_count] = readyPs;
        _lo[_count] = lo;
        _hi[_count] = hi;
        _kinds[_count] = space << 1 | (write ? 1 : 0);
        _records[_count++] = record;
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
        long[] readyAt = _ready, los = _lo, his = _hi;
        int[] kinds = _kinds, records = _records;
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            var at = readyAt[i];
            if (at <= dispatchPs) continue;
            long lo = los[i], hi = his[i];
            var kind = kinds[i];
            var record = records[i];
            if (kept != i)
            {
                readyAt[kept] = at;
                los[kept] = lo;
                his[kept] = hi;
                kinds[kept] = kind;
                records[kept] = record;
            }
            kept++;
            if (at <= ready) continue;
            var space = kind >> 1;
            var hit = false;
            if ((kind & 1) != 0)
                foreach (var r in reads)
                    if (r.Space == space && r.Lo < hi && lo < r.Hi) { hit = true; break; }
            if (!hit)
                foreach (var w in writes)
                    if (w.Space == space && w.Lo < hi && lo < w.Hi) { hit = true; break; }
            if (hit) { ready = at; pred = record; }
        }
        _count = kept;
        return ready > dispatchPs ? ready : 0;
    }

    /// <summary>Names every range's record to the path store (a held releaser).</summary>
    public void MarkHeld(CriticalPath path)
    {
        for (var i = 0; i < _count; i++) path.Mark(_records[i]);
    }
}
