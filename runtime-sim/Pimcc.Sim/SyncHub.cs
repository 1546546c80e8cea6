namespace Pimcc.Sim;

/// <summary>A stream that the scheduler resumes (a core's instruction stream, a memory channel's command stream).</summary>
public interface IAgent
{
    string Name { get; }
    bool Done { get; }
    /// <summary>What the agent is blocked on (for deadlock reports), or null when not blocked.</summary>
    string? BlockedOn { get; }
    /// <summary>Continue at <paramref name="nowPs"/>; <paramref name="releasedBy"/> is the record that unblocked it (null if none).</summary>
    void Resume(long nowPs, PathNode? releasedBy);
}

/// <summary>
/// Discrete-event core: a time-ordered queue of posts (event signals, NoC messages) and agent wake-ups, plus
/// the shared synchronisation state (event counters, barriers, NoC mailboxes, collectives). Agents run ahead on
/// their own clocks and only come here at interaction points; posts at a time are applied before wake-ups at the
/// same time, and ties break by insertion order, so runs are deterministic.
/// </summary>
public sealed class SyncHub
{
    private enum Kind { Post = 0, Message = 1, Wake = 2 }

    private readonly record struct Pending(Kind Kind, IAgent? Agent, int Key, long Amount, PathNode? Record, long Aux);

    private readonly PriorityQueue<Pending, (long Time, int Kind, long Seq)> _queue = new();
    private long _seq;
    private readonly Dictionary<int, long> _counters = [];
    private readonly Dictionary<int, List<(IAgent Agent, long Count)>> _eventWaiters = [];
    private readonly Dictionary<int, List<IAgent>> _barrierWaiters = [];
    private readonly Dictionary<int, (Queue<(long ArrivalPs, PathNode? Record)> Messages, IAgent? Waiter)> _mailboxes = [];
    private readonly Dictionary<(int Kind, long Mask), (List<IAgent> Waiters, int Arrived)> _collectives = [];
    private readonly Dictionary<IAgent, (long ArrivalPs, PathNode? Record)> _received = [];

    public long Now { get; private set; }

    public void Wake(IAgent agent, long timePs, PathNode? record) => Enqueue(timePs, new Pending(Kind.Wake, agent, 0, 0, record, 0));

    /// <summary>Adds <paramref name="count"/> to event counter <paramref name="ev"/> at <paramref name="timePs"/>.</summary>
    public void Signal(int ev, long count, long timePs, PathNode? record) => Enqueue(timePs, new Pending(Kind.Post, null, ev, count, record, 0));

    /// <summary>Takes <paramref name="count"/> from the counter now if it holds that much; otherwise queues the agent.</summary>
    public bool TryWait(int ev, long count, IAgent agent)
    {
        var have = _counters.GetValueOrDefault(ev);
        var waiters = _eventWaiters.GetValueOrDefault(ev);
        if ((waiters is null || waiters.Count == 0) && have >= count)
        {
            _counters[ev] = have - count;
            return true;
        }
        if (waiters is null) _eventWaiters[ev] = waiters = [];
        waiters.Add((agent, count));
        return false;
    }

    public long Counter(int ev) => _counters.GetValueOrDefault(ev);

    /// <summary>Every event counter that was touched, with its count now (<see cref="EventBalance"/> at a run's end).</summary>
    public IEnumerable<(long Event, long Count)> Counters => _counters.Select(c => ((long)c.Key, c.Value));

    /// <summary>Arrives at a barrier of <paramref name="cores"/> participants; true when this arrival releases it.</summary>
    public bool ArriveBarrier(int barrier, int cores, IAgent agent, PathNode? record)
    {
        if (!_barrierWaiters.TryGetValue(barrier, out var waiting)) _barrierWaiters[barrier] = waiting = [];
        if (waiting.Count + 1 >= cores)
        {
            foreach (var a in waiting) Wake(a, Now, record);
            waiting.Clear();
            return true;
        }
        waiting.Add(agent);
        return false;
    }

    /// <summary>Posts a NoC message from <paramref name="src"/> to <paramref name="dst"/> sent at <paramref name="sentPs"/>.</summary>
    public void Send(int src, int dst, long sentPs, long arrivalPs, PathNode? record) =>
        Enqueue(sentPs, new Pending(Kind.Message, null, src << 16 | dst, 0, record, arrivalPs));

    /// <summary>A message from src to dst if one was sent by now; otherwise registers the receiver.</summary>
    public (long ArrivalPs, PathNode? Record)? TryReceive(int src, int dst, IAgent agent)
    {
        var box = Mailbox(src << 16 | dst);
        if (box.Messages.Count > 0) return box.Messages.Dequeue();
        _mailboxes[src << 16 | dst] = (box.Messages, agent);
        return null;
    }

    /// <summary>The message that woke a blocked receiver.</summary>
    public (long ArrivalPs, PathNode? Record) TakeReceived(IAgent agent)
    {
        var m = _received[agent];
        _received.Remove(agent);
        return m;
    }

    /// <summary>Joins a collective over the cores in <paramref name="mask"/>; true when this member completes it.</summary>
    public bool JoinCollective(int kind, long mask, int members, IAgent agent, PathNode? record)
    {
        var key = (kind, mask);
        var (waiters, arrived) = _collectives.GetValueOrDefault(key, ([], 0));
        arrived++;
        if (arrived >= members)
        {
            foreach (var a in waiters) Wake(a, Now, record);
            _collectives.Remove(key);
            return true;
        }
        waiters.Add(agent);
        _collectives[key] = (waiters, arrived);
        return false;
    }

    /// <summary>Runs the queue until it is empty.</summary>
    public void Run()
    {
        while (_queue.TryDequeue(out var p, out var prio))
        {
            Now = prio.Time;
            switch (p.Kind)
            {
                case Kind.Wake:
                    p.Agent!.Resume(prio.Time, p.Record);
                    break;
                case Kind.Post:
                    ApplySignal(p.Key, p.Amount, p.Record);
                    break;
                case Kind.Message:
                    var box = Mailbox(p.Key);
                    if (box.Waiter is { } w)
                    {
                        _received[w] = (p.Aux, p.Record);
                        _mailboxes[p.Key] = (box.Messages, null);
                        Wake(w, prio.Time, p.Record);
                    }
                    else box.Messages.Enqueue((p.Aux, p.Record));
                    break;
            }
        }
    }

    private void ApplySignal(int ev, long amount, PathNode? record)
    {
        var have = _counters.GetValueOrDefault(ev) + amount;
        if (_eventWaiters.TryGetValue(ev, out var waiters))
        {
            // Strict FIFO: the oldest waiter is served first, later ones wait behind it.
            var served = 0;
            while (served < waiters.Count && waiters[served].Count <= have)
            {
                have -= waiters[served].Count;
                Wake(waiters[served].Agent, Now, record);
                served++;
            }
            waiters.RemoveRange(0, served);
        }
        _counters[ev] = have;
    }

    private (Queue<(long ArrivalPs, PathNode? Record)> Messages, IAgent? Waiter) Mailbox(int key)
    {
        if (!_mailboxes.TryGetValue(key, out var box)) _mailboxes[key] = box = (new Queue<(long, PathNode?)>(), null);
        return box;
    }

    private void Enqueue(long timePs, Pending p)
    {
        if (timePs < Now) timePs = Now;
        _queue.Enqueue(p, (timePs, (int)p.Kind, _seq++));
    }
}
