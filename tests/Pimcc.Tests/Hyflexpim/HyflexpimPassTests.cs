using System.Text.Json;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Hyflexpim.Compiler;
using Pimcc.Hyflexpim.Compiler.Passes;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;
using Pimcc.Reference;
using Pimcc.Targets;
using Pimcc.Tests.Driver;
using A = Pimcc.Hyflexpim.Compiler.HyflexpimAttrs;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>svd-rank, assign-slc-mlc and unit mapping, checked against the SVD's defining properties and hand counts.</summary>
public class HyflexpimPassTests
{
    private static readonly HyflexpimTarget Target = TargetLoader.LoadPreset<HyflexpimTarget>("hyflexpim");
    private const string Front = "infer-shapes,canonicalize,bind-workload";

    private static (Module Module, IReadOnlyList<PassRunRecord> Records) Run(Module m, string pipeline) =>
        new PassManager(new PassInstrumentation { ReproducerDirectory = null }, Target).Run(m, Pipeline.Parse(pipeline, PassRegistry.Default), "test");

    private static Module Load(string path) => Pimcc.Driver.ModelLoader.Load(path, new HfWorkload(4, 4));
    private static string TinyGpt2 => RepoPaths.Combine("samples", "onnx", "tiny-gpt2.onnx");

    private static float[] Values(Module m, string weight)
    {
        var w = m.FindWeight(weight)!;
        return WeightData.Decode(w.Type, w.Data, weight).Floats!;
    }

    private static long Stat(IReadOnlyList<PassRunRecord> r, string pass, string stat) =>
        r.Single(x => x.Pass == pass).Statistics.Values.Single(v => v.Stat.Name == stat).Value;

    /// <summary>P = U·(ΣVᵀ) as doubles, [d1, d2].</summary>
    private static double[] Product(float[] u, float[] svt, int d1, int r, int d2)
    {
        var p = new double[d1 * d2];
        for (var i = 0; i < d1; i++)
            for (var k = 0; k < r; k++)
                for (var j = 0; j < d2; j++) p[i * d2 + j] += (double)u[i * r + k] * svt[k * d2 + j];
        return p;
    }

    [Fact]
    public void TruncatedRankKeepsParametersAndMacs()
    {
        // floor(D1·D2 / (D1 + D2)): GPT-2's 768x768 -> 384, 3072x768 -> floor(614.4) = 614; R·(D1+D2) never exceeds D1·D2.
        SvdRank.TruncatedRank(768, 768).ShouldBe(384);
        SvdRank.TruncatedRank(3072, 768).ShouldBe(614);
        SvdRank.TruncatedRank(256, 64).ShouldBe(51);
        (614L * (3072 + 768)).ShouldBeLessThanOrEqualTo(3072L * 768);
    }

    [Fact]
    public void FactorsAreATruncatedSvdOfTheWeight()
    {
        var original = Run(Load(TinyGpt2), Front).Module;
        var (m, records) = Run(Load(TinyGpt2), Front + ",svd-rank");
        const string name = "h.0.c_fc.weight"; // [256 out, 64 in] -> rank 51
        const int d1 = 256, d2 = 64, r = 51;
        m.FindWeight(name).ShouldBeNull("the factored weight is no longer used");
        var u = Values(m, name + ".svd_u");
        var svt = Values(m, name + ".svd_vt");
        (u.Length, svt.Length).ShouldBe((d1 * r, r * d2));
        // U has orthonormal columns.
        for (var a = 0; a < r; a++)
            for (var b = 0; b < r; b++)
            {
                var dot = 0.0;
                for (var i = 0; i < d1; i++) dot += (double)u[i * r + a] * u[i * r + b];
                dot.ShouldBe(a == b ? 1 : 0, 1e-4, $"U columns {a}, {b}");
            }
        // Rows of ΣVᵀ are orthogonal, their norms are the singular values, in descending order.
        var sigma = m.FindWeight(name + ".svd_vt")!.Attrs.Floats(A.Sigma);
        sigma.Length.ShouldBe(r);
        for (var a = 0; a < r; a++)
        {
            if (a > 0) sigma[a].ShouldBeLessThanOrEqualTo(sigma[a - 1]);
            for (var b = a; b < r; b++)
            {
                var dot = 0.0;
                for (var j = 0; j < d2; j++) dot += (double)svt[a * d2 + j] * svt[b * d2 + j];
                dot.ShouldBe(a == b ? sigma[a] * sigma[a] : 0, 1e-3 * sigma[0] * sigma[0]);
            }
        }
        // The residual W - P is orthogonal to P (projection onto the top singular directions): |W|^2 = |P|^2 + |W-P|^2.
        var w = Values(original, name);
        var p = Product(u, svt, d1, r, d2);
        double ww = 0, pp = 0, rr = 0, pr = 0;
        for (var i = 0; i < w.Length; i++)
        {
            ww += (double)w[i] * w[i];
            pp += p[i] * p[i];
            rr += (w[i] - p[i]) * (w[i] - p[i]);
            pr += p[i] * (w[i] - p[i]);
        }
        pr.ShouldBe(0, 1e-4 * ww);
        (pp + rr).ShouldBe(ww, 1e-4 * ww);
        pp.ShouldBe(sigma.Sum(s => s * s), 1e-4 * ww);
        rr.ShouldBeGreaterThan(0, "rank 51 of 64 drops some of the weight");
        // 2 layers x 2 functions x 6 linears; ranks over the 12 distinct weights: 4 x 32 (64x64) + 2 x 51 per layer.
        Stat(records, "svd-rank", "linears-factored").ShouldBe(24);
        Stat(records, "svd-rank", "ranks").ShouldBe(2 * (4 * 32 + 2 * 51));
        Stat(records, "svd-rank", "weights-decomposed").ShouldBe(12);
    }

