using Pimcc.Sim;
using Pimcc.Hpim.Sim;

namespace Pimcc.Tests.Sim.Perf;

/// <summary>
/// Memory of timing-only simulation does not grow with the run: nothing per instruction is kept (no activity log
/// unless a trace asks for one), and what a record allocates is garbage once nothing can be released by it.
/// </summary>
public class SimMemoryTests
{
    [Fact]
    public void RunsWithoutATraceKeepNoActivityLog()
    {
        var bin = GenerationPrograms.Binary(rows: 6);
        var g = GenerationRun.Run(new HpimSimulator(bin), GenerationPrograms.Request(bin, prompt: 2, tokens: 40, DecodeSampling.Interpolated, samples: 4));
        g.SimulatedRuns.ShouldAllBe(r => r.Activity == null);
    }

    [Fact]
    public void AllocatedBytesPerSimulatedItemAreBoundedAndDoNotGrowWithKv()
    {
        // kv 10 vs kv 4000: the core's kv loop makes the second run much longer; per item, allocation stays the same
        // (one critical-path node, garbage at once), so a long run does not cost more than its length.
        var bin = GenerationPrograms.Binary(rows: 6);
        var sim = new HpimSimulator(bin);
        sim.Run(GenerationPrograms.Decode(bin), new ProgramRegisters(1, 0, 5)); // warm-up (JIT)
        var (shortItems, shortBytes) = Measure(sim, GenerationPrograms.Decode(bin), 10);
        var (longItems, longBytes) = Measure(sim, GenerationPrograms.Decode(bin), 4000);
        longItems.ShouldBeGreaterThan(10 * shortItems);
        var perItemShort = shortBytes / (double)shortItems;
        var perItemLong = longBytes / (double)longItems;
        perItemLong.ShouldBeLessThan(200, "bytes allocated per simulated instruction/command");
        perItemLong.ShouldBeLessThanOrEqualTo(perItemShort * 1.1 + 16);
    }

    private static (long Items, long Bytes) Measure(HpimSimulator sim, ProgramEntry entry, int kv)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var r = sim.Run(entry, new ProgramRegisters(1, 0, (uint)kv));
        return (r.SimulatedItems, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
