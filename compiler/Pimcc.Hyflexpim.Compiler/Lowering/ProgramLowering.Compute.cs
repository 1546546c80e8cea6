using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;

namespace Pimcc.Hyflexpim.Compiler.Lowering;

internal sealed partial class ProgramLowering
{
    private PimccError TooLarge(Operation op, string what, long value, long max) =>
        new(ExitCode.CapacityExceeded, $"@{_fn.Name}: %{op.Id}", $"{what} is {value}; the hyflexpim instruction fields hold at most {max}",
            "compile a smaller model or fewer tokens");

    private void Limit(Operation op, string what, long value, int bits)
    {
        if (value >= 1L << bits) throw TooLarge(op, what, value, (1L << bits) - 1);
    }

    /// <summary>
    /// A linear on the crossbars: the input is quantised (SFU) on the stage's home PU and sent to the other PUs holding
    /// tiles of the weight; each PU reads its tile groups (ag.gemv); partial results of other PUs come back over the
    /// shared bus and the home PU's SFU adds them (sfu.reduce).
    /// </summary>
    private void Linear(Operation op, int home)
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
        var result = Allocate(home, rows, n, I32, $"%{op.Id}");
        var pus = tiles.Pus.ToList();
        BufferValue? staging = pus.Count > 1 ? Allocate(home, rows * pus.Count, n, I32, "partial sums") : null;
        var temporaries = new List<BufferValue>();
        for (var part = 0; part < pus.Count; part++)
        {
            var pu = pus[part];
            var slot = staging is null ? -1 : staging.Start + part * rows * result.RowUnits;
            var (outValue, outStart) = pu == home ? (staging ?? result, staging is null ? result.Start : slot) : (Allocate(pu, rows, n, I32, "partial sums"), 0L);
            if (pu != home) { outStart = outValue.Start; temporaries.Add(outValue); }
            var input = At(q.Values, pu);
            var analog = _layout.Stream(HyflexpimStreams.Analog, pu);
            var groups = tiles.Groups.Where(g => g.Pu == pu).ToList();
            Issue(analog, [input], [outValue], () =>
            {
                analog.Emit("ag.shape", k, n, _t.Precision.InputBits, rows);
                analog.Emit("ag.split", tiles.SlcRanks, HyflexpimFormats.SplitAxis.Code(tiles.SplitOnInputs ? "in" : "out"), groups[0].Tile);
                Access last = default;
                for (var g = 0; g < groups.Count; g++)
                    last = analog.Emit("ag.gemv", groups[g].Module, groups[g].First, groups[g].Last, input.Start, outStart, HyflexpimFormats.Accumulate.Code(g == 0 ? "set" : "acc"));
                return last;
            });
            if (pu != home) Send(outValue, staging ?? result, "bus.send", staging is null ? -1 : slot);
        }
        if (staging is not null)
        {
            var sfu = _layout.Stream(HyflexpimStreams.Sfu, home);
            Issue(sfu, [staging], [result], () =>
            {
                sfu.Emit("sfu.len", n, rows);
                return sfu.Emit("sfu.reduce", result.Start, staging.Start, pus.Count);
            });
            temporaries.Add(staging);
        }
        foreach (var tmp in temporaries) Discard(tmp);
        Define(op, result);
    }

    /// <summary>
    /// Attention on the digital PIM of the stage's home PU: Q, K, V quantised to INT8 (SFU), the new K and V rows written
    /// into the layer's KV tables, the scores (dg.qk), the softmax (SFU), the weighted sum of V (dg.sv).
    /// </summary>
    private void Attention(Operation op, int pu)
    {
        long heads = op.Attrs.Int("heads"), groups = op.Attrs.IntOr("kv_heads", heads), dim = op.Attrs.Int("head_dim");
        var tokens = Rows(op.Result);
        if (!op.Attrs.BoolOr("causal", true) && tokens > 1)
            throw Unsupported($"%{op.Id}", "bidirectional attention over several tokens (the digital PIM masks causally)");
        if (Math.Abs(op.Attrs.FloatOr("scale", 1 / Math.Sqrt(dim)) * Math.Sqrt(dim) - 1) > 1e-6)
            throw Unsupported($"%{op.Id}", $"an attention scale other than 1/sqrt(head_dim) ({op.Attrs.Float("scale")})");
        if (heads % groups != 0) throw Unsupported($"%{op.Id}", $"{heads} heads over {groups} KV heads");
        var cache = _layout.Module.FindKvCache(op.Attrs.StrOr("cache", "")) ?? throw Unsupported($"%{op.Id}", "attention without a KV cache");
        var (kTable, vTable, positions) = _layout.Kv(pu, cache);
        Limit(op, "the head size", dim, 10);
        Limit(op, "the KV cache length", positions, 14);
        Limit(op, "the token count", tokens, 14);
        Limit(op, "the head count", heads, 8);
        var q = Quantized(At(Value(op.Operands[0].Name), pu));
        var k = Quantized(At(Value(op.Operands[1].Name), pu));
        var v = Quantized(At(Value(op.Operands[2].Name), pu));
        var digital = _layout.Stream(HyflexpimStreams.Digital, pu);
        Issue(digital, [k.Values, k.Scales], [], () =>
        {
            digital.Emit("dg.shape", dim, positions, tokens, heads, groups);
            return digital.Emit("dg.kvw", kTable, k.Values.Start, tokens);
        });
        Issue(digital, [v.Values, v.Scales], [], () => digital.Emit("dg.kvw", vTable, v.Values.Start, tokens));
        var scores = Allocate(pu, tokens * heads, positions, I32, "attention scores");
        Issue(digital, [q.Values, q.Scales], [scores], () => digital.Emit("dg.qk", scores.Start, q.Values.Start, kTable));
        var probs = Allocate(pu, tokens * heads, positions, I8, "attention probabilities");
        var sfu = _layout.Stream(HyflexpimStreams.Sfu, pu);
        Issue(sfu, [scores], [probs], () =>
        {
            sfu.Emit("sfu.len", positions, tokens * heads);
            return sfu.Emit("sfu.softmax", probs.Start, scores.Start, tokens);
        });
        Discard(scores);
        var result = Allocate(pu, tokens, heads * dim, _layout.SfuBytes, $"%{op.Id}");
        Issue(digital, [probs], [result], () => digital.Emit("dg.sv", result.Start, probs.Start, vTable));
        Discard(probs);
        Define(op, result);
    }

    private void Discard(BufferValue b) => Window(b.Pu).Free(b.Start, b.Units, [.. b.Prior, .. b.Writers, .. b.Readers]);
}
