using Pimcc.Ir;

namespace Pimcc.Reference.Kernels;

/// <summary>
/// <c>attention(q[S,H·d], k[S,Hkv·d], v[S,Hkv·d])</c> over a KV cache (see
/// <see cref="Ir.Ops.AttentionOps.Attention"/>): appends k and v to the cache at rows
/// [past, past+S) (rounded to the cache's element type), then for each head h (reading kv head
/// h / (H/Hkv), the GQA grouping) and query row i computes softmax(scale·q·Kᵀ)·V over the cached
/// positions j &lt; past+S, and j ≤ past+i when causal. A score s = scale·q·k is soft-capped (<c>softcap</c> c:
/// c·tanh(s/c)) and then biased by ALiBi (<c>alibi_slopes</c> m: + m_h·(j − (past+i))) before the softmax.
/// With <c>probabilityLevels</c> L (a target's integer probabilities, runtime-sim/Pimcc.Accuracy) each probability p
/// is taken as round(L·p) / L, half away from zero.
/// </summary>
public static class AttentionKernel
{
    public static Tensor Run(OpContext ctx, int? probabilityLevels = null)
    {
        Tensor q = ctx[0], k = ctx[1], v = ctx[2];
        long h = ctx.Int("heads"), hkv = ctx.Int("kv_heads"), d = ctx.Int("head_dim");
        var past = ctx.Expr("past");
        var causal = ctx.Bool("causal");
        var scale = (float)ctx.Float("scale");
        var softcap = (float)ctx.FloatOr("softcap", 0);
        var slopes = ctx.Attrs.ContainsKey("alibi_slopes") ? ctx.Attrs.Floats("alibi_slopes") : default;
        if (!slopes.IsDefault && slopes.Length != h) throw ctx.Error($"alibi_slopes has {slopes.Length} slopes for {h} heads");
        if (h <= 0 || hkv <= 0 || d <= 0 || h % hkv != 0) throw ctx.Error($"heads {h}, kv_heads {hkv}, head_dim {d} are inconsistent");
        var rows = q.Shape[0];
        if (q.Rank != 2 || k.Rank != 2 || v.Rank != 2 || q.Shape[1] != h * d || k.Shape[1] != hkv * d || v.Shape[1] != hkv * d ||
            k.Shape[0] != rows || v.Shape[0] != rows)
            throw ctx.Error($"q {q.ShapeText}, k {k.ShapeText}, v {v.ShapeText} do not fit heads {h}, kv_heads {hkv}, head_dim {d}");
        var kv = ctx.Kv ?? throw ctx.Error("attention needs a KV-cache state; pass one to Run");
        var cache = kv.Get(ctx.Str("cache"), ctx.Location);
        if (cache.Cache.KvHeads != hkv || cache.Cache.HeadDim != d)
            throw ctx.Error($"kv_cache @{cache.Cache.Name} is {cache.Cache.Type}, the op needs [*, {hkv}, {d}]");
        if (past < 0 || past + rows > cache.Cache.MaxLength)
            throw ctx.Error($"positions [{past}, {past + rows}) do not fit kv_cache @{cache.Cache.Name} of length {cache.Cache.MaxLength}",
                "run prefill first and stay within the cache length");

        var cacheType = cache.Cache.Type.Element;
        float[] qf = MatrixKernels.Floats(ctx, q), kf = MatrixKernels.Floats(ctx, k), vf = MatrixKernels.Floats(ctx, v);
        // Row r of k/v is laid out [Hkv, d], exactly one cache row.
        for (long r = 0; r < rows; r++)
            for (long c = 0; c < hkv * d; c++)
            {
                var at = (past + r) * hkv * d + c;
                cache.Keys[at] = FloatRounding.Round(cacheType, kf[r * hkv * d + c]);
                cache.Values[at] = FloatRounding.Round(cacheType, vf[r * hkv * d + c]);
            }

        var group = h / hkv;
        var total = past + rows;
        var y = new float[rows * h * d];
        var scores = new float[total];
        for (long head = 0; head < h; head++)
        {
            var kvHead = head / group;
            for (long i = 0; i < rows; i++)
            {
                var visible = causal ? past + i + 1 : total;
                var max = float.NegativeInfinity;
                for (long j = 0; j < visible; j++)
                {
                    var acc = 0f;
                    for (long c = 0; c < d; c++) acc += qf[i * h * d + head * d + c] * cache.Keys[(j * hkv + kvHead) * d + c];
                    var score = acc * scale;
                    if (softcap > 0) score = softcap * MathF.Tanh(score / softcap);
                    if (!slopes.IsDefault) score += (float)slopes[(int)head] * (j - (past + i));
                    scores[j] = score;
                    max = Math.Max(max, scores[j]);
                }
                var sum = 0f;
                for (long j = 0; j < visible; j++) sum += scores[j] = MathF.Exp(scores[j] - max);
                if (probabilityLevels is { } levels)
                {
                    for (long j = 0; j < visible; j++) scores[j] = (float)(Math.Round(levels * (double)scores[j] / sum, MidpointRounding.AwayFromZero) / levels);
                    sum = 1;
                }
                for (long c = 0; c < d; c++)
                {
                    var acc = 0f;
                    for (long j = 0; j < visible; j++) acc += scores[j] * cache.Values[(j * hkv + kvHead) * d + c];
                    y[i * h * d + head * d + c] = acc / sum;
                }
            }
        }
        return Tensor.Float(q.Element, q.Shape, y);
    }
}
