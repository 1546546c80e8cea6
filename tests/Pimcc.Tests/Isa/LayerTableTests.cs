using System.Buffers.Binary;
using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;

namespace Pimcc.Tests.Isa;

/// <summary>The container's layer table (format 1.3): how a program repeats per decoder layer.</summary>
public class LayerTableTests
{
    private const string Header = ".target \"hpim\"\n.target_json \"e30=\"\n";

    // A core with a 3-layer loop in "decode", a channel with 3 unrolled blocks of 2 commands, and one without per-layer words.
    private const string Program = Header + """
        .core 0
        .entry prefill
            halt
        .entry decode
        .layers decode, count=3
            li.lo r26, 3
        L2:
            nop
            loop r26, L2
            halt
        .channel 0
        .entry decode
            wait event=0, count=1
        .layers decode, count=3, stride=2
            res.clr pc=0
            res.clr pc=1
            res.clr pc=0
            res.clr pc=1
            res.clr pc=0
            res.clr pc=1
            sig event=1, count=1
        .channel 1
        .entry decode
        .layers decode, count=3, stride=0
            sig event=1, count=1
        """;

    [Fact]
    public void DeclarationsRoundTripThroughTheContainerAndTheAssembly()
    {
        var bin = Assembler.Assemble(Program, "l.pasm");
        bin.Core(0)!.Layers.ShouldBe([new LayerRepeat("decode", 3, LayerForm.Loop, 1, 0)]);
        bin.Channel(0)!.Layers.ShouldBe([new LayerRepeat("decode", 3, LayerForm.Blocks, 1, 2)]);
        bin.Channel(1)!.Layers.ShouldBe([new LayerRepeat("decode", 3, LayerForm.Blocks, 0, 0)]);
        var bytes = PimBinaryWriter.Write(bin);
        BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10)).ShouldBe((ushort)3);
        var back = PimBinaryReader.Read(bytes, "l.bin");
        back.Channel(0)!.Layers.ShouldBe(bin.Channel(0)!.Layers);
        PimBinaryWriter.Write(back).ShouldBe(bytes);
        var text = Disassembler.Disassemble(back);
        text.ShouldContain(".layers decode, count=3\n    li.lo r26, 3");
        text.ShouldContain(".layers decode, count=3, stride=2\n    res.clr pc=0");
        PimBinaryWriter.Write(Assembler.Assemble(text, "m.pasm")).ShouldBe(bytes);
    }

    [Fact]
    public void AFileWithoutDeclarationsKeepsItsOlderMinorVersion()
    {
        var bin = Assembler.Assemble(Program, "l.pasm");
        var plain = bin with { Streams = [.. bin.Streams.Select(c => c with { Layers = [] })] };
        var bytes = PimBinaryWriter.Write(plain);
        BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10)).ShouldBe((ushort)1);
        PimBinaryReader.Read(bytes, "p.bin").HasLayers.ShouldBeFalse();
    }

    [Fact]
    public void ALayerTableInAnOlderMinorVersionAndA13FileWithoutOneAreRejected()
    {
        var bin = Assembler.Assemble(Program, "l.pasm");
        var bytes = PimBinaryWriter.Write(bin);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), 2);
        PimBinaryWriter.Reseal(bytes);
        Should.Throw<PimccError>(() => PimBinaryReader.Read(bytes, "old.bin")).Code.ShouldBe(ExitCode.InvalidBinary);

        var plain = PimBinaryWriter.Write(bin with { Streams = [.. bin.Streams.Select(c => c with { Layers = [] })] });
        BinaryPrimitives.WriteUInt16LittleEndian(plain.AsSpan(10), 3);
        PimBinaryWriter.Reseal(plain);
        Should.Throw<PimccError>(() => PimBinaryReader.Read(plain, "new.bin")).Message.ShouldContain("layer table");
    }

    [Theory]
    [InlineData(".core 0\n.entry decode\n.layers decode, count=4\n    li.lo r26, 3\n    halt\n", "not a load of the layer count 4")]
    [InlineData(".core 0\n.entry decode\n.layers decode, count=3\n    nop\n    halt\n", "is 'nop'")]
    [InlineData(".core 0\n.entry decode\n    halt\n.layers prefill, count=3\n    li.lo r26, 3\n", "names no entry")]
    [InlineData(".core 0\n.entry decode\n.layers decode, count=3\n.layers decode, count=3\n    li.lo r26, 3\n    halt\n", "two layer declarations")]
    [InlineData(".core 0\n.entry decode\n.layers decode, count=0, stride=1\n    halt\n", "not positive")]
    [InlineData(".channel 0\n.entry decode\n.layers decode, count=3, stride=2\n    res.clr pc=0\n    res.clr pc=1\n    res.clr pc=0\n", "do not fit")]
    [InlineData(".channel 0\n.entry decode\n.layers decode, count=2, stride=2\n    rep count=2, body=2, drow=0, dcol=0, dgcol=0, dladdr=0, dsaddr=0\n    res.clr pc=0\n    res.clr pc=1\n    res.clr pc=0\n", "inside a rep body")]
    [InlineData(".core 0\n.entry prefill\n    halt\n.entry decode\n.layers prefill, count=3\n    li.lo r26, 3\n    halt\n", "outside the program's words [0, 1)")]
    public void BadDeclarationsAreDiagnosed(string body, string message)
    {
        var e = Should.Throw<PimccError>(() => Assembler.Assemble(Header + body, "bad.pasm"));
        e.Code.ShouldBe(ExitCode.MalformedInput);
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void TheWriterRejectsADeclarationThatDoesNotFitItsStream()
    {
        var bin = Assembler.Assemble(Program, "l.pasm");
        var bad = bin.WithStreams([bin.Cores[0] with { Layers = [new LayerRepeat("decode", 3, LayerForm.Loop, 2, 0)] }], bin.Channels);
        Should.Throw<PimccError>(() => PimBinaryWriter.Write(bad)).Code.ShouldBe(ExitCode.InvalidBinary);
    }

    [Fact]
    public void ACorruptLayerTableIsReportedAsInvalid()
    {
        var bytes = PimBinaryWriter.Write(Assembler.Assemble(Program, "l.pasm"));
        var bin = PimBinaryReader.Read(bytes, "l.bin");
        // The layer table is the last section. Its first form byte (core 0's "decode") follows: stream count, kind,
        // index, declaration count, the name (length byte + 6 bytes) and the layer count, one byte each here.
        var form = bytes.Length - LayerPayloadLength(bytes) + 4 + 1 + "decode".Length + 1;
        bytes[form].ShouldBe((byte)LayerForm.Loop);
        bytes[form] = 7;
        PimBinaryWriter.Reseal(bytes);
        var e = Should.Throw<PimccError>(() => PimBinaryReader.Read(bytes, "c.bin"));
        e.Code.ShouldBe(ExitCode.InvalidBinary);
        e.Message.ShouldContain("unknown form 7");
        bin.Core(0)!.Layers.Count.ShouldBe(1);
    }

    private static int LayerPayloadLength(byte[] file)
    {
        var count = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(12));
        var last = file.AsSpan(24 + (int)(count - 1) * 24, 24);
        BinaryPrimitives.ReadUInt16LittleEndian(last).ShouldBe((ushort)SectionKind.LayerTable);
        return (int)BinaryPrimitives.ReadUInt32LittleEndian(last[16..]);
    }
}
