using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Quantization;
using Pimcc.Ir;
using Pimcc.Reference;
using A = Pimcc.Hyflexpim.Compiler.HyflexpimAttrs;

namespace Pimcc.Hyflexpim.Compiler.Passes;

/// <summary>
/// INT8 weights for the analog crossbars (paper, Precision): every linear's weight becomes <c>@W.int8 : i8</c> with
/// per-output-channel scales <c>@W.scale</c> (<see cref="Int8PerChannel"/>), and the linear becomes
/// <c>linear(x, @W.int8)</c>, <c>mul(·, @W.scale)</c> (dequantisation) and <c>add(·, bias)</c>, so the IR still computes
/// what the hardware does. Scales, bias and everything else stay in the activations' floating-point type (the SFU's
/// FP16). Rank permutations of assign-slc-mlc are kept (attributes are copied).
/// </summary>
public sealed class HyflexpimQuantize : Pass
{
    public static readonly Statistic Quantized = new("weights-quantized", "weights stored as INT8 with per-channel scales");
    public static readonly Statistic WithData = new("weights-with-data", "of those, weights whose values were quantised");

    public override string Name => "hyflexpim-quantize";
    public override string Summary => "store every linear weight as INT8 with per-output-channel scales (dequantised by a mul after the GEMV)";
    public override ImmutableArray<Statistic> Statistics => [Quantized, WithData];
    public override ImmutableArray<string> Requires => [A.SlcMlcAssigned];
    public override ImmutableArray<string> Establishes => [A.Quantized];
    public override ImmutableArray<string> Invalidates => [IrProperty.Annotated];

    public override Module Run(Module module, PassContext context)
    {
        var made = new Dictionary<string, (Weight Q, Weight Scale)>(StringComparer.Ordinal);
        var functions = module.Functions.Select(fn => fn.WithBody(fn.Body.SelectMany<Operation, Operation>(op =>
        {
            if (op.Opcode != "linear" || op.Operands[1].Kind != OperandKind.Weight) return new[] { op };
            var y = op.Result;
            if (!made.TryGetValue(op.Operands[1].Name, out var qw))
                made[op.Operands[1].Name] = qw = Quantize(module.FindWeight(op.Operands[1].Name)!, y.Type.Element, context);
            var bias = op.Operands.Length > 2;
            var raw = new Value(y.Name + ".int8", y.Type);
            var scaled = bias ? new Value(y.Name + ".deq", y.Type) : y;
            var ops = new List<Operation>
            {
                new("linear", [op.Operands[0], Operand.W(qw.Q.Name)], [raw], op.Attrs),
                new("mul", [raw.Use, Operand.W(qw.Scale.Name)], [scaled], AttrMap.Empty),
            };
            if (bias) ops.Add(new Operation("add", [scaled.Use, op.Operands[2]], [y], AttrMap.Empty));
            return ops;
        }))).ToList();
        var used = functions.SelectMany(f => f.Body).SelectMany(o => o.Operands).Where(o => o.Kind == OperandKind.Weight).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var weights = module.Weights.SelectMany(w =>
        {
            Weight[] keep = used.Contains(w.Name) ? [w] : [];
            return made.TryGetValue(w.Name, out var q) ? [.. keep, q.Q, q.Scale] : keep;
        });
        return module with { Weights = [.. weights], Functions = [.. functions] };
    }

    private static (Weight Q, Weight Scale) Quantize(Weight w, ElementType activation, PassContext context)
    {
        context.Stats.Add(Quantized);
        int rows = (int)w.Type.Shape[0].Constant, cols = (int)w.Type.Shape[1].Constant;
        var attrs = w.Attrs.Remove("source").Remove("source_range").Remove("source_blocks").Remove("source_layout").Remove("source_offset").Remove("source_scale");
        var q = new Weight(w.Name + ".int8", w.Type.WithElement(ElementType.I8), ImmutableArray<byte>.Empty, attrs.Set("hfp.quantized_from", w.Name));
        var scale = new Weight(w.Name + ".scale", new TensorType(activation, [SymExpr.Const(rows)]), ImmutableArray<byte>.Empty, AttrMap.Empty.Set("hfp.scale_of", q.Name));
        if (!w.HasData) return (q, scale);
        context.Stats.Add(WithData);
        var (values, scales) = Int8PerChannel.Quantize(WeightData.Decode(w.Type, w.Data, $"weight @{w.Name}").Floats!, rows, cols);
        return (q with { Data = [.. values.Select(v => (byte)v)] }, scale with { Data = WeightData.Encode(activation, scales) });
    }
}
