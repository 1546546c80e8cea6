using Pimcc.Targets.Dram;
using static Pimcc.Targets.Dram.Lpddr5Command;

namespace Pimcc.Tests.Pimllm;

/// <summary>
/// The LPDDR5-6400 rule table on the shared engine, with every figure worked by hand from the JEDEC values in ns
/// (gem5 LPDDR5_6400_1x16_BG_BL16, ramulator2 LPDDR5_6400) at tCK = 1.25 ns, each rounded up to whole clocks: the
/// test states them here rather than reading them back from the code under test.
/// </summary>
public class Lpddr5StandardTests
{
    // 18 ns -> 14.4 -> 15; 18 -> 15; 21 -> 16.8 -> 17; 42 -> 33.6 -> 34; tRC = tRAS + tRPpb = 60 ns -> 48;
    // 34 -> 27.2 -> 28; 7.5 -> 6; 5 -> 4; 6.25 -> 5; 12 -> 9.6 -> 10; 20 -> 16; 280 -> 224; 3906 -> 3124.8 -> 3125.
    internal static readonly Lpddr5Timing Jedec6400 = new()
    {
        TckPs = 1250, BL = 2, CL = 17, CWL = 11, RCD = 15, RPpb = 15, RPab = 17, RAS = 34, RC = 48, WR = 28, RTP = 6,
        CCDS = 2, CCDL = 4, RRD = 4, WTRS = 5, WTRL = 10, RTW = 1, FAW = 16, PPD = 2, RFCab = 224, REFI = 3125,
        MaxPostponedRefreshes = 8, RowCommand = 2, Command = 1,
    };

    // 16 Gb x16 die: 4 bank groups x 4 banks x 65536 rows x 2 KiB (64 bursts of 32 B).
    internal static readonly Lpddr5Organization Die16Gb = new(4, 4, 65536, 64);

    private static DramTimingEngine Engine(bool enforceRefresh = true) =>
        new(Lpddr5Standard.Standard(Die16Gb, Jedec6400), enforceRefresh);

    private static DramAddress B(int group, int bank, int row = 7, int burst = 0) =>
        new(Lpddr5Standard.BankIndex(Die16Gb, group, bank), row, burst);

    private static void Issue(DramTimingEngine e, Lpddr5Command c, DramAddress a, long cycle) => e.Issue((int)c, a, cycle);
    private static DramProbe Probe(DramTimingEngine e, Lpddr5Command c, DramAddress a) => e.Probe((int)c, a, 0);

    [Fact]
    public void RowSweepInOneBankTakes288ClocksPerRow()
    {
        var e = Engine();
        Issue(e, Act, B(0, 0), 0);
        Probe(e, Rd, B(0, 0)).EarliestCycle.ShouldBe(15);                          // tRCD
        Should.Throw<DramProtocolViolation>(() => Issue(e, Rd, B(0, 0), 14));
        long t = 15;
        for (var burst = 0; burst < 64; burst++, t += 4)                           // same bank group: tCCD_L = 4
        {
            Probe(e, Rd, B(0, 0, burst: burst)).EarliestCycle.ShouldBe(burst == 0 ? 15 : t);
            Issue(e, Rd, B(0, 0, burst: burst), t);
        }
        const long lastRead = 15 + 63 * 4;                                          // 267
        var pre = Probe(e, Pre, B(0, 0));
        pre.EarliestCycle.ShouldBe(lastRead + 6);                                   // tRTP beats tRAS 34
        pre.BindingRule.ShouldBe("tRTP: RD16 -> PRE at bank, 6 nCK");
        Issue(e, Pre, B(0, 0), lastRead + 6);
        Probe(e, Act, B(0, 0, row: 8)).EarliestCycle.ShouldBe(lastRead + 6 + 15);  // tRPpb: 288 nCK per 2 KiB row
        Probe(e, Rd, B(0, 0, burst: 64)).StateError.ShouldBe("burst 64 out of range 0..63");
    }

