using System.Runtime.CompilerServices;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Sram;

namespace Pimcc.Hpim.Compiler.CoreOptimization;

/// <summary>
/// Loop-invariant constant hoisting (LLVM's MachineLICM for immediates). In a loop closed by a <c>loop</c> word or a
/// backward branch (body [top, closing word), entered only at its top, left only past its end), a <c>li.lo</c> (with its <c>li.hi</c>) that runs in every iteration moves in front of
/// the loop:
/// <list type="bullet">
/// <item>as it is, when nothing else in the body writes its register and nothing reads it before it;</item>
/// <item>else into a free register (referenced nowhere in the body, dead after the loop) that the reads it reaches
/// (up to the next write of its register, inside one straight run of the body) read instead.</item>
/// </list>
/// One round treats the loops of one nesting height, innermost first; a constant hoisted out of an inner loop is a
/// candidate of the enclosing loop in the next round. Loads of one constant in one loop share one register.
/// </summary>
internal static class LoopConstantHoisting
{
    /// <summary>Hoists out of the loops of nesting height <paramref name="height"/> (1: no loop inside).</summary>
    public static CoreEdit Run(CoreProgram p, int height)
    {
        var live = DeadScalarElimination.LiveIn(p);
        var edit = new CoreEdit(p);
        foreach (var (top, end, h) in Loops(p))
            if (h == height && Closed(p, top, end)) Hoist(p, top, end, live, edit);
        return edit;
    }

    /// <summary>Every counted loop with its nesting height (loops nest properly: a loop word closes the innermost open body).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<(int Top, int End, int Height)> Loops(CoreProgram p)
    {
        var done = new Stack<(int Top, int End, int Height)>();
        var loops = new List<(int, int, int)>();
        for (var t = 0; t < p.Count; t++)
        {
            if (p.Info[t].Action is not (OpAction.Loop or OpAction.Branch) || p.Info[t].Target < 0 || p.Info[t].Target > t) continue;
            var top = p.Info[t].Target;
            var height = 1;
            while (done.Count > 0 && done.Peek().Top >= top) height = Math.Max(height, done.Pop().Height + 1);
            done.Push((top, t, height));
            loops.Add((top, t, height));
        }
        return loops;
    }

