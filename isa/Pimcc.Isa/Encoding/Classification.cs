namespace Pimcc.Isa.Encoding;

/// <summary>Which word family a table row belongs to.</summary>
public enum IsaKind
{
    /// <summary>SRAM-PIM core instructions, 32-bit words (spec/hpim.md: "one unified 32-bit instruction format family").</summary>
    SramPim,
    /// <summary>HBM-PIM near-bank commands, 64-bit words, one stream per channel.</summary>
    HbmPim,
}

/// <summary>The three instruction classes of the HPIM ISA (spec/hpim.md, "ISA").</summary>
public enum OpClass
{
    Compute,
    Communication,
    Control,
}

/// <summary>The hardware unit an instruction or command is issued to; the simulator's scheduler tracks each one's busy state.</summary>
public enum Unit
{
    // SRAM-PIM core units (spec/hpim.md, "SRAM-PIM core").
    Control,
    Scu,
    PimUnit,
    Tcu,
    Vcu,
    Transpose,
    Transfer,
    HbmInterface,
    Noc,
    // HBM-PIM side (spec/hpim.md, "HBM-PIM subsystem").
    HbmBank,
    HbmAllBanks,
    HbmGlobalBuffer,
    HbmSequencer,
}

/// <summary>
/// Latency model the simulator applies. The numbers behind each class live in the target description,
/// never in code; the class only says which parameter set applies.
/// </summary>
public enum TimingClass
{
    Nop,
    Halt,
    ScalarAlu,
    Branch,
    PimMacroLoad,
    PimGemv,
    TcuConfig,
    TcuGemm,
    VcuElementwise,
    VcuSpecialFunction,
    VcuReduction,
    Transpose,
    LocalMove,
    HbmTransfer,
    HbmPrefetch,
    HbmPrefetchWait,
    NocPointToPoint,
    NocCollective,
    EventSync,
    Barrier,
    DramActivate,
    DramPrecharge,
    DramRead,
    DramWrite,
    DramRefresh,
    PimGlobalBufferWrite,
    PimActivateAllBanks,
    PimMacAllBanks,
    PimMacSingleBank,
    PimResultClear,
    PimResultRead,
    StreamRepeat,
}

/// <summary>
/// The energy events of the HPIM machine: each one is charged per occurrence (an operation, an accessed bit, an
/// activation) at the cost one description parameter gives. A table row lists the events its instruction charges;
/// Pimcc.Sim.EnergyEvents declares each event's report subsystem and cost parameter.
/// </summary>
public enum EnergyEvent
{
    /// <summary>One scalar (SCU, branch, TCU configuration) operation.</summary>
    ScalarOp,
    /// <summary>One MAC in the SRAM-PIM macros.</summary>
    MacroMac,
    /// <summary>One MAC in the TCU.</summary>
    TcuMac,
    /// <summary>One element operation in the VCU (also the transpose unit's element moves and all-reduce adds).</summary>
    VcuOp,
    /// <summary>One bit read from or written to a core's local memory.</summary>
    LocalMemoryBit,
    /// <summary>One bit over one NoC hop.</summary>
    NocHopBit,
    /// <summary>One row activation of one bank (the page's bits times the per-bit activation energy).</summary>
    DramActivate,
    /// <summary>One bit accessed in the bank's cells.</summary>
    DramCellBit,
    /// <summary>One bit moved from the bank to the stack's edge: bank group, global I/O, TSV, interposer.</summary>
    DramOffBankBit,
    /// <summary>One bit moved over the TSVs and the interposer only (host-side writes into a global buffer).</summary>
    DramTsvInterposerBit,
    /// <summary>One all-bank refresh of one pseudo channel.</summary>
    DramRefresh,
    /// <summary>One FP16 MAC in a bank PU.</summary>
    PuMac,
    /// <summary>One bit written to or read from a pseudo channel's global buffer.</summary>
    GlobalBufferBit,
    /// <summary>Static power of the SRAM-PIM cores over the run.</summary>
    SramCoreStatic,
    /// <summary>Static power of the HBM channels over the run.</summary>
    HbmChannelStatic,
    /// <summary>Static power of the bank PUs over the run.</summary>
    HbmPuStatic,
}
