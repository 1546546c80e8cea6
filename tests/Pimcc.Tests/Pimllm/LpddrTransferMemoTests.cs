using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Sim;
using Pimcc.Targets;
using Pimcc.Targets.Dram;

namespace Pimcc.Tests.Pimllm;

/// <summary>
/// <see cref="LpddrTransferMemo"/>: a channel that replays recorded short transfers times every transfer as the
/// channel that derives each one command by command (samples/targets/pimllm.json's LPDDR5-6400 channel).
/// </summary>
public class LpddrTransferMemoTests
{
    private static PimllmTarget Target() => TargetLoader.LoadPreset<PimllmTarget>("pimllm", []);

    // Random transfers of up to 9 pages at random offsets, back to back, a few clocks apart or idle for up to three
    // refresh intervals (so refreshes fall due before, during and between transfers); a few shapes and offsets recur,
    // as a DMA stream's do.
    private static IEnumerable<(long Address, long Bytes, bool Write, long Gap)> Transfers(int seed, int count, long refreshInterval)
    {
        var random = new Random(seed);
        (long, long, bool)[] recurring = [(0, 512, true), (4096 + 128, 512, true), (3 * 2048, 2048, false), (64, 5 * 2048 + 96, false)];
        for (var i = 0; i < count; i++)
        {
            var (address, bytes, write) = random.Next(3) == 0
                ? (random.NextInt64(0, 1L << 24), random.NextInt64(1, 9 * 2048), random.Next(2) == 0)
                : recurring[random.Next(recurring.Length)];
            // Recurring shapes move by whole bank rotations (16 pages), so their bank and offset stay.
            if (address < 1 << 16) address += random.Next(0, 64) * 16 * 2048L;
            var gap = random.Next(4) switch
            {
                0 => 0,
                1 => random.Next(0, 40),
                2 => random.Next(0, 400),
                _ => random.NextInt64(0, 3 * refreshInterval),
            };
            yield return (address, bytes, write, gap);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ReplayedTransfersTakeTheTimeAndCommandsOfTheExactPath(int seed)
    {
        var t = Target();
        var memo = new LpddrTransferMemo();
        var exact = new LpddrChannel(t.Lpddr);
        var replaying = new LpddrChannel(t.Lpddr, memo: memo);
        long e = 0, r = 0;
        foreach (var (address, bytes, write, gap) in Transfers(seed, 4000, t.Lpddr.Timing.REFI))
        {
            e = exact.Transfer(address, bytes, write, e + gap);
            r = replaying.Transfer(address, bytes, write, r + gap);
            r.ShouldBe(e, $"transfer of {bytes} B at {address}");
        }
        replaying.Bursts.ShouldBe(exact.Bursts);
        replaying.Activates.ShouldBe(exact.Activates);
        replaying.Refreshes.ShouldBe(exact.Refreshes);
        exact.Refreshes.ShouldBeGreaterThan(100);
        // Most recurring transfers are replayed, not derived.
        memo.Replayed.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void TheHistoryKeepsExactlyTheCommandsThatCanStillBindAProbe()
    {
        var t = Target();
        var engine = new DramTimingEngine(t.Lpddr.Standard());
        // The longest LPDDR5 rule: a refresh holds the next activate tRFCab.
        engine.Horizon.ShouldBe(t.Lpddr.Timing.RFCab);
        engine.Issue((int)Lpddr5Command.RefAb, new DramAddress(0, 0, 0), 0);
        var act = new DramAddress(0, 0, 0);
        long[] Key(DramTimingEngine e, long start)
        {
            var key = new long[e.HistoryLength];
            return key[..e.WriteHistory(start, key)];
        }
        var idle = new DramTimingEngine(t.Lpddr.Standard());
        // One clock before the horizon the refresh still binds the activate: it is in the history.
        var h = engine.Horizon;
        engine.Probe((int)Lpddr5Command.Act, act, h - 1).EarliestCycle.ShouldBe(h);
        Key(engine, h - 1).ShouldNotBe(Key(idle, h - 1));
        // From the horizon on it cannot: the history is an idle channel's.
        engine.Probe((int)Lpddr5Command.Act, act, h).EarliestCycle.ShouldBe(h);
        Key(engine, h).ShouldBe(Key(idle, h));
    }

    [Fact]
    public void ATransferBeyondTheChannelIsRefusedWithOrWithoutTheMemo()
    {
        var t = Target();
        var memo = new LpddrTransferMemo();
        var replaying = new LpddrChannel(t.Lpddr, memo: memo);
        var pageBytes = replaying.PageBytes;
        var rows = t.Lpddr.Organization.RowsPerBank * t.Lpddr.Organization.Banks;
        // Recorded near the end of the channel, then the same shape one rotation further: its last page is beyond.
        var at = (rows - 16 - 1) * pageBytes;
        var done = replaying.Transfer(at, 2 * pageBytes, false, 0);
        Should.Throw<ArgumentOutOfRangeException>(() => replaying.Transfer(at + 16 * pageBytes, 2 * pageBytes, false, done));
        Should.Throw<ArgumentOutOfRangeException>(() => new LpddrChannel(t.Lpddr).Transfer(at + 16 * pageBytes, 2 * pageBytes, false, 0));
    }
}
