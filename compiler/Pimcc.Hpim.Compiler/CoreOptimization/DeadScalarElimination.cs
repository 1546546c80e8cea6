using System.Runtime.CompilerServices;

namespace Pimcc.Hpim.Compiler.CoreOptimization;

/// <summary>
/// Dead scalar elimination (LLVM's DeadMachineInstructionElim, with faint values): a pure scalar definition whose
/// register nobody reads before it is written again or the program halts is deleted. Liveness counts only the reads
/// of words that stay, so an induction register that only feeds its own update (<c>addi r17, r17, 2</c>) and a
/// post-increment that the next iteration recomputes both go.
/// </summary>
internal static class DeadScalarElimination
{
    /// <summary>Registers live on entry to each word (index <c>Count</c>: past the stream's end, nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint[] LiveIn(CoreProgram p)
    {
        var live = new uint[p.Count + 1];
        bool changed;
        do
        {
            changed = false;
            for (var t = p.Count - 1; t >= 0; t--)
            {
                var w = p.Info[t];
                var outSet = (w.FallsThrough ? live[t + 1] : 0) | (w.Target >= 0 ? live[w.Target] : 0);
                var inSet = Dead(p, t, outSet) ? outSet : (outSet & ~(w.Pure ? w.Writes : 0)) | w.Reads;
                if (inSet == live[t]) continue;
                live[t] = inSet;
                changed = true;
            }
        } while (changed);
        return live;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CoreEdit Run(CoreProgram p)
    {
        var live = LiveIn(p);
        var edit = new CoreEdit(p);
        for (var t = 0; t < p.Count; t++)
        {
            var w = p.Info[t];
            var outSet = (w.FallsThrough ? live[t + 1] : 0) | (w.Target >= 0 ? live[w.Target] : 0);
            if (Dead(p, t, outSet)) edit.Delete(t);
        }
        return edit;
    }

    private static bool Dead(CoreProgram p, int t, uint liveOut) => p.Info[t].Pure && !p.Protected[t] && (p.Info[t].Writes & liveOut) == 0;
}
