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
        var work = new (long Words, uint Kv)[runs.Count];
        for (var i = 0; i < work.Length; i++)
            work[i] = (programWords(runs[i].Entry) * (runs[i].Layers ?? runs[i].Entry.Layers?.Count ?? 1), runs[i].Registers.Kv);
        // OrderBy is a stable sort: equal estimates keep batch order.
        return [.. Enumerable.Range(0, work.Length).OrderByDescending(i => work[i].Words).ThenByDescending(i => work[i].Kv)];
    }
}
