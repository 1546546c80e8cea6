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

    /// <summary>Handle of a node owned by <see cref="CriticalPath"/>'s counted store (<see cref="CriticalPath.AddCounted"/>), 0 for the others.</summary>
    internal int Handle;
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

    // The counted store: nodes addressed by int handles (1..), so that agents keep handles in plain int slots (no GC
    // write barrier per store) and a node is reused once no counted reference is left. Handle 0 is "no node".
    private PathNode[] _nodes = new PathNode[256];
    private int[] _refs = new int[256];
    private int[] _free = new int[256];
    private int _freeCount, _handles = 1;

    /// <summary>Added to a handle's count when its node escapes: it is never reused.</summary>
    private const int Escaped = 1 << 30;

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
    /// <see cref="Add"/> into the counted store: returns the new node's handle holding one reference (the caller's,
    /// to <see cref="Release"/> once it no longer needs the node). The caller counts every reference it keeps
    /// (<see cref="Hold"/>) and hands the node to anyone who does not count only through <see cref="Escape"/>; a
    /// node without references is reused by a later call, so a run allocates about as many nodes as are alive at
    /// once instead of one per instruction.
    /// </summary>
    public int AddCounted(long startPs, long endPs, PathNode? pred, WorkClass cls, int track, string? name)
    {
        int h;
        if (_freeCount > 0) h = _free[--_freeCount];
        else
        {
            h = _handles++;
            if (h == _nodes.Length)
            {
                Array.Resize(ref _nodes, 2 * h);
                Array.Resize(ref _refs, 2 * h);
            }
            _nodes[h] = new PathNode { Handle = h };
        }
        var n = _nodes[h];
        n.LogIndex = -1;
        _refs[h] = 1;
        Fill(n, startPs, endPs, pred, cls, track, name);
        return h;
    }

    /// <summary>Nodes the counted store has made so far (about the most alive at once, not the records added).</summary>
    public int CountedNodes => _handles - 1;

    /// <summary>The node of a handle from <see cref="AddCounted"/> (null for 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathNode? Node(int handle) => handle == 0 ? null : _nodes[handle];

    /// <summary>Stores <paramref name="handle"/> in <paramref name="slot"/>, counting the reference gained and the one lost.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Hold(ref int slot, int handle)
    {
        if (handle != 0) _refs[handle]++;
        var old = slot;
        slot = handle;
        if (old != 0) Release(old);
    }

    /// <summary>Counts one more reference to <paramref name="handle"/> (kept somewhere <see cref="Hold"/> does not see).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddRef(int handle)
    {
        if (handle != 0) _refs[handle]++;
    }

    /// <summary>Drops one counted reference; the node is reused once none is left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Release(int handle)
    {
        if (--_refs[handle] == 0)
        {
            if (_freeCount == _free.Length) Array.Resize(ref _free, 2 * _freeCount);
            _free[_freeCount++] = handle;
        }
    }

    /// <summary>The node goes where references are not counted (the sync hub, other agents): it is never reused.</summary>
    public PathNode Escape(int handle)
    {
        _refs[handle] += Escaped;
        return _nodes[handle];
    }

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
        // The walk starts from the record that finishes last (the latest added on a tie); a counted node stays
        // unused while it is the last.
        if (_last is null || endPs >= _last.EndPs)
        {
            if (n.Handle != 0) _refs[n.Handle]++;
            var old = _last;
            _last = n;
            if (old is not null && old.Handle != 0) Release(old.Handle);
        }
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
