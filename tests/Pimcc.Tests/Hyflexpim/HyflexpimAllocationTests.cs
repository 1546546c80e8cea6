using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Hyflexpim.Compiler;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;
using Pimcc.Targets;
using Pimcc.Tests.Driver;
using A = Pimcc.Hyflexpim.Compiler.HyflexpimAttrs;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>Crossbar tiling and layer-to-PU allocation, checked against array counts worked out by hand from the
/// paper's array geometry (64 x 128 cells, INT8 over 8 SLC / 4 MLC columns, 512 arrays x 24 modules per PU).</summary>
public class HyflexpimAllocationTests
{
    private const string Mapping = HyflexpimCompiler.MappingPipelineText;

    private static (Module Module, IReadOnlyList<PassRunRecord> Records) Run(string model, int prompt, int generated, params string[] sets) =>
        new PassManager(new PassInstrumentation { ReproducerDirectory = null }, TargetLoader.LoadPreset<HyflexpimTarget>("hyflexpim", sets))
            .Run(Pimcc.Driver.ModelLoader.Load(model, new HfWorkload(prompt, generated)), Pipeline.Parse(Mapping, PassRegistry.Default), "test");

    private static long Stat(IReadOnlyList<PassRunRecord> r, string pass, string stat) =>
        r.Single(x => x.Pass == pass).Statistics.Values.Single(v => v.Stat.Name == stat).Value;

