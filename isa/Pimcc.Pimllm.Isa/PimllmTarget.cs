using Pimcc.Targets;
using Pimcc.Targets.Description;
using Pimcc.Targets.Dram;

namespace Pimcc.Pimllm.Isa;

/// <summary>
/// A resolved target of kind <c>pimllm</c>: ReRAM crossbars for the 1-bit projection weights, a digital systolic array
/// with its SRAM and softmax unit for attention, LPDDR5 off chip. <see cref="Crossbars"/>.Count = 0 is the tpu-llm
/// baseline (every weight streamed from LPDDR). Units are in the names.
/// </summary>
public sealed record PimllmTarget : TargetDescription
{
    /// <summary>Clock of the digital side (systolic array, SRAM, post-processing, softmax).</summary>
    public required long ClockHz { get; init; }
    public required int ActivationBits { get; init; }
    public required CrossbarConfig Crossbars { get; init; }
    public required SystolicConfig Systolic { get; init; }
    public required long SramBytes { get; init; }
    public required double SramBytesPerSecond { get; init; }
    public required LpddrConfig Lpddr { get; init; }
    public required PimllmEnergy Energy { get; init; }

    /// <summary>The battery of the report's words per charge, in joules (report.battery).</summary>
    public required double BatteryJoules { get; init; }

    /// <summary>Tokens per word of the report's words per charge (report.tokensPerWord).</summary>
    public required double TokensPerWord { get; init; }

    /// <summary>False for the tpu-llm baseline: projections then run on the systolic array with weights from LPDDR.</summary>
    public bool HasCrossbars => Crossbars.Count > 0;
}

/// <summary>How a crossbar holds 1-bit weights.</summary>
public enum WeightCells
{
    /// <summary>One two-state device per weight: binary weights only (w = 2b - 1, corrected by the input sum).</summary>
    Binary,
    /// <summary>A device pair read differentially (w = G+ - G-): binary and ternary weights.</summary>
    Differential,
}

public sealed record CrossbarConfig(
    int Count, int Rows, int Columns, WeightCells Cells, int DacBits, int DacBitsPerRead, int AdcBits,
    int AdcsPerCrossbar, long AdcSampleRateHz, long ReadLatencyPs, int PostProcessingLanes)
{
    /// <summary>Columns one weight occupies: two with differential cells.</summary>
    public int ColumnsPerWeight => Cells == WeightCells.Differential ? 2 : 1;

    /// <summary>Outputs (weight columns) of one crossbar.</summary>
    public int OutputsPerCrossbar => Columns / ColumnsPerWeight;

    /// <summary>Crossbar reads per input vector: the activation applied <see cref="DacBitsPerRead"/> bits at a time.</summary>
    public int ReadsPerInput(int activationBits) => (activationBits + DacBitsPerRead - 1) / DacBitsPerRead;

    /// <summary>The bits a row tile's partial sum is read out with: the ADC converts each read's column sums with
    /// <see cref="AdcBits"/>; with inputs applied <see cref="DacBitsPerRead"/> bits at a time, shift-and-add of the reads
    /// adds the bits below (the paper's whole 8-bit inputs per read: the 8-bit ADC is the tile sum's resolution). The
    /// functional simulator and the quantised reference (Pimcc.Accuracy) both read it here.</summary>
    public int ReadOutBits(int activationBits) => AdcBits + activationBits - Math.Min(DacBitsPerRead, activationBits);

    /// <summary>Picoseconds to convert every column of one read with the crossbar's shared ADCs.</summary>
    public decimal ConversionPs => Columns / (decimal)AdcsPerCrossbar * Units.PeriodPs(AdcSampleRateHz);
}

public sealed record SystolicConfig(int Rows, int Columns, int OperandBits, int SoftmaxLanes)
{
    public int MacsPerCycle => Rows * Columns;
}

/// <summary>The LPDDR5 memory: channels of one organisation and timing set (the shared DRAM engine's table).</summary>
public sealed record LpddrConfig(int Channels, int ChannelWidthBits, double DataRateBitsPerSecond, long ChannelBytes,
    Lpddr5Organization Organization, Lpddr5Timing Timing, int BurstLength)
{
    public long CapacityBytes => Channels * ChannelBytes;
    public double ChannelBytesPerSecond => ChannelWidthBits * DataRateBitsPerSecond / 8;
    public double BytesPerSecond => Channels * ChannelBytesPerSecond;
    public int BurstBytes => ChannelWidthBits * BurstLength / 8;
    public DramStandard Standard() => Lpddr5Standard.Standard(Organization, Timing);
}

/// <summary>Energies per event in pJ (per bit where named).</summary>
public sealed record PimllmEnergy(
    double CrossbarReadPj, double DacPj, double AdcPj, double ShiftAddPj, double PostProcessingOpPj,
    double SystolicMacPj, double SoftmaxOpPj, double SramPjPerBit, double LpddrPjPerBit);
