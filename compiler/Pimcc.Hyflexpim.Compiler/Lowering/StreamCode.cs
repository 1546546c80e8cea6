using Pimcc.Compiler.Backend;
using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hyflexpim.Compiler.Lowering;

/// <summary>One emitted instruction: item <paramref name="Item"/> of a stream (events signalled after it are added at build).</summary>
internal readonly record struct Access(StreamCode Stream, int Item);

/// <summary>
/// The instructions of one stream (a kind and a PU) as the lowering emits them, in program order. Events a later
/// consumer needs are attached after the producing instruction (<see cref="SignalAfter"/>) and become <c>ev.sig</c>
/// words when the stream is built; entries are recorded by the shared <see cref="StreamRecorder"/> at emitted items
/// and moved to their words then.
/// </summary>
internal sealed class StreamCode
{
    private readonly List<Op> _ops = [];
    private readonly Dictionary<int, List<int>> _signals = [];
    private readonly StreamRecorder _recorder;

    public StreamCode(StreamKind kind, int pu)
    {
        Kind = kind;
        Pu = pu;
        _recorder = new StreamRecorder(kind, pu, _ops);
    }

    public StreamKind Kind { get; }
    public int Pu { get; }
    public int Count => _ops.Count;

    public Access Emit(string mnemonic, params long[] operands)
    {
        _ops.Add(Kind.Table.Make(mnemonic, operands));
        return new Access(this, _ops.Count - 1);
    }

    public void SignalAfter(int item, int ev)
    {
        if (!_signals.TryGetValue(item, out var list)) _signals[item] = list = [];
        list.Add(ev);
    }

    /// <summary>Starts program <paramref name="name"/> at the next instruction.</summary>
    public void Entry(string name) => _recorder.Entry(name);

    public InstructionStream Build()
    {
        var words = new List<Op>(_ops.Count + _signals.Count);
        var wordOf = new int[_ops.Count + 1];
        for (var i = 0; i < _ops.Count; i++)
        {
            wordOf[i] = words.Count;
            words.Add(_ops[i]);
            if (_signals.TryGetValue(i, out var evs))
                foreach (var ev in evs) words.Add(Kind.Table.Make("ev.sig", ev, 1));
        }
        wordOf[_ops.Count] = words.Count;
        return Kind.Create(Pu, words) with { Entries = [.. _recorder.Entries.Select(e => e with { Word = wordOf[e.Word] })] };
    }
}

/// <summary>
/// Cross-stream ordering with the shared event counters: a consumer that needs what another stream did waits on an
/// event that stream signals right after the instruction concerned (one event per edge, count 1, so counters are back
/// at zero when a program ends). Edges already implied by an earlier wait of the same pair of streams are skipped.
/// Event ids restart with every program.
/// </summary>
internal sealed class EventEdges
{
    private readonly Dictionary<(StreamCode, StreamCode), int> _covered = [];
    private int _next;

    public void StartProgram()
    {
        _covered.Clear();
        _next = 0;
    }

    /// <summary>Makes <paramref name="consumer"/>'s next instruction wait for every access of another stream in <paramref name="before"/>.</summary>
    public void Wait(StreamCode consumer, IEnumerable<Access> before)
    {
        var latest = new List<Access>();
        foreach (var a in before)
        {
            if (a.Stream == consumer) continue;
            var i = latest.FindIndex(l => l.Stream == a.Stream);
            if (i < 0) latest.Add(a);
            else if (a.Item > latest[i].Item) latest[i] = a;
        }
        foreach (var a in latest)
        {
            if (_covered.TryGetValue((a.Stream, consumer), out var done) && done >= a.Item) continue;
            if (_next > ushort.MaxValue)
                throw new PimccError(ExitCode.CapacityExceeded, "hyflexpim-lower", $"a program needs more than {ushort.MaxValue + 1} events",
                    "compile a smaller model or fewer prompt tokens");
            var ev = _next++;
            a.Stream.SignalAfter(a.Item, ev);
            consumer.Emit("ev.wait", ev, 1);
            _covered[(a.Stream, consumer)] = a.Item;
        }
    }
}
