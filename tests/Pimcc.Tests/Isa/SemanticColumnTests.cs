using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;
using Pimcc.Targets.Hbm;

namespace Pimcc.Tests.Isa;

/// <summary>
/// The semantic columns of the ISA tables (action, arithmetic, DRAM command, energy events) against the ISA's own
/// statements (docs/isa.md, docs/hbm-commands.md, JEDEC HBM3) and hand-computed arithmetic.
/// </summary>
public class SemanticColumnTests
{
    [Fact]
    public void ScalarArithmeticIsThirtyTwoBitWithSignedCompares()
    {
        // docs/isa.md: shifts use r[rt] & 31, shr is logical; slt, min and max are signed; mul keeps the low 32 bits.
        ArithmeticSemantics.Integer(Arithmetic.ShiftLeft, 1, 33).ShouldBe(2u);
        ArithmeticSemantics.Integer(Arithmetic.ShiftRight, 0x8000_0000, 31).ShouldBe(1u);
        ArithmeticSemantics.Integer(Arithmetic.SetLessThan, 0xFFFF_FFFF, 0).ShouldBe(1u); // -1 < 0
        ArithmeticSemantics.Integer(Arithmetic.Min, 0xFFFF_FFFE, 5).ShouldBe(0xFFFF_FFFEu); // min(-2, 5)
        ArithmeticSemantics.Integer(Arithmetic.Max, 0xFFFF_FFFE, 5).ShouldBe(5u);
        ArithmeticSemantics.Integer(Arithmetic.Mul, 0x1_0001, 0x1_0001).ShouldBe(0x0002_0001u); // 2^32 + 2^17 + 1, low half
        ArithmeticSemantics.Integer(Arithmetic.Sub, 3, 5).ShouldBe(0xFFFF_FFFEu);
        ArithmeticSemantics.Compare(Arithmetic.LessThan, -1, 0).ShouldBeTrue();
        ArithmeticSemantics.Compare(Arithmetic.GreaterOrEqual, -1, 0).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => ArithmeticSemantics.Integer(Arithmetic.Exp, 1, 1));
    }

    [Theory]
    [InlineData("beq", Arithmetic.Equal)]
    [InlineData("bne", Arithmetic.NotEqual)]
    [InlineData("blt", Arithmetic.LessThan)]
    [InlineData("bge", Arithmetic.GreaterOrEqual)]
    [InlineData("add", Arithmetic.Add)]
    [InlineData("addi", Arithmetic.Add)]
    [InlineData("shr", Arithmetic.ShiftRight)]
    [InlineData("vdiv.s", Arithmetic.Div)]
    [InlineData("vrmax", Arithmetic.Max)]
    [InlineData("vsum", Arithmetic.Add)]
    [InlineData("vrsqrt", Arithmetic.Rsqrt)]
    public void ArithmeticColumnMatchesTheSummary(string mnemonic, Arithmetic expected) =>
        SramIsa.Table.Get(mnemonic).Function.ShouldBe(expected);

    [Fact]
    public void EveryScalarBranchAndVectorRowHasArithmeticAndNoOtherRowHasIt()
    {
        OpAction[] needs = [OpAction.Branch, OpAction.ScalarImmediate, OpAction.ScalarRegister, OpAction.VectorBinary,
            OpAction.VectorScalar, OpAction.VectorUnary, OpAction.VectorReduce];
        foreach (var r in SramIsa.Table.Rows.Concat(HbmCommandSet.Table.Rows))
            (r.Function != Arithmetic.None).ShouldBe(needs.Contains(r.Action), r.Mnemonic);
    }

    [Fact]
    public void SynchronisationIsOneMeaningInBothIsas()
    {
        // ev.sig/sig and ev.wait/wait act on the same event counters (docs/isa.md, docs/hbm-commands.md).
        SramIsa.Table.Get("ev.sig").Action.ShouldBe(HbmCommandSet.Table.Get("sig").Action);
        SramIsa.Table.Get("ev.wait").Action.ShouldBe(HbmCommandSet.Table.Get("wait").Action);
    }

    [Fact]
    public void PreAbIsTheJedecAllBankPrecharge()
    {
        // pre.ab sits in the ordinary-DRAM-command opcode range (docs/hbm-commands.md: 0x01..0x0F, JEDEC HBM3) and
        // precharges all banks of the pseudo channel: JEDEC PREA, whatever opened the rows.
        var preAb = HbmCommandSet.Table.Get("pre.ab");
        preAb.Opcode.ShouldBeInRange(0x01, 0x0F);
        preAb.DramCommand.ShouldBe(HbmCommand.PreA);
        HbmCommands.Info(HbmCommand.PreA).Mnemonic.ShouldBe("PREA");
    }

    [Fact]
    public void DramCommandScopeMatchesTheRowsUnit()
    {
        foreach (var r in HbmCommandSet.Table.Rows)
        {
            if (r.DramCommand is not { } c)
            {
                r.Action.ShouldBeOneOf(OpAction.ResultClear, OpAction.Repeat, OpAction.EventSignal, OpAction.EventWait);
                continue;
            }
            var scope = HbmCommands.Info(c).Scope;
            var expected = r.Unit switch
            {
                Unit.HbmBank => r.Action == OpAction.ResultRead ? HbmCommandScope.PseudoChannel : HbmCommandScope.Bank,
                Unit.HbmAllBanks => r.Action == OpAction.ResultReadAll ? HbmCommandScope.PseudoChannel : HbmCommandScope.AllBanks,
                Unit.HbmGlobalBuffer => HbmCommandScope.PseudoChannel,
                _ => throw new InvalidOperationException($"{r.Mnemonic}: unit {r.Unit}"),
            };
            scope.ShouldBe(expected, r.Mnemonic);
        }
    }

    [Fact]
    public void EnergyEventsOfARowAreDeclaredOnceAndChargedByWork()
    {
        // Control and synchronisation words charge nothing; every data-path word charges at least one event; no event
        // is listed twice in a row.
        OpAction[] free = [OpAction.Nop, OpAction.Halt, OpAction.EventSignal, OpAction.EventWait, OpAction.Barrier,
            OpAction.HbmPrefetchWait, OpAction.Precharge, OpAction.PrechargeAll, OpAction.ResultClear, OpAction.Repeat];
        foreach (var r in SramIsa.Table.Rows.Concat(HbmCommandSet.Table.Rows))
        {
            (r.Energy.Count == 0).ShouldBe(free.Contains(r.Action), r.Mnemonic);
            r.Energy.Distinct().Count().ShouldBe(r.Energy.Count, r.Mnemonic);
        }
    }

    [Fact]
    public void PackedRegisterHalvesFollowDocsIsa()
    {
        // docs/isa.md: rows in the upper half, columns in the lower; li.hi keeps the lower half.
        SramLayout.Pack(3, 64).ShouldBe(3 * 65536 + 64);
        SramLayout.High(3 * 65536 + 64).ShouldBe(3);
        SramLayout.Low(3 * 65536 + 64).ShouldBe(64);
        SramLayout.MacroByte(2 * 65536 + 100, 65536).ShouldBe(2 * 65536 + 100);
        SramLayout.MacroByte(2 * 65536 + 100, 4096).ShouldBe(2 * 4096 + 100);
        Should.Throw<ArgumentOutOfRangeException>(() => SramLayout.Pack(1, 65536)); // would spill into the rows
        Should.Throw<ArgumentOutOfRangeException>(() => SramLayout.Pack(-1, 0));
        ArithmeticSemantics.LoadHigh(0xAAAA_1234, 0x5678).ShouldBe(0x5678_1234u);
    }

    [Fact]
    public void DataTypeSizesFollowTheDomain()
    {
        SramFormats.ElementBytes(SramFormats.DataType.Code("fp16")).ShouldBe(2);
        SramFormats.ElementBytes(SramFormats.DataType.Code("bf16")).ShouldBe(2);
        SramFormats.ElementBytes(SramFormats.DataType.Code("fp32")).ShouldBe(4);
        SramFormats.ReduceFunctions.Count.ShouldBe(SramFormats.ReduceOp.Names.Count);
        SramFormats.DataTypeOfElement(2).ShouldBe(SramFormats.DataType.Code("fp16"));
        SramFormats.DataTypeOfElement(4).ShouldBe(SramFormats.DataType.Code("fp32"));
        (SramFormats.SetMode, SramFormats.AccMode).ShouldBe((SramFormats.Accumulate.Code("set"), SramFormats.Accumulate.Code("acc")));
    }
}
