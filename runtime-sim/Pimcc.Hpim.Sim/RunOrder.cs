namespace Pimcc.Hpim.Sim;

/// <summary>
/// The order in which <see cref="HpimSimulator.RunAll"/> starts a batch of independent runs: the largest estimated
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
    /// <summary>Indices of <paramref name="runs"/> in the order to start them.</summary>
    /// <param name="programWords">Words of a program's code summed over the core streams (<see cref="HpimSimulator.ProgramWords"/>).</param>
    public static int[] Of(IReadOnlyList<ProgramRun> runs, Func<ProgramEntry, long> programWords)
    {
        var sizes = runs.Select(r => Size(r, programWords)).ToArray();
        // OrderBy is a stable sort: equal estimates keep batch order.
        return [.. Enumerable.Range(0, sizes.Length).Order(Comparer<int>.Create((i, j) => Compare(sizes[j], sizes[i])))];
    }

    /// <summary>A run's estimated work: its program's core words times the layers run, and its kv.</summary>
    public static (long Words, uint Kv) Size(ProgramRun run, Func<ProgramEntry, long> programWords) =>
        (programWords(run.Entry) * (run.Layers ?? run.Entry.Layers?.Count ?? 1), run.Registers.Kv);

    /// <summary>Positive when <paramref name="a"/> is to start before <paramref name="b"/>: more words, then larger kv.</summary>
    public static int Compare((long Words, uint Kv) a, (long Words, uint Kv) b) =>
        a.Words != b.Words ? a.Words.CompareTo(b.Words) : a.Kv.CompareTo(b.Kv);
}
