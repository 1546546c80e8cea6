using Pimcc.Tests.Isa;
using Pimcc.Tests.Meta;
using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Targets;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>hyflexpim's ISA tables, generated reference and binary contract (issue 12 back half): encodings against
/// hand computation from the formats, assembler/disassembler round trips, and what the description does not have refused.</summary>
public class HyflexpimIsaTests
{
    private const string Header = ".target \"hyflexpim\"\n";

    [Fact]
    public void GeneratedReferenceIsUpToDate() =>
        GeneratedDoc.ShouldBeUpToDate("hyflexpim-isa.md", HyflexpimIsaReference.Markdown(), HyflexpimIsaReference.RegenerateHint);

    // Words by hand from HyflexpimFormats (opcode [63:56], slots MSB first):
    //   ag.gemv: module u5 [55:51], first u9 [50:42], last u9 [41:33], src u16 [32:17], dst u16 [16:1], acc [0] (acc = 1)
    //     0x12<<56 | 23<<51 | 500<<42 | 511<<33 | 0x1234<<17 | 0xABCD<<1 | 1 = 0x12BFD3FE2469579B
    //   ag.shape: in count16 [55:40], out count18 [39:22], bits count4 [21:18], tokens count14 [17:4], reserved [3:0]
    //     0x10<<56 | 768<<40 | 50257<<22 | 8<<18 | 1024<<4 = 0x1003003114604000
    //   noc.send: pu u12 [55:44], src u16 [43:28], dst u16 [27:12], len count12 [11:0]
    //     0x41<<56 | 25<<44 | 4<<28 | 0<<12 | 2 = 0x4101900040000002
    //   dg.qk: dst u16 [55:40], q u16 [39:24], k u22 [23:2], reserved [1:0]
    //     0x21<<56 | 8<<40 | 4<<24 | 65536<<2 = 0x2100080004040000
    [Theory]
    [InlineData(".hfp_analog 0\n    ag.gemv module=23, first=500, last=511, src=0x1234, dst=0xABCD, acc=acc\n", 0x12BFD3FE2469579BUL)]
    [InlineData(".hfp_analog 3\n    ag.shape in=768, out=50257, bits=8, tokens=1024\n", 0x1003003114604000UL)]
    [InlineData(".hfp_link 24\n    noc.send pu=25, src=4, dst=0, len=2\n", 0x4101900040000002UL)]
    [InlineData(".hfp_digital 0\n    dg.qk dst=8, q=4, k=65536\n", 0x2100080004040000UL)]
    public void WordsAreEncodedAsTheFormatsSay(string body, ulong word)
    {
        Assembler.Assemble(Header + body, "t.pasm").Streams.Single().Words.Count.ShouldBe(1);
        AssembledWord.ShouldEncodeAs(Header + body, word);
    }

    [Fact]
    public void TheDocumentedExampleRoundTripsThroughTheBinary()
    {
        var bin = Assembler.Assemble(Header + HyflexpimIsaReference.Example, "example.pasm");
        bin.SfuStreams.Single().Instructions.Count.ShouldBe(3);
        bin.AnalogStreams.Single().Instructions.Count.ShouldBe(5);
        bin.DigitalStreams.Single().Instructions.Count.ShouldBe(3);
        bin.LinkStreams.Single().Pu.ShouldBe(0);
        var bytes = PimBinaryWriter.Write(bin);
        var read = PimBinaryReader.Read(bytes, "example.bin");
        read.Streams.Select(s => s.Kind.Section).ShouldBe([(ushort)40, (ushort)41, (ushort)42, (ushort)43]);
        var text = Disassembler.Disassemble(read);
        text.ShouldContain("ag.split slc=16, axis=out, tile=0");
        text.ShouldContain(".hfp_link 0");
        PimBinaryWriter.Write(Assembler.Assemble(text, "again.pasm")).ShouldBe(bytes);
    }

    [Fact]
    public void AsmAndDisasmWorkOnHyflexpimBinariesFromTheCommandLine()
    {
        var dir = CliRunner.TempDir();
        string pasm = Path.Combine(dir, "p.pasm"), bin = Path.Combine(dir, "p.bin");
        File.WriteAllText(pasm, Header +
            ".region \"kv\", kv_cache, hfp_buf, pu=0, addr=4194304, size=2048\n" +
            ".region \"w\", weight, hfp_xbar, pu=0, module=0, array=0, size=2048\n" + HyflexpimIsaReference.Example);
        var asm = CliRunner.Run("asm", pasm, "-o", bin);
        asm.ExitCode.ShouldBe(0, asm.Err);
        var r = CliRunner.Run("disasm", bin);
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("ag.gemv module=0, first=0, last=1, src=0, dst=4, acc=set");
        r.Out.ShouldContain("hfp_buf, pu=0, addr=4194304, size=2048");
        r.Out.ShouldContain("hfp_xbar, pu=0, module=0, array=0, size=2048");
    }

