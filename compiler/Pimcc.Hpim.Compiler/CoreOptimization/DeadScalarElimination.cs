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
    /// <summary>
    /// Registers live on entry to each word (index <c>Count</c>: past the stream's end, nothing). Backward sweeps until
    /// nothing changes; a sweep after the first starts at the last backward branch whose target's set changed (the
    /// words after it cannot change: the analysis is monotone, so the order of steps does not change the fixed point).
    /// The result is kept until the program changes (callers only read it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint[] LiveIn(CoreProgram p)
    {
        if (p.Liveness is { } known && known.Version == p.Version) return known.Live;
        var n = p.Count;
        var words = CoreScratch.AtLeast(ref p.Scratch.Steps, n);
        var lastBack = CoreScratch.AtLeast(ref p.Scratch.LastBack, n + 1); // the last backward branch to each word, or -1
        Array.Fill(lastBack, -1, 0, n + 1);
        for (var t = 0; t < n; t++)
        {
            ref readonly var w = ref p.Info[t];
            var kills = w.Pure ? w.Writes : 0;
            words[t] = new Step(w.Reads, kills, w.Target, w.FallsThrough, w.Pure && !p.Protected[t]);
            if (w.Target >= 0 && w.Target <= t) lastBack[w.Target] = t;
        }
        var live = CoreScratch.Cleared(ref p.Scratch.Live, n + 1);
        for (var from = n - 1; from >= 0;)
        {
            var again = -1;
            for (var t = from; t >= 0; t--)
            {
                ref readonly var w = ref words[t];
                var outSet = (w.FallsThrough ? live[t + 1] : 0) | (w.Target >= 0 ? live[w.Target] : 0);
                var inSet = w.Deletable && (w.Kills & outSet) == 0 ? outSet : (outSet & ~w.Kills) | w.Reads;
                if (inSet == live[t]) continue;
                live[t] = inSet;
                again = Math.Max(again, lastBack[t]);
            }
            from = again;
        }
        p.Liveness = (p.Version, live);
        return live;
    }

    /// <summary>A word as liveness sees it: registers read, registers a pure definition writes, whether it may go.</summary>
    internal readonly record struct Step(uint Reads, uint Kills, int Target, bool FallsThrough, bool Deletable);

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
