using Pimcc.Hyflexpim.Isa;

namespace Pimcc.Hyflexpim.Sim;

/// <summary>
/// The timing formulas of hyflexpim's instructions (docs/hyflexpim-sim.md, "Timing"), every number from the description.
/// Times in picoseconds.
/// </summary>
public sealed class HyflexpimCosts
{
    public HyflexpimTarget Target { get; }

    /// <summary>One clock of the PUs (system.clock): configuration words, S&amp;A's last add, digital row-operation cycles, SFU cycles.</summary>
    public long ClockPs { get; }

    /// <summary>The ADC conversions of one array read: analog.columns conversions at analog.adcSampleRate (128 at 1.28 GS/s = 100 ns).</summary>
    public long AdcConversionsPs { get; }

    /// <summary>One input bit: the array cycle, or the ADC's conversions of the previous read when they take longer
    /// (the two are pipelined: the array starts its next read while the ADC converts).</summary>
    public long InputBitPs { get; }

    /// <summary>Parallel NOR lanes of one digital array: columns / columns per NOR (one multiply's operands and result).</summary>
    public long LanesPerDigitalArray { get; }

    /// <summary>Digital arrays of a PU (all its digital modules work on one operation).</summary>
    public long DigitalArraysPerPu { get; }

    /// <summary>SFU inputs per cycle of a PU: one SFU per digital module.</summary>
    public long SfuInputsPerCyclePerPu { get; }

    public HyflexpimCosts(HyflexpimTarget t)
    {
        Target = t;
        ClockPs = (long)Math.Round(1e12 / t.ClockHz);
        AdcConversionsPs = (long)Math.Ceiling(t.Analog.Columns * 1e12 / t.Analog.AdcSamplesPerSecond - 1e-6);
        InputBitPs = Math.Max(t.Analog.ArrayCyclePs, AdcConversionsPs);
        LanesPerDigitalArray = t.Digital.Columns / t.Digital.ColumnsPerNor;
        DigitalArraysPerPu = (long)t.Chip.DigitalModulesPerPu * t.Digital.Arrays;
        SfuInputsPerCyclePerPu = (long)t.Chip.DigitalModulesPerPu * t.Digital.SfuInputsPerCycle;
    }

    /// <summary>
    /// An <c>ag.gemv</c>: its arrays read in parallel, each token's <paramref name="bits"/> input bits one per
    /// <see cref="InputBitPs"/> (tokens one after another, reads pipelined with the conversions of the previous read),
    /// then the last read's conversions and S&amp;A's last add (one clock).
    /// </summary>
    public long GemvPs(long bits, long tokens) => tokens * bits * InputBitPs + AdcConversionsPs + ClockPs;

    /// <summary>ADC conversions of one array read in <paramref name="mode"/>, counted at the ADC's full resolution: a
    /// conversion at b bits costs 2^(b - analog.adcBits) of one at full resolution (one bit fewer halves a SAR ADC's
    /// comparisons' energy, paper: "one extra ADC bit roughly doubles its energy").</summary>
    public double FullResolutionConversions(CellMode mode) => Target.Analog.Columns * Math.Pow(2, Target.Analog.AdcBitsNeeded(mode) - Target.Analog.AdcBits);

    /// <summary>Row-operation batches of <paramref name="multiplies"/> INT8 multiplies on a PU's digital arrays: a batch
    /// runs one multiply on every NOR lane of every array at once.</summary>
    public long DigitalBatches(long multiplies) => multiplies <= 0 ? 0 : (multiplies + DigitalArraysPerPu * LanesPerDigitalArray - 1) / (DigitalArraysPerPu * LanesPerDigitalArray);

    /// <summary>One batch: digital.norsPerMultiply NOR row operations of (rowOpWriteCycles + rowOpReadCycles) cycles.</summary>
    public long DigitalBatchPs => (long)Target.Digital.NorsPerMultiply * Target.Digital.RowOpCycles * ClockPs;

    /// <summary><c>dg.qk</c> / <c>dg.sv</c>: the batches, then S&amp;A's last add (one clock).</summary>
    public long DigitalDotPs(long multiplies) => DigitalBatches(multiplies) * DigitalBatchPs + ClockPs;

    /// <summary>Array-picoseconds of a dot's NOR work: the arrays its multiplies occupy (ceil(multiplies / lanes)) x one batch.</summary>
    public double DigitalDotArrayPs(long multiplies) => (double)((multiplies + LanesPerDigitalArray - 1) / LanesPerDigitalArray) * DigitalBatchPs;

    /// <summary><c>dg.kvw</c>: each of <paramref name="rows"/> KV rows written in digital.rowOpWriteCycles, the arrays of a row in parallel.</summary>
    public long KvWritePs(long rows) => rows * Target.Digital.RowOpWriteCycles * ClockPs;

    /// <summary>Arrays one KV row of <paramref name="bytes"/> bytes spans (a row of an array holds digital.columns bits).</summary>
    public long KvRowArrays(long bytes) => (bytes * 8 + Target.Digital.Columns - 1) / Target.Digital.Columns;

    /// <summary>An SFU row: <paramref name="passes"/> x ceil(elements / SFU inputs per cycle of the PU) cycles.</summary>
    public long SfuPs(long elements, int passes) => passes * ((elements + SfuInputsPerCyclePerPu - 1) / SfuInputsPerCyclePerPu) * ClockPs;

    /// <summary>SFU-picoseconds of that work: element passes / inputs per cycle of one SFU, in clocks (what the SFU's power is charged over).</summary>
    public double SfuActivePs(long elements, int passes) => (double)elements * passes / Target.Digital.SfuInputsPerCycle * ClockPs;
}
