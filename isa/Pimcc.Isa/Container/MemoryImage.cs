using Pimcc.Diagnostics;

namespace Pimcc.Isa.Container;

/// <summary>
/// Bytes the loader writes before the first program runs (format 1.2, section kind 7): weights in the layout the
/// lowering reads, the <c>const:</c> slots of local memory. Memory not covered by a chunk starts zero-filled, so
/// zero runs need not be stored. The simulator does not know the compiler's layout rules; it only copies chunks.
/// </summary>
/// <remarks><see cref="Space"/> is one of the target's memory spaces, <see cref="Index"/> the index its domain numbers
/// (a channel, a core), <see cref="Address"/> a byte address inside it.</remarks>
public sealed record MemoryChunk(MemorySpace Space, int Index, long Address, byte[] Bytes)
{
    public long End => Address + Bytes.Length;
}

/// <summary>Canonical order and well-formedness of an image: ascending (space, index, address), non-empty, no overlap.</summary>
public static class MemoryImageRules
{
    public static IComparer<MemoryChunk> Order { get; } = Comparer<MemoryChunk>.Create((a, b) =>
    {
        var c = a.Space.Tag.CompareTo(b.Space.Tag);
        if (c == 0) c = a.Index.CompareTo(b.Index);
        return c != 0 ? c : a.Address.CompareTo(b.Address);
    });

    /// <summary>Checks chunks already in canonical order; <paramref name="code"/> is the exit code of a violation.</summary>
    public static void Check(IReadOnlyList<MemoryChunk> chunks, string where, ExitCode code)
    {
        for (var i = 0; i < chunks.Count; i++)
        {
            var c = chunks[i];
            var at = $"{where}: image chunk {i} ({Name(c)})";
            if (c.Index < 0 || c.Address < 0 || c.Bytes.Length == 0)
                throw new PimccError(code, at, "negative index or address, or no bytes", "every chunk holds at least one byte at a non-negative address");
            if (c.Address > long.MaxValue - c.Bytes.Length)
                throw new PimccError(code, at, $"address {c.Address} puts the chunk's end beyond 2^63 bytes", "give the chunk an address inside the memory it fills");
            if (i > 0)
            {
                var p = chunks[i - 1];
                if (Order.Compare(p, c) >= 0 || (p.Space == c.Space && p.Index == c.Index && p.End > c.Address))
                    throw new PimccError(code, at, "chunks are out of order or overlap", "sort chunks by (space, index, address) and merge overlapping ones");
            }
        }
    }

    /// <summary>The canonical image of <paramref name="pieces"/>: sorted, contiguous pieces merged into one chunk;
    /// overlapping pieces are a bug of the layout that made them.</summary>
    public static List<MemoryChunk> Merge(List<MemoryChunk> pieces)
    {
        pieces.Sort(Order);
        var result = new List<MemoryChunk>();
        var run = new List<MemoryChunk>();
        void Flush()
        {
            if (run.Count == 0) return;
            var bytes = new byte[run[^1].End - run[0].Address];
            foreach (var p in run) p.Bytes.CopyTo(bytes, p.Address - run[0].Address);
            result.Add(new MemoryChunk(run[0].Space, run[0].Index, run[0].Address, bytes));
            run.Clear();
        }
        foreach (var p in pieces)
        {
            if (run.Count > 0 && (run[^1].Space != p.Space || run[^1].Index != p.Index || run[^1].End != p.Address))
            {
                if (run[^1].Space == p.Space && run[^1].Index == p.Index && run[^1].End > p.Address)
                    throw new InvalidOperationException($"memory image pieces overlap at {Name(p)} (layout bug)");
                Flush();
            }
            run.Add(p);
        }
        Flush();
        return result;
    }

    public static string Name(MemoryChunk c) =>
        c.Space.Name + " " + c.Space.IndexDomain + c.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)
        + "@" + c.Address.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
