using System.Text;
using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;

namespace Pimcc.Tests.Hpim.Lowering;

/// <summary>
/// The sync checker's repeated iterations (docs/hpim-lowering.md, "Self-checks"): a self-contained loop whose
/// iterations end twice in a row in the same registers repeats the last one's steps for the rest. The reference is the
/// interpreter with the shortcuts off (every word run), and hand counts. A layer that differs from the others, in a
/// core's registers or in a channel's unrolled block, is still checked.
/// </summary>
public class SyncCheckerLoopRepeatTests
{
    private static PimBinary Asm(string body) => SelfCheckTests.Asm(body);

    private static List<SyncChecker.SyncOp> Trace(PimBinary bin, bool shortcuts, long kv = 3, long maxSteps = 100_000_000) =>
        SyncChecker.CoreTrace(bin.Cores[0], "decode", kv, prompt: 0, step: 0, token: 0, maxSteps, shortcuts);

    /// <summary>A 48-layer loop (counter r26) as the decode program has it: wait for the channel, one signal per KV
    /// block (an inner loop over r30 = kv, with a signal, so it does not qualify itself), a layer offset that only
    /// addresses data (r25, skipped). <paramref name="late"/> inserts a register that counts the layers and skips the
    /// block signals in layer 40.</summary>
    private static string Layers(bool late) => $"""
        .core 0
            li.lo r26, 48
            li.lo r2, 0
            li.lo r5, 40
            li.lo r25, 0
        layer:
            ev.wait 1, 1
            {(late ? "addi r2, r2, 1" : "nop")}
            beq r2, r5, skipped
            add r13, r30, r0
        block:
            hbm.st r25, r4, r4, r4
            ev.sig 2, 1
            li.lo r6, 3
        inner:
            hbm.st r25, r4, r4, r4
            loop r6, inner
            loop r13, block
        skipped:
            addi r25, r25, 4096
            loop r26, layer
            halt

        """;

    /// <summary>48 unrolled channel blocks: signal the core, wait for its kv block signals; <paramref name="short40"/>
    /// waits for one fewer in layer 40 (index 39), as an edited stream would.</summary>
    private static string Channel(long kv, bool short40)
    {
        var s = new StringBuilder(".channel 0\n");
        for (var layer = 0; layer < 48; layer++)
            s.Append($"    sig event=1, count=1\n    wait event=2, count={(short40 && layer == 39 ? kv - 1 : kv)}\n");
        return s.ToString();
    }

    [Fact]
    public void RepeatedLayersGiveTheTraceOfEveryLayer()
    {
        var bin = Asm(Layers(late: false));
        var fast = Trace(bin, shortcuts: true);
        fast.ShouldBe(Trace(bin, shortcuts: false));
        fast.Count(o => o.Kind == OpAction.EventWait).ShouldBe(48);
        fast.Count(o => o.Kind == OpAction.EventSignal).ShouldBe(48 * 3);
        SyncChecker.Check(Asm(Layers(late: false) + Channel(3, short40: false)), "decode", kv: 3, prompt: 0).SyncOps.ShouldBe(48 * (1 + 3) + 48 * 2);
    }

    [Fact]
    public void ALateChannelLayerThatDiffersIsCaught()
    {
        var e = Should.Throw<SyncError>(() => SyncChecker.Check(Asm(Layers(late: false) + Channel(3, short40: true)), "decode", kv: 3, prompt: 0));
        e.Message.ShouldContain("event 2 = 1");
    }

    /// <summary>Layer 40 of the core skips its signals: its registers differ from layer to layer, so no iteration is
    /// repeated, every layer runs, and the channel's wait in layer 40 deadlocks.</summary>
    [Fact]
    public void ALateCoreLayerThatDiffersIsCaught()
    {
        var bin = Asm(Layers(late: true));
        var fast = Trace(bin, shortcuts: true);
        fast.ShouldBe(Trace(bin, shortcuts: false));
        fast.Count(o => o.Kind == OpAction.EventSignal).ShouldBe(47 * 3);
        var e = Should.Throw<SyncError>(() => SyncChecker.Check(Asm(Layers(late: true) + Channel(3, short40: false)), "decode", kv: 3, prompt: 0));
        e.Message.ShouldContain("deadlock");
        e.Message.ShouldContain("channel0 at wait event 2");
    }

