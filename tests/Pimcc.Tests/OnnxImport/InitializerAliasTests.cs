using System.Globalization;
using Google.Protobuf;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Frontends.Onnx.Proto;
using Pimcc.Ir;
using Pimcc.Reference;
using Pimcc.Tests.Onnx;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// torch.onnx stores equal parameters once (e.g. the zero biases and unit LayerNorm scales of a fresh GPT-2) and
/// gives the others as <c>Identity</c> of it. tiny-gpt2 is edited into that form at the protobuf level: a LayerNorm
/// scale and bias and a projection bias become <c>Identity</c> outputs of shared initializers. It must raise whole,
/// name its weights as the exporter did, and match ONNX Runtime on the edited file.
/// </summary>
public class InitializerAliasTests
{
    [Fact]
    public void IdentityOfAnInitializerIsThatInitializerUnderItsOwnName()
    {
        var proto = ModelProto.Parser.ParseFrom(File.ReadAllBytes(OnnxRaisingTests.SamplePath("tiny-gpt2")));
        string[] aliased = ["h.1.ln_2.weight", "h.1.ln_2.bias", "h.0.c_proj.bias"];
        var identities = new List<NodeProto>();
        foreach (var name in aliased)
        {
            var init = proto.Graph.Initializer.Single(t => t.Name == name);
            init.Name = "shared/" + name;
            // chained: the alias of an alias resolves too
            var hop = new NodeProto { Name = "dedup/" + name, OpType = "Identity" };
            hop.Input.Add(init.Name);
            hop.Output.Add("hop/" + name);
            var last = new NodeProto { Name = "dedup2/" + name, OpType = "Identity" };
            last.Input.Add("hop/" + name);
            last.Output.Add(name);
            identities.AddRange([hop, last]);
        }
        var nodes = proto.Graph.Node.ToList();
        proto.Graph.Node.Clear();
        proto.Graph.Node.Add(identities);
        proto.Graph.Node.Add(nodes);

        var dir = TestScratch.NewDir("pimcc-alias-");
        var path = Path.Combine(dir, "aliased.onnx");
        File.WriteAllBytes(path, proto.ToByteArray());
        var graph = OnnxModelLoader.Load(path).Graph;
        graph.Nodes.ShouldNotContain(n => n.OpType == "Identity" && n.Name.StartsWith("dedup", StringComparison.Ordinal));
        foreach (var name in aliased) graph.FindInitializer(name).ShouldNotBeNull().Name.ShouldBe(name);

        var (module, report) = OnnxFrontend.LoadWithReport(path, OnnxRaisingTests.Workload);
        report.Raised.ShouldBeTrue(report.Describe());
        foreach (var name in aliased) module.Weights.ShouldContain(w => w.Name == name);

        long[] ids = [5, 17, 200, 3, 99, 42];
        var json = Path.Combine(dir, "inputs.json");
        File.WriteAllText(json, "{\"input_ids\":{\"dtype\":\"int64\",\"dims\":[1,6],\"data\":[" + string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]}}");
        var want = OrtRunner.Run(path, json)[0].Tensor;
        var got = new ReferenceInterpreter(module).Run(Module.Prefill, [Tensor.I64([6], ids)], null, new KvCacheState(module))[0];
        var vocab = (int)want.Dims[2];
        Enumerable.Range(0, vocab).Max(i => Math.Abs(got.GetDouble(i) - want.Data[5 * vocab + i])).ShouldBeLessThanOrEqualTo(2e-5);
    }
}
