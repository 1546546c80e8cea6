using Pimcc.Targets;
using Pimcc.Targets.Dram;
using Pimcc.Targets.Hbm;
using static Pimcc.Targets.Hbm.HbmCommand;

namespace Pimcc.Tests.Targets;

public class HbmChannelTimingTests
{
    private static readonly HpimTarget Hpim = TargetLoader.LoadPreset<HpimTarget>("hpim");
    private static HbmAddress B(int bg, int bank, int row = 7, int col = 0) => new(0, bg, bank, row, col);
    private static HbmAddress All(int row = 7, int col = 0) => HbmAddress.AllBanks(0, row, col);

    /// <summary>Issues at the earliest legal cycle and returns it.</summary>
    private static long Next(HbmChannelTiming e, HbmCommand c, HbmAddress a, long now)
    {
        var t = e.Probe(c, a, now).EarliestCycle;
        e.Issue(c, a, t);
        return t;
    }

    [Fact]
    public void OneGemvTileTakesTheCyclesTheoryGives()
    {
        // One tile on one pseudo-channel: fill the global buffer, ACTAB, one MACAB per column of the
        // open row in every bank, read one result column per bank, PREAB, next ACTAB.
        var t = Hpim.Hbm.Timing;
        var org = Hpim.Hbm.Organization;
        var gbColumns = (int)(Hpim.Hbm.GlobalBufferBytes / org.ColumnBytes);
        var puDrain = HbmTimingRules.PuPipelineNck(Hpim);
        var e = new HbmChannelTiming(Hpim);

        e.Issue(ActAb, All(), 0);
        long lastGb = 0;
        for (var c = 0; c < gbColumns; c++) lastGb = Next(e, WrGb, All(col: c), 0);
        long firstMac = -1, lastMac = 0;
        for (var c = 0; c < org.ColumnsPerRow; c++)
        {
            lastMac = Next(e, MacAb, All(col: c), 0);
            if (firstMac < 0) firstMac = lastMac;
        }
        // Commands issue in cycle order: PREAB (205) goes before the result reads (228..).
        var preAb = Next(e, PreAb, All(), 0);
        var nextActAb = e.Probe(ActAb, All(row: 8), 0).EarliestCycle;
        long firstRes = -1, lastRes = 0;
        for (var b = 0; b < org.BanksPerPseudoChannel; b++)
        {
            lastRes = Next(e, RdRes, All(col: b), 0);
            if (firstRes < 0) firstRes = lastRes;
        }

        // Theory, from the timing set:
        var dataSpacing = Math.Max(t.BL, t.CCDS);
        var macSpacing = Math.Max(Math.Max(t.EffectiveCCDAB, t.CCDL), HbmTimingRules.PuColumnNck(Hpim));
        lastGb.ShouldBe((gbColumns - 1) * dataSpacing);
        firstMac.ShouldBe(Math.Max(t.RCDRD, lastGb + t.CWL + t.BL));
        lastMac.ShouldBe(firstMac + (org.ColumnsPerRow - 1) * macSpacing);
        firstRes.ShouldBe(lastMac + t.CL + puDrain);
        lastRes.ShouldBe(firstRes + (org.BanksPerPseudoChannel - 1) * dataSpacing);
        preAb.ShouldBe(Math.Max(t.RAS, lastMac + t.RTPL));
        nextActAb.ShouldBe(Math.Max(preAb + t.RP, t.RC));

        // ... and the figures for the hpim preset (HBM3 6.4 Gbps set), worked by hand:
        // GB 32 x 2 nCK -> 62; first MAC 62 + 7 + 2 = 71; 32 MACs x 4 nCK -> 195;
        // results 195 + 23 + 10 = 228 .. 258; PREAB 195 + 10 = 205; next ACTAB 205 + 23 = 228.
        (lastGb, firstMac, lastMac, firstRes, lastRes, preAb, nextActAb).ShouldBe((62L, 71L, 195L, 228L, 258L, 205L, 228L));
        e.IssuedCount(MacAb).ShouldBe(32);
        e.IssuedCount(WrGb).ShouldBe(32);
    }

