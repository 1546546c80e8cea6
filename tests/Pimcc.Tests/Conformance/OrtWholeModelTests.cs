using System.Globalization;
using System.Text;
using System.Text.Json;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Frontends.Onnx.Shapes;
using Pimcc.Ir;
using Pimcc.OnnxRuntime;
using Pimcc.Reference;
using Pimcc.Tests.Onnx;
using Xunit.Abstractions;

namespace Pimcc.Tests.Conformance;

/// <summary>
/// Whole-model check of the reference interpreter against ONNX Runtime (in process,
/// <see cref="OrtRunner"/>) on every bundled ONNX sample, full-sequence and KV-cache decode graphs,
/// on several input sets each: the stored one of samples/onnx/expected plus generated ones
/// (other prompt lengths; random past KV caches of other lengths). The graphs are imported node
/// for node as generic <c>onnx.*</c> ops by the frontend (<see cref="OnnxGenericImporter"/>, folded
/// graph, types from shape inference), so this checks the interpreter's ONNX semantics end to end;
/// the raised transformer-level import is checked against ORT in tests/Pimcc.Tests/OnnxImport.
/// </summary>
public class OrtWholeModelTests(ITestOutputHelper output)
{
    /// <summary>
    /// |pimcc − ORT| ≤ AbsTolerance on every output element (logits and present KV). Both run
    /// float32 with different summation orders; the observed maximum over all samples and input
    /// sets is 1.8e-6 (printed per output by the test), so 1e-5 leaves a 5x margin.
    /// </summary>
    private const double AbsTolerance = 1e-5;

    public static TheoryData<string> Graphs() =>
        new(OnnxSampleLoadingTests.SampleNames().Select(n => Path.GetFileNameWithoutExtension(n)));

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Interpreter_matches_onnx_runtime(string graph)
    {
        var modelPath = RepoPaths.Combine("samples", "onnx", graph + ".onnx");
        // The frontend's generic import of the folded graph (OnnxPreparedGraph), node for node.
        var prepared = OnnxPreparedGraph.Load(modelPath);
        var facts = prepared.Facts;
        var runtimeInputs = prepared.Graph.Inputs.Where(i => prepared.Graph.FindInitializer(i.Name) is null).ToList();
        var module = OnnxGenericImporter.Import(prepared, graph);
        var interpreter = new ReferenceInterpreter(module);

        using var temp = new TempDir();
        var sets = InputSets(graph, runtimeInputs, facts);
        sets.Count.ShouldBeGreaterThanOrEqualTo(3);
        for (var s = 0; s < sets.Count; s++)
        {
            var inputs = sets[s];
            var inputsPath = Path.Combine(temp.Path, $"inputs{s}.json");
            File.WriteAllText(inputsPath, ToJson(runtimeInputs.Select(i => i.Name).Zip(inputs)));
            var ort = OrtRunner.Run(modelPath, inputsPath);
            var ours = interpreter.Run(Module.Prefill, inputs, null, new KvCacheState(module));
            ort.Count.ShouldBe(ours.Length);
            for (var o = 0; o < ort.Count; o++)
            {
                var (name, want) = ort[o];
                var got = ours[o];
                got.Shape.ShouldBe(want.Dims, $"{graph} set {s} output {name}");
                double maxAbs = 0, maxRel = 0;
                for (var i = 0; i < want.Data.Length; i++)
                {
                    var err = Math.Abs(got.GetDouble(i) - want.Data[i]);
                    maxAbs = Math.Max(maxAbs, err);
                    maxRel = Math.Max(maxRel, err / Math.Max(Math.Abs(want.Data[i]), 1e-3));
                }
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{graph} set {s} {name}{want.ShapeText()}: max abs {maxAbs:E2}, max rel {maxRel:E2}"));
                maxAbs.ShouldBeLessThanOrEqualTo(AbsTolerance, $"{graph} set {s} output {name}");
                want.Data.Max(Math.Abs).ShouldBeGreaterThan(0.01, "guard against comparing zeros");
            }
        }
    }

