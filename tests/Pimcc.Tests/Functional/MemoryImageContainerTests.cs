using System.Buffers.Binary;
using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Tests.Sim;

namespace Pimcc.Tests.Functional;

/// <summary>The container's memory-image section (format 1.2, kind 7) and its assembly directives.</summary>
public class MemoryImageContainerTests
{
    private static PimBinary WithImage() => SimPrograms.Assemble(".core 0\n    halt\n") with
    {
        Image =
        [
            new MemoryChunk(HpimSpaces.Hbm, 3, 1 << 20, [1, 2, 3]),
            new MemoryChunk(HpimSpaces.Hbm, 3, (1 << 20) + 10, [4]),
            new MemoryChunk(HpimSpaces.Local, 0, 64, [.. Enumerable.Range(0, 300).Select(i => (byte)i)]),
        ],
    };

    [Fact]
    public void TheImageRoundTripsThroughTheContainerAndTheAssembler()
    {
        var bytes = PimBinaryWriter.Write(WithImage());
        BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10)).ShouldBe((ushort)2);
        var bin = PimBinaryReader.Read(bytes, "img.bin");
        bin.Image.Select(c => (c.Space, c.Index, c.Address, c.Bytes.Length)).ShouldBe([(HpimSpaces.Hbm, 3, 1L << 20, 3), (HpimSpaces.Hbm, 3, (1L << 20) + 10, 1), (HpimSpaces.Local, 0, 64L, 300)]);
        bin.Image[2].Bytes[299].ShouldBe((byte)43);
        PimBinaryWriter.Write(bin).ShouldBe(bytes);
        var text = Disassembler.Disassemble(bin);
        text.ShouldContain(".image hbm, index=3, addr=1048576, size=3");
        PimBinaryWriter.Write(Assembler.Assemble(text, "img.pasm")).ShouldBe(bytes);
    }

    [Fact]
    public void FilesWithoutAnImageStayFormat11()
    {
        var bytes = PimBinaryWriter.Write(SimPrograms.Assemble(".core 0\n    halt\n"));
        BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10)).ShouldBe((ushort)1);
        PimBinaryReader.Read(bytes, "old.bin").Image.ShouldBeEmpty();
    }

    [Fact]
    public void AnImageSectionInAFormat11FileIsRejected()
    {
        var bytes = PimBinaryWriter.Write(WithImage());
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), 1);
        PimBinaryWriter.Reseal(bytes);
        Should.Throw<PimccError>(() => PimBinaryReader.Read(bytes, "x.bin")).Code.ShouldBe(ExitCode.InvalidBinary);
    }

    [Fact]
    public void Format12WithoutAnImageIsNotCanonical()
    {
        var bytes = PimBinaryWriter.Write(SimPrograms.Assemble(".core 0\n    halt\n"));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), 2);
        PimBinaryWriter.Reseal(bytes);
        Should.Throw<PimccError>(() => PimBinaryReader.Read(bytes, "x.bin")).Code.ShouldBe(ExitCode.InvalidBinary);
    }

    [Fact]
    public void ACorruptImageByteFailsTheChecksum()
    {
        var bytes = PimBinaryWriter.Write(WithImage());
        bytes[^5] ^= 1;
        Should.Throw<PimccError>(() => PimBinaryReader.Read(bytes, "x.bin")).Code.ShouldBe(ExitCode.ChecksumMismatch);
    }

    [Fact]
    public void OverlappingChunksAreRejected()
    {
        var bin = WithImage() with { Image = [new MemoryChunk(HpimSpaces.Local, 0, 0, [1, 2]), new MemoryChunk(HpimSpaces.Local, 0, 1, [3])] };
        Should.Throw<PimccError>(() => PimBinaryWriter.Write(bin)).Code.ShouldBe(ExitCode.InvalidBinary);
        var text = Disassembler.Disassemble(WithImage()).Replace("size=3", "size=4");
        Should.Throw<PimccError>(() => Assembler.Assemble(text, "x.pasm")).Code.ShouldBe(ExitCode.MalformedInput);
    }

    [Fact]
    public void AChunkWhoseEndOverflowsIsRejected()
    {
        // its end (address + length) wrapped negative and passed the simulators' bounds checks (an internal error)
        var bin = WithImage() with { Image = [new MemoryChunk(HpimSpaces.Local, 0, long.MaxValue - 1, [1, 2])] };
        Should.Throw<PimccError>(() => PimBinaryWriter.Write(bin)).Message.ShouldContain("beyond 2^63 bytes");
        var text = Disassembler.Disassemble(WithImage()).Replace("addr=64,", $"addr={long.MaxValue - 1},");
        Should.Throw<PimccError>(() => Assembler.Assemble(text, "x.pasm")).Code.ShouldBe(ExitCode.MalformedInput);
        Should.NotThrow(() => PimBinaryWriter.Write(WithImage() with { Image = [new MemoryChunk(HpimSpaces.Local, 0, long.MaxValue - 2, [1, 2])] }));
    }
}
