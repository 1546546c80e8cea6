using System.Globalization;
using System.Text.Json;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using Pimcc.Reference;
using Pimcc.Tests.Onnx;
using Xunit.Abstractions;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// The same model exported in the other forms users produce: optimum's inputs (<c>input_ids</c>, <c>attention_mask</c>,
/// <c>position_ids</c>) and a fixed [1, 8] graph (no dynamic axes). Each raises to the decoder the dynamic full graph
/// raises to, and the raised module reproduces torch's logits stored beside the sample (expected/&lt;graph&gt;.json,
/// written by generate.py from the model code, not by pimcc): prefill on all 8 tokens, and prefill on 4 then decode
/// steps 5..8. Tolerance as <see cref="RaisedVersusOrtTests"/> (torch and ORT agree to 1.4e-6 on these graphs).
/// </summary>
public class ExportFormTests(ITestOutputHelper output)
{
    private const double AbsTolerance = 2e-5;
    private static readonly OnnxWorkload Workload = new(8, 4);

    [Theory]
    [InlineData("tiny-mistral-optimum", "tiny-mistral")]
    [InlineData("tiny-mistral-fixed8", "tiny-mistral")]
    public void Export_form_raises_to_the_full_graphs_decoder(string graph, string full)
    {
        var (module, report) = OnnxFrontend.LoadWithReport(OnnxRaisingTests.SamplePath(graph), Workload);
        output.WriteLine(report.Describe());
        report.Raised.ShouldBeTrue();
        report.GenericOps.ShouldBe(0);
        HfExports.RaisedDecoders.Canonical(module)
            .ShouldBe(HfExports.RaisedDecoders.Canonical(OnnxFrontend.Load(OnnxRaisingTests.SamplePath(full), Workload)));
    }

    [Theory]
    [InlineData("tiny-mistral-optimum")]
    [InlineData("tiny-mistral-fixed8")]
    public void Raised_export_form_reproduces_torchs_logits(string graph)
    {
        var module = OnnxFrontend.Load(OnnxRaisingTests.SamplePath(graph), Workload);
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("samples", "onnx", "expected", graph + ".json")));
        var ids = JsonTensor.FromJson(doc.RootElement.GetProperty("inputs").GetProperty("input_ids")).Data.Select(v => (long)v).ToArray();
        var logits = JsonTensor.FromJson(doc.RootElement.GetProperty("outputs").GetProperty("logits"));
        ids.Length.ShouldBe(8);
        var vocab = (int)logits.Dims[2];
        var interp = new ReferenceInterpreter(module);
        double worst = 0;
        void Check(Tensor ours, int row, string what)
        {
            var want = logits.Data.Skip(row * vocab).Take(vocab).ToArray();
            want.Max(Math.Abs).ShouldBeGreaterThan(0.01, what); // not comparing zeros
            var err = want.Select((w, i) => Math.Abs(ours.GetDouble(i) - w)).Max();
            err.ShouldBeLessThanOrEqualTo(AbsTolerance, what);
            worst = Math.Max(worst, err);
        }
        Check(interp.Run(Module.Prefill, [Tensor.I64([8], ids)], null, new KvCacheState(module))[0], 7, "prefill of 8");
        var kv = new KvCacheState(module);
        Check(interp.Run(Module.Prefill, [Tensor.I64([4], ids[..4])], null, kv)[0], 3, "prefill of 4");
        for (var t = 4; t < 8; t++)
            Check(interp.Run(Module.Decode, [Tensor.I64([1], ids[t])], new Dictionary<string, long> { ["kv"] = t }, kv)[0], t, $"decode kv={t}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{graph}: raised vs torch, max abs {worst:E2}"));
    }
}
