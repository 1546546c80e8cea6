using Pimcc.Tests.Isa;
using Pimcc.Tests.Meta;
using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Pimllm.Isa;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Pimllm;

/// <summary>pimllm's ISA tables, generated reference and binary contract (issue 13 phase 2): encodings against hand
/// computation from the formats, assembler/disassembler round trips, and what the description does not have refused.</summary>
public class PimllmIsaTests
{
    private const string Header = ".target \"pimllm\"\n";

    [Fact]
    public void GeneratedReferenceIsUpToDate() =>
        GeneratedDoc.ShouldBeUpToDate("pimllm-isa.md", PimllmIsaReference.Markdown(), PimllmIsaReference.RegenerateHint);

    // Words by hand from PimllmFormats (opcode [63:56], slots MSB first):
    //   xb.mvm: xbar u18 [55:38], tiles count10 [37:28], rows count9 [27:19], src u17 [18:2], acc [1], reserved [0]
    //     0x10<<56 | 5<<38 | 3<<28 | 256<<19 | 2<<2 | 1<<1 = 0x100001403800000A
    //   dma.ld: sram u17 [55:39], lpddr u25 [38:14], len count14 [13:0]
    //     0x60<<56 | 256<<39 | 0x1ABCDE<<14 | 32 = 0x60008006AF378020
    //   sa.shape: m count6 [55:50], n count6 [49:44], k count20 [43:24]
    //     0x40<<56 | 32<<50 | 32<<44 | 4096<<24 = 0x4082001000000000
    //   sa.mshape: m count13 [55:43], n count20 [42:23], k count20 [22:3], span [2:0] (cache_n = 3)
    //     0x42<<56 | 32<<43 | 4096<<23 | 64<<3 | 3 = 0x4201000800000203
    //   pp.len: len count24 [55:32], group count9 [31:23], stride u16 [22:7]
    //     0x20<<56 | 64<<32 | 1<<23 | 768<<7 = 0x2000004000818000
    [Theory]
    [InlineData(".xbar 0\n    xb.mvm xbar=5, tiles=3, rows=256, src=2, acc=acc\n", 0x100001403800000AUL)]
    [InlineData(".lpddr_dma 3\n    dma.ld sram=256, lpddr=0x1ABCDE, len=32\n", 0x60008006AF378020UL)]
    [InlineData(".systolic 0\n    sa.shape m=32, n=32, k=4096\n", 0x4082001000000000UL)]
    [InlineData(".systolic 0\n    sa.mshape m=32, n=4096, k=64, span=cache_n\n", 0x4201000800000203UL)]
    [InlineData(".xbar 0\n    pp.len len=64, group=1, stride=768\n", 0x2000004000818000UL)]
    // pp.srcoff / sa.aoff: bytes u6 [55:50]: 0x29<<56 | 32<<50 = 0x2980000000000000, 0x45<<56 | 16<<50 = 0x4540000000000000
    [InlineData(".xbar 0\n    pp.srcoff bytes=32\n", 0x2980000000000000UL)]
    [InlineData(".systolic 0\n    sa.aoff bytes=16\n", 0x4540000000000000UL)]
    public void WordsAreEncodedAsTheFormatsSay(string body, ulong word)
    {
        Assembler.Assemble(Header + body, "t.pasm").Streams.Single().Words.Count.ShouldBe(1);
        AssembledWord.ShouldEncodeAs(Header + body, word);
    }

    [Fact]
    public void TheDocumentedExampleRoundTripsThroughTheBinary()
    {
        var bin = Assembler.Assemble(Header + PimllmIsaReference.Example, "example.pasm");
        bin.CrossbarStream!.Instructions.Count.ShouldBe(8);
        bin.SystolicStream!.Instructions.Count.ShouldBe(3);
        bin.DmaStreams.Single().Channel.ShouldBe(0);
        var bytes = PimBinaryWriter.Write(bin);
        var read = PimBinaryReader.Read(bytes, "example.bin");
        read.Streams.Select(s => s.Kind.Section).ShouldBe([(ushort)32, (ushort)33, (ushort)34]);
        var text = Disassembler.Disassemble(read);
        text.ShouldContain("xb.mvm xbar=12, tiles=4, rows=256, src=12, acc=acc");
        text.ShouldContain(".lpddr_dma 0");
        PimBinaryWriter.Write(Assembler.Assemble(text, "again.pasm")).ShouldBe(bytes);
    }