    // hyflexpim.json: 8 chips of 24 PUs (PUs 0-191), 24 analog modules of 512 arrays per PU, 8-bit inputs, a buffer of
    // 8 digital modules x 256 arrays x 128 KiB = 256 MiB per PU; an array is 64 x 128 cells = 1,024 bytes at one bit.
    [Theory]
    [InlineData(".hfp_analog 192\n    ag.shape in=1, out=1, bits=8, tokens=1\n", "section hfp_analog192 does not exist")]
    [InlineData(".hfp_analog 0\n    ag.gemv module=24, first=0, last=0, src=0, dst=0, acc=set\n", "reads arrays 0-0 of analog module 24")]
    [InlineData(".hfp_analog 0\n    ag.gemv module=0, first=5, last=4, src=0, dst=0, acc=set\n", "reads arrays 5-4 of analog module 0")]
    [InlineData(".hfp_analog 0\n    ag.shape in=64, out=16, bits=9, tokens=1\n", "applies 9-bit inputs")]
    [InlineData(".hfp_link 0\n    noc.send pu=24, src=0, dst=0, len=1\n", "sends from chip 0 to PU 24 on chip 1")]
    [InlineData(".hfp_link 23\n    pcie.send pu=0, src=0, dst=0, len=1\n", "sends to PU 0 on its own chip 0")]
    [InlineData(".hfp_link 0\n    pcie.send pu=192, src=0, dst=0, len=1\n", "sends to PU 192")]
    [InlineData(".region \"x\", activation, hfp_buf, pu=0, addr=268435440, size=17\n", "bytes 268435440-268435456) is outside the target's hfp_buf memory")]
    [InlineData(".region \"w\", weight, hfp_xbar, pu=0, module=23, array=511, size=2049\n", "bytes 25163776-25165824) is outside the target's hfp_xbar memory")]
    [InlineData(".region \"w\", weight, hfp_xbar, pu=0, module=24, array=0, size=1\n", "bytes -1--1) is outside the target's hfp_xbar memory")]
    [InlineData(".region \"w\", weight, hfp_buf, pu=192, addr=0, size=1\n", "region \"w\" is on pu 192")]
    public void WhatTheTargetDoesNotHaveIsRefused(string body, string message)
    {
        var e = Should.Throw<PimccError>(() => Assembler.Assemble(Header + body, "t.pasm"));
        e.Code.ShouldBe(ExitCode.MalformedInput);
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void TheLastPuArrayAndBufferByteAreAccepted()
    {
        var bin = Assembler.Assemble(Header +
            ".region \"x\", activation, hfp_buf, pu=191, addr=268435440, size=16\n" +
            ".region \"w\", weight, hfp_xbar, pu=191, module=23, array=511, size=1024\n" +
            ".hfp_analog 191\n    ag.gemv module=23, first=500, last=511, src=0, dst=0, acc=set\n" +
            ".hfp_link 191\n    pcie.send pu=0, src=0, dst=0, len=1\n", "t.pasm");
        bin.AnalogStreams.Single().Pu.ShouldBe(191);
    }

    [Fact]
    public void KvOperandsOutsideASmallerBufferAreRefused()
    {
        // 128 digital arrays: a PU buffer of 8 x 128 x 128 KiB = 128 MiB = 2^19 units of 256 bytes.
        var small = TargetLoader.LoadPreset<HyflexpimTarget>("hyflexpim", ["digital.arrays=128"]);
        var contract = new HyflexpimBinaryContract();
        var body = ".hfp_digital 0\n    dg.shape dim=64, rows=1, queries=1, heads=1, groups=1\n    dg.kvw dst=524288, src=0, rows=1\n";
        var e = Should.Throw<PimccError>(() => contract.Check(small, Assembler.Assemble(Header + body, "t.pasm"), "t.bin", ExitCode.MalformedInput));
        e.Message.ShouldContain("addresses buffer bytes from 134217728");
        contract.Check(small, Assembler.Assemble(Header + body.Replace("524288", "524287"), "t.pasm"), "t.bin", ExitCode.MalformedInput);
    }

    [Fact]
    public void StreamKindsAndSpacesAreClearOfOtherTargetsAndTheTablesOpcodesAreDisjoint()
    {
        BinaryContracts.ByName("hfp_analog")!.Section.ShouldBe((ushort)40);
        BinaryContracts.ByTag(43)!.ShouldBe(HyflexpimStreams.Link);
        BinaryContracts.Space("hfp_xbar")!.Tag.ShouldBe((byte)41);
        BinaryContracts.Of(HyflexpimStreams.Sfu).Kind.ShouldBe("hyflexpim");
        var own = HyflexpimIsa.Tables.SelectMany(t => t.Rows.Where(r => r.Hyflexpim.Unit != HyflexpimUnit.Sync)).Select(r => r.Opcode).ToList();
        own.Distinct().Count().ShouldBe(own.Count);
        foreach (var t in HyflexpimIsa.Tables)
            t.Rows.Where(r => r.Hyflexpim.Unit == HyflexpimUnit.Sync).Select(r => r.Mnemonic).ShouldBe(["ev.sig", "ev.wait"]);
    }
}
