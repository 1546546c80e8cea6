using System.Collections.Immutable;
using Pimcc.Accuracy;
using Pimcc.Compiler.Targets;
using Pimcc.Driver;
using Pimcc.Driver.Commands;
using Pimcc.Frontends.HfConfig;
using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Tests.Accuracy;

/// <summary>The quantised reference on real samples, against the float reference and ONNX Runtime (the independent side).</summary>
public class QuantisedSampleTests
{
    private static readonly string Svd = RepoPaths.Combine("samples", "onnx", "fortunes-gpt2-svd.onnx");
    private static readonly string Fortunes = RepoPaths.Combine("samples", "onnx", "fortunes-gpt2.onnx");
    private static readonly string OneBit = RepoPaths.Combine("samples", "onnx", "tiny-opt-1bit.onnx");

    internal static long[] HeldOut(int count) => Pimcc.Tests.Onnx.TrainedSampleTests.HeldOut()[..count];

    private static (Module Runnable, QuantisationPlan Plan) Compile(string model, string target, params string[] flags)
    {
        var description = TargetLoader.LoadPreset(target);
        var accuracy = AccuracyTargets.For(description.Kind)!;
        var pairs = flags.Chunk(2).Select(f => KeyValuePair.Create(f[0], f[1])).ToList();
        var io = new ConsoleIo(new StringWriter(), new StringWriter());
        var source = ModelLoader.Open(model, io.Err);
        var (runnable, annotated) = ReferenceModels.Compile(source, description, accuracy, pairs, io, new HfWorkload(1, ReferenceModels.Window(source, null) - 1));
        return (runnable, accuracy.Plan(annotated, description));
    }

