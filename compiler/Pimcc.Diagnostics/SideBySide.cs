using System.Runtime.ExceptionServices;

namespace Pimcc.Diagnostics;

/// <summary>
/// Independent pieces of work run in parallel, with a sequential run's outcome: the results in list order, and when
/// any fails, the failure of the first in list order (whichever thread found its own first), rethrown as it was thrown.
/// </summary>
public static class SideBySide
{
    /// <summary>
    /// At most <paramref name="threads"/> pieces at a time (-1: as many as the thread pool gives, which on a busy machine
    /// grows past the cores; pieces that each hold megabytes are better held to the cores).
    /// </summary>
    public static T[] Run<T>(int count, Func<int, T> work, int threads = -1)
    {
        var results = new T[count];
        var errors = new Exception?[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            try { results[i] = work(i); }
            catch (Exception e) { errors[i] = e; }
        });
        if (Array.Find(errors, e => e is not null) is { } first)
            ExceptionDispatchInfo.Capture(first).Throw();
        return results;
    }
}
