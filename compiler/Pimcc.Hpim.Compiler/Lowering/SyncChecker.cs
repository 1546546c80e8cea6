using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Checks one program (an entry point of every stream) for synchronisation errors without timing: it runs every
/// core's control flow (scalar registers, branches and loops; data-path instructions are skipped) and every
/// channel's <c>rep</c> structure to get each stream's sequence of <c>ev.sig</c>/<c>sig</c>, <c>ev.wait</c>/<c>wait</c>
/// and <c>bar</c>, then plays them against shared event counters and barriers. A program is accepted when every
/// stream runs to its end (cores to <c>halt</c>), no stream stays blocked (deadlock), and every event ends at 0
/// (signalled exactly as often as waited for). Failures are <see cref="SyncError"/>s naming the streams.
/// </summary>
public static class SyncChecker
{
    /// <summary>One synchronisation step of a stream: <see cref="OpAction.EventSignal"/>, <see cref="OpAction.EventWait"/> or <see cref="OpAction.Barrier"/>.</summary>
    public readonly record struct SyncOp(OpAction Kind, int Id, int Count);

    public sealed record Report(long SyncOps, IReadOnlyDictionary<int, long> SignalledPerEvent);

    /// <summary>
    /// Runs the program <paramref name="entry"/> of <paramref name="bin"/> with the ABI registers
    /// (<see cref="HpimAbi"/>: prompt, step, kv, token) and checks it.
    /// </summary>
    public static Report Check(PimBinary bin, string entry, long kv, long prompt, long step = 0, long token = 0, long maxSteps = 200_000_000)
    {
        // Core traces are independent (each core's own registers and stream): run them on all processors (OPT-30B's
        // prefill is ~150M scalar instructions over 32 cores), then report the first failure in core order.
        var cores = bin.Cores.OrderBy(c => c.Core).ToArray();
        var results = new (List<SyncOp>? Trace, SyncError? Error)[cores.Length];
        Parallel.For(0, cores.Length, i =>
        {
            try { results[i] = (CoreTrace(cores[i], entry, kv, prompt, step, token, maxSteps), null); }
            catch (SyncError e) { results[i] = (null, e); }
        });
        var traces = new List<(string Name, List<SyncOp> Ops)>();
        for (var i = 0; i < cores.Length; i++)
            traces.Add(($"core{cores[i].Core}", results[i].Trace ?? throw results[i].Error!));
        var channels = bin.Channels.OrderBy(c => c.Channel).ToArray();
        var channelResults = new (List<SyncOp>? Trace, SyncError? Error)[channels.Length];
        Parallel.For(0, channels.Length, i =>
        {
            try { channelResults[i] = (ChannelTrace(channels[i], entry), null); }
            catch (SyncError e) { channelResults[i] = (null, e); }
        });
        for (var i = 0; i < channels.Length; i++)
            traces.Add(($"channel{channels[i].Channel}", channelResults[i].Trace ?? throw channelResults[i].Error!));
        return Play(traces);
    }

    /// <summary>Plays the traces against shared counters; round-robin until everyone finished or nobody can move.</summary>
    public static Report Play(IReadOnlyList<(string Name, List<SyncOp> Ops)> traces)
    {
        var counters = new SortedDictionary<int, long>();
        var signalled = new SortedDictionary<int, long>();
        var arrived = new SortedDictionary<int, List<int>>();
        var pc = new int[traces.Count];
        var atBarrier = new bool[traces.Count];
        long steps = 0;
        bool progress;
        do
        {
            progress = false;
            for (var s = 0; s < traces.Count; s++)
            {
                var ops = traces[s].Ops;
                while (pc[s] < ops.Count)
                {
                    var op = ops[pc[s]];
                    if (op.Kind == OpAction.EventSignal)
                    {
                        counters[op.Id] = counters.GetValueOrDefault(op.Id) + op.Count;
                        signalled[op.Id] = signalled.GetValueOrDefault(op.Id) + op.Count;
                    }
                    else if (op.Kind == OpAction.EventWait)
                    {
                        if (counters.GetValueOrDefault(op.Id) < op.Count) break;
                        counters[op.Id] -= op.Count;
                    }
                    else
                    {
                        if (!atBarrier[s])
                        {
                            atBarrier[s] = true;
                            if (!arrived.TryGetValue(op.Id, out var list)) arrived[op.Id] = list = [];
                            list.Add(s);
                            if (list.Count == op.Count)
                            {
                                foreach (var x in list) { atBarrier[x] = false; pc[x]++; }
                                arrived.Remove(op.Id);
                                progress = true;
                            }
                            else if (list.Count > op.Count)
                                throw new SyncError($"barrier {op.Id}: {list.Count} streams arrived, it releases {op.Count}");
                        }
                        break;
                    }
                    pc[s]++;
                    steps++;
                    progress = true;
                }
            }
        } while (progress);
        var blocked = Enumerable.Range(0, traces.Count).Where(s => pc[s] < traces[s].Ops.Count)
            .Select(s => $"{traces[s].Name} at {Describe(traces[s].Ops[pc[s]])}").ToList();
        if (blocked.Count > 0)
            throw new SyncError($"deadlock: {blocked.Count} stream(s) blocked: {string.Join("; ", blocked.Take(8))}{(blocked.Count > 8 ? "; ..." : "")}");
        var left = counters.Where(kv => kv.Value != 0).Select(kv => $"event {kv.Key} = {kv.Value}").ToList();
        if (left.Count > 0)
            throw new SyncError($"events signalled more often than waited for: {string.Join(", ", left.Take(8))}");
        return new Report(steps, signalled);
    }

