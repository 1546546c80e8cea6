using System.Buffers.Binary;
using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Ir;
using Pimcc.Pimllm.Compiler;
using Pimcc.Pimllm.Isa;
using Pimcc.Targets;
using Pimcc.Tests.HfConfig;
using Pimcc.Tests.Ir;

namespace Pimcc.Tests.Pimllm;

/// <summary>The pimllm passes on real configs and a tiny decoder; every expected figure is worked by hand in a comment.</summary>
public class PimllmPassTests
{
    private static PimllmTarget Target(string preset = "pimllm", params string[] sets) => TargetLoader.LoadPreset<PimllmTarget>(preset, sets);

    internal static (Module Module, IReadOnlyList<PassRunRecord> Records) Compile(Module m, PimllmTarget target, string weights = "binary")
    {
        var text = PimllmCompiler.ScheduledPipelineText.Replace("pimllm-quantize-weights", $"pimllm-quantize-weights{{weights={weights}}}");
        return new PassManager(new PassInstrumentation { ReproducerDirectory = null }, target)
            .Run(m, Pipeline.Parse(text, PassRegistry.Default), "test");
    }

    private static long Stat(IReadOnlyList<PassRunRecord> records, string pass, string stat) =>
        records.Single(r => r.Pass == pass).Statistics.Values.Single(v => v.Stat.Name == stat).Value;

    private static Module Sample(string file, int prompt = 128, int generated = 128) =>
        HfConfigKit.LoadSample(file, new HfWorkload(prompt, generated));

    [Theory]
    // gpt2-medium, 24 layers of d = 1024, ffn 4096: q/k/v/o 4 x 4 tiles each, fc1 4 row x 16 column tiles, fc2 16 x 4: 192 per layer.
    [InlineData("gpt2-medium.json", 24 * 192)]
    // opt-6.7b, 32 layers of d = 4096, ffn 16384: q/k/v/o 16 x 16 each, fc1 16 x 64, fc2 64 x 16: 3072 per layer.
    [InlineData("opt-6.7b.json", 32 * 3072)]
    // llama-7b, 32 layers of d = 4096, ffn 11008 = 43 x 256: q/k/v/o 1024, gate and up 16 x 43, down 43 x 16: 3088 per layer.
    [InlineData("llama-7b.json", 32 * 3088)]
    public void ProjectionsTileOntoWholeCrossbars(string file, long crossbars)
    {
        var (m, records) = Compile(Sample(file), Target());
        Stat(records, "pimllm-place-weights", "crossbars-used").ShouldBe(crossbars);
        Stat(records, "pimllm-place-weights", "crossbar-utilization-permille").ShouldBe(1000);   // every dimension is a multiple of 256
        m.Attrs.Int(PimllmAttrs.CrossbarsUsed).ShouldBe(crossbars);
        m.Attrs.Int(PimllmAttrs.CrossbarsAvailable).ShouldBe(131072);
    }

    [Fact]
    public void TilesAccumulatePartialSumsOverRowTilesAndTheLmHeadStaysDigital()
    {
        var (m, _) = Compile(Sample("gpt2-medium.json"), Target());
        var decode = m.FindFunction(Module.Decode)!;
        var fc2 = decode.Body.First(o => o.Attrs.StrOr("role", "") == "fc2");
        fc2.Attrs.Str(PimllmAttrs.Unit).ShouldBe("crossbar");
        (fc2.Attrs.Int(PimllmAttrs.RowTiles), fc2.Attrs.Int(PimllmAttrs.ColumnTiles)).ShouldBe((16L, 4L));   // 4096 inputs, 1024 outputs
        fc2.Attrs.Int(PimllmAttrs.ReadsPerInput).ShouldBe(1);
        var head = decode.Body.Single(o => o.Attrs.StrOr("role", "") == "lm_head");
        head.Attrs.Str(PimllmAttrs.Unit).ShouldBe("systolic");
        // 1 x 1024 by 1024 x 50257 on 32 x 32: ceil(50257 / 32) = 1571 tiles of 1024 + 62 cycles.
        head.Attrs.Int(PimllmAttrs.SystolicTiles).ShouldBe(1571);
        head.Attrs.Int(PimllmAttrs.SystolicCycles).ShouldBe(1571 * 1086);
        // Prefill and decode share the matrices: allocated once.
        var prefillFc2 = m.FindFunction(Module.Prefill)!.Body.First(o => o.Attrs.StrOr("role", "") == "fc2");
        prefillFc2.Attrs.Int(PimllmAttrs.FirstCrossbar).ShouldBe(fc2.Attrs.Int(PimllmAttrs.FirstCrossbar));
    }

