using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Ir;
using Pimcc.Pimllm.Compiler;
using Pimcc.Pimllm.Compiler.Lowering;
using Pimcc.Pimllm.Isa;
using Pimcc.Targets;
using Pimcc.Tests.Driver;
using Pimcc.Tests.HfConfig;

namespace Pimcc.Tests.Pimllm;

/// <summary>
/// The pimllm lowering (pimllm-lower) on a tiny GPT-2: what it emits, counted by hand from the config and the
/// description, and a snapshot of the streams. Tiny = 2 layers of d = 256 (4 heads of 64), ffn 1024, vocab 512; 40
/// prompt + 4 generated tokens, so prefill runs two blocks (32 + 8 tokens) and the caches hold 44 positions.
/// </summary>
public class PimllmLoweringTests
{
    private const int Prompt = 40, Generated = 4;

    internal static Module Tiny(int prompt = Prompt, int positions = 64) => HfConfigKit.LoadEdited("gpt2.json", j =>
    {
        j["n_layer"] = 2;
        j["n_embd"] = 256;
        j["n_head"] = 4;
        j["vocab_size"] = 512;
        j["n_positions"] = positions;
        j["n_ctx"] = positions;
    }, new HfWorkload(prompt, Generated), "tiny-gpt2");

    internal static PimBinary Lower(Module m, string target, params string[] sets)
    {
        var artifacts = new CompilationArtifacts();
        new PassManager(new PassInstrumentation { ReproducerDirectory = null }, TargetLoader.LoadPreset<PimllmTarget>(target, sets))
            .Run(m, Pipeline.Parse(PimllmCompiler.PipelineText, PassRegistry.Default), "test", artifacts);
        return artifacts.Find<PimBinary>()!;
    }

    /// <summary>The words of a program as they run (rep bodies as written out).</summary>
    internal static List<Op> Program(InstructionStream s, string entry)
    {
        var start = s.EntryWord(entry)!.Value;
        var end = s.Entries.Select(e => e.Word).Where(w => w > start).DefaultIfEmpty(s.Words.Count).Min();
        var words = new List<Op>();
        for (var c = new PimllmStreamCursor(s.Words, start, end); !c.Done; c.Next()) words.Add(c.Current);
        return words;
    }

    private static IEnumerable<Op> Of(IEnumerable<Op> ops, string mnemonic) => ops.Where(o => o.Mnemonic == mnemonic);

    [Fact]
    public void EveryProjectionReadsItsRowTilesOnItsOwnCrossbars()
    {
        var bin = Lower(Tiny(), "pimllm");
        var decode = Program(bin.CrossbarStream!, "decode");
        // Per layer: q, k, v, o and fc1 take 256 inputs (one row tile of 256), fc2 takes 1024 (four); outputs 256
        // (one column tile) except fc1's 1024 (four). Crossbars in module order: q 0, k 1, v 2, o 3, fc1 4-7, fc2 8-11.
        var mvm = Of(decode, "xb.mvm").ToList();
        mvm.Count.ShouldBe(2 * (5 + 4));
        mvm.Take(9).Select(o => (o["xbar"], o["tiles"], o["rows"], o["acc"]))
            .ShouldBe([(0, 1, 256, 0), (1, 1, 256, 0), (2, 1, 256, 0), (3, 1, 256, 0), (4, 4, 256, 0),
                       (8, 1, 256, 0), (9, 1, 256, 1), (10, 1, 256, 1), (11, 1, 256, 1)]);
        mvm[9]["xbar"].ShouldBe(12);     // layer 1's q: after layer 0's 12 crossbars
        // Prefill runs the same reads for each of its two blocks, on 32 and then 8 tokens; what follows last_token
        // (the final norm and the streamed LM head) runs once, on the last prompt token (position 39).
        var prefill = Program(bin.CrossbarStream!, "prefill");
        Of(prefill, "xb.mvm").Count().ShouldBe(2 * 18);
        Of(prefill, "pp.tok").Select(o => (o["first"], o["count"])).ShouldBe([(0, 32), (32, 8), (39, 1)]);
    }

