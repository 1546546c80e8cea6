using Pimcc.Isa.Container;
using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Docs;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;

namespace Pimcc.Tests.Isa;

public class HbmRepeatTests
{
    private static IReadOnlyList<Pimcc.Isa.Encoding.Op> Stream(string body) =>
        Assembler.Assemble(".target \"hpim\"\n.target_json \"e30=\"\n.channel 0\n" + body, "t.pasm").Channel(0)!.Commands;

    [Fact]
    public void GemvExampleExpandsToTheColumnAccessesItStandsFor()
    {
        var s = Stream(IsaReference.GemvExample);
        s.Count.ShouldBe(10);
        var issued = HbmRepeat.Expand(s, "channel0").ToList();
        issued.Count.ShouldBe(48 * (1 + 14 * (32 + 1 + 32 + 1) + 1));
        HbmRepeat.CountIssued(s).ShouldBe(issued.Count);
        // Row set r, chunk c opens row 14r + c in all banks.
        issued.Where(x => x.Command.Mnemonic == "act.ab").Select(x => x.Command["row"])
            .ShouldBe(Enumerable.Range(0, 48 * 14).Select(i => (long)i).ToList());
        // Global-buffer fill of chunk c reads the input from saddr 32c + j into column j, for every row set.
        var fills = issued.Where(x => x.Command.Mnemonic == "gwr").ToList();
        fills.Count.ShouldBe(48 * 14 * 32);
        fills.Take(14 * 32).Select(f => (f.Command["saddr"], f.Command["gcol"]))
            .ShouldBe(Enumerable.Range(0, 14 * 32).Select(i => ((long)i, (long)(i % 32))).ToList());
        fills[14 * 32].Command["saddr"].ShouldBe(0);
        var macs = issued.Where(x => x.Command.Mnemonic == "mac.ab").ToList();
        macs.Take(32).Select(m => (m.Command["col"], m.Command["gcol"])).ShouldBe(Enumerable.Range(0, 32).Select(c => ((long)c, (long)c)).ToList());
        macs.ShouldAllBe(m => m.Index == 7);
        // One result read per row set, to consecutive 32-byte slots.
        issued.Where(x => x.Command.Mnemonic == "res.rd.ab").Select(x => x.Command["laddr"])
            .ShouldBe(Enumerable.Range(1024, 48).Select(i => (long)i).ToList());
    }

    [Fact]
    public void ClosedFormCountMatchesExpansionOnRandomStreams()
    {
        var rng = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            // Zero strides keep every effective operand in range; only the structure is under test here.
            var s = RandomPrograms.ChannelStream(rng, rng.Next(30)).Select(op => op.Mnemonic != "rep" ? op
                : HbmCommandSet.Table.Make("rep", 1 + op["count"] % 4, op["body"], 0, 0, 0, 0, 0)).ToList();
            HbmRepeat.CountIssued(s).ShouldBe(HbmRepeat.Expand(s, "c").LongCount());
        }
    }

    [Fact]
    public void StridingAColumnPastItsFieldIsAnOperandError()
    {
        var s = Stream("rep count=300, body=1, drow=0, dcol=1, dgcol=0, dladdr=0, dsaddr=0\n mac.ab pc=0, col=0, gcol=0\n");
        Should.Throw<PimccError>(() => HbmRepeat.Expand(s, "channel0").ToList()).Code.ShouldBe(ExitCode.OperandOutOfRange);
    }

    [Fact]
    public void LoadImmediateUsesOneOrTwoInstructions()
    {
        SramIsa.LoadImmediate(5, 0xFFFF).Select(o => o.ToString()).ShouldBe(["li.lo 5, 65535"]);
        SramIsa.LoadImmediate(5, 0x12345678).Select(o => o.ToString()).ShouldBe(["li.lo 5, 22136", "li.hi 5, 4660"]);
    }
}
