using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Compiler.CoreOptimization;

/// <summary>
/// Redundant scalar elimination (LLVM's MachineCSE for constants): a forward must-analysis of the registers whose value
/// is known at each word (every register but the ABI's starts a program at 0, docs/hpim-abi.md; the scalar rows'
/// arithmetic is <see cref="ArithmeticSemantics"/>), then
/// <list type="bullet">
/// <item>a scalar definition (or <c>li.lo</c>/<c>li.hi</c> pair) that writes the value its register already holds is deleted;</item>
/// <item>an identity (<c>add rX, rX, rZ</c> with rZ known 0) is deleted;</item>
/// <item>a register read that is known to hold 0 reads r0 instead (its definition may then die).</item>
/// </list>
/// </summary>
internal static class RedundantScalarElimination
{
    /// <summary>Known register values: bit r of <see cref="Known"/> says <see cref="Values"/>[r] holds.</summary>
    internal sealed class State
    {
        public uint Known;
        public readonly uint[] Values = new uint[32];

        public State Copy()
        {
            var s = new State();
            s.CopyFrom(this);
            return s;
        }

        public void CopyFrom(State other)
        {
            Known = other.Known;
            Array.Copy(other.Values, Values, 32);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Has(int reg, out uint value)
        {
            value = reg == 0 ? 0 : Values[reg];
            return reg == 0 || (Known & (1u << reg)) != 0;
        }

        /// <summary>Keeps what both states know alike; true when this state changed.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Meet(State other)
        {
            // the registers holding equal values, 8 at a time (r0's entry is never set: always equal)
            var equal = 0u;
            for (var r = 0; r < 32; r += 8)
                equal |= Vector256.Equals(Vector256.Create(Values.AsSpan(r, 8)), Vector256.Create(other.Values.AsSpan(r, 8))).ExtractMostSignificantBits() << r;
            var keep = Known & other.Known & equal;
            var changed = keep != Known;
            Known = keep;
            return changed;
        }
    }

    public static CoreEdit Run(CoreProgram p)
    {
        var leader = p.Leaders();
        var atLeader = CoreScratch.Cleared(ref p.Scratch.AtLeader, p.Count + 1);
        var entry = new State { Known = ~0u & ~(1u << HpimAbi.Token | 1u << HpimAbi.Prompt | 1u << HpimAbi.Step | 1u << HpimAbi.Kv) };
        foreach (var e in p.Entries) atLeader[e.Word] = entry.Copy();
        if (p.Entries.Count == 0) atLeader[0] = entry.Copy();
        // Sweep in word order until no leader's state changes (loops feed their tops from below); a sweep steps only
        // through the runs whose entry state changed since they were last stepped (the analysis is monotone: the
        // order of steps does not change the fixed point), the edit sweep through every reached run.
        var dirty = new bool[p.Count + 1];
        foreach (var e in p.Entries) dirty[e.Word] = true;
        dirty[0] |= p.Entries.Count == 0;
        while (Sweep(p, leader, atLeader, dirty, null)) { }
        var edit = new CoreEdit(p);
        Sweep(p, leader, atLeader, dirty, edit);
        return edit;
    }

    /// <summary>One sweep; true when a branch back changed the entry state of a run already passed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Sweep(CoreProgram p, bool[] leader, State?[] atLeader, bool[] dirty, CoreEdit? edit)
    {
        var again = false;
        var s = new State();
        var reached = false;                                               // s holds the state before word t
        for (var t = 0; t < p.Count; t++)
        {
            if (leader[t])
            {
                if (reached) Merge(atLeader, dirty, t, s);
                reached = atLeader[t] is not null && (dirty[t] || edit is not null);
                dirty[t] = false;
                if (reached) s.CopyFrom(atLeader[t]!);
            }
            if (!reached) continue;                                        // not reached (yet), or nothing new
            var w = p.Info[t];
            if (edit is not null && !p.Protected[t]) Simplify(p, t, s, leader, edit);
            Step(w, s);
            if (w.Target >= 0) again |= Merge(atLeader, dirty, w.Target, s) && w.Target <= t;
            if (!w.FallsThrough) reached = false;
        }
        return again;
    }

