using Pimcc.Tests.Isa;
using Pimcc.Tests.Meta;
using Pimcc.Diagnostics;
using Pimcc.Gpu.Isa;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Shouldly;
using Xunit;

namespace Pimcc.Tests.Gpu;

/// <summary>The GPU kernel-launch table, its generated reference and binary contract (issue 15): encodings against hand
/// computation from the formats, assembler/disassembler round trips, and malformed streams refused.</summary>
public class GpuIsaTests
{
    private const string Header = ".target \"a100\"\n";

    [Fact]
    public void GeneratedReferenceIsUpToDate() =>
        GeneratedDoc.ShouldBeUpToDate("gpu-isa.md", GpuIsaReference.Markdown(), GpuIsaReference.RegenerateHint);

    // Words by hand from GpuFormats (opcode [63:56], slots MSB first):
    //   k.gemm: m count17 [55:39], n count18 [38:21], k count18 [20:3], op [2:0]
    //     0x20<<56 | 32<<39 | 768<<21 | 768<<3 | 3 (ffn) = 0x2000100060001803
    //   wk.flops: hi u9 [55:47], lo u31 [46:16], perkv u16 [15:0] (hi:lo one 40-bit field)
    //     0x10<<56 | 0x1FF<<47 | 0x7FFFFFFF<<16 | 0xFFFF = 0x10FFFFFFFFFFFFFF (every field at its maximum)
    //   wk.bytes (the same slots): 0x11<<56 | 3<<47 | 5<<16 | 7, i.e. 3 x 2^31 + 5 at [55:16] = 0x1101800000050007
    //   k.softmax: op [55:53]: 0x30<<56 | 1 (attention)<<53 = 0x3020000000000000
    [Theory]
    [InlineData("k.gemm m=32, n=768, k=768, op=ffn", 0x2000100060001803UL)]
    [InlineData("wk.flops hi=511, lo=2147483647, perkv=65535", 0x10FFFFFFFFFFFFFFUL)]
    [InlineData("wk.bytes hi=3, lo=5, perkv=7", 0x1101800000050007UL)]
    [InlineData("k.softmax op=attention", 0x3020000000000000UL)]
    public void WordsAreEncodedAsTheFormatsSay(string text, ulong word) =>
        AssembledWord.ShouldEncodeAs(Header + ".kernels 0\n    " + text + "\n" + (text.StartsWith("wk", StringComparison.Ordinal) ? "    k.elt op=other\n" : ""), word);

    [Fact]
    public void OperatorClassesAreTheSharedReportClassesInOrder()
    {
        // The simulator reads the op operand as a WorkClass: the names and their order must be the report's.
        GpuFormats.OperatorClass.Names.ShouldBe(WorkClasses.All.Select(c => WorkClasses.Name(c).Replace('-', '_')).ToList());
        GpuFormats.WorkBase(3, 5).ShouldBe(3L * 2147483648 + 5);
        GpuFormats.SplitWork(3L * 2147483648 + 5).ShouldBe((3L, 5L));
    }

    [Fact]
    public void TheDocumentedExampleRoundTripsThroughTheBinary()
    {
        var bin = Assembler.Assemble(Header + GpuIsaReference.Example, "example.pasm");
        bin.KernelStream!.Instructions.Count.ShouldBe(7);
        var bytes = PimBinaryWriter.Write(bin);
        var read = PimBinaryReader.Read(bytes, "example.bin");
        read.Streams.Single().Kind.Section.ShouldBe((ushort)48);
        var text = Disassembler.Disassemble(read);
        text.ShouldContain("k.gemm m=32, n=768, k=768, op=qkv_generation");
        PimBinaryWriter.Write(Assembler.Assemble(text, "again.pasm")).ShouldBe(bytes);
    }

    [Theory]
    [InlineData(".kernels 1\n    k.elt op=other\n", "section kernels1 does not exist")]
    [InlineData(".kernels 0\n    k.elt op=other\n    wk.bytes hi=0, lo=8, perkv=0\n", "sets the work of a launch that never comes")]
    [InlineData(".kernels 0\n    k.gemm m=0, n=1, k=1, op=ffn\n", "m")]
    public void MalformedStreamsAreRefused(string body, string message)
    {
        var e = Should.Throw<PimccError>(() => Assembler.Assemble(Header + body, "t.pasm"));
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void TheStreamKindIsClearOfTheOtherTargets()
    {
        BinaryContracts.ByName("kernels")!.Section.ShouldBe((ushort)48);
        BinaryContracts.ByTag(48)!.ShouldBe(GpuStreams.Kernels);
        BinaryContracts.Of(GpuStreams.Kernels).Kind.ShouldBe("gpu");
    }
}
