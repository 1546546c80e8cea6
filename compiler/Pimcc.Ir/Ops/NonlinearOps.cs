using System.Collections.Immutable;
using static Pimcc.Ir.Ops.ShapeMath;

namespace Pimcc.Ir.Ops;

/// <summary>Normalisations, softmax and activations. FLOPs per element are the counts given beside each.</summary>
public static class NonlinearOps
{
    /// <summary>
    /// <c>layer_norm(x: T[..,D], [gamma: T[D], [beta: T[D]]]) {eps}</c>: gamma and beta are optional, so one op
    /// covers the affine LayerNorm, the bias-free one (<c>bias=False</c>) and the non-parametric one (OLMo,
    /// <c>elementwise_affine=False</c>). 8 FLOPs/element: mean (1), variance (3), normalise (2), scale and shift (2).
    /// </summary>
    public static readonly OpDef LayerNorm = Norm("layer_norm", "layer normalisation over the last axis", 1, 3, 8);

    /// <summary><c>rms_norm(x: T[..,D], gamma: T[D]) {eps}</c>. 4 FLOPs/element: square-accumulate (2), normalise (1), scale (1).</summary>
    public static readonly OpDef RmsNorm = Norm("rms_norm", "RMS normalisation over the last axis", 2, 2, 4);

    /// <summary><c>softmax(x) {axis}</c>. 5 FLOPs/element: max, subtract, exp, sum, divide.</summary>
    public static readonly OpDef Softmax = new(
        "softmax", "softmax along an axis", 1, 1, [new("axis", AttrKind.Int)],
        s =>
        {
            var axis = s.Attrs.Int("axis");
            if (axis < -s[0].Rank || axis >= s[0].Rank) throw s.Error($"axis {axis} out of range for {s[0]}");
            return One(s[0]);
        },
        (s, r) => PerElement(s, r, OpClass.Nonlinear, 5));

    /// <summary>ReLU: 1 FLOP/element (compare/select).</summary>
    public static readonly OpDef Relu = Unary("relu", "max(x, 0)", 1, []);

    /// <summary>GELU: 8 FLOPs/element (erf or tanh form: scale, erf/tanh, add, two multiplies and the polynomial).</summary>
    public static readonly OpDef Gelu = Unary("gelu", "Gaussian error linear unit", 8, [new("approximate", AttrKind.String)]);

    /// <summary>SiLU (swish): 4 FLOPs/element (negate, exp, add, divide).</summary>
    public static readonly OpDef Silu = Unary("silu", "x · sigmoid(x)", 4, []);

    /// <summary>
    /// <c>soft_cap(x) {cap}</c> = cap·tanh(x/cap) (Gemma 2's final-logit soft-capping). 3 FLOPs/element: divide,
    /// tanh, multiply.
    /// </summary>
    public static readonly OpDef SoftCap = new(
        "soft_cap", "cap · tanh(x / cap)", 1, 1, [new("cap", AttrKind.Float)],
        s =>
        {
            if (!(s.Attrs.Float("cap") > 0)) throw s.Error($"cap must be positive, found {s.Attrs.Float("cap")}");
            return One(s[0]);
        },
        (s, r) => PerElement(s, r, OpClass.Nonlinear, 3));

    private static OpDef Norm(string name, string summary, int minOperands, int maxOperands, int flopsPerElement) => new(
        name, summary, minOperands, maxOperands, [new("eps", AttrKind.Float)],
        s =>
        {
            if (s[0].Rank < 1) throw s.Error("input must have rank >= 1");
            for (var i = 1; i < s.Operands.Length; i++)
            {
                ExpectRank(s, i, 1);
                ExpectDim(s, s[i].Shape[0], s[0].Shape[^1], $"operand {i} length");
            }
            return One(s[0]);
        },
        (s, r) => PerElement(s, r, OpClass.Nonlinear, flopsPerElement));

    private static OpDef Unary(string name, string summary, int flopsPerElement, ImmutableArray<AttrSpec> attrs) => new(
        name, summary, 1, 1, attrs, s => One(s[0]), (s, r) => PerElement(s, r, OpClass.Nonlinear, flopsPerElement));

    internal static OpCost PerElement(OpSignature s, ImmutableArray<TensorType> r, OpClass cls, long flopsPerElement) =>
        new(cls, r[0].ElementCount * flopsPerElement, Bytes(s.Operands), Bytes(r));
}
