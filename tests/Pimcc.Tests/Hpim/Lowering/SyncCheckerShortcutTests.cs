using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Tests.Hpim.Lowering;

/// <summary>
/// The sync checker's shortcuts: scalar words that cannot reach a branch are skipped, and a qualifying innermost loop
/// skips its middle iterations; what follows the loop sees exactly the registers, and the budget exactly the
/// instruction count, of running every word. The reference is the same interpreter with the shortcuts off (every word
/// interpreted), and hand arithmetic.
/// </summary>
public class SyncCheckerShortcutTests
{
    private static PimBinary Asm(string body) => SelfCheckTests.Asm(body);

    private static List<SyncChecker.SyncOp> Trace(PimBinary bin, bool shortcuts, long maxSteps = 100_000_000) =>
        SyncChecker.CoreTrace(bin.Cores[0], "decode", kv: 0, prompt: 0, step: 0, token: 0, maxSteps, shortcuts);

    private static SyncChecker.SyncOp Sig(int id) => new(OpAction.EventSignal, id, 1);

    /// <summary>
    /// By hand: 1000 iterations of r2 += 3 and r7 += r5 (r5 = 7), the branch on 64 >= 7 always taken (so r2 += 100
    /// never runs), r4 = r2 + r5 recomputed each time. After the loop r2 = 3000, r4 = 3007, r7 = 7000, and the
    /// counter is 0: event 1 is signalled iff all hold. Ten words per iteration at most, so a budget of 100 trips.
    /// </summary>
    private const string Induction = """
        .core 0
            li.lo r1, 1000
            li.lo r2, 0
            li.lo r5, 7
            li.lo r7, 0
        top:
            addi r2, r2, 3
            li.lo r3, 64
            bge r3, r5, skip
            addi r2, r2, 100
        skip:
            add r4, r2, r5
            add r7, r5, r7
            hbm.st r4, r4, r4, r4
            loop r1, top
            li.lo r6, 3007
            bne r4, r6, bad
            li.lo r6, 7000
            bne r7, r6, bad
            bne r1, r0, bad
            ev.sig 1, 1
            halt
        bad:
            ev.sig 2, 1
            halt
        """;

    [Fact]
    public void AQualifyingLoopLeavesTheRegistersOfEveryIteration()
    {
        var bin = Asm(Induction);
        Trace(bin, shortcuts: true).ShouldBe([Sig(1)]);
        Trace(bin, shortcuts: false).ShouldBe([Sig(1)]);
    }

    [Fact]
    public void TheBudgetCountsTheSkippedIterations()
    {
        var bin = Asm(Induction);
        Should.Throw<SyncError>(() => Trace(bin, shortcuts: true, maxSteps: 100)).Message.ShouldContain("runs more than 100 instructions");
        Trace(bin, shortcuts: true, maxSteps: 20_000).ShouldBe([Sig(1)]);
    }

    /// <summary>
    /// A derived register, as the prefill's tile loops have them: r16 is read (r16 += r19) before the body recomputes
    /// it from the stepping linear index r18 as (r18 >> 3) << 6, and r17 = r18 & 7. By hand, after 1000 iterations
    /// r18 = 1000, r17 = 1000 & 7 = 0, r16 = (1000 >> 3) << 6 = 8000; the last iteration's r16 += r19 (r19 = 5) saw
    /// r16 = (999 >> 3) << 6 = 7936, so r9 = 7941.
    /// </summary>
    [Fact]
    public void ADerivedRegisterIsRecomputedFromTheSteppingOnes()
    {
        var bin = Asm("""
            .core 0
                li.lo r1, 1000
                li.lo r18, 0
                li.lo r16, 0
                li.lo r19, 5
                li.lo r20, 3
                li.lo r21, 6
                li.lo r22, 7
            top:
                add r9, r16, r19
                addi r18, r18, 1
                and r17, r18, r22
                shr r16, r18, r20
                shl r16, r16, r21
                loop r1, top
                li.lo r6, 8000
                bne r16, r6, bad
                li.lo r6, 7941
                bne r9, r6, bad
                bne r17, r0, bad
                ev.sig 1, 1
                halt
            bad:
                ev.sig 2, 1
                halt
            """);
        Trace(bin, shortcuts: true).ShouldBe([Sig(1)]);
        Trace(bin, shortcuts: false).ShouldBe([Sig(1)]);
    }

