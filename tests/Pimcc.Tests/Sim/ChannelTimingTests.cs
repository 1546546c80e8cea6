using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Isa.Hbm;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Targets.Hbm;

namespace Pimcc.Tests.Sim;

/// <summary>HBM channel streams: hand-computed tiles, rep vs expanded, fast path vs command by command.</summary>
public class ChannelTimingTests
{
    [Fact]
    public void OneRowGemvTileMatchesHandTiming()
    {
        var target = SimPrograms.Target();
        var t = target.Hbm.Timing;
        var r = SimPrograms.Run("""
            .channel 0
                act.ab pc=0, row=5
                mac.ab pc=0, col=0, gcol=0
                mac.ab pc=0, col=1, gcol=1
                pre.ab pc=0
                res.rd.ab pc=0, core=0, laddr=0
            """);
        var mac2 = t.RCDRD + t.EffectiveCCDAB;
        var firstResult = mac2 + t.CL + HbmTimingRules.PuPipelineNck(target);
        var lastResult = firstResult + (target.Hbm.Organization.BanksPerPseudoChannel - 1) * Math.Max(t.BL, t.CCDS);
        r.MakespanPs.ShouldBe(SimPrograms.Ps(target, lastResult + t.CL + t.BL));
        r.Stats.Get(Counter.BankMacs).ShouldBe(2.0 * target.Hbm.Organization.BanksPerPseudoChannel * 16);
        r.Stats.Get(Counter.Commands).ShouldBe(4 + target.Hbm.Organization.BanksPerPseudoChannel);
    }

    [Fact]
    public void RepeatedTileEqualsExpandedStreamCommandByCommand()
    {
        var rep = SimPrograms.Assemble(".channel 0\n" + SimPrograms.GemvTile(rows: 6, macs: 8));
        var stream = rep.Channels[0].Commands;
        var expanded = HbmRepeat.Expand(stream, "channel 0").Select(i => i.Command).ToList();
        var flat = rep.WithStreams(rep.Cores, [new ChannelStream(0, expanded)]);
        var a = SimPrograms.Run(rep, fastPath: false);
        var b = SimPrograms.Run(flat, fastPath: false);
        a.MakespanPs.ShouldBe(b.MakespanPs);
        a.Stats.V.ShouldBe(b.Stats.V);
        // res.clr takes no command slot; res.rd.ab is one burst per bank of the pseudo-channel.
        a.Stats.Get(Counter.Commands).ShouldBe(HbmRepeat.CountIssued(stream) - 1 + 6 * (SimPrograms.Target().Hbm.Organization.BanksPerPseudoChannel - 1));
    }

    [Theory]
    [InlineData(40, 32)]
    [InlineData(300, 32)]   // crosses several tREFI: refreshes issued for real between closed-form spans
    [InlineData(120, 8)]
    [InlineData(2000, 32)]  // dozens of refreshes
    [InlineData(2000, 32, true)] // ... timed in closed form inside spans after the first (SimOptions.ClosedFormRefresh)
    public void FastPathAgreesWithCommandByCommandWithinOnePercent(int rows, int macs, bool closedFormRefresh = false)
    {
        var bin = SimPrograms.Assemble(".channel 0\n" + SimPrograms.GemvTile(rows, macs) + ".channel 1\n" + SimPrograms.GemvTile(rows, macs, pc: 1));
        var slow = SimPrograms.Run(bin, fastPath: false);
        var fast = SimPrograms.Run(bin, fastPath: true, closedFormRefresh: closedFormRefresh);
        fast.Stats.Get(Counter.SkippedIterations).ShouldBeGreaterThan(0);
        slow.Stats.Get(Counter.SkippedIterations).ShouldBe(0);
        var err = Math.Abs(fast.MakespanPs - slow.MakespanPs) / (double)slow.MakespanPs;
        err.ShouldBeLessThan(0.01, $"fast {fast.MakespanPs} ps vs slow {slow.MakespanPs} ps");
        fast.Stats.Get(Counter.BankMacs).ShouldBe(slow.Stats.Get(Counter.BankMacs));
        Math.Abs(fast.Stats.TotalEnergy - slow.Stats.TotalEnergy).ShouldBeLessThan(0.01 * slow.Stats.TotalEnergy);
        fast.SimulatedItems.ShouldBeLessThan(slow.SimulatedItems);
        if (rows >= 300) slow.Stats.Get(Counter.Refreshes).ShouldBeGreaterThan(0);
        Math.Abs(fast.Stats.Get(Counter.Refreshes) - slow.Stats.Get(Counter.Refreshes)).ShouldBeLessThanOrEqualTo(Math.Max(2, 0.02 * slow.Stats.Get(Counter.Refreshes)));
        // Spans stop at every refresh unless refreshes are in closed form: fewer items skipped, but still most.
        if (rows >= 2000) (fast.SimulatedItems * (closedFormRefresh ? 20 : 4)).ShouldBeLessThan(slow.SimulatedItems);
    }

