using System.Text.Json;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Container;
using Pimcc.Targets;
using Pimcc.Tests.Driver;
using Pimcc.Tests.HfConfig;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>
/// Long prompts (issue 12): prefill attention runs in query blocks and a weight spread over PUs reduces its partial
/// sums in row blocks, so prompts whose scores or staged partial sums outgrow the 16 MiB window compile and simulate.
/// The blocks must cover every query and every row exactly once with the right causal offsets: the simulated work is
/// checked against closed forms of the model's shapes and the crossbar regions of the memory map.
/// </summary>
public class HyflexpimLongPromptTests
{
    private static (PimBinary Bin, JsonElement Report) CompileAndSimulate(string config, int prompt, int generated, params string[] simArgs)
    {
        var dir = CliRunner.TempDir();
        var bin = Path.Combine(dir, "m.bin");
        var c = CliRunner.Run(CliRunner.Sample(config), "--target", "hyflexpim", "--prompt-tokens", $"{prompt}", "--gen-tokens", $"{generated}", "-o", bin);
        c.ExitCode.ShouldBe(0, c.Err);
        var s = CliRunner.Run(["sim", bin, "--format", "json", .. simArgs]);
        s.ExitCode.ShouldBe(0, s.Err);
        return (PimBinaryReader.Read(File.ReadAllBytes(bin), bin), JsonDocument.Parse(s.Out).RootElement.Clone());
    }

    private static double Stat(JsonElement report, string name) =>
        report.GetProperty("statistics").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();

    private static IEnumerable<string> Words(PimBinary bin, string mnemonic) =>
        bin.Streams.SelectMany(s => s.Words).Where(o => o.Mnemonic == mnemonic).Select(o => o.Mnemonic);

    /// <summary>Array reads of a prefill of P tokens: every layer weight's arrays for each token, the LM head's for the
    /// last only; arrays from the memory map's crossbar regions (2,048 bytes per array: 64 x 128 cells at 2 bits).</summary>
    private static double PrefillArrayReads(PimBinary bin, int prompt, string layerPrefix) =>
        bin.MemoryMap.Where(r => r.Placement.Space == HyflexpimSpaces.Crossbar)
            .Sum(r => r.SizeBytes / 2048.0 * (r.Name.StartsWith(layerPrefix, StringComparison.Ordinal) ? prompt : 1));

    [Fact]
    public void Gpt2At512Plus64RunsItsPrefillAttentionInQueryBlocksCoveringEveryQueryOnce()
    {
        // 512 x 12 heads x 576 positions of i32 scores (14 MB) would not fit the window with the rest (exit 42 before).
        var (bin, report) = CompileAndSimulate("gpt2.json", 512, 64);
        Words(bin, "dg.qblock").ShouldNotBeEmpty();
        Words(bin, "sfu.qblock").Count().ShouldBe(Words(bin, "dg.qblock").Count());
        // Causal prefill: query i sees i + 1 rows, so Q.K^T and S.V each take heads x head_dim x 512 x 513 / 2 INT8
        // multiplies per layer: GPT-2 small has 12 layers of 12 heads of 64.
        Stat(report, "prefill.count.digital-multiplies").ShouldBe(2.0 * 12 * 12 * 64 * (512 * 513 / 2));
        // Every query normalised once over the entries it sees: 3 passes x 12 heads x 512 x 513 / 2 per layer, plus the
        // other SFU work, so check the KV rows instead: 512 K and 512 V rows per layer.
        Stat(report, "prefill.count.kv-rows-written").ShouldBe(12 * 2 * 512);
        Stat(report, "prefill.count.array-reads").ShouldBe(PrefillArrayReads(bin, 512, "transformer.h."));
    }

