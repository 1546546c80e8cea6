using Pimcc.Targets;
using Pimcc.Targets.Dram;
using Pimcc.Targets.Hbm;
using static Pimcc.Targets.Hbm.HbmCommand;

namespace Pimcc.Tests.Targets;

/// <summary>Each timing gate is tight: the command is refused at t-1 and accepted at t, with the named rule binding.</summary>
public class HbmTimingGateTests
{
    private static HbmChannelTiming Engine(params string[] overrides) => new(TargetLoader.LoadPreset<HpimTarget>("hpim", overrides));
    private static HbmTimingSet Timing(params string[] overrides) => TargetLoader.LoadPreset<HpimTarget>("hpim", overrides).Hbm.Timing;
    private static HbmAddress B(int bg, int bank, int pch = 0, int row = 7, int col = 0) => new(pch, bg, bank, row, col);
    private static HbmAddress All(int pch = 0, int row = 7, int col = 0) => HbmAddress.AllBanks(pch, row, col);

    private static void Tight(HbmChannelTiming e, HbmCommand c, HbmAddress a, long expected, string rule)
    {
        var probe = e.Probe(c, a, 0);
        probe.StateError.ShouldBeNull();
        probe.EarliestCycle.ShouldBe(expected);
        probe.BindingRule.ShouldStartWith(rule + ":");
        Should.Throw<DramProtocolViolation>(() => e.Issue(c, a, expected - 1)).Probe.EarliestCycle.ShouldBe(expected);
        e.Issue(c, a, expected);
    }

    [Fact]
    public void ActivateToRead_tRCD()
    {
        var e = Engine();
        e.Issue(Act, B(0, 0), 0);
        Tight(e, Rd, B(0, 0), Timing().RCDRD, "tRCD");
    }

    [Fact]
    public void DescriptionOverrideMovesTheGate()
    {
        var e = Engine("hbm.timing.nRCDRD=31");
        e.Issue(Act, B(0, 0), 0);
        Tight(e, Rd, B(0, 0), 31, "tRCD");
    }

    [Fact]
    public void ActivateToPrecharge_tRAS()
    {
        var e = Engine();
        e.Issue(Act, B(0, 0), 0);
        Tight(e, Pre, B(0, 0), Timing().RAS, "tRAS");
    }

    [Fact]
    public void PrechargeToActivate_tRP()
    {
        var t = Timing();
        var e = Engine();
        e.Issue(Act, B(0, 0), 0);
        e.Issue(Pre, B(0, 0), t.RAS);
        Tight(e, Act, B(0, 0, row: 8), t.RAS + t.RP, "tRP"); // 55 + 23 = 78 > tRC 77 in this set
    }

    [Fact]
    public void ActivateToActivateSameBank_tRC()
    {
        var e = Engine("hbm.timing.nRC=90");
        e.Issue(Act, B(0, 0), 0);
        e.Issue(Pre, B(0, 0), Timing().RAS);
        Tight(e, Act, B(0, 0, row: 8), 90, "tRC");
    }

    [Fact]
    public void ReadToReadOtherBankGroup_tCCD_S()
    {
        var e = Engine("hbm.timing.nCCDS=3");
        e.Issue(Act, B(0, 0), 0);
        e.Issue(Act, B(1, 0), 2);
        e.Issue(Rd, B(0, 0), 30);
        Tight(e, Rd, B(1, 0), 33, "tCCD_S");
    }

    [Fact]
    public void ReadToReadSameBankGroup_tCCD_L()
    {
        var t = Timing();
        var e = Engine();
        e.Issue(Act, B(0, 0), 0);
        e.Issue(Act, B(0, 1), t.RRDL);
        e.Issue(Rd, B(0, 0), 30);
        Tight(e, Rd, B(0, 1), 30 + t.CCDL, "tCCD_L");
    }

    [Fact]
    public void ReadToReadOtherBankGroupOccupiesTheDataBus_tBL()
    {
        var e = Engine("hbm.timing.nCCDS=1");
        e.Issue(Act, B(0, 0), 0);
        e.Issue(Act, B(1, 0), 2);
        e.Issue(Rd, B(0, 0), 30);
        Tight(e, Rd, B(1, 0), 30 + Timing().BL, "tBL");
    }

