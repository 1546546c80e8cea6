using Pimcc.Ir;
using Pimcc.Pimllm.Isa;
using Ev = Pimcc.Pimllm.Compiler.Lowering.PimllmStreamSet.Events;

namespace Pimcc.Pimllm.Compiler.Lowering;

internal sealed partial class PimllmEmitter
{
    private const long SpanCausalN = PimllmRepeat.CausalN, SpanCausalK = PimllmRepeat.CausalK, SpanCacheN = 3, SpanCacheK = 4;

    /// <summary>
    /// One attention op, KV head by KV head: the controller quantises q, k and v absmax per token (their whole rows, as
    /// the quantised reference does), writes the per-token scales of k and v into the cache's per-position scale tables
    /// (<c>pp.srow</c>) and each head's codes into the head's tables (<c>pp.qrow</c>, at their positions); the array then
    /// runs Q·Kᵀ (its output stage scaling the sums by q's and the keys' scales to fp32), the softmax (times the
    /// attention's scale; the probabilities times the values' scales, to i8 codes with a scale per row) and S·V (scaled
    /// by the probabilities' row scales to fp32) against them: in prefill per query head as causal GEMMs over the keys up
    /// to the block's end, in decode per KV group as GEMVs (the group's queries as rows) over the p + 1 keys of the cache.
    /// A cache in LPDDR is staged per head in its channel's staging tables: the DMA loads the rows before the block
    /// (<c>dma.ldc</c>), the controller adds the new rows, the DMA stores them back (<c>dma.strow</c>) while the array
    /// reads the staging tables; the scale tables stay in SRAM.
    /// </summary>
    private void Attention(Operation op)
    {
        var cache = op.Attrs.Str("cache");
        long heads = op.Attrs.Int("heads"), kvHeads = op.Attrs.Int("kv_heads"), d = op.Attrs.Int("head_dim");
        var group = heads / kvHeads;
        var decode = _function == Module.Decode;
        var unit = PimllmFormats.SramUnitBytes;
        long qq = Temp("qq"), qs = Temp("qscale"), scores = Temp("scores"), probs = Temp("probs"), ps = Temp("pscale"), output = Addr(op.Id);
        long kq = Temp("kq"), ks = Temp("kscale"), vq = Temp("vq"), vs = Temp("vscale");
        long kScales = sram.KvScaleTable(cache, false), vScales = sram.KvScaleTable(cache, true), rowBytes = sram.KvRowUnits * unit;
        var inSram = sram.InSram(cache);
        var used = new bool[s.Channels];

        s.PpLen(heads * d);
        s.X("pp.quant", qq, Operand(op, 0), qs, Dt(op.Operands[0]));
        s.PpLen(kvHeads * d);
        s.X("pp.quant", kq, Operand(op, 1), ks, Dt(op.Operands[1]));
        s.X("pp.quant", vq, Operand(op, 2), vs, Dt(op.Operands[2]));
        s.X("pp.srow", kScales, ks);
        s.X("pp.srow", vScales, vs);
        for (long h = 0; h < kvHeads; h++)
        {
            var (c, kTable, vTable) = (0, 0L, 0L);
            long kDst, vDst;
            if (inSram)
                (kDst, vDst) = (sram.KvTable(cache, h, kvHeads, false), sram.KvTable(cache, h, kvHeads, true));
            else
            {
                (c, kTable) = lpddr.KvTable(cache, h, false);
                (_, vTable) = lpddr.KvTable(cache, h, true);
                (kDst, vDst) = (sram.Staging(c, false), sram.Staging(c, true));
                if (used[c]) s.DWait(c, Ev.SaToDma(c));
                used[c] = true;
                s.DmaTok(c, _first, _rows);
                s.D(c, "dma.ldc", kDst, kTable, sram.KvRowUnits);
                s.D(c, "dma.ldc", vDst, vTable, sram.KvRowUnits);
                s.DSig(c, Ev.DmaToXbar(c));
                s.XWait(Ev.DmaToXbar(c));
            }
            s.PpLen(d, 1, kvHeads * d);
            s.X("pp.qrow", kDst, HeadSource(kq, h * d));
            s.X("pp.qrow", vDst, HeadSource(vq, h * d));
            if (!inSram)
            {
                s.XSig(Ev.XbarToDma(c));
                s.DWait(c, Ev.XbarToDma(c));
                s.D(c, "dma.strow", kDst, kTable, sram.KvRowUnits, 1);
                s.D(c, "dma.strow", vDst, vTable, sram.KvRowUnits, 1);
            }
            s.XSig(Ev.XbarToSa);
            s.SWait(Ev.XbarToSa);
            if (decode)
            {
                // the group's query rows are all the one token's: one q scale
                s.SaStride(0, 0, rowBytes);
                s.S("sa.mshape", group, sram.Positions, d, SpanCacheN);
                s.S("sa.scale", qs, ScaleOne, kScales, ScaleEach);
                s.S("sa.mm", scores, HeadQuery(qq, h * group * d), kDst, 0, 0);
                s.S("sa.pscale", vScales, ps, sram.ScoreScaleUnit(cache));
                s.S("sa.msmx", probs, scores);
                s.S("sa.mshape", group, d, sram.Positions, SpanCacheK);
                s.S("sa.scale", ps, ScaleEach, 0, ScaleNone);
                s.S("sa.mm", output + h * group * d * 4 / unit, probs, vDst, 0, 0);
            }
            else
            {
                var keys = _first + _rows;
                for (var j = h * group; j < (h + 1) * group; j++)
                {
                    s.SaStride(0, heads * d, rowBytes);
                    s.S("sa.mshape", _rows, keys, d, SpanCausalN);
                    s.S("sa.scale", qs, ScaleEach, kScales, ScaleEach);
                    s.S("sa.mm", scores, HeadQuery(qq, j * d), kDst, 0, 0);
                    s.S("sa.pscale", vScales, ps, sram.ScoreScaleUnit(cache));
                    s.S("sa.msmx", probs, scores);
                    s.SaStride(heads * d, 0, rowBytes);
                    s.S("sa.mshape", _rows, d, keys, SpanCausalK);
                    s.S("sa.scale", ps, ScaleEach, 0, ScaleNone);
                    s.S("sa.mm", output + j * d * 4 / unit, probs, vDst, 0, 0);
                }
            }
            if (!inSram) s.SSig(Ev.SaToDma(c));
        }
        for (var c = 0; c < s.Channels; c++)
            if (used[c]) s.DWait(c, Ev.SaToDma(c));
        s.SSig(Ev.SaToXbar);
        s.XWait(Ev.SaToXbar);
    }

    // A head's slice that does not start on an SRAM unit (head_dim 80: 80 i8 or 160 f16 bytes a head) is addressed as
    // its first unit and an offset word before the instruction that reads it; the slices stay packed (no copy).
    private long HeadSource(long rowUnit, long byteOffset)
    {
        var unit = PimllmFormats.SramUnitBytes;
        if (byteOffset % unit != 0) s.X("pp.srcoff", byteOffset % unit);
        return rowUnit + byteOffset / unit;
    }

    private long HeadQuery(long qq, long byteOffset)
    {
        var unit = PimllmFormats.SramUnitBytes;
        if (byteOffset % unit != 0) s.S("sa.aoff", byteOffset % unit);
        return qq + byteOffset / unit;
    }
}
