using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;

namespace Pimcc.Hyflexpim.Compiler.Lowering;

internal sealed partial class ProgramLowering
{
    private PimccError TooLarge(Operation op, string what, long value, long max) =>
        new(ExitCode.CapacityExceeded, $"@{_fn.Name}: %{op.Id}", $"{what} is {value}; the hyflexpim instruction fields hold at most {max}",
            "compile a smaller model or fewer tokens");

    /// <summary>Bytes a block of a long prompt's attention scores and probabilities, or of a linear's partial sums, may
    /// take in the window (<see cref="HyflexpimLowerOptions.BlockBytes"/>).</summary>
    private long BlockBytes => _layout.Options.BlockBytes;

    private void Limit(Operation op, string what, long value, int bits)
    {
        if (value >= 1L << bits) throw TooLarge(op, what, value, (1L << bits) - 1);
    }

    /// <summary>
    /// A linear on the crossbars: the input is quantised (SFU) on the stage's home PU and sent to the other PUs holding
    /// tiles of the weight; each PU reads its tile groups (ag.gemv); partial results of other PUs come back over the
    /// shared bus and the home PU's SFU adds them (sfu.reduce). With <paramref name="dequantise"/> (the <c>mul</c> by
    /// the weight's scales that alone reads the sums) each row block's i32 sums are dequantised by the SFU into that
    /// op's FP16 result right away, so the whole i32 result never takes window space.
    /// </summary>
    private void Linear(Operation op, int home, Operation? dequantise)
    {
        var wo = op.Operands[1];
        if (wo.Kind != OperandKind.Weight || !_layout.Tiles.TryGetValue(wo.Name, out var tiles))
            throw Unsupported($"%{op.Id}", "a linear whose weight is not mapped to crossbars");
        var x = At(Value(op.Operands[0].Name), home);
        long rows = Rows(op.Result), n = tiles.Outputs, k = tiles.Inputs;
        if (x.Length != k || Len(op.Result) != n)
            throw Unsupported($"%{op.Id}", $"a linear of {x.Length} inputs to {Len(op.Result)} outputs over a weight of {k} x {n}");
        Limit(op, "the linear's input size", k, 16);
        Limit(op, "the linear's output size", n, 18);
        Limit(op, "the token count", rows, 14);
        var q = Quantized(x);
        var pus = tiles.Pus.ToList();
        // Partial sums of a weight spread over PUs are staged on the home PU, one block per PU: a long prompt's rows go
        // through in row blocks whose staging (and, dequantised at once, whose sums) fit a quarter of the window.
        var rowBytes = BufferValue.UnitsOf(n * I32) * HyflexpimFormats.BufferUnitBytes;
        var stagedRowBytes = pus.Count * rowBytes;
        var block = pus.Count > 1 ? Math.Clamp(BlockBytes / stagedRowBytes, 1, rows) : rows;
        var sfu = _layout.Stream(HyflexpimStreams.Sfu, home);
        if (dequantise is null)
        {
            var result = Allocate(home, rows, n, I32, $"%{op.Id}");
            for (long first = 0; first < rows; first += block)
                LinearRows(tiles, q.Values, result, 0, home, pus, first, Math.Min(block, rows - first), rows);
            // The i32 sums times each token's input scale: the FP16 value the IR's dequantising mul reads.
            var dequantised = Allocate(home, rows, n, _layout.SfuBytes, $"%{op.Id}");
            Issue(sfu, [result, q.Scales], [dequantised], () =>
            {
                sfu.Emit("sfu.len", n, rows);
                return sfu.Emit("sfu.dequant", dequantised.Start, result.Start, q.Scales.Start);
            });
            Discard(result);
            Define(op, dequantised);
            return;
        }
        var param = ParamsOf(_layout, dequantise, home);
        var w = _layout.Module.FindWeight(dequantise.Operands[1].Name)!;
        if (w.Type.Shape.Aggregate(1L, (a, d) => a * d.Constant) != n)
            throw Unsupported($"%{dequantise.Id}", $"an element-wise op with a weight of shape {w.Type} (the SFU broadcasts one row)");
        var output = Allocate(home, Rows(dequantise.Result), Len(dequantise.Result), _layout.SfuBytes, $"%{dequantise.Id}");
        block = Math.Min(block, Math.Max(1, BlockBytes / rowBytes));
        // A block's input scales start at a buffer unit: blocks are whole multiples of the scales per unit.
        var scalesPerUnit = HyflexpimFormats.BufferUnitBytes / _layout.SfuBytes;
        if (block < rows) block = Math.Max(scalesPerUnit, block / scalesPerUnit * scalesPerUnit);
        var one = HyflexpimFormats.RowsOfB.Code("one");
        for (long first = 0; first < rows; first += block)
        {
            var count = Math.Min(block, rows - first);
            var sums = Allocate(home, count, n, I32, $"%{op.Id}");
            LinearRows(tiles, q.Values, sums, first, home, pus, first, count, count);
            var scaled = Allocate(home, count, n, _layout.SfuBytes, $"%{op.Id} dequantised");
            var scalesAt = q.Scales.Start + first / scalesPerUnit;
            Issue(sfu, [sums, q.Scales], [scaled], () =>
            {
                sfu.Emit("sfu.len", n, count);
                return sfu.Emit("sfu.dequant", scaled.Start, sums.Start, scalesAt);
            });
            Discard(sums);
            Issue(sfu, [scaled], [output], () =>
            {
                sfu.Emit("sfu.len", n, count);
                return sfu.Emit("sfu.mul", output.Start + first * output.RowUnits, scaled.Start, param, one);
            });
            Discard(scaled);
        }
        Define(dequantise, output);
    }

