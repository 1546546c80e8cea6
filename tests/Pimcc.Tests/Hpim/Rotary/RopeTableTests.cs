using System.Buffers.Binary;
using Pimcc.Hpim.Compiler;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Reference;
using Pimcc.Tests.Reference;

namespace Pimcc.Tests.Hpim.Rotary;

public class RopeTableTests
{
    private static RopeTable Table(double theta = 10000, int rd = 32, long positions = 300) =>
        new("rope:t", rd, positions, RotaryFrequencies.Compute(theta, rd, "default", 1, 1, 4, 8192));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(255)]
    public void RowsHoldCosAndSinOfPositionTimesThetaToTheMinusTwoIOverD(long pos)
    {
        var t = Table();
        var cos = t.Bytes(RopeTableKind.Cos);
        var sin = t.Bytes(RopeTableKind.Sin);
        for (var c = 0; c < 32; c++)
        {
            var i = c % 16; // rotate-half form: both halves use pair index i
            var angle = pos * Math.Pow(10000, -2.0 * i / 32);
            double Read(byte[] b) => (double)BinaryPrimitives.ReadHalfLittleEndian(b.AsSpan((int)((pos * 32 + c) * 2)));
            Read(cos).ShouldBe(Math.Cos(angle), 1e-3, $"cos pos {pos} channel {c}");
            Read(sin).ShouldBe(Math.Sin(angle), 1e-3, $"sin pos {pos} channel {c}");
            ((double)t.Value(RopeTableKind.Sin, pos, c)).ShouldBe(Read(sin));
        }
    }

    [Fact]
    public void Llama3ScalingKeepsHighFrequenciesDividesLowOnesAndInterpolatesBetween()
    {
        // Llama-3.2-1B: theta 500000, head_dim 64, factor 32, low 1, high 4, original 8192 (its config.json).
        var inv = RotaryFrequencies.Compute(500000, 64, "llama3", 32, 1, 4, 8192);
        for (var i = 0; i < 32; i++)
        {
            var f = Math.Pow(500000, -2.0 * i / 64);
            var wavelen = 2 * Math.PI / f;
            var expected = wavelen < 8192 / 4.0 ? f
                : wavelen > 8192 / 1.0 ? f / 32
                : (1 - (8192 / wavelen - 1) / 3) * f / 32 + (8192 / wavelen - 1) / 3 * f;
            inv[i].ShouldBe(expected, Math.Abs(expected) * 1e-12);
        }
        inv[0].ShouldBe(1.0);
        inv[31].ShouldBe(Math.Pow(500000, -62.0 / 64) / 32, 1e-18);
        RotaryFrequencies.Compute(10000, 8, "linear", 4, 1, 4, 8192)[1].ShouldBe(Math.Pow(10000, -0.25) / 4, 1e-15);
    }

    /// <summary>
    /// YaRN (Peng et al. 2023, eq. 23 as transformers computes it), worked by hand for θ 10000, d 16, factor 4, original
    /// context 64: the pair that turns 32 times in 64 positions is d·ln(64 / (2π·32)) / (2 ln 10000) = −0.99 → floor −1, clamped to 0,
    /// the one that turns once 16·ln(64 / 2π) / (2 ln 10000) = 2.02 → ceil 3, so the ramp is i / 3: pair 0 keeps its
    /// frequency, pairs 3.. are divided by 4, pairs 1 and 2 mix two thirds and one third of the original.
    /// </summary>
    [Fact]
    public void YarnRampsFromExtrapolationToInterpolationBetweenItsCorrectionPairs()
    {
        var inv = RotaryFrequencies.Compute(10000, 16, "yarn", 4, 1, 4, 64);
        double F(int i) => Math.Pow(10000, -2.0 * i / 16);
        inv[0].ShouldBe(1.0);
        inv[1].ShouldBe(F(1) * (2.0 / 3) + F(1) / 4 / 3, 1e-15);
        inv[2].ShouldBe(F(2) / 3 + F(2) / 4 * 2 / 3, 1e-15);
        for (var i = 3; i < 8; i++) inv[i].ShouldBe(F(i) / 4, 1e-18);
        // without rounding the ramp's ends outwards it runs from 0 (clamped from −0.99) to 2.02
        var exact = RotaryFrequencies.Compute(10000, 16, "yarn", 4, 1, 4, 64, yarnTruncate: false);
        var high = 16 * Math.Log(64 / (2 * Math.PI)) / (2 * Math.Log(10000));
        exact[1].ShouldBe(F(1) * (1 - 1 / high) + F(1) / 4 / high, 1e-15);
        exact[3].ShouldBe(F(3) / 4, 1e-18);
    }

    /// <summary>An op with an inv_freq list (raised from a table no θ describes) gets exactly those frequencies: the
    /// FP16 value at position p, channel k is trig(p·f[k mod rd/2]), and the key tells it from the θ table.</summary>
    [Fact]
    public void ExplicitFrequenciesAreTheTablesOwn()
    {
        double[] f = [1, 0.3, 0.02, 0.0015];
        var attrs = Pimcc.Ir.AttrMap.Empty.Set("rotary_dim", 8L).Set("theta", 10000.0)
            .Set("inv_freq", new Pimcc.Ir.ListAttr([.. f.Select(v => (Pimcc.Ir.AttrValue)new Pimcc.Ir.FloatAttr(v))]));
        Pimcc.Ir.RotaryFrequencies.Of(attrs).ShouldBe(f);
        var t = new RopeTable("rope:t", 8, 16, Pimcc.Ir.RotaryFrequencies.Of(attrs));
        for (var k = 0; k < 8; k++)
        {
            ((double)t.Value(RopeTableKind.Cos, 13, k)).ShouldBe(Math.Cos(13 * f[k % 4]), 1e-3);
            ((double)t.Value(RopeTableKind.Sin, 13, k)).ShouldBe(Math.Sin(13 * f[k % 4]), 1e-3);
        }
        t.Key.ShouldNotBe(new RopeTable("rope:t", 8, 16, RotaryFrequencies.Compute(10000, 8, "default", 1, 1, 4, 8192)).Key);
        // a list of the wrong length is no frequency list
        Should.Throw<ArgumentException>(() => Pimcc.Ir.RotaryFrequencies.Of(attrs.Set("rotary_dim", 10L)));
    }

    [Fact]
    public void EachChannelHoldsThePositionsCongruentToItInPaddedRows()
    {
        var org = HpimPassTests.Hpim.Hbm.Organization;
        var t = Table(rd: 24, positions: 130); // 48-byte rows pad to 64
        t.PaddedRowBytes(org).ShouldBe(64);
        var all = t.Bytes(RopeTableKind.Cos);
        foreach (var ch in new[] { 0, 1, 63 })
        {
            var bytes = t.ChannelBytes(RopeTableKind.Cos, ch, org);
            var rows = ch < 130 % 64 ? 3 : 2; // positions ch, ch + 64, ch + 128 (when < 130)
            bytes.Length.ShouldBe(rows * 64);
            for (var s = 0; s < rows; s++)
            {
                var p = s * 64 + ch;
                bytes.AsSpan(s * 64, 48).ToArray().ShouldBe(all.AsSpan(p * 48, 48).ToArray());
                bytes.AsSpan(s * 64 + 48, 16).ToArray().ShouldAllBe(b => b == 0);
            }
        }
    }

    [Fact]
    public void XCosPlusRotateHalfTimesSignedSinIsTheReferenceRotary()
    {
        // What the decode lowering computes on the VCU from a table row: y = x·cos + (x2, x1)·(−sin, sin).
        const int heads = 3, d = 32, pos = 45;
        var t = Table(rd: d);
        var rnd = new Random(7);
        var x = Enumerable.Range(0, heads * d).Select(_ => (float)(rnd.NextDouble() * 2 - 1)).ToArray();
        var attrs = AttrMap.Empty.Set("heads", heads).Set("head_dim", d).Set("rotary_dim", d).Set("theta", 10000.0)
            .Set("start", pos).Set("interleaved", false);
        var reference = ReferenceTestKit.F(ReferenceTestKit.RunOp("rotary", attrs, [Tensor.F32([1, heads * d], (float[])x.Clone())]));
        for (var h = 0; h < heads; h++)
            for (var c = 0; c < d; c++)
            {
                var o = h * d;
                var rot = c < d / 2 ? x[o + c + d / 2] : x[o + c - d / 2];
                var sin = (double)t.Value(RopeTableKind.Sin, pos, c) * (c < d / 2 ? -1 : 1);
                var y = x[o + c] * (double)t.Value(RopeTableKind.Cos, pos, c) + rot * sin;
                y.ShouldBe(reference[o + c], 2e-3, $"head {h} channel {c}");
            }
    }

    [Fact]
    public void ThePlannerGivesOneSharedTablePairOwnRowsAndTheMemoryMapNamesThem()
    {
        var m = HpimPassTests.Compile(TinyLlama.Build());
        var rotary = m.Functions.SelectMany(f => f.Body).Where(o => o.Opcode == "rotary").ToList();
        rotary.Count.ShouldBe(8); // q and k of 2 layers, prefill and decode
        rotary.Select(o => o.Attrs.Str(HpimAttrs.RopeTableName)).Distinct().ShouldBe(["rope:l0.q_rot"]);
        var placed = RopeTable.Placed(m).ShouldHaveSingleItem();
        placed.Table.Positions.ShouldBe(16);
        placed.Table.RotaryDim.ShouldBe(32);
        var lastKv = m.KvCaches.Max(c => c.Attrs.Int(HpimAttrs.HbmRow) + c.Attrs.Int(HpimAttrs.HbmRows));
        placed.Row.ShouldBe(lastKv);
        // then the prefill activation scratch
        m.Attrs.Int("hpim.hbm_rows_used").ShouldBe(lastKv + 2 * placed.Rows + m.Attrs.Int(Pimcc.Hpim.Compiler.Lowering.PrefillScratch.ScratchRows));
        var bin = Pimcc.Hpim.Compiler.Lowering.HpimBackend.Emit(m, HpimPassTests.Hpim);
        var cos = bin.MemoryMap.Single(r => r.Name == "rope:l0.q_rot.cos");
        var sin = bin.MemoryMap.Single(r => r.Name == "rope:l0.q_rot.sin");
        ((HbmPlacement)cos.Placement).Row.ShouldBe(placed.Row);
        ((HbmPlacement)sin.Placement).Row.ShouldBe(placed.Row + placed.Rows);
        cos.Kind.ShouldBe(RegionKind.Weight);
    }
}