    [Fact]
    public void TheLmHeadStreamsFromEveryChannelInOneChunk()
    {
        var bin = Lower(Tiny(), "pimllm");
        // LM head 512 x 256, stored INT8 per row = 512 rows of 256 B = 128 KiB: one chunk (at most 512 KiB), a quarter
        // per channel: 32 KiB = 512 units of 64 B, at the start of each channel (the striped weights come first).
        foreach (var dma in bin.DmaStreams)
        {
            var ld = Of(Program(dma, "decode"), "dma.ld").Single();
            (ld["lpddr"], ld["len"]).ShouldBe((0L, 512L));
        }
        var sa = Program(bin.SystolicStream!, "decode");
        var head = Of(sa, "sa.mshape").Last();
        (head["m"], head["n"], head["k"], head["span"]).ShouldBe((1L, 512L, 256L, 0L));
        // The decode program returns the logits: they go to LPDDR channel 0 through the output buffers, 512 x 4 B = 32 units.
        Of(Program(bin.DmaStreams[0], "decode"), "dma.st").Single()["len"].ShouldBe(32);
    }

    [Fact]
    public void AttentionRunsCausalGemmsInPrefillAndCacheGemvsInDecode()
    {
        var bin = Lower(Tiny(), "pimllm");
        var shapes = Of(Program(bin.SystolicStream!, "prefill"), "sa.mshape").Where(o => o["span"] != 0).ToList();
        // 2 blocks x 2 layers x 4 heads x (Q.K^T, S.V); block 1 (tokens 32..39) sees 40 keys.
        shapes.Count.ShouldBe(2 * 2 * 4 * 2);
        (shapes[0]["m"], shapes[0]["n"], shapes[0]["k"], shapes[0]["span"]).ShouldBe((32L, 32L, 64L, 1L));
        (shapes[1]["m"], shapes[1]["n"], shapes[1]["k"], shapes[1]["span"]).ShouldBe((32L, 64L, 32L, 2L));
        var second = shapes[16];
        (second["m"], second["n"], second["k"], second["span"]).ShouldBe((8L, 40L, 64L, 1L));
        // Decode: one GEMV per head (MHA: a group of one query) over the 44-position cache, bounded at run time.
        var decode = Of(Program(bin.SystolicStream!, "decode"), "sa.mshape").Where(o => o["span"] != 0).ToList();
        decode.Count.ShouldBe(2 * 4 * 2);
        (decode[0]["m"], decode[0]["n"], decode[0]["k"], decode[0]["span"]).ShouldBe((1L, 44L, 64L, 3L));
        (decode[1]["m"], decode[1]["n"], decode[1]["k"], decode[1]["span"]).ShouldBe((1L, 64L, 44L, 4L));
        // Both caches fit the SRAM: no cache traffic on the DMA streams.
        bin.DmaStreams.SelectMany(d => d.Words).ShouldNotContain(o => o.Mnemonic == "dma.ldc" || o.Mnemonic == "dma.strow");
    }

    [Fact]
    public void ACacheInLpddrIsStagedLoadedAndStoredPerHead()
    {
        // The lowering reserves 1,283,072 B of SRAM for this model besides its caches (pimllm-place-kv-cache's
        // sram-working-bytes: two 512 KiB chunk buffers, staging, activations); 1270 KiB leaves 17,408 B, less than
        // one layer's 2 x 44 x 4 x 64 = 22,528 B: both layers' caches go to LPDDR.
        var bin = Lower(Tiny(), "pimllm", "sram.capacity=1270KiB");
        var ldc = bin.DmaStreams.SelectMany(d => Of(Program(d, "decode"), "dma.ldc")).ToList();
        var strow = bin.DmaStreams.SelectMany(d => Of(Program(d, "decode"), "dma.strow")).ToList();
        // 2 layers x 4 heads x (K, V), rows of 64 B (one unit); the new rows stored by position.
        ldc.Count.ShouldBe(16);
        ldc.ShouldAllBe(o => o["len"] == 1);
        strow.Count.ShouldBe(16);
        strow.ShouldAllBe(o => o["index"] == 1);
        // Heads are spread over the 4 channels: each stages 2 heads x 2 layers.
        bin.DmaStreams.Select(d => Of(Program(d, "decode"), "dma.ldc").Count()).ShouldBe([4, 4, 4, 4]);
    }

