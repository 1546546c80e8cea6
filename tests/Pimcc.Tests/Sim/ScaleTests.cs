using System.Diagnostics;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Hpim.Sim.Report;
using Xunit.Abstractions;

namespace Pimcc.Tests.Sim;

/// <summary>A full-machine (32 cores, 64 channels) OPT-shaped decode: runs, is bound-respecting, and prints speed figures.</summary>
public class ScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void OptShapedDecodeStepOnTheWholeMachine()
    {
        var bin = SyntheticDecode.Build(dModel: 2048, layers: 2);
        var sim = new HpimSimulator(bin);
        var sw = Stopwatch.StartNew();
        var r = sim.Run(ProgramEntry.Whole("decode"), ProgramRegisters.Decode(256, 0));
        sw.Stop();
        var roof = Roofline.For(sim.Target, r.Stats);
        (r.MakespanPs * 1e-12).ShouldBeGreaterThanOrEqualTo(roof.BoundS);
        r.Stats.Get(Counter.BankMacs).ShouldBe(2.0 * 12 * 2048 * 2048, 0.02 * 12 * 2048 * 2048 * 2);
        var items = r.Stats.Get(Counter.Instructions) + r.Stats.Get(Counter.Commands);
        output.WriteLine($"decode step {r.MakespanPs / 1e6:F1} us, bound {roof.BoundS * 1e6:F1} us ({roof.Limiter}); " +
                         $"{items:F0} instructions+commands ({r.SimulatedItems} stepped) in {sw.Elapsed.TotalMilliseconds:F0} ms = {items / sw.Elapsed.TotalSeconds / 1e6:F1} M/s");
    }
}

/// <summary>Reusing the timing of identical rep blocks (across layers and channels) agrees with timing each one.</summary>
public class RepMemoTests
{
    [Theory]
    [InlineData(2048, 3, 64)]
    [InlineData(2048, 2, 2000)]
    public void MemoAgreesWithPerBlockTimingWithinOnePercent(int d, int layers, int kv)
    {
        var bin = SyntheticDecode.Build(d, layers);
        var regs = new ProgramRegisters(1, 0, (uint)kv);
        var with = new HpimSimulator(bin).Run(ProgramEntry.Whole("decode"), regs);
        var without = new HpimSimulator(bin, "t", new SimOptions { RepMemo = false }).Run(ProgramEntry.Whole("decode"), regs);
        with.SimulatedItems.ShouldBeLessThan(without.SimulatedItems / 4);
        (Math.Abs(with.MakespanPs - without.MakespanPs) / (double)without.MakespanPs).ShouldBeLessThan(0.01);
        (Math.Abs(with.Stats.TotalEnergy - without.Stats.TotalEnergy) / without.Stats.TotalEnergy).ShouldBeLessThan(0.01);
        with.Stats.Get(Counter.BankMacs).ShouldBe(without.Stats.Get(Counter.BankMacs));
    }
}