    [Theory]
    [InlineData(0.05, 33168, 1704)] // per layer 4 x ceil(19.2) + 2 x ceil(30.7) = 4 x 20 + 2 x 31 = 142, x 12 layers
    [InlineData(0.1, 33168, 3360)]  // 4 x ceil(38.4) + 2 x ceil(61.4) = 156 + 124 = 280, x 12
    [InlineData(0.0, 33168, 0)]
    [InlineData(1.0, 33168, 33168)]
    public void Gpt2ConfigSplitsRanksByCount(double fraction, long ranks, long slc)
    {
        var (m, records) = Run(Load(CliRunner.Sample("gpt2.json")), $"{Front},svd-rank,assign-slc-mlc{{slc-fraction={fraction.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}");
        Stat(records, "svd-rank", "ranks").ShouldBe(ranks); // 12 x (4 x 384 + 2 x 614)
        Stat(records, "assign-slc-mlc", "slc-ranks").ShouldBe(slc);
        Stat(records, "assign-slc-mlc", "mlc-ranks").ShouldBe(ranks - slc);
        var vt = m.Weights.First(w => w.Attrs.StrOr(A.Factor, "") == A.SigmaVt);
        vt.HasData.ShouldBeFalse();
        vt.Attrs.Str(A.OrderedBy).ShouldBe("rank-count");
        vt.Attrs.ContainsKey("source").ShouldBeFalse("a factor is not a checkpoint tensor");
    }

    private static string WriteProfile(Module factored, Func<string, long, long[], object?> entry, params string[] extra)
    {
        var weights = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var vt in factored.Weights.Where(w => w.Attrs.StrOr(A.Factor, "") == A.SigmaVt))
        {
            var source = vt.Attrs.Str(A.SvdOf);
            long[] shape = [factored.FindWeight(source + ".svd_u")!.Type.Shape[0].Constant, vt.Type.Shape[1].Constant];
            weights[source] = entry(source, vt.Type.Shape[0].Constant, shape);
        }
        foreach (var e in extra) weights[e] = new { shape = new[] { 1, 1 }, importance = new[] { 1.0 } };
        var path = Path.Combine(CliRunner.TempDir(), "importance.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { format = "pimcc-importance/1", model = "tiny-gpt2", weights = weights.Where(kv => kv.Value is not null).ToDictionary() }));
        return path;
    }

