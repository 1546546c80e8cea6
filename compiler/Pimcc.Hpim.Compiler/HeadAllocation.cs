using System.Collections.Immutable;
using System.Numerics;

namespace Pimcc.Hpim.Compiler;

/// <summary>One round of Algorithm 1: heads [FirstHead, FirstHead+Heads) each spread over ChannelsPerHead channels.</summary>
public sealed record HeadRound(int Index, int FirstHead, int Heads, int ChannelsPerHead)
{
    /// <summary>Channel of column slice <paramref name="slice"/> of head <paramref name="head"/> (0-based within the round).</summary>
    public int Channel(int head, int slice) => head * ChannelsPerHead + slice % ChannelsPerHead;

    /// <summary>Channels that get work in this round (the rest idle when channels are not a multiple of heads).</summary>
    public int ActiveChannels => Heads * ChannelsPerHead;
}

/// <summary>
/// HPIM Algorithm 1: hybrid head-wise (HP) / tensor-wise (TP) allocation of per-head Q/K/V weight
/// slices to DRAM channels. Heads are placed in rounds; each round takes
/// h_r = min(remaining, channels, cores) heads rounded DOWN to a power of two h_p, gives each head
/// N_ch = channels / h_p channels, and interleaves the head's d_k column slices over them:
/// slice i of head h goes to channel h·N_ch + (i mod N_ch). (Source: HPIM paper, Algorithm 1;
/// the listing's inclusive loop bound is read as d_k slices, see ../shared/spec/hpim.md.)
/// For GQA, K and V are allocated with the KV head count and Q with the query head count.
/// </summary>
public sealed record HeadAllocation(int Heads, int HeadDim, int Channels, int Cores, ImmutableArray<HeadRound> Rounds)
{
    public static HeadAllocation Compute(int heads, int headDim, int channels, int cores)
    {
        if (heads <= 0 || headDim <= 0 || channels <= 0 || cores <= 0)
            throw new ArgumentOutOfRangeException(nameof(heads), "heads, head_dim, channels and cores must be positive");
        var rounds = ImmutableArray.CreateBuilder<HeadRound>();
        var placed = 0;
        while (placed < heads)
        {
            var hr = Math.Min(heads - placed, Math.Min(channels, cores));
            var hp = 1 << BitOperations.Log2((uint)hr);
            rounds.Add(new HeadRound(rounds.Count, placed, hp, channels / hp));
            placed += hp;
        }
        return new HeadAllocation(heads, headDim, channels, cores, rounds.ToImmutable());
    }

    /// <summary>The round that holds a head.</summary>
    public HeadRound RoundOf(int head) =>
        Rounds.First(r => head >= r.FirstHead && head < r.FirstHead + r.Heads);

    /// <summary>Channel holding column slice <paramref name="slice"/> (0..HeadDim-1) of global head <paramref name="head"/>.</summary>
    public int ChannelOf(int head, int slice)
    {
        var r = RoundOf(head);
        return r.Channel(head - r.FirstHead, slice);
    }

    /// <summary>All (round, channel, head, slice) assignments, in order: S[c, r] of the paper.</summary>
    public IEnumerable<(int Round, int Channel, int Head, int Slice)> Slices()
    {
        foreach (var r in Rounds)
            for (var h = 0; h < r.Heads; h++)
                for (var i = 0; i < HeadDim; i++)
                    yield return (r.Index, r.Channel(h, i), r.FirstHead + h, i);
    }

    /// <summary>Output columns (head·d_k + slice) a channel computes in a round, ascending.</summary>
    public ImmutableArray<int> ColumnsOf(int round, int channel)
    {
        var r = Rounds[round];
        if (channel >= r.ActiveChannels) return [];
        var h = channel / r.ChannelsPerHead;
        var lane = channel % r.ChannelsPerHead;
        var head = r.FirstHead + h;
        return [.. Enumerable.Range(0, HeadDim).Where(i => i % r.ChannelsPerHead == lane).Select(i => head * HeadDim + i)];
    }
}
