using System.Runtime.CompilerServices;

namespace Pimcc.Sim;

/// <summary>Picoseconds per <see cref="WorkClass"/>, stored inline (no array per record).</summary>
[InlineArray(CriticalPath.Classes)]
public struct ClassTimes
{
    private double _e;
}

/// <summary>
/// One executed instruction or command (or a fast-path span standing for many) as far as the critical path needs it:
/// when it ran, its class, and <see cref="Before"/>, the attribution of everything on its path before it started
/// (sums to <see cref="StartPs"/>). Agents hold the nodes that may still release later work (register writers, unit
/// owners, in-flight ranges, pending signals); the others are garbage at once, so memory does not grow with the run.
/// </summary>
public sealed class PathNode
{
    public long StartPs, EndPs;
    public WorkClass Class;
    public ClassTimes Before;
    /// <summary>Index in the kept <see cref="ActivityLog"/> (traces), -1 when no log is kept.</summary>
    public int LogIndex = -1;

    /// <summary>Handle of a node owned by <see cref="CriticalPath"/>'s counted store (<see cref="CriticalPath.AddCounted"/>), 0 for the others.</summary>
    public int Handle;
}

/// <summary>Holder of <see cref="CriticalPath"/> handles (see <see cref="CriticalPath.AddCounted"/>).</summary>
public interface IPathRoots
{
    /// <summary>Calls <see cref="CriticalPath.Mark"/> for every handle it may still use.</summary>
    void MarkHeld(CriticalPath path);
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
public sealed class CriticalPath
{
    /// <summary>Number of <see cref="WorkClass"/> values (checked against the enum at start-up).</summary>
    public const int Classes = 7;

    private readonly ActivityLog? _log;
    private readonly bool _reuse;
    private PathNode? _last;

    // The counted store: nodes addressed by int handles (1..), so that agents keep handles in plain int slots (no GC
    // write barrier, no reference counting per store). When it runs out of free nodes it asks its agents which
    // handles they hold (IPathRoots) and reuses every other node that has not escaped. Handle 0 is "no node".
    private PathNode[] _nodes = new PathNode[256];
    private bool[] _escaped = new bool[256];
    private bool[] _marks = new bool[256];
    private int[] _free = new int[256];
    private int _freeCount, _handles = 1, _sweepAt = MinSweep, _marked;
    private readonly List<IPathRoots> _roots = [];

    /// <summary>Nodes made before the first look for free ones.</summary>
    private const int MinSweep = 1024;

    static CriticalPath()
    {
        if (WorkClasses.Count != Classes) throw new InvalidOperationException($"CriticalPath.Classes is {Classes} but WorkClass has {WorkClasses.Count} values");
    }

    /// <param name="log">When given, every record is also appended to it (for traces).</param>
    /// <param name="reuse">Whether <see cref="Extend"/> writes over the releaser's node (false: a new node per record, the reference tests compare with).</param>
    public CriticalPath(ActivityLog? log, bool reuse = true) => (_log, _reuse) = (log, reuse);

    /// <summary>Records stepped through (instructions, commands, fast-path spans).</summary>
    public long Count { get; private set; }

    public bool KeepsLog => _log is not null;

    /// <summary>Adds a record released by <paramref name="pred"/> (null: released by nothing, i.e. the program start).</summary>
    public PathNode Add(long startPs, long endPs, PathNode? pred, WorkClass cls, int track, string? name) =>
        Fill(new PathNode(), startPs, endPs, pred, cls, track, name);

    /// <summary>
    /// <see cref="Add"/> into the counted store; returns the new node's handle. The node stays valid while a handle
    /// to it is held by an agent registered with <see cref="AddRoots"/> (or it is the last record); it is handed to
    /// anyone else (the sync hub, other agents) only through <see cref="Escape"/>. A node no one holds is reused by a
    /// later call, so a run makes about as many nodes as are alive at once instead of one per instruction. A handle
    /// that is only in a local variable stays valid until the next call.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public int AddCounted(long startPs, long endPs, PathNode? pred, WorkClass cls, int track, string? name)
    {
        if (_freeCount == 0 && _handles > _sweepAt) Sweep();
        int h;
        if (_freeCount > 0) h = _free[--_freeCount];
        else
        {
            h = _handles++;
            if (h == _nodes.Length)
            {
                Array.Resize(ref _nodes, 2 * h);
                Array.Resize(ref _escaped, 2 * h);
                Array.Resize(ref _marks, 2 * h);
            }
            _nodes[h] = new PathNode { Handle = h };
        }
        var n = _nodes[h];
        n.LogIndex = -1;
        Fill(n, startPs, endPs, pred, cls, track, name);
        return h;
    }

