using Pimcc.Isa.Encoding;

namespace Pimcc.Pimllm.Isa;

/// <summary>The pimllm unit an instruction is issued to; the simulator tracks each one's busy state.</summary>
public enum PimllmUnit
{
    /// <summary>The ReRAM crossbars with their DACs, shared ADCs and shift-add units (rows are inputs, columns outputs).</summary>
    Crossbar,
    /// <summary>The post-processing lanes beside the crossbars: dequantisation, LayerNorm/RMSNorm, activations, residuals.</summary>
    PostProcessing,
    /// <summary>The digital output-stationary systolic array.</summary>
    Systolic,
    /// <summary>The softmax unit beside the systolic array.</summary>
    Softmax,
    /// <summary>The DMA engine of one LPDDR channel (LPDDR &lt;-&gt; SRAM).</summary>
    Dma,
    /// <summary>The event counters shared by every pimllm stream.</summary>
    Sync,
    /// <summary>Each stream's sequencer: it repeats a body of words (<c>rep</c>, <see cref="PimllmRepeat"/>).</summary>
    Sequencer,
}

/// <summary>Which timing formula applies; every number behind it comes from the target description.</summary>
public enum PimllmTiming
{
    /// <summary>Configuration of a unit's next operations: one clock.</summary>
    Config,
    /// <summary>Per input vector, crossbar.dac.bitsPerRead bits at a time: DAC, array read (crossbar.readLatency), columns / ADCs
    /// conversions at the ADC sample rate, shift-add; the crossbars of a group read in parallel.</summary>
    CrossbarRead,
    /// <summary>Elements over post-processing lanes (crossbar.postProcessingLanes), one element per lane and clock.</summary>
    PostProcessingVector,
    /// <summary>An output-stationary tile: K + rows - 1 + columns - 1 clocks (SystolicSchedule).</summary>
    SystolicTile,
    /// <summary>A whole matrix product of the shape set by sa.mshape, tiled onto the array by its sequencer: the sum of its
    /// tiles' K + rows - 1 + columns - 1 clocks (SystolicSchedule), masked tiles skipped.</summary>
    SystolicMatrix,
    /// <summary>Elements over softmax lanes (systolic.softmaxLanes), per pass (max, exp-sum, scale).</summary>
    SoftmaxRow,
    /// <summary>An LPDDR5 transfer through the shared DRAM engine (lpddr.*).</summary>
    LpddrTransfer,
    /// <summary>Signal or wait on an event counter.</summary>
    EventSync,
    /// <summary>No time: the stream's sequencer runs the body as if it were written out (<see cref="PimllmRepeat"/>).</summary>
    Sequencer,
}

/// <summary>What an instruction does: the column the compiler's checks, the simulator and the functional executor dispatch on.</summary>
public enum PimllmAction
{
    CrossbarMvm,
    AccumulatorStore,
    VectorLength,
    TokenRange,
    SourceOffset,
    Norm,
    Activation,
    VectorAdd,
    VectorMul,
    Rotary,
    RotaryChannels,
    Quantize,
    QuantizeToCache,
    ScaleToTable,
    TileShape,
    Gemm,
    MatrixShape,
    OperandStrides,
    OperandOffset,
    ResultScale,
    SoftmaxScale,
    MatrixProduct,
    Softmax,
    SoftmaxRows,
    LpddrLoad,
    LpddrStore,
    LpddrGatherRow,
    LpddrLoadCache,
    LpddrStoreRow,
    EventSignal,
    EventWait,
    Repeat,
}

/// <summary>Energy events of pimllm, one per energy key of the description (<see cref="PimllmEnergy"/>).</summary>
public enum PimllmEnergyEvent
{
    /// <summary>One crossbar read (energy.crossbarRead).</summary>
    CrossbarRead,
    /// <summary>One DAC conversion per driven row and read (energy.dac).</summary>
    DacConversion,
    /// <summary>One ADC conversion per column and read (energy.adc).</summary>
    AdcConversion,
    /// <summary>One shift-add per column and read (energy.shiftAdd).</summary>
    ShiftAdd,
    /// <summary>One post-processing element operation (energy.postProcessingOp).</summary>
    PostProcessingOp,
    /// <summary>One 8-bit MAC of the systolic array (energy.systolicMac).</summary>
    SystolicMac,
    /// <summary>One softmax element operation (energy.softmaxOp).</summary>
    SoftmaxOp,
    /// <summary>One SRAM bit read or written (energy.sramPerBit).</summary>
    SramBit,
    /// <summary>One LPDDR bit transferred (energy.lpddrPerBit).</summary>
    LpddrBit,
}

/// <summary>The semantic columns of a pimllm table row; read as <c>spec.Pimllm</c> (<see cref="PimllmOpSpec"/>).</summary>
public sealed record PimllmSemantics(PimllmUnit Unit, PimllmTiming Timing, PimllmAction Action, IReadOnlyList<PimllmEnergyEvent> Energy)
    : IOpSemantics
{
    public IReadOnlyList<KeyValuePair<string, string>> Columns =>
    [
        new("unit", Unit.ToString()),
        new("timing class", Timing.ToString()),
        new("action", Action.ToString()),
        new("energy events", string.Join(", ", Energy)),
    ];
}

/// <summary>pimllm's semantic columns read off a table row.</summary>
public static class PimllmOpSpec
{
    extension(OpSpec spec)
    {
        /// <summary>The row's pimllm semantics (every row of the tables in <see cref="PimllmIsa"/> has them).</summary>
        public PimllmSemantics Pimllm => (PimllmSemantics)spec.Semantics;
    }
}
