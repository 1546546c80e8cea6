using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Compiler.Lowering;

public static partial class SyncChecker
{
    /// <summary>
    /// What the core interpreter knows of one innermost <c>loop</c> (its body from the target to the loop word) for
    /// skipping iterations in closed form. A body qualifies when one iteration is the same function of its entry
    /// registers every time and its only cross-iteration state is induction registers:
    /// <list type="bullet">
    /// <item>no synchronisation, halt, jump or inner loop, and branches only forward to words inside the body;</item>
    /// <item>every branch compares values that are the same in every iteration (constants and registers the body
    /// derives from loop-invariant registers only), so every iteration takes one path;</item>
    /// <item>every register the body reads before writing it and also writes (a carried register) either steps
    /// (changed only by <c>r = r ± x</c> with <c>x</c> the same in every iteration, so it moves by one fixed step per
    /// iteration) or is derived: its value at the end of an iteration depends on no derived register's value at the
    /// start (e.g. a row and column split out of a stepping linear index), so one iteration from the right stepping
    /// registers recomputes it;</item>
    /// <item>the loop counter is written by the loop word alone.</item>
    /// </list>
    /// Everything else the body writes is recomputed each iteration from those, so the last iteration (the last two
    /// with derived registers), run for real, leaves exactly the registers the whole loop would. No iteration signals or waits, so the trace is unchanged.
    /// </summary>
    private sealed record LoopShape(bool Closed, uint Stepping, uint Derived);

    /// <summary>The interpreter's one pending measurement: the state after the loop word at <see cref="Pc"/> sent
    /// control back once; the next arrival there gives each carried register's step and the words per iteration.</summary>
    private sealed class LoopSkip
    {
        public int Pc = -1;
        public readonly uint[] Registers = new uint[32];
        public long Words;
    }

    /// <summary>
    /// At the loop word <paramref name="pc"/> after its decrement left <c>r[counter]</c> non-zero: either remembers
    /// the state (first backward transfer of this loop entry) or, one iteration later, moves the carried registers,
    /// the counter and the instruction count <paramref name="n"/> on to the start of the last iteration. Returns
    /// whether the loop qualifies.
    /// </summary>
    private static bool SkipIterations(ControlWord[] words, LoopShape?[] shapes, LoopSkip skip, uint[] r, int pc, ref long n)
    {
        var w = words[pc];
        var shape = shapes[pc] ??= Analyse(words, pc + w.B, pc, w.A);
        if (!shape.Closed) return false;
        if (skip.Pc != pc)
        {
            skip.Pc = pc;
            Array.Copy(r, skip.Registers, 32);
            skip.Words = n;
            return true;
        }
        // Iterations still to run: r[counter]. The last one runs for real; with derived registers, so does the one
        // before it, which recomputes them from the stepping registers.
        var left = r[w.A];
        var runs = shape.Derived == 0 ? 1u : 2u;
        skip.Pc = -1;
        if (left <= runs) return true;
        var skipped = left - runs;
        for (var reg = 1; reg < 32; reg++)
            if ((shape.Stepping & (1u << reg)) != 0)
                r[reg] += skipped * (r[reg] - skip.Registers[reg]);
        r[w.A] = runs;
        n += skipped * (n - skip.Words);
        return true;
    }

    /// <summary>Forgets a pending measurement when its loop ends (falls through), so a later entry starts afresh.</summary>
    private static void LoopEnded(LoopSkip skip, LoopRepeat repeat, int pc)
    {
        if (skip.Pc == pc) skip.Pc = -1;
        repeat.Marks.Remove(pc);
    }

