using Google.Protobuf;
using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Frontends.Onnx.Proto;
using Pimcc.Tests.HfExports;
using Pimcc.Tests.Onnx;
using Xunit.Abstractions;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// optimum's merged decoder (one <c>If</c> on <c>use_cache_branch</c>, issue 14): generated here from a with-past
/// export the way optimum's <c>merge_decoders</c> lays it out. The shared initializers sit in the outer graph, the
/// then-branch is the with-past decoder and the else-branch the first step without a cache (the same nodes with
/// every past input an empty [1, kv, 0, d] constant), each branch's values prefixed so the two cannot clash, and
/// the outer graph takes the with-past inputs plus <c>use_cache_branch</c> (bool [1]). It must raise to exactly the
/// decoder of the with-past export (weights compared by hash): raising the else-branch instead has no cache to
/// read and fails.
/// </summary>
public class MergedDecoderTests(ITestOutputHelper output)
{
    private static readonly OnnxWorkload Workload = new(12, 4);

    [Theory]
    [InlineData("tiny-opt")]
    [InlineData("tiny-llama")]
    public void MergedSampleRaisesToTheWithPastDecoder(string sample)
    {
        var dir = TestScratch.NewDir("merged");
        var withPast = OnnxRaisingTests.SamplePath(sample + "-decode");
        var merged = WriteMerged(withPast, dir);
        var (module, report) = OnnxFrontend.LoadWithReport(merged, Workload);
        output.WriteLine(report.Describe());
        report.Raised.ShouldBeTrue();
        report.GenericOps.ShouldBe(0);
        RaisedDecoders.Canonical(module).ShouldBe(RaisedDecoders.Canonical(OnnxFrontend.Load(withPast, Workload)));
    }

    [Theory]
    [InlineData("opt")]
    [InlineData("llama")]
    public void MergedOptimumExportRaisesToTheWithPastDecoder(string family)
    {
        var dir = TestScratch.NewDir("merged");
        var withPast = SharedExports.Model(family, "optimum-with-past/model.onnx");
        var merged = WriteMerged(withPast, dir);
        var (module, report) = OnnxFrontend.LoadWithReport(merged, Workload);
        report.Raised.ShouldBeTrue();
        RaisedDecoders.Canonical(module).ShouldBe(RaisedDecoders.Canonical(OnnxFrontend.Load(withPast, Workload)));
        // and so to the no-past export's decoder, the form the issue asks all three to share
        RaisedDecoders.Canonical(module).ShouldBe(RaisedDecoders.Canonical(OnnxFrontend.Load(SharedExports.Model(family, "optimum-nopast/model.onnx"), Workload)));
    }

    [Fact]
    public void AnIfOnAnyOtherRuntimeConditionIsReportedAsUnsupported()
    {
        var dir = TestScratch.NewDir("merged");
        var proto = Merge(ModelProto.Parser.ParseFrom(File.ReadAllBytes(OnnxRaisingTests.SamplePath("tiny-opt-decode"))));
        proto.Graph.Input.Single(v => v.Name == UseCacheBranch.InputName).Name = "use_sampling";
        proto.Graph.Node.Single().Input[0] = "use_sampling";
        var path = Path.Combine(dir, "model.onnx");
        File.WriteAllBytes(path, proto.ToByteArray());
        var e = Should.Throw<PimccError>(() => OnnxModelLoader.Load(path));
        e.Code.ShouldBe(ExitCode.UnsupportedOperator);
        e.OneLine.ShouldContain("'If'");
        e.OneLine.ShouldContain("node 'optimum::if'");
    }

    [Fact]
    public void ABranchReturningFewerValuesThanTheIfIsInvalid()
    {
        var dir = TestScratch.NewDir("merged");
        var proto = Merge(ModelProto.Parser.ParseFrom(File.ReadAllBytes(OnnxRaisingTests.SamplePath("tiny-opt-decode"))));
        proto.Graph.Node.Single().Attribute.Single(a => a.Name == "then_branch").G.Output.RemoveAt(1);
        var path = Path.Combine(dir, "model.onnx");
        File.WriteAllBytes(path, proto.ToByteArray());
        var e = Should.Throw<PimccError>(() => OnnxModelLoader.Load(path));
        e.Code.ShouldBe(ExitCode.InvalidModel);
        e.OneLine.ShouldContain("then_branch returns 4 values, the If node 5");
    }

