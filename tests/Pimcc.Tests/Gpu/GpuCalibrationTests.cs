using Pimcc.Compiler.PassManagement;
using Pimcc.Frontends.HfConfig;
using Pimcc.Gpu.Compiler;
using Pimcc.Gpu.Isa;
using Pimcc.Gpu.Sim;
using Pimcc.Ir;
using Pimcc.Targets;
using Shouldly;
using Xunit;

namespace Pimcc.Tests.Gpu;

/// <summary>
/// The GPU baseline against the independent A100-80GB figures of ../shared/spec/calibration.md (plain roofline at
/// 2039e9 B/s and 312e12 FLOP/s, and LLMCompass with its per-kernel overheads), computed there with public tools on
/// the same OPT shapes: decoder blocks, batch 1, FP16, decode at KV length 256, prefill of a 256-token prompt.
/// </summary>
public class GpuCalibrationTests
{
    private static readonly Dictionary<string, long> Kv256 = new() { ["kv"] = 256 };

    private static Function Stage(string model, string stage)
    {
        var m = HfConfigFrontend.Load(RepoPaths.Combine("samples", "hf-configs", model + ".json"), new HfWorkload(256, 2));
        var (result, _) = new PassManager(new PassInstrumentation { ReproducerDirectory = null })
            .Run(m, Pipeline.Parse(PassRegistry.FrontPipeline, PassRegistry.Default), model);
        return result.FindFunction(stage)!;
    }

    /// <summary>Kernels of the decoder blocks only (ops named l&lt;layer&gt;.*): the figures leave out embedding, final norm and LM head.</summary>
    private static List<GpuKernel> Blocks(IEnumerable<GpuKernel> kernels) =>
        kernels.Where(k => k.Op.Length > 1 && k.Op[0] == 'l' && char.IsDigit(k.Op[1])).ToList();

    private static void Within(double actual, double expected, double tolerance) =>
        Math.Abs(actual / expected - 1).ShouldBeLessThan(tolerance, $"{actual} vs {expected}");

    [Theory]
    [InlineData("opt-6.7b", 6.39, 0.20)]
    [InlineData("opt-13b", 12.45, 0.25)]
    [InlineData("opt-30b", 29.22, 0.35)]
    public void DecodeAtKv256MatchesThePlainRooflineWithin1Percent(string model, double blocksMs, double lmHeadMs)
    {
        var a100 = TargetLoader.LoadPreset<GpuTarget>("a100");
        var kernels = GpuKernelMap.Map(Stage(model, Module.Decode));
        var blocks = GpuRoofline.Run(a100, Blocks(kernels), Kv256);
        blocks.Mode.ShouldBe("roofline");
        Within(blocks.Seconds * 1e3, blocksMs, 0.01);
        var lmHead = GpuRoofline.Run(a100, kernels.Where(k => k.Class == GpuOperatorClass.LmHead).ToList(), Kv256);
        // calibration.md gives the LM head to two decimals: within half a unit of the last digit.
        Math.Abs(lmHead.Seconds * 1e3 - lmHeadMs).ShouldBeLessThan(0.005 + 1e-9);
    }

    [Fact]
    public void Opt13bDecodeBreakdownPerOperatorClassMatchesTheRoofline()
    {
        var a100 = TargetLoader.LoadPreset<GpuTarget>("a100");
        var kernels = Blocks(GpuKernelMap.Map(Stage("opt-13b", Module.Decode)));
        double Ms(Func<GpuKernel, bool> which) => GpuRoofline.Run(a100, kernels.Where(which).ToList(), Kv256).Seconds * 1e3;
        Within(Ms(k => k.Class == GpuOperatorClass.Qkv), 3.086, 0.01);
        Within(Ms(k => k.Name.EndsWith(".qk", StringComparison.Ordinal)), 0.052, 0.01);
        Within(Ms(k => k.Name.EndsWith(".sv", StringComparison.Ordinal)), 0.052, 0.01);
        Within(Ms(k => k.Class == GpuOperatorClass.AttentionProjection), 1.029, 0.01);
        Within(Ms(k => k.Class == GpuOperatorClass.Ffn && k.Kind == KernelClass.Matmul), 8.230, 0.01);
    }

