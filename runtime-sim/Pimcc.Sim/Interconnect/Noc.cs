using Pimcc.Targets;

namespace Pimcc.Sim.Interconnect;

/// <summary>
/// The shared network-on-chip model (rules from a description's <see cref="NocConfig"/>): hop counts per topology,
/// point-to-point transfers (serialisation at the link bandwidth plus hop latency) and ring collectives. Times are in
/// core cycles; nodes are numbered 0..<see cref="Nodes"/>-1 (mesh: row-major, <see cref="NocConfig.MeshColumns"/> wide).
/// </summary>
public sealed class Noc(NocConfig config, int nodes)
{
    public NocConfig Config { get; } = config;

    public int Nodes { get; } = nodes;

    /// <summary>Hops between two nodes: Manhattan distance on a mesh, the shorter way round a ring, 1 on a crossbar.</summary>
    public int Hops(int a, int b)
    {
        if (a == b) return 0;
        switch (Config.Topology)
        {
            case NocTopology.Mesh:
                var cols = Math.Max(1, Config.MeshColumns);
                return Math.Abs(a % cols - b % cols) + Math.Abs(a / cols - b / cols);
            case NocTopology.Ring:
                var d = Math.Abs(a - b);
                return Math.Min(d, Nodes - d);
            default:
                return 1;
        }
    }

    /// <summary>Cycles the sending link is occupied by <paramref name="bytes"/> (serialisation).</summary>
    public long SerialisationCycles(long bytes) => CeilDiv(bytes, Config.LinkBytesPerCycle);

    /// <summary>Cycles from the start of a transfer of <paramref name="bytes"/> until it has arrived at <paramref name="to"/>.</summary>
    public long TransferCycles(int from, int to, long bytes) => SerialisationCycles(bytes) + (long)Hops(from, to) * Config.HopLatencyCycles;

    /// <summary>
    /// Cycles of a ring collective over <paramref name="members"/> in the given order: <paramref name="steps"/> steps,
    /// each moving <paramref name="bytesPerStep"/> over the longest neighbour link of the ring (hops x hop latency +
    /// serialisation at the link bandwidth).
    /// </summary>
    public long RingCollectiveCycles(IReadOnlyList<int> members, int steps, long bytesPerStep)
    {
        if (members.Count <= 1) return 0;
        var maxHops = 0;
        for (var i = 0; i < members.Count; i++)
            maxHops = Math.Max(maxHops, Hops(members[i], members[(i + 1) % members.Count]));
        return steps * ((long)maxHops * Config.HopLatencyCycles + SerialisationCycles(bytesPerStep));
    }

    /// <summary>The nodes a bit mask names, ascending.</summary>
    public static List<int> Members(long mask)
    {
        var list = new List<int>();
        for (var i = 0; i < 64; i++)
            if ((mask >> i & 1) != 0) list.Add(i);
        return list;
    }

    private static long CeilDiv(long a, double b) => b <= 0 ? 0 : (long)Math.Ceiling(a / b - 1e-9);
}