    [Fact]
    public void TpuLlmStreamsEveryWeightFromLpddr()
    {
        var (m, records) = Compile(Sample("gpt2-medium.json"), Target("tpu-llm"));
        Stat(records, "pimllm-place-weights", "crossbars-used").ShouldBe(0);
        Stat(records, "pimllm-place-weights", "matrices-streamed").ShouldBe(24 * 6 + 1);
        // Per token: 24 layers x (4 x 1024^2 + 2 x 4096 x 1024) binary weights / 8 + the f16 LM head 50257 x 1024 x 2.
        Stat(records, "pimllm-place-weights", "streamed-bytes-per-token").ShouldBe(24L * (4 * 1024 * 1024 + 2 * 4096 * 1024) / 8 + 50257L * 1024 * 2);
        m.FindFunction(Module.Decode)!.Body.Where(PimllmAttrs.IsProjection).ShouldAllBe(o => o.Attrs.Str(PimllmAttrs.Unit) == "systolic");
    }

    [Fact]
    public void KvCacheFillsTheSramLayerByLayerThenLpddr()
    {
        var (m, records) = Compile(Sample("gpt2-medium.json"), Target());
        // The SRAM first keeps what the lowering lays out besides the caches (SramPlan; its layout is checked in
        // PimllmLoweringTests): at least the two 512 KiB chunk buffers of the streamed LM head and 4 channels' K and V
        // staging tables of 256 positions x 64 B. One layer's cache holds 2 x 256 positions x 16 heads x 64 x 1 B =
        // 524,288 B: whole layers fill what is left of the 8 MiB, the rest go to LPDDR.
        var working = Stat(records, "pimllm-place-kv-cache", "sram-working-bytes");
        working.ShouldBeGreaterThan(2 * 512 * 1024 + 4 * 2 * 256 * 64);
        var inSram = (8L * 1024 * 1024 - working) / 524_288;
        inSram.ShouldBeGreaterThan(0);
        Stat(records, "pimllm-place-kv-cache", "kv-layers-in-sram").ShouldBe(inSram);
        Stat(records, "pimllm-place-kv-cache", "kv-layers-in-lpddr").ShouldBe(24 - inSram);
        // Decode step t reads 129 + t positions of 2 x 1024 B: 2048 x (128 x 128 + 128 x 129 / 2) per LPDDR layer.
        Stat(records, "pimllm-place-kv-cache", "kv-lpddr-read-bytes").ShouldBe((24 - inSram) * 2048 * (128 * 128 + 128 * 129 / 2));
        Stat(records, "pimllm-place-kv-cache", "kv-lpddr-write-bytes").ShouldBe((24 - inSram) * 2048 * 256);
        m.KvCaches[(int)inSram - 1].Attrs.Str(PimllmAttrs.KvPlacement).ShouldBe("sram");
        m.KvCaches[(int)inSram].Attrs.Str(PimllmAttrs.KvPlacement).ShouldBe("lpddr");
        m.FindFunction(Module.Decode)!.Body.Single(o => o.Opcode == "attention" && o.Attrs.Str("cache") == $"layers.{inSram}")
            .Attrs.Str(PimllmAttrs.KvPlacement).ShouldBe("lpddr");
    }

    [Fact]
    public void AttentionIsScheduledAsGemmInPrefillAndGemvInDecode()
    {
        var (m, records) = Compile(Sample("gpt2-medium.json", 64, 2), Target());
        var prefill = m.FindFunction(Module.Prefill)!.Body.First(o => o.Opcode == "attention");
        prefill.Attrs.Str(PimllmAttrs.Schedule).ShouldBe("gemm");
        // Per head: Q·Kᵀ 3 tiles x 126 cycles, S·V 2 x 94 + 2 x 126 (SystolicScheduleTests); 16 heads.
        prefill.Attrs.Int(PimllmAttrs.SystolicCycles).ShouldBe(16 * (3 * 126 + 2 * 94 + 2 * 126));
        var decode = m.FindFunction(Module.Decode)!.Body.First(o => o.Opcode == "attention");
        decode.Attrs.Str(PimllmAttrs.Schedule).ShouldBe("gemv");
        // Two steps at 65 and 66 keys: Q·Kᵀ 3 tiles x 126, S·V 2 tiles x (keys + 62); 16 heads.
        decode.Attrs.Int(PimllmAttrs.SystolicCycles).ShouldBe(16 * (3 * 126 + 2 * 127 + 3 * 126 + 2 * 128));
        decode.Attrs.Int(PimllmAttrs.SoftmaxElements).ShouldBe(16 * (65 + 66));
        Stat(records, "pimllm-lower-attention", "attention-ops").ShouldBe(48);
    }