    [Fact]
    public void Llama1bAt128Plus128ReducesItsPartialSumsInRowBlocksCoveringEveryRowOnce()
    {
        // 3 PUs per layer: the 8,192-wide FFN's staged partial sums of 128 rows (12 MB) no longer sit in the window at once.
        var (bin, report) = CompileAndSimulate("llama-3.2-1b.json", 128, 128);
        var prefill = bin.SfuStreams.SelectMany(s => s.Words.Take(s.EntryWord("decode")!.Value)).ToList();
        // Each sfu.reduce adds `parts` blocks of the rows its sfu.len sets: over all of them, each layer weight spread
        // over PUs reduces its 128 rows once, and the LM head (the tied embedding, on 11 PUs) the last token's row.
        var reducedRows = prefill.Zip(prefill.Skip(1)).Where(p => p.Second.Mnemonic == "sfu.reduce").Sum(p => p.First["rows"]);
        var spread = bin.MemoryMap.Where(r => r.Placement.Space == HyflexpimSpaces.Crossbar && r.Name.StartsWith("model.layers.", StringComparison.Ordinal))
            .GroupBy(r => System.Text.RegularExpressions.Regex.Replace(r.Name, @"\.pu\d+$", "")).Count(g => g.Count() > 1);
        spread.ShouldBeGreaterThan(0);
        reducedRows.ShouldBe(spread * 128L + 1);
        prefill.Count(o => o.Mnemonic == "sfu.reduce").ShouldBeGreaterThan(spread); // more than one block per weight
        Stat(report, "prefill.count.array-reads").ShouldBe(PrefillArrayReads(bin, 128, "model.layers."));
        // 16 layers of 32 query heads of 64 (8 KV heads): 128 x 129 / 2 visible rows per head, Q.K^T and S.V.
        Stat(report, "prefill.count.digital-multiplies").ShouldBe(2.0 * 16 * 32 * 64 * (128 * 129 / 2));
        Stat(report, "count.chips").ShouldBe(3);
    }

    /// <summary>Tokens a program of the binary takes per run: its io.row of token ids (the host sends them).</summary>
    private static long ProgramTokens(PimBinary bin, string program) =>
        bin.LinkStreams.Where(s => s.EntryWord(program) is not null)
            .SelectMany(s => s.Words.Skip(s.EntryWord(program)!.Value).Take(s.Entries.Where(e => e.Word > s.EntryWord(program)!.Value).Select(e => e.Word).DefaultIfEmpty(s.Words.Count).Min() - s.EntryWord(program)!.Value))
            .Where(o => o.Mnemonic == "io.row" && o["index"] == 0).Select(o => o["tokens"]).Single();

    /// <summary>Q.K^T and S.V INT8 multiplies of a causal prefill of N tokens: query i sees i + 1 rows, heads x head_dim
    /// multiplies per row, twice (scores and weighted sums); a chunked prefill computes the last layer's outputs only for
    /// the last chunk's queries (from <paramref name="lastFrom"/> on: the earlier chunks only leave their K and V rows).</summary>
    private static double CausalMultiplies(int layers, int heads, int dim, long n, long lastFrom) =>
        2.0 * heads * dim * ((layers - 1) * (n * (n + 1) / 2) + (n * (n + 1) / 2 - lastFrom * (lastFrom + 1) / 2));

