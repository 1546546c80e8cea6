using static Pimcc.Targets.Description.ParameterSpecs;
using Pimcc.Targets.Description;

namespace Pimcc.Targets.Hpim;

/// <summary>
/// Every key of an <c>hpim</c>-kind description, in the order the canonical rendering uses.
/// Values live in the JSON presets (samples/targets/*.json) with their sources; this file only
/// says what each key means and how it is checked.
/// </summary>
public static class HpimSchema
{
    /// <summary>Cycle keys count <c>system.clock</c> cycles; nCK keys count HBM command clocks of <c>hbm.timing.tCK</c>.</summary>
    public static DescriptionSchema Schema { get; } = new(Build(), "system.clock", "hbm.timing.tCK");

    public static IReadOnlyList<ParameterSpec> Parameters => Schema.Parameters;

    // An nCK value that may be a half clock (HBM3 row commands take 0.5 or 1.5 clocks on the row bus).
    private static ParameterSpec HalfNck(string key, string summary) =>
        new(key, Dimension.DramCycles, "nCK", summary) { Max = 1000m };

    private static List<ParameterSpec> Build() =>
    [
        // --- whole system
        Real("system.clock", Dimension.Frequency, "GHz", "Clock of the SRAM-PIM cores, NoC and controllers"),
        Bytes("system.elementSize", "B", "Size of one tensor element (FP16)", pow2: true),

        // --- SRAM-PIM cores
        Count("sram.cores", "Number of SRAM-PIM cores"),
        Count("sram.pipelineStages", "Fetch/decode/execute pipeline depth of a core"),
        Bytes("sram.instructionMemory", "KiB", "Instruction memory per core"),
        Count("sram.pimUnit.macroGroups", "Macro groups (MG) per PIM unit; MGs share the input vector"),
        Count("sram.pimUnit.macrosPerGroup", "SRAM-PIM macros per macro group"),
        Bytes("sram.pimUnit.macroCapacity", "KiB", "Weight capacity of one macro", pow2: true),
        Count("sram.pimUnit.multipliersPerMacro", "FP16 multipliers per macro (MACs per cycle)"),
        Cycles("sram.pimUnit.pipelineLatency", "Cycles from input broadcast to accumulated output"),
        Count("sram.tcu.rows", "Rows of the TCU systolic array"),
        Count("sram.tcu.columns", "Columns of the TCU systolic array"),
        Count("sram.tcu.macsPerPePerCycle", "MACs per processing element per cycle"),
        Count("sram.vcu.lanes", "FP16 lanes of the vector compute unit"),
        Cycles("sram.vcu.pipelineLatency", "Latency of one VCU vector operation"),
        Cycles("sram.vcu.transcendentalInterval", "Issue interval of exp/div/sqrt vector operations"),
        Cycles("sram.scu.latency", "Latency of one scalar operation"),
        Bytes("sram.localMemory.activation", "KiB", "Activation memory per core"),
        Bytes("sram.localMemory.temp", "KiB", "Temporary memory per core"),
        Real("sram.localMemory.bandwidth", Dimension.Bandwidth, "B/cycle", "Local memory bandwidth per core"),
        Real("sram.transposeUnit.bandwidth", Dimension.Bandwidth, "B/cycle", "Transpose unit throughput per core"),
        Real("sram.transferUnit.bandwidth", Dimension.Bandwidth, "B/cycle", "Transfer unit throughput per core"),

        // --- network on chip
        Choice("noc.topology", "Topology of the core-to-core network", "mesh", "ring", "crossbar"),
        Count("noc.meshColumns", "Columns of the mesh (cores are placed row-major); ignored for ring/crossbar"),
        Real("noc.linkBandwidth", Dimension.Bandwidth, "B/cycle", "Bandwidth of one NoC link, each direction"),
        Cycles("noc.hopLatency", "Router + link latency of one hop"),

        // --- HBM-PIM organisation
        // Bounds: JEDEC HBM3 (JESD238) stacks are at most 16-high; no package carries more than a dozen stacks today,
        // and 64 keeps the one-command-stream-per-channel binaries and simulations tractable.
        Count("hbm.stacks", "HBM3 stacks") with { Max = 64 },
        Count("hbm.diesPerStack", "DRAM dies per stack (8-Hi)") with { Max = 16 },
        Bits("hbm.dieDensity", "Gbit", "Capacity of one DRAM die"),
        Count("hbm.channelsPerDie", "Channels per die", pow2: true),
        Count("hbm.pseudoChannelsPerChannel", "Pseudo-channels per channel", pow2: true),
        Count("hbm.bankGroupsPerChannel", "Bank groups per channel (split evenly over its pseudo-channels)", pow2: true),
        Count("hbm.banksPerBankGroup", "Banks per bank group", pow2: true),
        Count("hbm.stackIdsPerChannel", "Stack IDs (dies) one channel's banks are spread over; each holds an equal share of its bank groups", pow2: true),
        Bytes("hbm.pageSize", "KiB", "Row buffer (page) size of a bank in a pseudo-channel", pow2: true),
        Bytes("hbm.columnAccess", "B", "Bytes moved by one column command (RD/WR/MAC) in one bank", pow2: true),
        Bits("hbm.channelWidth", "bit", "DQ width of one channel", pow2: true),
        Count("hbm.transfersPerClock", "Data transfers per DQ pin per command clock (QDR = 4)", pow2: true),
        Real("hbm.dataRate", Dimension.DataRate, "Gbps", "Data rate per DQ pin"),
        Real("hbm.coreInterfaceBandwidth", Dimension.Bandwidth, "GB/s", "Bandwidth of one core's dedicated HBM interface"),
        Choice("hbm.channelToCore", "Which core owns which channels: contiguous blocks or round-robin", "contiguous", "interleaved"),
        Bytes("hbm.globalBuffer", "KiB", "Global buffer per pseudo-channel (broadcast activations)", pow2: true),
        Count("hbm.pu.multipliers", "FP16 multipliers of the processing unit of one bank"),
        Real("hbm.pu.clock", Dimension.Frequency, "GHz", "Clock of the bank processing units"),
        Count("hbm.pu.resultRegisters", "Accumulator (result) registers per bank PU"),
        Real("hbm.pu.pipelineLatency", Dimension.Time, "ns", "From the last MAC column to its result being readable"),

        // --- HBM3 timing set (DRAM command clock cycles)
        Real("hbm.timing.tCK", Dimension.Time, "ns", "HBM command clock period"),
        Nck("hbm.timing.nBL", "Burst length in command clocks (data bus occupancy of one column command)"),
        Nck("hbm.timing.nCL", "Read latency (RD to first data)"),
        Nck("hbm.timing.nCWL", "Write latency (WR to first data)"),
        Nck("hbm.timing.nRCDRD", "ACT to RD (tRCD, read)"),
        Nck("hbm.timing.nRCDWR", "ACT to WR (tRCD, write)"),
        Nck("hbm.timing.nRP", "PRE to ACT (tRP)"),
        Nck("hbm.timing.nRAS", "ACT to PRE (tRAS)"),
        Nck("hbm.timing.nRC", "ACT to ACT, same bank (tRC)"),
        Nck("hbm.timing.nWR", "Write recovery: end of write data to PRE (tWR)"),
        Nck("hbm.timing.nRTPS", "RD to PRE-all, any bank group (tRTP_S)"),
        Nck("hbm.timing.nRTPL", "RD to PRE, same bank (tRTP_L)"),
        Nck("hbm.timing.nCCDS", "Column to column, different bank group (tCCD_S)"),
        Nck("hbm.timing.nCCDL", "Column to column, same bank group (tCCD_L)"),
        Nck("hbm.timing.nRRDS", "ACT to ACT, different bank group (tRRD_S)"),
        Nck("hbm.timing.nRRDL", "ACT to ACT, same bank group (tRRD_L)"),
        Nck("hbm.timing.nWTRS", "End of write data to RD, different bank group (tWTR_S)"),
        Nck("hbm.timing.nWTRL", "End of write data to RD, same bank group (tWTR_L)"),
        Nck("hbm.timing.nRTW", "Bus turnaround added between read data and write data"),
        Nck("hbm.timing.nFAW", "Four-activate window (tFAW)"),
        Nck("hbm.timing.nPPD", "Precharge to precharge, any banks of one pseudo-channel (tPPD)"),
        Nck("hbm.timing.nRFC", "All-bank refresh cycle time (tRFC)"),
        Nck("hbm.timing.nREFI", "Average refresh interval (tREFI)"),
        Count("hbm.timing.maxPostponedRefreshes", "Refreshes that may be postponed before commands become illegal") with { AllowZero = true },
        HalfNck("hbm.timing.nActivateBus", "Row-bus clocks an ACT or ACTAB holds (whole or half clocks)"),
        HalfNck("hbm.timing.nRowBus", "Row-bus clocks a PRE, PREA, PREAB or REF holds (whole or half clocks)"),
        HalfNck("hbm.timing.nColumnBus", "Column-bus clocks a column command holds; column commands start on a rising edge"),
        new ParameterSpec("hbm.timing.timingFromCommandEnd", Dimension.Boolean, "", "Latencies count from the last clock edge of each command (JEDEC) instead of its first"),
        Nck("hbm.timing.nCCDR", "RD to RD on different stack IDs of one pseudo-channel (tCCDR)"),
        Choice("hbm.timing.refreshPolicy", "When a refresh falls due on open rows: precharge, refresh and reopen them, or wait until the stream closes them",
            "interrupt-open-rows", "postpone-until-closed"),
        Nck("hbm.timing.nCCDAB", "All-bank MAC to all-bank MAC, no power limit"),
        Nck("hbm.timing.nCCDSB", "Single-bank MAC to single-bank MAC, no power limit"),
        Nck("hbm.timing.nCCDABPowerLimited", "All-bank MAC to all-bank MAC under the power limit"),
        Nck("hbm.timing.nCCDSBPowerLimited", "Single-bank MAC to single-bank MAC under the power limit"),
        new ParameterSpec("hbm.timing.powerLimited", Dimension.Boolean, "", "Use the power-limited MAC spacing"),

        // --- energy per event
        Real("energy.hbm.activate", Dimension.EnergyPerBit, "pJ/bit", "Row activation + precharge, per bit of the opened page"),
        Real("energy.hbm.cellAccess", Dimension.EnergyPerBit, "pJ/bit", "Column access from the cell array to the bank edge (in-bank, to the PU)"),
        Real("energy.hbm.bankToBankGroup", Dimension.EnergyPerBit, "pJ/bit", "Column data from the bank to the bank-group mux"),
        Real("energy.hbm.bankGroupToGlobalIo", Dimension.EnergyPerBit, "pJ/bit", "Column data from the bank-group mux to the die's global I/O"),
        Real("energy.hbm.tsv", Dimension.EnergyPerBit, "pJ/bit", "Through-silicon via, per bit"),
        Real("energy.hbm.interposer", Dimension.EnergyPerBit, "pJ/bit", "Interposer I/O from the stack to the logic die, per bit"),
        Real("energy.hbm.refresh", Dimension.Energy, "pJ", "One all-bank refresh of one pseudo-channel"),
        Real("energy.hbm.puMac", Dimension.Energy, "pJ", "One FP16 multiply-accumulate in a bank PU"),
        Real("energy.hbm.globalBuffer", Dimension.EnergyPerBit, "pJ/bit", "Global buffer write or broadcast read, per bit"),
        Real("energy.sram.macroMac", Dimension.Energy, "pJ", "One FP16 MAC in an SRAM-PIM macro (weight read included)"),
        Real("energy.sram.tcuMac", Dimension.Energy, "pJ", "One FP16 MAC in the TCU"),
        Real("energy.sram.vcuOp", Dimension.Energy, "pJ", "One element operation in the VCU"),
        Real("energy.sram.scuOp", Dimension.Energy, "pJ", "One scalar operation"),
        Real("energy.sram.localMemory", Dimension.EnergyPerBit, "pJ/bit", "Local memory read or write, per bit"),
        Real("energy.noc.hop", Dimension.EnergyPerBit, "pJ/bit", "One NoC hop (router + link), per bit"),
        Real("energy.static.sramCore", Dimension.Power, "mW", "Static power of one SRAM-PIM core"),
        Real("energy.static.hbmChannel", Dimension.Power, "mW", "Background power of one HBM channel"),
        Real("energy.static.hbmPu", Dimension.Power, "mW", "Static power of one bank PU"),

        // --- totals stated by the paper, checked against the values above
        Bytes("totals.onChipSram", "MiB", "On-chip SRAM: PIM macros + local memories of all cores"),
        Bytes("totals.hbmCapacity", "GiB", "HBM capacity of all stacks"),
        Real("totals.externalBandwidth", Dimension.Bandwidth, "GB/s", "HBM external bandwidth of all stacks"),
        Real("totals.sramPimPeak", Dimension.Throughput, "TFLOPS", "Peak of all SRAM-PIM PIM units (MAC = 2 FLOPs)"),
        Real("totals.hbmPimPeak", Dimension.Throughput, "TFLOPS", "Peak of all bank PUs (MAC = 2 FLOPs)"),
    ];
}
