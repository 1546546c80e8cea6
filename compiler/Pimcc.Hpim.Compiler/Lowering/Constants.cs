using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Scalar constants the VCU reads from local memory (1 / n, epsilon, attention scale, 0, -inf): one 32-byte slot
/// each at the top of every core's local memory, shared by both programs. The ISA has no store-immediate, so the
/// loader writes them like weights: the memory map names each slot <c>const:&lt;value&gt;</c> (FP16 at offset 0).
/// </summary>
internal sealed class Constants(HpimTarget target)
{
    public const int Slots = 32;
    public const long SlotBytes = LocalBuffers.Align;
    public static long ReserveBytes => Slots * SlotBytes;

    private readonly List<double> _values = [];

    public long Base => target.Sram.LocalMemory.TotalBytes - ReserveBytes;

    public long Address(double value)
    {
        var i = _values.FindIndex(v => v.Equals(value));
        if (i < 0)
        {
            if (_values.Count == Slots)
                throw new PimccError(ExitCode.CapacityExceeded, "local memory constants", $"the program needs more than {Slots} distinct scalar constants",
                    "report this model; the constant pool size is a lowering limit");
            _values.Add(value);
            i = _values.Count - 1;
        }
        return Base + i * SlotBytes;
    }

    public IEnumerable<MemoryRegion> Regions(int cores) =>
        from c in Enumerable.Range(0, cores)
        from i in Enumerable.Range(0, _values.Count)
        select new MemoryRegion("const:" + Text(_values[i]), RegionKind.Scratch, new LocalPlacement(c, Base + i * SlotBytes), SlotBytes);

    private static string Text(double v) =>
        double.IsNegativeInfinity(v) ? "-inf" : double.IsPositiveInfinity(v) ? "inf" : v.ToString("R", CultureInfo.InvariantCulture);
}
