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

/// <summary>Energy model the simulator applies (per-event energies come from the target description).</summary>
public enum EnergyClass
{
    None,
    ScalarOp,
    ControlOp,
    MacroWrite,
    PimMac,
    TcuMac,
    VcuOp,
    VcuSpecialFunction,
    TransposeOp,
    SramAccess,
    HbmAccess,
    NocTraffic,
    Sync,
    DramActivate,
    DramPrecharge,
    DramReadWrite,
    DramRefresh,
    GlobalBufferWrite,
    BankMac,
    ResultRead,
}
