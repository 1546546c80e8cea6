using System.Collections.Immutable;
using Pimcc.Ir;
using Pimcc.Reference;

namespace Pimcc.Tests.Reference;

/// <summary>Builds one-op modules from concrete tensors and runs them through the interpreter.</summary>
internal static class ReferenceTestKit
{
    public static TensorType TypeOf(Tensor t) => new(t.Element, [.. t.Shape.Select(SymExpr.Const)]);

    /// <summary>Runs <c>opcode(inputs...) {attrs}</c> as the only op of a function; returns its result.</summary>
    public static Tensor RunOp(string opcode, AttrMap attrs, IReadOnlyList<Tensor> inputs,
        IEnumerable<KvCache>? caches = null, KvCacheState? kv = null, IReadOnlyDictionary<string, long>? symbols = null)
    {
        var module = new Module("op", AttrMap.Empty, [], [.. caches ?? []], []);
        var b = new FunctionBuilder(module, "f");
        var ps = inputs.Select((t, i) => b.Param($"in{i}", TypeOf(t))).ToList();
        var r = b.Op(opcode, ps.Select(p => p.Use), attrs, "out");
        module = module.WithFunctions([b.Return(r.Use)]);
        return new ReferenceInterpreter(module).Run("f", inputs, symbols, kv ?? new KvCacheState(module))[0];
    }

    public static float[] F(Tensor t) => t.Floats ?? throw new InvalidOperationException($"{t} is not a float tensor");

    public static void ShouldBeClose(float[] actual, double[] expected, double tol = 1e-5)
    {
        actual.Length.ShouldBe(expected.Length);
        for (var i = 0; i < actual.Length; i++)
            Math.Abs(actual[i] - expected[i]).ShouldBeLessThanOrEqualTo(tol, $"element {i}: {actual[i]} vs {expected[i]}");
    }

    /// <summary>Gives every weight of a module deterministic pseudo-random data in [-scale, scale].</summary>
    public static Module WithRandomWeights(Module m, int seed, double scale = 0.5)
    {
        var rng = new Random(seed);
        ImmutableArray<Weight> weights = [.. m.Weights.Select(w =>
        {
            var n = (int)w.Type.ElementCount.Constant;
            var values = Enumerable.Range(0, n).Select(_ => (rng.NextDouble() * 2 - 1) * scale).ToArray();
            return w with { Data = WeightData.Encode(w.Type.Element, values) };
        })];
        return m with { Weights = weights };
    }
}
