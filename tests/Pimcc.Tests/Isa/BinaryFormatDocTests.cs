using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;

namespace Pimcc.Tests.Isa;

public class BinaryFormatDocTests
{
    [Fact]
    public void TheExampleInBinaryFormatMdAssemblesAndRoundTrips()
    {
        var doc = File.ReadAllText(RepoPaths.Combine("docs", "binary-format.md"));
        var start = doc.IndexOf("```\n.target \"hpim\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        var text = doc[(start + 4)..doc.IndexOf("```", start + 4, StringComparison.Ordinal)];
        var bin = Assembler.Assemble(text, "binary-format.md");
        bin.Core(3)!.Instructions.Count.ShouldBe(9);
        bin.Channel(0)!.Commands.Count.ShouldBe(7);
        var bytes = PimBinaryWriter.Write(bin);
        PimBinaryWriter.Write(Assembler.Assemble(Disassembler.Disassemble(PimBinaryReader.Read(bytes, "x.bin")), "y.pasm")).ShouldBe(bytes);
    }
}
