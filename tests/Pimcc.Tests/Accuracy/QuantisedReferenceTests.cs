using System.Collections.Immutable;
using Pimcc.Accuracy;
using Pimcc.Ir;
using Pimcc.Reference;

namespace Pimcc.Tests.Accuracy;

/// <summary>The quantised reference's transforms on hand-computed small cases (every expected value worked out by hand
/// from the format's definition, docs/accuracy.md).</summary>
public class QuantisedReferenceTests
{
    /// <summary>prefill(x: f32[S,K]) = linear(x, @w) with w [N, K].</summary>
    private static float[] RunLinear(float[] x, int s, float[] w, int n, int k, QuantisationPlan plan, ulong? seed)
    {
        var weight = new Weight("w", new TensorType(ElementType.F32, [SymExpr.Const(n), SymExpr.Const(k)]),
            WeightData.Encode(ElementType.F32, [.. w.Select(v => (double)v)]), AttrMap.Empty);
        var module = new Module("m", AttrMap.Empty, [weight], [], []);
        var b = new FunctionBuilder(module, "prefill");
        var p = b.Param("x", new TensorType(ElementType.F32, [SymExpr.Const(s), SymExpr.Const(k)]));
        var r = b.Op("linear", [p.Use, Operand.W("w")], AttrMap.Empty, "y");
        module = module.WithFunctions([b.Return(r.Use)]);
        return new ReferenceInterpreter(module, new QuantisedReference(plan, seed)).Run("prefill", [Tensor.F32([s, k], x)])[0].Floats!;
    }

    private static QuantisationPlan PlanOf(LinearPlan linear, int? attentionBits = null) =>
        new("test", ImmutableSortedDictionary.Create<string, LinearPlan>(StringComparer.Ordinal).Add(linear.Weight, linear), attentionBits);

    private static readonly float[] W = [1, 2, 3, 4, -1, 0, 1, 0.5f];
    private static readonly float[] X = [1, 0.5f, -0.3f, 0.125f];

    private static void ShouldBe(float[] actual, double[] expected, double tol = 1e-6)
    {
        actual.Length.ShouldBe(expected.Length);
        for (var i = 0; i < actual.Length; i++) ((double)actual[i]).ShouldBe(expected[i], tol, $"element {i}");
    }

    [Fact]
    public void AdcQuantisesEachTileOfEachGroupBeforeTheSum()
    {
        // Inputs 0-1: partial sums [1·1 + 0.5·2, -1·1 + 0] = [2, -1]; 3-bit ADC (Q = 4, full scale 2): 2 -> code 4, clipped
        // to 3 -> 1.5; -1 -> -2 -> -1. Inputs 2-3: [-0.9 + 0.5, -0.3 + 0.0625] = [-0.4, -0.2375]; full scale 0.4, step 0.1:
        // -0.4 -> -4 -> -0.4; -0.2375 -> -2.375 -> -2 -> -0.2. Sum [1.1, -1.2]; exact would be [1.6, -1.2375].
        var tiled = new LinearPlan("w", WeightFormat.Float, null, SplitAxis.Inputs, [new CellGroup("A", 0, 4, 0, 3)], TileRows: 2);
        ShouldBe(RunLinear(X, 1, W, 2, 4, PlanOf(tiled), null), [1.1, -1.2]);
        // Two input groups, the first read by the 3-bit ADC in one tile, the second exactly: [1.5 - 0.4, -1 - 0.2375].
        var groups = tiled with { Groups = [new CellGroup("A", 0, 2, 0, 3), new CellGroup("B", 2, 2, 0, null)], TileRows = 64 };
        ShouldBe(RunLinear(X, 1, W, 2, 4, PlanOf(groups), null), [1.1, -1.2375]);
    }

    [Fact]
    public void InputsAreQuantisedAbsmaxPerTokenAndOutputGroupsReadSeparately()
    {
        // 3-bit inputs (Q = 4, absmax 1): [1, 0.5, -0.3, 0.125] -> codes [4 -> 3, 2, -1.2 -> -1, 0.5 -> 0 (half to even)]
        // -> [0.75, 0.5, -0.25, 0]. Row 0: 0.75 + 1 - 0.75 + 0 = 1.0 (exact read-out); row 1: -0.75 - 0.25 = -1.0, read by
        // a 2-bit ADC (Q = 2) whose full scale is that one output: code -2 -> -1.0.
        var plan = new LinearPlan("w", WeightFormat.Float, 3, SplitAxis.Outputs, [new CellGroup("A", 0, 1, 0, null), new CellGroup("B", 1, 1, 0, 2)], 64);
        ShouldBe(RunLinear(X, 1, W, 2, 4, PlanOf(plan), null), [1.0, -1.0]);
        // Two tokens are quantised each against its own absmax: the second row [2, 1, -0.6, 0.25] is the first doubled.
        var two = RunLinear([.. X, .. X.Select(v => 2 * v)], 2, W, 2, 4, PlanOf(plan), null);
        ShouldBe(two, [1.0, -1.0, 2.0, -2.0]);
    }

