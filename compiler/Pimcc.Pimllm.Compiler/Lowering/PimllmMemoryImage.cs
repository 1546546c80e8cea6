using System.Buffers.Binary;
using Pimcc.Compiler.Backend;
using Pimcc.Compiler.Quantization;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Compiler.Lowering;

/// <summary>
/// The initial memory image of a pimllm binary (docs/binary-format.md, "Memory image"), in exactly the layout the
/// lowering reads: every crossbar-held projection as programmed (<see cref="CrossbarCells"/>: its 1-bit codes tile by
/// tile, with the matrix's weight scale), the SRAM parameters (biases, norm gains, at <see cref="SramPlan.ParamUnitOf"/>,
/// as the fp16 the post-processing lanes read; each norm's epsilon and each attention's score scale as fp32), every
/// streamed weight in its LPDDR chunks (a float weight INT8 per output row, <see cref="Int8PerChannel"/>, the rounding
/// the quantised reference declares for it; a 1-bit one as its codes) with its fp32 scales in SRAM, and the embedding
/// tables in LPDDR (<see cref="LpddrLayout.RowTable"/>, fp16 rows; a position table from its ids'
/// offset on, <see cref="PositionTables"/>). KV caches and activations start zero-filled and are not stored.
/// </summary>
public static class PimllmMemoryImage
{
    /// <summary>Weight bytes the image would hold (0 when no weight carries data, e.g. HF configs).</summary>
    public static long WeightBytes(Module m) => m.Weights.Where(w => w.HasData).Sum(w => (long)w.Data.Length);