    [Fact]
    public void ActivateToWrite_tRCD_WR()
    {
        var e = Engine("hbm.timing.nRCDWR=30");
        e.Issue(Act, B(0, 0), 0);
        Tight(e, Wr, B(0, 0), 30, "tRCD_WR");
    }

    [Fact]
    public void ActivateToRefresh_tRC()
    {
        var e = Engine("hbm.timing.nRC=90");
        e.Issue(Act, B(0, 0), 0);
        e.Issue(Pre, B(0, 0), Timing().RAS);
        Tight(e, Ref, All(), 90, "tRC");
    }

    [Fact]
    public void ActivateToActivateOtherBankGroup_tRRD_S()
    {
        var e = Engine("hbm.timing.nRRDS=3");
        e.Issue(Act, B(0, 0), 0);
        Tight(e, Act, B(1, 0), 3, "tRRD_S");
    }

    [Fact]
    public void ActivateToActivateSameBankGroup_tRRD_L()
    {
        var e = Engine();
        e.Issue(Act, B(0, 0), 0);
        Tight(e, Act, B(0, 1), Timing().RRDL, "tRRD_L");
    }

    [Fact]
    public void FifthActivateWaitsForTheFourActivateWindow_tFAW()
    {
        var t = Timing();
        var e = Engine();
        for (var bg = 0; bg < 4; bg++) e.Issue(Act, B(bg, 0), bg * t.RRDS);
        Tight(e, Act, B(0, 1), t.FAW, "tFAW");
    }

    [Fact]
    public void WriteToPrecharge_tWR()
    {
        var t = Timing();
        var e = Engine();
        e.Issue(Act, B(0, 0), 0);
        e.Issue(Wr, B(0, 0), t.RCDWR);
        Tight(e, Pre, B(0, 0), t.RCDWR + t.CWL + t.BL + t.WR, "tWR");
    }

    [Fact]
    public void ReadToPrecharge_tRTP()
    {
        var t = Timing();
        var e = Engine();
        e.Issue(Act, B(0, 0), 0);
        e.Issue(Rd, B(0, 0), 50);
        Tight(e, Pre, B(0, 0), 50 + t.RTPL, "tRTP");
    }

    [Fact]
    public void WriteToReadOtherBankGroup_tWTR_S()
    {
        var t = Timing();
        var e = Engine();
        e.Issue(Act, B(0, 0), 0);
        e.Issue(Act, B(1, 0), t.RRDS);
        e.Issue(Wr, B(0, 0), t.RCDWR);
        Tight(e, Rd, B(1, 0), t.RCDWR + t.CWL + t.BL + t.WTRS, "tWTR_S");
    }

    [Fact]
    public void WriteToReadSameBankGroup_tWTR_L()
    {
        var t = Timing();
        var e = Engine();
        e.Issue(Act, B(0, 0), 0);
        e.Issue(Act, B(0, 1), t.RRDL);
        e.Issue(Wr, B(0, 0), t.RCDWR);
        Tight(e, Rd, B(0, 1), t.RCDWR + t.CWL + t.BL + t.WTRL, "tWTR_L");
    }

    [Fact]
    public void ReadToWrite_BusTurnaround()
    {
        var t = Timing();
        var e = Engine();
        e.Issue(Act, B(0, 0), 0);
        e.Issue(Rd, B(0, 0), t.RCDRD);
        Tight(e, Wr, B(0, 0), t.RCDRD + t.CL + t.BL + t.RTW - t.CWL, "tRTW");
    }

    [Fact]
    public void RefreshToActivate_tRFC()
    {
        var e = Engine();
        e.Issue(Ref, All(), 0);
        Tight(e, Act, B(0, 0), Timing().RFC, "tRFC");
    }

    [Fact]
    public void PrechargeToRefresh_tRP()
    {
        var t = Timing();
        var e = Engine();
        e.Issue(Act, B(0, 0), 0);
        e.Issue(Pre, B(0, 0), t.RAS);
        Tight(e, Ref, All(), t.RAS + t.RP, "tRP");
    }