    [Fact]
    public void PowerLimitedMacSpacingSlowsTheTile()
    {
        var body = ".channel 0\n" + SimPrograms.GemvTile(rows: 4, macs: 32);
        var free = SimPrograms.Run(body);
        var limited = SimPrograms.Run(body, "hbm.timing.powerLimited=true");
        var t = SimPrograms.Target("hbm.timing.powerLimited=true").Hbm.Timing;
        // 4 rows x 31 MAC gaps, each widened from nCCDAB to nCCDABPowerLimited.
        var extra = SimPrograms.Ps(SimPrograms.Target(), 4L * 31 * (t.CCDABPowerLimited - t.CCDAB));
        (limited.MakespanPs - free.MakespanPs).ShouldBe(extra);
    }

    [Fact]
    public void ARowKeptOpenPastTheRefreshPostponementLimitIsRejected()
    {
        // Under the postpone policy: one ACTAB, then more MACs on the open row than fit in (maxPostponedRefreshes + 1)
        // x tREFI at one per nCK: the refresh controller can never close in and must refuse the stream.
        var t = SimPrograms.Target().Hbm.Timing;
        var macs = (long)t.REFI * (t.MaxPostponedRefreshes + 1) + 1;
        var outer = (macs + 3999) / 4000;   // a rep counts at most 4095
        var bin = SimPrograms.Assemble($"""
            .channel 0
                act.ab pc=0, row=0
                rep count={outer}, body=2, drow=0, dcol=0, dgcol=0, dladdr=0, dsaddr=0
                  rep count=4000, body=1, drow=0, dcol=0, dgcol=0, dladdr=0, dsaddr=0
                    mac.ab pc=0, col=0, gcol=0
                pre.ab pc=0

            """, "hbm.timing.refreshPolicy=postpone-until-closed");
        var e = Should.Throw<PimccError>(() => SimPrograms.Run(bin));
        e.Code.ShouldBe(ExitCode.InvalidBinary);
        // The MAC that would cross the deadline is refused (the controller, running before it, was still within it).
        e.Message.ShouldBe($"MACAB pch0.bg0.b0 row 0 col 0: refresh overdue: pseudo-channel 0 owes REF past the postponement limit ({t.MaxPostponedRefreshes} x tREFI)");
    }

    [Fact]
    public void ARowOpenWhenRefreshFallsDueIsInterruptedAndReopened()
    {
        // hpim's default policy (interrupt-open-rows), command by command. ACTAB at 0, MACAB k at nRCDRD 23 + 4k
        // (nCCDAB 4). MAC 1555 issues at 6243, the first command after the REF due at tREFI 6240; before MAC 1556 the
        // controller precharges pch0 at 6243 + nRTPL 10 = 6253 (tRTP from the MACAB to every bank), refreshes it at
        // 6253 + nRP 23 = 6276 and pch1 at 6277 (row bus), reopens row 0 with ACTAB at 6276 + tRFC 976 = 7252. MAC 1556
        // at 7252 + 23 = 7275, MAC 1999 at 7275 + 443 x 4 = 9047, its result in the PU at 9047 + 2 + 10 (PU column,
        // 6 ns pipeline) = 9059; PREAB at 9047 + 10 = 9057.
        var target = SimPrograms.Target();
        var bin = SimPrograms.Assemble("""
            .channel 0
                act.ab pc=0, row=0
                rep count=2000, body=1, drow=0, dcol=0, dgcol=0, dladdr=0, dsaddr=0
                  mac.ab pc=0, col=0, gcol=0
                pre.ab pc=0

            """);
        var r = SimPrograms.Run(bin, fastPath: false);
        r.MakespanPs.ShouldBe(SimPrograms.Ps(target, 9059));
        r.Stats.Get(Counter.Refreshes).ShouldBe(2);
        // ACTAB, 2000 MACABs, PREAB, and the controller's PREA, two REFs and reopening ACTAB.
        r.Stats.Get(Counter.Commands).ShouldBe(2006);
        r.Stats.Get(Counter.DramActivates).ShouldBe(2.0 * target.Hbm.Organization.BanksPerPseudoChannel);
    }
}