    public static IReadOnlyList<MemoryChunk> Build(Module m, PimllmTarget t)
    {
        var sram = SramPlan.Build(m, t);
        var lpddr = new LpddrLayout(m, t, sram);
        var chunks = new List<MemoryChunk>();
        var ops = m.Functions.SelectMany(f => f.Body).ToList();
        var crossbars = new HashSet<string>(StringComparer.Ordinal);
        foreach (var op in ops.Where(o => o.Opcode == "linear" && o.Attrs.StrOr(PimllmAttrs.Unit, "") == "crossbar"))
            if (crossbars.Add(op.Operands[1].Name))
                Crossbars(chunks, t.Crossbars, m.FindWeight(op.Operands[1].Name)!, op);
        var parameters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var op in ops)
        {
            var weights = op.Opcode switch
            {
                "linear" when op.Operands.Length > 2 => [op.Operands[2]],
                "layer_norm" or "rms_norm" => op.Operands.Skip(1),
                "add" or "mul" => op.Operands.Where(o => o.Kind == OperandKind.Weight),
                _ => [],
            };
            foreach (var o in weights.Where(o => parameters.Add(o.Name)))
                if (m.FindWeight(o.Name) is { HasData: true } w)
                    chunks.Add(new MemoryChunk(PimllmSpaces.Sram, 0, sram.ParamUnitOf(w.Name) * PimllmFormats.SramUnitBytes, Fp16(w)));
        }
        foreach (var op in ops.Where(o => o.Opcode is "layer_norm" or "rms_norm").DistinctBy(o => o.Operands[^1].Name))
            chunks.Add(Fp32(sram.EpsilonUnit(op.Operands[^1].Name), op.Attrs.Float("eps")));
        foreach (var op in ops.Where(o => o.Opcode == "attention").DistinctBy(o => o.Attrs.Str("cache")))
            chunks.Add(Fp32(sram.ScoreScaleUnit(op.Attrs.Str("cache")), op.Attrs.Float("scale")));
        foreach (var op in ops.Where(o => o.Opcode == "rotary").DistinctBy(sram.RopeUnit))
            chunks.Add(RopeTable(op, sram));
        foreach (var name in ops.Where(ActivationPlan.IsStreamed).Select(o => o.Operands[1].Name).Distinct())
            Streamed(chunks, m.FindWeight(name)!, sram, lpddr);
        foreach (var name in ops.Where(o => o.Opcode == "embedding").Select(o => o.Operands[1].Name).Distinct())
        {
            var w = m.FindWeight(name)!;
            if (!w.HasData) continue;
            var (channel, unit) = lpddr.RowTable(name);
            long rows = w.Type.Shape[0].Constant, width = w.Type.Shape[1].Constant, rowBytes = LpddrLayout.RowUnits(w) * PimllmFormats.LpddrUnitBytes;
            var offset = PositionTables.FirstStoredRow(m, name);
            var values = Fp16(w);
            var table = new byte[rows * rowBytes];
            for (long r = 0; r + offset < rows; r++)
                values.AsSpan((int)((r + offset) * width * 2), (int)(width * 2)).CopyTo(table.AsSpan((int)(r * rowBytes)));
            chunks.Add(new MemoryChunk(PimllmSpaces.Lpddr, channel, unit * PimllmFormats.LpddrUnitBytes, table));
        }
        chunks.Sort(MemoryImageRules.Order);
        return chunks;
    }

    /// <summary>A rotary op's table as <c>pp.rope</c> reads it: per position p of the compiled ones, from 0, rotary_dim / 2
    /// fp16 cos(p x f_i) then as many sin(p x f_i), f_i the op's frequencies (<see cref="RotaryFrequencies"/>).</summary>
    private static MemoryChunk RopeTable(Operation op, SramPlan sram)
    {
        var frequencies = RotaryFrequencies.Of(op.Attrs);
        var half = frequencies.Length;
        var table = new byte[sram.Positions * half * 4];
        for (long p = 0; p < sram.Positions; p++)
            for (var i = 0; i < half; i++)
            {
                var at = (int)((p * half * 2 + i) * 2);
                BinaryPrimitives.WriteHalfLittleEndian(table.AsSpan(at), (Half)Math.Cos(p * frequencies[i]));
                BinaryPrimitives.WriteHalfLittleEndian(table.AsSpan(at + half * 2), (Half)Math.Sin(p * frequencies[i]));
            }
        return new MemoryChunk(PimllmSpaces.Sram, 0, sram.RopeUnit(op) * PimllmFormats.SramUnitBytes, table);
    }

    private static MemoryChunk Fp32(long unit, double value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, (float)value);
        return new MemoryChunk(PimllmSpaces.Sram, 0, unit * PimllmFormats.SramUnitBytes, bytes);
    }

    /// <summary>A streamed weight's rows as LPDDR holds them, chunk j's part c at channel c's base + j x part units
    /// (<see cref="LpddrLayout.Striped"/>), and its scales at <see cref="SramPlan.WeightScaleUnit"/>.</summary>
    private static void Streamed(List<MemoryChunk> chunks, Weight w, SramPlan sram, LpddrLayout lpddr)
    {
        if (!w.HasData) return;
        var st = lpddr.StripedWeight(w.Name);
        int outputs = (int)w.Type.Shape[0].Constant, inputs = (int)w.Type.Shape[1].Constant;
        byte[] rows;
        float[] scales;
        if (SramPlan.PerRowScales(w))
        {
            var (codes, rowScales) = Int8PerChannel.Quantize(OneBitQuantization.ReadFloats(w), outputs, inputs);
            rows = [.. codes.Select(c => (byte)c)];
            scales = [.. rowScales.Select(v => (float)v)];
        }
        else
        {
            rows = w.Data.ToArray();
            scales = [(float)w.Attrs.Float(PimllmAttrs.QuantScale)];
        }
        var scaleBytes = new byte[scales.Length * 4];
        for (var i = 0; i < scales.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(scaleBytes.AsSpan(4 * i), scales[i]);
        chunks.Add(new MemoryChunk(PimllmSpaces.Sram, 0, sram.WeightScaleUnit(w.Name) * PimllmFormats.SramUnitBytes, scaleBytes));
        var partBytes = st.PartUnits * PimllmFormats.LpddrUnitBytes;
        for (long j = 0; j < st.Chunks; j++)
        {
            var start = j * st.ChunkRows * st.RowBytes;
            var end = Math.Min(rows.Length, start + st.ChunkRows * st.RowBytes);
            for (var c = 0; c < st.Base.Length; c++)
            {
                var from = start + c * partBytes;
                if (from >= end) break;
                var part = rows.AsSpan((int)from, (int)Math.Min(partBytes, end - from)).ToArray();
                chunks.Add(new MemoryChunk(PimllmSpaces.Lpddr, c, (st.Base[c] + j * st.PartUnits) * PimllmFormats.LpddrUnitBytes, part));
            }
        }
    }

    /// <summary>Crossbars first + r x column tiles + c hold row tile r (inputs r x rows ..) and column tile c (outputs c x outputs per crossbar ..).</summary>
    private static void Crossbars(List<MemoryChunk> chunks, CrossbarConfig x, Weight w, Operation op)
    {
        if (!w.HasData) return;
        long outputs = w.Type.Shape[0].Constant, inputs = w.Type.Shape[1].Constant;
        var codes = Codes(w, outputs * inputs);
        var scale = (float)w.Attrs.Float(PimllmAttrs.QuantScale);
        long first = op.Attrs.Int(PimllmAttrs.FirstCrossbar), rowTiles = op.Attrs.Int(PimllmAttrs.RowTiles), colTiles = op.Attrs.Int(PimllmAttrs.ColumnTiles);
        for (long r = 0; r < rowTiles; r++)
            for (long c = 0; c < colTiles; c++)
                chunks.Add(new MemoryChunk(PimllmSpaces.Crossbar, checked((int)(first + r * colTiles + c)), 0,
                    CrossbarCells.Program(x, codes, outputs, inputs, r * x.Rows, c * x.OutputsPerCrossbar, scale)));
    }

    /// <summary>The codes of a 1-bit weight in the IR's sub-byte storage (<see cref="OneBitQuantization.Pack"/>).</summary>
    private static sbyte[] Codes(Weight w, long count)
    {
        var bits = w.Type.Element switch
        {
            ElementType.I1 => 1,
            ElementType.Ternary => 2,
            _ => throw new InvalidOperationException($"crossbar weight {w.Name} is {w.Type.Element.Name()}, not 1-bit (compiler bug: pimllm-quantize-weights runs first)"),
        };
        var data = w.Data.AsSpan();
        var codes = new sbyte[count];
        for (long i = 0; i < count; i++)
        {
            var bit = i * bits;
            var field = (data[(int)(bit / 8)] >> (int)(bit % 8)) & ((1 << bits) - 1);
            codes[i] = bits == 1 ? (sbyte)(field == 1 ? 1 : -1) : (sbyte)(field switch { 1 => 1, 3 => -1, _ => 0 });
        }
        return codes;
    }

    private static byte[] Fp16(Weight w)
    {
        var values = OneBitQuantization.ReadFloats(w);
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(2 * i), (Half)values[i]);
        return bytes;
    }
}