    /// <summary>Rows first .. first + count - 1 of a linear (into <paramref name="result"/>, whose row 0 is row
    /// <paramref name="resultFirst"/>; <paramref name="rows"/> of them): each PU reads its tile groups for them; with
    /// tiles on several PUs the partial sums are staged on the home PU (over the shared bus from the others) and the SFU
    /// adds them.</summary>
    private void LinearRows(WeightTiles tiles, BufferValue inputs, BufferValue result, long resultFirst, int home, List<int> pus, long first, long count, long rows)
    {
        long n = tiles.Outputs, k = tiles.Inputs;
        var whole = count == rows;
        var resultAt = result.Start + (first - resultFirst) * result.RowUnits;
        BufferValue? staging = pus.Count > 1 ? Allocate(home, count * pus.Count, n, I32, "partial sums") : null;
        var temporaries = new List<BufferValue>();
        for (var part = 0; part < pus.Count; part++)
        {
            var pu = pus[part];
            var slot = staging is null ? -1 : staging.Start + part * count * result.RowUnits;
            var (outValue, outStart) = pu == home ? (staging ?? result, staging is null ? resultAt : slot) : (Allocate(pu, count, n, I32, "partial sums"), 0L);
            if (pu != home) { outStart = outValue.Start; temporaries.Add(outValue); }
            var input = At(inputs, pu);
            var analog = _layout.Stream(HyflexpimStreams.Analog, pu);
            var groups = tiles.Groups.Where(g => g.Pu == pu).ToList();
            Issue(analog, [input], [outValue], () =>
            {
                analog.Emit("ag.shape", k, n, _t.Precision.InputBits, count);
                analog.Emit("ag.split", tiles.SlcRanks, HyflexpimFormats.SplitAxis.Code(tiles.SplitOnInputs ? "in" : "out"), groups[0].Tile);
                Access last = default;
                for (var g = 0; g < groups.Count; g++)
                    last = analog.Emit("ag.gemv", groups[g].Module, groups[g].First, groups[g].Last, input.Start + first * input.RowUnits, outStart,
                        HyflexpimFormats.Accumulate.Code(g == 0 ? "set" : "acc"));
                return last;
            });
            if (pu != home) Send(outValue, staging ?? result, "bus.send", staging is null ? (whole ? -1 : resultAt) : slot);
        }
        if (staging is not null)
        {
            var sfu = _layout.Stream(HyflexpimStreams.Sfu, home);
            Issue(sfu, [staging], [result], () =>
            {
                sfu.Emit("sfu.len", n, count);
                return sfu.Emit("sfu.reduce", resultAt, staging.Start, pus.Count);
            });
            temporaries.Add(staging);
        }
        foreach (var tmp in temporaries) Discard(tmp);
    }

    /// <summary>
    /// Attention on the digital PIM of the stage's home PU: Q, K, V quantised to INT8 (SFU), the new K and V rows written
    /// into the layer's KV tables, the scores (dg.qk), the softmax (SFU), the weighted sum of V (dg.sv). Bidirectional
    /// attention (an encoder's, <c>causal = false</c>) sets the full mask after each dg.shape and sfu.len: every query
    /// sees all the table's rows, which are exactly the program's tokens.
    /// </summary>
    private void Attention(Operation op, int pu)
    {
        var (shape, q) = WriteKv(op, pu, withQuery: true);
        var (heads, groups, dim, tokens, positions, kTable, vTable, full, mask, kScales, vScales) = shape;
        var digital = _layout.Stream(HyflexpimStreams.Digital, pu);
        var sfu = _layout.Stream(HyflexpimStreams.Sfu, pu);
        // A long prompt's scores and probabilities of all queries at once outgrow the window: queries in blocks.
        var scoreRowBytes = BufferValue.UnitsOf(positions * I32) * HyflexpimFormats.BufferUnitBytes;
        var probRowBytes = BufferValue.UnitsOf(positions * I8) * HyflexpimFormats.BufferUnitBytes;
        var block = Math.Clamp(BlockBytes / (heads * (scoreRowBytes + probRowBytes)), 1, tokens);
        // One block (a short prompt, decode) is the plain sequence with the output allocated where the scores were.
        var output = block == tokens ? null : Allocate(pu, tokens, heads * dim, _layout.SfuBytes, $"%{op.Id}");
        for (long first = 0; first < tokens; first += block)
        {
            var n = Math.Min(block, tokens - first);
            var scores = Allocate(pu, n * heads, positions, I32, "attention scores");
            Issue(digital, [q.Values, q.Scales], [scores], () =>
            {
                if (block < tokens)
                {
                    digital.Emit("dg.shape", dim, positions, n, heads, groups);
                    if (full) digital.Emit("dg.mask", mask);
                    digital.Emit("dg.qblock", first);
                }
                digital.Emit("dg.scale", q.Scales.Start, kScales);
                return digital.Emit("dg.qk", scores.Start, q.Values.Start + first * q.Values.RowUnits, kTable);
            });
            var probs = Allocate(pu, n * heads, positions, I8, "attention probabilities");
            Issue(sfu, [scores], [probs], () =>
            {
                sfu.Emit("sfu.len", positions, n * heads);
                if (full) sfu.Emit("sfu.mask", mask);
                if (block < tokens) sfu.Emit("sfu.qblock", first);
                return sfu.Emit("sfu.softmax", probs.Start, scores.Start, n);
            });
            Discard(scores);
            output ??= Allocate(pu, tokens, heads * dim, _layout.SfuBytes, $"%{op.Id}");
            Issue(digital, [probs], [output], () =>
            {
                digital.Emit("dg.scale", 0, vScales);
                return digital.Emit("dg.sv", output.Start + first * output.RowUnits, probs.Start, vTable);
            });
            Discard(probs);
        }
        Define(op, output!); // the loop runs at least once (tokens >= 1)
    }

