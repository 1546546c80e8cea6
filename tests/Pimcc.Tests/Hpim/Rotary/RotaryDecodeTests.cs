using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Isa.Container;

namespace Pimcc.Tests.Hpim.Rotary;

public class RotaryDecodeTests
{
    internal static readonly Lazy<PimBinary> Tiny = new(() => HpimBackend.Emit(HpimPassTests.Compile(TinyLlama.Build()), HpimPassTests.Hpim));

    private static void ShouldMatchApprovedFile(string text, string name) =>
        text.ShouldMatchApproved(c => c.NoDiff()
            .WithFilenameGenerator((_, _, type, ext) => RepoPaths.Combine("tests", "Pimcc.Tests", "Hpim", "Rotary", "Approved", $"TinyLlama.decode.{name}.{type}.{ext}")));

    /// <summary>Core 0 appends KV head 0, core 16 KV head 1 (4 heads on 32 cores: 8 cores per head), core 9 appends nothing.</summary>
    [Theory]
    [InlineData("core0")]
    [InlineData("core9")]
    [InlineData("core16")]
    [InlineData("channel0")]
    public void TheDecodeStreamsOfATinyRotaryModelMatchTheApprovedFiles(string section) =>
        ShouldMatchApprovedFile(DecodeStreams.Text(Tiny.Value, section), section);

    private static List<string> Mnemonics(PimBinary bin, int core, string op)
    {
        var stream = bin.Core(core)!;
        var entry = stream.EntryWord("decode")!.Value;
        return bin.Debug.Where(d => d.Stream == HpimStreams.Core && d.StreamIndex == core && d.IrOpName == op && d.First >= entry)
            .SelectMany(d => stream.Instructions.Skip(d.First).Take(d.Count)).Select(i => i.Mnemonic).Where(m => m is not ("li.lo" or "li.hi")).ToList();
    }

    [Fact]
    public void EveryCoreRotatesTheQueryHeadItAttendsAndOnlyAppendingCoresRotateTheirKvHead()
    {
        var bin = Tiny.Value;
        // GQA: 4 query heads share 2 KV heads; the first core of query heads 0 and 2 appends KV heads 0 and 1.
        // (the cores run both layers as one loop, so l0's ops are the loop body; l0.q_rot also names the step's table load)
        for (var core = 0; core < 32; core++)
        {
            Mnemonics(bin, core, "l0.q_rot").TakeLast(6).ShouldBe(["mv.2d", "mv.2d", "mv.2d", "vmul", "vmul", "vadd"], $"core {core}");
            Mnemonics(bin, core, "l0.k_rot").ShouldBe(core is 0 or 16 ? ["mv.2d", "mv.2d", "vmul", "vmul", "vadd"] : [], $"core {core}");
            Mnemonics(bin, core, "l1.q_rot").ShouldBeEmpty();
        }
    }

    [Fact]
    public void TheTableRowOfPositionKvIsLoadedOncePerStepBeforeTheLayers()
    {
        var bin = Tiny.Value;
        // debug ranges of the first rotary op: the prologue (row loads, broadcasts) and l0's own rotation
        var m = Mnemonics(bin, 5, "l0.q_rot");
        m.Count(x => x == "hbm.ld").ShouldBe(2);
        m.Count(x => x == "mv.2d").ShouldBe(4);
        var stream = bin.Core(5)!;
        var entry = stream.EntryWord("decode")!.Value;
        var loads = bin.Debug.Where(d => d.Stream == HpimStreams.Core && d.StreamIndex == 5 && d.First >= entry && d.IrOpName == "l0.q_rot").Min(d => d.First);
        var embed = bin.Debug.Where(d => d.Stream == HpimStreams.Core && d.StreamIndex == 5 && d.First >= entry && d.IrOpName == "embed").Min(d => d.First);
        loads.ShouldBeLessThan(embed);
        // it reads from channel kv mod 64 the row kv / 64 of the table: addi r1, r30 (kv), 0
        stream.Instructions[loads].Mnemonic.ShouldBe("addi");
    }
}