    /// <summary>Meets <paramref name="s"/> into run t's entry state; true (and t marked) when that changed it.</summary>
    private static bool Merge(State?[] atLeader, bool[] dirty, int t, State s)
    {
        if (atLeader[t] is not { } known)
        {
            atLeader[t] = s.Copy();
            return dirty[t] = true;
        }
        var changed = known.Meet(s);
        dirty[t] |= changed;
        return changed;
    }

    private static void Step(in CoreWord w, State s)
    {
        if (w.Dest <= 0) return;                                           // no register written, or r0 (stays 0)
        if (TryValue(w, s, out var v))
        {
            s.Known |= 1u << w.Dest;
            s.Values[w.Dest] = v;
        }
        else s.Known &= ~(1u << w.Dest);
    }

    /// <summary>The value a scalar definition writes when its inputs are known.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryValue(in CoreWord w, State s, out uint value)
    {
        switch (w.Action)
        {
            case OpAction.LoadImmediateLow:
                value = (uint)w.Imm;
                return true;
            case OpAction.LoadImmediateHigh:
                if (s.Has(w.Dest, out var low)) { value = ArithmeticSemantics.LoadHigh(low, (uint)w.Imm); return true; }
                break;
            case OpAction.ScalarImmediate:
                if (s.Has(w.Rs, out var a)) { value = ArithmeticSemantics.Integer(w.Function, a, (uint)w.Imm); return true; }
                break;
            case OpAction.ScalarRegister:
                if (s.Has(w.Rs, out var x) && s.Has(w.Rt, out var y)) { value = ArithmeticSemantics.Integer(w.Function, x, y); return true; }
                break;
        }
        value = 0;                                                         // lw, loop, or inputs not known
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Simplify(CoreProgram p, int t, State s, bool[] leader, CoreEdit edit)
    {
        var w = p.Info[t];
        if (w.Pure && w.Dest > 0 && s.Has(w.Dest, out var old))
        {
            // li.lo + li.hi of one register: the pair's value
            if (w.Action == OpAction.LoadImmediateLow && t + 1 < p.Count && !leader[t + 1] && !p.Protected[t + 1]
                && p.Info[t + 1].Action == OpAction.LoadImmediateHigh && p.Info[t + 1].Dest == w.Dest)
            {
                if (ArithmeticSemantics.LoadHigh((uint)w.Imm, (uint)p.Info[t + 1].Imm) == old)
                {
                    edit.Delete(t);
                    edit.Delete(t + 1);
                }
                return;
            }
            if (TryValue(w, s, out var v) && v == old || IsIdentity(w, s))
            {
                edit.Delete(t);
                return;
            }
        }
        else if (w.Pure && IsIdentity(w, s))
        {
            edit.Delete(t);
            return;
        }
        var zero = 0u;                                                     // registers read that are known to hold 0
        for (var r = w.Reads; r != 0; r &= r - 1)
        {
            var reg = System.Numerics.BitOperations.TrailingZeroCount(r);
            if (s.Has(reg, out var v) && v == 0) zero |= 1u << reg;
        }
        if (zero != 0 && CoreWord.TryRedirectReads(p.Words[t], zero, 0, out var op)) edit.Replace(t, op);
    }

    /// <summary><c>rX = rX f z</c> with z known to be 0 and 0 a right identity of f (x f 0 = x).</summary>
    private static bool IsIdentity(CoreWord w, State s)
    {
        if (w.Dest <= 0) return false;
        uint z;
        switch (w.Action)
        {
            case OpAction.ScalarImmediate when w.Rs == w.Dest: z = (uint)w.Imm; break;
            case OpAction.ScalarRegister when w.Rs == w.Dest && s.Has(w.Rt, out var rt): z = rt; break;
            default: return false;
        }
        return z == 0 && CoreWord.RightIdentityZero(w.Function);
    }
}
