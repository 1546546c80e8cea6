using System.Runtime.ExceptionServices;

namespace Pimcc.Diagnostics;

/// <summary>
/// Independent pieces of work run in parallel, with a sequential run's outcome: the results in list order, and when
/// any fails, the failure of the first in list order (whichever thread found its own first), rethrown as it was thrown.
/// </summary>
public static class SideBySide
{
    public static T[] Run<T>(int count, Func<int, T> work)
    {
        var results = new T[count];
        var errors = new Exception?[count];
        Parallel.For(0, count, i =>
        {
            try { results[i] = work(i); }
            catch (Exception e) { errors[i] = e; }
        });
        if (Array.Find(errors, e => e is not null) is { } first)
            ExceptionDispatchInfo.Capture(first).Throw();
        return results;
    }
}
