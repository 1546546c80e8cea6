using Pimcc.Diagnostics;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;
using Pimcc.Isa.Sram;

namespace Pimcc.Tests.Isa;

public class EncodingTests
{
    public static TheoryData<string, string> AllRows()
    {
        var d = new TheoryData<string, string>();
        foreach (var t in new[] { SramIsa.Table, HbmCommandSet.Table })
            foreach (var r in t.Rows)
                d.Add(t.Name, r.Mnemonic);
        return d;
    }

    private static OpTable Table(string name) => name == SramIsa.Table.Name ? SramIsa.Table : HbmCommandSet.Table;

    [Theory]
    [MemberData(nameof(AllRows))]
    public void EveryRowEncodesAndDecodesAtOperandExtremes(string table, string mnemonic)
    {
        var t = Table(table);
        var spec = t.Get(mnemonic);
        // All minima, all maxima, and each operand alone at its extreme with the others at the opposite extreme.
        var cases = new List<long[]>
        {
            spec.Operands.Select(f => f.Min).ToArray(),
            spec.Operands.Select(f => f.Max).ToArray(),
        };
        for (var k = 0; k < spec.Operands.Count; k++)
        {
            cases.Add(spec.Operands.Select((f, i) => i == k ? f.Max : f.Min).ToArray());
            cases.Add(spec.Operands.Select((f, i) => i == k ? f.Min : f.Max).ToArray());
        }
        foreach (var values in cases)
        {
            var op = Op.Create(spec, values);
            var word = t.Encode(op);
            (word >> (t.WordBits - OpTable.OpcodeBits)).ShouldBe((ulong)spec.Opcode);
            if (t.WordBits == 32)
                (word >> 32).ShouldBe(0UL);
            var back = t.Decode(word, "test");
            back.ShouldBe(op);
            t.Encode(back).ShouldBe(word);
        }
    }

    [Theory]
    [MemberData(nameof(AllRows))]
    public void EveryRowRejectsOperandsJustOutsideItsFields(string table, string mnemonic)
    {
        var spec = Table(table).Get(mnemonic);
        for (var k = 0; k < spec.Operands.Count; k++)
        {
            foreach (var bad in new[] { spec.Operands[k].Min - 1, spec.Operands[k].Max + 1 })
            {
                var values = spec.Operands.Select(f => f.Min).ToArray();
                values[k] = bad;
                Should.Throw<PimccError>(() => Op.Create(spec, values)).Code.ShouldBe(ExitCode.OperandOutOfRange);
            }
        }
    }

    [Fact]
    public void KnownEncodingsMatchHandComputedWords()
    {
        // vadd r1, r2, r3, r4, fp16: 0x50 | 1<<19 | 2<<14 | 3<<9 | 4<<4 | 0<<2
        SramIsa.Table.Encode(SramIsa.Table.Make("vadd", 1, 2, 3, 4, 0)).ShouldBe(0x50088640UL);
        // li.hi r31, 0xFFFF: 0x11 | 31<<19 | 0xFFFF<<3
        SramIsa.Table.Encode(SramIsa.Table.Make("li.hi", 31, 0xFFFF)).ShouldBe(0x11FFFFF8UL);
        // loop r2, -1: 0x08 | 2<<19 | (-1 & 0x7FFFF)
        SramIsa.Table.Encode(SramIsa.Table.Make("loop", 2, -1)).ShouldBe(0x0817FFFFUL);
        // act pc=1, bg=7, ba=3, row=0x3FFFF: 0x01<<56 | 1<<55 | 7<<52 | 3<<50 | 0x3FFFF<<32
        HbmCommandSet.Table.Encode(HbmCommandSet.Table.Make("act", 1, 7, 3, 0x3FFFF)).ShouldBe(0x01FFFFFF_00000000UL);
    }

    [Fact]
    public void DecodeOfEncodeIsIdentityOnSeededRandomOps()
    {
        var rng = new Random(20261122);
        var checkedOps = 0;
        foreach (var t in new[] { SramIsa.Table, HbmCommandSet.Table })
        {
            for (var i = 0; i < 20_000; i++)
            {
                var op = RandomPrograms.RandomOp(rng, t);
                t.Decode(t.Encode(op), "test").ShouldBe(op);
                checkedOps++;
            }
        }
        checkedOps.ShouldBe(40_000);
    }

    [Fact]
    public void RandomWordsEitherDecodeCanonicallyOrGiveABinaryError()
    {
        var rng = new Random(7);
        var decoded = 0;
        foreach (var t in new[] { SramIsa.Table, HbmCommandSet.Table })
        {
            for (var i = 0; i < 20_000; i++)
            {
                var word = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
                if (t.WordBits == 32)
                    word &= 0xFFFFFFFF;
                // Keep the reserved bits clear half of the time so decodable words actually occur.
                var spec = t.TryGet((int)(word >> (t.WordBits - OpTable.OpcodeBits)));
                if (spec is not null && rng.Next(2) == 0 && spec.Format.ReservedBits > 0)
                    word &= ~((1UL << spec.Format.ReservedBits) - 1);
                try
                {
                    var op = t.Decode(word, "w");
                    t.Encode(op).ShouldBe(word);
                    decoded++;
                }
                catch (PimccError e)
                {
                    e.Code.ShouldBeOneOf(ExitCode.UnknownOpcode, ExitCode.OperandOutOfRange);
                }
            }
        }
        decoded.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void UnassignedOpcodesAreUnknown()
    {
        Should.Throw<PimccError>(() => SramIsa.Table.Decode(0, "w")).Code.ShouldBe(ExitCode.UnknownOpcode);
        Should.Throw<PimccError>(() => SramIsa.Table.Decode(0xC0000000, "w")).Code.ShouldBe(ExitCode.UnknownOpcode);
        Should.Throw<PimccError>(() => HbmCommandSet.Table.Decode(0xFFUL << 56, "w")).Code.ShouldBe(ExitCode.UnknownOpcode);
    }
}
