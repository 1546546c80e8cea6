using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Sim;
using Pimcc.Targets;
using E = Pimcc.Pimllm.Isa.PimllmEnergyEvent;

namespace Pimcc.Tests.Pimllm;

/// <summary>
/// The simulator's parts against hand computation from samples/targets/pimllm.json: instruction costs (clock 100 MHz =
/// 10 ns; crossbar read 100 ns + 256 columns / 2 ADCs x 1 / 1.28 GS/s = 100 ns; 32 x 32 array; 32 lanes) and LPDDR
/// transfers on the DRAM engine (LPDDR5-6400: tCK 1.25 ns, tRCD 15, RL 17, BL 2, tCCD_L 4, tCCD_S 2, tRRD 4 clocks).
/// </summary>
public class PimllmCostsTests
{
    private static PimllmTarget Target(params string[] sets) => TargetLoader.LoadPreset<PimllmTarget>("pimllm", sets);

    private static Pimcc.Isa.Encoding.Op Xb(string m, params long[] o) => PimllmIsa.Crossbar.Make(m, o);

    private static Pimcc.Isa.Encoding.Op Sa(string m, params long[] o) => PimllmIsa.Systolic.Make(m, o);

    [Fact]
    public void ACrossbarReadIsTheArrayReadThenTheSharedAdcsConversions()
    {
        var costs = new PimllmCosts(Target());
        costs.CrossbarReadPs.ShouldBe(200_000L);                                   // 100 ns + 128 x 781.25 ps
        // 32 tokens through a row tile of 256 inputs on 3 crossbars: one read per token (8-bit DACs, 8 bits per read).
        var c = costs.Cost(Xb("xb.mvm", 0, 3, 256, 0, 0), new StreamState(Tokens: 32));
        c.Picoseconds.ShouldBe(32 * 200_000);
        c.Events[E.CrossbarRead].ShouldBe(32 * 3);
        c.Events[E.DacConversion].ShouldBe(32 * 256);
        c.Events[E.AdcConversion].ShouldBe(32 * 3 * 256);
        costs.EnergyPj(E.AdcConversion, 32 * 3 * 256).ShouldBe(24_576 * 1.5625);    // ISAAC: 1.5625 pJ per conversion
        // Bit-serial inputs (1 bit per read): 8 reads per token.
        new PimllmCosts(Target("crossbar.dac.bitsPerRead=1")).Cost(Xb("xb.mvm", 0, 3, 256, 0, 0), new StreamState(Tokens: 32))
            .Picoseconds.ShouldBe(32 * 8 * 200_000);
    }

    [Fact]
    public void ProductsCountTheirTilesAndTheCacheBoundsTheKeys()
    {
        var costs = new PimllmCosts(Target());
        var mm = Sa("sa.mm", 0, 0, 0, 0, 0);
        // Dense 1 x 256 by 256 x 512: 16 tiles of 256 + 31 + 31 clocks.
        var dense = costs.Cost(mm, new StreamState(M: 1, N: 512, K: 256));
        dense.Picoseconds.ShouldBe(16 * 318 * 10_000);
        dense.Macs.ShouldBe(512 * 256);
        // Decode Q.K^T compiled for 44 keys at position 10: 11 keys, one tile of 64 + 62 clocks, 11 x 64 MACs.
        var scores = costs.Cost(mm, new StreamState(M: 1, N: 44, K: 64, Span: 3, Position: 10));
        scores.Picoseconds.ShouldBe(126 * 10_000);
        scores.Macs.ShouldBe(11 * 64);
        // Its softmax over 4 rows: 4 x 11 scores x 3 passes over 32 lanes = 5 clocks.
        costs.Cost(Sa("sa.msmx", 0, 0), new StreamState(M: 4, N: 44, Span: 3, Position: 10)).Picoseconds.ShouldBe(5 * 10_000);
        // A norm of 768 elements: two passes over 32 lanes = 48 clocks.
        costs.Cost(Xb("pp.norm", 0, 0, 0, 0, 2), new StreamState(Len: 768)).Picoseconds.ShouldBe(48 * 10_000);
    }

    [Fact]
    public void OnePageFromOneBankIsBoundByTheSameGroupBurstSpacing()
    {
        var ch = new LpddrChannel(Target().Lpddr);
        ch.PageBytes.ShouldBe(2048);
        // ACT at 0, first RD at tRCD 15, 63 more at tCCD_L 4: last at 267, data done after RL 17 + BL 2.
        ch.Transfer(0, 2048, write: false, fromCycle: 0).ShouldBe(267 + 17 + 2);
        ch.Bursts.ShouldBe(64);
        ch.Activates.ShouldBe(1);
    }

    [Fact]
    public void FourPagesRotateOverTheBankGroupsAtTheX16Peak()
    {
        var ch = new LpddrChannel(Target().Lpddr);
        // Pages 0-3 sit in bank groups 0-3: ACTs at 0, 4, 8, 12 (tRRD); bursts at 15, then from 19 one every 2 clocks
        // (tCCD_S) as the groups take turns: the 256th at 19 + 254 x 2 = 527, done after 19 more.
        ch.Transfer(0, 4 * 2048, write: false, fromCycle: 0).ShouldBe(527 + 19);
        ch.Activates.ShouldBe(4);
        // 8 KiB in 546 clocks of 1.25 ns: 12.0 GB/s, near the channel's 12.8 GB/s peak.
        (8192 / (546 * 1.25e-9) / 1e9).ShouldBe(12.0, 0.01);
    }

    [Fact]
    public void AWriteWaitsTheWriteLatencyInsteadOfTheReadLatency()
    {
        var ch = new LpddrChannel(Target().Lpddr);
        // As the read of one page, but the data of the last WR16 (at 267) moves after WL 11 + BL 2.
        ch.Transfer(0, 2048, write: true, fromCycle: 0).ShouldBe(267 + 11 + 2);
    }

    [Fact]
    public void ALongTransferStopsForTheRefreshItOwes()
    {
        var ch = new LpddrChannel(Target().Lpddr);
        // 64 KiB = 2048 bursts: at least 4096 clocks at one burst per 2, past tREFI = 3125 clocks, so one all-bank
        // refresh (tRFCab 224 clocks, with every bank closed first) falls inside it.
        var done = ch.Transfer(0, 64 * 1024, write: false, fromCycle: 0);
        ch.Bursts.ShouldBe(2048);
        ch.Refreshes.ShouldBe(1);
        done.ShouldBeGreaterThan(15 + 4096 + 224);
        done.ShouldBeLessThan(2 * 4096);
    }
}
