using Pimcc.Hpim.Compiler;

namespace Pimcc.Tests.Hpim;

public class HeadAllocationTests
{
    [Fact]
    public void PaperExample16HeadsOn64Channels()
    {
        var a = HeadAllocation.Compute(heads: 16, headDim: 64, channels: 64, cores: 32);
        a.Rounds.Select(r => (r.Heads, r.ChannelsPerHead)).ShouldBe([(16, 4)]);
        // head 3's slices interleave over channels 12..15
        Enumerable.Range(0, 8).Select(i => a.ChannelOf(3, i)).ShouldBe([12, 13, 14, 15, 12, 13, 14, 15]);
    }

    [Fact]
    public void Opt13B40HeadsGivesRoundsOf32And8()
    {
        var a = HeadAllocation.Compute(heads: 40, headDim: 128, channels: 64, cores: 32);
        a.Rounds.Select(r => (r.FirstHead, r.Heads, r.ChannelsPerHead)).ShouldBe([(0, 32, 2), (32, 8, 8)]);
        a.ChannelOf(0, 0).ShouldBe(0);
        a.ChannelOf(0, 1).ShouldBe(1);
        a.ChannelOf(31, 127).ShouldBe(63);
        a.ChannelOf(32, 0).ShouldBe(0);
        a.ChannelOf(39, 13).ShouldBe(7 * 8 + 5);
    }

    [Fact]
    public void Opt30B56HeadsGivesRoundsOf32And16And8()
    {
        var a = HeadAllocation.Compute(heads: 56, headDim: 128, channels: 64, cores: 32);
        a.Rounds.Select(r => (r.FirstHead, r.Heads, r.ChannelsPerHead)).ShouldBe([(0, 32, 2), (32, 16, 4), (48, 8, 8)]);
    }

    [Theory]
    [InlineData(25, 64, 32, new[] { 16, 8, 1 })]
    [InlineData(72, 64, 32, new[] { 32, 32, 8 })]
    [InlineData(32, 64, 32, new[] { 32 })]
    [InlineData(8, 64, 32, new[] { 8 })]          // GQA K/V heads of Llama-3.2-1B
    [InlineData(12, 48, 32, new[] { 8, 4 })]      // channel count not a power of two
    [InlineData(40, 64, 16, new[] { 16, 16, 8 })] // fewer cores bound the round
    public void RoundsForOtherShapes(int heads, int channels, int cores, int[] expected) =>
        HeadAllocation.Compute(heads, 64, channels, cores).Rounds.Select(r => r.Heads).ShouldBe(expected);

    [Fact]
    public void EveryWeightSliceIsPlacedExactlyOnceAndChannelsAreBalancedPerRound()
    {
        // Plain loops and one assertion per trial: expression-based assertions compile per call.
        var rng = new Random(1234);
        for (var trial = 0; trial < 100; trial++)
        {
            var heads = rng.Next(1, 97);
            var headDim = rng.Next(1, 9) * 16;
            var channels = rng.Next(1, 129);
            var cores = rng.Next(1, 65);
            var a = HeadAllocation.Compute(heads, headDim, channels, cores);
            var what = $"heads={heads} d={headDim} channels={channels} cores={cores}";
            var slices = a.Slices().ToList();
            var seen = new HashSet<(int, int)>();
            foreach (var s in slices)
            {
                Assert.True(seen.Add((s.Head, s.Slice)), $"{what}: head {s.Head} slice {s.Slice} placed twice");
                Assert.InRange(s.Channel, 0, channels - 1);
            }
            Assert.Equal(heads * headDim, seen.Count);
            foreach (var r in a.Rounds)
            {
                Assert.True((r.Heads & (r.Heads - 1)) == 0, $"{what}: round of {r.Heads} heads is not a power of two");
                Assert.True(r.Heads <= Math.Min(channels, cores), what);
                var perChannel = slices.Where(s => s.Round == r.Index).GroupBy(s => s.Channel).ToList();
                foreach (var g in perChannel)
                {
                    Assert.Single(g.Select(s => s.Head).Distinct());
                    Assert.Equal(g.Select(s => s.Head * headDim + s.Slice).Order(), a.ColumnsOf(r.Index, g.Key));
                }
                var counts = perChannel.Select(g => g.Count()).ToList();
                Assert.True(counts.Max() - counts.Min() <= 1, $"{what}: round {r.Index} is unbalanced");
            }
        }
    }

    [Fact]
    public void FeatureStripingCoversEveryFeatureOnceAndBalances()
    {
        var rng = new Random(99);
        for (var trial = 0; trial < 60; trial++)
        {
            var s = new FeatureStriping(rng.Next(1, 30000), rng.Next(1, 129));
            var all = Enumerable.Range(0, s.Channels).SelectMany(c => s.FeaturesOf(c)).ToList();
            Assert.Equal(Enumerable.Range(0, s.Features), all.Order());
            for (var c = 0; c < s.Channels; c++)
                foreach (var f in s.FeaturesOf(c)) Assert.Equal(c, s.ChannelOf(f));
            Assert.Equal(s.MaxFeaturesPerChannel, Enumerable.Range(0, s.Channels).Max(s.FeaturesOn));
        }
    }
}
