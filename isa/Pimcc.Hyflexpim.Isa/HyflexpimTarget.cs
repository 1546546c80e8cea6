using Pimcc.Targets;

namespace Pimcc.Hyflexpim.Isa;

/// <summary>
/// A resolved <c>hyflexpim</c> description (HyFlexPIM, Song et al. 2025): chips of PUs, each PU with analog SLC/MLC RRAM
/// crossbar modules for static weights and digital NOR-based RRAM modules (with an SFU) for attention and nonlinear
/// work. Built only by <see cref="HyflexpimKind"/>; units are in the names.
/// </summary>
public sealed record HyflexpimTarget : TargetDescription
{
    public required long ClockHz { get; init; }
    public required double TechnologyNm { get; init; }
    public required int MaxChips { get; init; }
    public required PrecisionConfig Precision { get; init; }
    public required ChipConfig Chip { get; init; }
    public required AnalogModuleConfig Analog { get; init; }
    public required DigitalModuleConfig Digital { get; init; }
    public required DeviceConfig Device { get; init; }
    public required LinkEnergyConfig LinkEnergy { get; init; }

    /// <summary>Analog arrays of one PU.</summary>
    public long AnalogArraysPerPu => (long)Chip.AnalogModulesPerPu * Analog.Arrays;

    /// <summary>Digital storage of one PU in bytes (KV cache, attention scratch).</summary>
    public long DigitalBytesPerPu => Chip.DigitalModulesPerPu * Digital.ModuleBytes;

    /// <summary>PUs of the largest pipeline the target allows (system.maxChips x chip.pus); stream indices are global PUs.</summary>
    public long MaxPus => (long)MaxChips * Chip.Pus;

    /// <summary>Area of one PU (its analog and digital modules).</summary>
    public double PuAreaMm2 => Chip.AnalogModulesPerPu * Analog.ModuleAreaMm2 + Chip.DigitalModulesPerPu * Digital.ModuleAreaMm2;

    /// <summary>Area of one chip's PUs.</summary>
    public double ChipAreaMm2 => Chip.Pus * PuAreaMm2;
}

/// <summary>Bit widths of the datapaths (paper, Precision).</summary>
public sealed record PrecisionConfig(int WeightBits, int InputBits, int KvBits, int SfuBits);

/// <summary>Chip organisation and its links, in bytes per second.</summary>
public sealed record ChipConfig(int Pus, int AnalogModulesPerPu, int DigitalModulesPerPu,
    double SharedBusBytesPerSecond, double InterPuBytesPerSecond, double PcieBytesPerSecond);

/// <summary>How a crossbar stores weights: SLC (1 bit per cell, robust) or MLC (2 bits per cell, denser, noisier).</summary>
public enum CellMode { Slc, Mlc }

/// <summary>One per-part figure of a module table (area and active power).</summary>
public sealed record ModulePart(string Name, double AreaMm2, double PowerMw);

/// <summary>An analog RRAM PIM module: crossbar arrays with a SAR ADC each, registers, drivers, S&amp;A and S&amp;H.</summary>
public sealed record AnalogModuleConfig(
    int Arrays, int Rows, int Columns, int SlcBitsPerCell, int MlcBitsPerCell, int WeightBits,
    long ArrayCyclePs, int AdcBits, double AdcSamplesPerSecond, int Adcs,
    long InputRegisterBytes, long OutputRegisterBytes, int ShiftAdds, int SampleHolds, IReadOnlyList<ModulePart> Parts)
{
    public int BitsPerCell(CellMode mode) => mode == CellMode.Slc ? SlcBitsPerCell : MlcBitsPerCell;

    /// <summary>Adjacent columns one weight takes (bit slicing): 8 for INT8 in SLC, 4 in 2-bit MLC.</summary>
    public int ColumnsPerWeight(CellMode mode) => (WeightBits + BitsPerCell(mode) - 1) / BitsPerCell(mode);

    /// <summary>Weights (output channels) side by side in one array row.</summary>
    public int WeightsPerArrayRow(CellMode mode) => Columns / ColumnsPerWeight(mode);

    /// <summary>ADC bits a full-precision read-out needs: ceil(log2 rows) + bits per cell - 1 (paper, analog GEMV).</summary>
    public int AdcBitsNeeded(CellMode mode) => CeilLog2(Rows) + BitsPerCell(mode) - 1;

    public long CellsPerArray => (long)Rows * Columns;

    /// <summary>Arrays (tiles) a block of <paramref name="inputs"/> rows x <paramref name="outputs"/> weights takes in one
    /// mode: ceil(inputs / rows) row tiles x ceil(outputs / weights per array row); the one count of the crossbar mapping,
    /// the lowering and the simulator.</summary>
    public long BlockArrays(CellMode mode, long inputs, long outputs) =>
        inputs <= 0 || outputs <= 0 ? 0 : (inputs + Rows - 1) / Rows * ((outputs + WeightsPerArrayRow(mode) - 1) / WeightsPerArrayRow(mode));

    /// <summary>Bits a cell takes in the memory image: the widest mode's (2-bit MLC), so every array's cells fit its
    /// bytes in either mode.</summary>
    public int CellBits => Math.Max(SlcBitsPerCell, MlcBitsPerCell);

    /// <summary>Bytes by which crossbar regions are addressed and imaged: one array's cells at <see cref="CellBits"/>
    /// bits each (2,048 bytes for 64 x 128 cells; the binary's unit of crossbar placement).</summary>
    public long ArrayBytes => CellsPerArray * CellBits / 8;

    public double ModuleAreaMm2 => Parts.Sum(p => p.AreaMm2);
    public double ModulePowerMw => Parts.Sum(p => p.PowerMw);

    internal static int CeilLog2(long v) => v <= 1 ? 0 : 64 - (int)long.LeadingZeroCount(v - 1);
}

/// <summary>A digital RRAM PIM module: 1-bit arrays computing with NOR row operations, and the SFU.</summary>
public sealed record DigitalModuleConfig(
    int Arrays, int Rows, int Columns, int NorsPerMultiply, int ColumnsPerNor, int RowOpWriteCycles, int RowOpReadCycles,
    long InputRegisterBytes, long OutputRegisterBytes, int ShiftAdds, int SampleHolds, int SfuInputsPerCycle,
    IReadOnlyList<ModulePart> Parts)
{
    public int RowOpCycles => RowOpWriteCycles + RowOpReadCycles;
    public long ArrayBytes => (long)Rows * Columns / 8;
    public long ModuleBytes => Arrays * ArrayBytes;

    /// <summary>INT8 multiplies per cycle of one module: arrays x columns / (NORs x columns per NOR) / row-op cycles (paper: about 273).</summary>
    public double MultipliesPerCycle => (double)Arrays * Columns / ((double)NorsPerMultiply * ColumnsPerNor) / RowOpCycles;

    public double ModuleAreaMm2 => Parts.Sum(p => p.AreaMm2);
    public double ModulePowerMw => Parts.Sum(p => p.PowerMw);
}

/// <summary>Energy per bit moved over each link (open parameters: the paper gives none).</summary>
public sealed record LinkEnergyConfig(double SharedBusPjPerBit, double InterPuPjPerBit, double PciePjPerBit);

/// <summary>RRAM cell figures of the noise model.</summary>
public sealed record DeviceConfig(double ROnOhm, double OnOffRatio, double MlcBitErrorRate);
