using Pimcc.Targets.Dram;

namespace Pimcc.Tests.Targets;

/// <summary>
/// The shared engine on a second rule table, written here in the shape of an LPDDR5 channel (channel, rank, bank
/// group, bank; REFab per rank), to show that another standard is only another table. Latencies are small test
/// values chosen so each figure below can be worked by hand; they describe no real part.
/// </summary>
public class DramTimingEngineTests
{
    // Levels and commands of the test table.
    private const int Channel = 0, Rank = 1, BankGroup = 2, Bank = 3;
    private const int Act = 0, Pre = 1, PreAll = 2, Rd = 3, Wr = 4, RefAll = 5;
    private const int NRcd = 8, NRas = 17, NRp = 9, NRrd = 4, NFaw = 20, NCcdL = 6, NCcdS = 4, NCmd = 1, NRfc = 30;
    private const int Interval = 200, MaxPostponed = 2;

    // 2 ranks x 4 bank groups x 4 banks: bank index = rank * 16 + group * 4 + bank.
    private static readonly DramOrganization Org = new(
    [
        new DramLevel("channel", 1, "ch"), new DramLevel("rank", 2, "r"), new DramLevel("bank group", 4, "bg"), new DramLevel("bank", 4, "b"),
    ], rowsPerBank: 1024, columnsPerRow: 64);

    private static DramStandard Standard()
    {
        DramCommandSpec[] commands =
        [
            new("ACT", Bank, false, DramBankEffect.Open),
            new("PRE", Bank, false, DramBankEffect.Close),
            new("PREA", Rank, true, DramBankEffect.Close),
            new("RD", Bank, false, DramBankEffect.Access, "column", 64),
            new("WR", Bank, false, DramBankEffect.Access, "column", 64),
            new("REFAB", Rank, true, DramBankEffect.Refresh),
        ];
        int[] all = [Act, Pre, PreAll, Rd, Wr, RefAll];
        var rules = new List<DramTimingRule>();
        void Row(string name, int level, int[] preceding, int[] following, int latency, int window = 1)
        {
            foreach (var p in preceding)
                foreach (var f in following)
                    rules.Add(new DramTimingRule(name, level, p, f, latency, name, window));
        }
        Row("nCommand", Channel, all, all, NCmd);
        Row("tRRD", Rank, [Act], [Act], NRrd);
        Row("tFAW", Rank, [Act], [Act], NFaw, window: 4);
        Row("tCCD_S", Rank, [Rd, Wr], [Rd, Wr], NCcdS);
        Row("tCCD_L", BankGroup, [Rd, Wr], [Rd, Wr], NCcdL);
        Row("tRCD", Bank, [Act], [Rd, Wr], NRcd);
        Row("tRAS", Bank, [Act], [Pre, PreAll], NRas);
        Row("tRP", Bank, [Pre, PreAll], [Act, RefAll], NRp);
        Row("tRFC", Bank, [RefAll], [Act, RefAll], NRfc);
        return new DramStandard("test LPDDR5-shaped", Org, commands, rules, new DramRefresh(RefAll, Rank, Interval, MaxPostponed, NRfc));
    }

    private static DramAddress B(int rank, int group, int bank, int row = 5, int col = 0) => new(rank * 16 + group * 4 + bank, row, col);

    private sealed class Log : IDramRefreshListener
    {
        public readonly List<(int Node, long Cycle)> Refreshes = [];
        public void Issued(int command, int node, DramAddress address, long cycle) => Refreshes.Add((node, cycle));
    }

