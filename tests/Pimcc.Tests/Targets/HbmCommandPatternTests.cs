using Pimcc.Targets;
using Pimcc.Targets.Hbm;
using static Pimcc.Targets.Hbm.HbmCommand;

namespace Pimcc.Tests.Targets;

/// <summary>
/// Fixed command patterns (the ones calibration.md compares with Ramulator 2.1) replayed on one channel of each
/// preset, every command at its earliest legal cycle. Expected cycles are worked by hand from the rule table and the
/// preset's timing values (hpim: attacc_simulator HBM3_6.4Gbps; hpim-jedec: Ramulator 2.1 HBM3_6400Mbps), never
/// taken from the engine.
/// <para>Cycles are engine ticks. hpim counts whole clocks (ACT holds the row bus 2 nCK, PRE 1, latencies from a
/// command's first clock). hpim-jedec puts row commands on half clocks: 1 tick = 0.5 nCK, ACT holds the row bus 3
/// ticks, PRE/REF 1, a column command 2 and starts on an even tick (rising edge); a latency L nCK counts between
/// command ends, so it is 2L + busTicks(preceding) - busTicks(following) ticks from issue to issue (ACT -> RD:
/// 2 x 31 + 3 - 2 = 63, then the next rising edge 64 = nRCDRD + 1 nCK).</para>
/// </summary>
public class HbmCommandPatternTests
{
    private static HbmAddress B(int bg, int bank, int row, int col = 0) => new(0, bg, bank, row, col);

    private static long Next(HbmChannelTiming e, HbmCommand c, HbmAddress a, long now = 0)
    {
        var t = e.Probe(c, a, now).EarliestCycle;
        e.Issue(c, a, t);
        return t;
    }

    private static HbmChannelTiming Channel(string preset) =>
        new(TargetLoader.LoadPreset<HpimTarget>(preset), enforceRefresh: false);

    [Theory]
    // hpim: ACT k at 78k (PRE at ACT + max(nRAS 55, nRCDRD 23 + nRTPL 10) = +55, next ACT max(PRE + nRP 23, ACT + nRC 77) = +78).
    [InlineData("hpim", 78, 23)]
    // hpim-jedec (ticks): RD at ACT + 63 -> edge 64; PRE at ACT + max(tRAS 2 x 45 + 3 - 1 = 92, RD 64 + tRTP 2 x 9 + 2 - 1
    // = 83) = 92; next ACT max(PRE 92 + tRP 2 x 26 + 1 - 3 = 142, ACT + tRC 2 x 72 = 144) = +144 (72 nCK).
    [InlineData("hpim-jedec", 144, 64)]
    public void RowSweepOfOneBank(string preset, long period, long actToRead)
    {
        var e = Channel(preset);
        for (var row = 0; row < 6; row++)
        {
            Next(e, Act, B(0, 0, row)).ShouldBe(row * period);
            Next(e, Rd, B(0, 0, row)).ShouldBe(row * period + actToRead);
            Next(e, Pre, B(0, 0, row));
        }
    }

    [Theory]
    // hpim: ACTs 2 apart (nRRDS 2, nRowCommand 2); first RD at nRCDRD 23, then every nCCDS 2 (nCCDL 4 is met by
    // rotating over 4 groups): 23 + 2i.
    [InlineData("hpim", new long[] { 0, 2, 4, 6 }, new long[] { 23, 25, 27, 29, 31, 33, 35, 37, 39, 41, 43, 45, 47, 49, 51, 53 })]
    // hpim-jedec (ticks): ACTs tRRD_S 2 x 4 = 8 apart (the 3-tick bus is met); RD i < 4 waits for its ACT + 63, then the
    // next rising edge (64, 72, 80, 88); later ones tCCD_S 2 x 2 = 4 apart (92, 96, ...; tCCD_L 8 is met by rotating).
    [InlineData("hpim-jedec", new long[] { 0, 8, 16, 24 }, new long[] { 64, 72, 80, 88, 92, 96, 100, 104, 108, 112, 116, 120, 124, 128, 132, 136 })]
    public void ReadsRotatingOverBankGroups(string preset, long[] acts, long[] reads)
    {
        var e = Channel(preset);
        for (var bg = 0; bg < 4; bg++) Next(e, Act, B(bg, 0, 3)).ShouldBe(acts[bg]);
        for (var i = 0; i < reads.Length; i++) Next(e, Rd, B(i % 4, 0, 3, i / 4)).ShouldBe(reads[i]);
    }