    [Fact]
    public void AllBankActivateToAllBankMac_tRCD()
    {
        var e = Engine();
        e.Issue(ActAb, All(), 0);
        Tight(e, MacAb, All(), Timing().RCDRD, "tRCD");
    }

    [Fact]
    public void AllBankMacSpacing_PowerLimited_tCCDAB()
    {
        var t = Timing("hbm.timing.powerLimited=true");
        var e = Engine("hbm.timing.powerLimited=true");
        e.Issue(ActAb, All(), 0);
        e.Issue(MacAb, All(), t.RCDRD);
        Tight(e, MacAb, All(col: 1), t.RCDRD + t.CCDABPowerLimited, "tCCDAB");
    }

    [Fact]
    public void SingleBankMacSpacing_PowerLimited_tCCDSB()
    {
        var t = Timing("hbm.timing.powerLimited=true");
        var e = Engine("hbm.timing.powerLimited=true");
        e.Issue(Act, B(0, 0), 0);
        e.Issue(Act, B(1, 0), t.RRDS);
        e.Issue(MacSb, B(0, 0), 30);
        Tight(e, MacSb, B(1, 0), 30 + t.CCDSBPowerLimited, "tCCDSB");
    }

    [Fact]
    public void AllBankMacSpacingWithoutPowerLimitIsTheSameBankGroupColumnSpacing()
    {
        var t = Timing();
        var e = Engine();
        e.Issue(ActAb, All(), 0);
        e.Issue(MacAb, All(), t.RCDRD);
        var p = e.Probe(MacAb, All(col: 1), 0);
        p.EarliestCycle.ShouldBe(t.RCDRD + Math.Max(t.CCDAB, t.CCDL));
    }

    [Fact]
    public void SlowProcessingUnitLimitsMacSpacing()
    {
        // 4 multipliers take 4 PU cycles (4 ns) per 16-element column: ceil(4 / 0.625) = 7 nCK.
        var e = Engine("hbm.pu.multipliers=4");
        e.Issue(ActAb, All(), 0);
        e.Issue(MacAb, All(), 23);
        Tight(e, MacAb, All(col: 1), 23 + 7, "PU throughput");
    }

    [Fact]
    public void MacWaitsForTheGlobalBufferWrite()
    {
        var t = Timing();
        var e = Engine();
        e.Issue(ActAb, All(), 0);
        e.Issue(WrGb, All(), 20);
        Tight(e, MacAb, All(), 20 + t.CWL + t.BL, "global buffer ready");
    }

    [Fact]
    public void ResultReadWaitsForThePuPipeline()
    {
        var t = Timing();
        var e = Engine();
        e.Issue(ActAb, All(), 0);
        e.Issue(MacAb, All(), t.RCDRD);
        Tight(e, RdRes, All(), t.RCDRD + t.CL + 10, "result ready"); // 6 ns PU pipeline = 9.6 -> 10 nCK
    }

    [Fact]
    public void RowCommandsShareTheChannelCommandBus()
    {
        var e = Engine();
        e.Issue(Act, B(0, 0, pch: 0), 0);
        Tight(e, Act, B(0, 0, pch: 1), (long)Timing().ActivateBus, "command bus"); // hpim: an ACT holds the row bus 2 nCK
    }

    [Fact]
    public void ColumnCommandsShareTheChannelCommandBus()
    {
        var e = Engine();
        e.Issue(Act, B(0, 0, pch: 0), 0);
        e.Issue(Act, B(0, 0, pch: 1), 2);
        e.Issue(Rd, B(0, 0, pch: 0), 30);
        Tight(e, Rd, B(0, 0, pch: 1), 30 + (long)Timing().ColumnBus, "command bus");
    }

    [Fact]
    public void PseudoChannelsAreIndependentForArrayTimings()
    {
        var e = Engine();
        e.Issue(ActAb, All(pch: 0), 0);
        // The other pseudo-channel only waits for the shared row command bus, not tRRD/tRC.
        e.Probe(ActAb, All(pch: 1), 0).EarliestCycle.ShouldBe((long)Timing().ActivateBus);
    }
}
