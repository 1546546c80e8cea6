using System.Buffers.Binary;
using Pimcc.Compiler.Passes;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using Pimcc.Tests.Functional;
using Pimcc.Tests.HfConfig;

namespace Pimcc.Tests.Passes;

/// <summary>
/// complete-norm-params: a LayerNorm without gamma (OLMo's non-parametric one) or without beta gets identity weights of
/// its own, and the module computes the same logits (the reference interpreter, before and after); a config-only model
/// gets shaped weights without data.
/// </summary>
public class CompleteNormParamsTests
{
    private const string Front = "infer-shapes,canonicalize";
    private const string Completing = "infer-shapes,canonicalize,complete-norm-params";
    private static readonly int[] Ids = [3, 17, 42, 7, 99, 5];

    private static Module Raised(string sample) => OnnxFrontend.Load(RepoPaths.Combine("samples", "onnx", sample), new OnnxWorkload(4, 2));

    private static IEnumerable<Operation> Norms(Module m) => m.Functions.SelectMany(f => f.Body).Where(o => o.Opcode == "layer_norm");

    private static float[] Floats(Weight w) => [.. Enumerable.Range(0, w.Data.Length / 4).Select(i => BinaryPrimitives.ReadSingleLittleEndian(w.Data.AsSpan().Slice(4 * i)))];

    private static void SameLogits(Module before, Module after)
    {
        var want = CompiledSample.ReferenceLogits(before, Ids, 4);
        var got = CompiledSample.ReferenceLogits(after, Ids, 4);
        want.Count.ShouldBe(3);
        foreach (var (pos, row) in want) got[pos].ShouldBe(row, $"position {pos}");
    }

    [Fact]
    public void ANonParametricLayerNormGetsOnesAndZerosAndTheSameLogits()
    {
        var raised = Raised("tiny-olmo.onnx");
        var (plain, _) = PassTestKit.Run(raised, Front);
        Norms(plain).ShouldAllBe(o => o.Operands.Length == 1);
        var (completed, records) = PassTestKit.Run(raised, Completing);
        PassTestKit.Stat(records, "complete-norm-params", CompleteNormParams.Completed.Name).ShouldBe(Norms(plain).Count());
        // prefill's and decode's norm of one layer share their weights: 2 per distinct norm
        completed.Weights.Length.ShouldBe(plain.Weights.Length + 2 * Norms(plain).Select(o => o.Result.Name).Distinct().Count());
        foreach (var norm in Norms(completed))
        {
            norm.Operands.Length.ShouldBe(3);
            var (gamma, beta) = (completed.FindWeight(norm.Operands[1].Name)!, completed.FindWeight(norm.Operands[2].Name)!);
            (gamma.Name, beta.Name).ShouldBe((norm.Result.Name + ".gamma", norm.Result.Name + ".beta"));
            gamma.Type.ToString().ShouldBe("f32[64]");
            Floats(gamma).ShouldAllBe(v => v == 1f);
            Floats(beta).ShouldAllBe(v => v == 0f);
        }
        Verifier.Verify(completed).ShouldBeEmpty();
        SameLogits(plain, completed);
    }

    [Fact]
    public void ALayerNormWithGammaButNoBetaKeepsItsGammaAndGetsZeros()
    {
        // tiny-stablelm's LayerNorms with their bias dropped: the bias-free LayerNorm (bias=False)
        var (plain, _) = PassTestKit.Run(Raised("tiny-stablelm.onnx"), Front);
        var biasFree = plain.WithFunctions(plain.Functions.Select(f => f with
        {
            Body = [.. f.Body.Select(o => o.Opcode == "layer_norm" ? o with { Operands = o.Operands.RemoveAt(2) } : o)],
        }));
        var (completed, _) = PassTestKit.Run(biasFree, "complete-norm-params");
        var before = Norms(biasFree).ToList();
        var after = Norms(completed).ToList();
        after.Count.ShouldBe(before.Count);
        for (var i = 0; i < after.Count; i++)
        {
            after[i].Operands[1].ShouldBe(before[i].Operands[1]);
            Floats(completed.FindWeight(after[i].Operands[2].Name)!).ShouldAllBe(v => v == 0f);
        }
        SameLogits(biasFree, completed);
        // the gains are not all ones: dropping the bias changed the logits, so the comparison above can fail
        CompiledSample.ReferenceLogits(plain, Ids, 4)[4].ShouldNotBe(CompiledSample.ReferenceLogits(biasFree, Ids, 4)[4]);
    }

    [Fact]
    public void AConfigOnlyModelGetsShapedWeightsAndAModelWithParametersIsUnchanged()
    {
        var (olmo, _) = PassTestKit.Run(HfConfigKit.LoadSample("olmo-1b.json"), "complete-norm-params");
        Norms(olmo).ShouldNotBeEmpty();
        foreach (var norm in Norms(olmo))
            norm.Operands.Skip(1).Select(o => olmo.FindWeight(o.Name)!).ShouldAllBe(w => !w.HasData && w.Type.Shape.Length == 1);
        var opt = HfConfigKit.LoadSample("opt-125m.json");
        var (same, records) = PassTestKit.Run(opt, "complete-norm-params");
        PassTestKit.Stat(records, "complete-norm-params", CompleteNormParams.Completed.Name).ShouldBe(0);
        same.Weights.ShouldBe(opt.Weights);
        same.Functions.ShouldBe(opt.Functions);
    }
}
