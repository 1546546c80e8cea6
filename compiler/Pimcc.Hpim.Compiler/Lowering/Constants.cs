using System.Globalization;
using System.Runtime.CompilerServices;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Scalar constants the VCU reads from local memory (1 / n, epsilon, attention scale, 0, -inf): one 32-byte slot
/// each at the top of every core's local memory, shared by both programs. The ISA has no store-immediate, so the
/// loader writes them like weights: the memory map names each slot <c>const:&lt;value&gt;</c> (FP16 at offset 0).
/// Below the slots sits the ALiBi table when the module has one (<see cref="AlibiTable"/>, region <c>alibi</c>).
/// </summary>
internal sealed class Constants(HpimTarget target, AlibiTable? alibi = null)
{
    public const int Slots = 32;
    public const long SlotBytes = LocalBuffers.Align;
    public static long ReserveBytes => Slots * SlotBytes;

    /// <summary>The slots' values in slot order, shared by every view of the pool (it is also the lock).</summary>
    private List<double> _values = [];

    /// <summary>The first program's lowering is over (<see cref="FirstDone"/>).</summary>
    private StrongBox<bool> _firstDone = new(false);

    /// <summary>This view is a later program's (<see cref="Later"/>).</summary>
    private bool _later;

    /// <summary>
    /// A view of this pool for a program lowered at the same time as the first (this view's) program, numbered as if
    /// lowered after it: a value the first program has not used yet waits until it does or its lowering is over
    /// (<see cref="FirstDone"/>), so the slots are in first-use order, the first program's first.
    /// </summary>
    public Constants Later() => new(target, alibi) { _values = _values, _firstDone = _firstDone, _later = true };

    /// <summary>The first program uses no more constants (call it also when its lowering fails).</summary>
    public void FirstDone()
    {
        lock (_values)
        {
            _firstDone.Value = true;
            Monitor.PulseAll(_values);
        }
    }

    public long Base => target.Sram.LocalMemory.TotalBytes - ReserveBytes;

    /// <summary>Local bytes at the top of every core that neither program's buffers may use: the slots and the ALiBi table.</summary>
    public long ReservedBytes => ReserveBytes + (alibi?.Bytes(target.ElementBytes) ?? 0);

    public AlibiTable? Alibi => alibi;

    /// <summary>Local address of the ALiBi table (its slopes; the ramp follows at <see cref="AlibiRamp"/>).</summary>
    public long AlibiBase => Base - (alibi ?? throw new InvalidOperationException("the module has no ALiBi table")).Bytes(target.ElementBytes);

    /// <summary>Local address of ramp element R[0].</summary>
    public long AlibiRamp => AlibiBase + alibi!.SlopeBytes(target.ElementBytes);

    /// <summary>Local address of head <paramref name="head"/>'s slope.</summary>
    public long AlibiSlope(long head) => AlibiBase + head * target.ElementBytes;

    public long Address(double value)
    {
        lock (_values)
        {
            var i = _values.FindIndex(v => v.Equals(value));
            while (i < 0 && _later && !_firstDone.Value)
            {
                Monitor.Wait(_values);
                i = _values.FindIndex(v => v.Equals(value));
            }
            if (i < 0)
            {
                if (_values.Count == Slots)
                    throw new PimccError(ExitCode.CapacityExceeded, "local memory constants", $"the program needs more than {Slots} distinct scalar constants",
                        "report this model; the constant pool size is a lowering limit");
                _values.Add(value);
                i = _values.Count - 1;
                Monitor.PulseAll(_values);
            }
            return Base + i * SlotBytes;
        }
    }

    public IEnumerable<MemoryRegion> Regions(int cores)
    {
        var slots = from c in Enumerable.Range(0, cores)
                    from i in Enumerable.Range(0, _values.Count)
                    select new MemoryRegion("const:" + Text(_values[i]), RegionKind.Scratch, new LocalPlacement(c, Base + i * SlotBytes), SlotBytes);
        if (alibi is null) return slots;
        var table = from c in Enumerable.Range(0, cores)
                    select new MemoryRegion(AlibiTable.RegionName, RegionKind.Weight, new LocalPlacement(c, AlibiBase), alibi.Bytes(target.ElementBytes));
        return table.Concat(slots);
    }

    private static string Text(double v) =>
        double.IsNegativeInfinity(v) ? "-inf" : double.IsPositiveInfinity(v) ? "inf" : v.ToString("R", CultureInfo.InvariantCulture);
}