    [Fact]
    public void WeightsWithDataBecomePackedCodesAndAScale()
    {
        var m = TinyDecoder.Build();
        // l0.q (8 x 8) holds w = i - 32 for i = 0..63: mean -0.5, absmean (1 + ... + 32 + 0 + ... + 31) / 64 = 16.
        var values = Enumerable.Range(0, 64).Select(i => (float)(i - 32)).ToArray();
        var data = new byte[128];
        for (var i = 0; i < 64; i++) BinaryPrimitives.WriteHalfLittleEndian(data.AsSpan(2 * i), (Half)values[i]);
        m = m with { Weights = [.. m.Weights.Select(w => w.Name == "l0.q" ? w with { Data = [.. data] } : w)] };

        var binary = Compile(m, Target()).Module.FindWeight("l0.q")!;
        binary.Type.Element.ShouldBe(ElementType.I1);
        binary.Attrs.Float(PimllmAttrs.QuantScale).ShouldBe(16.0);                 // (32 + 31 + ... + 1 + 0 + 1 + ... + 31) / 64
        // Sign(w + 0.5): i = 0..31 are negative (bits 0), i = 32..63 positive (bits 1).
        binary.Data.ShouldBe(ImmutableArray.Create<byte>(0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF));

        var ternary = Compile(m, Target(sets: "crossbar.cells=differential"), "ternary").Module.FindWeight("l0.q")!;
        ternary.Type.Element.ShouldBe(ElementType.Ternary);
        // w / 16 rounds (and clips) to -1 for w <= -9, to 0 for |w| <= 8 (+-8 / 16 = +-0.5 are halves: to even, 0), to 1 for w >= 9.
        var codes = Enumerable.Range(0, 64).Select(i => (ternary.Data[i / 4] >> (2 * (i % 4))) & 3).ToArray();
        codes[..24].ShouldAllBe(c => c == 3);            // -32 .. -9: two's-complement -1
        codes[24..41].ShouldAllBe(c => c == 0);          // -8 .. 8
        codes[41..].ShouldAllBe(c => c == 1);            // 9 .. 31
    }

    [Fact]
    public void TernaryWeightsOnBinaryCellsAreRefused()
    {
        var e = Should.Throw<PimccError>(() => Compile(Sample("gpt2-medium.json"), Target(), "ternary"));
        e.Code.ShouldBe(ExitCode.WeightFormatUnsupported);
        e.Message.ShouldContain("binary cells");
        // Without crossbars nothing holds cells: tpu-llm streams ternary weights (2 bits each).
        Compile(Sample("gpt2-medium.json"), Target("tpu-llm"), "ternary").Module.Attrs.Str(PimllmAttrs.Weights).ShouldBe("ternary");
    }

    [Fact]
    public void AModelBeyondTheCrossbarsNamesWhatItNeeds()
    {
        // Ternary llama-7b on differential pairs: 128 outputs per crossbar. q/k/v/o 16 x 32 = 512 each, gate/up
        // 16 x 86 = 1376 each, down 43 x 32 = 1376: 6176 per layer, 197,632 in all > 131,072.
        var e = Should.Throw<PimccError>(() => Compile(Sample("llama-7b.json"), Target(sets: "crossbar.cells=differential"), "ternary"));
        e.Code.ShouldBe(ExitCode.CrossbarsExceeded);
        e.Message.ShouldContain("need 197632 crossbars of 256x256 (differential cells), target 'pimllm' has 131072");
        e.Hint.ShouldContain("--set crossbar.count=197632");
    }

    [Fact]
    public void AContextBeyondSramAndLpddrIsRefused()
    {
        // 128 MiB of LPDDR: the f16 LM head and positions of gpt2-medium take ~105.7 MB; 22 layers of 2 MiB of KV do not fit.
        var e = Should.Throw<PimccError>(() => Compile(Sample("gpt2-medium.json", 512, 512),
            Target(sets: ["lpddr.channels=1", "lpddr.channelDensity=1Gbit"])));
        e.Code.ShouldBe(ExitCode.ContextExceedsMemory);
        e.Message.ShouldContain("a context of 1024 positions needs 50331648 bytes of KV cache");
    }
}

/// <summary>samples/onnx/tiny-opt-1bit.onnx holds BitNet-binarised projections: pimllm's quantisation recovers them exactly.</summary>
public class OneBitSampleTests
{
    [Fact]
    public void BinaryQuantisationOfTheOneBitSampleIsExact()
    {
        var path = RepoPaths.Combine("samples", "onnx", "tiny-opt-1bit.onnx");
        var (raised, _) = Pimcc.Frontends.Onnx.Import.OnnxFrontend.LoadWithReport(path, new Pimcc.Frontends.Onnx.Import.OnnxWorkload(4, 2));
        var compiled = PimllmPassTests.Compile(raised, TargetLoader.LoadPreset<PimllmTarget>("pimllm")).Module;
        var quantised = compiled.Weights.Where(w => w.Type.Element == ElementType.I1).ToList();
        quantised.Count.ShouldBe(2 * 6);                                 // q, k, v, out, fc1, fc2 of 2 layers
        foreach (var q in quantised)
        {
            // The ONNX values are +-beta for one beta per matrix (generate-1bit.py): code * scale gives them back.
            var original = Pimcc.Compiler.Quantization.OneBitQuantization.ReadFloats(raised.FindWeight(q.Name)!);
            var beta = original.Max();
            original.ShouldAllBe(v => v == beta || v == -beta, q.Name);
            var scale = q.Attrs.Float(PimllmAttrs.QuantScale);
            scale.ShouldBe(beta, 1e-7 * beta, q.Name);
            for (var i = 0; i < original.Length; i++)
            {
                var bit = (q.Data[i / 8] >> (i % 8)) & 1;
                (bit == 1 ? 1f : -1f).ShouldBe(Math.Sign(original[i]), $"{q.Name}[{i}]");
            }
        }
    }
}
