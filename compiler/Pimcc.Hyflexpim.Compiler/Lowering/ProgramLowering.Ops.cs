using Pimcc.Compiler.Passes;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;

namespace Pimcc.Hyflexpim.Compiler.Lowering;

internal sealed partial class ProgramLowering
{
    private const int I8 = 1, I32 = 4;

    private void LowerOp(Operation op, int pu)
    {
        switch (op.Opcode)
        {
            case "position_ids":
                _positions.Add(op.Result.Name); // io.row reads positions itself
                break;
            case "embedding":
                Embedding(op, pu);
                break;
            case "last_token":
                var all = Value(op.Operands[0].Name);
                var last = new BufferValue(all.Pu, all.Start + (all.Rows - 1) * all.RowUnits, 1, all.Length, all.ElementBytes, all.Owner ?? all);
                last.Writers.AddRange(all.Writers); // written when its owner is
                Define(op, last);
                break;
            case "add" or "mul":
                Binary(op, pu);
                break;
            case "layer_norm" or "rms_norm":
                Norm(op, pu);
                break;
            case "gelu" or "silu" or "relu":
                Sfu(op, pu, "sfu.act", (dst, src) => [dst.Start, src[0].Start, HyflexpimFormats.ActivationFunction.Code(ActivationName(op))]);
                break;
            case "rotary":
                if (op.Attrs.BoolOr("interleaved", false))
                    throw Unsupported($"%{op.Id}", "interleaved (GPT-J) rotary embeddings (the SFU rotates each head's rotated channels by halves)");
                if (Pimcc.Ir.RotaryFrequencies.Amplitude(op.Attrs) != 1)
                    throw Unsupported($"%{op.Id}", "rotary embeddings whose cos and sin are scaled (attention_scaling, yarn): the SFU's tables have amplitude 1");
                Rotary(op, pu);
                break;
            case "linear":
                Linear(op, pu, null);
                break;
            case "attention":
                AttentionScoreTerms.RefuseAny(_fn, op, "hyflexpim lowering (digital PIM scores, SFU softmax)");
                Attention(op, pu);
                break;
            default:
                throw Unsupported($"%{op.Id}", $"no rule for '{op.Opcode}'");
        }
    }

    /// <summary>The SFU's name of an activation: GELU's tanh approximation is <c>gelu</c>, its exact (erf) form <c>gelu_erf</c>.</summary>
    private string ActivationName(Operation op) => op.Opcode != "gelu" ? op.Opcode : op.Attrs.StrOr("approximate", "tanh") switch
    {
        "tanh" => "gelu",
        "none" => "gelu_erf",
        var other => throw Unsupported($"%{op.Id}", $"GELU with approximate = \"{other}\" (the SFU computes \"tanh\" and \"none\", the erf form)"),
    };

    private void Embedding(Operation op, int pu)
    {
        var index = op.Operands[0];
        var which = _positions.Contains(index.Name) ? "position"
            : _fn.Params.Any(p => p.Name == index.Name) ? "token"
            : throw Unsupported($"%{op.Id}", "an embedding indexed by something other than the token ids or their positions");
        var table = op.Operands[1].Kind == OperandKind.Weight && _layout.Module.FindWeight(op.Operands[1].Name) is { } w ? _layout.HostTable(w)
            : throw Unsupported($"%{op.Id}", "an embedding whose table is not a weight");
        var dst = Allocate(pu, Rows(op.Result), Len(op.Result), _layout.SfuBytes, $"%{op.Id}");
        var link = _layout.Stream(HyflexpimStreams.Link, pu);
        Issue(link, [], [dst], () => link.Emit("io.row", dst.Start, dst.Length, HyflexpimFormats.RowIndex.Code(which), dst.Rows, table));
        Define(op, dst);
    }

    /// <summary>An SFU op over its value operands (moved to <paramref name="pu"/>) writing a new FP16 value.</summary>
    private void Sfu(Operation op, int pu, string mnemonic, Func<BufferValue, BufferValue[], long[]> operands, long param = -1, int elementBytes = 0)
    {
        var srcs = op.Operands.Where(o => o.Kind == OperandKind.Value).Select(o => At(Value(o.Name), pu)).ToArray();
        var dst = Allocate(pu, Rows(op.Result), Len(op.Result), elementBytes == 0 ? _layout.SfuBytes : elementBytes, $"%{op.Id}");
        var sfu = _layout.Stream(HyflexpimStreams.Sfu, pu);
        Issue(sfu, srcs, [dst], () =>
        {
            sfu.Emit("sfu.len", dst.Length, dst.Rows);
            return sfu.Emit(mnemonic, operands(dst, srcs));
        });
        Define(op, dst);
    }