    [Theory]
    // Commands issue in cycle order, as a controller sends them. hpim: ACT b0 0; ACT b1 (same group) nRRDL 4;
    // RD b0 23, RD b1 max(4 + 23, 23 + nCCDL 4) = 27; miss on b0: PRE max(nRAS 55, 23 + nRTPL 10) = 55, ACT max(55 + nRP 23, nRC 77) = 78, RD 78 + 23 = 101.
    [InlineData("hpim", new long[] { 0, 4, 23, 27, 55, 78, 101 })]
    // hpim-jedec (ticks): ACT b1 tRRD_L 10; RD b0 63 -> 64; RD b1 max(10 + 63 = 73, 64 + tCCD_L 8) -> edge 74; PRE
    // max(tRAS 92, 64 + 2 x 9 + 1 = 83) = 92; ACT max(92 + 52 + 1 - 3 = 142, tRC 144) = 144; RD 144 + 63 -> 208.
    [InlineData("hpim-jedec", new long[] { 0, 10, 64, 74, 92, 144, 208 })]
    public void RowMissesInOneBankGroup(string preset, long[] expected)
    {
        var e = Channel(preset);
        long[] got =
        [
            Next(e, Act, B(0, 0, 5)), Next(e, Act, B(0, 1, 9)),
            Next(e, Rd, B(0, 0, 5)), Next(e, Rd, B(0, 1, 9)),
            Next(e, Pre, B(0, 0, 5)), Next(e, Act, B(0, 0, 6)), Next(e, Rd, B(0, 0, 6)),
        ];
        got.ShouldBe(expected);
    }

    [Theory]
    // hpim: WR at nRCDWR 23; RD at 23 + nCWL 7 + nBL 2 + nWTRL 13 = 45; WR at 45 + nCL 23 + nBL 2 + nRTW 3 - nCWL 7
    // = 66; PRE at 66 + nCWL 7 + nBL 2 + nWR 26 = 101.
    [InlineData("hpim", new long[] { 23, 45, 66, 101 })]
    // hpim-jedec (ticks): WR 2 x 15 + 3 - 2 = 31 -> edge 32; RD 32 + tWTR_L 2 x (10 + 2 + 10) = 76; WR 76 + tRTW
    // 2 x 20 (Ramulator's RD to WR) = 116; PRE 116 + tWR 2 x (10 + 2 + 33) + 2 - 1 = 207 (103.5 nCK: a half clock).
    [InlineData("hpim-jedec", new long[] { 32, 76, 116, 207 })]
    public void WritesThenReadsInOneBank(string preset, long[] expected)
    {
        var e = Channel(preset);
        Next(e, Act, B(1, 2, 4)).ShouldBe(0);
        long[] got = [Next(e, Wr, B(1, 2, 4)), Next(e, Rd, B(1, 2, 4, 1)), Next(e, Wr, B(1, 2, 4, 2)), Next(e, Pre, B(1, 2, 4))];
        got.ShouldBe(expected);
    }

