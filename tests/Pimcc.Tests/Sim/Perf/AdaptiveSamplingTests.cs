using Pimcc.Sim;
using Pimcc.Hpim.Sim;

namespace Pimcc.Tests.Sim.Perf;

/// <summary>Adaptive decode sampling (bisect until the steps lie on a line) against simulating every step.</summary>
public class AdaptiveSamplingTests
{
    [Fact]
    public void ALinearDecodeCostsThreeSimulatedStepsAndMatchesFullSimulation()
    {
        // Core-bound for every kv here: each extra position adds the same time (GenerationRunTests).
        var bin = GenerationPrograms.Binary();
        var sim = new HpimSimulator(bin);
        var exact = GenerationRun.Run(sim, GenerationPrograms.Request(bin, prompt: 400, tokens: 40, DecodeSampling.Exact));
        var adaptive = GenerationRun.Run(sim, GenerationPrograms.Request(bin, prompt: 400, tokens: 40, DecodeSampling.Adaptive, samples: 8));
        adaptive.Steps.Where(s => s.Simulated).Select(s => s.Step).ShouldBe([0, 19, 39]);
        adaptive.Steps.Select(s => s.LatencyPs).ShouldBe(exact.Steps.Select(s => s.LatencyPs));
        Rel(adaptive.DecodeStats.TotalEnergy, exact.DecodeStats.TotalEnergy).ShouldBeLessThan(1e-6);
    }

    [Fact]
    public void AKinkIsRefinedAndTheGenerationAgreesWithFullSimulationWithinOnePercent()
    {
        // kv from 2 to 61: channel-bound for small kv, core-bound for large kv (GenerationRunTests).
        var bin = GenerationPrograms.Binary(rows: 6);
        var sim = new HpimSimulator(bin);
        var exact = GenerationRun.Run(sim, GenerationPrograms.Request(bin, prompt: 2, tokens: 60, DecodeSampling.Exact));
        var adaptive = GenerationRun.Run(sim, GenerationPrograms.Request(bin, prompt: 2, tokens: 60, DecodeSampling.Adaptive, samples: 12));
        var simulated = adaptive.Steps.Count(s => s.Simulated);
        simulated.ShouldBeGreaterThan(3);
        simulated.ShouldBeLessThanOrEqualTo(12);
        Rel(adaptive.DecodePs, exact.DecodePs).ShouldBeLessThan(0.01);
        Rel(adaptive.DecodeStats.TotalEnergy, exact.DecodeStats.TotalEnergy).ShouldBeLessThan(0.01);
        for (var c = 0; c < WorkClasses.Count; c++)
            Math.Abs(adaptive.DecodeCriticalPathPs[c] - exact.DecodeCriticalPathPs[c]).ShouldBeLessThan(0.02 * exact.DecodePs);
    }

    [Fact]
    public void GenerationsNoLongerThanTheBudgetAreSimulatedWhole()
    {
        var bin = GenerationPrograms.Binary(rows: 6);
        var g = GenerationRun.Run(new HpimSimulator(bin), GenerationPrograms.Request(bin, prompt: 2, tokens: 8, DecodeSampling.Adaptive, samples: 8));
        g.Steps.ShouldAllBe(s => s.Simulated);
    }

    private static double Rel(double a, double b) => Math.Abs(a - b) / Math.Abs(b);
}