    private void Binary(Operation op, int pu)
    {
        var mnemonic = op.Opcode == "add" ? "sfu.add" : "sfu.mul";
        var values = op.Operands.Count(o => o.Kind == OperandKind.Value);
        if (values == 2)
        {
            var (a, b) = (Value(op.Operands[0].Name), Value(op.Operands[1].Name));
            // b's rows must match, or be one row broadcast to all (sfu.add / sfu.mul).
            var (big, small) = a.Rows >= b.Rows ? (0, 1) : (1, 0);
            if (Rows(op.Result) != Math.Max(a.Rows, b.Rows) || Math.Min(a.Rows, b.Rows) is var r && r != 1 && r != Math.Max(a.Rows, b.Rows) || a.Length != b.Length)
                throw Unsupported($"%{op.Id}", "an element-wise op whose operands differ in more than a broadcast row");
            var rowsOfB = HyflexpimFormats.RowsOfB.Code(Math.Min(a.Rows, b.Rows) == Math.Max(a.Rows, b.Rows) ? "each" : "one");
            Sfu(op, pu, mnemonic, (dst, s) => [dst.Start, s[big].Start, s[small].Start, rowsOfB]);
        }
        else if (values == 1)
        {
            var param = ParamsOf(_layout, op, pu);
            var w = _layout.Module.FindWeight(op.Operands.First(o => o.Kind == OperandKind.Weight).Name)!;
            if (w.Type.Shape.Aggregate(1L, (x, d) => x * d.Constant) != Len(op.Result))
                throw Unsupported($"%{op.Id}", $"an element-wise op with a weight of shape {w.Type} (the SFU broadcasts one row)");
            Sfu(op, pu, mnemonic, (dst, s) => [dst.Start, s[0].Start, param, HyflexpimFormats.RowsOfB.Code("one")]);
        }
        else throw Unsupported($"%{op.Id}", "an element-wise op on weights only");
    }

    private void Norm(Operation op, int pu)
    {
        if (op.Operands[0].Kind != OperandKind.Value || op.Operands.Length < 2 || op.Operands.Skip(1).Any(o => o.Kind != OperandKind.Weight))
            throw Unsupported($"%{op.Id}", "a normalisation without gamma (and beta) weights");
        var param = ParamsOf(_layout, op, pu);
        var kind = HyflexpimFormats.NormKind.Code(op.Opcode == "layer_norm" ? "layer" : "rms");
        // The SFU takes epsilon as a power of ten (sfu.norm eps = -log10 epsilon): 1e-5 and 1e-12, GPT-2's and BERT's.
        var eps = Math.Round(-Math.Log10(op.Attrs.Float("eps")));
        if (eps is < 0 or > 127 || Math.Abs(Math.Pow(10, -eps) / op.Attrs.Float("eps") - 1) > 1e-6)
            throw Unsupported($"%{op.Id}", $"a normalisation epsilon of {op.Attrs.Float("eps")} (the SFU takes 10^-k, k = 0 .. 127)");
        Sfu(op, pu, "sfu.norm", (dst, s) => [dst.Start, s[0].Start, param, kind, (long)eps]);
    }

    private void Rotary(Operation op, int pu)
    {
        var table = ParamsOf(_layout, op, pu);
        var x = At(Value(op.Operands[0].Name), pu);
        long heads = op.Attrs.Int("heads"), dim = op.Attrs.Int("head_dim"), rotated = op.Attrs.IntOr("rotary_dim", dim);
        if (x.Length != heads * dim || rotated % 2 != 0 || rotated > dim || rotated / 2 > 256 || dim > 1024)
            throw Unsupported($"%{op.Id}", $"rotary embedding of {rotated} channels of {heads} heads of {dim} over rows of {x.Length}");
        var dst = Allocate(pu, x.Rows, x.Length, _layout.SfuBytes, $"%{op.Id}");
        var sfu = _layout.Stream(HyflexpimStreams.Sfu, pu);
        Issue(sfu, [x], [dst], () =>
        {
            sfu.Emit("sfu.len", x.Length, x.Rows);
            if (rotated != dim) sfu.Emit("sfu.head", dim); // partial rotary: the rest of each head is copied
            return sfu.Emit("sfu.rope", dst.Start, x.Start, table, rotated / 2);
        });
        Define(op, dst);
    }

    /// <summary>The value's INT8 form and per-row FP16 scales on its PU (sfu.quant), made once.</summary>
    private (BufferValue Values, BufferValue Scales) Quantized(BufferValue v)
    {
        if (v.Quantized is { } q) return q;
        var values = Allocate(v.Pu, v.Rows, v.Length, I8, "quantised inputs");
        var scales = Allocate(v.Pu, 1, v.Rows, _layout.SfuBytes, "input scales");
        var sfu = _layout.Stream(HyflexpimStreams.Sfu, v.Pu);
        Issue(sfu, [v], [values, scales], () =>
        {
            sfu.Emit("sfu.len", v.Length, v.Rows);
            return sfu.Emit("sfu.quant", values.Start, v.Start, scales.Start);
        });
        v.Quantized = (values, scales);
        return (values, scales);
    }
}
