using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Compiler.CoreOptimization;

/// <summary>
/// The arrays one core program's clean-up works in, kept per thread for the next program cleaned up there. A core's
/// word lists, word facts and analysis arrays are 0.1-1.5 MB each: allocated anew for every pass they went to the
/// large-object heap, where every few of them cost a full collection (an OPT-30B compile: 9 of its 14 collections were
/// gen 2, about a third of its CPU time in the collector and the kernel's page clearing). One program at a time holds a
/// thread's set (<see cref="Rent"/> until <see cref="Dispose"/>); a second one on the same thread gets a set of its own.
/// Every array may be longer than asked for and holds what the last user left: users clear what they read first.
/// </summary>
internal sealed class CoreScratch : IDisposable
{
    [ThreadStatic] private static CoreScratch? _cached;
    private bool _rented;

    public static CoreScratch Rent()
    {
        var s = _cached;
        if (s is null || s._rented)
        {
            s = new CoreScratch();
            _cached ??= s;
        }
        s._rented = true;
        return s;
    }

    public void Dispose() => _rented = false;

    /// <summary>The two word lists compaction fills in turn.</summary>
    public readonly List<Op> WordsA = [], WordsB = [];

    public CoreWord[] InfoA = [], InfoB = [];
    public int[] Before = [], At = [], Incoming = [], LastBack = [];
    public bool[] Protected = [];
    public uint[] Live = [];
    public DeadScalarElimination.Step[] Steps = [];
    public RedundantScalarElimination.State?[] AtLeader = [];

    /// <summary><paramref name="array"/> at least <paramref name="length"/> long (grown by a quarter more when it is not).</summary>
    public static T[] AtLeast<T>(ref T[] array, int length)
    {
        if (array.Length < length) array = new T[Math.Max(length, array.Length + array.Length / 4)];
        return array;
    }

    /// <summary><paramref name="array"/> at least <paramref name="length"/> long, its first <paramref name="length"/> entries default.</summary>
    public static T[] Cleared<T>(ref T[] array, int length)
    {
        AtLeast(ref array, length);
        Array.Clear(array, 0, length);
        return array;
    }
}
