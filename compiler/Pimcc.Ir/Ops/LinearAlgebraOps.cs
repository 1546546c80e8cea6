using static Pimcc.Ir.Ops.ShapeMath;

namespace Pimcc.Ir.Ops;

/// <summary>Weight GEMM/GEMV and activation-activation matrix products.</summary>
public static class LinearAlgebraOps
{
    /// <summary>
    /// <c>linear(x: T[S,K], w: T[N,K], b?: T[N]) -> T[S,N]</c>, y = x·wᵀ + b. Weights use the
    /// [out, in] layout of PyTorch's nn.Linear (so tied LM heads reuse the embedding table).
    /// <c>role</c> names the layer's job (q_proj, k_proj, v_proj, out_proj, fc1, fc2, gate_proj,
    /// up_proj, down_proj, lm_head) for the mapping passes.
    /// </summary>
    public static readonly OpDef Linear = new(
        "linear", "fully connected layer y = x·wᵀ + b (weights [out, in])", 2, 3,
        [new("role", AttrKind.String)],
        s =>
        {
            ExpectRank(s, 0, 2);
            ExpectRank(s, 1, 2);
            ExpectDim(s, s[1].Shape[1], s[0].Shape[1], "weight input dimension");
            if (s.Count == 3)
            {
                ExpectRank(s, 2, 1);
                ExpectDim(s, s[2].Shape[0], s[1].Shape[0], "bias length");
            }
            return One(s[0].WithShape(s[0].Shape[0], s[1].Shape[0]));
        },
        (s, r) =>
        {
            SymExpr rows = s[0].Shape[0], k = s[0].Shape[1], n = s[1].Shape[0];
            var flops = rows * k * 2 * n + (s.Count == 3 ? rows * n : SymExpr.Zero);
            return new OpCost(IsOne(rows) ? OpClass.Gemv : OpClass.Gemm, flops, Bytes(s.Operands), Bytes(r));
        });

    /// <summary><c>matmul(a: T[..,M,K], b: T[..,K,N]) -> T[..,M,N]</c> with broadcast batch dimensions.</summary>
    public static readonly OpDef MatMul = new(
        "matmul", "batched matrix product of two activations", 2, 2, [],
        s =>
        {
            if (s[0].Rank < 2 || s[1].Rank < 2) throw s.Error("operands must have rank >= 2");
            ExpectSameElement(s);
            var a = s[0].Shape;
            var b = s[1].Shape;
            ExpectDim(s, b[^2], a[^1], "contraction dimension of operand 1");
            var batch = Broadcast(s, a[..^2], b[..^2]);
            return One(s[0].WithShape([.. batch, a[^2], b[^1]]));
        },
        (s, r) =>
        {
            var m = s[0].Shape[^2];
            var k = s[0].Shape[^1];
            var outCount = r[0].ElementCount;
            return new OpCost(IsOne(m) ? OpClass.AttentionGemv : OpClass.Gemm, outCount * k * 2, Bytes(s.Operands), Bytes(r));
        });
}
