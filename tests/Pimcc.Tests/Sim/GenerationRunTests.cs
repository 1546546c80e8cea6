using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Hpim.Sim.Report;

namespace Pimcc.Tests.Sim;

/// <summary>Prefill + M decode steps (abi.md), kv-interpolation against full simulation, roofline lower bound.</summary>
public class GenerationRunTests
{
    [Fact]
    public void DecodeStepsSeeKvAndGrowLinearly()
    {
        var bin = GenerationPrograms.Binary();
        var g = GenerationRun.Run(new HpimSimulator(bin), GenerationPrograms.Request(bin, prompt: 400, tokens: 6, DecodeSampling.Exact));
        g.Steps.Select(s => s.Kv).ShouldBe([400, 401, 402, 403, 404, 405]);
        g.Steps.ShouldAllBe(s => s.Simulated);
        // The kv loop is on the critical path: every extra position adds the same time.
        var d = g.Steps.Zip(g.Steps.Skip(1), (a, b) => b.LatencyPs - a.LatencyPs).Distinct().ToList();
        d.Count.ShouldBe(1);
        d[0].ShouldBeGreaterThan(0);
        g.TtftPs.ShouldBe(g.Prefill.MakespanPs + g.Steps[0].LatencyPs);
        g.TotalPs.ShouldBe(g.Prefill.MakespanPs + g.Steps.Sum(s => s.LatencyPs));
    }

    [Fact]
    public void InterpolatedDecodeAgreesWithFullSimulationWithinOnePercent()
    {
        // kv from 2 to 61: the decode step is channel-bound for small kv and core-bound for large kv (a kink).
        var bin = GenerationPrograms.Binary(rows: 6);
        var sim = new HpimSimulator(bin);
        var exact = GenerationRun.Run(sim, GenerationPrograms.Request(bin, prompt: 2, tokens: 60, DecodeSampling.Exact));
        var interp = GenerationRun.Run(sim, GenerationPrograms.Request(bin, prompt: 2, tokens: 60, DecodeSampling.Interpolated, samples: 8));
        interp.Steps.Count(s => s.Simulated).ShouldBe(8);
        exact.Steps.Select(s => s.LatencyPs).Distinct().Count().ShouldBeGreaterThan(10);
        Rel(interp.DecodePs, exact.DecodePs).ShouldBeLessThan(0.01);
        Rel(interp.DecodeStats.TotalEnergy, exact.DecodeStats.TotalEnergy).ShouldBeLessThan(0.01);
        // The critical-path split switches class at the kink, so it is checked to 2% of the decode time.
        for (var c = 0; c < WorkClasses.Count; c++)
            Math.Abs(interp.DecodeCriticalPathPs[c] - exact.DecodeCriticalPathPs[c]).ShouldBeLessThan(0.02 * exact.DecodePs);
    }

    [Fact]
    public void DecodeStepIsNeverFasterThanTheTargetsRoofline()
    {
        var bin = GenerationPrograms.Binary(rows: 40);
        var sim = new HpimSimulator(bin);
        foreach (var kv in new[] { 1, 8, 200 })
        {
            var r = sim.Run(GenerationPrograms.Decode(bin), new ProgramRegisters(1, (uint)kv - 1, (uint)kv));
            var roof = Roofline.For(sim.Target, r.Stats);
            roof.BoundS.ShouldBeGreaterThan(0);
            (r.MakespanPs * 1e-12).ShouldBeGreaterThanOrEqualTo(roof.BoundS);
            (r.MakespanPs * 1e-12).ShouldBeGreaterThanOrEqualTo(roof.Seconds("hbm-internal"));
            (r.MakespanPs * 1e-12).ShouldBeGreaterThanOrEqualTo(roof.Seconds("vcu"));
        }
    }

    [Fact]
    public void CriticalPathSumsToTheMakespanAndFollowsTheBottleneck()
    {
        var bin = GenerationPrograms.Binary(rows: 6);
        var sim = new HpimSimulator(bin);
        var coreBound = sim.Run(GenerationPrograms.Decode(bin), new ProgramRegisters(1, 0, 300));
        coreBound.CriticalPathPs.Sum().ShouldBe(coreBound.MakespanPs, 1.0);
        coreBound.CriticalPathPs[(int)WorkClass.Nonlinear].ShouldBeGreaterThan(0.8 * coreBound.MakespanPs);
        var channelBound = sim.Run(GenerationPrograms.Decode(bin), new ProgramRegisters(1, 0, 1));
        channelBound.CriticalPathPs.Sum().ShouldBe(channelBound.MakespanPs, 1.0);
        channelBound.CriticalPathPs[(int)WorkClass.QkvGeneration].ShouldBeGreaterThan(0.5 * channelBound.MakespanPs);
    }

    private static double Rel(double a, double b) => Math.Abs(a - b) / Math.Abs(b);
}
