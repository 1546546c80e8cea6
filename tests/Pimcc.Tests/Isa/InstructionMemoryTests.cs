using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Tests.Driver;
using Pimcc.Tests.Sim;

namespace Pimcc.Tests.Isa;

/// <summary>
/// Issue 16, section 3: a core's program must fit the instruction memory the description gives it
/// (sram.instructionMemory; an SRAM-PIM instruction is 4 bytes), refused at assembly (exit 20) and at compile
/// (exit 42) naming the core and both sizes; and <c>.target "NAME"</c> without a description embeds the preset NAME.
/// </summary>
public class InstructionMemoryTests
{
    private static string Program(int instructions) =>
        ".core 3\n" + string.Concat(Enumerable.Repeat("    add r1, r1, r1\n", instructions - 1)) + "    halt\n";

    // 1 KiB = 1024 bytes = 256 four-byte instructions.
    [Fact]
    public void AProgramFillingTheInstructionMemoryExactlyIsAccepted() =>
        SimPrograms.Assemble(Program(256), "sram.instructionMemory=1KiB").Cores.Single().Words.Count.ShouldBe(256);

    [Fact]
    public void OneInstructionMoreIsRefusedNamingTheCoreAndBothSizes()
    {
        var e = Should.Throw<PimccError>(() => SimPrograms.Assemble(Program(257), "sram.instructionMemory=1KiB"));
        e.Code.ShouldBe(ExitCode.MalformedInput);
        e.Message.ShouldContain("core 3's program is 1028 bytes (257 instructions), more than its 1024-byte instruction memory");
        e.Hint.ShouldContain("--set sram.instructionMemory=2KiB");
    }

    [Fact]
    public void ACompileWhoseCoreProgramDoesNotFitIsACapacityError()
    {
        // gpt2 at 16 + 8 tokens: every core program is several thousand instructions, more than 4 KiB (1024 instructions).
        var r = CliRunner.Run(CliRunner.Sample("gpt2.json"), "--prompt-tokens", "16", "--gen-tokens", "8", "--set", "sram.instructionMemory=4KiB",
            "-o", Path.Combine(CliRunner.TempDir(), "g.bin"));
        r.ShouldBeOneLineError(ExitCode.CapacityExceeded, "more than its 4096-byte instruction memory");
        r.Err.ShouldMatch(@"core \d+'s program is \d+ bytes");
    }

    [Fact]
    public void TheInstructionMemoryOfThePresetHoldsTheCompiledProgram()
    {
        var dir = CliRunner.TempDir();
        var bin = Path.Combine(dir, "g.bin");
        CliRunner.Run(CliRunner.Sample("gpt2.json"), "--prompt-tokens", "16", "--gen-tokens", "8", "-o", bin).ExitCode.ShouldBe(0);
        var program = PimBinaryReader.Read(File.ReadAllBytes(bin), bin);
        var largest = program.Cores.Max(c => c.Words.Count) * 4L;
        largest.ShouldBeLessThanOrEqualTo(SimPrograms.Target().Sram.InstructionMemoryBytes);
        largest.ShouldBeGreaterThan(4096); // so the 4 KiB refusal above is the check, not something else
    }

    [Fact]
    public void ATargetWithoutADescriptionEmbedsTheNamedPreset()
    {
        var bin = Assembler.Assemble(".target \"hpim\"\n.core 31\n    halt\n", "t.pasm");
        System.Text.Encoding.UTF8.GetString(bin.Target.Json).ShouldBe(SimPrograms.Target().CanonicalJson);
        // ...and is checked against it: hpim has cores 0-31.
        Should.Throw<PimccError>(() => Assembler.Assemble(".target \"hpim\"\n.core 32\n    halt\n", "t.pasm"))
            .Message.ShouldContain("section core32 does not exist");
    }

    [Fact]
    public void ATargetNamingNoPresetWithoutADescriptionIsRefused()
    {
        var e = Should.Throw<PimccError>(() => Assembler.Assemble("; hand-written\n.target \"hpim-2\"\n.core 0\n    halt\n", "t.pasm"));
        e.Code.ShouldBe(ExitCode.UnknownTarget);
        e.OneLine.ShouldStartWith("t.pasm:2:1: error: .target \"hpim-2\" names no bundled preset");
    }
}
