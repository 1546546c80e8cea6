using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Reference;
using static Pimcc.Tests.Reference.ReferenceTestKit;

namespace Pimcc.Tests.Reference;

public class AttentionTests
{
    private static AttrMap Attrs(long heads, long kvHeads, long headDim, SymExpr past, bool causal, double scale) =>
        AttrMap.Empty.Set("heads", heads).Set("kv_heads", kvHeads).Set("head_dim", headDim).Set("past", past)
            .Set("causal", causal).Set("scale", scale).Set("cache", "c");

    private static KvCache Cache(long len, long kvHeads, long headDim) =>
        new("c", TensorType.Of(ElementType.F32, len, kvHeads, headDim), AttrMap.Empty);

    [Fact]
    public void Causal_single_head_by_hand()
    {
        // q = k = [[1,0],[0,1]], v = [[1,2],[3,4]], scale 1.
        // Row 0 sees key 0 only -> v0 = [1,2].
        // Row 1 scores: q1·k0 = 0, q1·k1 = 1 -> weights e^0/(1+e), e/(1+e).
        var y = RunOp("attention", Attrs(1, 1, 2, 0, true, 1.0),
            [Tensor.F32([2, 2], 1, 0, 0, 1), Tensor.F32([2, 2], 1, 0, 0, 1), Tensor.F32([2, 2], 1, 2, 3, 4)], [Cache(4, 1, 2)]);
        double w0 = 1 / (1 + Math.E), w1 = Math.E / (1 + Math.E);
        ShouldBeClose(F(y), [1, 2, w0 * 1 + w1 * 3, w0 * 2 + w1 * 4], 1e-6);
    }

    [Fact]
    public void Non_causal_rows_see_every_key()
    {
        var y = RunOp("attention", Attrs(1, 1, 2, 0, false, 1.0),
            [Tensor.F32([2, 2], 1, 0, 0, 1), Tensor.F32([2, 2], 1, 0, 0, 1), Tensor.F32([2, 2], 1, 2, 3, 4)], [Cache(2, 1, 2)]);
        double a = Math.E / (1 + Math.E), b = 1 / (1 + Math.E);
        // Row 0 scores (1, 0); row 1 scores (0, 1).
        ShouldBeClose(F(y), [a * 1 + b * 3, a * 2 + b * 4, b * 1 + a * 3, b * 2 + a * 4], 1e-6);
    }

    [Fact]
    public void Grouped_query_heads_share_their_kv_head_and_decode_appends_at_past()
    {
        // 4 query heads, 2 kv heads (groups {0,1} -> kv 0, {2,3} -> kv 1), head_dim 2; 3 prompt rows then one decode row.
        const long h = 4, hkv = 2, d = 2, rows = 3;
        var rng = new Random(7);
        float[] Rand(long n) => [.. Enumerable.Range(0, (int)n).Select(_ => (float)(rng.NextDouble() * 2 - 1))];
        float[] q = Rand(rows * h * d), k = Rand(rows * hkv * d), v = Rand(rows * hkv * d);
        float[] q2 = Rand(h * d), k2 = Rand(hkv * d), v2 = Rand(hkv * d);

        var module = new Module("m", AttrMap.Empty, [], [Cache(8, hkv, d)], []);
        var kv = new KvCacheState(module);
        var y1 = RunOp("attention", Attrs(h, hkv, d, 0, true, 0.7), [Tensor.F32([rows, h * d], q), Tensor.F32([rows, hkv * d], k), Tensor.F32([rows, hkv * d], v)], module.KvCaches, kv);
        var y2 = RunOp("attention", Attrs(h, hkv, d, SymExpr.Sym("kv"), true, 0.7), [Tensor.F32([1, h * d], q2), Tensor.F32([1, hkv * d], k2), Tensor.F32([1, hkv * d], v2)],
            module.KvCaches, kv, new Dictionary<string, long> { ["kv"] = rows });

        // Independent formula: all keys/values laid out [position][kv head][channel].
        float[] keys = [.. k, .. k2], values = [.. v, .. v2];
        double[] Expected(float[] qs, long qRows, long past)
        {
            var outp = new double[qRows * h * d];
            for (long i = 0; i < qRows; i++)
                for (long head = 0; head < h; head++)
                {
                    var g = head / (h / hkv);
                    var n = past + i + 1;
                    var s = new double[n];
                    for (long j = 0; j < n; j++)
                        s[j] = 0.7 * Enumerable.Range(0, (int)d).Sum(c => (double)qs[i * h * d + head * d + c] * keys[(j * hkv + g) * d + c]);
                    var m = s.Max();
                    var e = s.Select(x => Math.Exp(x - m)).ToArray();
                    for (long c = 0; c < d; c++)
                        outp[i * h * d + head * d + c] = Enumerable.Range(0, (int)n).Sum(j => e[j] * values[(j * hkv + g) * d + c]) / e.Sum();
                }
            return outp;
        }
        ShouldBeClose(F(y1), Expected(q, rows, 0), 1e-5);
        ShouldBeClose(F(y2), Expected(q2, 1, rows), 1e-5);
        // The cache holds the appended rows at [0, 4) and zeros after.
        var cachedKeys = kv.Keys("c").Floats!;
        cachedKeys[..(int)(4 * hkv * d)].ShouldBe(keys);
        cachedKeys[(int)(4 * hkv * d)..].ShouldAllBe(x => x == 0);
    }

