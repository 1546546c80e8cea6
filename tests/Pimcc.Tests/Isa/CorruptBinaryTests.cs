using System.Buffers.Binary;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Sram;
using Xunit.Abstractions;

namespace Pimcc.Tests.Isa;

public class CorruptBinaryTests(ITestOutputHelper output)
{
    private static byte[] Valid()
    {
        var t = SramIsa.Table;
        var core = new CoreStream(0, [t.Make("li.lo", 1, 16), t.Make("vexp", 2, 3, 1, 0), t.Make("loop", 1, -1), t.Make("halt")]);
        var bin = HpimBinary.Create(new TargetBlob("hpim", "{\"name\":\"hpim\"}"u8.ToArray()), [core], [],
            [new MemoryRegion("x", RegionKind.Activation, new LocalPlacement(0, 0), 32)],
            [new DebugRange(HpimStreams.Core, 0, 0, 4, 1, "softmax")]);
        return PimBinaryWriter.Write(bin);
    }

    /// <summary>Offset of core 0's first word: header, 4 section entries, then the target payload.</summary>
    private static int CoreWordOffset(byte[] file) =>
        (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(24 + 24 + 8));

    private static ExitCode CodeOf(byte[] file)
    {
        var e = Should.Throw<PimccError>(() => PimBinaryReader.Read(file, "bad.bin"));
        e.OneLine.ShouldNotContain("\n");
        e.OneLine.ShouldStartWith("bad.bin");
        return e.Code;
    }

    [Fact]
    public void TheValidFileReads() => PimBinaryReader.Read(Valid(), "ok.bin").Cores.Single().Instructions.Count.ShouldBe(4);

    [Fact]
    public void BadMagic()
    {
        var f = Valid();
        f[0] = (byte)'X';
        CodeOf(f).ShouldBe(ExitCode.BadMagic);
        CodeOf([]).ShouldBe(ExitCode.BadMagic);
    }

    [Fact]
    public void UnknownVersion()
    {
        var f = Valid();
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(8), 2);
        CodeOf(f).ShouldBe(ExitCode.UnsupportedBinaryVersion);
    }

    [Fact]
    public void TruncatedSection()
    {
        var f = Valid();
        CodeOf(f[..^3]).ShouldBe(ExitCode.TruncatedSection);
        CodeOf(f[..30]).ShouldBe(ExitCode.TruncatedSection);
    }

    [Fact]
    public void ChecksumMismatch()
    {
        var f = Valid();
        f[CoreWordOffset(f)] ^= 1;
        CodeOf(f).ShouldBe(ExitCode.ChecksumMismatch);
    }

    [Fact]
    public void UnknownOpcode()
    {
        var f = Valid();
        f[CoreWordOffset(f) + 3] = 0xC7; // top byte of word 0: an opcode reserved for another target
        PimBinaryWriter.Reseal(f);
        CodeOf(f).ShouldBe(ExitCode.UnknownOpcode);
    }

    [Fact]
    public void OutOfRangeOperand()
    {
        var f = Valid();
        var w = BinaryPrimitives.ReadUInt32LittleEndian(f.AsSpan(CoreWordOffset(f) + 4));
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(CoreWordOffset(f) + 4), w | (3u << 7)); // vexp dtype code 3 is unassigned
        PimBinaryWriter.Reseal(f);
        CodeOf(f).ShouldBe(ExitCode.OperandOutOfRange);
    }

    [Fact]
    public void OfTwoCorruptStreamsTheOneFirstInSectionOrderIsReported()
    {
        // the failure reported is the one a reading in section order meets first
        var t = SramIsa.Table;
        var cores = Enumerable.Range(0, 2).Select(c => new CoreStream(c, [t.Make("li.lo", 1, 16), t.Make("vexp", 2, 3, 1, 0), t.Make("halt")])).ToList();
        var file = PimBinaryWriter.Write(HpimBinary.Create(new TargetBlob("hpim", "{\"name\":\"hpim\"}"u8.ToArray()), cores, [], [], []));
        int Words(int core) => (int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(24 + 24 * (1 + core) + 8));
        var second = (byte[])file.Clone();
        second[Words(1) + 3] = 0xC7;                                       // core 1, word 0: an opcode of no table here
        PimBinaryWriter.Reseal(second);
        CodeOf(second).ShouldBe(ExitCode.UnknownOpcode);
        var both = (byte[])second.Clone();
        var w = BinaryPrimitives.ReadUInt32LittleEndian(both.AsSpan(Words(0) + 4));
        BinaryPrimitives.WriteUInt32LittleEndian(both.AsSpan(Words(0) + 4), w | (3u << 7)); // core 0, vexp: dtype code 3 is unassigned
        PimBinaryWriter.Reseal(both);
        var e = Should.Throw<PimccError>(() => PimBinaryReader.Read(both, "bad.bin"));
        e.Code.ShouldBe(ExitCode.OperandOutOfRange, e.OneLine);
        e.OneLine.ShouldContain("core0", Case.Sensitive, e.OneLine);
    }

    [Fact]
    public void StructurallyInvalid()
    {
        var f = Valid();
        var w = SramIsa.Table.Encode(SramIsa.Table.Make("loop", 1, 100)); // branch far outside the stream
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(CoreWordOffset(f) + 8), (uint)w);
        PimBinaryWriter.Reseal(f);
        CodeOf(f).ShouldBe(ExitCode.InvalidBinary);
    }

    [Fact]
    public void FlippingRandomBytesOnlyEverGivesPimccErrors()
    {
        var rng = new Random(1234);
        var valid = PimBinaryWriter.Write(RandomPrograms.Program(new Random(99)));
        var payloadStart = 24 + 24 * (int)BinaryPrimitives.ReadUInt32LittleEndian(valid.AsSpan(12));
        var codes = new SortedDictionary<ExitCode, int>();
        const int trials = 4000;
        for (var i = 0; i < trials; i++)
        {
            var f = (byte[])valid.Clone();
            // A quarter of the files get their checksums recomputed after mutating section payloads only, so the
            // content checks behind the checksums are reached too.
            var reseal = rng.Next(4) == 0;
            var from = reseal ? payloadStart : 0;
            for (var k = 1 + rng.Next(3); k > 0; k--)
                f[from + rng.Next(f.Length - from)] ^= (byte)(1 + rng.Next(255));
            if (reseal)
                PimBinaryWriter.Reseal(f);
            ExitCode code;
            try
            {
                var bin = PimBinaryReader.Read(f, "fuzz.bin");
                // The reader accepts canonical files only, so whatever it accepts writes back to the same bytes.
                PimBinaryWriter.Write(bin).ShouldBe(f);
                code = ExitCode.Success;
            }
            catch (PimccError e)
            {
                code = e.Code;
            }
            codes[code] = codes.GetValueOrDefault(code) + 1;
        }
        output.WriteLine($"{trials} mutated files: " + string.Join(", ", codes.Select(kv => $"{kv.Key}={kv.Value}")));
        codes.Keys.ShouldNotContain(ExitCode.InternalError);
        codes.Count.ShouldBeGreaterThan(3);
    }
}

