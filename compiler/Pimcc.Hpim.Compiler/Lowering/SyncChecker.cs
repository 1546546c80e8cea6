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
public static partial class SyncChecker
{
    /// <summary>One synchronisation step of a stream: <see cref="OpAction.EventSignal"/>, <see cref="OpAction.EventWait"/> or <see cref="OpAction.Barrier"/>.</summary>
    public readonly record struct SyncOp(OpAction Kind, int Id, int Count);

    public sealed record Report(long SyncOps, IReadOnlyDictionary<int, long> SignalledPerEvent);

    /// <summary>
    /// Runs the program <paramref name="entry"/> of <paramref name="bin"/> with the ABI registers
    /// (<see cref="HpimAbi"/>: prompt, step, kv, token) and checks it. Runs of one binary may share
    /// <paramref name="sliced"/>.
    /// </summary>
    public static Report Check(PimBinary bin, string entry, long kv, long prompt, long step = 0, long token = 0, long maxSteps = 200_000_000,
        SlicedStreams? sliced = null)
    {
        // Core traces are independent (each core's own registers and stream): run them on all processors (OPT-30B's
        // prefill is ~150M scalar instructions over 32 cores), then report the first failure in core order.
        var cores = bin.Cores.OrderBy(c => c.Core).ToArray();
        var results = new (List<SyncOp>? Trace, SyncError? Error)[cores.Length];
        Parallel.For(0, cores.Length, i =>
        {
            try { results[i] = (CoreTrace(cores[i], entry, kv, prompt, step, token, maxSteps, sliced: sliced), null); }
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
        // Hash tables while playing (millions of steps); the events are reported in id order.
        var counters = new Dictionary<int, long>();
        var signalled = new Dictionary<int, long>();
        var arrived = new Dictionary<int, List<int>>();
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
        var left = counters.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key).Select(kv => $"event {kv.Key} = {kv.Value}").ToList();
        if (left.Count > 0)
            throw new SyncError($"events signalled more often than waited for: {string.Join(", ", left.Take(8))}");
        return new Report(steps, new SortedDictionary<int, long>(signalled));
    }

    private static string Describe(SyncOp op) => op.Kind switch
    {
        OpAction.Barrier => $"bar {op.Id} (needs {op.Count})",
        OpAction.EventSignal => $"sig event {op.Id} (needs {op.Count})",
        _ => $"wait event {op.Id} (needs {op.Count})",
    };

    // Words the core interpreter stops at besides the table's actions: the start of another program, the end of the stream.
    private const OpAction IntoOtherEntry = (OpAction)254;
    private const OpAction OffTheEnd = (OpAction)255;

    /// <summary>One decoded word of the core interpreter. A run of data-path words (which change no register) is one
    /// <see cref="OpAction.Nop"/> whose <see cref="A"/> is the next word that does something here.</summary>
    internal readonly record struct ControlWord(OpAction Kind, Arithmetic Function, int A, int B, int C);

    /// <summary>Executes a core's control flow from the entry; returns its synchronisation steps. With
    /// <paramref name="shortcuts"/> (the default) scalar words that cannot reach a branch are skipped like data-path
    /// words, an innermost loop that qualifies (<see cref="LoopShape"/>) runs its first two and its last
    /// iteration(s) and skips the rest in closed form, and a loop whose iterations end in the same registers twice
    /// in a row repeats the last one's steps for the rest (<see cref="LoopRepeat"/>, the layer loops): the same trace
    /// and instruction count, without interpreting OPT-30B prefill's ~150M scalar words one by one. Off, every word
    /// runs (the reference the tests compare with). <paramref name="sliced"/>: the slicing shared with other runs.</summary>
    public static List<SyncOp> CoreTrace(CoreStream core, string entry, long kv, long prompt, long step, long token, long maxSteps, bool shortcuts = true,
        SlicedStreams? sliced = null)
    {
        var ops = core.Instructions;
        var start = core.Entries.Count == 0 ? 0 : core.EntryWord(entry) ?? throw new SyncError($"core{core.Core} has no entry '{entry}'");
        var words = Decode(core, entry, start, shortcuts ? (sliced ?? new SlicedStreams()).Of(core) : Words(core));
        var r = new uint[32];
        r[HpimAbi.Token] = (uint)token; r[HpimAbi.Prompt] = (uint)prompt; r[HpimAbi.Step] = (uint)step; r[HpimAbi.Kv] = (uint)kv;
        var trace = new List<SyncOp>();
        var shapes = new LoopShape?[words.Length];
        var skip = new LoopSkip();
        var repeat = new LoopRepeat();
        var pc = start;
        if (pc < 0 || pc >= ops.Count) throw RunsOff(core, entry, pc);
        // n counts instructions executed (skipped data-path words included), checked on backward transfers only: a
        // program without them ends within its stream's length.
        long n = 0;
        while (true)
        {
            var w = words[pc];
            // Data-path instructions are skipped: the table's action column says which words are control flow,
            // scalar setup or synchronisation; their arithmetic is the table's (ArithmeticSemantics). Register 0
            // reads 0: a write to it is undone at once.
            switch (w.Kind)
            {
                case OpAction.Nop: n += w.A - pc; pc = w.A; continue;
                case OpAction.Halt: return trace;
                case OpAction.Jump: pc = Transfer(core, entry, words, pc, w.A, ref n, maxSteps); continue;
                case OpAction.Branch:
                    if (ArithmeticSemantics.Compare(w.Function, (int)r[w.A], (int)r[w.B])) { pc = Transfer(core, entry, words, pc, w.C, ref n, maxSteps); continue; }
                    break;
                case OpAction.Loop:
                    r[w.A]--; r[0] = 0;
                    // An innermost loop skips to its last iteration(s); another may run out its remaining iterations
                    // at once (the counter is then 0).
                    if (r[w.A] != 0 && w.B < 0 && shortcuts && !SkipIterations(words, shapes, skip, r, pc, ref n))
                        RepeatIterations(words, repeat, skip, r, pc, trace, ref n, maxSteps);
                    if (r[w.A] != 0)
                    {
                        pc = Transfer(core, entry, words, pc, w.B, ref n, maxSteps);
                        continue;
                    }
                    LoopEnded(skip, repeat, pc);
                    break;
                case OpAction.LoadImmediateLow: r[w.A] = (uint)w.B; r[0] = 0; break;
                case OpAction.LoadImmediateHigh: r[w.A] = ArithmeticSemantics.LoadHigh(r[w.A], (uint)w.B); r[0] = 0; break;
                case OpAction.ScalarImmediate: r[w.A] = ArithmeticSemantics.Integer(w.Function, r[w.B], (uint)w.C); r[0] = 0; break;
                case OpAction.ScalarRegister: r[w.A] = ArithmeticSemantics.Integer(w.Function, r[w.B], r[w.C]); r[0] = 0; break;
                // No memory values here: a loaded word reads as 0, as in the timing model (CoreAgent).
                case OpAction.LoadWord: r[w.A] = 0; break;
                case OpAction.EventSignal or OpAction.EventWait or OpAction.Barrier: trace.Add(new(w.Kind, w.A, w.B)); break;
                case IntoOtherEntry: throw new SyncError($"core{core.Core}: program '{entry}' runs into the next entry at word {pc} without halt");
                case OffTheEnd: throw RunsOff(core, entry, pc);
                // Words with no effect here (store, sync-free actions the table adds later) step on.
            }
            pc++;
            n++;
        }
    }

    /// <summary>pc + <paramref name="offset"/>, counting the instructions run so far against the budget on a backward transfer.</summary>
    private static int Transfer(CoreStream core, string entry, ControlWord[] words, int pc, int offset, ref long n, long maxSteps)
    {
        n++;
        var next = pc + offset;
        if (next < 0 || next >= words.Length) throw RunsOff(core, entry, next);
        if (offset <= 0 && n > maxSteps) throw new SyncError($"core{core.Core}: program '{entry}' runs more than {maxSteps} instructions (endless loop?)");
        return next;
    }

    private static SyncError RunsOff(CoreStream core, string entry, int pc) =>
        new($"core{core.Core}: program '{entry}' runs off its stream at word {pc} without halt");

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
