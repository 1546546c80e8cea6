using System.Runtime.CompilerServices;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Sim;

/// <summary>
/// The energy events of one instruction with their counts, in the order the cost model counts them (the order in
/// which a run adds their energies, so the sums are the same whatever the instruction); at most
/// <see cref="Capacity"/> kinds, held inline: costing a word allocates nothing.
/// </summary>
public struct EnergyEventCounts
{
    /// <summary>Most event kinds one instruction causes (<c>xb.mvm</c>: crossbar read, DAC, ADC, shift-add, SRAM).</summary>
    public const int Capacity = 5;

    [InlineArray(Capacity)]
    private struct Slots
    {
        private (PimllmEnergyEvent Event, long Count) _slot;
    }

    private Slots _slots;

    /// <summary>Event kinds counted.</summary>
    public int Count { get; private set; }

    /// <summary>The k-th event kind counted and its count.</summary>
    public readonly (PimllmEnergyEvent Event, long Count) At(int k) =>
        (uint)k < (uint)Count ? _slots[k] : throw new ArgumentOutOfRangeException(nameof(k));

    /// <summary>The count of an event kind; setting one not counted yet appends it.</summary>
    public long this[PimllmEnergyEvent e]
    {
        readonly get
        {
            for (var k = 0; k < Count; k++)
                if (_slots[k].Event == e) return _slots[k].Count;
            throw new KeyNotFoundException($"event {e} is not counted");
        }
        set
        {
            var k = 0;
            while (k < Count && _slots[k].Event != e) k++;
            if (k == Capacity) throw new InvalidOperationException($"more than {Capacity} event kinds in one instruction");
            _slots[k] = (e, value);
            if (k == Count) Count++;
        }
    }
}
