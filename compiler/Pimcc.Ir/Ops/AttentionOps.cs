using static Pimcc.Ir.Ops.ShapeMath;

namespace Pimcc.Ir.Ops;

/// <summary>Multi-head attention with a KV cache.</summary>
public static class AttentionOps
{
    /// <summary>
    /// <c>attention(q: T[S,H·d], k: T[S,Hkv·d], v: T[S,Hkv·d]) -> T[S,H·d]</c>. Appends k and v to the
    /// KV cache <c>cache</c> at positions [past, past+S) and attends each query to the first
    /// past+S cached positions (causally when <c>causal</c>). <c>heads</c>/<c>kv_heads</c> (GQA when
    /// fewer), <c>head_dim</c>, <c>scale</c> (usually 1/sqrt(head_dim)). In decode, S = 1 and past = kv.
    /// Optional score terms, applied in this order to score s = scale·q·k of query position i and key position j:
    /// <c>softcap</c> c (Gemma 2: s = c·tanh(s/c)), then <c>alibi_slopes</c> m[heads] (BLOOM, Press et al. 2022:
    /// s += m_h·(j − i), which equals BLOOM's m_h·j under the softmax since m_h·i is constant along a row).
    /// </summary>
    public static readonly OpDef Attention = new(
        "attention", "multi-head (grouped-query) attention over a KV cache", 3, 3,
        [
            new("heads", AttrKind.Int), new("kv_heads", AttrKind.Int), new("head_dim", AttrKind.Int),
            new("past", AttrKind.Expr), new("causal", AttrKind.Bool), new("scale", AttrKind.Float),
            new("cache", AttrKind.String), new("softcap", AttrKind.Float, Required: false),
            new("alibi_slopes", AttrKind.FloatList, Required: false),
        ],
        s =>
        {
            for (var i = 0; i < 3; i++) ExpectRank(s, i, 2);
            ExpectSameElement(s);
            long h = s.Attrs.Int("heads"), hkv = s.Attrs.Int("kv_heads"), d = s.Attrs.Int("head_dim");
            if (h <= 0 || hkv <= 0 || d <= 0) throw s.Error("heads, kv_heads and head_dim must be positive");
            if (h % hkv != 0) throw s.Error($"heads ({h}) must be a multiple of kv_heads ({hkv})");
            ExpectDim(s, s[0].Shape[1], h * d, "query width");
            ExpectDim(s, s[1].Shape[1], hkv * d, "key width");
            ExpectDim(s, s[2].Shape[1], hkv * d, "value width");
            ExpectDim(s, s[1].Shape[0], s[0].Shape[0], "key rows");
            ExpectDim(s, s[2].Shape[0], s[0].Shape[0], "value rows");
            if (s.Attrs.ContainsKey("softcap") && !(s.Attrs.Float("softcap") > 0))
                throw s.Error($"softcap must be positive, found {s.Attrs.Float("softcap")}");
            if (s.Attrs.ContainsKey("alibi_slopes") && s.Attrs.Floats("alibi_slopes").Length != h)
                throw s.Error($"alibi_slopes has {s.Attrs.Floats("alibi_slopes").Length} slopes for {h} heads");
            return One(s[0]);
        },
        (s, r) =>
        {
            long h = s.Attrs.Int("heads"), hkv = s.Attrs.Int("kv_heads"), d = s.Attrs.Int("head_dim");
            var rows = s[0].Shape[0];
            var past = s.Attrs.Expr("past");
            var pairs = QueryKeyPairs(rows, past, s.Attrs.Bool("causal"));
            // Q·Kᵀ and S·V: one MAC (2 FLOPs) per (query, key, channel) each; softmax: max, subtract,
            // exp, sum, divide = 5 operations per score.
            // Soft-capping: divide, tanh, multiply (3); ALiBi: multiply-add (2) per score.
            var extra = (s.Attrs.ContainsKey("softcap") ? 3 : 0) + (s.Attrs.ContainsKey("alibi_slopes") ? 2 : 0);
            var flops = pairs * h * (4 * d + 5 + extra);
            var elt = s[0].Element.Bits() / 8;
            var cacheRead = past * (2 * hkv * d * elt);
            var cacheWrite = rows * (2 * hkv * d * elt);
            return new OpCost(IsOne(rows) ? OpClass.AttentionGemv : OpClass.Gemm, flops,
                Bytes(s.Operands) + cacheRead, Bytes(r) + cacheWrite);
        });

    /// <summary>Number of (query, key) score pairs per head.</summary>
    public static SymExpr QueryKeyPairs(SymExpr rows, SymExpr past, bool causal)
    {
        if (!causal) return rows * (past + rows);
        // Query i (0-based) sees past + i + 1 keys: S·past + S(S+1)/2.
        if (!rows.IsConstant) throw new NonLinearException($"causal attention over {rows} rows; bind the workload first");
        var s = rows.Constant;
        return past * s + s * (s + 1) / 2;
    }
}