    [Fact]
    public void BankRotationAcrossGroupsReachesTheX16PeakOfOneBurstPerTwoClocks()
    {
        var e = Engine();
        for (var g = 0; g < 4; g++)
        {
            Probe(e, Act, B(g, 0)).EarliestCycle.ShouldBe(4 * g);                  // tRRD 4 (the 2-clock ACT fits in it)
            Issue(e, Act, B(g, 0), 4 * g);
        }
        Probe(e, Act, B(0, 1)).EarliestCycle.ShouldBe(16);                         // tFAW 16 from the ACT at 0
        // Reads rotate over the four groups: tCCD_S 2 between groups, tCCD_L 4 within one is never binding.
        long t = 12 + 15;                                                           // tRCD of the last activated bank
        for (var i = 0; i < 16; i++, t += 2)
        {
            var a = B((i + 3) % 4, 0, burst: i);
            Probe(e, Rd, a).EarliestCycle.ShouldBe(t);
            Issue(e, Rd, a, t);
        }
        // 16 bursts of 32 B in 32 clocks of 1.25 ns: 12.8 GB/s = 16 pins x 6.4 Gbit/s / 8.
        (16 * 32 / (32 * 1.25e-9) / 1e9).ShouldBe(12.8, 1e-9);
    }

    [Fact]
    public void TurnaroundsBetweenReadsAndWrites()
    {
        var e = Engine();
        Issue(e, Act, B(0, 0), 0);
        Issue(e, Act, B(1, 0), 4);
        Issue(e, Wr, B(0, 0), 19);
        Probe(e, Rd, B(0, 0)).EarliestCycle.ShouldBe(19 + 11 + 2 + 10);            // tWTR_L: CWL + BL + WTRL = 23
        Probe(e, Rd, B(1, 0)).EarliestCycle.ShouldBe(19 + 11 + 2 + 5);             // tWTR_S: CWL + BL + WTRS = 18
        Probe(e, Pre, B(0, 0)).EarliestCycle.ShouldBe(19 + 11 + 2 + 28);           // tWR after the write data
        Issue(e, Rd, B(1, 0), 37);
        Probe(e, Wr, B(0, 0)).EarliestCycle.ShouldBe(37 + 17 + 2 + 1 - 11);        // tRTW: CL + BL + RTW - CWL = 9
    }

    [Fact]
    public void AllBankPrechargeAndRefreshFollowTheirOwnRecoveries()
    {
        var e = Engine();
        Issue(e, Act, B(2, 3), 0);
        Probe(e, RefAb, B(0, 0)).StateError.ShouldBe("a bank of the channel is open; precharge all first");
        Probe(e, PreAb, B(0, 0)).EarliestCycle.ShouldBe(34);                       // tRAS of the open bank
        Issue(e, PreAb, B(0, 0), 34);
        Probe(e, RefAb, B(0, 0)).EarliestCycle.ShouldBe(34 + 17);                  // tRPab (21 ns), not tRPpb
        Issue(e, RefAb, B(0, 0), 51);
        var act = Probe(e, Act, B(1, 1));
        act.EarliestCycle.ShouldBe(51 + 224);                                       // tRFCab of a 16 Gb die
        act.BindingRule.ShouldBe("tRFCab: REFAB -> ACT at bank, 224 nCK");
    }

    [Fact]
    public void RefreshFallsDueEveryTrefiAndMayBePostponedEightTimes()
    {
        var e = Engine();
        var log = new RefreshLog();
        e.IssueDueRefreshes(3124, log);
        log.Cycles.ShouldBeEmpty();
        e.IssueDueRefreshes(3125, log);
        log.Cycles.ShouldBe([3125L]);
        Issue(e, Act, B(0, 0), 3125 + 224);
        // With a row open from then on, the refresh due at 6250 may wait 8 x tREFI: legal to 6250 + 25000.
        e.Refresh.Deadline(0).ShouldBe(6250 + 8 * 3125);
        e.IssueDueRefreshes(6250 + 8 * 3125, log);
        log.Cycles.Count.ShouldBe(1);
        Should.Throw<DramProtocolViolation>(() => e.IssueDueRefreshes(6250 + 8 * 3125 + 1, log));
    }

    private sealed class RefreshLog : IDramRefreshListener
    {
        public readonly List<long> Cycles = [];
        public void Issued(int command, int node, DramAddress address, long cycle) => Cycles.Add(cycle);
    }
}
