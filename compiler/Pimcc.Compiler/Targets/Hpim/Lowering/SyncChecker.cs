using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Compiler.Targets.Hpim.Lowering;

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
    /// <summary>One synchronisation step of a stream.</summary>
    public readonly record struct SyncOp(string Kind, int Id, int Count);

    public sealed record Report(long SyncOps, IReadOnlyDictionary<int, long> SignalledPerEvent);

    /// <summary>
    /// Runs the program <paramref name="entry"/> of <paramref name="bin"/> with the ABI registers
    /// (r28 = prompt, r29 = step, r30 = kv; r27 = token) and checks it.
    /// </summary>
    public static Report Check(PimBinary bin, string entry, long kv, long prompt, long step = 0, long token = 0, long maxSteps = 200_000_000)
    {
        var traces = new List<(string Name, List<SyncOp> Ops)>();
        foreach (var c in bin.Cores.OrderBy(c => c.Core))
            traces.Add(($"core{c.Core}", CoreTrace(c, entry, kv, prompt, step, token, maxSteps)));
        foreach (var c in bin.Channels.OrderBy(c => c.Channel))
            traces.Add(($"channel{c.Channel}", ChannelTrace(c, entry)));
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
                    if (op.Kind == "sig")
                    {
                        counters[op.Id] = counters.GetValueOrDefault(op.Id) + op.Count;
                        signalled[op.Id] = signalled.GetValueOrDefault(op.Id) + op.Count;
                    }
                    else if (op.Kind == "wait")
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

    private static string Describe(SyncOp op) => op.Kind == "bar" ? $"bar {op.Id} (needs {op.Count})" : $"{op.Kind} event {op.Id} (needs {op.Count})";

    /// <summary>Executes a core's control flow from the entry; returns its synchronisation steps.</summary>
    public static List<SyncOp> CoreTrace(CoreStream core, string entry, long kv, long prompt, long step, long token, long maxSteps)
    {
        var ops = core.Instructions;
        var start = core.Entries.Count == 0 ? 0 : core.EntryWord(entry) ?? throw new SyncError($"core{core.Core} has no entry '{entry}'");
        var r = new uint[32];
        r[27] = (uint)token; r[28] = (uint)prompt; r[29] = (uint)step; r[30] = (uint)kv;
        var trace = new List<SyncOp>();
        var pc = start;
        for (long n = 0; ; n++)
        {
            if (n > maxSteps) throw new SyncError($"core{core.Core}: program '{entry}' runs more than {maxSteps} instructions (endless loop?)");
            if (pc < 0 || pc >= ops.Count) throw new SyncError($"core{core.Core}: program '{entry}' runs off its stream at word {pc} without halt");
            if (pc != start && core.Entries.Any(e => e.Word == pc && e.Name != entry))
                throw new SyncError($"core{core.Core}: program '{entry}' runs into the next entry at word {pc} without halt");
            var op = ops[pc];
            var o = op.Operands;
            uint R(int k) => k == 0 ? 0 : r[k];
            void W(int k, uint v) { if (k != 0) r[k] = v; }
            var next = pc + 1;
            switch (op.Mnemonic)
            {
                case "halt": return trace;
                case "jmp": next = pc + (int)o[0]; break;
                case "beq": if (R((int)o[0]) == R((int)o[1])) next = pc + (int)o[2]; break;
                case "bne": if (R((int)o[0]) != R((int)o[1])) next = pc + (int)o[2]; break;
                case "blt": if ((int)R((int)o[0]) < (int)R((int)o[1])) next = pc + (int)o[2]; break;
                case "bge": if ((int)R((int)o[0]) >= (int)R((int)o[1])) next = pc + (int)o[2]; break;
                case "loop":
                    W((int)o[0], R((int)o[0]) - 1);
                    if (R((int)o[0]) != 0) next = pc + (int)o[1];
                    break;
                case "li.lo": W((int)o[0], (uint)o[1]); break;
                case "li.hi": W((int)o[0], ((uint)o[1] << 16) | (R((int)o[0]) & 0xFFFF)); break;
                case "addi": W((int)o[0], (uint)((int)R((int)o[1]) + (int)o[2])); break;
                case "add": W((int)o[0], R((int)o[1]) + R((int)o[2])); break;
                case "sub": W((int)o[0], R((int)o[1]) - R((int)o[2])); break;
                case "mul": W((int)o[0], R((int)o[1]) * R((int)o[2])); break;
                case "and": W((int)o[0], R((int)o[1]) & R((int)o[2])); break;
                case "or": W((int)o[0], R((int)o[1]) | R((int)o[2])); break;
                case "xor": W((int)o[0], R((int)o[1]) ^ R((int)o[2])); break;
                case "shl": W((int)o[0], R((int)o[1]) << (int)(R((int)o[2]) & 31)); break;
                case "shr": W((int)o[0], R((int)o[1]) >> (int)(R((int)o[2]) & 31)); break;
                case "slt": W((int)o[0], (int)R((int)o[1]) < (int)R((int)o[2]) ? 1u : 0u); break;
                case "min": W((int)o[0], (uint)Math.Min((int)R((int)o[1]), (int)R((int)o[2]))); break;
                case "max": W((int)o[0], (uint)Math.Max((int)R((int)o[1]), (int)R((int)o[2]))); break;
                case "ev.sig": trace.Add(new("sig", (int)o[0], (int)o[1])); break;
                case "ev.wait": trace.Add(new("wait", (int)o[0], (int)o[1])); break;
                case "bar": trace.Add(new("bar", (int)o[0], (int)o[1])); break;
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
            if (op.Mnemonic == "rep")
            {
                var end = i + 1 + (int)op["body"];
                if (HasSync(ops, i + 1, end))
                    for (long k = 0; k < op["count"]; k++) Walk(ops, i + 1, end, trace);
                i = end;
                continue;
            }
            if (op.Mnemonic == "sig") trace.Add(new("sig", (int)op["event"], (int)op["count"]));
            else if (op.Mnemonic == "wait") trace.Add(new("wait", (int)op["event"], (int)op["count"]));
            i++;
        }
    }

    private static bool HasSync(IReadOnlyList<Op> ops, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (ops[i].Mnemonic is "sig" or "wait") return true;
        return false;
    }
}

/// <summary>A synchronisation error in emitted streams (a compiler bug when it comes from the backend).</summary>
public sealed class SyncError(string message) : Exception(message);
