namespace Pimcc.Pimllm.Compiler.Lowering;

/// <summary>
/// First-fit allocation of 64-byte units (the SRAM's address unit) with frees, tracking the high-water mark: the
/// activation buffers of one program, allocated when a value is defined and freed after its last use.
/// </summary>
internal sealed class UnitArena
{
    private readonly SortedDictionary<long, long> _used = [];   // start unit -> units

    /// <summary>The highest unit ever in use, plus one: the arena's size.</summary>
    public long PeakUnits { get; private set; }

    public static long Units(long bytes) => (bytes + Isa.PimllmFormats.SramUnitBytes - 1) / Isa.PimllmFormats.SramUnitBytes;

    /// <summary>The lowest free run of <paramref name="bytes"/> (rounded up to units; at least one unit).</summary>
    public long Alloc(long bytes)
    {
        var units = Math.Max(1, Units(bytes));
        long at = 0;
        foreach (var (start, size) in _used)
        {
            if (start - at >= units) break;
            at = Math.Max(at, start + size);
        }
        _used[at] = units;
        PeakUnits = Math.Max(PeakUnits, at + units);
        return at;
    }

    public void Free(long at)
    {
        if (!_used.Remove(at)) throw new InvalidOperationException($"unit {at} is not allocated");
    }
}