    [Fact]
    public void Alibi_adds_slope_times_key_distance_per_head()
    {
        // 2 heads of dim 1, q = k = 0 so only the bias shapes the weights; v = [1, 2, 4] per head (kv heads = heads).
        // Row 2 of head h sees biases m_h·(0 − 2), m_h·(1 − 2), 0: weights ∝ e^{−2m}, e^{−m}, 1.
        var attrs = Attrs(2, 2, 1, 0, true, 1.0).Set("alibi_slopes", AttrValue.Of([0.5, 0.25]));
        var y = RunOp("attention", attrs,
            [Tensor.F32([3, 2], new float[6]), Tensor.F32([3, 2], new float[6]), Tensor.F32([3, 2], 1, 1, 2, 2, 4, 4)], [Cache(3, 2, 1)]);
        double Row(double m, int row)
        {
            var w = Enumerable.Range(0, row + 1).Select(j => Math.Exp(m * (j - row))).ToArray();
            double[] v = [1, 2, 4];
            return Enumerable.Range(0, row + 1).Sum(j => w[j] * v[j]) / w.Sum();
        }
        ShouldBeClose(F(y), [1, 1, Row(0.5, 1), Row(0.25, 1), Row(0.5, 2), Row(0.25, 2)], 1e-6);
    }

    [Fact]
    public void Softcap_bounds_the_scaled_score_before_the_softmax()
    {
        // One head, dim 1, non-causal: q = [10], k = [10, 0], scale 0.5 -> scores 50, 0; cap 20: 20·tanh(2.5), 0.
        var attrs = Attrs(1, 1, 1, 0, false, 0.5).Set("softcap", 20.0);
        var y = RunOp("attention", attrs, [Tensor.F32([2, 1], 10, 0), Tensor.F32([2, 1], 10, 0), Tensor.F32([2, 1], 1, 0)], [Cache(2, 1, 1)]);
        var s = 20 * Math.Tanh(2.5);
        ShouldBeClose(F(y), [Math.Exp(s) / (Math.Exp(s) + 1), 0.5], 1e-6);
    }

    [Fact]
    public void Soft_cap_op_is_cap_times_tanh_of_x_over_cap()
    {
        var y = RunOp("soft_cap", AttrMap.Empty.Set("cap", 30.0), [Tensor.F32([1, 3], -90, 0, 15)], []);
        ShouldBeClose(F(y), [30 * Math.Tanh(-3), 0, 30 * Math.Tanh(0.5)], 1e-6);
    }

    [Fact]
    public void Appending_past_the_cache_length_is_an_error()
    {
        var err = Should.Throw<PimccError>(() => RunOp("attention", Attrs(1, 1, 2, 1, true, 1.0),
            [Tensor.F32([2, 2], new float[4]), Tensor.F32([2, 2], new float[4]), Tensor.F32([2, 2], new float[4])], [Cache(2, 1, 2)]));
        err.Code.ShouldBe(ExitCode.InvalidModel);
        err.Message.ShouldContain("do not fit kv_cache");
    }
}
