using Pimcc.Sim.Interconnect;
using Pimcc.Targets;

namespace Pimcc.Tests.Sim.Interconnect;

/// <summary>The shared NoC and bus models, checked by hand.</summary>
public class InterconnectTests
{
    [Theory]
    [InlineData(NocTopology.Mesh, 0, 15, 6)]   // 4 x 4 mesh: (0,0) to (3,3)
    [InlineData(NocTopology.Mesh, 5, 6, 1)]
    [InlineData(NocTopology.Ring, 0, 15, 1)]   // 16-node ring: the short way round
    [InlineData(NocTopology.Ring, 2, 10, 8)]
    [InlineData(NocTopology.Crossbar, 3, 12, 1)]
    [InlineData(NocTopology.Mesh, 7, 7, 0)]
    public void HopsFollowTheTopology(NocTopology topology, int a, int b, int hops) =>
        new Noc(new NocConfig(topology, 4, 32, 2), 16).Hops(a, b).ShouldBe(hops);

    [Fact]
    public void TransferIsSerialisationPlusHopLatency()
    {
        var noc = new Noc(new NocConfig(NocTopology.Mesh, 4, 32, 2), 16);
        // 100 bytes over 32-byte/cycle links: 4 cycles; 6 hops of 2 cycles: 12.
        noc.TransferCycles(0, 15, 100).ShouldBe(4 + 12);
        // ring over nodes 0, 1, 5, 4 (neighbour hops 1, 1, 1, 1 -> longest 1... 4 to 0 is 1 hop): 3 steps of (2 + 2).
        noc.RingCollectiveCycles([0, 1, 5, 4], 3, 64).ShouldBe(3 * (1 * 2 + 2));
        noc.RingCollectiveCycles([0, 15], 1, 64).ShouldBe(6 * 2 + 2);
    }

    [Fact]
    public void BusServesTransfersInOrderAndCountsTheWait()
    {
        // 128 GB/s: 1 KiB takes 8 ns; 10 ns latency.
        var bus = new Bus(128e9, 10_000);
        bus.Transfer(0, 1024).ShouldBe((0L, 8_000L + 10_000L));
        // ready at 2 ns while busy until 8 ns: waits 6 ns.
        bus.Transfer(2_000, 1024).ShouldBe((8_000L, 16_000L + 10_000L));
        // ready after the bus is free: no wait.
        bus.Transfer(50_000, 512).ShouldBe((50_000L, 54_000L + 10_000L));
        bus.WaitPs.ShouldBe(6_000);
        bus.Bytes.ShouldBe(2560);
    }
}