    /// <summary>Loops that must not be skipped, each with a result that shows if they were: a branch on the
    /// iteration (r8 counts the iterations with r2 below 500: 499), a carried register that doubles (2^20), a counter
    /// the body rewrites (601 iterations), a derived register that depends on itself (xor of 1..10 = 11), a signal
    /// inside the body.</summary>
    [Theory]
    [InlineData("""
        .core 0
            li.lo r1, 1000
            li.lo r2, 0
            li.lo r8, 0
            li.lo r5, 500
        top:
            addi r2, r2, 1
            bge r2, r5, late
            addi r8, r8, 1
        late:
            loop r1, top
            li.lo r6, 499
            bne r8, r6, bad
            ev.sig 1, 1
            halt
        bad:
            ev.sig 2, 1
            halt
        """)]
    [InlineData("""
        .core 0
            li.lo r1, 20
            li.lo r2, 1
        top:
            add r2, r2, r2
            loop r1, top
            li.lo r6, 0
            li.hi r6, 16
            bne r2, r6, bad
            ev.sig 1, 1
            halt
        bad:
            ev.sig 2, 1
            halt
        """)]
    [InlineData("""
        .core 0
            li.lo r1, 1000
            li.lo r2, 0
        top:
            addi r2, r2, 1
            li.lo r5, 600
            bne r2, r5, same
            li.lo r1, 2
        same:
            loop r1, top
            li.lo r6, 601
            bne r2, r6, bad
            ev.sig 1, 1
            halt
        bad:
            ev.sig 2, 1
            halt
        """)]
    [InlineData("""
        .core 0
            li.lo r1, 10
            li.lo r2, 0
            li.lo r3, 0
        top:
            addi r3, r3, 1
            xor r2, r2, r3
            loop r1, top
            li.lo r6, 11
            bne r2, r6, bad
            ev.sig 1, 1
            halt
        bad:
            ev.sig 2, 1
            halt
        """)]
    [InlineData("""
        .core 0
            li.lo r1, 5
        top:
            ev.sig 3, 1
            loop r1, top
            ev.sig 1, 1
            halt
        """)]
    public void LoopsThatDoNotQualifyRunEveryIteration(string program)
    {
        var bin = Asm(program);
        var full = Trace(bin, shortcuts: false);
        full[^1].ShouldBe(Sig(1), "the hand-computed result holds when every iteration runs");
        Trace(bin, shortcuts: true).ShouldBe(full);
    }

    /// <summary>Every core of a compiled OPT-125M-shaped program (prefill of 100 tokens, decode at two kv): the same
    /// trace with and without the shortcut.</summary>
    [Fact]
    public void CompiledProgramsGiveTheSameTraces()
    {
        var module = HpimPassTests.Compile(DecoderModels.Build(new DecoderModels.Shape(768, 12, 3072, 12, 50272, 2048), 100, 8, biases: true));
        var bin = HpimBackend.Emit(module, HpimPassTests.Hpim, out _);
        foreach (var (entry, kv, step) in new[] { ("prefill", 0L, 0L), ("decode", 100L, 0L), ("decode", 107L, 7L) })
            foreach (var core in bin.Cores)
            {
                var fast = SyncChecker.CoreTrace(core, entry, kv, prompt: 100, step, token: 5, maxSteps: 200_000_000);
                var slow = SyncChecker.CoreTrace(core, entry, kv, prompt: 100, step, token: 5, maxSteps: 200_000_000, shortcuts: false);
                fast.ShouldBe(slow, $"core{core.Core} {entry} kv {kv}");
                slow.ShouldNotBeEmpty();
            }
    }
}
