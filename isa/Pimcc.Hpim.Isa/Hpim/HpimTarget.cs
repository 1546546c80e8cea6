using Pimcc.Targets.Dram;
using Pimcc.Targets.Description;

namespace Pimcc.Targets;

/// <summary>
/// A resolved, validated, immutable target of kind <c>hpim</c>: what the hpim compiler and simulator read.
/// Units are in the names (Bytes, Hz, Ps, Nck, Cycles, Pj, Mw). Built only by <see cref="TargetLoader"/>
/// through <see cref="Hpim.HpimKind"/>.
/// </summary>
public sealed record HpimTarget : TargetDescription
{
    /// <summary>System clock of cores, NoC and controllers.</summary>
    public required long ClockHz { get; init; }
    /// <summary>Bytes of one tensor element (2 = FP16).</summary>
    public required int ElementBytes { get; init; }
    public required SramPimConfig Sram { get; init; }
    public required NocConfig Noc { get; init; }
    public required HbmConfig Hbm { get; init; }
    public required EnergyConfig Energy { get; init; }

    /// <summary>Picoseconds per system clock cycle.</summary>
    public double CyclePs => (double)Units.PeriodPs(ClockHz);
}

public sealed record PimUnitConfig(int MacroGroups, int MacrosPerGroup, long MacroBytes, int MultipliersPerMacro, int PipelineLatencyCycles)
{
    public int Macros => MacroGroups * MacrosPerGroup;
    public int Multipliers => Macros * MultipliersPerMacro;
    public long CapacityBytes => Macros * MacroBytes;
}

public sealed record TcuConfig(int Rows, int Columns, int MacsPerPePerCycle)
{
    public int MacsPerCycle => Rows * Columns * MacsPerPePerCycle;
}

public sealed record VcuConfig(int Lanes, int PipelineLatencyCycles, int TranscendentalIntervalCycles);

public sealed record LocalMemoryConfig(long ActivationBytes, long TempBytes, double BytesPerCycle)
{
    public long TotalBytes => ActivationBytes + TempBytes;
}

public sealed record SramPimConfig(
    int Cores, int PipelineStages, long InstructionMemoryBytes,
    PimUnitConfig PimUnit, TcuConfig Tcu, VcuConfig Vcu, int ScuLatencyCycles,
    LocalMemoryConfig LocalMemory, double TransposeBytesPerCycle, double TransferBytesPerCycle)
{
    /// <summary>On-chip SRAM of one core: PIM macros + local memories.</summary>
    public long SramBytesPerCore => PimUnit.CapacityBytes + LocalMemory.TotalBytes;
}

public enum ChannelToCorePolicy { Contiguous, Interleaved }

/// <summary>HBM organisation; counts per level and the derived totals.</summary>
public sealed record HbmOrganization(
    int Stacks, int DiesPerStack, long DieBits, int ChannelsPerDie, int PseudoChannelsPerChannel,
    int BankGroupsPerChannel, int BanksPerBankGroup, long PageBytes, long ColumnBytes, int ChannelWidthBits,
    int TransfersPerClock, double DataRateBitsPerSecond, int StackIdsPerChannel = 1)
{
    /// <summary>Bank groups of one pseudo-channel on one stack ID.</summary>
    public int BankGroupsPerStackId => BankGroupsPerPseudoChannel / StackIdsPerChannel;
    public int Channels => Stacks * DiesPerStack * ChannelsPerDie;
    public int PseudoChannels => Channels * PseudoChannelsPerChannel;
    public int BankGroupsPerPseudoChannel => BankGroupsPerChannel / PseudoChannelsPerChannel;
    public int BanksPerPseudoChannel => BankGroupsPerPseudoChannel * BanksPerBankGroup;
    public int BanksPerChannel => BankGroupsPerChannel * BanksPerBankGroup;
    public int Banks => Channels * BanksPerChannel;
    public long CapacityBytes => Stacks * DiesPerStack * DieBits / 8;
    public long BankBytes => CapacityBytes / Banks;
    public long RowsPerBank => BankBytes / PageBytes;
    public int ColumnsPerRow => (int)(PageBytes / ColumnBytes);
    /// <summary>External (DQ) bandwidth of one channel.</summary>
    public double ChannelBytesPerSecond => ChannelWidthBits * DataRateBitsPerSecond / 8;
    public double ExternalBytesPerSecond => Channels * ChannelBytesPerSecond;
}

