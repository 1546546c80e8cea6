using Pimcc.Targets;
using Pimcc.Targets.Hbm;
using static Pimcc.Targets.Hbm.HbmCommand;

namespace Pimcc.Tests.Targets;

/// <summary>
/// Fixed command patterns (the ones calibration.md compares with Ramulator 2.1) replayed on one channel of each
/// preset, every command at its earliest legal cycle. Expected cycles are worked by hand from the rule table and the
/// preset's timing values (hpim: attacc_simulator HBM3_6.4Gbps; hpim-jedec: Ramulator 2.1 HBM3_6400Mbps), never
/// taken from the engine.
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
    // hpim-jedec: PRE at ACT + max(nRAS 45, nRCDRD 31 + nRTP 9) = +45, next ACT max(45 + nRP 26, nRC 72) = +72.
    [InlineData("hpim-jedec", 72, 31)]
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
    // hpim-jedec: ACTs nRRDS 4 apart; RD i < 4 waits for its ACT + nRCDRD 31 (31, 35, 39, 43); later ones nCCDS 2 apart.
    [InlineData("hpim-jedec", new long[] { 0, 4, 8, 12 }, new long[] { 31, 35, 39, 43, 45, 47, 49, 51, 53, 55, 57, 59, 61, 63, 65, 67 })]
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
    // hpim-jedec: ACT b1 nRRDL 5; RD b0 31, RD b1 max(5 + 31, 31 + 4) = 36; PRE max(45, 31 + 9) = 45, ACT max(45 + 26, 72) = 72, RD 103.
    [InlineData("hpim-jedec", new long[] { 0, 5, 31, 36, 45, 72, 103 })]
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
    // hpim-jedec: WR 15; RD 15 + 10 + 2 + 10 = 37; WR 37 + 20 (Ramulator's RD to WR) = 57; PRE 57 + 10 + 2 + 33 = 102.
    [InlineData("hpim-jedec", new long[] { 15, 37, 57, 102 })]
    public void WritesThenReadsInOneBank(string preset, long[] expected)
    {
        var e = Channel(preset);
        Next(e, Act, B(1, 2, 4)).ShouldBe(0);
        long[] got = [Next(e, Wr, B(1, 2, 4)), Next(e, Rd, B(1, 2, 4, 1)), Next(e, Wr, B(1, 2, 4, 2)), Next(e, Pre, B(1, 2, 4))];
        got.ShouldBe(expected);
    }

    [Theory]
    [InlineData("hpim")]
    [InlineData("hpim-jedec")]
    public void PrechargesOfOnePseudoChannelAreTppdApart(string preset)
    {
        // Four banks opened early, closed together from cycle 200 (tRAS long met): PRE to PRE is nPPD 2 in both
        // presets (the command bus alone would allow 1); a PRE on the other pseudo-channel is not held by them.
        var e = Channel(preset);
        for (var bg = 0; bg < 4; bg++) Next(e, Act, B(bg, 0, 1));
        Next(e, Act, new HbmAddress(1, 0, 0, 1, 0));
        long[] got = [Next(e, Pre, B(0, 0, 1), 200), Next(e, Pre, B(1, 0, 1), 200), Next(e, Pre, B(2, 0, 1), 200), Next(e, Pre, B(3, 0, 1), 200)];
        got.ShouldBe([200L, 202, 204, 206]);
        e.Probe(Pre, new HbmAddress(1, 0, 0, 1, 0), 206).EarliestCycle.ShouldBe(207); // only the shared row bus (nCommand 1)
        e.Probe(Act, B(0, 0, 2), 206).EarliestCycle.ShouldBe(200 + TargetLoader.LoadPreset<HpimTarget>(preset).Hbm.Timing.RP);
    }
}
