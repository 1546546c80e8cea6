using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Scalar constants the VCU reads from local memory (1 / n, epsilon, attention scale, 0, -inf): one 32-byte slot
/// each at the top of every core's local memory. The ISA has no store-immediate, so the loader writes them like
/// weights: the memory map names each slot <c>const:&lt;value&gt;</c> (FP16 at offset 0).
/// Below the slots sits the ALiBi table when the module has one (<see cref="AlibiTable"/>, region <c>alibi</c>).
/// The two programs are lowered side by side, so each numbers slots of its own in its own first-use order: the first
/// program (this view) from the lowest slot up, the later one (<see cref="Later"/>) from the highest down. A slot's
/// number depends only on its program's lowering, never on the threads' timing; a value both programs use has a slot
/// in each.
/// </summary>
internal sealed class Constants(HpimTarget target, AlibiTable? alibi = null)
{
    public const int Slots = 32;
    public const long SlotBytes = LocalBuffers.Align;
    public static long ReserveBytes => Slots * SlotBytes;

    /// <summary>The slots both views fill (the object is also their lock).</summary>
    private sealed class Pool
    {
        public readonly double[] Values = new double[Slots];
        public int First, Later;                                           // slots taken from the bottom / from the top
    }

    private Pool _pool = new();

    /// <summary>This view is the later program's: it numbers slots from the top down.</summary>
    private bool _later;

    /// <summary>The view for the program lowered beside this one: slots of its own, from the highest down.</summary>
    public Constants Later() => new(target, alibi) { _pool = _pool, _later = true };

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
        lock (_pool)
        {
            var taken = _later ? _pool.Later : _pool.First;
            for (var k = 0; k < taken; k++)
                if (_pool.Values[Slot(k)].Equals(value)) return Base + Slot(k) * SlotBytes;
            if (_pool.First + _pool.Later == Slots)
                throw new PimccError(ExitCode.CapacityExceeded, "local memory constants", $"the programs need more than {Slots} scalar constant slots",
                    "report this model; the constant pool size is a lowering limit");
            var slot = Slot(taken);
            _pool.Values[slot] = value;
            if (_later) _pool.Later++;
            else _pool.First++;
            return Base + slot * SlotBytes;
        }
    }

    /// <summary>This view's k-th slot.</summary>
    private int Slot(int k) => _later ? Slots - 1 - k : k;

    /// <summary>Every core's taken slots in slot order (the ALiBi table first when there is one).</summary>
    public IEnumerable<MemoryRegion> Regions(int cores)
    {
        var taken = Enumerable.Range(0, _pool.First).Concat(Enumerable.Range(Slots - _pool.Later, _pool.Later)).ToArray();
        var slots = from c in Enumerable.Range(0, cores)
                    from i in taken
                    select new MemoryRegion("const:" + Text(_pool.Values[i]), RegionKind.Scratch, new LocalPlacement(c, Base + i * SlotBytes), SlotBytes);
        if (alibi is null) return slots;
        var table = from c in Enumerable.Range(0, cores)
                    select new MemoryRegion(AlibiTable.RegionName, RegionKind.Weight, new LocalPlacement(c, AlibiBase), alibi.Bytes(target.ElementBytes));
        return table.Concat(slots);
    }

    private static string Text(double v) =>
        double.IsNegativeInfinity(v) ? "-inf" : double.IsPositiveInfinity(v) ? "inf" : v.ToString("R", CultureInfo.InvariantCulture);
}