    [Fact]
    public void AnImportanceProfileOrdersRanksAndThePermutationKeepsTheProduct()
    {
        var factored = Run(Load(TinyGpt2), Front + ",svd-rank").Module;
        // Importance rising with the rank index: the smallest singular directions are the important ones here.
        var profile = WriteProfile(factored, (_, r, shape) => new { shape, importance = Enumerable.Range(0, (int)r).Select(k => (double)k).ToArray() });
        var (m, records) = Run(Load(TinyGpt2), $"{Front},svd-rank,assign-slc-mlc{{slc-fraction=0.1,importance={profile}}}");
        const string name = "h.0.c_fc.weight";
        var vt = m.FindWeight(name + ".svd_vt")!;
        vt.Attrs.Str(A.OrderedBy).ShouldBe("profile");
        vt.Attrs.Int(A.SlcRanks).ShouldBe(6); // ceil(0.1 x 51) = ceil(5.1)
        vt.Attrs.Ints(A.RankOrder).ShouldBe(Enumerable.Range(0, 51).Reverse().Select(k => (long)k));
        m.FindWeight(name + ".svd_u")!.Attrs.Ints(A.RankOrder).ShouldBe(vt.Attrs.Ints(A.RankOrder));
        Stat(records, "assign-slc-mlc", "weights-reordered").ShouldBe(12);
        // The first row of ΣVᵀ is now the smallest singular direction.
        var before = Values(factored, name + ".svd_vt");
        var after = Values(m, name + ".svd_vt");
        after.Take(64).ShouldBe(before.Skip(50 * 64).Take(64));
        // Permuting ranks in both factors leaves U·ΣVᵀ unchanged.
        var p0 = Product(Values(factored, name + ".svd_u"), before, 256, 51, 64);
        var p1 = Product(Values(m, name + ".svd_u"), after, 256, 51, 64);
        for (var i = 0; i < p0.Length; i++) p1[i].ShouldBe(p0[i], 1e-5);
    }

    [Fact]
    public void WithoutAProfileRanksStayInSingularValueOrder()
    {
        var m = Run(Load(TinyGpt2), $"{Front},svd-rank,assign-slc-mlc").Module;
        var vt = m.FindWeight("h.1.c_attn.q.weight.svd_vt")!;
        vt.Attrs.Str(A.OrderedBy).ShouldBe("singular-value");
        vt.Attrs.Int(A.SlcRanks).ShouldBe(2); // ceil(0.05 x 32) = ceil(1.6)
        vt.Attrs.Ints(A.RankOrder).ShouldBe(Enumerable.Range(0, 32).Select(k => (long)k));
        m.Attrs.Float(A.SlcFraction).ShouldBe(0.05);
    }

    [Fact]
    public void UnitsFollowThePapersDivisionOfWork()
    {
        var m = Run(Load(TinyGpt2), HyflexpimCompiler.MappingPipelineText).Module;
        var decode = m.FindFunction(Module.Decode)!.Body;
        decode.Where(o => o.Opcode == "linear").ShouldAllBe(o => o.Attrs.Str(A.Unit) == "analog");
        decode.Where(o => o.Opcode == "attention").ShouldAllBe(o => o.Attrs.Str(A.Unit) == "digital");
        decode.Where(o => o.Opcode is "gelu" or "layer_norm" or "add").ShouldAllBe(o => o.Attrs.Str(A.Unit) == "sfu");
        m.KvCaches.ShouldAllBe(c => c.Attrs.Str(A.Unit) == "digital");
    }

    // --- the command line: own exit codes, one line, no output file

    private static (CliResult Result, string Output) Compile(params string[] extra)
    {
        var output = Path.Combine(CliRunner.TempDir(), "out.bin");
        return (CliRunner.Run([TinyGpt2, "--target", "hyflexpim", "-o", output, "--prompt-tokens", "4", "--gen-tokens", "4", .. extra]), output);
    }

