using System.Runtime.CompilerServices;

namespace Pimcc.Sim;

/// <summary>Picoseconds per <see cref="WorkClass"/>, stored inline (no array per record).</summary>
[InlineArray(CriticalPath.Classes)]
internal struct ClassTimes
{
    private double _e;
}

/// <summary>
/// One executed instruction or command (or a fast-path span standing for many) as far as the critical path needs it:
/// when it ran, its class, and <see cref="Before"/>, the attribution of everything on its path before it started
/// (sums to <see cref="StartPs"/>). Agents hold the nodes that may still release later work (register writers, unit
/// owners, in-flight ranges, pending signals); the others are garbage at once, so memory does not grow with the run.
/// </summary>
internal sealed class PathNode
{
    public long StartPs, EndPs;
    public WorkClass Class;
    public ClassTimes Before;
    /// <summary>Index in the kept <see cref="ActivityLog"/> (traces), -1 when no log is kept.</summary>
    public int LogIndex = -1;

    /// <summary>
    /// References counted by <see cref="CriticalPath.Hold"/>; a <see cref="Recyclable"/> node whose count drops to 0
    /// goes back to its path's free list. Meaningless for the other nodes.
    /// </summary>
    internal int Refs;

    /// <summary>
    /// Made by <see cref="CriticalPath.AddRecyclable"/> and not yet handed to a holder that does not count (see
    /// <see cref="CriticalPath.Escape"/>).
    /// </summary>
    internal bool Recyclable;

    internal PathNode? NextFree;
}

/// <summary>
/// Streaming critical path of one program run. The path is the chain of "released by" links back from the record
/// that finishes last; walking it back, each record owns the time from its start to where its successor on the path
/// started (or its own end), and a gap before a successor's start is the successor's waiting time. Instead of
/// logging every record and walking back at the end, each record carries that walk's result for the path before it
/// (<see cref="PathNode.Before"/>), computed from its releaser when it is created: same figures, constant memory.
/// <para>A record is assumed to start no earlier than its releaser (the agents keep that true: the dispatch slot is
/// released by the last instruction that started at its dispatch time). Should one start earlier (a clock-domain
/// rounding of a few ps), it is attributed as starting with its releaser, so the parts still sum to the makespan.</para>
/// </summary>
internal sealed class CriticalPath
{
    /// <summary>Number of <see cref="WorkClass"/> values (checked against the enum at start-up).</summary>
    public const int Classes = 7;

    private readonly ActivityLog? _log;
    private PathNode? _last;
    private PathNode? _free;

    static CriticalPath()
    {
        if (WorkClasses.Count != Classes) throw new InvalidOperationException($"CriticalPath.Classes is {Classes} but WorkClass has {WorkClasses.Count} values");
    }

    /// <param name="log">When given, every record is also appended to it (for traces).</param>
    public CriticalPath(ActivityLog? log) => _log = log;

    /// <summary>Records stepped through (instructions, commands, fast-path spans).</summary>
    public long Count { get; private set; }

    public bool KeepsLog => _log is not null;

    /// <summary>Adds a record released by <paramref name="pred"/> (null: released by nothing, i.e. the program start).</summary>
    public PathNode Add(long startPs, long endPs, PathNode? pred, WorkClass cls, int track, string? name) =>
        Fill(new PathNode(), startPs, endPs, pred, cls, track, name);

    /// <summary>
    /// <see cref="Add"/> for a caller that counts every reference it keeps to the node (<see cref="Hold"/>) and
    /// calls <see cref="Escape"/> before handing it to anyone who does not: once no counted reference is left the
    /// node is reused by a later call, so a run allocates about as many nodes as are alive at once instead of one
    /// per instruction.
    /// </summary>
    public PathNode AddRecyclable(long startPs, long endPs, PathNode? pred, WorkClass cls, int track, string? name)
    {
        var n = _free;
        if (n is null) n = new PathNode { Recyclable = true };
        else
        {
            _free = n.NextFree;
            n.NextFree = null;
            n.LogIndex = -1;
        }
        return Fill(n, startPs, endPs, pred, cls, track, name);
    }

    /// <summary>Stores <paramref name="node"/> in <paramref name="slot"/>, counting the reference gained and the one lost.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Hold(ref PathNode? slot, PathNode? node)
    {
        if (node is not null) node.Refs++;
        var old = slot;
        slot = node;
        if (old is not null) Release(old);
    }

    /// <summary>Drops one counted reference to <paramref name="node"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Release(PathNode node)
    {
        if (--node.Refs == 0 && node.Recyclable)
        {
            node.NextFree = _free;
            _free = node;
        }
    }

    /// <summary>The node goes where references are not counted (the sync hub, other agents): it is never reused.</summary>
    public static void Escape(PathNode node) => node.Recyclable = false;

    private PathNode Fill(PathNode n, long startPs, long endPs, PathNode? pred, WorkClass cls, int track, string? name)
    {
        n.StartPs = startPs;
        n.EndPs = endPs;
        n.Class = cls;
        if (pred is null)
        {
            n.Before = default;
            n.Before[(int)WorkClass.Other] = Math.Max(0, startPs);
        }
        else
        {
            if (startPs < pred.StartPs)
            {
                n.StartPs = pred.StartPs;
                if (n.EndPs < n.StartPs) n.EndPs = n.StartPs;
            }
            // The releaser owns [its start, min(our start, its end)); a gap after its end is our waiting time.
            n.Before = pred.Before;
            var t = n.StartPs;
            n.Before[(int)pred.Class] += Math.Min(t, pred.EndPs) - pred.StartPs;
            if (t > pred.EndPs) n.Before[(int)cls] += t - pred.EndPs;
        }
        if (_log is not null)
            n.LogIndex = _log.Add(new ActivityRecord(startPs, endPs, pred?.LogIndex ?? -1, track, cls, name ?? ""));
        // The walk starts from the record that finishes last (the latest added on a tie).
        if (_last is null || endPs >= _last.EndPs) Hold(ref _last, n);
        Count++;
        return n;
    }

    /// <summary>
    /// The run's makespan attributed to classes along the critical path (sums to <paramref name="makespanPs"/>, or to
    /// the last record's end if that is later); time after the last record and before the first is
    /// <see cref="WorkClass.Other"/>.
    /// </summary>
    public double[] ByClass(long makespanPs)
    {
        var result = new double[Classes];
        if (_last is null) return result;
        var last = _last;
        for (var c = 0; c < Classes; c++) result[c] = last.Before[c];
        result[(int)last.Class] += last.EndPs - last.StartPs;
        result[(int)WorkClass.Other] += Math.Max(0, makespanPs - last.EndPs);
        return result;
    }
}