    [Fact]
    public void Llama1bAt8192TokensGoesThroughInChunksWhoseValuesFitTheWindowWithItsKvCacheAboveIt()
    {
        // Capacity from the description (samples/targets/hyflexpim.json, the paper's Table "Digital RRAM PIM module"):
        // a digital module is 256 arrays of 1024 x 1024 one-bit cells = 32 MiB, a PU has 8 of them = 256 MiB; the
        // activation window is the first 16 MiB (16-bit vector addresses of 256-byte units); the KV tables lie above it.
        var t = TargetLoader.LoadPreset<HyflexpimTarget>("hyflexpim");
        (t.Digital.Arrays, t.Digital.Rows, t.Digital.Columns, t.Chip.DigitalModulesPerPu, t.Precision.KvBits).ShouldBe((256, 1024, 1024, 8, 8));
        const long Pu = 8L * 256 * 1024 * 1024 / 8, Window = (1L << 16) * 256;
        t.DigitalBytesPerPu.ShouldBe(Pu);
        // Where the old limit was: the prompt's values of one op sat whole in the window. Llama-3.2-1B's gate projection
        // alone gives 8,192 x 8,192 i32 sums = 256 MiB at 8,192 tokens (at 256 tokens 8 MiB, which with its staged
        // partial sums and input already overflowed the 16 MiB: exit 42 between 128 and 256 tokens).
        (8192L * 8192 * 4).ShouldBeGreaterThan(Window);
        var (bin, report) = CompileAndSimulate("llama-3.2-1b.json", 8192, 4, "--exact");
        bin.Workload!.Programs.ShouldBe(["prefill-chunk", "prefill", "decode"]);
        // Chunks of 128 (the largest power of two whose values fit): 63 runs of prefill-chunk, then prefill with 128.
        ProgramTokens(bin, "prefill-chunk").ShouldBe(128);
        ProgramTokens(bin, "prefill").ShouldBe(128);
        foreach (var a in bin.MemoryMap.Where(r => r.Kind == RegionKind.Activation))
            (((BufferPlacement)a.Placement).Address + a.SizeBytes).ShouldBeLessThanOrEqualTo(Window);
        // KV per layer: 8,196 positions x 8 KV heads x 64 x 8 bits = 4,196,352 bytes each for K and V, above the window
        // and inside the PU's 256 MiB: 8,192 tokens take 3% of one PU's digital modules per layer.
        // Each table is followed by its scale table, one FP16 per position: 16,392 bytes, in 256-byte units 16,640.
        var kv = bin.MemoryMap.Where(r => r.Kind == RegionKind.KvCache).ToList();
        kv.Count.ShouldBe(2 * 2 * 16);
        foreach (var r in kv)
        {
            r.SizeBytes.ShouldBe(r.Name.EndsWith(".scale", StringComparison.Ordinal) ? (8196L * 2 + 255) / 256 * 256 : 8196L * 8 * 64 * 8 / 8);
            ((BufferPlacement)r.Placement).Address.ShouldBeGreaterThanOrEqualTo(Window);
            (((BufferPlacement)r.Placement).Address + r.SizeBytes).ShouldBeLessThanOrEqualTo(Pu);
        }
        // Every layer wrote its 8,192 K and V rows; attention: 16 layers of 32 heads of 64, the last layer's outputs only
        // for the last chunk's queries 8,064 .. 8,191.
        Stat(report, "prefill.count.kv-rows-written").ShouldBe(16 * 2 * 8192);
        Stat(report, "prefill.count.digital-multiplies").ShouldBe(CausalMultiplies(16, 32, 64, 8192, 8064));
        // Array reads: every layer weight for each token, but the last layer's weights other than K's and V's only for the
        // last chunk (nothing of the earlier chunks reads them), the LM head for the last token.
        double Tokens(string region) =>
            !region.StartsWith("model.layers.", StringComparison.Ordinal) ? 1
            : region.StartsWith("model.layers.15.", StringComparison.Ordinal) && !region.Contains("k_proj", StringComparison.Ordinal) && !region.Contains("v_proj", StringComparison.Ordinal) ? 128
            : 8192;
        Stat(report, "prefill.count.array-reads").ShouldBe(bin.MemoryMap.Where(r => r.Placement.Space == HyflexpimSpaces.Crossbar).Sum(r => r.SizeBytes / 2048.0 * Tokens(r.Name)));
        Stat(report, "count.chips").ShouldBe(3);
    }

    [Fact]
    public void Llama1bDecodesTo8192PositionsAfterA128TokenPrompt()
    {
        var (bin, report) = CompileAndSimulate("llama-3.2-1b.json", 128, 8064);
        bin.Workload!.Programs.ShouldBe(["prefill", "decode"]); // a prompt that fits the window whole is not chunked
        // Decode step s (position 128 + s) writes one K and one V row per layer and its query sees 128 + s + 1 rows:
        // both affine in s, so the decode schedule's interpolation between simulated steps is exact for them.
        Stat(report, "decode.count.kv-rows-written").ShouldBe(16 * 2 * 8064);
        Stat(report, "decode.count.digital-multiplies").ShouldBe(2.0 * 16 * 32 * 64 * Enumerable.Range(0, 8064).Sum(s => 128L + s + 1));
    }

