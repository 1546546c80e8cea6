using Pimcc.Targets.Description;
using Pimcc.Targets.Dram;
using static Pimcc.Targets.Hbm.HbmCommand;

namespace Pimcc.Targets.Hbm;

/// <summary>
/// The HBM3-PIM standard of one channel, built from a target's description for the shared
/// <see cref="DramTimingEngine"/>: organisation (channel, pseudo-channel, bank group, bank), the command table
/// (<see cref="HbmCommands"/>, PIM commands included), the rule table and refresh. The table below is the only
/// place that says which constraint links which commands; latencies are named timing parameters
/// (after ramulator2 HBM3.cpp and attacc_simulator HBM3-PIM.cpp), never literals.
/// </summary>
public static class HbmTimingRules
{
    private static readonly HbmCommand[] DataBus = [Rd, Wr, WrGb, RdRes];
    private static readonly HbmCommand[] BankColumn = [Rd, Wr, MacSb, MacAb];
    private static readonly HbmCommand[] ReadLike = [Rd, MacSb, MacAb];
    private static readonly HbmCommand[] Macs = [MacSb, MacAb];
    private static readonly HbmCommand[] Activates = [Act, ActAb];
    private static readonly HbmCommand[] Precharges = [Pre, PreA, PreAb];

    /// <summary>One row of the rule table as written (latency in nCK): sets of commands; <see cref="Build"/> expands it to <see cref="DramTimingRule"/>s.</summary>
    public sealed record Row(string Name, HbmLevel Level, HbmCommand[] Preceding, HbmCommand[] Following, int Latency, string Formula, int Window = 1,
        bool Sibling = false);

    /// <summary>The rule table, one row per constraint and command class, expanded into single-command rules in engine ticks.</summary>
    public static IReadOnlyList<DramTimingRule> Build(HpimTarget target)
    {
        var ticks = target.Hbm.Timing.TicksPerClock;
        var rules = new List<DramTimingRule>();
        foreach (var r in Rows(target))
            foreach (var p in r.Preceding)
                foreach (var f in r.Following)
                    rules.Add(new DramTimingRule(r.Name, (int)r.Level, (int)p, (int)f, r.Latency * ticks, r.Formula, r.Window, r.Sibling));
        return rules;
    }

    /// <summary>One channel of the target as a DRAM standard: levels numbered as <see cref="HbmLevel"/>, commands as <see cref="HbmCommand"/>.</summary>
    public static DramStandard Standard(HpimTarget target)
    {
        var org = target.Hbm.Organization;
        var t = target.Hbm.Timing;
        var dram = new DramOrganization(
        [
            new DramLevel("channel", 1, "ch"),
            new DramLevel("pseudo-channel", org.PseudoChannelsPerChannel, "pch"),
            new DramLevel("stack ID", org.StackIdsPerChannel, "sid"),
            new DramLevel("bank group", org.BankGroupsPerStackId, "bg"),
            new DramLevel("bank", org.BanksPerBankGroup, "b"),
        ], org.RowsPerBank, org.ColumnsPerRow);
        var gbColumns = (int)(target.Hbm.GlobalBufferBytes / org.ColumnBytes);
        var commands = HbmCommands.Table.Select(c => new DramCommandSpec(c.Mnemonic,
            c.Scope == HbmCommandScope.Bank ? (int)HbmLevel.Bank : (int)HbmLevel.PseudoChannel,
            c.Scope == HbmCommandScope.AllBanks, c.Effect,
            c.Command == WrGb ? "global buffer column" : c.Effect == DramBankEffect.Access ? "column" : null,
            c.Command == WrGb ? gbColumns : org.ColumnsPerRow,
            Bus: (int)c.Bus, BusTicks: t.Ticks(BusClocks(c, t)), OnClockEdge: c.Bus == HbmCommandBus.Column)).ToArray();
        // All-bank refresh per pseudo-channel (JESD238 REFab); tRFC also appears as a rule row. PREA closes a
        // pseudo-channel when the controller interrupts open rows for a refresh.
        var ticks = t.TicksPerClock;
        var refresh = new DramRefresh((int)Ref, (int)HbmLevel.PseudoChannel, t.REFI * ticks, t.MaxPostponedRefreshes, t.RFC * ticks,
            t.RefreshPolicy, (int)PreA);
        return new DramStandard("HBM3-PIM", dram, commands, Build(target), refresh, new DramClocking(ticks, t.TimingFromCommandEnd));
    }

    /// <summary>Clocks a command holds its command bus: activates, other row commands, column commands (the description's three values).</summary>
    public static decimal BusClocks(HbmCommandInfo c, HbmTimingSet t) =>
        c.Bus == HbmCommandBus.Column ? t.ColumnBus : c.Effect == DramBankEffect.Open ? t.ActivateBus : t.RowBus;

