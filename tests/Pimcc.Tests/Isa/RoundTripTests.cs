using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Xunit.Abstractions;

namespace Pimcc.Tests.Isa;

public class RoundTripTests(ITestOutputHelper output)
{
    private const int Programs = 150;

    [Fact]
    public void AssembleOfDisassembleGivesTheSameBytesOnRandomPrograms()
    {
        var rng = new Random(4);
        long words = 0;
        for (var i = 0; i < Programs; i++)
        {
            var bytes = PimBinaryWriter.Write(RandomPrograms.Program(rng));
            var bin = PimBinaryReader.Read(bytes, "rand.bin");
            var text = Disassembler.Disassemble(bin);
            var again = PimBinaryWriter.Write(Assembler.Assemble(text, "rand.pasm"));
            if (!again.AsSpan().SequenceEqual(bytes))
                again.ShouldBe(bytes, $"program {i}:\n{text}");
            // The printed text is a fixed point too.
            Disassembler.Disassemble(PimBinaryReader.Read(again, "again.bin")).ShouldBe(text);
            words += bin.Cores.Sum(c => c.Instructions.Count) + bin.Channels.Sum(c => c.Commands.Count);
        }
        output.WriteLine($"asm(disasm(bin)) == bin on {Programs} random programs, {words} instructions/commands");
        words.ShouldBeGreaterThan(Programs * 10);
    }

    [Fact]
    public void WriteOfReadGivesTheSameBytes()
    {
        var rng = new Random(5);
        for (var i = 0; i < 100; i++)
        {
            var bytes = PimBinaryWriter.Write(RandomPrograms.Program(rng));
            PimBinaryWriter.Write(PimBinaryReader.Read(bytes, "x.bin")).ShouldBe(bytes);
        }
    }

    [Fact]
    public void WritingIsDeterministicAndIndependentOfStreamOrder()
    {
        var bin = RandomPrograms.Program(new Random(6));
        var shuffled = bin with
        {
            Streams = bin.Streams.Reverse().ToList(),
            Debug = bin.Debug.Reverse().ToList(),
        };
        PimBinaryWriter.Write(shuffled).ShouldBe(PimBinaryWriter.Write(bin));
    }

    [Fact]
    public void OneSectionCanBeDisassembledAlone()
    {
        var bin = RandomPrograms.Program(new Random(8));
        var core = bin.Cores.First(c => c.Instructions.Count > 0);
        var text = Disassembler.Disassemble(bin, $"core{core.Core}");
        text.ShouldStartWith($"\n.core {core.Core}\n");
        text.ShouldNotContain(".channel");
        text.ShouldNotContain(".target");
        Should.Throw<Pimcc.Diagnostics.PimccError>(() => Disassembler.Disassemble(bin, "core99"))
            .Code.ShouldBe(Pimcc.Diagnostics.ExitCode.Usage);
    }
}