    [Theory]
    // hpim: from cycle 200 (tRAS long met) PRE to PRE is nPPD 2 (the row bus alone would allow 1); a PRE on the other
    // pseudo-channel waits only for the row bus (1); ACT after PRE at 200 + nRP 23.
    [InlineData("hpim", new long[] { 200, 202, 204, 206 }, 207, 223)]
    // hpim-jedec (ticks): from tick 400, PRE to PRE 2 x 2 + 1 - 1 = 4; the other pseudo-channel's PRE waits the 1-tick
    // bus (413 = 206.5 nCK); ACT after PRE at 400 + 2 x 26 + 1 - 3 = 450 (225 nCK = 200 + nRP - 1).
    [InlineData("hpim-jedec", new long[] { 400, 404, 408, 412 }, 413, 450)]
    public void PrechargesOfOnePseudoChannelAreTppdApart(string preset, long[] pres, long otherPre, long act)
    {
        var e = Channel(preset);
        for (var bg = 0; bg < 4; bg++) Next(e, Act, B(bg, 0, 1));
        Next(e, Act, new HbmAddress(1, 0, 0, 1, 0));
        long[] got = [Next(e, Pre, B(0, 0, 1), pres[0]), Next(e, Pre, B(1, 0, 1), pres[0]), Next(e, Pre, B(2, 0, 1), pres[0]), Next(e, Pre, B(3, 0, 1), pres[0])];
        got.ShouldBe(pres);
        e.Probe(Pre, new HbmAddress(1, 0, 0, 1, 0), pres[^1]).EarliestCycle.ShouldBe(otherPre);
        e.Probe(Act, B(0, 0, 2), pres[^1]).EarliestCycle.ShouldBe(act);
    }

    [Fact]
    public void RowCommandsTakeHalfClocksAndColumnCommandsRisingEdges()
    {
        // hpim-jedec (ticks of 0.5 nCK): ACT pch0 at 0 holds the row bus 3 ticks, so ACT pch1 goes at 3 (1.5 nCK; hpim:
        // 2). RD pch0: 0 + 63 -> edge 64. RD pch1: max(3 + 63 = 66, column bus 64 + 2 = 66) = 66, already an edge.
        // A PRE on pch1 after tRAS: 3 + 92 = 95 (47.5 nCK), on the row bus while the column bus is busy.
        var e = Channel("hpim-jedec");
        Next(e, Act, B(0, 0, 1)).ShouldBe(0);
        Next(e, Act, new HbmAddress(1, 0, 0, 1, 0)).ShouldBe(3);
        Next(e, Rd, B(0, 0, 1)).ShouldBe(64);
        Next(e, Rd, new HbmAddress(1, 0, 0, 1, 0)).ShouldBe(66);
        Next(e, Pre, new HbmAddress(1, 0, 0, 1, 0)).ShouldBe(95);
        var odd = e.Probe(Rd, B(0, 0, 1), 95);
        odd.EarliestCycle.ShouldBe(96); // the next rising edge
        odd.BindingRule.ShouldContain("rising clock edge");
    }

    [Fact]
    public void ReadsToTheOtherStackIdWaitTccdr()
    {
        // hpim declaring 2 stack IDs: 4 bank groups per pseudo-channel, bg 0-1 on SID 0 and bg 2-3 on SID 1. ACTs at 0, 2,
        // 4 (nRRDS 2). RD bg0 at nRCDRD 23; RD bg1 (same SID) max(2 + 23, 23 + nCCDS 2) = 25; RD bg2 (SID 1) max(4 + 23
        // = 27, 25 + 2, last SID-0 read 25 + nCCDR 3 = 28) = 28; RD bg0 again max(23 + nCCDL 4, SID-1 read 28 + 3) = 31.
        var e = new HbmChannelTiming(TargetLoader.LoadPreset<HpimTarget>("hpim", ["hbm.stackIdsPerChannel=2"]), enforceRefresh: false);
        foreach (var bg in new[] { 0, 1, 2 }) Next(e, Act, B(bg, 0, 1));
        Next(e, Rd, B(0, 0, 1)).ShouldBe(23);
        Next(e, Rd, B(1, 0, 1)).ShouldBe(25);
        e.Probe(Rd, B(2, 0, 1), 0).BindingRule.ShouldStartWith("tCCDR:");
        Next(e, Rd, B(2, 0, 1)).ShouldBe(28);
        Next(e, Rd, B(0, 0, 1, 1)).ShouldBe(31);
        // With one stack ID (the preset) the same reads are only tCCD apart.
        var one = Channel("hpim");
        foreach (var bg in new[] { 0, 1, 2 }) Next(one, Act, B(bg, 0, 1));
        long[] reads = [Next(one, Rd, B(0, 0, 1)), Next(one, Rd, B(1, 0, 1)), Next(one, Rd, B(2, 0, 1))];
        reads.ShouldBe([23L, 25, 27]);
    }

