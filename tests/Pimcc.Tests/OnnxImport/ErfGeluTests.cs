using System.Globalization;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using Pimcc.Reference;
using Pimcc.Tests.Onnx;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// Exact GELU as torch.onnx spells it for opsets below 20 (x · 0.5 · (1 + erf(x / √2)), in the order
/// Div, Erf, Add, Mul, Mul). tiny-opt's ReLUs are replaced by that chain: the raised module must have
/// <c>gelu {approximate = "none"}</c> and still match ONNX Runtime on the edited graph.
/// </summary>
public class ErfGeluTests
{
    [Fact]
    public void Erf_gelu_chain_raises_to_exact_gelu()
    {
        var model = OnnxModelLoader.Load(OnnxRaisingTests.SamplePath("tiny-opt"));
        var g = model.Graph;
        var nodes = new List<OnnxNode>();
        foreach (var n in g.Nodes)
        {
            if (n.OpType != "Relu") { nodes.Add(n); continue; }
            var (x, y, p) = (n.Inputs[0], n.Outputs[0], n.Name);
            nodes.Add(new OnnxNode(p + "/Div", "Div", "", [x, "gelu_sqrt2"], [p + "/div"], []));
            nodes.Add(new OnnxNode(p + "/Erf", "Erf", "", [p + "/div"], [p + "/erf"], []));
            nodes.Add(new OnnxNode(p + "/Add", "Add", "", [p + "/erf", "gelu_one"], [p + "/add"], []));
            nodes.Add(new OnnxNode(p + "/Mul", "Mul", "", [x, p + "/add"], [p + "/mul"], []));
            nodes.Add(new OnnxNode(p + "/Mul_1", "Mul", "", [p + "/mul", "gelu_half"], [y], []));
        }
        nodes.Count(n => n.OpType == "Erf").ShouldBe(2);
        OnnxTensor Scalar(string name, float v) => new(name, OnnxDataType.Float, [], new[] { v });
        var edited = new OnnxGraph(g.Name, nodes, [.. g.Initializers, Scalar("gelu_sqrt2", MathF.Sqrt(2)), Scalar("gelu_one", 1), Scalar("gelu_half", 0.5f)],
            g.Inputs, g.Outputs, g.ValueInfos);
        var dir = TestScratch.NewDir("pimcc-raise-");
        try
        {
            var path = Path.Combine(dir, "erf-gelu.onnx");
            File.WriteAllBytes(path, OnnxProtoWriter.ToBytes(edited, model.IrVersion, model.Opset));
            var (module, report) = OnnxFrontend.LoadWithReport(path, OnnxRaisingTests.Workload);
            report.Raised.ShouldBeTrue(report.Describe());
            var gelus = module.FindFunction(Module.Prefill)!.Body.Where(o => o.Opcode == "gelu").ToList();
            gelus.Count.ShouldBe(2);
            gelus.ShouldAllBe(o => o.Attrs.Str("approximate") == "none");

            long[] ids = [7, 1, 250, 64, 9];
            var json = Path.Combine(dir, "inputs.json");
            File.WriteAllText(json, "{\"input_ids\":{\"dtype\":\"int64\",\"dims\":[1,5],\"data\":[" + string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]}}");
            var want = OrtRunner.Run(path, json)[0].Tensor;
            var got = new ReferenceInterpreter(module).Run(Module.Prefill, [Tensor.I64([5], ids)], null, new KvCacheState(module))[0];
            var vocab = (int)want.Dims[2];
            Enumerable.Range(0, vocab).Max(i => Math.Abs(got.GetDouble(i) - want.Data[4 * vocab + i])).ShouldBeLessThanOrEqualTo(2e-5);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
