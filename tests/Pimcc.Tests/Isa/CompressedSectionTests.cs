using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;

namespace Pimcc.Tests.Isa;

/// <summary>Compressed stream sections (format 1.5): written when they shrink a large stream, read back exactly,
/// and every corruption of them diagnosed.</summary>
public class CompressedSectionTests
{
    /// <summary>A core stream of <paramref name="words"/> words (4 bytes each) of repeated additions.</summary>
    private static PimBinary Program(int words)
    {
        var sb = new StringBuilder(".target \"hpim\"\n.core 0\n");
        for (var i = 0; i < words - 1; i++) sb.Append(CultureInfoFree($"    addi r1, r1, {i % 7}\n"));
        sb.Append("    halt\n");
        return Assembler.Assemble(sb.ToString(), "c.pasm");
    }

    private static string CultureInfoFree(FormattableString s) => FormattableString.Invariant(s);

    // Section table entry i: kind at +0, flags at +2, offset at +8, length at +16 (docs/binary-format.md).
    private static (int Entry, int Offset, int Length) Section(byte[] file, int i)
    {
        var e = 24 + 24 * i;
        return (e, (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(e + 8)), (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(e + 16)));
    }

    [Fact]
    public void ALargeStreamIsStoredCompressedAndReadsBackToTheSameWords()
    {
        var bin = Program(4096);
        var bytes = PimBinaryWriter.Write(bin);
        BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10)).ShouldBe((ushort)5);
        var (entry, offset, length) = Section(bytes, 1);
        BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(entry + 2)).ShouldBe((ushort)1);
        length.ShouldBeLessThan(4096 * 4 / 4);
        // The stored payload is varuint(raw length) + zlib: inflating it by hand gives the 16 KiB of words.
        var stored = bytes.AsSpan(offset, length).ToArray();
        stored[0].ShouldBe((byte)0x80);   // 16384 = varuint 0x80 0x80 0x01
        stored[1].ShouldBe((byte)0x80);
        stored[2].ShouldBe((byte)0x01);
        using var z = new ZLibStream(new MemoryStream(stored, 3, stored.Length - 3), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        raw.Length.ShouldBe(16384);
        var back = PimBinaryReader.Read(bytes, "c.bin");
        back.Streams[0].Words.Select(o => o.ToString()).ShouldBe(bin.Streams[0].Words.Select(o => o.ToString()));
        PimBinaryWriter.Write(back).ShouldBe(bytes);
    }

    [Fact]
    public void ASmallStreamStaysUncompressedAndKeepsItsOlderMinorVersion()
    {
        var bytes = PimBinaryWriter.Write(Program(16));
        BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10)).ShouldBe((ushort)1);
        BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(Section(bytes, 1).Entry + 2)).ShouldBe((ushort)0);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("length")]
    [InlineData("flag-in-1.4")]
    [InlineData("unknown-flag")]
    [InlineData("1.5-without-compression")]
    public void CorruptCompressedSectionsAreInvalidBinaries(string corruption)
    {
        var bytes = PimBinaryWriter.Write(Program(4096));
        var (entry, offset, length) = Section(bytes, 1);
        switch (corruption)
        {
            case "garbage": bytes[offset + length / 2] ^= 0x5A; bytes[offset + length / 2 + 1] ^= 0xA5; break;
            case "length": bytes[offset + 2] = 0x02; break;                       // declares 32768 bytes, holds 16384
            case "flag-in-1.4": BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), 4); break;
            case "unknown-flag": BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(entry + 2), 3); break;
            case "1.5-without-compression":
                bytes = PimBinaryWriter.Write(Program(16));
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), 5);
                break;
        }
        PimBinaryWriter.Reseal(bytes);
        var e = Should.Throw<PimccError>(() => PimBinaryReader.Read(bytes, "c.bin"));
        e.Code.ShouldBe(ExitCode.InvalidBinary);
    }
}
