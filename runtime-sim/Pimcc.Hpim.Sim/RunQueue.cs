using System.Runtime.ExceptionServices;

namespace Pimcc.Hpim.Sim;

/// <summary>
/// Independent program runs on up to <see cref="SimOptions.ParallelRuns"/> threads, with more added as earlier ones
/// finish, so that no thread waits for a whole batch to end before the next decision's runs can start
/// (<see cref="LayerSampling.RunAll"/>: a program's next layer window starts as soon as its last window's runs are in).
/// A free thread starts the queued run of the largest <see cref="RunOrder"/> estimate, dropping those no longer
/// wanted (a spare run whose program has its figures: <see cref="LayerSampling.Spare"/>). The
/// consumer's <c>finished</c> is called under a lock, one call at a time, with each run's result or error, and returns
/// the runs to add. Runs share nothing, so a run's figures never depend on when or beside what it ran; the consumer's
/// decisions must depend only on the figures (not on the order results come in) to keep reports deterministic.
/// </summary>
public static class RunQueue
{
    /// <summary>Runs <paramref name="first"/> and whatever <paramref name="finished"/> adds, until none is queued or running.</summary>
    /// <param name="wanted">Whether a queued run (by its tag) is still wanted, asked when a thread looks for one to start.</param>
    public static void Run<T>(HpimSimulator sim, IEnumerable<(ProgramRun Run, T Tag)> first, Func<T, bool> wanted,
        Func<T, ProgramRunResult?, ExceptionDispatchInfo?, IEnumerable<(ProgramRun Run, T Tag)>> finished)
    {
        var gate = new object();
        var queued = new List<(ProgramRun Run, T Tag, (long Words, uint Kv) Size)>();
        void Enqueue(IEnumerable<(ProgramRun Run, T Tag)> runs)
        {
            foreach (var (run, tag) in runs) queued.Add((run, tag, RunOrder.Size(run, sim.ProgramWords)));
        }
        Enqueue(first);
        var running = 0;
        ExceptionDispatchInfo? broken = null;
        // The queued run to start next: the largest, then the earliest queued; runs no longer wanted go.
        int Next()
        {
            queued.RemoveAll(q => !wanted(q.Tag));
            return RunOrder.Next(queued, q => q.Size);
        }
        var threads = Math.Max(1, sim.Options.ParallelRuns);
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            while (true)
            {
                (ProgramRun Run, T Tag) item;
                lock (gate)
                {
                    int i;
                    while ((i = Next()) < 0 && running > 0 && broken is null) Monitor.Wait(gate);
                    if (i < 0 || broken is not null) { Monitor.PulseAll(gate); return; }
                    item = (queued[i].Run, queued[i].Tag);
                    queued.RemoveAt(i);
                    running++;
                }
                ProgramRunResult? result = null;
                ExceptionDispatchInfo? error = null;
                try { result = sim.RunOne(item.Run); }
                catch (Exception e) { error = ExceptionDispatchInfo.Capture(e); }
                lock (gate)
                {
                    running--;
                    // The consumer's own failure (not a run's) ends every thread and is rethrown.
                    try { Enqueue(finished(item.Tag, result, error)); }
                    catch (Exception e) { broken ??= ExceptionDispatchInfo.Capture(e); }
                    Monitor.PulseAll(gate);
                }
            }
        });
        broken?.Throw();
    }
}