    /// <summary>The shape an attention runs with on its PU's digital PIM (the run's tokens, the KV tables).</summary>
    private sealed record AttentionShape(long Heads, long Groups, long Dim, long Tokens, long Positions, long KTable, long VTable, bool Full, long Mask, long KScales, long VScales);

    /// <summary>An attention's K and V rows of the run's tokens, quantised (SFU) and written into the layer's KV tables
    /// (dg.kvw at the run's first position); with <paramref name="withQuery"/> Q is quantised first, for the scores.</summary>
    private (AttentionShape Shape, (BufferValue Values, BufferValue Scales) Q) WriteKv(Operation op, int pu, bool withQuery)
    {
        long heads = op.Attrs.Int("heads"), groups = op.Attrs.IntOr("kv_heads", heads), dim = op.Attrs.Int("head_dim");
        var tokens = Rows(op.Result);
        var full = !op.Attrs.BoolOr("causal", true);
        if (Math.Abs(op.Attrs.FloatOr("scale", 1 / Math.Sqrt(dim)) * Math.Sqrt(dim) - 1) > 1e-6)
            throw Unsupported($"%{op.Id}", $"an attention scale other than 1/sqrt(head_dim) ({op.Attrs.Float("scale")})");
        if (heads % groups != 0) throw Unsupported($"%{op.Id}", $"{heads} heads over {groups} KV heads");
        var cache = _layout.Module.FindKvCache(op.Attrs.StrOr("cache", "")) ?? throw Unsupported($"%{op.Id}", "attention without a KV cache");
        var (kTable, vTable, positions, kScales, vScales) = _layout.Kv(pu, cache);
        if (full && positions != tokens)
            throw Unsupported($"%{op.Id}", $"bidirectional attention of {tokens} tokens over a KV table of {positions} rows (a full mask sees every row, so they must be the same)");
        var mask = HyflexpimFormats.AttentionMask.Code(full ? "full" : "causal");
        Limit(op, "the head size", dim, 10);
        Limit(op, "the KV cache length", positions, 14);
        Limit(op, "the token count", tokens, 14);
        Limit(op, "the head count", heads, 8);
        var q = withQuery ? Quantized(At(Value(op.Operands[0].Name), pu)) : default;
        var k = Quantized(At(Value(op.Operands[1].Name), pu));
        var v = Quantized(At(Value(op.Operands[2].Name), pu));
        var digital = _layout.Stream(HyflexpimStreams.Digital, pu);
        Issue(digital, [k.Values, k.Scales], [], () =>
        {
            digital.Emit("dg.shape", dim, positions, tokens, heads, groups);
            if (full) digital.Emit("dg.mask", mask);
            digital.Emit("dg.scale", k.Scales.Start, kScales);
            return digital.Emit("dg.kvw", kTable, k.Values.Start, tokens);
        });
        Issue(digital, [v.Values, v.Scales], [], () =>
        {
            digital.Emit("dg.scale", v.Scales.Start, vScales);
            return digital.Emit("dg.kvw", vTable, v.Values.Start, tokens);
        });
        return (new AttentionShape(heads, groups, dim, tokens, positions, kTable, vTable, full, mask, kScales, vScales), q);
    }

    /// <summary>An attention whose output nothing in the program reads (the last layer's, in a chunk before the last):
    /// only its K and V rows are written.</summary>
    private void KvWrites(Operation op, int pu) => WriteKv(op, pu, withQuery: false);

    private void Discard(BufferValue b) => Window(b.Pu).Free(b.Start, b.Units, [.. b.Prior, .. b.Writers, .. b.Readers]);
}
