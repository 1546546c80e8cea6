using System.Collections.Immutable;
using Pimcc.Ir;
using Pimcc.Reference.Kernels;

namespace Pimcc.Reference.Onnx;

/// <summary>
/// ONNX semantics (opsets 13–21, https://onnx.ai/onnx/operators/) for the generic
/// <c>onnx.&lt;OpType&gt;</c> ops the importer leaves unraised. Conventions the importer follows
/// (documented in README.md beside this project):
/// <list type="bullet">
/// <item>ONNX attribute names are kept; ints are integer attrs, floats float attrs, strings string
/// attrs, lists list attrs.</item>
/// <item>Inputs ONNX passes as tensors (Reshape shape, Slice starts/ends/axes/steps, Split split,
/// Squeeze/Unsqueeze axes, ReduceX axes, Expand shape, Trilu k, ...) are operands, in ONNX input
/// order. Trailing omitted optional inputs are left out; an omitted optional input that is
/// followed by a present one is materialised with its ONNX default.</item>
/// <item>Tensor-valued attributes (Constant/ConstantOfShape <c>value</c>) arrive either as an
/// operand (a module weight) or as a scalar <c>value</c> float/int attr.</item>
/// <item>Result element types are the declared ones (e.g. Cast's <c>to</c> and ConstantOfShape's
/// value type decide the declared type); float results are rounded to them on store.</item>
/// </list>
/// </summary>
public static class OnnxKernels
{
    /// <summary>The ONNX op types (default domain) this interpreter executes.</summary>
    public static readonly ImmutableSortedSet<string> Supported = ImmutableSortedSet.Create(StringComparer.Ordinal,
        "MatMul", "Gemm", "Add", "Sub", "Mul", "Div", "Pow", "Sqrt", "Reciprocal", "Neg", "Exp", "Erf", "Tanh",
        "Sigmoid", "Relu", "Gelu", "ReduceMean", "ReduceSum", "ReduceMax", "LayerNormalization", "Softmax", "Reshape",
        "Transpose", "Squeeze", "Unsqueeze", "Concat", "Split", "Slice", "Gather", "Shape", "ConstantOfShape",
        "Constant", "Cast", "Where", "Expand", "Equal", "Range", "Trilu",
        // Beyond the transformer list: what torch exports of the bundled samples contain (rotary tables, no-op copies).
        "Cos", "Sin", "Identity",
        // What real exporters' mask and position subgraphs use (transformers' torch and optimum exports).
        "Greater", "Less", "GreaterOrEqual", "LessOrEqual", "And", "Or", "Not", "Max", "Min", "CumSum", "ScatterND",
        // GPT-J's sin/cos table: embed_positions.repeat and torch.gather of it, repeat_interleave (torch >= 2.0: Tile).
        "GatherElements", "Tile");

    public static Tensor[] Run(string opType, OpContext ctx)
    {
        switch (opType)
        {
            case "MatMul": return [MatrixKernels.MatMul(ctx, ctx[0], ctx[1])];
            case "Gemm": return [Gemm(ctx)];
            case "Add": return [ElementWise.Binary(ctx, ctx[0], ctx[1], (a, b) => a + b, (a, b) => a + b)];
            case "Sub": return [ElementWise.Binary(ctx, ctx[0], ctx[1], (a, b) => a - b, (a, b) => a - b)];
            case "Mul": return [ElementWise.Binary(ctx, ctx[0], ctx[1], (a, b) => a * b, (a, b) => a * b)];
            case "Div": return [ElementWise.Binary(ctx, ctx[0], ctx[1], (a, b) => a / b, (a, b) => IrKernels.IntDivide(ctx, a, b))];
            case "Pow": return [Pow(ctx, ctx[0], ctx[1])];
            case "Sqrt": return [ElementWise.MapFloat(ctx, ctx[0], Math.Sqrt)];
            case "Reciprocal": return [ElementWise.MapFloat(ctx, ctx[0], x => 1 / x)];
            case "Neg": return [ctx[0].Ints is { } ni ? Tensor.Int(ctx[0].Element, ctx[0].Shape, [.. ni.Select(v => -v)]) : ElementWise.MapFloat(ctx, ctx[0], x => -x)];
            case "Exp": return [ElementWise.MapFloat(ctx, ctx[0], Math.Exp)];
            case "Erf": return [ElementWise.MapFloat(ctx, ctx[0], SpecialFunctions.Erf)];
            case "Cos": return [ElementWise.MapFloat(ctx, ctx[0], Math.Cos)];
            case "Sin": return [ElementWise.MapFloat(ctx, ctx[0], Math.Sin)];
            case "Identity": return [ctx[0]];
            case "Tanh": return [ElementWise.MapFloat(ctx, ctx[0], Math.Tanh)];
            case "Sigmoid": return [ElementWise.MapFloat(ctx, ctx[0], SpecialFunctions.Sigmoid)];
            case "Relu": return [ctx[0].Ints is { } ri ? Tensor.Int(ctx[0].Element, ctx[0].Shape, [.. ri.Select(v => Math.Max(v, 0))]) : ElementWise.MapFloat(ctx, ctx[0], x => Math.Max(x, 0))];
            case "Gelu": return [IrKernels.Gelu(ctx, ctx[0], ctx.StrOr("approximate", "none"))];
            case "ReduceMean": return [OnnxReductions.Reduce(ctx, OnnxReductions.Kind.Mean)];
            case "ReduceSum": return [OnnxReductions.Reduce(ctx, OnnxReductions.Kind.Sum)];
            case "ReduceMax": return [OnnxReductions.Reduce(ctx, OnnxReductions.Kind.Max)];
            case "LayerNormalization": return LayerNormalization(ctx);
            case "Softmax": return [NormKernels.Softmax(ctx, ctx[0], ctx.Axis(ctx.IntOr("axis", -1), ctx[0].Rank))];
            case "Equal": return [ElementWise.Compare(ctx, ctx[0], ctx[1], (a, b) => a == b)];
            case "Cast": return [Cast(ctx)];
            default:
                if (OnnxShapeKernels.TryRun(opType, ctx, out var r) || OnnxLogicKernels.TryRun(opType, ctx, out r)) return r;
                throw ReferenceErrors.Unsupported(ctx.Location, $"the reference interpreter does not implement ONNX operator '{opType}'",
                    $"supported: {string.Join(", ", Supported)}");
        }
    }