    private static LoopShape Analyse(ControlWord[] words, int from, int loopPc, int counter)
    {
        var notClosed = new LoopShape(false, 0, 0);
        if (from > loopPc || from < 0) return notClosed;
        // Pass 1: registers read before they are surely written (live-in), and registers written anywhere.
        uint liveIn = 0, written = 0;
        var defined = new Dictionary<int, uint>();
        uint def = 0;
        for (var i = from; i < loopPc; i = Next(words, i))
        {
            if (defined.Remove(i, out var joined)) def &= joined;
            var w = words[i];
            switch (w.Kind)
            {
                case OpAction.Nop: continue;
                case OpAction.Branch:
                    var target = i + w.C;
                    if (target <= i || target > loopPc) return notClosed;
                    liveIn |= Reads(def, w.A) | Reads(def, w.B);
                    defined[target] = defined.TryGetValue(target, out var d) ? d & def : def;
                    continue;
                case OpAction.LoadImmediateLow or OpAction.LoadWord: break;
                case OpAction.LoadImmediateHigh: liveIn |= Reads(def, w.A); break;
                case OpAction.ScalarImmediate: liveIn |= Reads(def, w.B); break;
                case OpAction.ScalarRegister: liveIn |= Reads(def, w.B) | Reads(def, w.C); break;
                default: return notClosed; // sync, halt, jump, inner loop, another entry, the stream's end
            }
            if (w.A != 0) { def |= 1u << w.A; written |= 1u << w.A; }
        }
        if ((written & (1u << counter)) != 0) return notClosed;
        var carried = liveIn & written;

        // Pass 2: which values change from iteration to iteration (tainted): the carried registers and the counter at
        // entry, and whatever is computed from them. Branches must not depend on them. A carried register written only
        // as r = r ± (a value the same every iteration) steps; any other write makes it derived.
        uint derived = 0;
        if (!Taint(words, from, loopPc, carried | (1u << counter), carried, ref derived, out _)) return notClosed;
        // Pass 3: a derived register's value at the end of an iteration must not depend on any derived register's value
        // at its start, so one iteration run from the right stepping registers leaves it right.
        uint unused = 0;
        if (!Taint(words, from, loopPc, derived, 0, ref unused, out var atEnd) || (atEnd & derived) != 0) return notClosed;
        return new LoopShape(true, carried & ~derived, derived);
    }

    /// <summary>
    /// Forward taint over the body from <paramref name="tainted"/> at its start (branches merge by union at their
    /// targets). Fails when a branch reads a tainted value. Writes to <paramref name="carried"/> registers that are not
    /// steps are added to <paramref name="derived"/>. <paramref name="atEnd"/> is the taint at the loop word.
    /// </summary>
    private static bool Taint(ControlWord[] words, int from, int loopPc, uint tainted, uint carried, ref uint derived, out uint atEnd)
    {
        var taintAt = new Dictionary<int, uint>();
        var taint = tainted;
        atEnd = 0;
        for (var i = from; i < loopPc; i = Next(words, i))
        {
            if (taintAt.Remove(i, out var joined)) taint |= joined;
            var w = words[i];
            uint sources;
            switch (w.Kind)
            {
                case OpAction.Nop: continue;
                case OpAction.Branch:
                    if ((taint & (Bit(w.A) | Bit(w.B))) != 0) return false;
                    taintAt[i + w.C] = taintAt.GetValueOrDefault(i + w.C) | taint;
                    continue;
                case OpAction.LoadImmediateLow or OpAction.LoadWord: sources = 0; break;
                case OpAction.LoadImmediateHigh: sources = Bit(w.A); break;
                case OpAction.ScalarImmediate: sources = Bit(w.B); break;
                default: sources = Bit(w.B) | Bit(w.C); break; // ScalarRegister
            }
            if (w.A == 0) continue;
            var isCarried = (carried & (1u << w.A)) != 0;
            if (isCarried && !Steps(w, taint)) derived |= 1u << w.A;
            taint = (taint & sources) != 0 || isCarried ? taint | (1u << w.A) : taint & ~(1u << w.A);
        }
        atEnd = taint | taintAt.GetValueOrDefault(loopPc);
        return true;
    }

    /// <summary><c>r = r ± x</c> with <c>x</c> an immediate or a register that holds the same value every iteration.</summary>
    private static bool Steps(ControlWord w, uint taint) => w.Kind switch
    {
        OpAction.ScalarImmediate => w.B == w.A && w.Function is Arithmetic.Add or Arithmetic.Sub,
        OpAction.ScalarRegister when w.Function == Arithmetic.Add =>
            (w.B == w.A && (taint & Bit(w.C)) == 0 && w.C != w.A) || (w.C == w.A && (taint & Bit(w.B)) == 0 && w.B != w.A),
        OpAction.ScalarRegister when w.Function == Arithmetic.Sub => w.B == w.A && w.C != w.A && (taint & Bit(w.C)) == 0,
        _ => false,
    };

    private static int Next(ControlWord[] words, int i) => words[i].Kind == OpAction.Nop ? words[i].A : i + 1;

    /// <summary>Register 0 reads 0: never state.</summary>
    private static uint Bit(int reg) => reg == 0 ? 0 : 1u << reg;

    private static uint Reads(uint defined, int reg) => Bit(reg) & ~defined;
}