    [Fact]
    public void AllBankMacReadsOneSlotPerPrecedingCommandAndLevelAndWritesOnePerLevel()
    {
        // The engine's cost per command: an all-bank MAC covers 16 banks in 4 bank groups, yet its probe reads one history
        // slot per (level, preceding command) its rules name (rules on one slot keep the largest latency) and its issue
        // writes one slot per level, not one per bank.
        var standard = HbmTimingRules.Standard(Hpim);
        var plans = standard.Compiled.Plans;
        var plan = plans.PlanOfBank[(int)MacAb * Hpim.Hbm.Organization.BanksPerChannel];
        var named = standard.RulesAsIssued.Where(r => r.Following == (int)MacAb).Select(r => (r.Level, r.Preceding)).Distinct().Count();
        (plans.ReadStart[plan + 1] - plans.ReadStart[plan]).ShouldBe(named);
        (plans.WriteStart[plan + 1] - plans.WriteStart[plan]).ShouldBe(standard.Organization.Levels.Count);
        named.ShouldBeLessThan(standard.RulesAsIssued.Count(r => r.Following == (int)MacAb));
    }

    [Fact]
    public void ProbeNeverMutates()
    {
        var e = new HbmChannelTiming(Hpim);
        e.Issue(Act, B(0, 0), 0);
        var before = Enum.GetValues<HbmCommand>().Select(c => e.Probe(c, B(0, 0), 5)).ToList();
        for (var i = 0; i < 3; i++)
            foreach (var c in Enum.GetValues<HbmCommand>()) e.Probe(c, B(1, 2), 100);
        Enum.GetValues<HbmCommand>().Select(c => e.Probe(c, B(0, 0), 5)).ToList().ShouldBe(before);
        e.OpenRow(0, 0, 0).ShouldBe(7);
        e.OpenRow(0, 1, 2).ShouldBeNull();
        e.IssuedCount(Act).ShouldBe(1);
    }

    [Fact]
    public void RejectedIssueLeavesStateUnchanged()
    {
        var e = new HbmChannelTiming(Hpim);
        e.Issue(Act, B(0, 0), 0);
        Should.Throw<DramProtocolViolation>(() => e.Issue(Pre, B(0, 0), 1));
        e.OpenRow(0, 0, 0).ShouldBe(7);
        e.Probe(Pre, B(0, 0), 0).EarliestCycle.ShouldBe(Hpim.Hbm.Timing.RAS);
    }

    [Theory]
    [InlineData(Rd, "activate the row first")]
    [InlineData(Wr, "activate the row first")]
    [InlineData(MacSb, "activate the row first")]
    [InlineData(MacAb, "use ACTAB first")]
    public void ColumnCommandsNeedTheRowOpen(HbmCommand c, string reason)
    {
        var e = new HbmChannelTiming(Hpim);
        var a = c == MacAb ? All() : B(0, 0);
        var p = e.Probe(c, a, 0);
        p.IsLegalState.ShouldBeFalse();
        p.StateError!.ShouldContain(reason);
        Should.Throw<DramProtocolViolation>(() => e.Issue(c, a, 1000)).Message.ShouldContain(reason);
    }

    [Fact]
    public void ReadOfAnotherRowThanTheOpenOneIsIllegal()
    {
        var e = new HbmChannelTiming(Hpim);
        e.Issue(Act, B(0, 0, row: 3), 0);
        e.Probe(Rd, B(0, 0, row: 4), 0).StateError!.ShouldContain("row 3 open, not row 4");
    }

    [Fact]
    public void AnAccessNamingNoRowOnAPrechargedBankIsIllegal()
    {
        // Regression: row -1 (what a closed bank's open row reads as) matched the precharged state, so an access to a
        // closed bank was legal when it named no row; the channel agent names the open row, so such a stream ran on.
        var e = new HbmChannelTiming(Hpim);
        e.Probe(Rd, B(0, 0, row: DramTimingEngine.ClosedRow), 0).StateError!.ShouldContain("activate the row first");
        e.Probe(MacAb, All(row: DramTimingEngine.ClosedRow), 0).StateError!.ShouldContain("use ACTAB first");
        e.Engine.TryIssueEarliest((int)MacAb, new DramAddress(0, DramTimingEngine.ClosedRow, 0), 0, out _).ShouldBeFalse();
        e.IssuedCount(MacAb).ShouldBe(0);
    }

