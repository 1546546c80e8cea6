using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Isa.Encoding;
using Pimcc.Targets;

namespace Pimcc.Hpim.Sim;

/// <summary>
/// One energy event: the report subsystem it is charged to, the description parameter(s) its cost comes from, what
/// one occurrence is, and the cost itself read from a resolved description.
/// </summary>
public sealed record EnergyEventDeclaration(EnergyEvent Event, EnergySubsystem Subsystem, string Parameter, string PerWhat,
    Func<EnergyConfig, double> Cost);

/// <summary>
/// The energy events of the HPIM simulator, each declared once. The ISA tables list which events an instruction
/// charges (<see cref="OpSpec.Energy"/>); the agents charge through <see cref="EnergyCosts"/>, built from this table
/// and the description, so a cost is never read from the description anywhere else. docs/simulator.md ("Energy
/// events") lists the same rows (a test keeps them in step).
/// </summary>
public static class EnergyEvents
{
    // @formatter:off  (keep the table in columns)
    public static IReadOnlyList<EnergyEventDeclaration> All { get; } =
    [
        new(EnergyEvent.ScalarOp,             EnergySubsystem.SramCompute, "energy.sram.scuOp",       "scalar, branch or TCU-configuration instruction", e => e.ScuOpPj),
        new(EnergyEvent.MacroMac,             EnergySubsystem.SramCompute, "energy.sram.macroMac",    "MAC in the PIM-unit macros",                     e => e.MacroMacPj),
        new(EnergyEvent.TcuMac,               EnergySubsystem.SramCompute, "energy.sram.tcuMac",      "MAC in the TCU",                                 e => e.TcuMacPj),
        new(EnergyEvent.VcuOp,                EnergySubsystem.SramCompute, "energy.sram.vcuOp",       "VCU element operation (transposed element, all-reduce add)", e => e.VcuOpPj),
        new(EnergyEvent.LocalMemoryBit,       EnergySubsystem.LocalMemory, "energy.sram.localMemory", "bit read or written in local memory (or the macros)", e => e.LocalMemoryPjPerBit),
        new(EnergyEvent.NocHopBit,            EnergySubsystem.Noc,         "energy.noc.hop",          "bit over one NoC hop",                           e => e.NocHopPjPerBit),
        new(EnergyEvent.DramActivate,         EnergySubsystem.DramArray,   "energy.hbm.activate x page bits", "row activation (and its precharge) of one bank", e => e.ActivatePj),
        new(EnergyEvent.DramCellBit,          EnergySubsystem.DramArray,   "energy.hbm.cellAccess",   "bit accessed in the cell array",                 e => e.ColumnInBankPjPerBit),
        new(EnergyEvent.DramOffBankBit,       EnergySubsystem.DramIo,      "energy.hbm.bankToBankGroup + bankGroupToGlobalIo + tsv + interposer", "bit moved from the bank edge off the stack", e => e.ColumnOffDiePjPerBit - e.ColumnInBankPjPerBit),
        new(EnergyEvent.DramTsvInterposerBit, EnergySubsystem.DramIo,      "energy.hbm.tsv + interposer", "bit moved into the stack to a global buffer", e => e.HbmTsvPjPerBit + e.HbmInterposerPjPerBit),
        new(EnergyEvent.DramRefresh,          EnergySubsystem.DramArray,   "energy.hbm.refresh",      "all-bank refresh of one pseudo channel",         e => e.HbmRefreshPj),
        new(EnergyEvent.PuMac,                EnergySubsystem.HbmPu,       "energy.hbm.puMac",        "MAC in a bank PU",                               e => e.PuMacPj),
        new(EnergyEvent.GlobalBufferBit,      EnergySubsystem.HbmPu,       "energy.hbm.globalBuffer", "bit written to or broadcast from a global buffer", e => e.GlobalBufferPjPerBit),
        new(EnergyEvent.SramCoreStatic,       EnergySubsystem.Static,      "energy.static.sramCore",  "mW x ps x 1e-3 per SRAM-PIM core over the run",  e => e.SramCoreStaticMw),
        new(EnergyEvent.HbmChannelStatic,     EnergySubsystem.Static,      "energy.static.hbmChannel", "mW x ps x 1e-3 per HBM channel over the run",  e => e.HbmChannelStaticMw),
        new(EnergyEvent.HbmPuStatic,          EnergySubsystem.Static,      "energy.static.hbmPu",     "mW x ps x 1e-3 per bank PU over the run",        e => e.HbmPuStaticMw),
    ];
    // @formatter:on

