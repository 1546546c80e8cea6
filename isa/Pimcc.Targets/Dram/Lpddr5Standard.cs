using static Pimcc.Targets.Dram.Lpddr5Command;

namespace Pimcc.Targets.Dram;

/// <summary>Commands of the LPDDR5 table, numbered as the engine indexes them.</summary>
public enum Lpddr5Command { Act, Pre, PreAb, Rd, Wr, RefAb }

/// <summary>Levels of an LPDDR5 channel as the engine numbers them (one rank: the channel is the rank).</summary>
public enum Lpddr5Level { Channel, BankGroup, Bank }

/// <summary>
/// LPDDR5 (JESD209-5, bank-group mode, BL16) as a rule table for the shared <see cref="DramTimingEngine"/>. Which
/// constraint links which commands follows ramulator2's LPDDR5 model (src/dram/impl/LPDDR5.cpp) and gem5's
/// LPDDR5 interfaces (src/python/gem5/components/memory/dram_interfaces/lpddr5.py); the latencies are the named
/// values of a <see cref="Lpddr5Timing"/>, which a target description supplies with their sources. ACT-1/ACT-2 are
/// one ACT that holds the command bus <see cref="Lpddr5Timing.RowCommand"/> clocks; CAS-sync (WCK2CK) commands are
/// folded into the read and write latencies.
/// </summary>
public static class Lpddr5Standard
{
    /// <summary>One row of the table as written: sets of commands, expanded by <see cref="Build"/>.</summary>
    public sealed record Row(string Name, Lpddr5Level Level, Lpddr5Command[] Preceding, Lpddr5Command[] Following, int Latency, string Formula, int Window = 1);

    private static readonly Lpddr5Command[] All = [Act, Pre, PreAb, Rd, Wr, RefAb];
    private static readonly Lpddr5Command[] NotAct = [Pre, PreAb, Rd, Wr, RefAb];
    private static readonly Lpddr5Command[] Precharges = [Pre, PreAb];

    /// <summary>The command table: scope, banks covered, effect, column space (bursts of a row).</summary>
    public static IReadOnlyList<DramCommandSpec> Commands(Lpddr5Organization org) =>
    [
        new("ACT", (int)Lpddr5Level.Bank, false, DramBankEffect.Open),
        new("PRE", (int)Lpddr5Level.Bank, false, DramBankEffect.Close),
        new("PREA", (int)Lpddr5Level.Channel, true, DramBankEffect.Close),
        new("RD16", (int)Lpddr5Level.Bank, false, DramBankEffect.Access, "burst", org.BurstsPerRow),
        new("WR16", (int)Lpddr5Level.Bank, false, DramBankEffect.Access, "burst", org.BurstsPerRow),
        new("REFAB", (int)Lpddr5Level.Channel, true, DramBankEffect.Refresh),
    ];

    /// <summary>The rule table as written (for documentation and for <see cref="Build"/>).</summary>
    public static IReadOnlyList<Row> Rows(Lpddr5Timing t) =>
    [
        // Channel: one command bus (an activate takes two clocks), one data bus, one activate window.
        new("nRowCommand", Lpddr5Level.Channel, [Act], All, t.RowCommand, "nRowCommand"),
        new("nCommand", Lpddr5Level.Channel, NotAct, All, t.Command, "nCommand"),
        new("tCCD_S", Lpddr5Level.Channel, [Rd], [Rd], t.CCDS, "nCCDS"),
        new("tCCD_S", Lpddr5Level.Channel, [Wr], [Wr], t.CCDS, "nCCDS"),
        new("tRTW", Lpddr5Level.Channel, [Rd], [Wr], t.CL + t.BL + t.RTW - t.CWL, "nCL + nBL + nRTW - nCWL"),
        new("tWTR_S", Lpddr5Level.Channel, [Wr], [Rd], t.CWL + t.BL + t.WTRS, "nCWL + nBL + nWTRS"),
        new("tRRD", Lpddr5Level.Channel, [Act], [Act], t.RRD, "nRRD"),
        new("tFAW", Lpddr5Level.Channel, [Act], [Act], t.FAW, "nFAW", Window: 4),
        new("tPPD", Lpddr5Level.Channel, Precharges, Precharges, t.PPD, "nPPD"),

        // Same bank group.
        new("tCCD_L", Lpddr5Level.BankGroup, [Rd], [Rd], t.CCDL, "nCCDL"),
        new("tCCD_L", Lpddr5Level.BankGroup, [Wr], [Wr], t.CCDL, "nCCDL"),
        new("tWTR_L", Lpddr5Level.BankGroup, [Wr], [Rd], t.CWL + t.BL + t.WTRL, "nCWL + nBL + nWTRL"),

        // Same bank (PREA and REFAB touch every bank of the channel, so these apply to each).
        new("tRC", Lpddr5Level.Bank, [Act], [Act, RefAb], t.RC, "nRC"),
        new("tRCD", Lpddr5Level.Bank, [Act], [Rd, Wr], t.RCD, "nRCD"),
        new("tRAS", Lpddr5Level.Bank, [Act], Precharges, t.RAS, "nRAS"),
        new("tRPpb", Lpddr5Level.Bank, [Pre], [Act, RefAb], t.RPpb, "nRPpb"),
        new("tRPab", Lpddr5Level.Bank, [PreAb], [Act, RefAb], t.RPab, "nRPab"),
        new("tRTP", Lpddr5Level.Bank, [Rd], Precharges, t.RTP, "nRTP"),
        new("tWR", Lpddr5Level.Bank, [Wr], Precharges, t.CWL + t.BL + t.WR, "nCWL + nBL + nWR"),
        new("tRFCab", Lpddr5Level.Bank, [RefAb], [Act, RefAb], t.RFCab, "nRFCab"),
    ];

    /// <summary>The rows expanded to single-command rules.</summary>
    public static IReadOnlyList<DramTimingRule> Build(Lpddr5Timing t) =>
        Rows(t).SelectMany(r => r.Preceding.SelectMany(p => r.Following.Select(f =>
            new DramTimingRule(r.Name, (int)r.Level, (int)p, (int)f, r.Latency, r.Formula, r.Window)))).ToList();

    /// <summary>One channel as a standard for the engine; all-bank refresh per channel (REFab, tREFI, tRFCab).</summary>
    public static DramStandard Standard(Lpddr5Organization org, Lpddr5Timing t)
    {
        var dram = new DramOrganization(
        [
            new DramLevel("channel", 1, "ch"),
            new DramLevel("bank group", org.BankGroups, "bg"),
            new DramLevel("bank", org.BanksPerBankGroup, "b"),
        ], org.RowsPerBank, org.BurstsPerRow);
        var refresh = new DramRefresh((int)RefAb, (int)Lpddr5Level.Channel, t.REFI, t.MaxPostponedRefreshes, t.RFCab);
        return new DramStandard("LPDDR5", dram, Commands(org), Build(t), refresh);
    }

    /// <summary>Flat bank index of a bank group and bank (depth first, as the engine numbers banks).</summary>
    public static int BankIndex(Lpddr5Organization org, int bankGroup, int bank) => bankGroup * org.BanksPerBankGroup + bank;
}
