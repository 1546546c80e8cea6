using Pimcc.Diagnostics;
using Pimcc.Reports;
using Pimcc.Tests.Driver;
using Shouldly;
using Xunit;

namespace Pimcc.Tests.Gpu;

/// <summary>
/// The gpu simulator from the binary: a hand-written kernel stream timed against the roofline by hand (a100: 312e12
/// FLOP/s, 2039e9 B/s, 400 W), the overhead mode against LLMCompass's per-kernel overheads counted by hand, and a
/// compiled OPT-13B decode step per operator class against calibration.md's independent roofline figures.
/// </summary>
public class GpuSimTests
{
    // Prefill: a GEMM of 6.24e9 FLOPs (20 us at 312 TFLOP/s) and 2.039e7 bytes (10 us): 20 us, compute bound; a norm of
    // 4.078e7 bytes: 20 us (6.24e9 = 2 x 2^31 + 1,945,032,704). Decode: one product of 2,039,000 + 2,039 x kv bytes: (1000 + kv) ns at 2039 GB/s.
    private const string Hand = """
        .target "a100"
        .workload prompt=32, generated=4, positions=36, model="hand", programs="prefill,decode"
        .kernels 0
        .entry prefill
            wk.flops hi=2, lo=1945032704, perkv=0
            wk.bytes hi=0, lo=20390000, perkv=0
            k.gemm m=32, n=768, k=768, op=ffn
            wk.bytes hi=0, lo=40780000, perkv=0
            k.norm op=nonlinear
        .entry decode
            wk.bytes hi=0, lo=2039000, perkv=2039
            k.bmm op=attention
        """;

    private static ReportDocument Simulate(string bin, params string[] extra)
    {
        var r = CliRunner.Run(["sim", bin, "--format", "json", .. extra]);
        r.ExitCode.ShouldBe(0, r.Err);
        return ReportDocument.Parse(r.Out);
    }

    private static string Assemble(string text)
    {
        var dir = CliRunner.TempDir();
        string pasm = Path.Combine(dir, "h.pasm"), bin = Path.Combine(dir, "h.bin");
        File.WriteAllText(pasm, text);
        CliRunner.Run("asm", pasm, "-o", bin).ExitCode.ShouldBe(0);
        return bin;
    }

    private static double Stat(ReportDocument r, string name) => r.Find(name)?.Value ?? throw new ShouldAssertException($"no statistic {name}");

    [Fact]
    public void AHandWrittenStreamIsTimedOnTheRooflineByHand()
    {
        var r = Simulate(Assemble(Hand));
        Stat(r, "prefill.critical-path.ffn").ShouldBe(20e-6, 1e-15);
        Stat(r, "prefill.critical-path.nonlinear").ShouldBe(20e-6, 1e-15);
        Stat(r, "latency.prefill").ShouldBe(40e-6, 1e-15);
        // decode steps at kv = 32, 33, 34, 35
        Stat(r, "latency.decode.first").ShouldBe(1032e-9, 1e-15);
        Stat(r, "latency.decode.last").ShouldBe(1035e-9, 1e-15);
        Stat(r, "decode.critical-path.attention").ShouldBe(4134e-9, 1e-15);
        Stat(r, "latency.total").ShouldBe(44.134e-6, 1e-15);
        Stat(r, "energy.total").ShouldBe(400 * 44.134e-6, 1e-12);
        Stat(r, "decode.energy.class.attention").ShouldBe(400 * 4134e-9, 1e-12);
        // prefill's roofline: 6.24e9 FLOPs = 20 us of compute, 6.117e7 bytes = 30 us of HBM: bound 30 us of 40 us
        Stat(r, "prefill.roofline.compute").ShouldBe(20e-6, 1e-15);
        Stat(r, "prefill.roofline.hbm").ShouldBe(30e-6, 1e-15);
        Stat(r, "prefill.roofline.achieved").ShouldBe(0.75, 1e-12);
        r.Notes.ShouldContain(KeyValuePair.Create("prefill.roofline.limiter", "hbm"));
        r.Notes.ShouldContain(KeyValuePair.Create("mode", "roofline"));
        Stat(r, "decode.count.kernels").ShouldBe(4);
    }

    [Fact]
    public void OverheadModeAddsLlmCompassPerKernelOverheadsCountedByHand()
    {
        // OPT-125M per decode step by hand: 12 layers x 315 us (8 matmuls x 21 + softmax 12 + 2 LayerNorms x 45 + ReLU 45;
        // residual adds and embeddings 0) + final LayerNorm 45 + LM head 21 = 3,846 us; prefill the same kernels.
        var dir = CliRunner.TempDir();
        string off = Path.Combine(dir, "off.bin"), on = Path.Combine(dir, "on.bin");
        string[] model = [CliRunner.Sample("opt-125m.json"), "--target", "a100", "--prompt-tokens", "16", "--gen-tokens", "8"];
        CliRunner.Run([.. model, "-o", off]).ExitCode.ShouldBe(0);
        CliRunner.Run([.. model, "--set", "overhead.enabled=true", "-o", on]).ExitCode.ShouldBe(0);
        var plain = Simulate(off);
        var withOverheads = Simulate(on);
        withOverheads.Notes.ShouldContain(KeyValuePair.Create("mode", "roofline+kernel-overheads"));
        Stat(plain, "decode.overhead.kernels").ShouldBe(0);
        Stat(withOverheads, "decode.overhead.kernels").ShouldBe(8 * 3846e-6, 1e-12);
        Stat(withOverheads, "prefill.overhead.kernels").ShouldBe(3846e-6, 1e-12);
        (Stat(withOverheads, "latency.total") - Stat(plain, "latency.total")).ShouldBe(9 * 3846e-6, 1e-12);
    }

    [Fact]
    public void ACompiledOpt13bDecodeStepMatchesCalibrationPerOperatorClass()
    {
        // calibration.md, A100 plain roofline, OPT-13B decode at KV 256: QKV 3.086 ms, out proj 1.029 ms, FFN 8.230 ms
        // (its matmuls; the ReLU adds 80 KB, 0.04 us). One decode step after a 256-token prompt runs at kv = 256.
        var dir = CliRunner.TempDir();
        var bin = Path.Combine(dir, "opt13b.bin");
        CliRunner.Run(CliRunner.Sample("opt-13b.json"), "--target", "a100", "--prompt-tokens", "256", "--gen-tokens", "1", "-o", bin).ExitCode.ShouldBe(0);
        var r = Simulate(bin);
        Stat(r, "decode.critical-path.qkv-generation").ShouldBe(3.086e-3, 3.086e-5);
        Stat(r, "decode.critical-path.output-projection").ShouldBe(1.029e-3, 1.029e-5);
        Stat(r, "decode.critical-path.ffn").ShouldBe(8.230e-3, 8.230e-5);
    }

    [Fact]
    public void WhatTheGpuModelCannotDoIsRefusedInOneLine()
    {
        var bin = Assemble(Hand);
        CliRunner.Run("sim", bin, "--prompt-tokens", "16").ShouldBeOneLineError(ExitCode.Usage, "compiled for exactly 32");
        CliRunner.Run("sim", bin, "--functional", "--tokens", "1,2").ShouldBeOneLineError(ExitCode.Usage, "timing baseline");
        CliRunner.Run("sim", bin, "--trace", Path.Combine(CliRunner.TempDir(), "t.json")).ShouldBeOneLineError(ExitCode.Usage, "writes no trace");
    }
}
