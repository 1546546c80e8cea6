using System.Text.Json;
using System.Text.RegularExpressions;
using MathNet.Numerics.LinearAlgebra;
using Pimcc.Frontends.Onnx;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>
/// The bundled gradient-redistribution outputs (tools/train/gradient-importance.py on tiny-gpt2 and on the trained
/// fortunes-gpt2): each fine-tuned model
/// holds rank-R weights, R = floor(D1·D2/(D1+D2)), as the tool claims (checked by an SVD here, not the compiler's),
/// and compiling it with its profile orders every factored weight's ranks by the profile.
/// </summary>
public partial class ImportanceSampleTests
{
    /// <summary>The bundled runs: tiny-gpt2 (2 layers) and the trained fortunes-gpt2 (3 layers).</summary>
    public static TheoryData<string, int> Runs => new() { { "tiny-gpt2-svd", 2 }, { "fortunes-gpt2-svd", 3 } };

    private static string Model(string name) => RepoPaths.Combine("samples", "onnx", name + ".onnx");
    private static string Profile(string name) => RepoPaths.Combine("samples", "importance", name + ".importance.json");

    private static Dictionary<string, (int[] Shape, double[] Importance)> Weights(string run)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Profile(run)));
        doc.RootElement.GetProperty("format").GetString().ShouldBe("pimcc-importance/1");
        return doc.RootElement.GetProperty("weights").EnumerateObject().ToDictionary(w => w.Name, w => (
            w.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray(),
            w.Value.GetProperty("importance").EnumerateArray().Select(v => v.GetDouble()).ToArray()));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void EveryProfiledWeightOfTheFineTunedModelHasRankR(string run, int layers)
    {
        var graph = OnnxModelLoader.Load(Model(run)).Graph;
        var weights = Weights(run);
        weights.Count.ShouldBe(6 * layers); // (q, k, v, c_proj, c_fc, mlp_c_proj) per layer
        foreach (var (name, (shape, importance)) in weights)
        {
            var (d1, d2) = (shape[0], shape[1]);
            var r = d1 * d2 / (d1 + d2);
            importance.Length.ShouldBe(r, name);
            var linear = Linear(graph, name, d1, d2);
            var s = linear.Svd(computeVectors: false).S;
            (s[r - 1] / s[0]).ShouldBeGreaterThan(1e-3, $"{name}: rank {r} is not all there");
            if (r < Math.Min(d1, d2)) (s[r] / s[0]).ShouldBeLessThan(1e-4, $"{name}: more than rank {r}");
        }
    }

    /// <summary>The [out, in] weight the profile names: GPT-2's Conv1D stores [in, out]; c_attn's q, k, v are its thirds.</summary>
    private static Matrix<double> Linear(OnnxGraph graph, string name, int d1, int d2)
    {
        var piece = name.Split('.') is [_, _, "c_attn", var p, "weight"] ? "qkv".IndexOf(p[0]) : -1;
        var conv = graph.FindInitializer(piece < 0 ? name : name.Replace($".{name.Split('.')[3]}.", ".")).ShouldNotBeNull();
        var data = conv.ToFloat32();
        var outs = (int)conv.Dims[1];
        return Matrix<double>.Build.Dense(d1, d2, (o, i) => data[i * outs + Math.Max(piece, 0) * d1 + o]);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void CompilingWithTheProfileOrdersEachWeightsRanksByIt(string run, int layers)
    {
        _ = layers;
        var ir = Path.Combine(CliRunner.TempDir(), "svd.pimir");
        var r = CliRunner.Run(Model(run), "--target", "hyflexpim", "--importance", Profile(run), "--slc-fraction", "0.1",
            "--prompt-tokens", "8", "--gen-tokens", "8", "--emit", "ir", "-o", ir);
        r.ExitCode.ShouldBe(0, r.Err);
        var text = File.ReadAllText(ir);
        foreach (var (name, (_, importance)) in Weights(run))
        {
            var m = Regex.Match(text, $@"weight @{Regex.Escape(name)}\.svd_u\.int8 [^{{]*\{{[^\n]*hfp\.ordered_by = ""(\w+)""[^\n]*hfp\.rank_order = \[([0-9, ]+)\][^\n]*hfp\.slc_ranks = (\d+)");
            m.Success.ShouldBeTrue(name);
            m.Groups[1].Value.ShouldBe("profile");
            // most important first; equal importance keeps singular-value order (a stable sort)
            var expected = Enumerable.Range(0, importance.Length).OrderByDescending(k => importance[k]).ToArray();
            m.Groups[2].Value.Split(", ").Select(int.Parse).ShouldBe(expected, name);
            int.Parse(m.Groups[3].Value).ShouldBe((int)Math.Ceiling(0.1 * importance.Length), name);
        }
    }

    [Fact]
    public void TheTrainedModelsImportanceFavoursTopSingularValuesWithoutFollowingThem()
    {
        // Gradient redistribution concentrates importance on the top ranks (HyFlexPIM): in every weight of the trained
        // model the top tenth of ranks by singular value is on average more important than the bottom half; yet the
        // profile's order is not the singular-value order, so it picks other SLC ranks than singular values would.
        var differing = 0;
        foreach (var (name, (_, importance)) in Weights("fortunes-gpt2-svd"))
        {
            var r = importance.Length;
            var top = importance.Take(Math.Max(1, r / 10)).Average();
            var bottom = importance.Skip(r / 2).Average();
            top.ShouldBeGreaterThan(bottom, name);
            var slc = (int)Math.Ceiling(0.1 * r);
            var byProfile = Enumerable.Range(0, r).OrderByDescending(k => importance[k]).Take(slc).Order();
            if (!byProfile.SequenceEqual(Enumerable.Range(0, slc))) differing++;
        }
        differing.ShouldBeGreaterThan(0, "the profile chose the top singular values everywhere");
    }
}
