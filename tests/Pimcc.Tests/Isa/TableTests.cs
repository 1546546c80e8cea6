using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;

namespace Pimcc.Tests.Isa;

public class TableTests
{
    [Fact]
    public void EveryOpcodeLiesInARangeOfItsUnitAndNoneInAReservedRange()
    {
        foreach (var t in new[] { SramIsa.Table, HbmCommandSet.Table })
        {
            foreach (var r in t.Rows)
            {
                var range = t.OpcodeMap.Single(m => r.Opcode >= m.First && r.Opcode <= m.Last);
                range.Use.ShouldNotStartWith("reserved", customMessage: r.Mnemonic);
                range.Use.ShouldNotStartWith("unassigned", customMessage: r.Mnemonic);
            }
            // The opcode map covers every opcode exactly once.
            Enumerable.Range(0, 256).All(op => t.OpcodeMap.Count(m => op >= m.First && op <= m.Last) == 1).ShouldBeTrue(t.Name);
        }
    }

    [Fact]
    public void FormatsFitTheirWordsAndMnemonicsAreLowerCase()
    {
        SramFormats.All.ShouldAllBe(f => f.ReservedBits >= 0 && f.WordBits == 32);
        HbmFormats.All.ShouldAllBe(f => f.ReservedBits >= 0 && f.WordBits == 64);
        SramIsa.Table.Rows.Concat(HbmCommandSet.Table.Rows).ShouldAllBe(r => r.Mnemonic == r.Mnemonic.ToLowerInvariant());
    }

    [Fact]
    public void TheSramTableCoversWhatTheHpimCompilerNeeds()
    {
        // spec/hpim.md: compute on PIM unit, TCU, VCU, SCU; communication over NoC and HBM; control flow.
        var units = SramIsa.Table.Rows.Select(r => r.Unit).ToHashSet();
        units.ShouldBe([Unit.Control, Unit.Scu, Unit.PimUnit, Unit.Tcu, Unit.Vcu, Unit.Transpose, Unit.Transfer, Unit.HbmInterface, Unit.Noc], ignoreOrder: true);
        foreach (var m in new[] { "li.lo", "li.hi", "pim.ld", "pim.gemv", "tcu.gemm", "vadd", "vsub", "vmul", "vdiv", "vexp", "vsqrt", "vmax",
                                  "vsum", "vrmax", "vgelu", "vrelu", "vsilu", "tr", "mv", "hbm.ld", "hbm.st", "hbm.pf", "noc.send", "noc.recv",
                                  "noc.ag", "noc.ar", "ev.sig", "ev.wait", "bar", "loop", "beq", "halt" })
            SramIsa.Table.TryGet(m).ShouldNotBeNull(m);
        foreach (var m in new[] { "gwr", "act", "act.ab", "mac.ab", "mac.sb", "res.rd", "res.rd.ab", "pre", "pre.ab", "rd", "wr", "ref", "rep", "sig", "wait" })
            HbmCommandSet.Table.TryGet(m).ShouldNotBeNull(m);
    }
}