    [Fact]
    public void AllBankCommandsSeePerBankRowChanges()
    {
        // An all-bank command checks a summary of its pseudo-channel's banks; per-bank commands in between must move it.
        var t = Hpim.Hbm.Timing;
        var e = new HbmChannelTiming(Hpim);
        Next(e, ActAb, All(row: 5), 0);
        e.Probe(MacAb, All(row: 5, col: 1), 0).IsLegalState.ShouldBeTrue();
        var pre = Next(e, Pre, B(2, 3), 0);
        e.Probe(MacAb, All(row: 5), 0).StateError!.ShouldContain("not every bank of the pseudo-channel has row 5 open");
        Next(e, Act, B(2, 3, row: 6), pre);
        e.Probe(MacAb, All(row: 5), 0).StateError!.ShouldContain("row 5");
        e.Probe(MacAb, All(row: 6), 0).StateError!.ShouldContain("row 6");
        e.Probe(ActAb, All(row: 6), 0).StateError!.ShouldContain("precharge all first");
        pre = Next(e, Pre, B(2, 3), 0);
        Next(e, Act, B(2, 3, row: 5), pre);
        e.Probe(MacAb, All(row: 5), 0).IsLegalState.ShouldBeTrue();
        // The other pseudo-channel's banks were never opened.
        e.Probe(ActAb, HbmAddress.AllBanks(1, 5), 0).IsLegalState.ShouldBeTrue();
        var preAb = Next(e, PreAb, All(), 0);
        e.Probe(MacAb, All(row: 5), 0).StateError!.ShouldContain("use ACTAB first");
        e.Probe(ActAb, All(row: 9), preAb).EarliestCycle.ShouldBe(preAb + t.RP);
    }

    [Fact]
    public void ActivateOfAnOpenBankAndAllBankActivateOverAnOpenBankAreIllegal()
    {
        var e = new HbmChannelTiming(Hpim);
        e.Issue(Act, B(2, 1), 0);
        e.Probe(Act, B(2, 1, row: 9), 0).StateError!.ShouldContain("precharge first");
        e.Probe(ActAb, All(), 0).StateError!.ShouldContain("precharge all first");
        e.Probe(Ref, All(), 0).StateError!.ShouldContain("precharge all first");
    }

    [Fact]
    public void AllBankMacNeedsTheSameRowInEveryBank()
    {
        var e = new HbmChannelTiming(Hpim);
        e.Issue(ActAb, All(row: 5), 0);
        e.Probe(MacAb, All(row: 6), 0).StateError!.ShouldContain("row 6");
        e.Probe(MacAb, All(row: 5), 0).IsLegalState.ShouldBeTrue();
        e.OpenRow(0, 3, 3).ShouldBe(5);
    }

    [Theory]
    [InlineData(2, 0, 0, 0, 0, "pseudo-channel 2")]
    [InlineData(0, 4, 0, 0, 0, "bank group 4")]
    [InlineData(0, 0, 4, 0, 0, "bank 4")]
    [InlineData(0, 0, 0, 49152, 0, "row 49152")]
    public void AddressesOutsideTheChannelAreIllegal(int pch, int bg, int bank, int row, int col, string what)
    {
        var e = new HbmChannelTiming(Hpim);
        e.Probe(Act, new HbmAddress(pch, bg, bank, row, col), 0).StateError!.ShouldContain(what);
    }

    [Fact]
    public void ColumnsAndGlobalBufferColumnsAreRangeChecked()
    {
        var e = new HbmChannelTiming(Hpim);
        e.Issue(Act, B(0, 0), 0);
        e.Probe(Rd, B(0, 0, col: 32), 0).StateError!.ShouldContain("column 32");
        e.Probe(WrGb, All(col: 32), 0).StateError!.ShouldContain("global buffer column 32");
    }