    [Fact]
    public void ARefusedCompileLeavesAnExistingOutputAsItWas()
    {
        // BLOOM's ALiBi position biases, which the digital PIM's scores have no term for (HyflexpimLoweringTests).
        var existing = Path.Combine(CliRunner.TempDir(), "existing.bin");
        File.WriteAllText(existing, "keep");
        CliRunner.Run(CliRunner.Sample("bloom-560m.json"), "--target", "hyflexpim", "-o", existing, "--prompt-tokens", "4", "--gen-tokens", "4")
            .ShouldBeOneLineError(ExitCode.UnsupportedOperator, "has no code for ALiBi position biases");
        File.ReadAllText(existing).ShouldBe("keep");
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.01")]
    public void AnSlcFractionOutsideZeroToOneIsRefused(string fraction)
    {
        var (r, output) = Compile("--slc-fraction", fraction);
        r.ShouldBeOneLineError(ExitCode.SlcFractionOutOfRange, "outside [0, 1]");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void AProfileOfTheWrongShapeIsRefused()
    {
        var factored = Run(Load(TinyGpt2), Front + ",svd-rank").Module;
        var shortList = WriteProfile(factored, (_, r, shape) => new { shape, importance = new double[r - 1] });
        Compile("--importance", shortList).Result.ShouldBeOneLineError(ExitCode.ImportanceShapeMismatch, "its truncated rank is");
        var otherShape = WriteProfile(factored, (_, r, _) => new { shape = new[] { 7, 9 }, importance = new double[r] });
        Compile("--importance", otherShape).Result.ShouldBeOneLineError(ExitCode.ImportanceShapeMismatch, "[7, 9] in the profile");
    }

    [Fact]
    public void AProfileOfAnotherModelIsRefused()
    {
        var factored = Run(Load(TinyGpt2), Front + ",svd-rank").Module;
        var extra = WriteProfile(factored, (_, r, shape) => new { shape, importance = new double[r] }, "model.layers.0.mlp.up_proj.weight");
        Compile("--importance", extra).Result.ShouldBeOneLineError(ExitCode.ImportanceModelMismatch, "model.layers.0.mlp.up_proj.weight");
        var missing = WriteProfile(factored, (n, r, shape) => n.StartsWith("h.1.", StringComparison.Ordinal) ? null : new { shape, importance = new double[r] });
        Compile("--importance", missing).Result.ShouldBeOneLineError(ExitCode.ImportanceModelMismatch, "no entry for weight 'h.1.");
    }

    [Fact]
    public void SlcFractionIsATargetFlagOfHyflexpimOnly()
    {
        var r = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", "hpim", "-o", Path.Combine(CliRunner.TempDir(), "o.bin"), "--slc-fraction", "0.1");
        r.ShouldBeOneLineError(ExitCode.Usage, "not a flag of target kind 'hpim'");
    }

    // --- INT8 quantisation

    [Fact]
    public void Int8PerChannelQuantisationByHand()
    {
        // Row 0: max 2 -> scale 2/127, 1 / (2/127) = 63.5 rounds away from zero to 64; row 1: max 0.5 -> 0.25 -> 63.5 -> 64.
        var (q, s) = Pimcc.Compiler.Quantization.Int8PerChannel.Quantize([1f, -2f, 0.5f, 0.25f, 0f, 0f], 3, 2);
        q.ShouldBe(new sbyte[] { 64, -127, 127, 64, 0, 0 });
        s[0].ShouldBe(2.0 / 127, 1e-12);
        s[1].ShouldBe(0.5 / 127, 1e-12);
        s[2].ShouldBe(0);
    }

    [Fact]
    public void QuantisedModelComputesWhatTheFactoredModelDoesWithinInt8Error()
    {
        var factored = Run(Load(TinyGpt2), $"{Front},svd-rank,assign-slc-mlc").Module;
        var (quantized, records) = Run(Load(TinyGpt2), $"{Front},svd-rank,assign-slc-mlc,hyflexpim-quantize");
        Stat(records, "hyflexpim-quantize", "weights-quantized").ShouldBe(2 * 12 + 1); // 12 factors per layer, the LM head
        quantized.Weights.Where(w => w.Name.EndsWith(".int8", StringComparison.Ordinal)).ShouldAllBe(w => w.Type.Element == ElementType.I8);
        quantized.FindWeight("wte.weight").ShouldNotBeNull("the embedding still reads the tied table");
        int[] prompt = [3, 17, 42, 5];
        var input = Tensor.I64([prompt.Length], [.. prompt.Select(t => (long)t)]);
        var expected = new ReferenceInterpreter(factored).Run(Module.Prefill, [input], kv: new KvCacheState(factored))[0].Floats!;
        var actual = new ReferenceInterpreter(quantized).Run(Module.Prefill, [input], kv: new KvCacheState(quantized))[0].Floats!;
        double spread = expected.Max() - expected.Min();
        double worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        worst.ShouldBeLessThan(0.05 * spread, "INT8 per-channel weights move logits by a few percent of their range at most");
        worst.ShouldBeGreaterThan(0, "the weights were really rounded");
    }
}