    [Fact]
    public void GatesOfTheSecondTableAreTight()
    {
        var e = new DramTimingEngine(Standard());
        e.Issue(Act, B(0, 0, 0), 0);
        // Same rank, other group: tRRD 4; the other rank only waits for the command bus (1).
        e.Probe(Act, B(0, 1, 0), 0).EarliestCycle.ShouldBe(NRrd);
        e.Probe(Act, B(1, 0, 0), 0).EarliestCycle.ShouldBe(NCmd);
        var rd = e.Probe(Rd, B(0, 0, 0), 0);
        rd.EarliestCycle.ShouldBe(NRcd);
        rd.BindingRule.ShouldBe("tRCD: ACT -> RD at bank, 8 nCK");
        var early = Should.Throw<DramProtocolViolation>(() => e.Issue(Rd, B(0, 0, 0), NRcd - 1));
        early.Message.ShouldBe("RD r0.bg0.b0 row 5 col 0 at cycle 7: earliest legal cycle is 8 (tRCD: ACT -> RD at bank, 8 nCK)");
        e.Issue(Rd, B(0, 0, 0), NRcd);
        // Next read in the same bank group waits tCCD_L, in another group of the rank tCCD_S.
        e.Issue(Act, B(0, 0, 1), NRcd + 1);                       // tRRD from the ACT at 0 is long past
        e.Probe(Rd, B(0, 0, 1), 0).EarliestCycle.ShouldBe(NRcd + 1 + NRcd);   // tRCD 17 beats tCCD_L 8 + 6 = 14
        e.Probe(Pre, B(0, 0, 0), 0).EarliestCycle.ShouldBe(NRas);
    }

    [Fact]
    public void AProbedAnswerGoesStaleOnceAnotherCommandIssues()
    {
        var e = new DramTimingEngine(Standard());
        e.Issue(Act, B(0, 0, 0), 0);
        e.Probe(Act, B(0, 1, 0), 0).EarliestCycle.ShouldBe(NRrd);
        e.Issue(Act, B(0, 2, 0), NRrd);                                    // another activate takes that slot
        Should.Throw<DramProtocolViolation>(() => e.Issue(Act, B(0, 1, 0), NRrd)).Probe.EarliestCycle.ShouldBe(2 * NRrd);
        e.IssuedCount(Act).ShouldBe(2);
        e.OpenRow(B(0, 1, 0).Bank).ShouldBe(DramTimingEngine.ClosedRow);
    }

    [Fact]
    public void FifthActivateOfARankWaitsForTheWindow()
    {
        var e = new DramTimingEngine(Standard());
        for (var g = 0; g < 4; g++) e.Issue(Act, B(0, g, 0), g * NRrd);   // 0, 4, 8, 12
        var p = e.Probe(Act, B(0, 0, 1), 0);
        p.EarliestCycle.ShouldBe(NFaw);                                    // 20 > 12 + tRRD 16
        p.BindingRule.ShouldStartWith("tFAW:");
        e.Probe(Act, B(1, 0, 1), 0).EarliestCycle.ShouldBe(12 + NCmd);     // the other rank has its own window
    }

    [Fact]
    public void RankWideCommandsCoverEveryBankOfTheRank()
    {
        var e = new DramTimingEngine(Standard());
        e.Issue(Act, B(0, 3, 3), 0);
        e.Probe(RefAll, B(0, 0, 0), 0).StateError.ShouldBe("a bank of the rank is open; precharge all first");
        e.Probe(RefAll, B(1, 0, 0), 0).IsLegalState.ShouldBeTrue();
        e.Issue(PreAll, B(0, 0, 0), NRas);                                // tRAS of bank 3.3, which PREA covers
        e.OpenBanks(Rank, 0).ShouldBe(0);
        e.AllBanksClosed.ShouldBeTrue();
        e.Probe(RefAll, B(0, 0, 0), 0).EarliestCycle.ShouldBe(NRas + NRp);
        e.Probe(Rd, B(0, 3, 3), 0).StateError.ShouldBe("bank is precharged; activate the row first");
        e.Probe(Act, B(0, 0, 0, row: 1024), 0).StateError.ShouldBe("row 1024 out of range 0..1023");
        e.Probe(Rd, B(0, 0, 0, col: 64), 0).StateError.ShouldBe("column 64 out of range 0..63");
    }