    private sealed class ControllerLog : Pimcc.Targets.Dram.IDramRefreshListener
    {
        public readonly List<(HbmCommand Command, int Node, long Cycle)> Commands = [];
        public void Issued(int command, int node, Pimcc.Targets.Dram.DramAddress address, long cycle) => Commands.Add(((HbmCommand)command, node, cycle));
    }

    [Fact]
    public void RefreshInterruptsAnOpenRowAndReopensIt()
    {
        // hpim (interrupt-open-rows): ACTAB pch0 row 3 at 6000; both pseudo-channels owe a REF at tREFI 6240. The
        // controller at 6240: PREA pch0 max(tRAS 6000 + 55, 6240) = 6240; REF pch0 6240 + nRP 23 = 6263; REF pch1 on the
        // row bus 6264; reopen ACTAB pch0 row 3 at 6263 + tRFC (610 ns / 0.625 = 976) = 7239; the stream's MACAB at
        // 7239 + nRCDRD 23 = 7262.
        var target = TargetLoader.LoadPreset<HpimTarget>("hpim");
        target.Hbm.Timing.RFC.ShouldBe(976);
        var e = new HbmChannelTiming(target);
        e.Issue(ActAb, HbmAddress.AllBanks(0, 3), 6000);
        var log = new ControllerLog();
        e.Engine.IssueDueRefreshes(6240, log);
        log.Commands.ShouldBe([(PreA, 0, 6240L), (Ref, 0, 6263L), (Ref, 1, 6264L), (ActAb, 0, 7239L)]);
        e.OpenRow(0, 3, 3).ShouldBe(3);
        e.Probe(MacAb, HbmAddress.AllBanks(0, 3), 6264).EarliestCycle.ShouldBe(7262);

        // Per-bank rows come back one ACT each: ACT bg0.b0 row 4 at 6000, bg1.b1 row 5 at 6002; PREA at 6240, REF 6263,
        // REF pch1 6264, ACT bg0.b0 7239, ACT bg1.b1 max(7239 + nRRDS 2, row bus 7239 + 2) = 7241.
        e = new HbmChannelTiming(target);
        e.Issue(Act, B(0, 0, 4), 6000);
        e.Issue(Act, B(1, 1, 5), 6002);
        log = new ControllerLog();
        e.Engine.IssueDueRefreshes(6240, log);
        log.Commands.ShouldBe([(PreA, 0, 6240L), (Ref, 0, 6263L), (Ref, 1, 6264L), (Act, 0, 7239L), (Act, 0, 7241L)]);
        (e.OpenRow(0, 0, 0), e.OpenRow(0, 1, 1)).ShouldBe((4, 5));
    }

    [Fact]
    public void UnderThePostponePolicyAnOpenRowHoldsItsRefreshBack()
    {
        // The same open row under postpone-until-closed: only pch1 (closed) is refreshed, at 6240.
        var e = new HbmChannelTiming(TargetLoader.LoadPreset<HpimTarget>("hpim", ["hbm.timing.refreshPolicy=postpone-until-closed"]));
        e.Issue(ActAb, HbmAddress.AllBanks(0, 3), 6000);
        var log = new ControllerLog();
        e.Engine.IssueDueRefreshes(6240, log);
        log.Commands.ShouldBe([(Ref, 1, 6240L)]);
        e.OpenRow(0, 3, 3).ShouldBe(3);
    }
}
