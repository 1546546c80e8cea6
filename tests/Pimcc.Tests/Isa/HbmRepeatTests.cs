using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;

namespace Pimcc.Tests.Isa;

public class HbmRepeatTests
{
    private static IReadOnlyList<Pimcc.Isa.Encoding.Op> Stream(string body) =>
        Assembler.Assemble(".target \"hpim\"\n.target_json \"e30=\"\n.channel 0\n" + body, "t.pasm").Channel(0)!.Commands;

    [Fact]
    public void GemvTileExpandsToTheColumnAccessesItStandsFor()
    {
        var s = Stream("""
            res.clr pc=0
            rep count=64, body=5, drow=1, dcol=0, dgcol=0, dladdr=1
              act.ab pc=0, row=100
              rep count=32, body=1, drow=0, dcol=1, dgcol=1, dladdr=0
                mac.ab pc=0, col=0, gcol=0
              pre.ab pc=0
              res.rd.ab pc=0, core=3, laddr=8
            """);
        var issued = HbmRepeat.Expand(s, "channel0").ToList();
        issued.Count.ShouldBe(1 + 64 * (1 + 32 + 1 + 1));
        HbmRepeat.CountIssued(s).ShouldBe(issued.Count);
        var acts = issued.Where(x => x.Command.Mnemonic == "act.ab").Select(x => x.Command["row"]).ToList();
        acts.ShouldBe(Enumerable.Range(100, 64).Select(r => (long)r).ToList());
        var macs = issued.Where(x => x.Command.Mnemonic == "mac.ab").ToList();
        macs.Count.ShouldBe(64 * 32);
        macs.Take(32).Select(m => (m.Command["col"], m.Command["gcol"])).ShouldBe(Enumerable.Range(0, 32).Select(c => ((long)c, (long)c)).ToList());
        macs.ShouldAllBe(m => m.Index == 4);
        issued.Where(x => x.Command.Mnemonic == "res.rd.ab").Select(x => x.Command["laddr"]).Last().ShouldBe(8 + 63);
    }

    [Fact]
    public void ClosedFormCountMatchesExpansionOnRandomStreams()
    {
        var rng = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            // Zero strides keep every effective operand in range; only the structure is under test here.
            var s = RandomPrograms.ChannelStream(rng, rng.Next(30)).Select(op => op.Mnemonic != "rep" ? op
                : HbmCommandSet.Table.Make("rep", 1 + op["count"] % 4, op["body"], 0, 0, 0, 0)).ToList();
            HbmRepeat.CountIssued(s).ShouldBe(HbmRepeat.Expand(s, "c").LongCount());
        }
    }

    [Fact]
    public void StridingAColumnPastItsFieldIsAnOperandError()
    {
        var s = Stream("rep count=300, body=1, drow=0, dcol=1, dgcol=0, dladdr=0\n mac.ab pc=0, col=0, gcol=0\n");
        Should.Throw<PimccError>(() => HbmRepeat.Expand(s, "channel0").ToList()).Code.ShouldBe(ExitCode.OperandOutOfRange);
    }

    [Fact]
    public void LoadImmediateUsesOneOrTwoInstructions()
    {
        SramIsa.LoadImmediate(5, 0xFFFF).Select(o => o.ToString()).ShouldBe(["li.lo 5, 65535"]);
        SramIsa.LoadImmediate(5, 0x12345678).Select(o => o.ToString()).ShouldBe(["li.lo 5, 22136", "li.hi 5, 4660"]);
    }
}
