using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Isa.Container;
using Pimcc.Targets;

namespace Pimcc.Tests.Hpim.Lowering;

/// <summary>
/// Prefill and decode lowered side by side (docs/hpim-lowering.md, "Core code clean-up" and "Side-by-side lowering"):
/// a program lowered into a builder of its own, cleaned up and appended gives the stream one builder cleaned up gives,
/// and each program numbers constant slots of its own, whatever the threads' timing.
/// </summary>
public class SideBySideLoweringTests
{
    private static readonly HpimTarget Target = HpimPassTests.Hpim;

    private static void Prefill(CoreCode c)
    {
        c.Entry("prefill");
        c.BeginOp(3, "p.a");
        c.Li(Reg.T0, 7);
        c.I("add", Reg.T1, Reg.T0, Reg.T0);
        c.I("sw", Reg.T1, Reg.T0);
        c.EndOp();
        c.I("halt");
    }

    private static void Decode(CoreCode c)
    {
        c.Entry("decode");
        c.LiLayerCounter(Reg.LayerCounter, 4);
        var top = c.Count;
        c.BeginOp(HpimBackend.DecodeIdBase + 5, "d.b");
        c.Loop(Reg.L0, 3, () =>
        {
            c.I("add", Reg.T2, Reg.T2, Reg.LayerCounter);
            c.I("sw", Reg.T2, Reg.T2);
        });
        c.EndOp();
        c.I("loop", Reg.LayerCounter, top - c.Count);
        c.I("halt");
    }

    [Fact]
    public void AProgramAppendedFromABuilderOfItsOwnGivesTheStreamOfOneBuilder()
    {
        var one = new CoreCode(2);
        Prefill(one);
        Decode(one);
        one.CleanUp();
        var (expected, expectedDebug) = one.Build();

        var first = new CoreCode(2);
        var second = new CoreCode(2);
        Decode(second);                                                    // emitted first: only the append order counts
        second.CleanUp();
        Prefill(first);
        first.CleanUp();
        first.Append(second);
        var (stream, debug) = first.Build();

        stream.Instructions.ShouldBe(expected.Instructions);
        stream.Entries.ShouldBe(expected.Entries);
        stream.Entries.Select(e => e.Name).ShouldBe(["prefill", "decode"]);
        stream.Entries[1].Word.ShouldBeGreaterThan(0);
        stream.Layers.ShouldBe(expected.Layers);
        debug.ShouldBe(expectedDebug);
        debug.Select(d => d.IrOpName).ShouldBe(["p.a", "d.b"]);
    }

    /// <summary>A program of repeated groups whose loads and sums after the first the clean-up removes.</summary>
    private static CoreCode Redundant(int repeats)
    {
        var c = new CoreCode(1);
        c.Entry("prefill");
        for (var i = 0; i < repeats; i++)
        {
            c.Li(Reg.T0, 7);
            c.Li(Reg.T0, 7);
            c.I("add", Reg.T1, Reg.T0, Reg.T0);
            c.I("sw", Reg.T1, Reg.T0);
        }
        c.I("halt");
        return c;
    }

    [Fact]
    public void ABuilderCleanedUpAfterALargerOneOnTheSameThreadGivesTheStreamItGivesAlone()
    {
        // alone, on a thread of its own: its scratch arrays are new
        CoreStream? alone = null;
        var thread = new Thread(() =>
        {
            var c = Redundant(3);
            c.CleanUp();
            alone = c.Build().Stream;
        });
        thread.Start();
        thread.Join();
        // after a larger program on this thread: the scratch arrays hold that program's words and facts
        var large = Redundant(5000);
        large.CleanUp();
        var small = Redundant(3);
        small.CleanUp();
        var (stream, _) = small.Build();

        // li 7, add, sw, then only each later group's sw (r1 already holds 14), halt
        alone!.Instructions.Count.ShouldBe(3 + 2 + 1);
        stream.Instructions.ShouldBe(alone.Instructions);
        stream.Entries.ShouldBe(alone.Entries);
        large.Build().Stream.Instructions.Count.ShouldBe(3 + 4999 + 1);
    }

    [Fact]
    public async Task EachProgramNumbersConstantSlotsOfItsOwnInItsFirstUseOrder()
    {
        var pool = new Constants(Target);
        var later = pool.Later();
        // the later program asks first, for a value the first program uses too and then for one of its own
        var lowering = Task.Run(() => (Shared: later.Address(2.0), Own: later.Address(3.0), Again: later.Address(2.0)));
        var one = pool.Address(1.0);
        var two = pool.Address(2.0);
        var (shared, own, again) = await lowering;

        one.ShouldBe(pool.Base);
        two.ShouldBe(pool.Base + Constants.SlotBytes);
        var top = pool.Base + (Constants.Slots - 1) * Constants.SlotBytes;
        shared.ShouldBe(top);                                              // its own slot, from the top down
        own.ShouldBe(top - Constants.SlotBytes);
        again.ShouldBe(shared);
        pool.Regions(1).Select(r => r.Name).ShouldBe(["const:1", "const:2", "const:3", "const:2"]);
        pool.Regions(1).Select(r => ((LocalPlacement)r.Placement).Address).ShouldBe([one, two, own, shared]);
    }

    [Fact]
    public void TheProgramsTogetherHoldAtMostTheSlotsThePoolHas()
    {
        var pool = new Constants(Target);
        var later = pool.Later();
        for (var i = 0; i < Constants.Slots / 2; i++)
        {
            pool.Address(i);
            later.Address(-i - 1);
        }
        pool.Address(0).ShouldBe(pool.Base);                               // a value already held needs no slot
        var full = Should.Throw<Pimcc.Diagnostics.PimccError>(() => later.Address(1e9));
        full.Code.ShouldBe(Pimcc.Diagnostics.ExitCode.CapacityExceeded);
    }
}