/// <summary>The HBM3 timing set in DRAM command-clock cycles (nCK) of period <see cref="TckPs"/>.</summary>
public sealed record HbmTimingSet
{
    public required decimal TckPs { get; init; }
    public required int BL { get; init; }
    public required int CL { get; init; }
    public required int CWL { get; init; }
    public required int RCDRD { get; init; }
    public required int RCDWR { get; init; }
    public required int RP { get; init; }
    public required int RAS { get; init; }
    public required int RC { get; init; }
    public required int WR { get; init; }
    public required int RTPS { get; init; }
    public required int RTPL { get; init; }
    public required int CCDS { get; init; }
    public required int CCDL { get; init; }
    public required int RRDS { get; init; }
    public required int RRDL { get; init; }
    public required int WTRS { get; init; }
    public required int WTRL { get; init; }
    public required int RTW { get; init; }
    public required int FAW { get; init; }
    public required int PPD { get; init; }
    public required int RFC { get; init; }
    public required int REFI { get; init; }
    public required int MaxPostponedRefreshes { get; init; }
    /// <summary>Row-bus clocks of an activate (HBM3: 1.5) and of the other row commands (0.5).</summary>
    public required decimal ActivateBus { get; init; }
    public required decimal RowBus { get; init; }
    /// <summary>Column-bus clocks of a column command, which starts on a rising clock edge.</summary>
    public required decimal ColumnBus { get; init; }
    /// <summary>Latencies count from each command's last clock edge (JEDEC for multi-edge commands).</summary>
    public required bool TimingFromCommandEnd { get; init; }
    public required int CCDR { get; init; }
    public required DramRefreshPolicy RefreshPolicy { get; init; }
    public required int CCDAB { get; init; }
    public required int CCDSB { get; init; }
    public required int CCDABPowerLimited { get; init; }
    public required int CCDSBPowerLimited { get; init; }
    public required bool PowerLimited { get; init; }

    /// <summary>All-bank MAC spacing in force (power-limited or not).</summary>
    public int EffectiveCCDAB => PowerLimited ? CCDABPowerLimited : CCDAB;
    /// <summary>Single-bank MAC spacing in force (power-limited or not).</summary>
    public int EffectiveCCDSB => PowerLimited ? CCDSBPowerLimited : CCDSB;

    public double ToPicoseconds(long nck) => (double)(nck * TckPs);

    /// <summary>Engine ticks per command clock: 2 when a command holds its bus half a clock (0.5 or 1.5), else 1.</summary>
    public int TicksPerClock => ActivateBus % 1 == 0 && RowBus % 1 == 0 && ColumnBus % 1 == 0 ? 1 : 2;

    /// <summary>A clock count in engine ticks.</summary>
    public int Ticks(decimal nck) => (int)(nck * TicksPerClock);
}

public sealed record PuConfig(int Multipliers, long ClockHz, int ResultRegisters, long PipelineLatencyPs);

public sealed record HbmConfig(
    HbmOrganization Organization, HbmTimingSet Timing, PuConfig Pu, long GlobalBufferBytes,
    double CoreInterfaceBytesPerSecond, ChannelToCorePolicy ChannelToCore, IReadOnlyList<int> ChannelOwner)
{
    /// <summary>Channels owned by <paramref name="core"/>, ascending.</summary>
    public IReadOnlyList<int> ChannelsOfCore(int core) =>
        Enumerable.Range(0, ChannelOwner.Count).Where(c => ChannelOwner[c] == core).ToList();
}

/// <summary>Per-event energies (pJ, pJ/bit) and static powers (mW), each with its source in the parameters.</summary>
public sealed record EnergyConfig
{
    public required double HbmActivatePjPerBit { get; init; }
    public required double HbmCellAccessPjPerBit { get; init; }
    public required double HbmBankToBankGroupPjPerBit { get; init; }
    public required double HbmBankGroupToGlobalIoPjPerBit { get; init; }
    public required double HbmTsvPjPerBit { get; init; }
    public required double HbmInterposerPjPerBit { get; init; }
    public required double HbmRefreshPj { get; init; }
    public required double PuMacPj { get; init; }
    public required double GlobalBufferPjPerBit { get; init; }
    public required double MacroMacPj { get; init; }
    public required double TcuMacPj { get; init; }
    public required double VcuOpPj { get; init; }
    public required double ScuOpPj { get; init; }
    public required double LocalMemoryPjPerBit { get; init; }
    public required double NocHopPjPerBit { get; init; }
    public required double SramCoreStaticMw { get; init; }
    public required double HbmChannelStaticMw { get; init; }
    public required double HbmPuStaticMw { get; init; }
    /// <summary>Page size in bits, to turn the per-bit activation energy into energy per ACT.</summary>
    public required long PageBits { get; init; }

    /// <summary>One activate+precharge of one bank.</summary>
    public double ActivatePj => HbmActivatePjPerBit * PageBits;
    /// <summary>Column access consumed inside the bank (by its PU).</summary>
    public double ColumnInBankPjPerBit => HbmCellAccessPjPerBit;
    /// <summary>Column access that leaves the die to the logic die (normal RD/WR, result read, GB write).</summary>
    public double ColumnOffDiePjPerBit =>
        HbmCellAccessPjPerBit + HbmBankToBankGroupPjPerBit + HbmBankGroupToGlobalIoPjPerBit + HbmTsvPjPerBit + HbmInterposerPjPerBit;
}