    [Fact]
    public void TpuLlmStreamsEveryLinearAndKeepsThePostProcessingLanes()
    {
        var bin = Lower(Tiny(), "tpu-llm");
        bin.CrossbarStream!.Words.ShouldNotContain(o => o.Mnemonic == "xb.mvm");
        Of(bin.CrossbarStream!.Words, "pp.norm").ShouldNotBeEmpty();
        // Decode: 2 layers x 6 linears + the LM head, each one sa.mm per chunk; the binary weights of a layer's
        // linears are one chunk each (at most 1024 x 256 bits = 32 KiB), the LM head one.
        Of(Program(bin.SystolicStream!, "decode"), "sa.mm").Count(o => o["wt"] == 1).ShouldBe(12);
        Of(Program(bin.SystolicStream!, "decode"), "sa.mm").Count(o => o["wt"] == 0).ShouldBe(1 + 2 * 4 * 2);   // LM head, Q.K^T and S.V per head
    }

    [Fact]
    public void TheBinaryRecordsItsWorkloadAndSurvivesDisassembly()
    {
        var bin = Lower(Tiny(), "pimllm");
        bin.Workload.ShouldBe(new CompiledWorkload(Prompt, Generated, Prompt + Generated, "tiny-gpt2", ["prefill", "decode"]));
        var bytes = PimBinaryWriter.Write(bin);
        PimBinaryWriter.Write(Assembler.Assemble(Disassembler.Disassemble(PimBinaryReader.Read(bytes, "t.bin")), "t.pasm")).ShouldBe(bytes);
    }

    [Fact]
    public void TheSameModelLowersToTheSameBytes()
    {
        PimBinaryWriter.Write(Lower(Tiny(), "pimllm")).ShouldBe(PimBinaryWriter.Write(Lower(Tiny(), "pimllm")));
    }

    [Fact]
    public void ValuesLiveAtTheSameTimeNeverShareSramUnits()
    {
        // Independent of the allocator: replay the decode body's liveness and check every pair of values that are
        // live together occupies disjoint units (1 x width x 2 or 4 B each).
        var target = TargetLoader.LoadPreset<PimllmTarget>("pimllm");
        var scheduled = new PassManager(new PassInstrumentation { ReproducerDirectory = null }, target)
            .Run(Tiny(), Pipeline.Parse(PimllmCompiler.ScheduledPipelineText, PassRegistry.Default), "test").Module;
        var plan = SramPlan.Build(scheduled, target);
        var body = scheduled.FindFunction(Module.Decode)!.Body;
        var spans = new Dictionary<string, (int Def, int Last, long From, long To)>();
        for (var i = 0; i < body.Length; i++)
        {
            var op = body[i];
            if (op.Opcode is "position_ids" or "last_token" || body[i] == body[^1]) continue;
            var units = (ActivationPlan.RowBytes(op) + 63) / 64;
            var last = Enumerable.Range(i + 1, body.Length - i - 1).LastOrDefault(j => body[j].Operands.Any(o => o.Name == op.Id), i);
            var at = plan.Decode.Value(op.Id).Unit;
            spans[op.Id] = (i, last, at, at + units);
        }
        spans.Count.ShouldBeGreaterThan(20);
        foreach (var (a, x) in spans)
            foreach (var (b, y) in spans)
                if (string.CompareOrdinal(a, b) < 0 && x.Def <= y.Last && y.Def <= x.Last)
                    (x.To <= y.From || y.To <= x.From).ShouldBeTrue($"%{a} [{x.From}, {x.To}) and %{b} [{y.From}, {y.To}) are live together");
    }