public class BinaryFileTests
{
    [Fact]
    public void MissingFileIsInputNotFound() =>
        Should.Throw<PimccError>(() => PimBinaryReader.ReadFile(Path.Combine(Path.GetTempPath(), "pimcc-no-such-file.bin")))
            .Code.ShouldBe(ExitCode.InputNotFound);

    [Fact]
    public void WriterRejectsWhatTheReaderWouldReject()
    {
        var t = SramIsa.Table;
        var target = new TargetBlob("hpim", "{}"u8.ToArray());
        Should.Throw<PimccError>(() => PimBinaryWriter.Write(HpimBinary.Create(target, [new CoreStream(0, [t.Make("jmp", 5)])], [], [], [])))
            .Code.ShouldBe(ExitCode.InvalidBinary);
        Should.Throw<PimccError>(() => PimBinaryWriter.Write(HpimBinary.Create(target, [new CoreStream(1, []), new CoreStream(1, [])], [], [], [])))
            .Code.ShouldBe(ExitCode.InvalidBinary);
        Should.Throw<PimccError>(() => PimBinaryWriter.Write(HpimBinary.Create(target, [new CoreStream(0, [t.Make("halt")])], [], [],
            [new DebugRange(HpimStreams.Core, 0, 0, 2, 1, "x")]))).Code.ShouldBe(ExitCode.InvalidBinary);
        Should.Throw<PimccError>(() => PimBinaryWriter.Write(HpimBinary.Create(target, [], [],
            [new MemoryRegion("r", (RegionKind)9, new LocalPlacement(0, 0), 1)], []))).Code.ShouldBe(ExitCode.InvalidBinary);
    }

    [Fact]
    public void OfManyBadStreamsTheWriterReportsTheFirstInFileOrder()
    {
        // Streams are encoded side by side; whichever finishes first, the error names the first bad one in file order
        // (streams given out of order: the file orders them by index).
        var t = SramIsa.Table;
        var good = Enumerable.Repeat(t.Make("halt"), 20_000).ToList();
        var streams = Enumerable.Range(0, 16).Reverse()
            .Select(i => new CoreStream(i, i is 5 or 9 or 15 ? [t.Make("jmp", 3 + i)] : good)).ToList();
        var e = Should.Throw<PimccError>(() => PimBinaryWriter.Write(HpimBinary.Create(new TargetBlob("hpim", "{}"u8.ToArray()), streams, [], [], [])));
        e.Code.ShouldBe(ExitCode.InvalidBinary);
        e.Location.ShouldBe("core5 word 0");
    }
}
