namespace Pimcc.Sim;

/// <summary>
/// One executed instruction or command (or a fast-path span standing for many): when it ran, on which track,
/// its class and name, and the record whose completion released it (<see cref="Pred"/>, -1 for none).
/// </summary>
public readonly record struct ActivityRecord(long StartPs, long EndPs, int Pred, int Track, WorkClass Class, string Name);

/// <summary>
/// Append-only log of <see cref="ActivityRecord"/>s of one program run, kept only for traces
/// (a simulator's option to keep activity): it grows with the run. The critical path is computed while simulating
/// (<see cref="CriticalPath"/>), so runs without a trace need no log.
/// </summary>
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
}
