using System.Globalization;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using Pimcc.OnnxRuntime;
using Pimcc.Reference;
using Pimcc.Tests.Onnx;
using Xunit.Abstractions;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// The RAISED module against ONNX Runtime on the original full-sequence graph: for each bundled
/// sample and several random token sequences, one ORT run on all n tokens gives the logits of every
/// prefix (the graph is causal), so it checks (a) raised prefill on n tokens against row n−1 and
/// (b) raised prefill on k tokens followed by raised decode steps k+1..n (KV cache carried by the
/// interpreter) against rows k..n−1.
/// </summary>
public class RaisedVersusOrtTests(ITestOutputHelper output)
{
    /// <summary>
    /// |ours − ORT| ≤ AbsTolerance on every logit. Both are float32 with different summation orders
    /// (the interpreter's attention op and linear vs ORT's MatMul/Softmax kernels); the largest error
    /// observed over all samples and sequences is printed per check (see the report; about 1e-6),
    /// so 2e-5 keeps a wide margin while still catching any real mistake (wrong scale, mask, rotary
    /// position or bias moves logits by 1e-2 and more).
    /// </summary>
    private const double AbsTolerance = 2e-5;

    public static TheoryData<string> Samples() => new()
    {
        "tiny-opt", "tiny-gpt2", "tiny-llama", "tiny-phi3", "tiny-bloom", "tiny-gemma2",
        "tiny-neox", "tiny-falcon", "tiny-stablelm", "tiny-olmo", "tiny-gemma", "tiny-mistral", "tiny-llama-tied", "tiny-llama-linear",
        "tiny-gptj",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Raised_prefill_and_decode_match_onnx_runtime(string sample)
    {
        var path = OnnxRaisingTests.SamplePath(sample);
        var workload = new OnnxWorkload(12, 4);
        var module = OnnxFrontend.Load(path, workload);
        var interp = new ReferenceInterpreter(module);
        var vocab = (int)module.Attrs.Int("vocab_size");
        var rng = new Random(sample.Length * 101);
        double worstAbs = 0, worstRel = 0;
        foreach (var n in new[] { 16, 9, 2 })
        {
            var ids = Enumerable.Range(0, n).Select(_ => (long)rng.Next(vocab)).ToArray();
            var ort = RunOrt(path, ids);
            ort.Dims.ShouldBe([1L, n, vocab]);

            // (a) prefill on all n tokens vs the last row.
            var logits = interp.Run(Module.Prefill, [Tensor.I64([n], ids)], null, new KvCacheState(module))[0];
            logits.Shape.ShouldBe([1L, vocab]);
            Compare(logits, ort, n - 1, $"{sample} prefill n={n}", ref worstAbs, ref worstRel);

            // (b) prefill k, then decode the remaining tokens one at a time.
            var k = Math.Max(1, n / 2);
            var kv = new KvCacheState(module);
            var first = interp.Run(Module.Prefill, [Tensor.I64([k], ids[..k])], null, kv)[0];
            Compare(first, ort, k - 1, $"{sample} prefill k={k}", ref worstAbs, ref worstRel);
            for (var t = k; t < n; t++)
            {
                var step = interp.Run(Module.Decode, [Tensor.I64([1], ids[t])], new Dictionary<string, long> { ["kv"] = t }, kv)[0];
                Compare(step, ort, t, $"{sample} decode kv={t}", ref worstAbs, ref worstRel);
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sample}: max abs {worstAbs:E2}, max rel {worstRel:E2} over all checks"));
    }

    /// <summary>
    /// The exported KV-cache decode graph as a check of the derived decode: after raised prefill on n
    /// tokens, the interpreter's caches (rows [0, n), [n, kv_heads, head_dim]) become the decode graph's
    /// past_key_values ([1, kv_heads, n, head_dim]); ORT's logits for the next token must match the
    /// raised decode's, and ORT's present.* the caches after it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Samples))]
    public void Raised_decode_matches_the_exported_decode_graph(string sample)
    {
        var module = OnnxFrontend.Load(OnnxRaisingTests.SamplePath(sample), new OnnxWorkload(12, 4));
        var interp = new ReferenceInterpreter(module);
        var vocab = (int)module.Attrs.Int("vocab_size");
        var rng = new Random(sample.Length * 31);
        double worstAbs = 0;
        foreach (var n in new[] { 1, 6, 13 })
        {
            var ids = Enumerable.Range(0, n + 1).Select(_ => (long)rng.Next(vocab)).ToArray();
            var kv = new KvCacheState(module);
            interp.Run(Module.Prefill, [Tensor.I64([n], ids[..n])], null, kv);
            var inputs = new List<(string, string, long[], IEnumerable<double>)> { ("input_ids", "int64", [1, 1], [ids[n]]) };
            foreach (var c in module.KvCaches)
            {
                var layer = c.Name["layers.".Length..];
                inputs.Add(($"past_key_values.{layer}.key", "float32", [1, c.KvHeads, n, c.HeadDim], Bhsd(kv.Keys(c.Name), n)));
                inputs.Add(($"past_key_values.{layer}.value", "float32", [1, c.KvHeads, n, c.HeadDim], Bhsd(kv.Values(c.Name), n)));
            }
            var ort = RunOrtJson(RepoPaths.Combine("samples", "onnx", sample + "-decode.onnx"), inputs);
            var ours = interp.Run(Module.Decode, [Tensor.I64([1], ids[n])], new Dictionary<string, long> { ["kv"] = n }, kv)[0];
            ort[0].Name.ShouldBe("logits");
            double dummyRel = 0;
            Compare(ours, ort[0].Tensor, 0, $"{sample} decode after {n}", ref worstAbs, ref dummyRel);
            foreach (var c in module.KvCaches)
            {
                var layer = c.Name["layers.".Length..];
                foreach (var (kind, tensor) in new[] { ("key", kv.Keys(c.Name)), ("value", kv.Values(c.Name)) })
                {
                    var want = ort.Single(o => o.Name == $"present.{layer}.{kind}").Tensor;
                    var got = Bhsd(tensor, n + 1).ToArray();
                    got.Length.ShouldBe(want.Data.Length);
                    var err = got.Zip(want.Data, (a, b) => Math.Abs(a - b)).Max();
                    err.ShouldBeLessThanOrEqualTo(AbsTolerance, $"{sample} present.{layer}.{kind} after {n}");
                    worstAbs = Math.Max(worstAbs, err);
                }
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sample} vs {sample}-decode.onnx: max abs {worstAbs:E2} (logits and present KV)"));
    }

    /// <summary>Rows [0, len) of a cache [max_len, kv_heads, head_dim] in ONNX's [1, kv_heads, len, head_dim] order.</summary>
    private static IEnumerable<double> Bhsd(Tensor cache, long len)
    {
        var (heads, dim) = (cache.Shape[1], cache.Shape[2]);
        for (long h = 0; h < heads; h++)
            for (long t = 0; t < len; t++)
                for (long d = 0; d < dim; d++)
                    yield return cache.GetDouble((t * heads + h) * dim + d);
    }

    private static IReadOnlyList<(string Name, OrtTensor Tensor)> RunOrtJson(string model, List<(string Name, string DType, long[] Dims, IEnumerable<double> Data)> inputs)
    {
        var dir = TestScratch.NewDir("pimcc-raise-ort-");
        try
        {
            var json = Path.Combine(dir, "inputs.json");
            File.WriteAllText(json, "{" + string.Join(",", inputs.Select(i =>
                $"\"{i.Name}\":{{\"dtype\":\"{i.DType}\",\"dims\":[{string.Join(",", i.Dims.Select(d => d.ToString(CultureInfo.InvariantCulture)))}],\"data\":[" +
                string.Join(",", i.Data.Select(v => i.DType == "int64" ? ((long)v).ToString(CultureInfo.InvariantCulture) : ((float)v).ToString("R", CultureInfo.InvariantCulture))) + "]}")) + "}");
            return OrtRunner.Run(model, json);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private void Compare(Tensor ours, OrtTensor ort, int row, string what, ref double worstAbs, ref double worstRel)
    {
        var vocab = (int)ort.Dims[2];
        double maxAbs = 0, maxRel = 0, maxRef = 0;
        for (var i = 0; i < vocab; i++)
        {
            var want = ort.Data[row * vocab + i];
            var err = Math.Abs(ours.GetDouble(i) - want);
            maxAbs = Math.Max(maxAbs, err);
            maxRel = Math.Max(maxRel, err / Math.Max(Math.Abs(want), 1e-3));
            maxRef = Math.Max(maxRef, Math.Abs(want));
        }
        maxRef.ShouldBeGreaterThan(0.01, $"{what}: guard against comparing zeros");
        maxAbs.ShouldBeLessThanOrEqualTo(AbsTolerance, what);
        worstAbs = Math.Max(worstAbs, maxAbs);
        worstRel = Math.Max(worstRel, maxRel);
    }

    private static OrtTensor RunOrt(string model, long[] ids) => OrtRunner.RunInputIds(model, ids);
}