    static EnergyEvents()
    {
        for (var i = 0; i < All.Count; i++)
            if ((int)All[i].Event != i) throw new InvalidOperationException($"energy event {All[i].Event} declared at row {i}");
        if (All.Count != Enum.GetValues<EnergyEvent>().Length) throw new InvalidOperationException("an energy event is not declared");
    }

    public static EnergyEventDeclaration Of(EnergyEvent e) => All[(int)e];
}

/// <summary>
/// The cost of every <see cref="EnergyEvent"/> for one resolved description, and the one way the simulator charges
/// energy: count x cost into the event's subsystem.
/// </summary>
public sealed class EnergyCosts
{
    private readonly double[] _pj;
    private readonly EnergySubsystem[] _subsystem;

    public EnergyCosts(HpimTarget target)
    {
        Target = target;
        _pj = EnergyEvents.All.Select(d => d.Cost(target.Energy)).ToArray();
        _subsystem = EnergyEvents.All.Select(d => d.Subsystem).ToArray();
    }

    public HpimTarget Target { get; }

    /// <summary>Cost of one occurrence (pJ; mW for the static events).</summary>
    public double Pj(EnergyEvent e) => _pj[(int)e];

    public EnergySubsystem Subsystem(EnergyEvent e) => _subsystem[(int)e];

    /// <summary>Charges <paramref name="count"/> occurrences of <paramref name="e"/> to work class <paramref name="cls"/>.</summary>
    public void Charge(StatVector s, WorkClass cls, EnergyEvent e, double count) =>
        s.AddEnergy(_subsystem[(int)e], cls, Amount(e, count));

    /// <summary>Charges two events of one subsystem as one amount (n1 x c1 + n2 x c2).</summary>
    public void Charge(StatVector s, WorkClass cls, EnergyEvent e1, double n1, EnergyEvent e2, double n2) =>
        s.AddEnergy(_subsystem[(int)e1], cls, Amount(e1, n1, e2, n2));

    /// <summary>The energy (pJ) <see cref="Charge(StatVector, WorkClass, EnergyEvent, double)"/> adds, for callers that add it many times.</summary>
    public double Amount(EnergyEvent e, double count) => count * _pj[(int)e];

    /// <summary>The energy the two-event <see cref="Charge(StatVector, WorkClass, EnergyEvent, double, EnergyEvent, double)"/> adds to <paramref name="e1"/>'s subsystem.</summary>
    public double Amount(EnergyEvent e1, double n1, EnergyEvent e2, double n2)
    {
        if (_subsystem[(int)e1] != _subsystem[(int)e2]) throw new InvalidOperationException($"{e1} and {e2} are charged to different subsystems");
        return n1 * _pj[(int)e1] + n2 * _pj[(int)e2];
    }

    /// <summary>Static energy of every core, channel and bank PU over <paramref name="ps"/> (the machine is on throughout).</summary>
    public void ChargeStatic(StatVector s, long ps)
    {
        var org = Target.Hbm.Organization;
        var mw = Target.Sram.Cores * Pj(EnergyEvent.SramCoreStatic) + org.Channels * Pj(EnergyEvent.HbmChannelStatic)
            + org.Banks * Pj(EnergyEvent.HbmPuStatic);
        // mW x ps = 1e-15 J = 1e-3 pJ.
        s.AddEnergy(Subsystem(EnergyEvent.SramCoreStatic), WorkClass.Other, mw * ps * 1e-3);
    }
}