    private static string Describe(SyncOp op) => op.Kind switch
    {
        OpAction.Barrier => $"bar {op.Id} (needs {op.Count})",
        OpAction.EventSignal => $"sig event {op.Id} (needs {op.Count})",
        _ => $"wait event {op.Id} (needs {op.Count})",
    };

    /// <summary>Executes a core's control flow from the entry; returns its synchronisation steps.</summary>
    public static List<SyncOp> CoreTrace(CoreStream core, string entry, long kv, long prompt, long step, long token, long maxSteps)
    {
        var ops = core.Instructions;
        var start = core.Entries.Count == 0 ? 0 : core.EntryWord(entry) ?? throw new SyncError($"core{core.Core} has no entry '{entry}'");
        // Decode once into flat arrays: the interpreter runs millions of steps on large models.
        var kind = new OpAction[ops.Count];
        var function = new Arithmetic[ops.Count];
        var a = new int[ops.Count];
        var b = new int[ops.Count];
        var c = new int[ops.Count];
        var otherEntry = new bool[ops.Count];
        for (var i = 0; i < ops.Count; i++)
        {
            kind[i] = ops[i].Spec.Action;
            function[i] = ops[i].Spec.Function;
            var o = ops[i].Operands;
            if (o.Count > 0) a[i] = (int)o[0];
            if (o.Count > 1) b[i] = (int)o[1];
            if (o.Count > 2) c[i] = (int)o[2];
        }
        foreach (var e in core.Entries)
            if (e.Name != entry && e.Word < ops.Count && e.Word != start) otherEntry[e.Word] = true;
        var r = new uint[32];
        r[HpimAbi.Token] = (uint)token; r[HpimAbi.Prompt] = (uint)prompt; r[HpimAbi.Step] = (uint)step; r[HpimAbi.Kv] = (uint)kv;
        var trace = new List<SyncOp>();
        var pc = start;
        for (long n = 0; ; n++)
        {
            if (n > maxSteps) throw new SyncError($"core{core.Core}: program '{entry}' runs more than {maxSteps} instructions (endless loop?)");
            if (pc < 0 || pc >= ops.Count) throw new SyncError($"core{core.Core}: program '{entry}' runs off its stream at word {pc} without halt");
            if (otherEntry[pc]) throw new SyncError($"core{core.Core}: program '{entry}' runs into the next entry at word {pc} without halt");
            int x = a[pc], y = b[pc], z = c[pc];
            uint R(int k) => k == 0 ? 0 : r[k];
            void W(int k, uint v) { if (k != 0) r[k] = v; }
            var next = pc + 1;
            // Data-path instructions are skipped: the table's action column says which words are control flow,
            // scalar setup or synchronisation; their arithmetic is the table's (ArithmeticSemantics).
            switch (kind[pc])
            {
                case OpAction.Halt: return trace;
                case OpAction.Jump: next = pc + x; break;
                case OpAction.Branch: if (ArithmeticSemantics.Compare(function[pc], (int)R(x), (int)R(y))) next = pc + z; break;
                case OpAction.Loop:
                    W(x, R(x) - 1);
                    if (R(x) != 0) next = pc + y;
                    break;
                case OpAction.LoadImmediateLow: W(x, (uint)y); break;
                case OpAction.LoadImmediateHigh: W(x, ArithmeticSemantics.LoadHigh(R(x), (uint)y)); break;
                case OpAction.ScalarImmediate: W(x, ArithmeticSemantics.Integer(function[pc], R(y), (uint)z)); break;
                case OpAction.ScalarRegister: W(x, ArithmeticSemantics.Integer(function[pc], R(y), R(z))); break;
                // No memory values here: a loaded word reads as 0, as in the timing model (CoreAgent).
                case OpAction.LoadWord: W(x, 0); break;
                case OpAction.EventSignal or OpAction.EventWait or OpAction.Barrier: trace.Add(new(kind[pc], x, y)); break;
            }
            pc = next;
        }
    }

    /// <summary>The channel's synchronisation steps from the entry to the next entry, <c>rep</c> bodies repeated.</summary>
    public static List<SyncOp> ChannelTrace(ChannelStream ch, string entry)
    {
        var ops = ch.Commands;
        if (ch.Entries.Count > 0 && ch.EntryWord(entry) is null) throw new SyncError($"channel{ch.Channel} has no entry '{entry}'");
        var from = ch.Entries.Count == 0 ? 0 : ch.EntryWord(entry)!.Value;
        var to = ch.Entries.Where(e => e.Word > from).Select(e => e.Word).DefaultIfEmpty(ops.Count).Min();
        var trace = new List<SyncOp>();
        Walk(ops, from, to, trace);
        return trace;
    }

    private static void Walk(IReadOnlyList<Op> ops, int from, int to, List<SyncOp> trace)
    {
        for (var i = from; i < to;)
        {
            var op = ops[i];
            if (op.Spec.Action == OpAction.Repeat)
            {
                var end = i + 1 + (int)op["body"];
                if (HasSync(ops, i + 1, end))
                    for (long k = 0; k < op["count"]; k++) Walk(ops, i + 1, end, trace);
                i = end;
                continue;
            }
            if (op.Spec.Action is OpAction.EventSignal or OpAction.EventWait) trace.Add(new(op.Spec.Action, (int)op["event"], (int)op["count"]));
            i++;
        }
    }

    private static bool HasSync(IReadOnlyList<Op> ops, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (ops[i].Spec.Action is OpAction.EventSignal or OpAction.EventWait) return true;
        return false;
    }
}

/// <summary>A synchronisation error in emitted streams (a compiler bug when it comes from the backend).</summary>
public sealed class SyncError(string message) : Exception(message);
