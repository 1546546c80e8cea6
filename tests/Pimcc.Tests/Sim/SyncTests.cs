using Pimcc.Diagnostics;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;

namespace Pimcc.Tests.Sim;

/// <summary>Events between channels and cores, barriers, NoC messages, deadlock detection.</summary>
public class SyncTests
{
    private const string Handshake = """
        .channel 0
            act pc=0, bg=0, ba=0, row=0
            rd pc=0, bg=0, ba=0, col=0, core=0, laddr=0
            sig event=1, count=1
        .core 0
            ev.wait 1, 1
            halt
        """;

    [Theory]
    [InlineData(23)]
    [InlineData(24)]
    public void CoreWaitReleasesExactlyWhenTheChannelSignals(int rcd)
    {
        var o = $"hbm.timing.nRCDRD={rcd}";
        var target = SimPrograms.Target(o);
        var t = target.Hbm.Timing;
        var r = SimPrograms.Run(SimPrograms.Assemble(Handshake, o), keep: true);
        var signal = SimPrograms.Ps(target, rcd + t.CL + t.BL);
        var wait = Enumerable.Range(0, r.Activity!.Count).Select(i => r.Activity[i]).Single(a => a.Name == "ev.wait");
        wait.StartPs.ShouldBe(SimPrograms.AlignUp(signal, 1000));
        r.MakespanPs.ShouldBe(SimPrograms.AlignUp(signal, 1000) + 1000);
    }

    [Fact]
    public void BarrierReleasesAtTheLastArrivalAfterItsWorkDrains()
    {
        var t = SimPrograms.Target();
        var r = SimPrograms.Run("""
            .core 0
                li.lo r1, 0
                li.lo r2, 8192
                li.lo r3, 4096
                vexp r2, r1, r3, fp16
                bar 0, 2
                halt
            .core 1
                bar 0, 2
                halt
            """);
        var vcu = t.Sram.Vcu;
        var occ = (long)Math.Ceiling(4096.0 / vcu.Lanes) * vcu.TranscendentalIntervalCycles;
        r.MakespanPs.ShouldBe((3 + occ + vcu.PipelineLatencyCycles + 1) * 1000);
        r.Finish.Single(f => f.Stream == "core 1").FinishPs.ShouldBe(r.MakespanPs);
    }

    [Fact]
    public void NocMessageArrivesAfterSerialisationAndHops()
    {
        var t = SimPrograms.Target();
        var r = SimPrograms.Run("""
            .core 0
                li.lo r1, 0
                li.lo r2, 640
                li.lo r3, 9
                noc.send r1, r2, r3
                halt
            .core 9
                li.lo r1, 0
                li.lo r2, 640
                li.lo r3, 0
                noc.recv r1, r2, r3
                halt
            """);
        // Mesh 8 wide: core 0 (0,0) to core 9 (1,1) is 2 hops.
        var cycles = 3 + (long)Math.Ceiling(640 / t.Noc.LinkBytesPerCycle) + 2L * t.Noc.HopLatencyCycles;
        r.MakespanPs.ShouldBe(cycles * 1000);
        r.Stats.Get(Counter.NocBytes).ShouldBe(640);
    }

    [Fact]
    public void AllReduceWaitsForEveryMember()
    {
        var r = SimPrograms.Run("""
            .core 0
                li.lo r1, 0
                li.lo r2, 256
                li.lo r3, 2
                li.lo r4, 3
                noc.ar r2, r1, r3, r4, max, fp16
                halt
            .core 1
                li.lo r1, 0
                li.lo r2, 256
                li.lo r3, 2
                li.lo r4, 3
                li.lo r5, 1
                li.lo r5, 2
                li.lo r5, 3
                noc.ar r2, r1, r3, r4, max, fp16
                halt
            """);
        var t = SimPrograms.Target();
        // Last member joins at cycle 7; 2 ring steps of (1 hop + 1 cycle of serialisation).
        r.MakespanPs.ShouldBe((7 + 2 * (t.Noc.HopLatencyCycles + 1)) * 1000L);
    }

    [Fact]
    public void DeadlockNamesEveryBlockedStream()
    {
        var bin = SimPrograms.Assemble("""
            .core 0
                ev.wait 7, 1
                halt
            .channel 0
                wait event=9, count=2
            """);
        var e = Should.Throw<PimccError>(() => SimPrograms.Run(bin));
        e.Code.ShouldBe(ExitCode.InvalidBinary);
        e.Message.ShouldContain("deadlock");
        e.Message.ShouldContain("core 0 waits for ev.wait event 7 count 1");
        e.Message.ShouldContain("channel 0 waits for wait event 9 count 2");
    }
}
