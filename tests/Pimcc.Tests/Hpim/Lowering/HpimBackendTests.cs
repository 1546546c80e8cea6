using Pimcc.Targets;
using System.Diagnostics;
using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Isa.Hbm;
using Pimcc.Tests.Ir;
using Xunit.Abstractions;

namespace Pimcc.Tests.Hpim.Lowering;

public class HpimBackendTests(ITestOutputHelper output)
{
    private static readonly Lazy<PimBinary> Tiny = new(() => HpimBackend.Emit(HpimPassTests.Compile(TinyDecoder.Build()), HpimPassTests.Hpim));

    /// <summary>Approved files live in Approved/ beside this file, named after the stream, whatever the build's path map.</summary>
    private static void ShouldMatchApprovedFile(string text, string name) =>
        text.ShouldMatchApproved(c => c.NoDiff()
            .WithFilenameGenerator((_, _, type, ext) => RepoPaths.Combine("tests", "Pimcc.Tests", "Hpim", "Lowering", "Approved", $"TinyDecoder.{name}.{type}.{ext}")));

    [Theory]
    [InlineData("core0")]
    [InlineData("core17")]
    [InlineData("channel0")]
    [InlineData("channel63")]
    public void DisassembledStreamsOfTheTinyModelMatchTheApprovedFiles(string section) =>
        ShouldMatchApprovedFile(Disassembler.Disassemble(Tiny.Value, section), section);

    [Fact]
    public void EveryStreamHasPrefillAndDecodeEntriesAndCorePrograms()
    {
        var bin = Tiny.Value;
        bin.Cores.Count.ShouldBe(HpimPassTests.Hpim.Sram.Cores);
        bin.Channels.Count.ShouldBe(HpimPassTests.Hpim.Hbm.Organization.Channels);
        foreach (var c in bin.Cores)
        {
            c.Entries.Select(e => e.Name).ShouldBe(["prefill", "decode"]);
            c.Instructions[c.EntryWord("decode")!.Value - 1].Mnemonic.ShouldBe("halt");
            c.Instructions[^1].Mnemonic.ShouldBe("halt");
        }
        foreach (var ch in bin.Channels) ch.Entries.Select(e => e.Name).ShouldBe(["prefill", "decode"]);
        bin.Target.Json.ShouldBe(System.Text.Encoding.UTF8.GetBytes(HpimPassTests.Hpim.CanonicalJson));
    }

    [Fact]
    public void TwoCompilesGiveTheSameBytesAndTheBinaryRoundTrips()
    {
        var a = PimBinaryWriter.Write(HpimBackend.Emit(HpimPassTests.Compile(TinyDecoder.Build()), HpimPassTests.Hpim));
        var b = PimBinaryWriter.Write(HpimBackend.Emit(HpimPassTests.Compile(TinyDecoder.Build()), HpimPassTests.Hpim));
        b.ShouldBe(a);
        PimBinaryWriter.Write(PimBinaryReader.Read(a, "tiny.bin")).ShouldBe(a);
        PimBinaryWriter.Write(Assembler.Assemble(Disassembler.Disassemble(PimBinaryReader.Read(a, "tiny.bin")), "tiny.pasm")).ShouldBe(a);
        output.WriteLine($"tiny model: out.bin {a.Length} bytes");
    }

    [Fact]
    public void EachChannelsDecodeMacsMatchTheTilingOfEveryGemv()
    {
        var m = HpimPassTests.Compile(TinyDecoder.Build());
        var bin = HpimBackend.Emit(m, HpimPassTests.Hpim);
        var t = HpimPassTests.Hpim;
        var org = t.Hbm.Organization;
        var decode = m.FindFunction("decode")!;
        var gemvs = decode.Body.Where(o => o.Opcode == "linear").ToList();
        gemvs.Count.ShouldBe(13);
        foreach (var ch in new[] { 0, 3, 33, 63 })
        {
            var stream = bin.Channel(ch)!;
            foreach (var op in gemvs)
            {
                var range = bin.Debug.Single(d => d.Stream == HpimStreams.Channel && d.StreamIndex == ch && d.IrOpName == op.Id
                                                 && d.First >= stream.EntryWord("decode"));
                var words = stream.Commands.Skip(range.First).Take(range.Count).ToList();
                var macs = HbmRepeat.Expand(words, "t").Count(x => x.Command.Mnemonic == "mac.ab");
                var w = m.FindWeight(op.Operands[1].Name)!;
                var k = w.Type.Shape[1].Constant;
                var features = op.Attrs.StrOr("hpim.tiling", "tp") == "hp"
                    ? op.Attrs.Ints("hpim.channels_per_head").Sum(n => (k / op.Attrs.Ints("hpim.rounds").Sum() + n - 1) / n) // d_k per head / N_ch, per round
                    : op.Attrs.Int("hpim.features_per_channel");
                // every feature row is MACed by its bank: banks x (feature rows per bank) x columns of the input
                var rowsPerBank = (features + org.BanksPerChannel - 1) / org.BanksPerChannel;
                var columns = (k * t.ElementBytes + org.ColumnBytes - 1) / org.ColumnBytes;
                var expected = rowsPerBank * org.PseudoChannelsPerChannel * columns;
                ((long)macs).ShouldBe(expected, $"channel {ch}, {op.Id}");
                HbmRepeat.CountIssued(words).ShouldBeGreaterThanOrEqualTo(macs);
            }
        }
    }

