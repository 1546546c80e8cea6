using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Isa.Container;
using Pimcc.Diagnostics;

namespace Pimcc.Tests.Hpim.Lowering;

/// <summary><see cref="CoreCode.IfLess"/>: the guard that lets prefill skip token blocks a shorter prompt does not reach.</summary>
public class GuardedBlockTests
{
    private static CoreCode Guarded(int bodyWords)
    {
        var c = new CoreCode(0);
        c.I("nop");
        c.IfLess(Reg.T0, Reg.Prompt, () =>
        {
            for (var i = 0; i < bodyWords; i++) c.I("addi", Reg.T1, Reg.T1, 1);
        });
        c.I("halt");
        StreamRules.Check(c.Ops, "core0", ExitCode.InvalidBinary);
        return c;
    }

    [Fact]
    public void AShortBodyIsSkippedByOneBranchThatFallsThroughWhenItRuns()
    {
        var c = Guarded(5);
        c.Ops[1].Mnemonic.ShouldBe("bge");
        (c.Ops[1]["a"], c.Ops[1]["b"], c.Ops[1]["target"]).ShouldBe(((long)Reg.T0, (long)Reg.Prompt, 6L)); // to the halt after the 5 body words
        c.Ops[7].Mnemonic.ShouldBe("halt");
    }

    [Fact]
    public void ABodyBeyondTheBranchReachIsSkippedByAJump()
    {
        // bge's offset is 14-bit signed (docs/isa.md, format B): at most 8191 words forward
        var c = Guarded(8191);
        c.Ops[1].Mnemonic.ShouldBe("blt");
        (c.Ops[1]["a"], c.Ops[1]["b"], c.Ops[1]["target"]).ShouldBe(((long)Reg.T0, (long)Reg.Prompt, 2L)); // runs the body: over the jmp
        c.Ops[2].Mnemonic.ShouldBe("jmp");
        c.Ops[2]["target"].ShouldBe(8192L);                               // skips it: to the halt
        c.Ops[2 + 8192].Mnemonic.ShouldBe("halt");
        Guarded(8190).Ops[1].Mnemonic.ShouldBe("bge", "8190 body words + 1 still reach");
    }
}
