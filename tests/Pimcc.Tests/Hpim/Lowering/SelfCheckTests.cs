using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Targets.Dram;
using Pimcc.Targets.Hbm;

namespace Pimcc.Tests.Hpim.Lowering;

/// <summary>The checks the backend runs on what it emits: event/barrier balance and deadlock, halt, HBM legality.</summary>
public class SelfCheckTests
{
    internal static PimBinary Asm(string body) => Assembler.Assemble(".target \"hpim\"\n.target_json \"e30=\"\n" + body, "t.pasm");

    [Fact]
    public void EventsSignalledAsOftenAsWaitedForPass()
    {
        // core 0 signals event 5 three times in a counted loop; channel 0 waits for it three times in a rep
        var bin = Asm("""
            .core 0
                li.lo r1, 3
            top:
                ev.sig 5, 1
                loop r1, top
                halt
            .channel 0
                rep count=3, body=1, drow=0, dcol=0, dgcol=0, dladdr=0, dsaddr=0
                wait event=5, count=1
            """);
        SyncChecker.Check(bin, "decode", kv: 0, prompt: 0).SignalledPerEvent[5].ShouldBe(3);
    }

    [Fact]
    public void AnEventSignalledMoreOftenThanWaitedForIsReported()
    {
        var bin = Asm(".core 0\n    ev.sig 5, 2\n    halt\n.channel 0\n    wait event=5, count=1\n");
        Should.Throw<SyncError>(() => SyncChecker.Check(bin, "decode", 0, 0)).Message.ShouldContain("event 5 = 1");
    }

    [Fact]
    public void AWaitNobodySignalsIsADeadlockNamingTheStream()
    {
        var bin = Asm(".core 0\n    ev.wait 7, 1\n    halt\n.channel 3\n    sig event=8, count=1\n    wait event=9, count=1\n");
        var e = Should.Throw<SyncError>(() => SyncChecker.Check(bin, "decode", 0, 0));
        e.Message.ShouldContain("deadlock");
        e.Message.ShouldContain("core0 at wait event 7");
        e.Message.ShouldContain("channel3 at wait event 9");
    }

    [Fact]
    public void ABarrierReleasesOnlyWhenEveryParticipantArrived()
    {
        var ok = Asm(".core 0\n    bar 1, 2\n    halt\n.core 1\n    bar 1, 2\n    halt\n");
        SyncChecker.Check(ok, "decode", 0, 0);
        var short1 = Asm(".core 0\n    bar 1, 2\n    halt\n.core 1\n    halt\n");
        Should.Throw<SyncError>(() => SyncChecker.Check(short1, "decode", 0, 0)).Message.ShouldContain("core0 at bar 1");
    }

    [Fact]
    public void ACoreProgramThatRunsIntoTheNextEntryIsReported()
    {
        var bin = Asm(".core 0\n.entry prefill\n    nop\n.entry decode\n    halt\n");
        Should.Throw<SyncError>(() => SyncChecker.Check(bin, "prefill", 0, 0)).Message.ShouldContain("without halt");
    }

    [Fact]
    public void DataPathWordsAreSkippedWhileTheScalarWordsBetweenThemStillRun()
    {
        // By hand: r0 stays 0 although li.lo writes it, so r1 = 0 + 2 and the loop signals event 6 twice; the data-path
        // words (tr, hbm.st) around and inside the loop change no register.
        var bin = Asm("""
            .core 0
                li.lo r0, 7
                tr r3, r4, r5, fp16
                addi r1, r0, 2
            top:
                hbm.st r2, r3, r4, r5
                ev.sig 6, 1
                tr r3, r4, r5, fp16
                loop r1, top
                halt
            """);
        var trace = SyncChecker.CoreTrace(bin.Cores[0], "decode", kv: 0, prompt: 0, step: 0, token: 0, maxSteps: 1000);
        trace.ShouldBe([new(Pimcc.Isa.Encoding.OpAction.EventSignal, 6, 1), new(Pimcc.Isa.Encoding.OpAction.EventSignal, 6, 1)]);
    }

    /// <summary>A program without halt: straight off the end of its stream, or round a loop past the instruction budget.</summary>
    [Theory]
    [InlineData(".core 0\n    ev.sig 1, 1\n    tr r3, r4, r5, fp16\n", "runs off its stream at word 2")]
    [InlineData(".core 0\ntop:\n    tr r3, r4, r5, fp16\n    jmp top\n", "runs more than 100 instructions")]
    public void ACoreProgramThatDoesNotHaltIsReported(string program, string message) =>
        Should.Throw<SyncError>(() => SyncChecker.CoreTrace(Asm(program).Cores[0], "decode", 0, 0, 0, 0, maxSteps: 100)).Message.ShouldContain(message);

