using System.Text.Json;
using Pimcc.Compiler.Targets;
using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Container;
using Pimcc.Tests.Driver;
using Pimcc.Tests.HfConfig;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>
/// Encoders on hyflexpim (issue 12's BERT-Base and BERT-Large): a prefill-only binary with bidirectional attention
/// (dg.mask / sfu.mask full), exact GELU on the SFU, every position's hidden state out, and a report without decode
/// figures. Expected counts are closed forms of the model's shapes: with a full mask each of N queries sees all N rows,
/// so scores and weighted sums take 2 x layers x heads x head_dim x N x N INT8 multiplies (causal: N(N+1)/2 per head).
/// </summary>
public class HyflexpimEncoderTests
{
    private const string PrefillOnlyHeader = ".target \"hyflexpim\"\n.workload prompt=4, generated=0, positions=4, model=\"hand\", programs=\"prefill\"\n";

    private static double Stat(JsonElement report, string name) =>
        report.GetProperty("statistics").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();

    private static IEnumerable<string> StatNames(JsonElement report) =>
        report.GetProperty("statistics").EnumerateArray().Select(s => s.GetProperty("name").GetString()!);

    private static string Write(string name, string text)
    {
        var path = Path.Combine(CliRunner.TempDir(), name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonElement Sim(string bin, params string[] extra)
    {
        var s = CliRunner.Run(["sim", bin, "--format", "json", .. extra]);
        s.ExitCode.ShouldBe(0, s.Err);
        return JsonDocument.Parse(s.Out).RootElement.Clone();
    }

    private static string Compile(string config, int prompt)
    {
        var bin = Path.Combine(CliRunner.TempDir(), "e.bin");
        var c = CliRunner.Run(config, "--target", "hyflexpim", "--prompt-tokens", $"{prompt}", "--gen-tokens", "0", "-o", bin);
        c.ExitCode.ShouldBe(0, c.Err);
        return bin;
    }

    /// <summary>A two-layer BERT of hidden 64 (2 heads of 32), FFN 128: small enough to count by hand.</summary>
    private static string TinyBert() => Write("tiny-bert.json", HfConfigKit.Edit("bert-base-uncased.json", c =>
    {
        c["hidden_size"] = 64;
        c["num_attention_heads"] = 2;
        c["num_hidden_layers"] = 2;
        c["intermediate_size"] = 128;
        c["vocab_size"] = 100;
        c["max_position_embeddings"] = 64;
    }));

    [Fact]
    public void OnlyHyflexpimDeclaresThatItCompilesEncoders() =>
        CompilerTargets.All.Where(c => c.CompilesEncoders).Select(c => c.Kind).ShouldBe(["hyflexpim"]);

    [Fact]
    public void AFullMaskLetsEveryQuerySeeEveryRowUntilTheNextShape()
    {
        var bin = Path.Combine(CliRunner.TempDir(), "m.bin");
        var a = CliRunner.Run("asm", Write("m.pasm", PrefillOnlyHeader + """
            .hfp_digital 0
            .entry prefill
                dg.shape dim=64, rows=4, queries=4, heads=2, groups=2
                dg.mask mask=full
                dg.qk dst=0, q=0, k=65536
                dg.sv dst=64, p=0, v=65536
                dg.shape dim=64, rows=4, queries=4, heads=2, groups=2
                dg.qk dst=0, q=0, k=65536
            .hfp_sfu 0
            .entry prefill
                sfu.len len=4, rows=8
                sfu.mask mask=full
                sfu.softmax dst=0, src=0, queries=4
                sfu.len len=4, rows=8
                sfu.softmax dst=0, src=0, queries=4
            """), "-o", bin);
        a.ExitCode.ShouldBe(0, a.Err);
        var report = Sim(bin);
        // Full: 4 queries x 4 rows x 2 heads x 64 for dg.qk and again for dg.sv; then dg.shape restores the causal
        // mask: queries see 1 + 2 + 3 + 4 = 10 rows, x 2 heads x 64.
        Stat(report, "prefill.count.digital-multiplies").ShouldBe(2 * (4 * 4 * 2 * 64) + 10 * 2 * 64);
        // Softmax, 3 passes over 8 rows ([4 queries][2 heads]): full 8 x 4 entries, then causal 2 heads x 10 entries.
        Stat(report, "prefill.count.sfu-element-passes").ShouldBe(3 * (8 * 4) + 3 * (2 * 10));
    }

    [Fact]
    public void APrefillOnlyBinaryReportsNoDecodeFigureAndRefusesGeneratedTokens()
    {
        var bin = Compile(TinyBert(), 16);
        var report = Sim(bin);
        StatNames(report).Where(n => n.Contains("decode", StringComparison.Ordinal) || n.Contains("ttft", StringComparison.Ordinal)
                                     || n.Contains("tokens-per-joule", StringComparison.Ordinal)).ShouldBeEmpty();
        Stat(report, "latency.total").ShouldBe(Stat(report, "prefill.latency"));
        Stat(report, "latency.total").ShouldBeGreaterThan(0);
        Stat(report, "energy.total").ShouldBe(Stat(report, "prefill.energy.total"));
        Stat(report, "throughput.inferences").ShouldBe(1 / Stat(report, "prefill.pipeline.interval"), 1e-6);
        Stat(report, "area.total").ShouldBeGreaterThan(0);
        CliRunner.Run("sim", bin, "--gen-tokens", "2")
            .ShouldBeOneLineError(ExitCode.WorkloadExceedsCompiled, "the binary has no decode program (an encoder: prefill only); use --gen-tokens 0");
    }

    [Fact]
    public void ATinyBertComputesBidirectionalAttentionErfGeluAndSendsEveryPositionOut()
    {
        const int N = 16, Layers = 2, Heads = 2, HeadDim = 32, Hidden = 64;
        var bin = Compile(TinyBert(), N);
        var report = Sim(bin);
        Stat(report, "prefill.count.digital-multiplies").ShouldBe(2.0 * Layers * Heads * HeadDim * N * N);
        Stat(report, "prefill.count.kv-rows-written").ShouldBe(2.0 * Layers * N);
        // Host I/O: token and position rows (N x hidden FP16 each, target precision.sfuBits 16), the token-type row,
        // and the output: every position's hidden state, N rows of ceil(64 x 2 / 256) = 1 unit of 256 bytes.
        Stat(report, "prefill.count.host-io-bytes").ShouldBe(2.0 * N * Hidden * 2 + Hidden * 2 + N * HyflexpimFormats.BufferUnitBytes);
        var words = PimBinaryReader.Read(File.ReadAllBytes(bin), bin).Streams.SelectMany(s => s.Words).ToList();
        var gelus = words.Where(w => w.Mnemonic == "sfu.act").Select(w => w["fn"]).ToList();
        gelus.ShouldBe(Enumerable.Repeat(HyflexpimFormats.ActivationFunction.Code("gelu_erf"), Layers));
        // A full mask after every dg.shape and sfu.len of an attention's softmax: one query block per layer here.
        words.Count(w => w.Mnemonic == "dg.mask").ShouldBe(words.Count(w => w.Mnemonic == "dg.shape"));
        words.Count(w => w.Mnemonic == "sfu.mask").ShouldBe(Layers);
        words.All(w => w.Mnemonic is not ("dg.mask" or "sfu.mask") || w["mask"] == HyflexpimFormats.AttentionMask.Code("full")).ShouldBeTrue();
    }

    [Fact]
    public void BertBaseAt128TokensCompilesAndSimulatesOnOneChip()
    {
        var run = CliRunner.Run("run", RepoPaths.Combine("samples", "hf-configs", "bert-base-uncased.json"), "--target", "hyflexpim",
            "--prompt-tokens", "128", "--gen-tokens", "0", "--format", "json");
        run.ExitCode.ShouldBe(0, run.Err);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Stat(report, "prefill.count.digital-multiplies").ShouldBe(2.0 * 12 * 12 * 64 * 128 * 128);
        Stat(report, "count.chips").ShouldBe(1);
        Stat(report, "throughput.inferences").ShouldBeGreaterThan(0);
        StatNames(report).ShouldNotContain("throughput.pipelined-decode");
    }

    [Fact]
    public void ADecoderStillEmitsNoMask()
    {
        var bin = Path.Combine(CliRunner.TempDir(), "d.bin");
        var c = CliRunner.Run(CliRunner.Sample("gpt2.json"), "--target", "hyflexpim", "--prompt-tokens", "8", "--gen-tokens", "2", "-o", bin);
        c.ExitCode.ShouldBe(0, c.Err);
        PimBinaryReader.Read(File.ReadAllBytes(bin), bin).Streams.SelectMany(s => s.Words)
            .Count(w => w.Mnemonic is "dg.mask" or "sfu.mask").ShouldBe(0);
    }
}