    private static string WriteMerged(string withPast, string folder)
    {
        var path = Path.Combine(folder, "decoder_model_merged.onnx");
        if (File.Exists(withPast + ".data")) File.Copy(withPast + ".data", Path.Combine(folder, Path.GetFileName(withPast) + ".data")); // tiny-llama's external data
        File.WriteAllBytes(path, Merge(ModelProto.Parser.ParseFrom(File.ReadAllBytes(withPast))).ToByteArray());
        return path;
    }

    /// <summary>The merged form of a with-past export (see the class summary).</summary>
    internal static ModelProto Merge(ModelProto withPast)
    {
        var g = withPast.Graph;
        var past = g.Input.Where(v => v.Name.StartsWith("past_key_values", StringComparison.Ordinal)).ToList();
        past.ShouldNotBeEmpty();
        var then = Branch(g, "then", []);
        var empties = past.Select(v =>
        {
            var dims = v.Type.TensorType.Shape.Dim;
            var empty = new TensorProto { DataType = (int)TensorProto.Types.DataType.Float };
            empty.Dims.Add([1, dims[1].DimValue, 0, dims[3].DimValue]);
            var constant = OnnxTestModels.Node($"else/{v.Name}/Constant", "Constant", [], [$"else/{v.Name}"]);
            constant.Attribute.Add(new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = empty });
            return constant;
        }).ToList();
        var otherwise = Branch(g, "else", empties);

        var outer = new GraphProto { Name = "decoder_model_merged" };
        outer.Initializer.Add(g.Initializer);
        outer.Input.Add(g.Input);
        outer.Input.Add(OnnxTestModels.Value(UseCacheBranch.InputName, TensorProto.Types.DataType.Bool, 1));
        outer.Output.Add(g.Output);
        var ifNode = OnnxTestModels.Node("optimum::if", "If", [UseCacheBranch.InputName], [.. g.Output.Select(o => o.Name)]);
        ifNode.Attribute.Add(new AttributeProto { Name = "then_branch", Type = AttributeProto.Types.AttributeType.Graph, G = then });
        ifNode.Attribute.Add(new AttributeProto { Name = "else_branch", Type = AttributeProto.Types.AttributeType.Graph, G = otherwise });
        outer.Node.Add(ifNode);
        var model = withPast.Clone();
        model.Graph = outer;
        return model;
    }

    /// <summary>The graph's nodes as a branch: every computed value (and, in the else-branch, every past input,
    /// bound to <paramref name="pastConstants"/>) prefixed with the branch's name; outer inputs and initializers
    /// are read from the enclosing scope.</summary>
    private static GraphProto Branch(GraphProto g, string prefix, List<NodeProto> pastConstants)
    {
        var computed = new HashSet<string>(g.Node.SelectMany(n => n.Output), StringComparer.Ordinal);
        if (pastConstants.Count > 0) computed.UnionWith(g.Input.Where(v => v.Name.StartsWith("past_key_values", StringComparison.Ordinal)).Select(v => v.Name));
        string Map(string name) => computed.Contains(name) ? $"{prefix}/{name}" : name;
        var branch = new GraphProto { Name = $"{prefix}_branch" };
        branch.Node.Add(pastConstants);
        foreach (var n in g.Node)
        {
            var copy = n.Clone();
            copy.Name = $"{prefix}/{n.Name}";
            for (var k = 0; k < copy.Input.Count; k++) copy.Input[k] = Map(copy.Input[k]);
            for (var k = 0; k < copy.Output.Count; k++) copy.Output[k] = Map(copy.Output[k]);
            branch.Node.Add(copy);
        }
        foreach (var o in g.Output)
        {
            var copy = o.Clone();
            copy.Name = Map(o.Name);
            branch.Output.Add(copy);
        }
        return branch;
    }
}