    [Fact]
    public void EveryDecodeOpWithCodeHasADebugRangeOnEveryCore()
    {
        var m = HpimPassTests.Compile(TinyDecoder.Build());
        var bin = HpimBackend.Emit(m, HpimPassTests.Hpim);
        // layer 1 runs in the layer-0 loop body, so its ops map to layer 0's ranges
        var expected = m.FindFunction("decode")!.Body.Where(o => o.Opcode is not ("position_ids" or "last_token") && !o.Id.StartsWith("l1.", StringComparison.Ordinal))
            .Select(o => o.Id).ToList();
        foreach (var core in new[] { 0, 31 })
        {
            var names = bin.Debug.Where(d => d.Stream == HpimStreams.Core && d.StreamIndex == core).Select(d => d.IrOpName).ToHashSet();
            foreach (var id in expected) names.ShouldContain(id, $"core {core}");
        }
        bin.Debug.Where(d => d.Stream == HpimStreams.Channel && d.StreamIndex == 7).Select(d => d.IrOpName)
            .ShouldBe(m.FindFunction("decode")!.Body.Where(o => o.Opcode == "linear").Select(o => o.Id));
    }

    [Fact]
    public void ATargetWithOneChannelPerCoreCompilesAndPassesTheSelfChecks()
    {
        var two = Pimcc.Targets.TargetLoader.LoadPreset<HpimTarget>("hpim", ["hbm.stacks=2"]);
        var bin = HpimBackend.Emit(HpimPassTests.Compile(TinyDecoder.Build(), two), two, out var report);
        bin.Channels.Count.ShouldBe(32);
        report.TimingCheckedChannels.ShouldBe(32);
        bin.Core(5)!.Instructions.Count(i => i.Mnemonic == "ev.sig").ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData(64, 8, 2, true)]     // GQA: 4 query heads per KV head, biases
    [InlineData(40, 40, 3, false)]   // OPT-13B head count: heads > cores, phases of 32 and 8
    public void OtherHeadLayoutsCompileAndPassTheSelfChecks(int heads, int kvHeads, int layers, bool biases)
    {
        var shape = new DecoderModels.Shape(heads * 16, heads, heads * 64, layers, 1000, 256, kvHeads);
        var bin = HpimBackend.Emit(HpimPassTests.Compile(DecoderModels.Build(shape, prompt: 20, generated: 30, biases)), HpimPassTests.Hpim, out var report);
        report.DecodeLayerLoop.ShouldBeTrue();
        report.SyncOps.ShouldBeGreaterThan(0);
        foreach (var c in bin.Cores) c.Instructions[^1].Mnemonic.ShouldBe("halt");
    }

    [Fact]
    public void Opt30BSizedModelCompilesToLessThan16MB()
    {
        var sw = Stopwatch.StartNew();
        var m = HpimPassTests.Compile(DecoderModels.Build(DecoderModels.Opt30B, prompt: 256, generated: 768));
        var passes = sw.Elapsed;
        var bin = HpimBackend.Emit(m, HpimPassTests.Hpim, out var report);
        var emit = sw.Elapsed - passes;
        var t0 = sw.Elapsed;
        HpimBackend.Emit(m, HpimPassTests.Hpim, selfCheck: false, out _);
        var emitOnly = sw.Elapsed - t0;
        sw.Stop();
        var bytes = PimBinaryWriter.Write(bin);
        output.WriteLine($"OPT-30B shapes (256 in, 768 out): passes {passes.TotalSeconds:0.00} s, emit+self-check {emit.TotalSeconds:0.00} s (emit alone {emitOnly.TotalSeconds:0.00} s)");
        output.WriteLine($"out.bin {bytes.Length} bytes ({bytes.Length / 1048576.0:0.00} MiB): core words {bin.Cores.Sum(c => c.Instructions.Count)}, channel words {bin.Channels.Sum(c => c.Commands.Count)}, "
                         + $"regions {bin.MemoryMap.Count}, debug ranges {bin.Debug.Count}");
        output.WriteLine($"decode layer loop: {report.DecodeLayerLoop}, decode local memory {report.DecodeLocalBytes} B, sync ops checked {report.SyncOps}, channels timing-checked {report.TimingCheckedChannels}");
        bytes.Length.ShouldBeLessThan(16 << 20);
        report.DecodeLayerLoop.ShouldBeTrue();
    }
}
