using System.Globalization;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using Pimcc.Reference;
using Pimcc.Tests.Onnx;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// HF's OPT scales the query projection before splitting heads (<c>q_proj(x) · scaling</c>,
/// modeling_opt.py) instead of dividing the scores. tiny-opt is edited into that form (q · 0.5 before
/// the Reshape, keeping the scores' /4): the factor must move into the attention scale (0.125), and
/// the raised module must still match ONNX Runtime on the edited graph.
/// </summary>
public class PreScaledQueryTests
{
    [Fact]
    public void Query_scaling_before_the_head_split_moves_into_the_attention_scale()
    {
        var model = OnnxModelLoader.Load(OnnxRaisingTests.SamplePath("tiny-opt"));
        var g = model.Graph;
        var nodes = new List<OnnxNode>();
        foreach (var n in g.Nodes)
        {
            var q = n.Inputs.FirstOrDefault(i => i.EndsWith("/q_proj/Add_output_0", StringComparison.Ordinal));
            if (n.OpType == "Reshape" && q is not null)
            {
                nodes.Add(new OnnxNode(q + "/prescale", "Mul", "", [q, "pre_scale"], [q + "_scaled"], []));
                nodes.Add(n with { Inputs = [q + "_scaled", .. n.Inputs.Skip(1)] });
            }
            else nodes.Add(n);
        }
        nodes.Count.ShouldBe(g.Nodes.Count + 2);
        var scale = new OnnxTensor("pre_scale", OnnxDataType.Float, [], new float[] { 0.5f });
        var edited = new OnnxGraph(g.Name, nodes, [.. g.Initializers, scale], g.Inputs, g.Outputs, g.ValueInfos);
        var dir = TestScratch.NewDir("pimcc-raise-");
        try
        {
            var path = Path.Combine(dir, "prescaled.onnx");
            File.WriteAllBytes(path, OnnxProtoWriter.ToBytes(edited, model.IrVersion, model.Opset));
            var (module, report) = OnnxFrontend.LoadWithReport(path, OnnxRaisingTests.Workload);
            report.Raised.ShouldBeTrue(report.Describe());
            var attention = module.FindFunction(Module.Prefill)!.Body.Where(o => o.Opcode == "attention").ToList();
            attention.Count.ShouldBe(2);
            attention.ShouldAllBe(o => Math.Abs(o.Attrs.Float("scale") - 0.125) < 1e-12);

            long[] ids = [5, 17, 200, 3, 99, 42];
            var json = Path.Combine(dir, "inputs.json");
            File.WriteAllText(json, "{\"input_ids\":{\"dtype\":\"int64\",\"dims\":[1,6],\"data\":[" + string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]}}");
            var want = OrtRunner.Run(path, json)[0].Tensor;
            var got = new ReferenceInterpreter(module).Run(Module.Prefill, [Tensor.I64([6], ids)], null, new KvCacheState(module))[0];
            var vocab = (int)want.Dims[2];
            var maxAbs = Enumerable.Range(0, vocab).Max(i => Math.Abs(got.GetDouble(i) - want.Data[5 * vocab + i]));
            maxAbs.ShouldBeLessThanOrEqualTo(2e-5);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
