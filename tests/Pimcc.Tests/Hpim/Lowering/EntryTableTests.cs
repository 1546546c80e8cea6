using System.Buffers.Binary;
using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;

namespace Pimcc.Tests.Hpim.Lowering;

/// <summary>The container's entry table (format 1.1): named prefill/decode programs per stream.</summary>
public class EntryTableTests
{
    private static PimBinary Sample(bool withEntries)
    {
        var core = new CoreStream(0, [SramIsa.Table.Make("nop"), SramIsa.Table.Make("halt"), SramIsa.Table.Make("halt")]);
        var chan = new ChannelStream(1, [HbmCommandSet.Table.Make("res.clr", 0), HbmCommandSet.Table.Make("sig", 3, 1)]);
        if (withEntries)
        {
            core = core with { Entries = [new("prefill", 0), new("decode", 2)] };
            chan = chan with { Entries = [new("decode", 1), new("prefill", 0)] };
        }
        return HpimBinary.Create(new TargetBlob("hpim", "{}"u8.ToArray()), [core, new CoreStream(2, [SramIsa.Table.Make("halt")])], [chan], [], []);
    }

    [Fact]
    public void EntriesRoundTripThroughTheContainerInCanonicalOrder()
    {
        var bytes = PimBinaryWriter.Write(Sample(true));
        BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(10)).ShouldBe((ushort)1); // no memory image: written as 1.1
        var bin = PimBinaryReader.Read(bytes, "e.bin");
        bin.Core(0)!.Entries.ShouldBe([new StreamEntry("prefill", 0), new StreamEntry("decode", 2)]);
        bin.Channel(1)!.Entries.ShouldBe([new StreamEntry("prefill", 0), new StreamEntry("decode", 1)]);
        bin.Channel(1)!.EntryWord("decode").ShouldBe(1);
        bin.Core(2)!.Entries.ShouldBeEmpty();
        PimBinaryWriter.Write(bin).ShouldBe(bytes);
    }

    [Fact]
    public void EntriesSurviveDisassemblyAndReassembly()
    {
        var bytes = PimBinaryWriter.Write(Sample(true));
        var text = Disassembler.Disassemble(PimBinaryReader.Read(bytes, "e.bin"));
        text.ShouldContain(".entry decode\n");
        PimBinaryWriter.Write(Assembler.Assemble(text, "e.pasm")).ShouldBe(bytes);
    }

    [Fact]
    public void AnEntryAtTheEndOfAStreamAndTwoAtOneWordAreAllowed()
    {
        var text = ".target \"hpim\"\n.target_json \"e30=\"\n.channel 0\n.entry prefill\n.entry decode\n.core 0\n    halt\n.entry tail\n";
        var bin = Assembler.Assemble(text, "t.pasm");
        bin.Channel(0)!.Entries.ShouldBe([new StreamEntry("decode", 0), new StreamEntry("prefill", 0)]);
        bin.Core(0)!.EntryWord("tail").ShouldBe(1);
        var bytes = PimBinaryWriter.Write(bin);
        PimBinaryWriter.Write(Assembler.Assemble(Disassembler.Disassemble(PimBinaryReader.Read(bytes, "t.bin")), "u.pasm")).ShouldBe(bytes);
    }

    [Fact]
    public void AFileOfTheOlderMinorVersionWithoutEntriesIsAccepted()
    {
        var bytes = PimBinaryWriter.Write(Sample(false));
        bytes.Length.ShouldBeLessThan(PimBinaryWriter.Write(Sample(true)).Length); // no entry section written
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), 0);
        PimBinaryWriter.Reseal(bytes);
        var bin = PimBinaryReader.Read(bytes, "old.bin");
        bin.Core(0)!.Entries.ShouldBeEmpty();
        bin.Core(0)!.Instructions.Count.ShouldBe(3);
    }

    [Fact]
    public void AnEntryTableInAFileOfTheOlderMinorVersionIsRejected()
    {
        var bytes = PimBinaryWriter.Write(Sample(true));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), 0);
        PimBinaryWriter.Reseal(bytes);
        Should.Throw<PimccError>(() => PimBinaryReader.Read(bytes, "old.bin")).Code.ShouldBe(ExitCode.InvalidBinary);
    }

    [Fact]
    public void ANewerMinorVersionIsRejected()
    {
        var bytes = PimBinaryWriter.Write(Sample(true));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), PimBinary.MinorVersion + 1);
        PimBinaryWriter.Reseal(bytes);
        Should.Throw<PimccError>(() => PimBinaryReader.Read(bytes, "new.bin")).Code.ShouldBe(ExitCode.UnsupportedBinaryVersion);
    }

    [Theory]
    [InlineData(".channel 0\n    rep count=2, body=2, drow=0, dcol=0, dgcol=0, dladdr=0, dsaddr=0\n    res.clr pc=0\n.entry decode\n    res.clr pc=1\n", "inside a repeated body")]
    [InlineData(".core 0\n.entry decode\n    halt\n.entry decode\n", "repeated")]
    public void BadEntriesAreDiagnosed(string body, string message)
    {
        var e = Should.Throw<PimccError>(() => Assembler.Assemble(".target \"hpim\"\n.target_json \"e30=\"\n" + body, "bad.pasm"));
        e.Code.ShouldBe(ExitCode.MalformedInput);
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void TheWriterRejectsAnEntryOutsideItsStream()
    {
        var bin = Sample(true);
        var bad = bin.WithStreams([bin.Cores[0] with { Entries = [new("decode", 9)] }], bin.Channels);
        Should.Throw<PimccError>(() => PimBinaryWriter.Write(bad)).Code.ShouldBe(ExitCode.InvalidBinary);
    }
}