    [Fact]
    public void Gpt2SmallReachesItsThousandAndTwentyFourPositionsInChunksOf512()
    {
        // 1,020 + 4 = GPT-2's 1,024 positions. The whole prompt's FFN values overflow the window; 512 fit: one run of
        // prefill-chunk (tokens 0 .. 511), then prefill with tokens 512 .. 1,019 (the entries of the LM head's PUs, which
        // have no chunk work, lie at one word: the simulator orders them by the workload's program order).
        var (bin, report) = CompileAndSimulate("gpt2.json", 1020, 4, "--exact");
        bin.Workload!.Programs.ShouldBe(["prefill-chunk", "prefill", "decode"]);
        ProgramTokens(bin, "prefill-chunk").ShouldBe(512);
        ProgramTokens(bin, "prefill").ShouldBe(508);
        Stat(report, "prefill.count.kv-rows-written").ShouldBe(12 * 2 * 1020);
        Stat(report, "prefill.count.digital-multiplies").ShouldBe(CausalMultiplies(12, 12, 64, 1020, 512));
    }

    [Fact]
    public void BertLargeAt512TokensDequantisesItsFfnSumsInRowBlocksAndFitsTheWindow()
    {
        // An encoder's prompt cannot go through in chunks (every query sees every row of the layer before). BERT-Large's
        // FFN gives 512 x 4,096 i32 sums (8 MiB) and their 4 MiB FP16 dequantisation; with its 1 MiB residual and the
        // window's fragments that outgrew 16 MiB (exit 42 between 384 and 512 tokens). Now the SFU dequantises each row
        // block of sums as it comes (the i32 sums never sit whole), and a block past the window's end may grow the free
        // block below the top.
        var (bin, report) = CompileAndSimulate("bert-large-uncased.json", 512, 0);
        bin.Workload!.Programs.ShouldBe(["prefill"]);
        foreach (var a in bin.MemoryMap.Where(r => r.Kind == RegionKind.Activation))
            (((BufferPlacement)a.Placement).Address + a.SizeBytes).ShouldBeLessThanOrEqualTo(16L << 20);
        // The fused dequantisations: sfu.mul over fewer rows than the prompt (row blocks of at most 4 MiB of i32 sums:
        // 256 rows of 4,096 outputs), and every one of the 512 rows dequantised once per such linear.
        var sfu = bin.SfuStreams.SelectMany(st => st.Words).ToList();
        var blockMuls = sfu.Zip(sfu.Skip(1)).Where(p => p.Second.Mnemonic == "sfu.mul" && p.First.Mnemonic == "sfu.len" && p.First["rows"] < 512).ToList();
        blockMuls.ShouldNotBeEmpty();
        blockMuls.ShouldAllBe(p => p.First["rows"] * p.First["len"] * 4 <= 4L << 20);
        (blockMuls.Sum(p => p.First["rows"]) % 512).ShouldBe(0);
        // 24 layers of 16 heads of 64, a full mask: every query sees all 512 rows; every layer weight read for 512 tokens.
        Stat(report, "prefill.count.digital-multiplies").ShouldBe(2.0 * 24 * 16 * 64 * 512 * 512);
        Stat(report, "prefill.count.kv-rows-written").ShouldBe(24 * 2 * 512);
        bin.MemoryMap.Where(r => r.Placement.Space == HyflexpimSpaces.Crossbar).ShouldAllBe(r => r.Name.StartsWith("encoder.layer.", StringComparison.Ordinal));
        Stat(report, "prefill.count.array-reads").ShouldBe(PrefillArrayReads(bin, 512, "encoder.layer."));
    }

    [Fact]
    public void AnEncoderWhoseValuesOutgrowTheWindowIsRefusedWithNothingWritten()
    {
        // BERT-Base stretched to 1,024 positions: its 1,024 x 4,096 FFN values alone are 8 MiB of FP16, and an encoder
        // cannot go through in chunks: exit 42, no output.
        var config = Path.Combine(CliRunner.TempDir(), "bert-1024.json");
        File.WriteAllText(config, HfConfigKit.Edit("bert-base-uncased.json", c => c["max_position_embeddings"] = 1024));
        var bin = Path.Combine(CliRunner.TempDir(), "m.bin");
        CliRunner.Run(config, "--target", "hyflexpim", "--prompt-tokens", "1024", "--gen-tokens", "0", "-o", bin)
            .ShouldBeOneLineError(Pimcc.Diagnostics.ExitCode.CapacityExceeded, "does not fit the PU's 16 MiB activation window");
        File.Exists(bin).ShouldBeFalse();
    }
}
