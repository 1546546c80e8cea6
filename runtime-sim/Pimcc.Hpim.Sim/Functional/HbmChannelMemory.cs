using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
namespace Pimcc.Hpim.Sim.Functional;

/// <summary>
/// The bytes of one HBM channel, allocated in pages on first write (a 96 GB device is mostly never touched by a
/// small model). Unwritten bytes read as zero. Addresses are in-channel byte addresses (docs/hpim-lowering.md:
/// (row x banks + bank) x page + byte). Copies share pages until one side writes (copy on write), so the race
/// check's snapshot before every run costs only the pages the run changes.
/// </summary>
internal sealed class HbmChannelMemory(long capacityBytes)
{
    /// <summary>Allocation granule; independent of the DRAM page size (a simulator detail).</summary>
    public const int PageBytes = 64 * 1024;

    private static readonly byte[] ZeroPage = new byte[PageBytes];

    private readonly SortedDictionary<long, byte[]> _pages = [];
    // Pages this memory shares with a copy; the first write replaces them with a private copy.
    private readonly HashSet<long> _shared = [];

    public long CapacityBytes { get; } = capacityBytes;

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
            else if (_shared.Remove(page)) _pages[page] = p = (byte[])p.Clone();
            src.Slice(done, n).CopyTo(p.AsSpan(off));
            done += n;
        }
    }

    /// <summary>A copy that shares every page with this memory until either side writes it.</summary>
    public HbmChannelMemory Copy()
    {
        var c = new HbmChannelMemory(CapacityBytes);
        foreach (var (page, bytes) in _pages)
        {
            c._pages[page] = bytes;
            c._shared.Add(page);
            _shared.Add(page);
        }
        return c;
    }

    /// <summary>True when both memories hold the same bytes (absent pages count as zeros).</summary>
    public bool SameAs(HbmChannelMemory other, out long firstDifference)
    {
        foreach (var page in _pages.Keys.Union(other._pages.Keys).Order())
        {
            var a = _pages.GetValueOrDefault(page) ?? ZeroPage;
            var b = other._pages.GetValueOrDefault(page) ?? ZeroPage;
            if (ReferenceEquals(a, b)) continue;
            var at = a.AsSpan().CommonPrefixLength(b);
            if (at < PageBytes)
            {
                firstDifference = page * PageBytes + at;
                return false;
            }
        }
        firstDifference = -1;
        return true;
    }
}