    [Theory]
    [InlineData("pimllm")]
    [InlineData("tpu-llm")]
    public void StreamsOfTheTinyModelMatchTheSnapshot(string target)
    {
        var text = Disassembler.Disassemble(Lower(Tiny(), target));
        // The embedded description is the preset's (targets.md); the snapshot keeps the streams and the memory map.
        text = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith(".target_json", StringComparison.Ordinal)));
        var path = RepoPaths.Combine("tests", "Pimcc.Tests", "Pimllm", "golden", $"tiny-gpt2-{target}.pasm");
        if (Environment.GetEnvironmentVariable("PIMCC_REGENERATE_GOLDEN") == "1") File.WriteAllText(path, text);
        text.ShouldBe(File.ReadAllText(path), $"snapshot {path} is stale; regenerate with PIMCC_REGENERATE_GOLDEN=1 and read the diff");
    }

    [Fact]
    public void APrefillBlockTooLargeForTheSramIsHalvedUntilTheLayoutFits()
    {
        // tpu-llm, OPT-6.7B: 32 x 16384 i32 FFN outputs (2 MiB) beside 3.4 MiB of SRAM biases and norms do not fit
        // 8 MiB with the other buffers; smaller blocks do. The blocks still cover the 64 prompt tokens in order.
        var dir = CliRunner.TempDir();
        var output = Path.Combine(dir, "o.bin");
        var r = CliRunner.Run(CliRunner.Sample("opt-6.7b.json"), "--target", "tpu-llm", "-o", output, "--prompt-tokens", "64", "--gen-tokens", "4");
        r.ExitCode.ShouldBe(0, r.Err);
        var blocks = Of(Program(PimBinaryReader.Read(File.ReadAllBytes(output), output).CrossbarStream!, "prefill"), "pp.tok")
            .Select(o => (o["first"], o["count"])).Where(b => b.Item2 > 1).ToList();
        blocks.Count.ShouldBeGreaterThan(2);
        blocks.ShouldAllBe(b => b.Item2 < 32);
        blocks.Sum(b => b.Item2).ShouldBe(64);
        blocks.Select(b => b.Item1).ShouldBe(blocks.Select((b, i) => blocks.Take(i).Sum(x => x.Item2)));
    }

    [Fact]
    public void TheDeadlockCheckFindsAWaitNobodySignals()
    {
        var bin = Lower(Tiny(), "pimllm");
        var sa = bin.SystolicStream!;
        var broken = sa with { Words = [PimllmIsa.Systolic.Make("ev.wait", 9, 1), .. sa.Words] };
        var e = Should.Throw<InvalidOperationException>(() => PimllmBackend.CheckSync(bin with { Streams = [.. bin.Streams.Select(s => s == sa ? broken : s)] }));
        e.Message.ShouldContain("systolic0 at word 0 (ev.wait");
    }

    [Fact]
    public void AHeadDimWhoseOutputIsNotWholeSramUnitsIsRefusedAndNothingIsWritten()
    {
        // opt-125m with 32 heads: d = 768 / 32 = 24; a head's i32 attention output is 96 bytes, not whole 64-byte units
        // (head_dim 80, OPT-2.7B, is fine: 320 bytes; its q, K and V slices are reached with offset words).
        var dir = CliRunner.TempDir();
        var config = Path.Combine(dir, "opt-125m-32-heads.json");
        File.WriteAllText(config, File.ReadAllText(CliRunner.Sample("opt-125m.json")).Replace("\"num_attention_heads\": 12", "\"num_attention_heads\": 32"));
        var output = Path.Combine(dir, "o.bin");
        CliRunner.Run(config, "--target", "pimllm", "-o", output, "--prompt-tokens", "16", "--gen-tokens", "4")
            .ShouldBeOneLineError(ExitCode.UnsupportedModel, "head_dim 24 is not a multiple of 16");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void ActivationsFollowTheirLivenessInTheArena()
    {
        var m = Tiny();
        var artifacts = new CompilationArtifacts();
        var target = TargetLoader.LoadPreset<PimllmTarget>("pimllm");
        var scheduled = new PassManager(new PassInstrumentation { ReproducerDirectory = null }, target)
            .Run(m, Pipeline.Parse(PimllmCompiler.ScheduledPipelineText, PassRegistry.Default), "test", artifacts).Module;
        var plan = SramPlan.Build(scheduled, target);
        // Decode: %tok and %pos (1 x 256 f16 = 512 B = 8 units) at 0 and 8; %embed = tok + pos takes the next free
        // run (16) while both are live; then both are freed and %l0.ln1 reuses unit 0.
        plan.Decode.Value("tok").Unit.ShouldBe(0);
        plan.Decode.Value("pos").Unit.ShouldBe(8);
        plan.Decode.Value("embed").Unit.ShouldBe(16);
        plan.Decode.Value("l0.ln1").Unit.ShouldBe(0);
        // Parameters: ln_1 gamma and beta (512 B each) from unit 0, beta right after gamma.
        plan.ParamUnitOf("transformer.h.0.ln_1.weight").ShouldBe(0);
        plan.ParamUnitOf("transformer.h.0.ln_1.bias").ShouldBe(8);
    }
}
