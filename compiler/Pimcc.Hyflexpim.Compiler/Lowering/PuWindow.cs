using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;

namespace Pimcc.Hyflexpim.Compiler.Lowering;

/// <summary>
/// The activation window of one PU's buffer (the first <see cref="HyflexpimFormats.WindowBytes"/> bytes, in
/// 256-byte units): parameters first, then the values of the program being lowered, first fit, a block freed after
/// its last use. A reused block remembers who touched it last, so its next writer waits for them (no write before an
/// earlier read or write on another stream is done).
/// </summary>
internal sealed class PuWindow(int pu, long paramUnits)
{
    private sealed record FreeBlock(long Start, long Units, List<Access> Touched);

    private const long Capacity = HyflexpimFormats.WindowBytes / HyflexpimFormats.BufferUnitBytes;
    private readonly List<FreeBlock> _free = [];
    private long _top = paramUnits;

    public int Pu => pu;

    /// <summary>The highest unit a value has used (the window's high-water mark).</summary>
    public long HighWater { get; private set; } = paramUnits;

    public (long Start, IReadOnlyList<Access> Touched) Allocate(long units, string what)
    {
        for (var i = 0; i < _free.Count; i++)
        {
            var f = _free[i];
            if (f.Units < units) continue;
            _free.RemoveAt(i);
            if (f.Units > units) _free.Insert(i, f with { Start = f.Start + units, Units = f.Units - units });
            return (f.Start, f.Touched);
        }
        // Past the window's end, the free block just below the top (if any) grows upwards instead: it and the unused
        // space above it may hold what no single free block does (a first-fit window fragments).
        if (_top + units > Capacity && _free.Count > 0 && _free[^1] is var last && last.Start + last.Units == _top && last.Start + units <= Capacity)
        {
            _free.RemoveAt(_free.Count - 1);
            _top = last.Start + units;
            HighWater = Math.Max(HighWater, _top);
            return (last.Start, last.Touched);
        }
        if (_top + units > Capacity)
            throw new WindowFullException(new PimccError(ExitCode.CapacityExceeded, $"PU {pu}",
                $"{what} does not fit the PU's {HyflexpimFormats.WindowBytes >> 20} MiB activation window ({(_top + units) * HyflexpimFormats.BufferUnitBytes} bytes live with it)",
                "compile for fewer --prompt-tokens"));
        var start = _top;
        _top += units;
        HighWater = Math.Max(HighWater, _top);
        return (start, []);
    }

    public void Free(long start, long units, IEnumerable<Access> touched)
    {
        var i = _free.FindIndex(f => f.Start > start);
        if (i < 0) i = _free.Count;
        _free.Insert(i, new FreeBlock(start, units, Latest(touched)));
        // Coalesce with the neighbours; the merged block keeps everyone who touched any part of it.
        if (i + 1 < _free.Count && _free[i].Start + _free[i].Units == _free[i + 1].Start)
        {
            _free[i] = new FreeBlock(_free[i].Start, _free[i].Units + _free[i + 1].Units, Latest([.. _free[i].Touched, .. _free[i + 1].Touched]));
            _free.RemoveAt(i + 1);
        }
        if (i > 0 && _free[i - 1].Start + _free[i - 1].Units == _free[i].Start)
        {
            _free[i - 1] = new FreeBlock(_free[i - 1].Start, _free[i - 1].Units + _free[i].Units, Latest([.. _free[i - 1].Touched, .. _free[i].Touched]));
            _free.RemoveAt(i);
        }
    }

    /// <summary>The last access of each stream (what a later writer has to wait for).</summary>
    private static List<Access> Latest(IEnumerable<Access> touched) =>
        [.. touched.GroupBy(a => a.Stream).Select(g => g.MaxBy(a => a.Item))];
}

/// <summary>Values beyond a PU's activation window: the backend lowers the prompt in smaller chunks, or reports
/// <see cref="Error"/> when no chunk fits.</summary>
internal sealed class WindowFullException(PimccError error) : Exception(error.Message)
{
    public PimccError Error => error;
}