    /// <summary>Every linear of the plan as an identity: float weights, exact read-out, no noise, one cell group.</summary>
    private static QuantisationPlan Identity(QuantisationPlan p) => p with
    {
        Linears = p.Linears.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value with
        {
            Format = WeightFormat.Float, InputBits = null,
            Groups = [new CellGroup("exact", 0, kv.Value.Groups.Sum(g => g.Count), 0, null)],
        }, StringComparer.Ordinal),
        AttentionBits = null,
    };

    [Fact]
    public void WithNoQuantisationTheQuantisedReferenceIsTheFloatReference()
    {
        var (runnable, plan) = Compile(Svd, "hyflexpim");
        var windows = LanguageModelLoss.Windows(HeldOut(48), 128);
        var plain = AccuracyEvaluation.ReferenceLoss(runnable, null, windows);
        AccuracyEvaluation.ReferenceLoss(runnable, new QuantisedReference(QuantisationPlan.None("hyflexpim"), null), windows).ShouldBe(plain);
        // Through the transform's own linear (tiles, groups, noise hook) with nothing to do: the same bits.
        AccuracyEvaluation.ReferenceLoss(runnable, new QuantisedReference(Identity(plan), noiseSeed: 5), windows).ShouldBe(plain);
        // And the float reference of the factored model is ONNX Runtime's model (its weights are rank-R products).
        AccuracyEvaluation.OnnxRuntimeLoss(Svd, windows).ShouldBe(plain, 1e-4);
    }

    [Fact]
    public void HyflexpimPlanFollowsTheAssignedRanks()
    {
        var (_, plan) = Compile(Svd, "hyflexpim", "--slc-fraction", "0.1");
        // 96x96 q: rank 48, ceil(0.1 · 48) = 5 SLC ranks: Σ·Vᵀ's first 5 outputs, U's first 5 inputs.
        var vt = plan.Linears["h.0.c_attn.q.weight.svd_vt"];
        (vt.Format, vt.Axis, vt.InputBits, vt.TileRows).ShouldBe((WeightFormat.Int8PerChannel, SplitAxis.Outputs, 8, 64));
        // Read-out per 64-row tile sum: a 6-b (SLC) / 7-b (MLC) conversion per bit-serial read, shift-and-add over 8 input
        // bits and the weight's 8 one-bit / 4 two-bit slices: 6 + 7 + 7 = 20 and 7 + 7 + 6 = 20 bits.
        vt.Groups.Select(g => (g.Mode, g.Start, g.Count, g.AdcBits)).ShouldBe([("SLC", 0L, 5L, (int?)20), ("MLC", 5L, 43L, (int?)20)]);
        var u = plan.Linears["h.0.c_attn.q.weight.svd_u"];
        (u.Axis, u.Groups[0].Count, u.Groups[1].Start).ShouldBe((SplitAxis.Inputs, 5L, 5L));
        vt.Groups[1].NoiseSigma.ShouldBeGreaterThan(100 * vt.Groups[0].NoiseSigma);
        // The tied LM head is an analog MLC linear of its own INT8 copy; 3 layers x 6 linears x 2 factors + the head.
        plan.Linears.Count.ShouldBe(3 * 6 * 2 + 1);
        plan.Linears["wte.weight"].Groups.ShouldHaveSingleItem().Mode.ShouldBe("MLC");
        plan.AttentionBits.ShouldBe(8);
        Compile(Svd, "hyflexpim", "--slc-fraction", "1").Plan.Linears["wte.weight"].Groups.ShouldHaveSingleItem().Mode.ShouldBe("SLC");
    }

    [Fact]
    public void HyflexpimQuantisedDriftFromOnnxRuntimeIsSmallButReal()
    {
        var (runnable, plan) = Compile(Svd, "hyflexpim");
        var windows = LanguageModelLoss.Windows(HeldOut(256), 128);
        var fp32 = AccuracyEvaluation.OnnxRuntimeLoss(Svd, windows);
        var quantised = AccuracyEvaluation.ReferenceLoss(runnable, new QuantisedReference(plan.WithoutNoise(), null), windows);
        // INT8 weights and inputs, 6-7 bit read-out per 64-row tile: a few thousandths of a nat, not nothing.
        Math.Abs(quantised - fp32).ShouldBeLessThan(0.05, $"FP32 {fp32:F4}, quantised {quantised:F4}");
        Math.Abs(quantised - fp32).ShouldBeGreaterThan(1e-4);
    }

    [Fact]
    public void PimllmOneBitWeightsReproduceAModelTrainedAtOneBit()
    {
        // tiny-opt-1bit holds BitNet-binarised projections as float32, so ONNX Runtime runs the 1-bit model itself and
        // the binary transform must recover exactly those weights: with the 8-bit activations and ADC switched off the
        // quantised reference is ONNX Runtime's model.
        var (runnable, plan) = Compile(OneBit, "pimllm");
        // the projections are 1-bit with 8-bit inputs and read-out; the LM head, on the systolic array, INT8 per row
        plan.Linears.Values.Where(l => l.Weight != "lm_head.weight").ShouldAllBe(l => l.Format == WeightFormat.Binary && l.InputBits == 8 && l.Groups.Single().AdcBits == 8);
        plan.Linears["lm_head.weight"].ShouldSatisfyAllConditions(l => l.Format.ShouldBe(WeightFormat.Int8PerChannel), l => l.InputBits.ShouldBe(8), l => l.Groups.Single().AdcBits.ShouldBeNull());
        var weightsOnly = plan with
        {
            Linears = plan.Linears.Where(kv => kv.Key != "lm_head.weight").ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value with { InputBits = null, Groups = [kv.Value.Groups[0] with { AdcBits = null }] }, StringComparer.Ordinal),
            AttentionBits = null,
        };
        var windows = LanguageModelLoss.Windows([.. Enumerable.Range(0, 40).Select(i => (long)((7 * i + 3) % 256))], 128);
        var fp32 = AccuracyEvaluation.OnnxRuntimeLoss(OneBit, windows);
        AccuracyEvaluation.ReferenceLoss(runnable, new QuantisedReference(weightsOnly, null), windows).ShouldBe(fp32, 1e-4);
        // The whole plan adds the 8-bit activations and read-out: a small drift.
        var full = AccuracyEvaluation.ReferenceLoss(runnable, new QuantisedReference(plan, null), windows);
        Math.Abs(full - fp32).ShouldBeLessThan(0.05, $"FP32 {fp32:F4}, W1A8 {full:F4}");
    }

    [Fact]
    public void PimllmDriftOfAFullPrecisionModelIsLarge()
    {
        // fortunes-gpt2 was trained in FP32: binarising its projections after training (no BitNet training) costs far
        // more than the 8-bit activations do on the 1-bit-trained sample above (0.29 nats on these 128 tokens, measured),
        // yet the model still predicts far better than the unigram entropy of the text (3.42 nats).
        var (runnable, plan) = Compile(Fortunes, "pimllm");
        var windows = LanguageModelLoss.Windows(HeldOut(128), 128);
        var fp32 = AccuracyEvaluation.OnnxRuntimeLoss(Fortunes, windows);
        var oneBit = AccuracyEvaluation.ReferenceLoss(runnable, new QuantisedReference(plan, null), windows);
        (oneBit - fp32).ShouldBeGreaterThan(0.1, $"FP32 {fp32:F4}, 1-bit {oneBit:F4}");
        oneBit.ShouldBeLessThan(3.42, $"FP32 {fp32:F4}, 1-bit {oneBit:F4}");
    }
}
