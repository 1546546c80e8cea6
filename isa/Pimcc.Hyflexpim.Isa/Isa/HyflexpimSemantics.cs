using Pimcc.Isa.Encoding;

namespace Pimcc.Hyflexpim.Isa;

/// <summary>The hyflexpim unit an instruction is issued to; the simulator tracks each one's busy state per PU.</summary>
public enum HyflexpimUnit
{
    /// <summary>The PU's analog modules: SLC/MLC crossbar arrays, word-line drivers, S&amp;H, SAR ADCs, S&amp;A.</summary>
    Analog,
    /// <summary>The PU's digital modules: 1-bit RRAM arrays computing with NOR row operations, their S&amp;A.</summary>
    Digital,
    /// <summary>The special function units beside the digital arrays (FP16).</summary>
    Sfu,
    /// <summary>The chip's shared bus (partial sums between the PUs of one layer).</summary>
    SharedBus,
    /// <summary>The on-chip interconnect between PUs (the hidden vector from one layer's PU to the next).</summary>
    InterPu,
    /// <summary>The PCIe link between chips of the pipeline.</summary>
    Pcie,
    /// <summary>The chip's I/O to the host (token and position rows in, logits out).</summary>
    Io,
    /// <summary>The event counters shared by every hyflexpim stream.</summary>
    Sync,
}

/// <summary>Which timing formula applies; every number behind it comes from the target description.</summary>
public enum HyflexpimTiming
{
    /// <summary>Configuration of a unit's next operations: one clock.</summary>
    Config,
    /// <summary>Bit-serial input: one array cycle (analog.arrayCycle) per input bit, the ADC conversions of a cycle
    /// overlapping the next cycle's read, then S&amp;A; the arrays of a group read in parallel.</summary>
    AnalogRead,
    /// <summary>INT8 multiplies as NOR row operations (digital.norsPerMultiply x (rowOpWriteCycles + rowOpReadCycles)
    /// cycles per batch of arrays x columns / columnsPerNor multiplies), sums in the S&amp;A.</summary>
    DigitalRowOps,
    /// <summary>Row writes into the digital arrays (digital.rowOpWriteCycles per row).</summary>
    DigitalWrite,
    /// <summary>Elements over the SFU's inputs per cycle (digital.sfuInputsPerCycle), per pass over the vector.</summary>
    SfuVector,
    /// <summary>Bytes over a link at its bandwidth (chip.sharedBus, chip.interPu, chip.pcie); the shared bus is contended.</summary>
    Transfer,
    /// <summary>Signal or wait on an event counter.</summary>
    EventSync,
}

/// <summary>What an instruction does: the column the compiler's checks, the simulator and the functional executor dispatch on.</summary>
public enum HyflexpimAction
{
    AnalogShape,
    AnalogSplit,
    AnalogGemv,
    DigitalShape,
    QueryBlock,
    AttentionMask,
    DigitalScale,
    ScoreDot,
    WeightedSum,
    KvWrite,
    VectorLength,
    Softmax,
    Norm,
    Activation,
    VectorAdd,
    VectorMul,
    PartialSumReduce,
    Rotary,
    HeadWidth,
    Quantize,
    Dequantize,
    BusSend,
    InterPuSend,
    PcieSend,
    IoRow,
    IoOut,
    EventSignal,
    EventWait,
}

/// <summary>The components an instruction keeps active, each with its area and power in the description (module
/// tables) or its bandwidth (links): the simulator charges power x active time per component.</summary>
public enum HyflexpimComponent
{
    /// <summary>analog.power.arrays, per array read.</summary>
    AnalogArrays,
    /// <summary>analog.power.wordLineDrivers.</summary>
    AnalogWordLineDrivers,
    /// <summary>analog.power.adc (its 6-b SLC mode skips the MSB comparison).</summary>
    Adc,
    /// <summary>analog.power.sampleHold.</summary>
    AnalogSampleHold,
    /// <summary>analog.power.shiftAdd.</summary>
    AnalogShiftAdd,
    /// <summary>analog.power.inputRegister and outputRegister.</summary>
    AnalogRegisters,
    /// <summary>digital.power.arrays.</summary>
    DigitalArrays,
    /// <summary>digital.power.wordLineDrivers.</summary>
    DigitalWordLineDrivers,
    /// <summary>digital.power.shiftAdd and sampleHold.</summary>
    DigitalShiftAdd,
    /// <summary>digital.power.inputRegister and outputRegister.</summary>
    DigitalRegisters,
    /// <summary>digital.power.sfu.</summary>
    Sfu,
    /// <summary>Bytes over the shared bus.</summary>
    SharedBus,
    /// <summary>Bytes over the inter-PU interconnect.</summary>
    InterPu,
    /// <summary>Bytes over PCIe (chips, and the host I/O).</summary>
    Pcie,
}

/// <summary>The semantic columns of a hyflexpim table row; read as <c>spec.Hyflexpim</c> (<see cref="HyflexpimOpSpec"/>).
/// <paramref name="Passes"/>: how many times an SFU row streams its elements through the SFU (softmax: max, exp-sum,
/// scale), which the timing model and the SFU energy multiply by; 0 for rows of other units.</summary>
public sealed record HyflexpimSemantics(HyflexpimUnit Unit, HyflexpimTiming Timing, HyflexpimAction Action, IReadOnlyList<HyflexpimComponent> Active, int Passes = 0)
    : IOpSemantics
{
    public IReadOnlyList<KeyValuePair<string, string>> Columns =>
    [
        new("unit", Unit.ToString()),
        new("timing class", Timing.ToString()),
        new("action", Action.ToString()),
        new("active components", string.Join(", ", Active)),
        new("SFU passes", Passes > 0 ? Passes.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""),
    ];
}

/// <summary>hyflexpim's semantic columns read off a table row.</summary>
public static class HyflexpimOpSpec
{
    extension(OpSpec spec)
    {
        /// <summary>The row's hyflexpim semantics (every row of the tables in <see cref="HyflexpimIsa"/> has them).</summary>
        public HyflexpimSemantics Hyflexpim => (HyflexpimSemantics)spec.Semantics;
    }
}