    /// <summary>The budget trips exactly where running every iteration trips it: for every budget, the same trace or
    /// the same error with the repeat as without.</summary>
    [Fact]
    public void TheBudgetCountsTheRepeatedIterations()
    {
        var bin = Asm(Layers(late: false));
        var tripped = 0;
        for (long budget = 50; budget < 2_000; budget += 13)
        {
            string Outcome(bool shortcuts)
            {
                try { return string.Join(",", Trace(bin, shortcuts, maxSteps: budget)); }
                catch (SyncError e) { return e.Message; }
            }
            var reference = Outcome(shortcuts: false);
            Outcome(shortcuts: true).ShouldBe(reference, $"budget {budget}");
            if (reference.Contains("runs more than")) tripped++;
        }
        tripped.ShouldBeGreaterThan(0);
        tripped.ShouldBeLessThan(150);
    }

    /// <summary>A body that reads its counter must not be repeated: it signals event 3 once, in the iteration that finds
    /// r26 = 5 (a repeat from the second iteration on would never signal it).</summary>
    [Fact]
    public void ALoopThatReadsItsCounterRunsEveryIteration()
    {
        var bin = Asm("""
            .core 0
                li.lo r26, 48
                li.lo r5, 5
            layer:
                li.lo r6, 2
            inner:
                hbm.st r4, r4, r4, r4
                loop r6, inner
                bne r26, r5, other
                ev.sig 3, 1
            other:
                loop r26, layer
                ev.sig 1, 1
                halt
            """);
        List<SyncChecker.SyncOp> expected = [new(OpAction.EventSignal, 3, 1), new(OpAction.EventSignal, 1, 1)];
        Trace(bin, shortcuts: false).ShouldBe(expected, "the hand-computed result holds when every iteration runs");
        Trace(bin, shortcuts: true).ShouldBe(expected);
    }

    /// <summary>A compiled 48-layer decoder: the decode program's channel blocks are unrolled per layer, so an edit of one
    /// channel's layer 40 (a wait for one signal more) is caught although the cores' layer loops are repeated.</summary>
    [Fact]
    public void AnEditedLayer40OfACompiledProgramIsCaught()
    {
        var shape = new DecoderModels.Shape(128, 8, 512, 48, 1000, 64);
        var module = HpimPassTests.Compile(DecoderModels.Build(shape, prompt: 8, generated: 2));
        var bin = HpimBackend.Emit(module, HpimPassTests.Hpim, out var report);          // checked as emitted
        report.SyncOps.ShouldBeGreaterThan(0);
        var ch = bin.Channels[3];
        var layers = ch.Layers.Single(l => l.Entry == "decode");
        layers.Layers.ShouldBe(48);
        var block40 = Enumerable.Range(layers.Word + 39 * layers.Stride, layers.Stride);
        var at = block40.First(i => ch.Commands[i].Spec.Action == OpAction.EventWait);
        var wait = ch.Commands[at];
        var commands = ch.Commands.ToList();
        commands[at] = HbmCommandSet.Table.Make("wait", wait["event"], wait["count"] + 1);
        var stream = new ChannelStream(ch.Channel, commands) { Entries = ch.Entries, Layers = ch.Layers };
        var edited = bin with { Streams = [.. bin.Streams.Select(s => ReferenceEquals(s, ch) ? stream : s)] };
        var e = Should.Throw<InvalidOperationException>(() => HpimBackend.CheckSync(edited, module));
        e.Message.ShouldContain("unsynchronised");
    }
}