    [Fact]
    public void CommandsMustBeIssuedInCycleOrder()
    {
        var e = new HbmChannelTiming(Hpim);
        e.Issue(Act, B(0, 0), 100);
        Should.Throw<DramProtocolViolation>(() => e.Issue(WrGb, HbmAddress.AllBanks(1), 50)).Probe.BindingRule.ShouldStartWith("command order");
    }

    [Fact]
    public void OverdueRefreshMakesOtherCommandsIllegalUntilRefIssues()
    {
        // JEDEC: one REF is due per tREFI on average, counted from the start; up to maxPostponedRefreshes may be owed.
        var t = Hpim.Hbm.Timing;
        var e = new HbmChannelTiming(Hpim);
        var refresh = e.Engine.Refresh;
        refresh.Due(0).ShouldBe(t.REFI);
        var deadline = refresh.Deadline(0);
        deadline.ShouldBe((long)t.REFI * (t.MaxPostponedRefreshes + 1));
        e.Probe(Act, B(0, 0), deadline).IsLegalState.ShouldBeTrue();
        e.Probe(Act, B(0, 0), deadline + 1).StateError.ShouldBe($"refresh overdue: pseudo-channel 0 owes REF past the postponement limit ({t.MaxPostponedRefreshes} x tREFI)");
        e.Issue(Ref, All(), deadline + 1);
        // A REF pays the oldest refresh owed: the schedule does not move with the late issue.
        refresh.Due(0).ShouldBe(2L * t.REFI);
        refresh.Deadline(0).ShouldBe((long)t.REFI * (t.MaxPostponedRefreshes + 2));
        e.Probe(Act, B(0, 0), 0).EarliestCycle.ShouldBe(deadline + 1 + t.RFC);
        // The other pseudo-channel is still overdue.
        e.Probe(Act, new HbmAddress(1, 0, 0, 0, 0), deadline + 1).StateError!.ShouldContain("pseudo-channel 1");
    }

    [Fact]
    public void RefreshCanBeLeftToTheCaller()
    {
        var e = new HbmChannelTiming(Hpim, enforceRefresh: false);
        e.Probe(Act, B(0, 0), 10_000_000).IsLegalState.ShouldBeTrue();
    }

    [Fact]
    public void RuleTableCoversEveryConstraintWithPositiveLatencies()
    {
        var rules = HbmTimingRules.Build(Hpim);
        string[] names = ["tBL", "tRCD_WR", "tRCD", "tRP", "tRAS", "tRC", "tCCD_S", "tCCD_L", "tRRD_S", "tRRD_L", "tFAW", "tPPD", "tWR", "tRTP", "tRTP_S",
            "tWTR_S", "tWTR_L", "tRTW", "tRFC", "tCCDAB", "tCCDSB", "PU throughput", "global buffer ready", "result ready", "tCCDR"];
        rules.Select(r => r.Name).Distinct().Order(StringComparer.Ordinal).ShouldBe(names.Order(StringComparer.Ordinal));
        rules.ShouldAllBe(r => r.Latency > 0);
        rules.Single(r => r.Name == "tFAW").Window.ShouldBe(4);
        // tPPD links every precharge kind (per bank, all banks, compute mode) to every other, per pseudo-channel.
        rules.Count(r => r.Name == "tPPD" && r.Level == (int)HbmLevel.PseudoChannel).ShouldBe(9);
        // All-bank PIM commands obey the same bank rules as their single-bank counterparts.
        rules.ShouldContain(r => r.Name == "tRAS" && r.Preceding == (int)ActAb && r.Following == (int)PreAb && r.Level == (int)HbmLevel.Bank);
        rules.ShouldContain(r => r.Name == "tRCD" && r.Preceding == (int)ActAb && r.Following == (int)MacAb);
    }

    [Fact]
    public void PowerLimitSwitchesTheMacSpacingRule()
    {
        var limited = TargetLoader.LoadPreset<HpimTarget>("hpim", ["hbm.timing.powerLimited=true"]);
        HbmTimingRules.Build(limited).First(r => r.Name == "tCCDAB").Latency.ShouldBe(limited.Hbm.Timing.CCDABPowerLimited);
        HbmTimingRules.Build(Hpim).First(r => r.Name == "tCCDAB").Latency.ShouldBe(Hpim.Hbm.Timing.CCDAB);
    }
}