    [Fact]
    public void AsmAndDisasmWorkOnPimllmBinariesFromTheCommandLine()
    {
        var dir = CliRunner.TempDir();
        string pasm = Path.Combine(dir, "p.pasm"), bin = Path.Combine(dir, "p.bin");
        File.WriteAllText(pasm, Header + ".region \"kv\", kv_cache, lpddr, channel=3, addr=4096, size=2048\n" + PimllmIsaReference.Example);
        CliRunner.Run("asm", pasm, "-o", bin).ExitCode.ShouldBe(0);
        var r = CliRunner.Run("disasm", bin);
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("sa.gemm c=128, a=64, b=256, wt=i8, acc=set");
        r.Out.ShouldContain("lpddr, channel=3, addr=4096, size=2048");
    }

    // pimllm.json: 131,072 crossbars of 256 rows, a 32 x 32 array, 8 MiB SRAM, 4 LPDDR channels of 16 Gbit (2 GiB).
    [Theory]
    [InlineData("pimllm", ".xbar 0\n    xb.mvm xbar=131070, tiles=3, rows=256, src=0, acc=set\n", "reads crossbars 131070-131072")]
    [InlineData("pimllm", ".xbar 0\n    xb.mvm xbar=0, tiles=1, rows=257, src=0, acc=set\n", "with 257 rows")]
    [InlineData("pimllm", ".xbar 1\n    pp.len len=1, group=1, stride=0\n", "section xbar1 does not exist")]
    [InlineData("pimllm", ".systolic 0\n    sa.shape m=33, n=32, k=1\n", "a 33 x 32 output tile")]
    [InlineData("pimllm", ".systolic 1\n    sa.shape m=1, n=1, k=1\n", "section systolic1 does not exist")]
    [InlineData("pimllm", ".lpddr_dma 4\n    dma.ld sram=0, lpddr=0, len=1\n", "section lpddr_dma4 does not exist")]
    [InlineData("pimllm", ".lpddr_dma 0\n    dma.st sram=0, lpddr=33554431, len=2\n", "transfers LPDDR bytes 2147483584-2147483711")]
    [InlineData("pimllm", ".region \"x\", activation, sram, chip=0, addr=8388600, size=16\n", "bytes 8388600-8388615) is outside the target's sram memory")]
    [InlineData("pimllm", ".region \"w\", weight, lpddr, channel=4, addr=0, size=64\n", "region \"w\" is on channel 4")]
    [InlineData("pimllm", ".region \"w\", weight, lpddr, channel=3, addr=2147483584, size=65\n", "bytes 2147483584-2147483648) is outside the target's lpddr memory")]
    [InlineData("tpu-llm", ".xbar 0\n    xb.mvm xbar=0, tiles=1, rows=1, src=0, acc=set\n", "reads crossbars 0-0")]
    [InlineData("pimllm", ".lpddr_dma 0\n    dma.ldc sram=0, table=33554431, len=2\n", "whose first row ends past the channel")]
    public void WhatTheTargetDoesNotHaveIsRefused(string target, string body, string message)
    {
        var e = Should.Throw<PimccError>(() => Assembler.Assemble($".target \"{target}\"\n" + body, "t.pasm"));
        e.Code.ShouldBe(ExitCode.MalformedInput);
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void TheLastCrossbarChannelAndSramByteAreAccepted()
    {
        var bin = Assembler.Assemble(Header +
            ".region \"x\", activation, sram, chip=0, addr=8388592, size=16\n" + // 8 MiB = 8,388,608 bytes
            ".region \"w\", weight, lpddr, channel=3, addr=2147483584, size=64\n" +
            ".xbar 0\n    xb.mvm xbar=131069, tiles=3, rows=256, src=0, acc=set\n" +
            ".lpddr_dma 3\n    dma.ld sram=0, lpddr=33554431, len=1\n", "t.pasm");
        bin.DmaStreams.Single().Channel.ShouldBe(3);
    }

    [Fact]
    public void StreamKindsAndSpacesAreClearOfHpimsAndTheTablesOpcodesAreDisjoint()
    {
        BinaryContracts.ByName("xbar")!.Section.ShouldBe((ushort)32);
        BinaryContracts.ByTag(34)!.ShouldBe(PimllmStreams.Dma);
        BinaryContracts.Space("lpddr")!.Tag.ShouldBe((byte)33);
        BinaryContracts.Of(PimllmStreams.Systolic).Kind.ShouldBe("pimllm");
        var own = PimllmIsa.Tables.SelectMany(t => t.Rows.Where(r => r.Pimllm.Unit is not (PimllmUnit.Sync or PimllmUnit.Sequencer))).Select(r => r.Opcode).ToList();
        own.Distinct().Count().ShouldBe(own.Count);
        foreach (var t in PimllmIsa.Tables)
        {
            t.Rows.Where(r => r.Pimllm.Unit == PimllmUnit.Sync).Select(r => r.Mnemonic).ShouldBe(["ev.sig", "ev.wait"]);
            t.Rows.Where(r => r.Pimllm.Unit == PimllmUnit.Sequencer).Select(r => r.Mnemonic).ShouldBe(["rep"]);
        }
    }
}
