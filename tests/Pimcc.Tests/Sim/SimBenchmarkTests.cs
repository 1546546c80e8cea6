using System.Diagnostics;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Xunit.Abstractions;

namespace Pimcc.Tests.Sim;

/// <summary>
/// Speed benchmark on OPT-shaped decode programs (prints figures, asserts no timing). The full sweep runs only with
/// PIMCC_SIM_BENCH=1 (PIMCC_SIM_BENCH_EXACT=1 simulates every decode step); by default one small model runs so the benchmark itself stays tested.
/// </summary>
public class SimBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    public void GenerationSpeed()
    {
        var full = Environment.GetEnvironmentVariable("PIMCC_SIM_BENCH") == "1";
        (string Name, int D, int Layers)[] models = full
            ? [("OPT-1.3B", 2048, 24), ("OPT-6.7B", 4096, 32), ("OPT-13B", 5120, 40), ("OPT-30B", 7168, 48)]
            : [("OPT-125M-shaped", 768, 2)];
        var exact = Environment.GetEnvironmentVariable("PIMCC_SIM_BENCH_EXACT") == "1";
        // Exact mode simulates every step, so its sweep is shorter (1x, 2x, 4x): wall time grows linearly with it.
        int[] outputs = !full ? [8] : exact ? [24, 48, 96] : [192, 384, 768];
        foreach (var (name, d, layers) in models)
        {
            var bin = SyntheticDecode.Build(d, layers);
            foreach (var m in outputs)
            {
                var sim = new HpimSimulator(bin);
                var entry = ProgramEntry.Whole("decode");
                var sw = Stopwatch.StartNew();
                var g = GenerationRun.Run(sim, new GenerationRequest(256, m, entry, entry)
                    { Sampling = exact ? DecodeSampling.Exact : DecodeSampling.Interpolated });
                sw.Stop();
                var items = g.SimulatedRuns.Sum(r => r.Stats.Get(Counter.Instructions) + r.Stats.Get(Counter.Commands));
                var total = g.Prefill.Stats.Get(Counter.Instructions) + g.Prefill.Stats.Get(Counter.Commands)
                            + g.DecodeStats.Get(Counter.Instructions) + g.DecodeStats.Get(Counter.Commands);
                var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
                output.WriteLine($"{name} (256, {m}): wall {sw.Elapsed.TotalSeconds:F2} s; simulated runs {g.SimulatedRuns.Count}; " +
                                 $"{items / sw.Elapsed.TotalSeconds / 1e6:F1} M instr+cmd/s simulated ({total:E2} in the whole generation, " +
                                 $"{total / sw.Elapsed.TotalSeconds / 1e6:F0} M/s effective); peak working set {peak:F0} MB; " +
                                 $"mean decode {g.DecodePs / (double)m / 1e6:F1} us");
                g.Steps.Count.ShouldBe(m);
            }
        }
    }
}
