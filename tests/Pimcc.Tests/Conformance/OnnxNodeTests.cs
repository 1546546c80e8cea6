using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Shapes;
using Pimcc.Reference;
using Pimcc.Reference.Onnx;

namespace Pimcc.Tests.Conformance;

/// <summary>One ONNX backend node test: a folder with model.onnx and test_data_set_*/{input,output}_*.pb.
/// <see cref="OpType"/> is the single node's op type, or <see cref="MultiNode"/> for a graph of several supported nodes
/// (the "_expanded" function bodies).</summary>
internal sealed record OnnxNodeTest(string Name, string Folder, string OpType)
{
    /// <summary>Where Debian's libonnx-testdata (installed by tools/setup.sh) puts the node tests.</summary>
    public const string DefaultRoot = "/usr/share/libonnx-testdata/data/node";

    public const string MultiNode = "(multi-node graphs)";

    /// <summary>
    /// Tests whose graph nodes are all default-domain nodes of op types the interpreter supports,
    /// in ordinal name order. Only the graph's node list is read here (no validation).
    /// </summary>
    public static List<OnnxNodeTest> Discover(string root)
    {
        var result = new List<OnnxNodeTest>();
        foreach (var dir in Directory.GetDirectories(root, "test_*").Order(StringComparer.Ordinal))
        {
            var model = Path.Combine(dir, "model.onnx");
            if (!File.Exists(model)) continue;
            var graph = Pimcc.Frontends.Onnx.Proto.ModelProto.Parser.ParseFrom(File.ReadAllBytes(model)).Graph;
            if (graph is null || graph.Node.Count == 0) continue;
            if (graph.Node.All(n => OnnxOperatorSet.IsDefaultDomain(n.Domain) && OnnxKernels.Supported.Contains(n.OpType)))
                result.Add(new OnnxNodeTest(Path.GetFileName(dir), dir, graph.Node.Count == 1 ? graph.Node[0].OpType : MultiNode));
        }
        return result;
    }
}

/// <summary>The outcome of running one node test: passed, or why not.</summary>
internal sealed record OnnxNodeOutcome(OnnxNodeTest Test, bool Passed, string Detail);

/// <summary>Imports a node test, runs the interpreter on each data set and compares with the expected outputs.</summary>
internal static class OnnxNodeRunner
{
    /// <summary>float32 tolerance |actual − expected| ≤ atol + rtol·|expected| (numpy.testing's rule, ONNX's backend-test defaults).</summary>
    public const double Rtol = 1e-4, Atol = 1e-5;

    public static OnnxNodeOutcome Run(OnnxNodeTest test)
    {
        try
        {
            var modelPath = Path.Combine(test.Folder, "model.onnx");
            var model = NodeTestModelLoader.Load(modelPath, test.OpType, out var lifted);
            var facts = model.Graph.Nodes.Count > 1 ? OnnxShapeInference.Infer(model.Graph, modelPath) : null;
            var sets = Directory.GetDirectories(test.Folder, "test_data_set_*").Order(StringComparer.Ordinal).ToList();
            if (sets.Count == 0) return new(test, false, "no test_data_set_* folders");
            foreach (var set in sets)
            {
                var inputs = ReadTensors(set, "input", model.Graph.Inputs);
                var expected = ReadTensors(set, "output", model.Graph.Outputs);
                var module = NodeTestImporter.Import(model.Graph, inputs, expected, facts);
                var actual = new ReferenceInterpreter(module).Run("main", inputs, null, new KvCacheState(module));
                for (var i = 0; i < expected.Count; i++)
                    if (TensorComparison.Difference(actual[i], expected[i], Rtol, Atol) is { } diff)
                        return new(test, false, $"{Path.GetFileName(set)} output {i}: {diff}");
            }
            return new(test, true, $"{sets.Count} data set(s)" + (lifted is null ? "" : $", {lifted}"));
        }
        catch (UnsupportedCaseException e)
        {
            return new(test, false, "unsupported: " + e.Message);
        }
        catch (PimccError e)
        {
            return new(test, false, $"{e.Code}: {e.OneLine}");
        }
    }

    private static List<Tensor> ReadTensors(string set, string kind, IReadOnlyList<OnnxValueInfo> declared)
    {
        var files = Directory.GetFiles(set, $"{kind}_*.pb")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)[(kind.Length + 1)..], CultureInfo.InvariantCulture)).ToList();
        return [.. files.Select((f, i) => OnnxTensorConversion.ToTensor(NodeTestModelLoader.ReadTensor(f, i < declared.Count ? declared[i] : null)))];
    }
}
