namespace Pimcc.Targets.Dram;

/// <summary>
/// The engine's history as seen from a cycle (<see cref="DramTimingEngine"/>), for a controller that memoises the
/// command sequences it derives: two states with the same <see cref="WriteHistory"/> answer every probe at
/// start + d alike (the same start + e, or both illegal) as long as no refresh falls due, so the same controller
/// decisions from the two starts issue the same commands at the same offsets; <see cref="Change"/> records what such
/// a span did to the state and <see cref="Replay"/> applies it at another start without probing.
/// <para>Why the history decides the probes: a probe at now &gt;= start answers the latest of max(now, last issue)
/// and every "slot + latency" its rules read, moved to a clock edge (which depends on the cycle modulo the ticks per
/// clock, so the key holds start's phase). A slot at or before start - <see cref="Horizon"/> (the longest latency of
/// any rule) reaches at most start, so it never sets an answer: such slots are left out, as are commands never
/// issued, and so are the windowed rules' ring entries (in order, oldest first: a push moves the next oldest into
/// the slot the rule reads). The last issue counts only when after start. Legality reads the open rows (and, for an
/// open bank, the command that opened it) and the refresh deadline; the caller keeps refreshes out of the span
/// (<see cref="DramRefreshSchedule.NextDue"/>).</para>
/// </summary>
public sealed partial class DramTimingEngine
{
    /// <summary>The longest latency of any rule: a command older than this before a probe cannot bind it.</summary>
    public long Horizon { get; }

    /// <summary>Longest answer of <see cref="WriteHistory"/>.</summary>
    public int HistoryLength { get; }

    /// <summary>
    /// Writes the history relative to <paramref name="start"/> into <paramref name="key"/> (at most
    /// <see cref="HistoryLength"/> values) and returns how many: the clock phase of start, the last issue after start,
    /// then, as (position, value) pairs, every timing slot and ring entry later than start - <see cref="Horizon"/>
    /// (the others are alike) and each open bank's row and opener. Refresh due times are not in it.
    /// </summary>
    public int WriteHistory(long start, Span<long> key)
    {
        var k = 0;
        key[k++] = start % _ticksPerClock;
        key[k++] = Math.Max(0, _lastIssue - start);
        var expired = start - Horizon;
        var p = 0;
        foreach (var v in _state) k = Pair(key, k, p++, v, expired, start);
        // Each ring some command pushes onto, oldest first (the entry after the head); one no command pushes onto
        // never changes.
        foreach (var push in _ringShapes)
        {
            var head = _ringHead[push.Head];
            for (var j = 1; j <= push.Size; j++) k = Pair(key, k, p++, _ringData[push.Data + (head + j) % push.Size], expired, start);
        }
        for (var b = 0; b < _banks; b++, p++)
        {
            if (_openRow[b] == ClosedRow) continue;
            key[k++] = p;
            key[k++] = _openRow[b];
            key[k++] = _openedBy[b];
        }
        return k;
    }

    // A history cycle as (position, cycle - start) unless it is expired.
    private static int Pair(Span<long> key, int k, int position, long cycle, long expired, long start)
    {
        if (cycle <= expired) return k;
        key[k] = position;
        key[k + 1] = cycle - start;
        return k + 2;
    }

    /// <summary>
    /// The change a span of commands just issued made to this engine, relative to <paramref name="start"/>, for
    /// <see cref="Replay"/>: the last cycle written to every timing slot, the ring pushes in order, the commands
    /// counted and the last issue. Only for a span that starts and ends with every bank precharged and holds no refresh
    /// (the bank state and refresh schedule end as they began); null otherwise.
    /// </summary>
    public DramSpanChange? Change(ReadOnlySpan<(int Command, int Bank, long Cycle)> commands, long start)
    {
        if (!AllBanksClosed) return null;
        var slots = new Dictionary<int, long>();
        var pushes = new List<(int Push, long Cycle)>();
        var counts = new long[_issued.Length];
        var last = long.MinValue;
        foreach (var (command, bank, cycle) in commands)
        {
            if (_effect[command] == DramBankEffect.Refresh) return null;
            var plan = _planOfBank[command * _banks + bank];
            for (var i = _writeStart[plan]; i < _writeStart[plan + 1]; i++) slots[_writes[i]] = cycle - start;
            for (var i = _pushStart[plan]; i < _pushStart[plan + 1]; i++) pushes.Add((i, cycle - start));
            counts[command]++;
            last = cycle - start;
        }
        var order = slots.Keys.Order().ToArray();
        return new DramSpanChange(order, [.. order.Select(k => slots[k])], [.. pushes.Select(p => p.Push)], [.. pushes.Select(p => p.Cycle)],
            [.. counts.Select((n, c) => (c, n)).Where(x => x.n > 0).Select(x => x.c)], [.. counts.Where(n => n > 0)], last);
    }

    /// <summary>
    /// Applies a change recorded by <see cref="Change"/> from a state with the same <see cref="WriteHistory"/>, shifted
    /// to <paramref name="start"/>: the state becomes what issuing the span's commands at the shifted cycles leaves
    /// (the same slots written, the same ring pushes, the bank state untouched as the span leaves it), without probing.
    /// Only for a memo of the caller's own probed sequences: nothing is checked.
    /// </summary>
    public void Replay(DramSpanChange change, long start)
    {
        _probedCommand = -1;
        for (var i = 0; i < change.Slots.Length; i++) _state[change.Slots[i]] = start + change.SlotCycles[i];
        for (var i = 0; i < change.Pushes.Length; i++) Push(_pushes[change.Pushes[i]], start + change.PushCycles[i]);
        for (var i = 0; i < change.Commands.Length; i++) _issued[change.Commands[i]] += change.Counts[i];
        if (change.Counts.Length > 0) _lastIssue = start + change.LastIssue;
    }

    // One push per ring node some command pushes onto (its data, size and head), in ring data order.
    private readonly DramAccessPlans.RingPush[] _ringShapes;

    private static DramAccessPlans.RingPush[] RingShapes(DramAccessPlans p) =>
        [.. p.Pushes.DistinctBy(r => r.Head).OrderBy(r => r.Data)];

    private static long LongestLatency(DramAccessPlans p) => p.Reads.Length == 0 ? 0 : p.Reads.Max(r => (long)r.Latency);
}

/// <summary>A span of commands as the change it makes to a <see cref="DramTimingEngine"/>, cycles relative to its
/// start (<see cref="DramTimingEngine.Change"/>, <see cref="DramTimingEngine.Replay"/>).</summary>
public sealed record DramSpanChange(int[] Slots, long[] SlotCycles, int[] Pushes, long[] PushCycles, int[] Commands, long[] Counts, long LastIssue);
