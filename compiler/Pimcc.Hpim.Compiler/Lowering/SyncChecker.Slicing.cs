using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Compiler.Lowering;

public static partial class SyncChecker
{
    /// <summary>The stream as control words, one more at its end (<see cref="OffTheEnd"/>); words the core interpreter
    /// does nothing with are <see cref="OpAction.Nop"/>.</summary>
    private static ControlWord[] Words(CoreStream core)
    {
        var ops = core.Instructions;
        var words = new ControlWord[ops.Count + 1];
        words[ops.Count] = new(OffTheEnd, Arithmetic.None, 0, 0, 0);
        for (var i = 0; i < ops.Count; i++)
        {
            var spec = ops[i].Spec;
            if (ChangesControlState(spec.Action))
            {
                var o = ops[i].Operands;
                words[i] = new(spec.Action, spec.Function, o.Count > 0 ? (int)o[0] : 0, o.Count > 1 ? (int)o[1] : 0, o.Count > 2 ? (int)o[2] : 0);
            }
            else words[i] = new(OpAction.Nop, Arithmetic.None, 0, 0, 0);
        }
        return words;
    }

    /// <summary>
    /// Each core stream's control words with the scalar writes whose value cannot reach a branch or loop count
    /// (<see cref="NeededWrites"/>) turned into <see cref="OpAction.Nop"/>: they cannot change the control flow, so the
    /// trace is the same without them (most of the prefill's scalar words compute addresses for data-path words). One
    /// analysis per stream serves every program and run: it looks at the whole stream with no program's entry as a
    /// stop, so it keeps every write one program's own analysis would keep (a liveness with fewer stops is live
    /// wherever one with more is) and perhaps more, and running a write the reference runs too changes nothing.
    /// Thread-safe: the runs of one check share it.
    /// </summary>
    public sealed class SlicedStreams
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<CoreStream, Lazy<ControlWord[]>> _streams = new(ReferenceEqualityComparer.Instance);

        internal ControlWord[] Of(CoreStream core) => _streams.GetOrAdd(core, c => new Lazy<ControlWord[]>(() => Slice(c))).Value;

        private static ControlWord[] Slice(CoreStream core)
        {
            var words = Words(core);
            var needed = NeededWrites(words);
            for (var i = 0; i < words.Length; i++)
                if (Writes(words[i]) && !needed[i]) words[i] = new(OpAction.Nop, Arithmetic.None, 0, 0, 0);
            return words;
        }
    }

    /// <summary>One program's view of <paramref name="shared"/> (<see cref="Words"/> or <see cref="SlicedStreams"/>,
    /// not written): other programs' entries are <see cref="IntoOtherEntry"/>, and each run of
    /// <see cref="OpAction.Nop"/> words jumps to the word after it.</summary>
    private static ControlWord[] Decode(CoreStream core, string entry, int start, ControlWord[] shared)
    {
        var words = (ControlWord[])shared.Clone();
        var count = words.Length - 1;
        foreach (var e in core.Entries)
            if (e.Name != entry && e.Word < count && e.Word != start) words[e.Word] = new(IntoOtherEntry, Arithmetic.None, 0, 0, 0);
        var nextActive = count;
        for (var i = count - 1; i >= 0; i--)
        {
            if (words[i].Kind == OpAction.Nop) words[i] = new(OpAction.Nop, Arithmetic.None, nextActive, 0, 0);
            else nextActive = i;
        }
        return words;
    }

    /// <summary>
    /// Which scalar writes can decide a branch or a loop count: backward liveness over the stream's control flow where
    /// only branch and loop operands use a register and a write uses its sources only when its own register is live
    /// after it (faint-variable analysis, to a fixed point over loops). A write that is not needed never reaches a
    /// control decision on any path.
    /// </summary>
    private static bool[] NeededWrites(ControlWord[] words)
    {
        var n = words.Length;
        var liveIn = new uint[n];
        uint Live(int j) => j >= 0 && j < n ? liveIn[j] : 0;
        bool changed;
        do
        {
            changed = false;
            for (var i = n - 1; i >= 0; i--)
            {
                var w = words[i];
                uint live;
                switch (w.Kind)
                {
                    case OpAction.Halt or IntoOtherEntry or OffTheEnd: live = 0; break;
                    case OpAction.Jump: live = Live(i + w.A); break;
                    case OpAction.Branch: live = Live(i + 1) | Live(i + w.C) | Bit(w.A) | Bit(w.B); break;
                    case OpAction.Loop: live = Live(i + 1) | Live(i + w.B) | Bit(w.A); break;
                    default:
                        live = Live(i + 1);
                        if (Writes(w) && (live & Bit(w.A)) != 0) live = (live & ~Bit(w.A)) | Sources(w);
                        else if (Writes(w)) live &= ~Bit(w.A);
                        break;
                }
                if (live != liveIn[i]) { liveIn[i] = live; changed = true; }
            }
        } while (changed);
        var needed = new bool[n];
        for (var i = 0; i < n; i++) needed[i] = Writes(words[i]) && (Live(i + 1) & Bit(words[i].A)) != 0;
        return needed;
    }

    private static uint Sources(ControlWord w) => w.Kind switch
    {
        OpAction.LoadImmediateHigh => Bit(w.A),
        OpAction.ScalarImmediate => Bit(w.B),
        OpAction.ScalarRegister => Bit(w.B) | Bit(w.C),
        _ => 0u, // li.lo and lw: a value from no register
    };

    private static bool Writes(ControlWord w) => w.Kind is OpAction.LoadImmediateLow or OpAction.LoadImmediateHigh
        or OpAction.ScalarImmediate or OpAction.ScalarRegister or OpAction.LoadWord;

    /// <summary>Actions the sync checker executes: control flow, scalar registers and synchronisation.</summary>
    private static bool ChangesControlState(OpAction a) => a is OpAction.Halt or OpAction.Jump or OpAction.Branch or OpAction.Loop
        or OpAction.LoadImmediateLow or OpAction.LoadImmediateHigh or OpAction.ScalarImmediate or OpAction.ScalarRegister
        or OpAction.LoadWord or OpAction.EventSignal or OpAction.EventWait or OpAction.Barrier;
}
