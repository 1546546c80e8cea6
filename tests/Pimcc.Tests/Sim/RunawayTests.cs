using System.Diagnostics;
using System.Text;
using Pimcc.Diagnostics;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using static Pimcc.Tests.Functional.FunctionalPrograms;

namespace Pimcc.Tests.Sim;

/// <summary>Issue 16: a program that never halts is stopped within seconds, naming its core and word, in both simulators.</summary>
public class RunawayTests
{
    private const string Spin = """
        .core 2
            li.lo r1, 5
        spin:
            addi r1, r1, 1
            jmp spin
            halt
        """;

    [Fact]
    public void TheBudgetIsWordsTimesLayersTimesPositionsWithAFloor()
    {
        // 4 x 1000 words x 3 layers x (300 positions + 1), by hand
        InstructionBudget.For(1000, 3, new ProgramRegisters(256, 44, 300)).ShouldBe(4L * 1000 * 3 * 301);
        InstructionBudget.For(3, 1, new ProgramRegisters(8, 0, 0)).ShouldBe(1 << 20);
        InstructionBudget.For(int.MaxValue, int.MaxValue, new ProgramRegisters(uint.MaxValue, 0, uint.MaxValue)).ShouldBe(long.MaxValue);
    }

    [Fact]
    public void TheTimingSimulatorStopsAnInfiniteLoopNamingCoreAndWord()
    {
        var sw = Stopwatch.StartNew();
        var e = Should.Throw<PimccError>(() => SimPrograms.Run(Spin));
        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        e.Code.ShouldBe(ExitCode.InvalidBinary);
        e.Location.ShouldStartWith("core 2 word ");
        e.Message.ShouldContain($"more than {1 << 20} instructions");
        e.Message.ShouldContain("does not halt");
    }

    [Fact]
    public void TheFunctionalSimulatorStopsAnInfiniteLoopNamingCoreAndWord()
    {
        var sw = Stopwatch.StartNew();
        var e = Should.Throw<PimccError>(() => Run(Load(Spin, [Halves(2, 0, 1)])));
        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        e.Code.ShouldBe(ExitCode.ExecutionFault);
        e.Location.ShouldContain("core2");
        e.Message.ShouldContain("does not halt");
    }

    [Fact]
    public void ADeadlockOfManyStreamsIsOneShortLineWithAHint()
    {
        var body = new StringBuilder();
        for (var c = 0; c < 32; c++) body.Append($".core {c}\n    ev.wait {c}, 1\n    halt\n");
        var e = Should.Throw<PimccError>(() => SimPrograms.Run(body.ToString()));
        e.Message.ShouldContain("deadlock: all 32 unfinished streams are blocked: core 0 waits for ev.wait event 0 count 1");
        e.Message.ShouldContain("and 29 more");
        e.OneLine.Length.ShouldBeLessThan(600);
        e.Hint.ShouldContain("matching signal");
    }
}