    /// <summary>The rule table as written (for documentation).</summary>
    public static IReadOnlyList<Row> Rows(HpimTarget target)
    {
        var t = target.Hbm.Timing;
        var puColumn = PuColumnNck(target);
        var puDrain = PuPipelineNck(target);
        Row[] rows =
        [
            // Channel: the row and column command buses are shared by the pseudo-channels; each command holds its
            // bus nActivateBus / nRowBus / nColumnBus (the engine's bus rules, from the command table).

            // Pseudo-channel (JESD238 counts array timings per pseudo-channel).
            new("tRRD_S", HbmLevel.PseudoChannel, [Act], [Act], t.RRDS, "nRRDS"),
            new("tFAW", HbmLevel.PseudoChannel, [Act], [Act], t.FAW, "nFAW", Window: 4),
            new("tPPD", HbmLevel.PseudoChannel, Precharges, Precharges, t.PPD, "nPPD"),
            new("tBL", HbmLevel.PseudoChannel, DataBus, DataBus, t.BL, "nBL"),
            new("tCCD_S", HbmLevel.PseudoChannel, DataBus, DataBus, t.CCDS, "nCCDS"),
            new("tCCD_S", HbmLevel.PseudoChannel, BankColumn, BankColumn, t.CCDS, "nCCDS"),
            // Stack IDs of one pseudo-channel share its data bus; a read from the other die costs the turnaround.
            new("tCCDR", HbmLevel.StackId, [Rd], [Rd], t.CCDR, "nCCDR", Sibling: true),
            new("tRTW", HbmLevel.PseudoChannel, [Rd, RdRes], [Wr, WrGb], t.CL + t.BL + t.RTW - t.CWL, "nCL + nBL + nRTW - nCWL"),
            new("tWTR_S", HbmLevel.PseudoChannel, [Wr, WrGb], [Rd, RdRes], t.CWL + t.BL + t.WTRS, "nCWL + nBL + nWTRS"),
            new("tRTP_S", HbmLevel.PseudoChannel, ReadLike, [PreA, PreAb], t.RTPS, "nRTPS"),
            new("tCCDAB", HbmLevel.PseudoChannel, [MacAb], [MacAb], t.EffectiveCCDAB, t.PowerLimited ? "nCCDABPowerLimited" : "nCCDAB"),
            new("tCCDSB", HbmLevel.PseudoChannel, [MacSb], [MacSb], t.EffectiveCCDSB, t.PowerLimited ? "nCCDSBPowerLimited" : "nCCDSB"),
            new("global buffer ready", HbmLevel.PseudoChannel, [WrGb], Macs, t.CWL + t.BL, "nCWL + nBL"),
            new("result ready", HbmLevel.PseudoChannel, Macs, [RdRes], t.CL + puDrain, "nCL + ceil(pu.pipelineLatency / tCK)"),

            // Same bank group.
            new("tRRD_L", HbmLevel.BankGroup, [Act], [Act], t.RRDL, "nRRDL"),
            new("tCCD_L", HbmLevel.BankGroup, BankColumn, BankColumn, t.CCDL, "nCCDL"),
            new("tWTR_L", HbmLevel.BankGroup, [Wr], ReadLike, t.CWL + t.BL + t.WTRL, "nCWL + nBL + nWTRL"),

            // Same bank (all-bank commands touch every bank of their pseudo-channel).
            new("tRC", HbmLevel.Bank, Activates, Activates, t.RC, "nRC"),
            new("tRCD", HbmLevel.Bank, Activates, ReadLike, t.RCDRD, "nRCDRD"),
            new("tRCD_WR", HbmLevel.Bank, Activates, [Wr], t.RCDWR, "nRCDWR"),
            new("tRAS", HbmLevel.Bank, Activates, Precharges, t.RAS, "nRAS"),
            new("tRP", HbmLevel.Bank, Precharges, Activates, t.RP, "nRP"),
            new("tRTP", HbmLevel.Bank, ReadLike, Precharges, t.RTPL, "nRTPL"),
            new("tWR", HbmLevel.Bank, [Wr], Precharges, t.CWL + t.BL + t.WR, "nCWL + nBL + nWR"),
            new("tRC", HbmLevel.Bank, Activates, [Ref], t.RC, "nRC"),
            new("tRP", HbmLevel.Bank, Precharges, [Ref], t.RP, "nRP"),
            new("tRFC", HbmLevel.Bank, [Ref], [Act, ActAb, Ref], t.RFC, "nRFC"),
            new("PU throughput", HbmLevel.Bank, Macs, Macs, puColumn, "ceil(ceil(columnAccess / elementSize / pu.multipliers) / pu.clock / tCK)"),
        ];
        return rows;
    }

    /// <summary>DRAM clocks a bank PU needs to consume one column (its multipliers handle one element each per PU cycle).</summary>
    public static int PuColumnNck(HpimTarget target)
    {
        var org = target.Hbm.Organization;
        var pu = target.Hbm.Pu;
        var elements = org.ColumnBytes / target.ElementBytes;
        var puCycles = (elements + pu.Multipliers - 1) / pu.Multipliers;
        return (int)Units.CyclesCovering(puCycles * Units.PeriodPs(pu.ClockHz), target.Hbm.Timing.TckPs);
    }

    /// <summary>DRAM clocks from the last MAC column reaching the PU to its result being readable.</summary>
    public static int PuPipelineNck(HpimTarget target) =>
        (int)Units.CyclesCovering(target.Hbm.Pu.PipelineLatencyPs, target.Hbm.Timing.TckPs);
}
