using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Sim.Functional;

/// <summary>
/// What streams of one run share: event counters (cores' <c>ev.sig</c>/<c>ev.wait</c> and channels' <c>sig</c>/<c>wait</c>),
/// barriers, point-to-point NoC messages and open collectives. All start empty for each run (docs/hpim-abi.md).
/// </summary>
internal sealed class FunctionalSync
{
    private readonly SortedDictionary<int, long> _events = [];
    private readonly SortedDictionary<int, (long Arrived, long Generation, long Cores)> _barriers = [];
    private readonly Dictionary<(int From, int To), Queue<byte[]>> _messages = [];
    private readonly Dictionary<(OpSpec Op, uint Mask), Collective> _open = [];

    public void Signal(int ev, long count) => _events[ev] = _events.GetValueOrDefault(ev) + count;

    /// <summary>Takes <paramref name="count"/> from the event counter when it holds that many.</summary>
    public bool TryWait(int ev, long count)
    {
        var have = _events.GetValueOrDefault(ev);
        if (have < count) return false;
        _events[ev] = have - count;
        return true;
    }

    /// <summary>Events left non-zero at the end of a run (a balanced program leaves none).</summary>
    public IEnumerable<(int Event, long Count)> Pending => _events.Where(e => e.Value != 0).Select(e => (e.Key, e.Value));

    /// <summary>Arrives at a barrier; returns the generation to wait past, or null when the counts disagree.</summary>
    public long? Arrive(int id, long cores)
    {
        var b = _barriers.GetValueOrDefault(id, (0, 0, cores));
        if (b.Arrived > 0 && b.Cores != cores) return null;
        var gen = b.Generation;
        b = (b.Arrived + 1, b.Generation, cores);
        if (b.Arrived == cores) b = (0, b.Generation + 1, cores);
        _barriers[id] = b;
        return gen;
    }

    public bool Passed(int id, long generation) => _barriers[id].Generation > generation;

    public void Send(int from, int to, byte[] bytes)
    {
        if (!_messages.TryGetValue((from, to), out var q)) _messages[(from, to)] = q = new Queue<byte[]>();
        q.Enqueue(bytes);
    }

    public byte[]? TryReceive(int from, int to) =>
        _messages.TryGetValue((from, to), out var q) && q.Count > 0 ? q.Dequeue() : null;

    /// <summary>Joins (or opens) the collective of this kind over <paramref name="mask"/>; complete ones are closed.</summary>
    public Collective Join(OpSpec op, uint mask, CollectiveArrival arrival)
    {
        if (!_open.TryGetValue((op, mask), out var c)) _open[(op, mask)] = c = new Collective(op, mask);
        c.Members[arrival.Core] = arrival;
        if (c.Members.Count == System.Numerics.BitOperations.PopCount(mask)) _open.Remove((op, mask));
        return c;
    }
}

/// <summary>One core's part in a collective: where its result goes and a snapshot of what it contributes.</summary>
internal sealed record CollectiveArrival(int Core, int Word, long Dst, byte[] Src, long Size, long RedOp, long Dtype);

/// <summary>An all-gather or all-reduce over the cores of a group mask; complete when every member has arrived.</summary>
internal sealed class Collective(OpSpec spec, uint mask)
{
    /// <summary>The collective's mnemonic (for messages); <see cref="Action"/> says what it computes.</summary>
    public string Op => spec.Mnemonic;
    public OpAction Action => spec.Action;
    public uint Mask { get; } = mask;
    public SortedDictionary<int, CollectiveArrival> Members { get; } = [];
    public bool Complete { get; set; }
    public bool Full => Members.Count == System.Numerics.BitOperations.PopCount(Mask);
}
