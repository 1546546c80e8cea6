namespace Pimcc.Sim;

/// <summary>
/// One executed instruction or command (or a fast-path span standing for many): when it ran, on which track,
/// its class and name, and the record whose completion released it (<see cref="Pred"/>, -1 for none). The
/// critical path is the chain of <see cref="Pred"/> links back from the last record to finish.
/// </summary>
public readonly record struct ActivityRecord(long StartPs, long EndPs, int Pred, int Track, WorkClass Class, string Name);

/// <summary>Append-only log of <see cref="ActivityRecord"/>s of one program run.</summary>
public sealed class ActivityLog
{
    private ActivityRecord[] _items = new ActivityRecord[1024];

    public int Count { get; private set; }

    public ActivityRecord this[int i] => _items[i];

    public int Add(in ActivityRecord r)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count] = r;
        return Count++;
    }

    /// <summary>
    /// Attributes the run's makespan to classes along the critical path: walking back from the record that
    /// finishes last, each record owns the time from its start to where its successor on the path started
    /// (or its own end). The parts sum to the makespan (the root's start is attributed to <see cref="WorkClass.Other"/>).
    /// </summary>
    public double[] CriticalPathByClass(long endPs)
    {
        var result = new double[WorkClasses.Count];
        if (Count == 0) return result;
        var last = 0;
        for (var i = 1; i < Count; i++)
            if (_items[i].EndPs >= _items[last].EndPs) last = i;
        long t = Math.Max(endPs, _items[last].EndPs);
        result[(int)WorkClass.Other] += t - _items[last].EndPs;
        t = _items[last].EndPs;
        var cur = last;
        var guard = Count + 1;
        while (cur >= 0 && guard-- > 0)
        {
            var r = _items[cur];
            var upTo = Math.Min(t, r.EndPs);
            if (upTo > r.StartPs) result[(int)r.Class] += upTo - r.StartPs;
            t = Math.Min(t, r.StartPs);
            // Pred always refers to an earlier record, so the walk terminates.
            cur = r.Pred < cur ? r.Pred : -1;
        }
        result[(int)WorkClass.Other] += Math.Max(0, t);
        return result;
    }
}
