namespace Pimcc.Hpim.Sim;

/// <summary>
/// The order in which <see cref="RunQueue"/> (so <see cref="HpimSimulator.RunAll"/>) starts independent runs: the largest estimated
/// work first, each free thread taking the next run. A batch's wall time is that of its busiest thread; in batch order
/// the first batch of a generation (a prefill and two decode steps, each at 1, 2 and 3 layers) put the three prefill
/// runs, 77% of its instructions, on one thread (OPT-30B: 24.6 M of 31.9 M simulated items; longest first, 16.2 M).
/// The estimate is the words of the program's code on the cores times the layers run: a prefill's code is about ten
/// times a decode step's and so is its work per layer (OPT-30B: 24,867 against 2,414 words on core 0; 4.0 M against
/// 0.4-0.8 M items per layer). Equal estimates go larger kv first (decode work grows with the KV blocks), then in batch
/// order. The order changes no figure: runs share nothing, and each result goes to its run's place in the batch.
/// </summary>
public static class RunOrder
{
    /// <summary>Index of the run to start next among queued runs of estimated work <paramref name="sizes"/>: the largest,
    /// the earliest queued of equals (-1: none queued). <see cref="RunQueue"/> asks it each time a thread is free.</summary>
    public static int Next<TItem>(IReadOnlyList<TItem> queued, Func<TItem, (long Words, uint Kv)> sizes)
    {
        var best = -1;
        for (var i = 0; i < queued.Count; i++)
            if (best < 0 || Compare(sizes(queued[i]), sizes(queued[best])) > 0) best = i;
        return best;
    }

    /// <summary>A run's estimated work: its program's core words times the layers run, and its kv.</summary>
    public static (long Words, uint Kv) Size(ProgramRun run, Func<ProgramEntry, long> programWords) =>
        (programWords(run.Entry) * (run.Layers ?? run.Entry.Layers?.Count ?? 1), run.Registers.Kv);

    /// <summary>Positive when <paramref name="a"/> is to start before <paramref name="b"/>: more words, then larger kv.</summary>
    private static int Compare((long Words, uint Kv) a, (long Words, uint Kv) b) =>
        a.Words != b.Words ? a.Words.CompareTo(b.Words) : a.Kv.CompareTo(b.Kv);
}
