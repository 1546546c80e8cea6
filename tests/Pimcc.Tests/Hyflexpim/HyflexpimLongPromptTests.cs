using System.Text.Json;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Container;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>
/// Long prompts (issue 12): prefill attention runs in query blocks and a weight spread over PUs reduces its partial
/// sums in row blocks, so prompts whose scores or staged partial sums outgrow the 16 MiB window compile and simulate.
/// The blocks must cover every query and every row exactly once with the right causal offsets: the simulated work is
/// checked against closed forms of the model's shapes and the crossbar regions of the memory map.
/// </summary>
public class HyflexpimLongPromptTests
{
    private static (PimBinary Bin, JsonElement Report) CompileAndSimulate(string config, int prompt, int generated)
    {
        var dir = CliRunner.TempDir();
        var bin = Path.Combine(dir, "m.bin");
        var c = CliRunner.Run(CliRunner.Sample(config), "--target", "hyflexpim", "--prompt-tokens", $"{prompt}", "--gen-tokens", $"{generated}", "-o", bin);
        c.ExitCode.ShouldBe(0, c.Err);
        var s = CliRunner.Run("sim", bin, "--format", "json");
        s.ExitCode.ShouldBe(0, s.Err);
        return (PimBinaryReader.Read(File.ReadAllBytes(bin), bin), JsonDocument.Parse(s.Out).RootElement.Clone());
    }

    private static double Stat(JsonElement report, string name) =>
        report.GetProperty("statistics").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();

    private static IEnumerable<string> Words(PimBinary bin, string mnemonic) =>
        bin.Streams.SelectMany(s => s.Words).Where(o => o.Mnemonic == mnemonic).Select(o => o.Mnemonic);

    /// <summary>Array reads of a prefill of P tokens: every layer weight's arrays for each token, the LM head's for the
    /// last only; arrays from the memory map's crossbar regions (1,024 bytes of cells per array).</summary>
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
}