    [Fact]
    public void RefreshControllerIssuesWhatIsDueAndPostponesOverOpenBanks()
    {
        var e = new DramTimingEngine(Standard());
        var log = new Log();
        e.IssueDueRefreshes(Interval - 1, log);
        log.Refreshes.ShouldBeEmpty();
        e.Issue(Act, B(1, 0, 0), 150);                                   // rank 1 has a row open at the due time
        e.IssueDueRefreshes(Interval, log);
        // Rank 0 refreshed at once; rank 1 postponed.
        log.Refreshes.ShouldBe([(0, (long)Interval)]);
        e.Refresh.Due(0).ShouldBe(2 * Interval);
        e.Refresh.Due(1).ShouldBe(Interval);
        e.Issue(Pre, B(1, 0, 0), 380);
        e.IssueDueRefreshes(381, log);
        // Rank 1 owes the refresh due at 200; it goes tRP after the PRE. Rank 0 is not due until 400.
        log.Refreshes.ShouldBe([(0, (long)Interval), (1, 380L + NRp)]);
        e.Refresh.Due(1).ShouldBe(2 * Interval);
        e.Probe(Act, B(1, 0, 0), 0).EarliestCycle.ShouldBe(380 + NRp + NRfc);
    }

    [Fact]
    public void AnOpenRowPastThePostponementLimitIsAViolation()
    {
        var e = new DramTimingEngine(Standard());
        var log = new Log();
        e.Issue(Act, B(0, 0, 0), 0);
        var limit = Interval + MaxPostponed * Interval;                  // due 200, two may be owed: 600
        e.Refresh.Deadline(0).ShouldBe(limit);
        e.IssueDueRefreshes(limit, log);
        // Rank 0 keeps its row open and owes three; closed rank 1 gets all three it owes, tRFC apart.
        log.Refreshes.ShouldBe([(1, (long)limit), (1, (long)limit + NRfc), (1, (long)limit + 2 * NRfc)]);
        Should.Throw<DramProtocolViolation>(() => e.IssueDueRefreshes(limit + 1, log)).Reason
            .ShouldBe("rank 0 kept a row open past the refresh postponement limit (2 x tREFI)");
        // Enforced: any other command to the rank after the deadline is refused, with the cycle it would have gone at
        // (after the last REF of rank 1 on the shared command bus).
        var late = e.Probe(Rd, B(0, 0, 0), limit + 1);
        late.StateError.ShouldBe("refresh overdue: rank 0 owes REFAB past the postponement limit (2 x tREFI)");
        late.EarliestCycle.ShouldBe(limit + 2 * NRfc + NCmd);
        new DramTimingEngine(Standard(), enforceRefresh: false).Probe(Act, B(0, 0, 0), 10 * limit).IsLegalState.ShouldBeTrue();
    }

    [Fact]
    public void SkippedCyclesBringTheScheduleCloserAndClosedFormSpansCountWhatFallsDue()
    {
        var e = new DramTimingEngine(Standard());
        var r = e.Refresh;
        r.Skip(150);
        r.Due(0).ShouldBe(Interval - 150);                                // real 200 = engine 50
        r.NextDue().ShouldBe(50);
        // Before engine cycle 451 (real 601): each rank owes the refreshes due at 200, 400 and 600.
        r.DueBefore(451).ShouldBe(6);
        r.DueBefore(50).ShouldBe(0);
        r.DueBefore(51).ShouldBe(2);
        r.SkipDueBefore(451).ShouldBe(6);
        r.Due(0).ShouldBe(800 - 150);
        // Idle from engine 650 to 700 (real 800..850): the REF due at 800 needs tRFC 30 and fits; the next is at 1000.
        e.RefreshWhileIdle(650, 700).ShouldBe(2);
        r.Due(1).ShouldBe(1000 - 150);
        e.RefreshWhileIdle(650, 700).ShouldBe(0);
    }

    [Fact]
    public void MalformedTablesAreRejected()
    {
        var good = Standard();
        Should.Throw<ArgumentException>(() => new DramStandard("x", Org, good.Commands,
            [new DramTimingRule("bad", Bank, Act, 9, 1, "1")], good.Refresh)).Message.ShouldContain("outside the table");
        Should.Throw<ArgumentException>(() => new DramStandard("x", Org, good.Commands,
            [new DramTimingRule("a", Rank, Act, Act, 5, "5", 4), new DramTimingRule("b", Rank, Act, Rd, 5, "5", 3)], good.Refresh))
            .Message.ShouldContain("disagree on the window");
        Should.Throw<ArgumentException>(() => new DramStandard("x", Org, good.Commands, good.Rules, good.Refresh with { Command = Act }))
            .Message.ShouldContain("refresh");
    }
}
