namespace Pimcc.Isa.Encoding;

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

/// <summary>
/// The semantic columns of an HPIM table row (SRAM-PIM instructions and HBM-PIM commands): what the sync checker, the
/// timing model, the functional executor and the energy accounting read. Reached as <c>spec.Action</c>,
/// <c>spec.Timing</c>, ... through <see cref="HpimOpSpec"/>.
/// </summary>
public sealed record HpimSemantics(OpClass Class, Unit Unit, TimingClass Timing, OpAction Action, Arithmetic Function,
    Pimcc.Targets.Hbm.HbmCommand? DramCommand, IReadOnlyList<EnergyEvent> Energy) : IOpSemantics
{
    public IReadOnlyList<KeyValuePair<string, string>> Columns =>
    [
        new("class", Class.ToString()),
        new("unit", Unit.ToString()),
        new("timing class", Timing.ToString()),
        new("action", Action.ToString()),
        new("arithmetic", Function == Arithmetic.None ? "" : Function.ToString()),
        new("DRAM command", DramCommand is { } c ? Pimcc.Targets.Hbm.HbmCommands.Info(c).Mnemonic : ""),
        new("energy events", string.Join(", ", Energy)),
    ];
}

/// <summary>HPIM's semantic columns read off a table row, as if they were the row's own properties.</summary>
public static class HpimOpSpec
{
    extension(OpSpec spec)
    {
        /// <summary>The row's HPIM semantics (every row of <c>SramIsa.Table</c> and <c>HbmCommandSet.Table</c> has them).</summary>
        public HpimSemantics Hpim => (HpimSemantics)spec.Semantics;
        public OpClass Class => spec.Hpim.Class;
        public Unit Unit => spec.Hpim.Unit;
        public TimingClass Timing => spec.Hpim.Timing;
        public OpAction Action => spec.Hpim.Action;
        public Arithmetic Function => spec.Hpim.Function;
        public Pimcc.Targets.Hbm.HbmCommand? DramCommand => spec.Hpim.DramCommand;
        public IReadOnlyList<EnergyEvent> Energy => spec.Hpim.Energy;
    }
}
