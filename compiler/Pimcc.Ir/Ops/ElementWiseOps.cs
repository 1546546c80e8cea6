using static Pimcc.Ir.Ops.ShapeMath;

namespace Pimcc.Ir.Ops;

/// <summary>Binary element-wise arithmetic with broadcasting, and rotary position embedding.</summary>
public static class ElementWiseOps
{
    public static readonly OpDef Add = Binary("add", "a + b (residual connections, biases)");
    public static readonly OpDef Sub = Binary("sub", "a - b");
    public static readonly OpDef Mul = Binary("mul", "a · b (gating, scaling)");
    public static readonly OpDef Div = Binary("div", "a / b");

    /// <summary>
    /// <c>rotary(x: T[S,H·d]) {heads, head_dim, rotary_dim, theta, start, interleaved}</c>: rotates the first
    /// rotary_dim channels of each head by the angle (start + row)·theta^(-2i/rotary_dim). 3 FLOPs/element
    /// (two multiplies and an add); the sin/cos tables are generated on the fly.
    /// </summary>
    public static readonly OpDef Rotary = new(
        "rotary", "rotary position embedding", 1, 1,
        [
            new("heads", AttrKind.Int), new("head_dim", AttrKind.Int), new("rotary_dim", AttrKind.Int),
            new("theta", AttrKind.Float), new("start", AttrKind.Expr), new("interleaved", AttrKind.Bool),
        ],
        s =>
        {
            ExpectRank(s, 0, 2);
            long h = s.Attrs.Int("heads"), d = s.Attrs.Int("head_dim"), rd = s.Attrs.Int("rotary_dim");
            ExpectDim(s, s[0].Shape[1], h * d, "input width");
            if (rd <= 0 || rd > d || rd % 2 != 0) throw s.Error($"rotary_dim {rd} must be even and in (0, head_dim]");
            return One(s[0]);
        },
        (s, r) => NonlinearOps.PerElement(s, r, OpClass.ElementWise, 3));

    private static OpDef Binary(string name, string summary) => new(
        name, summary, 2, 2, [],
        s =>
        {
            ExpectSameElement(s);
            return One(s[0].WithShape([.. Broadcast(s, s[0].Shape, s[1].Shape)]));
        },
        (s, r) => NonlinearOps.PerElement(s, r, OpClass.ElementWise, 1));
}
