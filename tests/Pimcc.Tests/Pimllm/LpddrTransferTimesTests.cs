using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Sim;
using Pimcc.Targets;

namespace Pimcc.Tests.Pimllm;

/// <summary>
/// <see cref="LpddrTransferTimes"/>: a long transfer resumed from the paused run of a shorter one of its kind takes the
/// time the same transfer takes from an idle channel command by command (samples/targets/pimllm.json's LPDDR5-6400).
/// </summary>
public class LpddrTransferTimesTests
{
    private static PimllmTarget Target() => TargetLoader.LoadPreset<PimllmTarget>("pimllm", []);

    // Cache loads that grow by a few rows at a time, as the prefill's per block, over a few kinds (first page's bank,
    // offset, direction), with now and then a shorter one, a much longer one or a length seen before; 9 to 160 pages, so
    // refreshes fall due within the runs.
    private static IEnumerable<(long Address, long Bytes, bool Write)> Transfers(int seed, int count)
    {
        var random = new Random(seed);
        (long Address, bool Write)[] kinds = [(0, false), (3 * 2048 + 64, false), (5 * 2048 + 1024 + 32, true), (17 * 2048, false)];
        var length = kinds.Select(_ => random.Next(40, 120) * 2048L).ToArray();
        for (var i = 0; i < count; i++)
        {
            var k = random.Next(kinds.Length);
            length[k] = random.Next(10) switch
            {
                0 => random.NextInt64(9 * 2048, length[k] + 1),
                1 => Math.Min(160 * 2048, length[k] + random.NextInt64(1, 20 * 2048)),
                2 => length[k],
                _ => Math.Min(160 * 2048, length[k] + random.Next(1, 9) * 128),
            };
            // Whole bank rotations (16 pages) further: the same kind.
            yield return (kinds[k].Address + random.Next(0, 8) * 16 * 2048L, length[k], kinds[k].Write);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AResumedTransferTakesTheTimeOfTheWholeRunFromAnIdleChannel(int seed)
    {
        var t = Target();
        var times = new LpddrTransferTimes(t.Lpddr);
        var pageBytes = new LpddrChannel(t.Lpddr).PageBytes;
        var refreshed = 0L;
        foreach (var (address, bytes, write) in Transfers(seed, 150))
        {
            var idle = new LpddrChannel(t.Lpddr);
            var exact = idle.Transfer(address, bytes, write, 0);
            times.Cycles(address, bytes, write, pageBytes).ShouldBe(exact, $"{(write ? "write" : "read")} of {bytes} B at {address}");
            refreshed += idle.Refreshes;
        }
        refreshed.ShouldBeGreaterThan(150);
    }
}
