using Pimcc.Sim;
using Pimcc.Sim.Timing;
using Pimcc.Targets.Hbm;

namespace Pimcc.Tests.Sim;

/// <summary>The simulator's compiled timing tables agree with the shared HbmChannelTimingEngine, command for command.</summary>
public class FastChannelTimingTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void RandomCommandSequencesProbeIdentically(int seed, bool powerLimited)
    {
        var target = SimPrograms.Target($"hbm.timing.powerLimited={(powerLimited ? "true" : "false")}");
        var reference = new HbmChannelTimingEngine(target, enforceRefresh: false);
        var fast = new FastChannelTiming(target);
        var rng = new Random(seed);
        var commands = Enum.GetValues<HbmCommand>();
        long now = 0;
        var issued = 0;
        for (var i = 0; i < 4000; i++)
        {
            var c = commands[rng.Next(commands.Length)];
            // Few rows/columns so that state-legal commands are common.
            var a = new HbmAddress(rng.Next(2), rng.Next(4), rng.Next(4), rng.Next(3), rng.Next(4));
            now += rng.Next(4);
            var p = reference.Probe(c, a, now);
            var q = fast.Probe(c, a, now);
            (q.StateError is null).ShouldBe(p.StateError is null, $"{c} {a} step {i}: {p.StateError} / {q.StateError}");
            if (p.StateError is not null) continue;
            q.EarliestCycle.ShouldBe(p.EarliestCycle, $"{c} {a} step {i}");
            reference.Issue(c, a, p.EarliestCycle);
            fast.Issue(c, a, p.EarliestCycle);
            now = p.EarliestCycle;
            issued++;
        }
        issued.ShouldBeGreaterThan(500);
    }

    [Fact]
    public void SimulatorGivesTheSameResultOnTheSharedEngine()
    {
        var bin = SimPrograms.Assemble(".channel 0\n" + SimPrograms.GemvTile(12, 16) + ".channel 1\n" + SimPrograms.GemvTile(5, 32, pc: 1));
        var opts = new SimOptions { FastPath = false };
        var a = new HpimSimulator(bin, "t", opts).Run(ProgramEntry.Whole("t"), default);
        var b = new HpimSimulator(bin, "t", opts with { ReferenceEngine = true }).Run(ProgramEntry.Whole("t"), default);
        a.MakespanPs.ShouldBe(b.MakespanPs);
        a.Stats.V.ShouldBe(b.Stats.V);
    }
}
