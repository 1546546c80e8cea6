using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Local-memory allocation of one program (the same addresses on every core): a bump allocator for fixed
/// scratch and a first-fit free list for IR values. Addresses are 32-byte aligned because HBM commands address
/// local memory in 32-byte units. Exceeding a core's memory is a <see cref="ExitCode.CapacityExceeded"/> error.
/// </summary>
internal sealed class LocalBuffers(HpimTarget target, string program, long reserved)
{
    public const int Align = 32;
    private readonly List<(string Name, long Address, long Bytes, RegionKind Kind)> _regions = [];
    private readonly List<(long Address, long Bytes)> _free = [];
    private long _top;

    public long Capacity => target.Sram.LocalMemory.TotalBytes - reserved;
    public long Used => _top;

    public long Allocate(string name, long bytes, RegionKind kind = RegionKind.Activation)
    {
        bytes = Round(Math.Max(bytes, 1));
        for (var i = 0; i < _free.Count; i++)
        {
            if (_free[i].Bytes < bytes) continue;
            var addr = _free[i].Address;
            _free[i] = (addr + bytes, _free[i].Bytes - bytes);
            if (_free[i].Bytes == 0) _free.RemoveAt(i);
            _regions.Add((name, addr, bytes, kind));
            return addr;
        }
        var at = _top;
        _top += bytes;
        if (_top > Capacity)
            throw new PimccError(ExitCode.CapacityExceeded, $"{program}: local buffer '{name}'",
                $"{program} needs more than {Capacity} bytes of local memory per core ({_top} bytes so far, '{name}' is {bytes} bytes)",
                "use fewer tokens (--prompt-tokens/--gen-tokens), a smaller model, or enlarge sram.localMemory.activation");
        _regions.Add((name, at, bytes, kind));
        return at;
    }

    public void Free(long address, long bytes)
    {
        _free.Add((address, Round(Math.Max(bytes, 1))));
        _free.Sort((a, b) => a.Address.CompareTo(b.Address));
        for (var i = _free.Count - 2; i >= 0; i--)
            if (_free[i].Address + _free[i].Bytes == _free[i + 1].Address)
            {
                _free[i] = (_free[i].Address, _free[i].Bytes + _free[i + 1].Bytes);
                _free.RemoveAt(i + 1);
            }
    }

    public static long Round(long bytes) => (bytes + Align - 1) / Align * Align;

    /// <summary>Memory-map regions for every core (one per buffer and core).</summary>
    public IEnumerable<MemoryRegion> Regions(int cores) =>
        from c in Enumerable.Range(0, cores)
        from r in _regions
        select new MemoryRegion(string.Create(CultureInfo.InvariantCulture, $"{program}.{r.Name}"), r.Kind, new LocalPlacement(c, r.Address), r.Bytes);
}
