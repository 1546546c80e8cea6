using Pimcc.Diagnostics;

namespace Pimcc.Tests.Driver;

public class ToolCliTests
{
    [Fact]
    public void HelpDescribesCommandsOptionsAndExitCodes()
    {
        var r = CliRunner.Run("--help");
        r.ExitCode.ShouldBe(0);
        foreach (var s in new[] { "--target", "--emit", "--prompt-tokens", "--print-ir-after", "--pass-statistics", "asm", "disasm", "targets", "passes", "CapacityExceeded" })
            r.Out.ShouldContain(s);
    }

    [Fact]
    public void TargetsListsPresetsAndShowPrintsTheResolvedDescription()
    {
        CliRunner.Run("targets").Out.ShouldContain("hpim");
        var show = CliRunner.Run("targets", "show", "hpim", "--set", "hbm.stacks=2");
        show.ExitCode.ShouldBe(0, show.Err);
        show.Out.ShouldContain("pimcc-target/1");
        show.Out.ShouldContain("--set hbm.stacks=2");
    }

    [Fact]
    public void PassesListsEveryPassWithItsContract()
    {
        var r = CliRunner.Run("passes");
        r.Out.ShouldContain("hpim-tile-weights");
        r.Out.ShouldContain("requires: workload-bound");
    }

    [Fact]
    public void AsmThenDisasmRoundTripsThroughFiles()
    {
        var dir = CliRunner.TempDir();
        var src = Path.Combine(dir, "p.pasm");
        File.WriteAllText(src, Pimcc.Isa.Assembly.Disassembler.Disassemble(SampleBinary()));
        var bin = Path.Combine(dir, "p.bin");
        CliRunner.Run("asm", src, "-o", bin).ExitCode.ShouldBe(0);
        var text = CliRunner.Run("disasm", bin);
        text.ExitCode.ShouldBe(0, text.Err);
        text.Out.ShouldBe(File.ReadAllText(src));
        CliRunner.Run("disasm", bin, "--list").Out.ShouldContain("core0");
    }

    [Fact]
    public void CorruptBinaryIsAOneLineError()
    {
        var dir = CliRunner.TempDir();
        var bin = Path.Combine(dir, "p.bin");
        File.WriteAllBytes(bin, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
        CliRunner.Run("disasm", bin).ShouldBeOneLineError(ExitCode.BadMagic, "p.bin");
    }

    private static Pimcc.Isa.Container.PimBinary SampleBinary() =>
        Pimcc.Isa.Assembly.Assembler.Assemble(
            ".target \"hpim\"\n.core 0\n  li.lo r1, 64\n  vadd r2, r3, r4, r1, fp16\n  halt\n", "sample.pasm");
}