    /// <summary>Y = alpha·A'·B' + beta·C with A' = Aᵀ if transA, B' = Bᵀ if transB; C broadcasts to [M, N].</summary>
    private static Tensor Gemm(OpContext ctx)
    {
        Tensor a = ctx[0], b = ctx[1];
        if (a.Rank != 2 || b.Rank != 2) throw ctx.Error($"Gemm needs 2-D A and B; got {a.ShapeText} and {b.ShapeText}");
        if (ctx.IntOr("transA", 0) != 0) a = Indexing.Transpose(a, [1, 0]);
        if (ctx.IntOr("transB", 0) != 0) b = Indexing.Transpose(b, [1, 0]);
        var y = MatrixKernels.MatMul(ctx, a, b);
        float alpha = (float)ctx.FloatOr("alpha", 1), beta = (float)ctx.FloatOr("beta", 1);
        var yf = (float[])MatrixKernels.Floats(ctx, y).Clone();
        for (var i = 0; i < yf.Length; i++) yf[i] *= alpha;
        var scaled = Tensor.F32(y.Shape, yf);
        if (ctx.Optional(2) is not { } c) return scaled.WithElement(y.Element);
        var sum = ElementWise.Binary(ctx, scaled, c, (p, q) => p + beta * q, null);
        if (!sum.Shape.SequenceEqual(y.Shape)) throw ctx.Error($"C {c.ShapeText} does not broadcast to {y.ShapeText}");
        return sum.WithElement(y.Element);
    }

    /// <summary>Pow: result has the base's type; exponent may be any numeric type (opset 15).</summary>
    private static Tensor Pow(OpContext ctx, Tensor x, Tensor e)
    {
        var shape = ElementWise.BroadcastShape(ctx, x, e);
        var ix = Broadcasting.SourceIndices(x.Shape, shape);
        var ie = Broadcasting.SourceIndices(e.Shape, shape);
        if (x.Floats is { } xf)
        {
            var r = new float[ix.Length];
            for (var i = 0; i < r.Length; i++) r[i] = (float)Math.Pow(xf[ix[i]], e.GetDouble(ie[i]));
            return Tensor.Float(x.Element, shape, r);
        }
        if (x.Ints is { } xi)
        {
            var r = new long[ix.Length];
            for (var i = 0; i < r.Length; i++)
                r[i] = e.Ints is { } ei && ei[ie[i]] >= 0 ? IntPow(xi[ix[i]], ei[ie[i]]) : (long)Math.Pow(xi[ix[i]], e.GetDouble(ie[i]));
            return Tensor.Int(x.Element, shape, r);
        }
        throw ctx.Error($"Pow base must be numeric, is {x}");
    }

    private static long IntPow(long b, long e)
    {
        long r = 1;
        for (; e > 0; e >>= 1, b *= b) if ((e & 1) != 0) r *= b;
        return r;
    }

    /// <summary>LayerNormalization (opset 17): normalise over axes [axis, rank); outputs Y and, when declared, Mean and InvStdDev.</summary>
    private static Tensor[] LayerNormalization(OpContext ctx)
    {
        var x = ctx[0];
        var axis = ctx.Axis(ctx.IntOr("axis", -1), x.Rank);
        var (y, mean, invStd) = NormKernels.LayerNorm(ctx, x, axis, ctx.Optional(1), ctx.Optional(2), ctx.FloatOr("epsilon", 1e-5), rms: false);
        var statShape = x.Shape.Select((d, i) => i < axis ? d : 1).ToArray();
        Tensor[] all = [y, Tensor.F32(statShape, mean), Tensor.F32(statShape, invStd)];
        return all[..ctx.ResultCount];
    }

    /// <summary>Cast to the declared result type; <c>to</c> (a TensorProto.DataType code) must agree with it.</summary>
    private static Tensor Cast(OpContext ctx)
    {
        var to = ctx.ResultElement(0);
        if (ctx.Attrs.ContainsKey("to"))
        {
            var code = ctx.Int("to");
            if (OnnxTypes.FromCode(code) is not { } t)
                throw ReferenceErrors.Unsupported(ctx.Location, $"Cast to ONNX data type {code} ({OnnxTypes.CodeName(code)}) has no IR element type");
            if (t != to) throw ctx.Error($"Cast to = {OnnxTypes.CodeName(code)} but the result is declared {to.Name()}");
        }
        return IrKernels.Cast(ctx, ctx[0], to);
    }
}
