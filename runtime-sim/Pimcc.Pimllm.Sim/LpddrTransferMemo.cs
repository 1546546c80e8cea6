using System.Runtime.InteropServices;
using Pimcc.Targets.Dram;

namespace Pimcc.Pimllm.Sim;

/// <summary>
/// Short LPDDR transfers' command sequences, recorded by <see cref="LpddrChannel"/>'s exact path and replayed for a
/// transfer of the same shape that starts from the same relative channel state, so that the controller loop and its
/// probes run once per (shape, state) instead of once per transfer.
/// <para>Key: the shape (bank of the first page, first burst within its row, bursts, direction) and the engine's
/// history relative to the transfer's start (<see cref="Pimcc.Targets.Dram.DramTimingEngine.WriteHistory"/>). The
/// controller reads nothing else but the refresh schedule: an entry keeps the latest cycle, relative to the start,
/// at which its run compared anything with a refresh due time or deadline (every clock it stood at and every probe's
/// answer), and it is replayed only when the channel's next refresh falls due after that cycle; it was recorded only
/// if its own run saw no refresh due. Then the two runs make the same decisions at the same offsets (by induction
/// over the loop: same probes, same answers, same choice), so the replay issues the recorded commands at the shifted
/// cycles, with the recorded burst count and data end. Row numbers do not enter: no rule reads a row, every bank is
/// precharged at a transfer's start and end, and the pages of a transfer are one bank-group rotation apart whatever
/// its first row. Deterministic and exact (tests compare it with the exact path on random transfer sequences); at
/// most <see cref="Capacity"/> entries, cleared when full (an entry only saves time).</para>
/// </summary>
public sealed class LpddrTransferMemo
{
    /// <summary>Most entries kept; the memo starts over when it is full.</summary>
    public const int Capacity = 1 << 14;

    /// <summary>A transfer's change to the engine, bursts, data end and the latest cycle its run compared with refresh
    /// times (cycles from its start).</summary>
    public sealed record Entry(DramSpanChange Change, long Bursts, long Done, long Horizon);

    private readonly Dictionary<Key, Entry> _entries = new(KeyComparer.Instance);

    /// <summary>Transfers replayed from the memo and transfers recorded into it.</summary>
    public long Replayed { get; private set; }

    public long Recorded { get; private set; }

    /// <summary>The entry for the first <paramref name="length"/> values of <paramref name="key"/>, whose refresh falls
    /// due <paramref name="nextDue"/> clocks after the start, or null.</summary>
    public Entry? Find(long[] key, int length, long nextDue)
    {
        if (!_entries.TryGetValue(new Key(key, length), out var e) || e.Horizon >= nextDue) return null;
        Replayed++;
        return e;
    }

    /// <summary>Keeps an entry (a copy of the key).</summary>
    public void Add(long[] key, int length, Entry entry)
    {
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries[new Key(key[..length], length)] = entry;
        Recorded++;
    }

    // The first Length values of Values (a scratch buffer while looking up).
    private readonly record struct Key(long[] Values, int Length)
    {
        public ReadOnlySpan<long> Span => Values.AsSpan(0, Length);
    }

    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(Key x, Key y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(Key key)
        {
            var h = new HashCode();
            h.AddBytes(MemoryMarshal.AsBytes(key.Span));
            return h.ToHashCode();
        }
    }
}