    [Fact]
    public void WeightFormatsRoundAsDefined()
    {
        // INT8 per output channel: row [1, -0.26, 0.004] has scale 1/127: 0.26·127 = 33.02 -> 33, 0.004·127 = 0.508 -> 1;
        // row [0.5, 0.25, -0.125] scale 0.5/127: 0.25·254 = 63.5 -> 64 and -31.75 -> -32 (half away from zero).
        ShouldBe(WeightFormats.Round(WeightFormat.Int8PerChannel, [1, -0.26f, 0.004f, 0.5f, 0.25f, -0.125f], 2, 3),
            [1, -33 / 127.0, 1 / 127.0, 0.5, 64 * 0.5 / 127, -32 * 0.5 / 127], 1e-6);
        // Binary (BitNet): mean 0, signs [+, -, +, -] times mean |w| = 0.25.
        ShouldBe(WeightFormats.Round(WeightFormat.Binary, [0.4f, -0.2f, 0.1f, -0.3f], 1, 4), [0.25, -0.25, 0.25, -0.25]);
        // Binary centres on the mean: [1, 2, 3, 6] has mean 3, so signs [-, -, -, +] (Sign(0) = -1); mean |w| = 3.
        ShouldBe(WeightFormats.Round(WeightFormat.Binary, [1, 2, 3, 6], 1, 4), [-3, -3, -3, 3]);
        // Ternary (b1.58): gamma = 0.25; w/gamma = [1.6, -0.8, 0.4, -1.2] -> [1, -1, 0, -1].
        ShouldBe(WeightFormats.Round(WeightFormat.Ternary, [0.4f, -0.2f, 0.1f, -0.3f], 1, 4), [0.25, -0.25, 0, -0.25]);
    }

    [Fact]
    public void ANoiseFreeIdentityPlanComputesExactlyWhatTheKernelDoes()
    {
        var identity = new LinearPlan("w", WeightFormat.Float, null, SplitAxis.Outputs, [new CellGroup("A", 0, 2, 0, null)], 64);
        var x = new[] { 0.1f, -0.7f, 0.33f, 1.9f, 2.5f, 0.01f, -3.1f, 0.77f };
        var viaPlan = RunLinear(x, 2, W, 2, 4, PlanOf(identity), seed: 7);
        var viaKernel = RunLinear(x, 2, W, 2, 4, QuantisationPlan.None("test"), null);
        viaPlan.ShouldBe(viaKernel); // bit for bit: same products, same order
    }

    [Fact]
    public void NoiseIsMultiplicativeWithTheGroupsSigmaAndFixedBySeed()
    {
        // x = identity, so y[s, n] = W̃[n, s]: the output reads the perturbed weight back. W = 1 everywhere;
        // rows 0..99 (group A) sigma 0.1, rows 100..199 (group B) sigma 0.
        const int n = 200, k = 100;
        var w = Enumerable.Repeat(1f, n * k).ToArray();
        var x = new float[k * k];
        for (var i = 0; i < k; i++) x[i * k + i] = 1;
        var plan = PlanOf(new LinearPlan("w", WeightFormat.Float, null, SplitAxis.Outputs, [new CellGroup("A", 0, 100, 0.1, null), new CellGroup("B", 100, 100, 0, null)], 64));
        var y = RunLinear(x, k, w, n, k, plan, seed: 3);
        var a = new List<double>();
        for (var s = 0; s < k; s++)
            for (var j = 0; j < n; j++)
                if (j < 100) a.Add(y[s * n + j] - 1);
                else y[s * n + j].ShouldBe(1f);
        var mean = a.Average();
        var sd = Math.Sqrt(a.Sum(v => (v - mean) * (v - mean)) / a.Count);
        Math.Abs(mean).ShouldBeLessThan(0.005); // 10,000 draws: standard error 0.001
        sd.ShouldBe(0.1, 0.004);
        RunLinear(x, k, w, n, k, plan, seed: 3).ShouldBe(y);
        RunLinear(x, k, w, n, k, plan, seed: 4).ShouldNotBe(y);
    }

    [Fact]
    public void AttentionOperandsAreQuantisedBeforeTheKernel()
    {
        // One head of dimension 2, one token: attention returns V whatever the scores, so the result is V quantised.
        var cache = new KvCache("kv", TensorType.Of(ElementType.F32, 4, 1, 2), AttrMap.Empty);
        var module = new Module("m", AttrMap.Empty, [], [cache], []);
        var b = new FunctionBuilder(module, "prefill");
        var t = new TensorType(ElementType.F32, [SymExpr.Const(1), SymExpr.Const(2)]);
        var q = b.Param("q", t);
        var k = b.Param("k", t);
        var v = b.Param("v", t);
        var r = b.Op("attention", [q.Use, k.Use, v.Use], AttrMap.Empty.Set("heads", 1).Set("kv_heads", 1).Set("head_dim", 2).Set("past", SymExpr.Const(0)).Set("causal", true).Set("scale", 1.0).Set("cache", "kv"), "o");
        module = module.WithFunctions([b.Return(r.Use)]);
        var plan = new QuantisationPlan("test", ImmutableSortedDictionary<string, LinearPlan>.Empty, AttentionBits: 3);
        // V = [1, 0.3]: 3 bits, absmax 1 -> codes [4 -> 3, 1.2 -> 1] -> [0.75, 0.25].
        var o = new ReferenceInterpreter(module, new QuantisedReference(plan, null))
            .Run("prefill", [Tensor.F32([1, 2], 0.5f, 0.5f), Tensor.F32([1, 2], 1, 1), Tensor.F32([1, 2], 1, 0.3f)], null, new KvCacheState(module))[0].Floats!;
        ShouldBe(o, [0.75, 0.25]);
    }
}