    // The score matrix (40 heads x 256 x 256 fp16 = 5.24 MB per layer) passes through HBM between the unfused Q.K^T,
    // softmax and S.V kernels: 4 x 5.24 MB = 20.97 MB, 10.3 us per layer at 2039 GB/s, 0.41 ms over 40 layers.
    [Fact]
    public void Opt13bPrefill256MatchesThePlainRooflineWithin1Percent()
    {
        var a100 = TargetLoader.LoadPreset<GpuTarget>("a100");
        var blocks = GpuRoofline.Run(a100, Blocks(GpuKernelMap.Map(Stage("opt-13b", Module.Prefill))), Kv256);
        Within(blocks.Seconds * 1e3, 22.19, 0.01);
    }

    [Theory]
    [InlineData("opt-6.7b", 16.48)]
    [InlineData("opt-13b", 25.07)]
    [InlineData("opt-30b", 44.37)]
    public void DecodeWithLlmCompassOverheadsMatchesLlmCompassWithin2Percent(string model, double blocksMs)
    {
        var a100 = TargetLoader.LoadPreset<GpuTarget>("a100", ["overhead.enabled=true"]);
        var blocks = GpuRoofline.Run(a100, Blocks(GpuKernelMap.Map(Stage(model, Module.Decode))), Kv256);
        blocks.Mode.ShouldBe("roofline+kernel-overheads");
        Within(blocks.Seconds * 1e3, blocksMs, 0.02);
    }

    [Fact]
    public void LlmCompassChargesItsPublished315MicrosecondsPerOptLayer()
    {
        // Hand count from calibration.md: 8 matmul kernels (Q, K, V, Q.K^T, S.V, out, fc1, fc2) x 21 us + softmax 12 us
        // + 2 LayerNorms x 45 us + the activation 45 us = 315 us per layer.
        var on = TargetLoader.LoadPreset<GpuTarget>("a100", ["overhead.enabled=true"]);
        var off = TargetLoader.LoadPreset<GpuTarget>("a100");
        var layer0 = GpuKernelMap.Map(Stage("opt-13b", Module.Decode)).Where(k => k.Op.StartsWith("l0.", StringComparison.Ordinal)).ToList();
        var overhead = GpuRoofline.Run(on, layer0, Kv256).Seconds - GpuRoofline.Run(off, layer0, Kv256).Seconds;
        overhead.ShouldBe(315e-6, 1e-9);
    }

    [Fact]
    public void EnergyIsBoardPowerTimesTime()
    {
        var h100 = TargetLoader.LoadPreset<GpuTarget>("h100");
        var run = GpuRoofline.Run(h100, Blocks(GpuKernelMap.Map(Stage("opt-6.7b", Module.Decode))), Kv256);
        run.Joules.ShouldBe(700 * run.Seconds, 1e-12);
        // H100 SXM (3.35 TB/s) against A100 (2.039 TB/s): a bandwidth-bound decode is faster by the bandwidth ratio.
        var a100 = GpuRoofline.Run(TargetLoader.LoadPreset<GpuTarget>("a100"), Blocks(GpuKernelMap.Map(Stage("opt-6.7b", Module.Decode))), Kv256);
        (a100.Seconds / run.Seconds).ShouldBe(3350.0 / 2039, 0.005);
    }

    [Fact]
    public void AGenerationSumsDecodeStepsAtKvPromptPlusStep()
    {
        // At batch 1 every decode kernel is bandwidth bound, so a step's time is linear in kv and the sum over steps
        // kv = 256 .. 256 + 7 equals 8 steps at the mean kv 259.5: (T(256) + T(263)) / 2 x 8 by the trapezoid rule.
        var a100 = TargetLoader.LoadPreset<GpuTarget>("a100");
        var decode = GpuKernelMap.Map(Stage("opt-1.3b", Module.Decode));
        var prefill = GpuKernelMap.Map(Stage("opt-1.3b", Module.Prefill));
        var run = GpuRoofline.Generation(a100, prefill, decode, 256, 8);
        double At(long kv) => GpuRoofline.Run(a100, decode, new Dictionary<string, long> { ["kv"] = kv }).Seconds;
        run.Decode.Seconds.ShouldBe((At(256) + At(263)) / 2 * 8, 1e-12);
        run.Decode.Kernels.ShouldBe(8 * decode.Count);
        run.Seconds.ShouldBe(run.Prefill.Seconds + run.Decode.Seconds);
        run.Joules.ShouldBe(400 * run.Seconds, 1e-9);
    }
}