    /// <summary>The stored input set, then generated ones: prompts of 1 and 11 tokens for full graphs;
    /// past lengths 2 and 9 with random caches for decode graphs.</summary>
    private static List<Tensor[]> InputSets(string graph, List<OnnxValueInfo> inputs, OnnxShapeFacts facts)
    {
        var expectedPath = RepoPaths.Combine("samples", "onnx", "expected", graph + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(expectedPath));
        var stored = JsonTensor.ReadAll(doc.RootElement.GetProperty("inputs")).ToDictionary(p => p.Name, p => p.Tensor);
        var sets = new List<Tensor[]>();
        sets.Add([.. inputs.Select(i => FromJson(stored[i.Name]))]);
        var vocab = facts.Get(facts.Graph.Outputs[0].Name).Shape![^1].Constant;
        var rng = new Random(graph.Length * 7919);
        var decode = graph.EndsWith("-decode", StringComparison.Ordinal);
        foreach (var length in decode ? new long[] { 2, 9 } : [1, 11])
        {
            sets.Add([.. inputs.Select(i =>
            {
                var like = stored[i.Name];
                if (i.ElementType == OnnxDataType.Int64)
                {
                    // a fixed-shape export ([1, 8]) keeps its length; optimum's mask and positions are an unpadded sequence's
                    var fixedLength = facts.Get(i.Name).Shape is { Count: 2 } s && s[1].TryConstant is not null;
                    long[] dims = decode || fixedLength ? like.Dims : [1, length];
                    var count = (int)Tensor.Count(dims);
                    return Tensor.I64(dims, i.Name.Contains("attention_mask", StringComparison.Ordinal) ? [.. Enumerable.Repeat(1L, count)]
                        : i.Name.Contains("position_ids", StringComparison.Ordinal) ? [.. Enumerable.Range(0, count).Select(p => (long)p)]
                        : [.. Enumerable.Range(0, count).Select(_ => (long)rng.Next((int)vocab))]);
                }
                // past_key_values.*: [1, kv_heads, past_seq, head_dim] with past_seq = length.
                long[] kvDims = [like.Dims[0], like.Dims[1], length, like.Dims[3]];
                return Tensor.F32(kvDims, [.. Enumerable.Range(0, (int)Tensor.Count(kvDims)).Select(_ => (float)(rng.NextDouble() * 2 - 1))]);
            })]);
        }
        return sets;
    }

    private static Tensor FromJson(OrtTensor t) => t.DType switch
    {
        "int64" => Tensor.I64(t.Dims, [.. t.Data.Select(v => (long)v)]),
        "float32" => Tensor.F32(t.Dims, [.. t.Data.Select(v => (float)v)]),
        _ => throw new InvalidOperationException($"dtype {t.DType}"),
    };

    private static string ToJson(IEnumerable<(string Name, Tensor T)> inputs)
    {
        var sb = new StringBuilder("{");
        foreach (var (name, t) in inputs)
        {
            if (sb.Length > 1) sb.Append(',');
            sb.Append(JsonSerializer.Serialize(name)).Append(":{\"dtype\":\"").Append(t.Element == ElementType.I64 ? "int64" : "float32")
              .Append("\",\"dims\":[").Append(string.Join(",", t.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture))))
              .Append("],\"data\":[");
            sb.Append(string.Join(",", Enumerable.Range(0, (int)t.Length).Select(i => t.Floats is { } f
                ? f[i].ToString("R", CultureInfo.InvariantCulture) : t.GetLong(i).ToString(CultureInfo.InvariantCulture))));
            sb.Append("]}");
        }
        return sb.Append('}').ToString();
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = TestScratch.NewDir("pimcc-ort-");

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

internal static class JsonTensorText
{
    public static string ShapeText(this OrtTensor t) => "[" + string.Join(",", t.Dims) + "]";
}