    [Fact]
    public void Gpt2ArraysAndPusMatchTheHandCount()
    {
        var (m, r) = Run(CliRunner.Sample("gpt2.json"), 128, 128);
        // One 768x768 weight, R = 384, 20 SLC ranks:
        //   Σ Vᵀ [384, 768]: 12 row tiles x (ceil(20/16) = 2 SLC + ceil(364/32) = 12 MLC column tiles) = 24 + 144
        //   U [768, 384]:    SLC ceil(20/64) = 1 x ceil(768/16) = 48, MLC ceil(364/64) = 6 x ceil(768/32) = 24 -> 48 + 144
        m.FindWeight("transformer.h.0.attn.c_attn.q.weight.svd_vt.int8")!.Attrs.Ints(A.Arrays).ShouldBe([24, 144]);
        m.FindWeight("transformer.h.0.attn.c_attn.q.weight.svd_u.int8")!.Attrs.Ints(A.Arrays).ShouldBe([48, 144]);
        // fc1 3072x768 (R 614, 31 SLC): 24 + 228 + 192 + 960 = 1404; fc2 768x3072: 96 + 912 + 48 + 240 = 1296;
        // a layer 4 x 360 + 1404 + 1296 = 4140 arrays, 648 of them SLC. LM head 50257x768 in MLC: 12 x 1571 = 18852.
        Stat(r, "hyflexpim-map-crossbars", "slc-arrays").ShouldBe(12 * 648);
        Stat(r, "hyflexpim-map-crossbars", "mlc-arrays").ShouldBe(12 * (4140 - 648) + 18852);
        // A PU holds 24 x 512 = 12288 arrays: one per layer; the head needs 2; (24 - 2) / 12 = 1 leaves no spare PU for TP.
        m.Attrs.Ints(A.StagePus).ShouldBe([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
        m.Attrs.Int(A.Chips).ShouldBe(1);
        m.Attrs.Ints(A.AdcBits).ShouldBe([6, 7]);
        // The head's 18852 arrays fill PU 12 (12288) and 6564 of PU 13: module 12, array 6564 - 12 x 512 - 1 = 419.
        m.FindWeight("transformer.wte.weight.int8")!.Attrs.Str(A.Placement).ShouldBe("c0.p12.m0.a0..c0.p13.m12.a419");
        m.FindWeight("transformer.h.3.mlp.c_fc.weight.svd_vt.int8")!.Attrs.Int(A.Stage).ShouldBe(3);
        Stat(r, "hyflexpim-allocate-pus", "array-utilisation-permille").ShouldBe((12L * 4140 + 18852) * 1000 / (14 * 12288));
    }

    [Fact]
    public void Gpt2LayerWeightsArePlacedOnePerAnalogModule()
    {
        var (m, r) = Run(CliRunner.Sample("gpt2.json"), 128, 128);
        // Layer 0 (arrays as counted above): q, k, v, o each a Σ·Vᵀ of 168 and a U of 192 arrays, one module each (8);
        // fc1 252 + 1,152 (1 + 3 modules), fc2 1,008 + 288 (2 + 1): 15 of the PU's 24 modules, so every weight starts on
        // a fresh module and no module serves two weights.
        m.FindWeight("transformer.h.0.attn.c_attn.q.weight.svd_vt.int8")!.Attrs.Str(A.Placement).ShouldBe("c0.p0.m0.a0..c0.p0.m0.a167");
        m.FindWeight("transformer.h.0.attn.c_attn.q.weight.svd_u.int8")!.Attrs.Str(A.Placement).ShouldBe("c0.p0.m1.a0..c0.p0.m1.a191");
        // 12 layers x 15 modules and the head's 18,852 arrays on 37 modules (24 of PU 12, 13 of PU 13).
        Stat(r, "hyflexpim-allocate-pus", "analog-modules-used").ShouldBe(12 * 15 + 37);
        Stat(r, "hyflexpim-allocate-pus", "max-weights-per-module").ShouldBe(1);
        Stat(r, "hyflexpim-allocate-pus", "balanced-stages").ShouldBe(13);
    }

    [Theory]
    [InlineData("bert-base-uncased.json")]
    [InlineData("bert-large-uncased.json")]
    public void BertPipelinesAtOneBitSerialReadPerInferenceWhateverTheLayerSize(string config)
    {
        // One weight per module: the busiest resource is a module serving one 128-token ag.gemv, 128 tokens x 8 input
        // bits x the 100 ns array cycle, then the last read's 128 conversions at 1.28 GS/s (100 ns) and S&A's add (1 ns).
        // (Packed module after module, BERT-Base's busiest module served 4 weights and BERT-Large's 3: Large reported
        // more inferences/s than Base.)
        var run = CliRunner.Run("run", CliRunner.Sample(config), "--target", "hyflexpim", "--prompt-tokens", "128", "--gen-tokens", "0", "--format", "json");
        run.ExitCode.ShouldBe(0, run.Err);
        var report = System.Text.Json.JsonDocument.Parse(run.Out).RootElement;
        var interval = report.GetProperty("statistics").EnumerateArray().Single(x => x.GetProperty("name").GetString() == "prefill.pipeline.interval").GetProperty("value").GetDouble();
        interval.ShouldBe((128 * 8 * 100e-9) + 100e-9 + 1e-9, 1e-15);
    }

    [Fact]
    public void FewerLayersThanPusSpreadEachLayerOverSparePus()
    {
        // tiny-gpt2: 2 layers and a small head of 1 PU: (24 - 1) / 2 = 11 PUs per layer.
        var (m, r) = Run(RepoPaths.Combine("samples", "onnx", "tiny-gpt2.onnx"), 4, 4);
        m.Attrs.Ints(A.StagePus).ShouldBe([11, 11, 1]);
        Stat(r, "hyflexpim-allocate-pus", "tp-stages").ShouldBe(2);
        m.FindFunction(Module.Decode)!.Body.Where(o => o.Opcode == "attention").Select(o => o.Attrs.Int(A.Stage)).ShouldBe([0L, 1L]);
    }

    [Fact]
    public void AKvCacheLargerThanAPusDigitalMemoryTakesAnotherPu()
    {
        // One digital array per module: 8 x 128 KiB = 1 MiB per PU. GPT-2 at 1024 positions keeps 2 x 1024 x 768 B =
        // 1.5 MiB of INT8 keys and values per layer -> 2 PUs per layer; 12 x 2 + 2 = 26 PUs > 24: two chips.
        var (m, r) = Run(CliRunner.Sample("gpt2.json"), 512, 512, "digital.arrays=1");
        m.Attrs.Ints(A.StagePus).ShouldBe([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
        m.Attrs.Int(A.Chips).ShouldBe(2);
        Stat(r, "hyflexpim-allocate-pus", "chips").ShouldBe(2);
    }

    [Fact]
    public void Llama32NeedsThreeChipsAndIsRefusedOnTwo()
    {
        var (m, _) = Run(CliRunner.Sample("llama-3.2-1b.json"), 64, 64);
        m.Attrs.Int(A.Chips).ShouldBe(3);
        var r = CliRunner.Run(CliRunner.Sample("llama-3.2-1b.json"), "--target", "hyflexpim", "--set", "system.maxChips=2",
            "--prompt-tokens", "64", "--gen-tokens", "64", "-o", Path.Combine(CliRunner.TempDir(), "o.bin"));
        r.ShouldBeOneLineError(ExitCode.ChipsExceeded, "needs 3 chips");
        r.Err.ShouldContain("--set system.maxChips=3");
    }

    [Fact]
    public void AtSlcFractionOneEverythingIsSlc()
    {
        var (_, r) = Run(CliRunner.Sample("gpt2.json"), 16, 16, []);
        var (_, all) = new PassManager(new PassInstrumentation { ReproducerDirectory = null }, TargetLoader.LoadPreset<HyflexpimTarget>("hyflexpim"))
            .Run(Pimcc.Driver.ModelLoader.Load(CliRunner.Sample("gpt2.json"), new HfWorkload(16, 16)),
                Pipeline.Parse(Mapping.Replace("assign-slc-mlc", "assign-slc-mlc{slc-fraction=1}"), PassRegistry.Default), "test");
        Stat(all, "hyflexpim-map-crossbars", "mlc-arrays").ShouldBe(0);
        // SLC needs twice the columns: at least as many arrays as the 5% mix.
        Stat(all, "hyflexpim-map-crossbars", "slc-arrays").ShouldBeGreaterThan(Stat(r, "hyflexpim-map-crossbars", "slc-arrays") + Stat(r, "hyflexpim-map-crossbars", "mlc-arrays"));
    }
}
