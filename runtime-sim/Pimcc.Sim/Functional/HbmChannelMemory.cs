namespace Pimcc.Sim.Functional;

/// <summary>
/// The bytes of one HBM channel, allocated in pages on first write (a 96 GB device is mostly never touched by a
/// small model). Unwritten bytes read as zero. Addresses are in-channel byte addresses (docs/hpim-lowering.md:
/// (row x banks + bank) x page + byte).
/// </summary>
internal sealed class HbmChannelMemory(long capacityBytes)
{
    /// <summary>Allocation granule; independent of the DRAM page size (a simulator detail).</summary>
    public const int PageBytes = 64 * 1024;

    private readonly SortedDictionary<long, byte[]> _pages = [];

    public long CapacityBytes { get; } = capacityBytes;

    public IReadOnlyDictionary<long, byte[]> Pages => _pages;

    public void Read(long address, Span<byte> dst)
    {
        var done = 0;
        while (done < dst.Length)
        {
            var a = address + done;
            var page = a / PageBytes;
            var off = (int)(a % PageBytes);
            var n = Math.Min(dst.Length - done, PageBytes - off);
            if (_pages.TryGetValue(page, out var p)) p.AsSpan(off, n).CopyTo(dst[done..]);
            else dst.Slice(done, n).Clear();
            done += n;
        }
    }

    public void Write(long address, ReadOnlySpan<byte> src)
    {
        var done = 0;
        while (done < src.Length)
        {
            var a = address + done;
            var page = a / PageBytes;
            var off = (int)(a % PageBytes);
            var n = Math.Min(src.Length - done, PageBytes - off);
            if (!_pages.TryGetValue(page, out var p)) _pages[page] = p = new byte[PageBytes];
            src.Slice(done, n).CopyTo(p.AsSpan(off));
            done += n;
        }
    }

    /// <summary>True when both memories hold the same bytes (absent pages count as zeros).</summary>
    public bool SameAs(HbmChannelMemory other, out long firstDifference)
    {
        foreach (var page in _pages.Keys.Union(other._pages.Keys).Order())
        {
            var a = _pages.GetValueOrDefault(page);
            var b = other._pages.GetValueOrDefault(page);
            for (var i = 0; i < PageBytes; i++)
                if ((a is null ? 0 : a[i]) != (b is null ? 0 : b[i]))
                {
                    firstDifference = page * PageBytes + i;
                    return false;
                }
        }
        firstDifference = -1;
        return true;
    }
}
