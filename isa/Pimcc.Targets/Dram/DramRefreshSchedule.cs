namespace Pimcc.Targets.Dram;

/// <summary>
/// When each refresh node of a channel owes its refreshes: one falls due every tREFI from cycle tREFI on; a refresh
/// issued pays the oldest one owed (JEDEC's average-interval rule, so postponing does not shift the schedule); up to
/// MaxPostponed may be owed before other commands become illegal. Due times run in real time; the engine's bank
/// history runs in its own time, behind real time by the cycles its caller timed in closed form
/// (<see cref="SkippedCycles"/>). Every method takes and returns engine cycles.
/// </summary>
public sealed class DramRefreshSchedule
{
    private readonly DramRefresh _spec;
    private readonly long[] _due;   // per node, real time
    private long _earliest;         // min of _due

    public DramRefreshSchedule(DramRefresh spec, int nodes)
    {
        _spec = spec;
        _due = Enumerable.Repeat((long)spec.IntervalNck, nodes).ToArray();
        _earliest = spec.IntervalNck;
    }

    /// <summary>Cycles timed in closed form by the engine's caller: real time = engine time + this.</summary>
    public long SkippedCycles { get; private set; }

    public int Nodes => _due.Length;

    /// <summary>Engine cycle at which the node's next refresh falls due.</summary>
    public long Due(int node) => _due[node] - SkippedCycles;

    /// <summary>Last engine cycle at which commands other than refresh stay legal on the node (refreshes postponed to the limit).</summary>
    public long Deadline(int node) => Due(node) + (long)_spec.IntervalNck * _spec.MaxPostponed;

    /// <summary>True when the node owes a refresh at engine cycle <paramref name="now"/>.</summary>
    public bool IsDue(int node, long now) => now + SkippedCycles >= _due[node];

    /// <summary>True when some node owes a refresh at engine cycle <paramref name="now"/>.</summary>
    public bool AnyDue(long now) => now + SkippedCycles >= _earliest;

    /// <summary>Engine cycle of the earliest refresh due on any node.</summary>
    public long NextDue() => _earliest - SkippedCycles;

    private void Changed()
    {
        _earliest = long.MaxValue;
        foreach (var d in _due) _earliest = Math.Min(_earliest, d);
    }

    /// <summary>Refreshes due on any node before engine cycle <paramref name="cycle"/>, counted without taking them.</summary>
    public long DueBefore(long cycle)
    {
        var real = cycle + SkippedCycles;
        long n = 0;
        foreach (var d in _due)
            if (d < real) n += (real - d + _spec.IntervalNck - 1) / _spec.IntervalNck;
        return n;
    }

    /// <summary>Takes every refresh due before <paramref name="cycle"/> as done (the caller times them in closed form); returns how many.</summary>
    public long SkipDueBefore(long cycle)
    {
        var n = DueBefore(cycle);
        var real = cycle + SkippedCycles;
        for (var q = 0; q < _due.Length; q++)
            while (_due[q] < real) _due[q] += _spec.IntervalNck;
        Changed();
        return n;
    }

    /// <summary>The caller timed <paramref name="cycles"/> in closed form: real time moves on, the engine's history does not.</summary>
    public void Skip(long cycles) => SkippedCycles += cycles;

    /// <summary>Makes this schedule that of <paramref name="other"/> (same refresh and nodes): due times and cycles skipped.</summary>
    internal void CopyFrom(DramRefreshSchedule other)
    {
        other._due.CopyTo(_due, 0);
        _earliest = other._earliest;
        SkippedCycles = other.SkippedCycles;
    }

    /// <summary>A refresh was issued on the node: it pays the oldest one owed.</summary>
    internal void Refreshed(int node)
    {
        _due[node] += _spec.IntervalNck;
        Changed();
    }

    /// <summary>
    /// Refreshes of nodes with no open bank that fall due at or after <paramref name="from"/> and complete (tRFC) by
    /// <paramref name="to"/>: done in the background while the channel idles. Returns how many.
    /// </summary>
    internal long InBackground(long from, long to, ReadOnlySpan<int> openBanks)
    {
        long n = 0;
        for (var q = 0; q < _due.Length; q++)
        {
            if (openBanks[q] > 0) continue;
            while (_due[q] >= from + SkippedCycles && _due[q] + _spec.DurationNck <= to + SkippedCycles)
            {
                n++;
                _due[q] += _spec.IntervalNck;
            }
        }
        Changed();
        return n;
    }
}

/// <summary>
/// Told of each command the engine's refresh controller issues (for statistics and energy): the refreshes, and under
/// <see cref="DramRefreshPolicy.InterruptOpenRows"/> the precharge before them and the activates that reopen the rows.
/// </summary>
public interface IDramRefreshListener
{
    void Issued(int command, int node, DramAddress address, long cycle);
}
