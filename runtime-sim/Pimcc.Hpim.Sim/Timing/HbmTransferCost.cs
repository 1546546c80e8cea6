using Pimcc.Isa.Encoding;
using Pimcc.Sim;

namespace Pimcc.Hpim.Sim.Timing;

/// <summary>
/// What one core HBM transfer (hbm.ld, hbm.st, hbm.pf) of <see cref="Bytes"/> costs, all of it a function of the size:
/// its time on the core's HBM interface and on the channel's port, its latency, and its counters and energy. A core
/// keeps the last one (<see cref="CoreAgent"/>): the loops that gather a vector from every channel move one size 64
/// times, so the divisions and roundings are done once per loop instead of once per word.
/// </summary>
internal sealed class HbmTransferCost
{
    public long Bytes { get; }
    /// <summary>Occupancy of the core's HBM interface.</summary>
    public long InterfacePs { get; }
    /// <summary>Occupancy of the channel's port (that channel's external bus).</summary>
    public long PortPs { get; }
    /// <summary>From the start to the data in place: the slower of the two, plus the DRAM access latency.</summary>
    public long LatencyPs { get; }
    /// <summary>Rows opened: one per page touched.</summary>
    public double Activates { get; }

    private readonly EnergySubsystem _dram, _offBank, _local;
    private readonly double _dramPj, _offBankPj, _localPj;

    public HbmTransferCost(long bytes, MachineModel m)
    {
        Bytes = bytes;
        InterfacePs = (long)Math.Ceiling(bytes / m.InterfaceBytesPerPs);
        PortPs = (long)Math.Ceiling(bytes / m.ChannelBytesPerPs);
        LatencyPs = Math.Max(InterfacePs, PortPs) + m.HbmAccessLatencyPs;
        Activates = Math.Ceiling(bytes / (double)m.Target.Hbm.Organization.PageBytes);
        var bits = bytes * 8.0;
        var e = m.Energy;
        (_dram, _dramPj) = (e.Subsystem(EnergyEvent.DramCellBit), e.Amount(EnergyEvent.DramCellBit, bits, EnergyEvent.DramActivate, Activates));
        (_offBank, _offBankPj) = (e.Subsystem(EnergyEvent.DramOffBankBit), e.Amount(EnergyEvent.DramOffBankBit, bits));
        (_local, _localPj) = (e.Subsystem(EnergyEvent.LocalMemoryBit), e.Amount(EnergyEvent.LocalMemoryBit, bits));
    }

    /// <summary>Adds the transfer's counters and energy under <paramref name="cls"/>: the same additions, in the same order, as charging each event.</summary>
    public void Charge(StatVector stats, WorkClass cls)
    {
        stats.Add(Counter.CoreHbmBytes, Bytes);
        stats.Add(Counter.HbmExternalBytes, Bytes);
        stats.Add(Counter.DramActivates, Activates);
        stats.AddEnergy(_dram, cls, _dramPj);
        stats.AddEnergy(_offBank, cls, _offBankPj);
        stats.AddEnergy(_local, cls, _localPj);
    }
}
