using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Compiler.Lowering;

public static partial class SyncChecker
{
    /// <summary>
    /// The interpreter's measurements of loops that may repeat an iteration whole (the layer loops: their body holds
    /// inner loops, so <see cref="LoopShape"/> does not apply). A loop qualifies when its body (target to loop word) is
    /// self-contained: no halt, no other program's entry, every branch, jump and inner loop lands inside the body, and
    /// no word but the loop word itself reads or writes the counter. Then an iteration, entered at the top, stays in
    /// the body until the loop word runs, and what it does (trace, instructions, registers at its end) is a function of
    /// the registers at the top, the counter excepted. So when two consecutive iterations leave the same registers
    /// (counter excepted), every further iteration starts where the last one did and repeats it: its synchronisation
    /// steps and instruction count are appended r[counter] more times, exactly what running them would give.
    /// </summary>
    private sealed class LoopRepeat
    {
        /// <summary>Per loop word: null until analysed, then whether its body is self-contained.</summary>
        public bool?[] Qualifies = [];
        /// <summary>Per qualifying loop word with one iteration measured: the registers, instruction count and trace
        /// length after that iteration's loop word sent control back.</summary>
        public readonly Dictionary<int, (uint[] Registers, long Words, int TraceLength)> Marks = [];
    }

    /// <summary>
    /// At the loop word <paramref name="pc"/> after its decrement left <c>r[counter]</c> non-zero: remembers the state
    /// (an iteration ended), and when the iteration before it ended in the same registers, appends the remaining
    /// iterations' steps to <paramref name="trace"/>, moves <paramref name="n"/> on and sets the counter to 0 (the loop
    /// then ends as after its last iteration). Not when the count would pass <paramref name="maxSteps"/>: the iterations
    /// then run one by one and the budget trips where it would. Inner closed loops cannot be mid-measurement here
    /// (they end by falling through); the check on <paramref name="skip"/> keeps that explicit (no mark survives it).
    /// </summary>
    private static void RepeatIterations(ControlWord[] words, LoopRepeat repeat, LoopSkip skip, uint[] r, int pc, List<SyncOp> trace, ref long n, long maxSteps)
    {
        var w = words[pc];
        if (repeat.Qualifies.Length != words.Length) repeat.Qualifies = new bool?[words.Length];
        if (!(repeat.Qualifies[pc] ??= SelfContained(words, pc + w.B, pc, w.A))) return;
        if (skip.Pc != -1)
        {
            repeat.Marks.Remove(pc);                                       // the next mark must follow one iteration
            return;
        }
        if (repeat.Marks.TryGetValue(pc, out var mark) && SameRegisters(mark.Registers, r, w.A))
        {
            long left = r[w.A], perIteration = n - mark.Words;
            if (perIteration > 0 && left <= (maxSteps - n) / perIteration)
            {
                var steps = trace.GetRange(mark.TraceLength, trace.Count - mark.TraceLength);
                if (steps.Count > 0)
                    for (var i = 0; i < left; i++) trace.AddRange(steps);
                n += left * perIteration;
                r[w.A] = 0;
                repeat.Marks.Remove(pc);
                return;
            }
        }
        var registers = mark.Registers ?? new uint[32];
        Array.Copy(r, registers, 32);
        repeat.Marks[pc] = (registers, n, trace.Count);
    }

    private static bool SameRegisters(uint[] a, uint[] b, int except)
    {
        for (var reg = 1; reg < 32; reg++)
            if (reg != except && a[reg] != b[reg]) return false;
        return true;
    }

    /// <summary>Whether every word from <paramref name="from"/> to the loop word keeps control inside and leaves the counter alone.</summary>
    private static bool SelfContained(ControlWord[] words, int from, int loopPc, int counter)
    {
        if (from < 0 || from > loopPc) return false;
        bool Inside(int target) => target >= from && target <= loopPc;
        var c = Bit(counter);
        for (var i = from; i < loopPc; i = Next(words, i))
        {
            var w = words[i];
            var ok = w.Kind switch
            {
                OpAction.Nop => true,
                OpAction.Jump => Inside(i + w.A),
                OpAction.Branch => Inside(i + w.C) && ((Bit(w.A) | Bit(w.B)) & c) == 0,
                OpAction.Loop => Inside(i + w.B) && (Bit(w.A) & c) == 0,
                OpAction.LoadImmediateLow or OpAction.LoadImmediateHigh or OpAction.ScalarImmediate or OpAction.ScalarRegister
                    or OpAction.LoadWord => ((Bit(w.A) | Sources(w)) & c) == 0,
                OpAction.EventSignal or OpAction.EventWait or OpAction.Barrier => true,
                _ => false, // halt, another program's entry, the stream's end
            };
            if (!ok) return false;
        }
        return true;
    }
}
