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
    /// (or its own end); a gap before a successor's start is the successor's waiting time. The parts sum to the
    /// makespan (time before the root is attributed to <see cref="WorkClass.Other"/>).
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
        var waiting = WorkClass.Other;
        while (cur >= 0)
        {
            var r = _items[cur];
            // A gap between a record's end and its successor's start is time the successor spent waiting.
            if (t > r.EndPs) { result[(int)waiting] += t - r.EndPs; t = r.EndPs; }
            if (t > r.StartPs) { result[(int)r.Class] += t - r.StartPs; t = r.StartPs; }
            waiting = r.Class;
            // Pred always refers to an earlier record, so the walk terminates.
            cur = r.Pred < cur ? r.Pred : -1;
        }
        result[(int)WorkClass.Other] += Math.Max(0, t);
        return result;
    }
}
