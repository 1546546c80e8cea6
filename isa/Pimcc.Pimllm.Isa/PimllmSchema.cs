using Pimcc.Targets.Description;
using static Pimcc.Targets.Description.ParameterSpecs;

namespace Pimcc.Pimllm.Isa;

/// <summary>
/// Every key of a <c>pimllm</c>-kind description, in canonical order. Values and their sources live in the presets
/// (samples/targets/pimllm.json, tpu-llm.json); this file says what each key means and how it is checked.
/// </summary>
public static class PimllmSchema
{
    /// <summary>Cycle keys count <c>system.clock</c> cycles (the digital side); nCK keys count LPDDR5 command clocks.</summary>
    public static DescriptionSchema Schema { get; } = new(Build(), "system.clock", "lpddr.timing.tCK");

    public static IReadOnlyList<ParameterSpec> Parameters => Schema.Parameters;

    private static List<ParameterSpec> Build() =>
    [
        // --- whole system
        Real("system.clock", Dimension.Frequency, "MHz", "Clock of the digital side: systolic array, SRAM, post-processing and softmax units"),
        Choice("system.technology", "Process node the energies below are stated for", "45nm"),
        Bits("system.activationBits", "bit", "Bits of a quantised activation (W1A8: 8)", max: 16),

        // --- ReRAM crossbars (analog PIM for the 1-bit projection weights); count 0 = no crossbars (tpu-llm)
        Count("crossbar.count", "ReRAM crossbars on the chip; 0 streams every projection weight from LPDDR through the systolic array", zero: true),
        Count("crossbar.rows", "Rows (word lines) of one crossbar: inputs", pow2: true),
        Count("crossbar.columns", "Columns (bit lines) of one crossbar: outputs, or output pairs with differential cells", pow2: true),
        Choice("crossbar.cells", "Weight cells: binary = one two-state device per weight (binary models only); differential = a device pair per weight (binary and ternary)", "binary", "differential"),
        Bits("crossbar.dac.bits", "bit", "Resolution of the word-line DACs", max: 16),
        Bits("crossbar.dac.bitsPerRead", "bit", "Activation bits applied per crossbar read (= activation bits: whole inputs; 1: bit-serial)", max: 16),
        Bits("crossbar.adc.bits", "bit", "Resolution of the column ADCs", max: 16),
        Count("crossbar.adc.perCrossbar", "ADCs per crossbar, shared by its columns in turn"),
        Real("crossbar.adc.sampleRate", Dimension.Frequency, "GHz", "Conversions per second of one ADC"),
        Real("crossbar.readLatency", Dimension.Time, "ns", "One analog crossbar read (DAC drive, bit-line settle, sample and hold)"),
        Count("crossbar.postProcessing.lanes", "Elements per cycle of the post-processing units beside the crossbars (LayerNorm, GELU, residual, scale)"),

        // --- digital systolic array and its SRAM
        Count("systolic.rows", "Rows of processing elements"),
        Count("systolic.columns", "Columns of processing elements"),
        Bits("systolic.operandBits", "bit", "Operand width of a PE multiplier", max: 32),
        Choice("systolic.dataflow", "Dataflow of the array", "output-stationary"),
        Count("systolic.softmaxLanes", "Elements per cycle of the softmax unit"),
        Bytes("sram.capacity", "MiB", "On-chip SRAM (activations, KV cache while it fits, streamed weight tiles)"),
        Real("sram.bandwidth", Dimension.Bandwidth, "B/cycle", "SRAM read + write bandwidth"),

        // --- LPDDR5 off-chip memory
        Count("lpddr.channels", "LPDDR5 channels"),
        Bits("lpddr.channelWidth", "bit", "DQ width of one channel", pow2: true),
        Real("lpddr.dataRate", Dimension.DataRate, "Gbps", "Data rate per DQ pin"),
        Bits("lpddr.channelDensity", "Gbit", "Capacity of one channel (one x16 die)"),
        Count("lpddr.bankGroups", "Bank groups per channel (bank-group mode)", pow2: true),
        Count("lpddr.banksPerBankGroup", "Banks per bank group", pow2: true),
        Bytes("lpddr.pageSize", "KiB", "Row (page) size of a bank", pow2: true),
        Count("lpddr.burstLength", "Beats of one read or write burst (BL16)", pow2: true),
        Real("lpddr.timing.tCK", Dimension.Time, "ns", "Command clock (CK) period"),
        Nck("lpddr.timing.nBL", "Data bus occupancy of one burst"),
        Nck("lpddr.timing.nCL", "Read latency"),
        Nck("lpddr.timing.nCWL", "Write latency"),
        Nck("lpddr.timing.nRCD", "ACT to RD/WR (tRCD)"),
        Nck("lpddr.timing.nRPpb", "PRE to ACT, per bank (tRPpb)"),
        Nck("lpddr.timing.nRPab", "PREA to ACT (tRPab)"),
        Nck("lpddr.timing.nRAS", "ACT to PRE (tRAS)"),
        Nck("lpddr.timing.nRC", "ACT to ACT, same bank (tRC)"),
        Nck("lpddr.timing.nWR", "Write recovery (tWR)"),
        Nck("lpddr.timing.nRTP", "RD to PRE (tRTP)"),
        Nck("lpddr.timing.nCCDS", "Column to column, other bank group (tCCD_S)"),
        Nck("lpddr.timing.nCCDL", "Column to column, same bank group (tCCD_L)"),
        Nck("lpddr.timing.nRRD", "ACT to ACT, other bank (tRRD)"),
        Nck("lpddr.timing.nWTRS", "Write to read, other bank group (tWTR_S)"),
        Nck("lpddr.timing.nWTRL", "Write to read, same bank group (tWTR_L)"),
        Nck("lpddr.timing.nRTW", "Read to write turnaround beyond RL + BL - WL"),
        Nck("lpddr.timing.nFAW", "Four-activate window (tFAW)"),
        Nck("lpddr.timing.nPPD", "Precharge to precharge (tPPD)"),
        Nck("lpddr.timing.nRFCab", "All-bank refresh cycle time (tRFCab)"),
        Nck("lpddr.timing.nREFI", "Average refresh interval (tREFI)"),
        Count("lpddr.timing.maxPostponedRefreshes", "Refreshes that may be owed before other commands become illegal", zero: true),
        Nck("lpddr.timing.nRowCommand", "Command-bus clocks of an activate (ACT-1 + ACT-2)"),
        Nck("lpddr.timing.nCommand", "Command-bus clocks of any other command"),

        // --- energy per event
        Real("energy.crossbar.read", Dimension.Energy, "pJ", "One analog read of a whole crossbar (array only)"),
        Real("energy.crossbar.dac", Dimension.Energy, "pJ", "One word-line DAC conversion"),
        Real("energy.crossbar.adc", Dimension.Energy, "pJ", "One column ADC conversion"),
        Real("energy.crossbar.shiftAdd", Dimension.Energy, "pJ", "One shift-and-add of a column result into its partial sum"),
        Real("energy.postProcessing.op", Dimension.Energy, "pJ", "One element operation of a post-processing unit"),
        Real("energy.systolic.mac", Dimension.Energy, "pJ", "One 8-bit multiply-accumulate in a PE"),
        Real("energy.softmax.op", Dimension.Energy, "pJ", "Softmax of one element"),
        Real("energy.sram.access", Dimension.EnergyPerBit, "pJ/bit", "SRAM read or write, per bit"),
        Real("energy.lpddr.access", Dimension.EnergyPerBit, "pJ/bit", "LPDDR read or write, per bit moved (activation, array, I/O)"),

        // --- figures the report derives (issue 13: words per battery charge)
        Real("report.battery", Dimension.Energy, "Wh", "Battery charge of the edge device, for the report's words per charge"),
        Real("report.tokensPerWord", Dimension.Count, "count", "Tokens per English word, for the report's words per charge"),

        // --- totals restated, checked against the values above
        Bytes("totals.lpddrCapacity", "GiB", "LPDDR capacity of all channels"),
        Real("totals.lpddrBandwidth", Dimension.Bandwidth, "GB/s", "LPDDR peak bandwidth of all channels"),
    ];
}