    /// <summary>Nodes the counted store has made so far (about the most alive at once, not the records added).</summary>
    public int CountedNodes => _handles - 1;

    /// <summary>The node of a handle from <see cref="AddCounted"/> (null for 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PathNode? Node(int handle) => handle == 0 ? null : _nodes[handle];

    /// <summary>Registers an agent whose held handles keep their nodes from reuse.</summary>
    public void AddRoots(IPathRoots roots) => _roots.Add(roots);

    /// <summary>Called back from <see cref="IPathRoots.MarkHeld"/>: <paramref name="handle"/> (0 = none) is still held.</summary>
    public void Mark(int handle)
    {
        _marks[handle] = true;
        _marked++;
    }

    /// <summary>The node goes where handles are not tracked (the sync hub, other agents): it is never reused.</summary>
    public PathNode Escape(int handle)
    {
        _escaped[handle] = true;
        return _nodes[handle];
    }

    /// <summary>Frees every node that no registered agent holds, has not escaped and is not the last record.</summary>
    private void Sweep()
    {
        Array.Clear(_marks, 0, _handles);
        _marked = 0;
        foreach (var r in _roots) r.MarkHeld(this);
        if (_last is { Handle: > 0 } last) _marks[last.Handle] = true;
        if (_free.Length < _handles) _free = new int[_nodes.Length];
        // Highest first, so that the lowest handles are reused first (any order gives the same figures).
        for (var h = _handles - 1; h >= 1; h--)
            if (!_marks[h] && !_escaped[h]) _free[_freeCount++] = h;
        // Make at least as many nodes before the next look as this one cost (slots asked + nodes scanned), so that
        // looking stays a small constant per record however many slots the agents have.
        var live = _handles - 1 - _freeCount;
        _sweepAt = Math.Max(MinSweep, 2 * live + 2 * _marked);
    }

    /// <summary>
    /// <see cref="AddCounted"/> of a record released by the node of <paramref name="handle"/>, written over that node
    /// when the caller knows no one will use it as a releaser again (every slot that holds the handle is overwritten
    /// by the new record or can no longer be read): the same figures and log as a new node, without taking a node,
    /// copying the class times or bringing the next look for free nodes closer. A node that escaped, or is the last
    /// record while the new one ends earlier, is kept: the record then goes to a new node. Returns the record's handle.
    /// </summary>
    public int Extend(int handle, long startPs, long endPs, WorkClass cls, int track, string? name)
    {
        var n = _nodes[handle];
        if (!_reuse || _escaped[handle] || (n == _last && endPs < n.EndPs)) return AddCounted(startPs, endPs, n, cls, track, name);
        Fill(n, startPs, endPs, n, cls, track, name);
        return handle;
    }

    /// <summary>Writes the record into <paramref name="n"/>, which may be <paramref name="pred"/> itself (<see cref="Extend"/>): the releaser is read before anything is written.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private PathNode Fill(PathNode n, long startPs, long endPs, PathNode? pred, WorkClass cls, int track, string? name)
    {
        long start = startPs, end = endPs;
        var predLog = -1;
        if (pred is null)
        {
            n.Before = default;
            n.Before[(int)WorkClass.Other] = Math.Max(0, startPs);
        }
        else
        {
            long predStart = pred.StartPs, predEnd = pred.EndPs;
            var predClass = pred.Class;
            predLog = pred.LogIndex;
            if (start < predStart)
            {
                start = predStart;
                if (end < start) end = start;
            }
            // The releaser owns [its start, min(our start, its end)); a gap after its end is our waiting time. The sums
            // read the releaser's times, not the copy just stored (a narrow load from a wide store stalls the core).
            var owned = pred.Before[(int)predClass] + (Math.Min(start, predEnd) - predStart);
            var waited = start > predEnd ? (cls == predClass ? owned : pred.Before[(int)cls]) + (start - predEnd) : 0;
            if (n != pred) n.Before = pred.Before;
            n.Before[(int)predClass] = owned;
            if (start > predEnd) n.Before[(int)cls] = waited;
        }
        n.StartPs = start;
        n.EndPs = end;
        n.Class = cls;
        if (_log is not null)
            n.LogIndex = _log.Add(new ActivityRecord(startPs, endPs, predLog, track, cls, name ?? ""));
        // The walk starts from the record that finishes last (the latest added on a tie); a counted node is not
        // reused while it is the last.
        if (_last is null || endPs >= _last.EndPs) _last = n;
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