    /// <summary>
    /// The body is entered only by falling into its top (the closing branch is the one branch to it, none lands
    /// inside from outside) and left only past its closing branch (every branch inside lands inside).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Closed(CoreProgram p, int top, int end)
    {
        if (p.Incoming[top] != 1) return false;
        var inside = new Dictionary<int, int>();
        for (var q = top; q <= end; q++)
        {
            var target = p.Info[q].Target;
            if (target < 0) continue;
            if (target < top || target > end) return false;
            inside[target] = inside.GetValueOrDefault(target) + 1;
        }
        for (var q = top + 1; q <= end; q++)
            if (p.Incoming[q] != inside.GetValueOrDefault(q)) return false;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Hoist(CoreProgram p, int top, int end, uint[] live, CoreEdit edit)
    {
        uint referenced = 0;
        var writers = new int[32];                                         // words of the body writing each register
        for (var t = top; t <= end; t++)
        {
            referenced |= p.Info[t].Reads | p.Info[t].Writes;
            if (p.Info[t].Writes != 0) writers[p.Info[t].Dest]++;
        }
        var (skipped, looped) = Covered(p, top, end);
        // Dead registers are free whoever set them: the ABI's inputs too once the program has no read of them left.
        var free = ~referenced & ~live[end + 1] & ~live[top] & ~1u;
        var shared = new Dictionary<uint, int>();                          // constant -> the free register holding it
        for (var t = top; t < end; t++)
        {
            var w = p.Info[t];
            if (w.Action != OpAction.LoadImmediateLow || w.Dest <= 0 || p.Protected[t] || edit.Deleted[t]) continue;
            var pair = t + 1 < end && p.Info[t + 1].Action == OpAction.LoadImmediateHigh && p.Info[t + 1].Dest == w.Dest && p.Incoming[t + 1] == 0;
            var last = pair ? t + 1 : t;
            // [t, last] runs once in every iteration: no branch of the body jumps over it or loops back past it
            if (skipped[t - top] != 0 || looped[t - top] != 0 || looped[last - top] != 0) continue;
            var value = pair ? ArithmeticSemantics.LoadHigh((uint)w.Imm, (uint)p.Info[t + 1].Imm) : (uint)w.Imm;
            var bit = 1u << w.Dest;
            if (writers[w.Dest] == last - t + 1 && !ReadBetween(p, edit, top, t, bit))
            {
                Delete(p, t, last, edit, writers);
                foreach (var op in SramIsa.LoadImmediate(w.Dest, value)) edit.InsertBefore(top, op);
                continue;
            }
            if (!Window(p, edit, top, last, end, w.Dest, live, out var until)) continue;
            if (!shared.TryGetValue(value, out var reg))
            {
                if (free == 0) continue;
                reg = System.Numerics.BitOperations.TrailingZeroCount(free);
                free &= ~(1u << reg);
                shared[value] = reg;
                foreach (var op in SramIsa.LoadImmediate(reg, value)) edit.InsertBefore(top, op);
            }
            Delete(p, t, last, edit, writers);
            for (var u = last + 1; u <= until; u++) Rename(p, u, w.Dest, reg, edit);
        }
    }

    /// <summary>
    /// Per word of the body (index from its top): how many forward branches of the body jump over it, and how many
    /// backward branches of the body (inner loops) it lies in.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] Skipped, int[] Looped) Covered(CoreProgram p, int top, int end)
    {
        var n = end - top + 1;
        int[] skipped = new int[n + 1], looped = new int[n + 1];
        for (var q = top; q < end; q++)
        {
            var target = p.Info[q].Target;
            if (target < 0) continue;
            if (target > q)
            {
                skipped[q + 1 - top]++;
                skipped[target - top]--;
            }
            else
            {
                looped[target - top]++;
                looped[q + 1 - top]--;
            }
        }
        for (var i = 1; i <= n; i++)
        {
            skipped[i] += skipped[i - 1];
            looped[i] += looped[i - 1];
        }
        return (skipped, looped);
    }

    private static void Delete(CoreProgram p, int t, int last, CoreEdit edit, int[] writers)
    {
        for (var u = t; u <= last; u++)
        {
            edit.Delete(u);
            writers[p.Info[u].Dest]--;
        }
    }

    /// <summary>A word in [from, to) reads the register (as this round left it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ReadBetween(CoreProgram p, CoreEdit edit, int from, int to, uint bit)
    {
        for (var q = from; q < to; q++)
            if (!edit.Deleted[q] && (p.Info[q].Reads & bit) != 0) return true;
        return false;
    }

    /// <summary>
    /// The words after <paramref name="last"/> that read the constant: up to and including the next word that writes
    /// <paramref name="reg"/> (it may read it too), entered only from <paramref name="last"/> (branches inside it
    /// go forward and land inside it); or, with no such write, the rest of the body when the register is dead after
    /// the loop and the next iteration writes it (straight-line from the top) before reading it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Window(CoreProgram p, CoreEdit edit, int top, int last, int end, int reg, uint[] live, out int until)
    {
        var bit = 1u << reg;
        var landing = new Dictionary<int, int>();
        var reach = 0;
        for (until = last + 1; until < end; until++)
        {
            var w = p.Info[until];
            if (p.Incoming[until] != landing.GetValueOrDefault(until) || p.Protected[until]) return false;
            if (w.IsControl)
            {
                if (w.Action != OpAction.Branch || w.Target <= until) return false;
                landing[w.Target] = landing.GetValueOrDefault(w.Target) + 1;
                reach = Math.Max(reach, w.Target);
            }
            if ((w.Writes & bit) != 0 && !edit.Deleted[until])
                return reach <= until && w.Action != OpAction.LoadImmediateHigh;   // li.hi reads it as its destination
        }
        if ((p.Info[end].Reads & bit) != 0) return false;
        until = end - 1;
        if ((live[end + 1] & bit) != 0) return false;
        for (var q = top; q < last; q++)
        {
            var w = p.Info[q];
            if (w.IsControl || ReadBetween(p, edit, q, q + 1, bit)) return false;
            if ((w.Writes & bit) != 0 && !edit.Deleted[q]) return true;
        }
        return false;
    }

    private static void Rename(CoreProgram p, int t, int from, int to, CoreEdit edit)
    {
        if (CoreWord.TryRedirectReads(p.Words[t], 1u << from, to, out var op)) edit.Replace(t, op);
    }
}
