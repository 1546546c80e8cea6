using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;
using HbmCommandSetDocs = Pimcc.Isa.Docs.IsaReference;

namespace Pimcc.Tests.Isa;

public class AssemblerTests
{
    private const string Header = ".target \"hpim\"\n.target_json \"e30=\"\n";

    [Fact]
    public void AssemblesTextToTheExpectedWords()
    {
        var bin = Assembler.Assemble(Header + """
            .region "wq", weight, hbm, channel=0, channels=64, pc=0, bg=0, bank=0, row=0, col=0, size=4096
            .core 3
            .debug first=0, count=3, op=7, name="softmax"
                li.lo r2, 0x10          ; counter
            top: vadd r1, r2, r3, r4, fp16
                loop r2, top
                halt
            .channel 1
                rep count=32, body=1, drow=0, dcol=1, dgcol=1, dladdr=0, dsaddr=0
                  mac.ab pc=0, col=0, gcol=0
            """, "t.pasm");
        bin.Target.Json.ShouldBe("{}"u8.ToArray());
        var core = bin.Core(3)!.Instructions;
        core.Select(SramIsa.Table.Encode).ShouldBe([0x10100080UL, 0x50088640UL, 0x0817FFFFUL, 0x02000000UL]);
        bin.Channel(1)!.Commands.Select(c => c.Mnemonic).ShouldBe(["rep", "mac.ab"]);
        bin.Channel(1)!.Commands[0]["count"].ShouldBe(32);
        bin.Debug.ShouldBe([new DebugRange(HpimStreams.Core, 3, 0, 3, 7, "softmax")]);
        bin.MemoryMap.Single().Placement.ShouldBe(new HbmPlacement(0, 64, 0, 0, 0, 0, 0));
    }

    [Theory]
    [InlineData(".core 0\n  vfoo r1", ExitCode.MalformedInput, "t.pasm:4:3")]
    [InlineData(".core 0\n  li.lo r1, 65536", ExitCode.OperandOutOfRange, "t.pasm:4:3")]
    [InlineData(".core 0\n  li.lo r32, 1", ExitCode.OperandOutOfRange, "t.pasm:4:9")]
    [InlineData(".core 0\n  vexp r1, r2, r3, fp64", ExitCode.MalformedInput, "t.pasm:4:20")]
    [InlineData(".core 0\n  jmp nowhere", ExitCode.MalformedInput, "t.pasm:4:7")]
    [InlineData(".core 0\n  halt 1", ExitCode.MalformedInput, "t.pasm:4:3")]
    [InlineData("  halt", ExitCode.MalformedInput, "t.pasm:3:3")]
    [InlineData(".core 0\n.core 0", ExitCode.MalformedInput, "t.pasm:4:1")]
    [InlineData(".channel 0\n  rep count=0, body=1, drow=0, dcol=0, dgcol=0, dladdr=0, dsaddr=0\n  ref pc=0", ExitCode.OperandOutOfRange, "t.pasm:4:3")]
    [InlineData(".channel 0\n  rep count=1, body=2, drow=0, dcol=0, dgcol=0, dladdr=0, dsaddr=0\n  ref pc=0", ExitCode.MalformedInput, "t.pasm: channel0 word 0")]
    [InlineData(".channel 0\n  act pc=0, bg=1, bank=2, row=3", ExitCode.MalformedInput, "t.pasm:4:19")]
    [InlineData(".core 0\n  halt )", ExitCode.MalformedInput, "t.pasm:4:8")]
    public void ReportsUserErrorsWithLocationAndExitCode(string body, ExitCode code, string location)
    {
        var e = Should.Throw<PimccError>(() => Assembler.Assemble(Header + body, "t.pasm"));
        e.Code.ShouldBe(code, e.OneLine);
        e.Location.ShouldBe(location, e.OneLine);
    }

    [Fact]
    public void MissingTargetAndBadHashAreReported()
    {
        Should.Throw<PimccError>(() => Assembler.Assemble(".core 0\n halt\n", "t.pasm")).Code.ShouldBe(ExitCode.MalformedInput);
        Should.Throw<PimccError>(() => Assembler.Assemble(Header + ".target_sha256 \"00\"\n", "t.pasm")).Message.ShouldContain("does not match");
    }

    [Fact]
    public void IsaMdAttentionExampleAssembles()
    {
        var ops = Assembler.Assemble(Header + ".core 0\n" + HbmCommandSetDocs.AttentionExample, "attn.pasm").Core(0)!.Instructions;
        ops.Count.ShouldBe(32);
        ops.Count(o => o.Mnemonic == "pim.gemv").ShouldBe(2);
        ops[^1].Mnemonic.ShouldBe("halt");
    }

    [Fact]
    public void HbmGemvTileIsAFewCommands()
    {
        // The docs/hbm-commands.md example: a 768-row x 7168-column FP16 GEMV slice on one pseudo channel.
        var bin = Assembler.Assemble(Header + ".channel 0\n" + HbmCommandSetDocs.GemvExample, "gemv.pasm");
        bin.Channel(0)!.Commands.Count.ShouldBe(10);
        HbmCommandSet.Table.Get("rep").Operands.Select(o => o.Name).ShouldBe(["count", "body", "drow", "dcol", "dgcol", "dladdr", "dsaddr"]);
    }
}