    [Fact]
    public void BranchesAndRegistersFollowTheAbi()
    {
        // r30 = kv: the loop runs kv times, so the channel's two waits need kv = 2
        var bin = Asm(".core 0\n    add r1, r30, r0\ntop:\n    ev.sig 4, 1\n    loop r1, top\n    halt\n.channel 0\n    wait event=4, count=2\n");
        SyncChecker.Check(bin, "decode", kv: 2, prompt: 0);
        Should.Throw<SyncError>(() => SyncChecker.Check(bin, "decode", kv: 3, prompt: 0));
    }

    [Fact]
    public void AMacOnAClosedRowIsAnDramProtocolViolation()
    {
        var good = Asm(".channel 0\n    act.ab pc=0, row=3\n    mac.ab pc=0, col=0, gcol=0\n    pre.ab pc=0\n").Channel(0)!;
        HbmLegality.Check(HpimPassTests.Hpim, good, "decode").Commands.ShouldBe(3);
        var closed = Asm(".channel 0\n    act.ab pc=0, row=3\n    pre.ab pc=0\n    mac.ab pc=0, col=0, gcol=0\n").Channel(0)!;
        Should.Throw<DramProtocolViolation>(() => HbmLegality.Check(HpimPassTests.Hpim, closed, "decode")).Message.ShouldContain("ACTAB first");
        var twice = Asm(".channel 0\n    act.ab pc=1, row=3\n    act.ab pc=1, row=4\n").Channel(0)!;
        Should.Throw<DramProtocolViolation>(() => HbmLegality.Check(HpimPassTests.Hpim, twice, "decode"));
    }

    [Fact]
    public void SingleBankColumnCommandsAreCheckedToo()
    {
        // The check reads each command's DRAM command from the table, so rd, wr, mac.sb and res.rd are replayed as
        // well (they used to be skipped): a read of a closed bank is a violation, one of the opened bank is not.
        var good = Asm(".channel 0\n    act pc=0, bg=1, ba=2, row=5\n    rd pc=0, bg=1, ba=2, col=0, core=0, laddr=0\n    pre pc=0, bg=1, ba=2\n").Channel(0)!;
        HbmLegality.Check(HpimPassTests.Hpim, good, "decode").Commands.ShouldBe(3);
        var otherBank = Asm(".channel 0\n    act pc=0, bg=1, ba=2, row=5\n    rd pc=0, bg=1, ba=3, col=0, core=0, laddr=0\n").Channel(0)!;
        Should.Throw<DramProtocolViolation>(() => HbmLegality.Check(HpimPassTests.Hpim, otherBank, "decode"));
        var macClosed = Asm(".channel 0\n    mac.sb pc=1, bg=0, ba=0, col=0, gcol=0\n").Channel(0)!;
        Should.Throw<DramProtocolViolation>(() => HbmLegality.Check(HpimPassTests.Hpim, macClosed, "decode"));
    }

    [Fact]
    public void ADecodeWorkingSetLargerThanLocalMemoryIsACapacityError()
    {
        // 60k hidden size: every core holds several 120 KB replicas of the residual stream, more than a
        // core's 416 KiB of local memory. (Returned logits stay distributed, so a large vocabulary no longer does.)
        var m = HpimPassTests.Compile(DecoderModels.Build(new DecoderModels.Shape(60_000, 480, 128, 1, 1024, 64), prompt: 4, generated: 2));
        var e = Should.Throw<PimccError>(() => HpimBackend.Emit(m, HpimPassTests.Hpim));
        e.Code.ShouldBe(ExitCode.CapacityExceeded, e.OneLine);
        e.Message.ShouldContain("bytes of local memory per core");
    }

    [Fact]
    public void AnOperatorTheLoweringDoesNotKnowIsAnUnsupportedOperatorError()
    {
        var m = HpimPassTests.Compile(Pimcc.Tests.Ir.TinyDecoder.Build());
        var decode = m.FindFunction("decode")!;
        var act = decode.Body.Single(o => o.Id == "l0.act");
        m = m.WithFunction(decode.WithBody(decode.Body.Select(o => o == act ? o with { Opcode = "softmax", Attrs = o.Attrs.Set("axis", -1) } : o)));
        var e = Should.Throw<PimccError>(() => HpimBackend.Emit(m, HpimPassTests.Hpim));
        e.Code.ShouldBe(ExitCode.UnsupportedOperator);
        e.Location.ShouldContain("l0.act");
    }

    [Fact]
    public void AModuleThatSkippedThePipelineIsRejected()
    {
        var e = Should.Throw<PimccError>(() => HpimBackend.Emit(Pimcc.Tests.Ir.TinyDecoder.Build(), HpimPassTests.Hpim));
        e.Code.ShouldBe(ExitCode.InvalidModel);
    }
}
