using Pimcc.Ir;

namespace Pimcc.Reference.Kernels;

/// <summary>Element-wise maps shared by IR ops and ONNX ops. Float math in float32 (transcendentals
/// evaluated in double, then rounded to float32).</summary>
public static class ElementWise
{
    public static Tensor MapFloat(OpContext ctx, Tensor x, Func<double, double> f)
    {
        if (x.Floats is not { } a) throw ctx.Error($"operand must be a float tensor, is {x}");
        var r = new float[a.Length];
        for (var i = 0; i < a.Length; i++) r[i] = (float)f(a[i]);
        return Tensor.Float(x.Element, x.Shape, r);
    }

    /// <summary>Broadcast binary op on floats, ints or bools, as the operands' common type allows.</summary>
    public static Tensor Binary(OpContext ctx, Tensor a, Tensor b,
        Func<float, float, float>? onFloat, Func<long, long, long>? onInt)
    {
        var shape = BroadcastShape(ctx, a, b);
        var ia = Broadcasting.SourceIndices(a.Shape, shape);
        var ib = Broadcasting.SourceIndices(b.Shape, shape);
        if (a.Floats is { } fa && b.Floats is { } fb && onFloat is not null)
        {
            var r = new float[ia.Length];
            for (var i = 0; i < r.Length; i++) r[i] = onFloat(fa[ia[i]], fb[ib[i]]);
            return Tensor.Float(Wider(a.Element, b.Element), shape, r);
        }
        if (a.Ints is { } la && b.Ints is { } lb && onInt is not null)
        {
            var r = new long[ia.Length];
            for (var i = 0; i < r.Length; i++) r[i] = onInt(la[ia[i]], lb[ib[i]]);
            return Tensor.Int(a.Element, shape, r);
        }
        throw ctx.Error($"operands {a} and {b} are not both float or both integer tensors of a type this op takes");
    }

    /// <summary>Broadcast comparison producing bool.</summary>
    public static Tensor Compare(OpContext ctx, Tensor a, Tensor b, Func<double, double, bool> f)
    {
        var shape = BroadcastShape(ctx, a, b);
        var ia = Broadcasting.SourceIndices(a.Shape, shape);
        var ib = Broadcasting.SourceIndices(b.Shape, shape);
        var r = new bool[ia.Length];
        for (var i = 0; i < r.Length; i++) r[i] = f(a.GetDouble(ia[i]), b.GetDouble(ib[i]));
        return Tensor.Bool(shape, r);
    }

    public static long[] BroadcastShape(OpContext ctx, params Tensor[] ts) =>
        Broadcasting.Shape([.. ts.Select(t => t.Shape)])
            ?? throw ctx.Error($"shapes {string.Join(" and ", ts.Select(t => t.ShapeText))} do not broadcast");

    /// <summary>Result precision of mixing two float types: the wider one (f32 beats f16/bf16).</summary>
    private static ElementType Wider(ElementType a, ElementType b) => a == b ? a : ElementType.F32;
}
