using Pimcc.Hpim.Compiler;
using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Hpim.Compiler.Passes;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Tests.Ir;

namespace Pimcc.Tests.Hpim.Lowering.Prefill;

/// <summary>
/// The prefill program on the TCU: work done (MACs) against the model, weight streaming, KV cache writes in decode's
/// layout, the ABI regions, and the backend's self-checks, on a tiny model and on OPT-125M shapes with a prompt that
/// leaves a partial token block (100 tokens = one block of 64 and one of 36).
/// </summary>
public class PrefillLoweringTests
{
    public sealed record Compiled(Module Module, PimBinary Binary, HpimEmitReport Report, long Prompt)
    {
        private IReadOnlyList<PrefillTrace>? _traces;

        public IReadOnlyList<PrefillTrace> Traces => _traces ??= [.. Binary.Cores.Select(c => PrefillTrace.Run(c, "prefill", Prompt))];
    }

    private static Compiled Build(Module m)
    {
        var compiled = HpimPassTests.Compile(m);
        var bin = HpimBackend.Emit(compiled, HpimPassTests.Hpim, out var report);
        return new Compiled(compiled, bin, report, compiled.Attrs.Int("prompt_tokens"));
    }

    private static readonly Lazy<Compiled> Tiny = new(() => Build(TinyDecoder.Build()));

    /// <summary>OPT-125M: hidden 768, 12 heads, FFN 3072, 12 layers, vocabulary 50272 (HF config facebook/opt-125m).</summary>
    private static readonly Lazy<Compiled> Opt125M = new(() => Build(DecoderModels.Build(new DecoderModels.Shape(768, 12, 3072, 12, 50272, 2048), 100, 8, biases: true)));

    public static TheoryData<string> Models => new() { "tiny", "opt-125m" };

    private static Compiled Model(string name) => name == "tiny" ? Tiny.Value : Opt125M.Value;

    [Theory]
    [MemberData(nameof(Models))]
    public void TcuMacsOfThePrefillProgramEqualTheModelsPrefillGemmMacs(string model)
    {
        var c = Model(model);
        var prefill = c.Module.FindFunction(Module.Prefill)!;
        long expected = 0;
        foreach (var op in prefill.Body)
        {
            if (op.Opcode == "linear")
            {
                var w = c.Module.FindWeight(op.Operands[1].Name)!;
                expected += op.Result.Type.Shape[0].Constant * w.Type.Shape[0].Constant * w.Type.Shape[1].Constant;
            }
            else if (op.Opcode == "attention")
                expected += 2 * op.Attrs.Int("heads") * c.Prompt * c.Prompt * op.Attrs.Int("head_dim"); // Q.K^T and S.V over the whole prompt
        }
        expected.ShouldBeGreaterThan(0);
        c.Traces.Sum(t => t.TcuMacs).ShouldBe(expected);
    }

    /// <summary>
    /// A shorter prompt (r28, docs/hpim-abi.md) runs only the token blocks it reaches (docs/hpim-lowering.md, "Shorter
    /// prompts"): on OPT-125M compiled for 100 tokens (blocks of 64 and 36), prompts of 1 and 64 tokens run block 0 (64
    /// token columns), 65 and 100 both blocks. MACs by hand as in the test above, for the columns run; the weights are
    /// streamed whole either way, and the synchronisation balances for every length.
    /// </summary>
    [Theory]
    [InlineData(1, 64)]
    [InlineData(64, 64)]
    [InlineData(65, 100)]
    [InlineData(100, 100)]
    public void AShorterPromptRunsOnlyTheTokenBlocksItReaches(int prompt, long columns)
    {
        var c = Opt125M.Value;
        var prefill = c.Module.FindFunction(Module.Prefill)!;
        long expected = 0;
        foreach (var op in prefill.Body)
        {
            if (op.Opcode == "linear")
            {
                var w = c.Module.FindWeight(op.Operands[1].Name)!;
                var tokens = op.Result.Type.Shape[0].Constant == c.Prompt ? columns : 1; // the LM head runs on last_token's one token
                expected += tokens * w.Type.Shape[0].Constant * w.Type.Shape[1].Constant;
            }
            else if (op.Opcode == "attention")
                expected += 2 * op.Attrs.Int("heads") * columns * columns * op.Attrs.Int("head_dim");
        }
        var traces = c.Binary.Cores.Select(core => PrefillTrace.Run(core, "prefill", prompt)).ToList();
        traces.Sum(t => t.TcuMacs).ShouldBe(expected);
        traces.Sum(t => t.Hbm.Count(h => h.Mnemonic == "hbm.pf" && h.Tag >= 2))
            .ShouldBe(c.Traces.Sum(t => t.Hbm.Count(h => h.Mnemonic == "hbm.pf" && h.Tag >= 2)), "every weight tile is still streamed once");
        SyncChecker.Check(c.Binary, "prefill", kv: 0, prompt: prompt);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryWeightTileIsStreamedExactlyOnceFromWhereDecodesLayoutPutIt(string model)
    {
        var c = Model(model);
        var l = HpimPassTests.Hpim.Hbm.Organization;
        var rowBytes = (long)l.BanksPerChannel * l.PageBytes;
        var prefill = c.Module.FindFunction(Module.Prefill)!;
        var weightPrefetches = c.Traces.SelectMany(t => t.Hbm).Where(h => h.Mnemonic == "hbm.pf" && h.Tag >= 2).ToList();
        weightPrefetches.ShouldAllBe(h => h.Bytes == rowBytes && h.Address % rowBytes == 0);
        // every fetched DRAM row is fetched once (per channel) and lies inside a weight's rows
        weightPrefetches.GroupBy(h => (h.Channel, h.Address)).ShouldAllBe(g => g.Count() == 1);
        var linears = prefill.Body.Where(HpimTileWeights.IsWeightLinear).ToList();
        var total = 0L;
        foreach (var op in linears)
        {
            var w = c.Module.FindWeight(op.Operands[1].Name)!;
            long first = HbmLayout.Row(w), rows = HbmLayout.Rows(w);
            var mine = weightPrefetches.Where(h => h.Address / rowBytes >= first && h.Address / rowBytes < first + rows).ToList();
            var chunks = (w.Type.Shape[1].Constant * 2 + l.PageBytes - 1) / l.PageBytes;
            if (op.Attrs.StrOr(HpimAttrs.Tiling, "tp") == "tp")
            {
                var striping = new FeatureStriping((int)w.Type.Shape[0].Constant, l.Channels);
                for (var ch = 0; ch < l.Channels; ch++)
                    mine.LongCount(h => h.Channel == ch).ShouldBe((striping.FeaturesOn(ch) + l.BanksPerChannel - 1) / l.BanksPerChannel * chunks, $"{w.Name} channel {ch}");
            }
            else
            {
                // Algorithm 1: channel ch computes, per round, the slices of its head's lane up to d (GemvPlan's rows)
                var heads = (int)op.Attrs.Ints(HpimAttrs.Rounds).Sum();
                var alloc = HeadAllocation.Compute(heads, (int)(w.Type.Shape[0].Constant / heads), l.Channels, HpimPassTests.Hpim.Sram.Cores);
                for (var ch = 0; ch < l.Channels; ch++)
                {
                    long offset = 0, end = 0;
                    foreach (var r in alloc.Rounds)
                    {
                        var lane = ch % r.ChannelsPerHead;
                        var valid = ch < r.ActiveChannels && lane < alloc.HeadDim ? (alloc.HeadDim - lane + r.ChannelsPerHead - 1) / r.ChannelsPerHead : 0;
                        if (valid > 0) end = offset + valid;
                        offset += (alloc.HeadDim + r.ChannelsPerHead - 1) / r.ChannelsPerHead;
                    }
                    mine.LongCount(h => h.Channel == ch).ShouldBe((end + l.BanksPerChannel - 1) / l.BanksPerChannel * chunks, $"{w.Name} channel {ch}");
                }
            }
            total += mine.Count;
        }
        total.ShouldBe(weightPrefetches.Count);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void KvCacheWritesCoverEveryPromptPositionOfEveryLayerAndHeadInDecodesLayout(string model)
    {
        var c = Model(model);
        var o = HpimPassTests.Hpim.Hbm.Organization;
        var rowBytes = (long)o.BanksPerChannel * o.PageBytes;
        var stores = c.Traces.SelectMany(t => t.Hbm).Where(h => h.Mnemonic == "hbm.st").ToList();
        foreach (var cache in c.Module.KvCaches)
        {
            long d = cache.HeadDim, heads = cache.KvHeads, e = 2;
            var p = 1L << System.Numerics.BitOperations.Log2((ulong)(o.PageBytes / (d * e)));
            var nb = (cache.MaxLength + p - 1) / p;
            var baseAddr = HbmLayout.Row(cache) * rowBytes;
            var end = baseAddr + HbmLayout.Rows(cache) * rowBytes;
            var inCache = stores.Where(s => s.Address >= baseAddr && s.Address < end).ToList();
            inCache.Sum(s => s.Bytes).ShouldBe(2 * heads * c.Prompt * d * e, cache.Name); // every position once, nothing else
            foreach (var kind in new[] { 0L, 1L })
                for (var h = 0L; h < heads; h++)
                    for (var pos = 0L; pos < c.Prompt; pos++)
                    {
                        var beta = (kind * heads + h) * nb + pos / p;
                        var ch = (int)(beta % o.Channels);
                        var addr = baseAddr + beta / o.Channels * o.PageBytes + pos % p * d * e;
                        inCache.Any(s => s.Channel == ch && s.Address <= addr && addr + d * e <= s.Address + s.Bytes)
                            .ShouldBeTrue($"{cache.Name} kind {kind} head {h} position {pos}");
                    }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void SelfChecksPassAndThePrefillAbiRegionsAreInTheMemoryMap(string model)
    {
        var c = Model(model);
        c.Report.SyncOps.ShouldBeGreaterThan(0);
        c.Report.TimingCheckedChannels.ShouldBeGreaterThan(0);
        var map = c.Binary.MemoryMap;
        map.Count(r => r.Name == "prefill.tokens" && r.SizeBytes >= c.Prompt * 4).ShouldBe(HpimPassTests.Hpim.Sram.Cores);
        map.Count(r => r.Name == "prefill.logits").ShouldBe(HpimPassTests.Hpim.Sram.Cores);
        map.Single(r => r.Name == "prefill.scratch").Kind.ShouldBe(RegionKind.Scratch);
        // the token ids are read with lw from the tokens region: one word per position per embedding panel
        c.Binary.Cores.SelectMany(core => core.Instructions.Skip(core.EntryWord("prefill")!.Value).Take(core.EntryWord("decode")!.Value - core.EntryWord("prefill")!.Value))
            .Count(i => i.Mnemonic == "lw").ShouldBeGreaterThan(0);
    }

    [Fact]
    public void APromptWhoseAttentionDoesNotFitLocalMemoryIsACapacityErrorNamingTheOp()
    {
        // keys and values of one head for 2000 positions (2 x 64 x 2048 x 2 B) plus the score tiles exceed 415 KiB
        var m = HpimPassTests.Compile(DecoderModels.Build(new DecoderModels.Shape(768, 12, 3072, 2, 1000, 2048), 2000, 8));
        var e = Should.Throw<Pimcc.Diagnostics.PimccError>(() => HpimBackend.Emit(m, HpimPassTests.Hpim));
        e.Code.ShouldBe(Pimcc.Diagnostics.ExitCode.CapacityExceeded);
        e.Location.ShouldContain("attn");
        e.Hint.ShouldContain("--prompt-tokens");
    }

    [Fact]
    public void LlamaPrefillLowersItsShiftlessRmsNormAndRotaryFromTheCosSinTables()
    {
        // regression: an RMSNorm has no beta; the prefill norm once loaded a shift vector from address -1
        var m = HpimPassTests.Compile(Pimcc.Tests.HfConfig.HfConfigKit.LoadSample("llama-3.2-1b.json", new Pimcc.Frontends.HfConfig.HfWorkload(16, 4)));
        var bin = HpimBackend.Emit(m, HpimPassTests.Hpim);
        var core = bin.Cores[0];
        var start = core.EntryWord("prefill")!.Value;
        var prefill = core.Instructions.Skip(start).Take(core.EntryWord("decode")!.Value - start).ToList();
        // the rotary tables' rows are read in prefill: hbm.ld inside debug ranges of rotary ops
        var rotaryWords = bin.Debug.Where(d => d.Stream == HpimStreams.Core && d.StreamIndex == 0 && d.IrOpName.EndsWith("_rot", StringComparison.Ordinal))
            .Where(d => d.First >= start && d.First < core.EntryWord("decode")!.Value).ToList();
        rotaryWords.ShouldNotBeEmpty();
        rotaryWords.Sum(d => core.Instructions.Skip(d.First).Take(d.Count).Count(i => i.Mnemonic == "hbm.ld")).ShouldBeGreaterThan(0);
        prefill.Count(i => i.Mnemonic == "vrsqrt").ShouldBeGreaterThan(0);
    }

    [Fact]
    public void RepeatedLayersRunAsOneLoopSoTheProgramDoesNotGrowWithTheLayerCount()
    {
        var c = Opt125M.Value;
        var core = c.Binary.Cores[0];
        var start = core.EntryWord("prefill")!.Value;
        var words = core.Instructions.Skip(start).Take(core.EntryWord("decode")!.Value - start).ToList();
        var staticGemms = words.Count(i => i.Mnemonic == "tcu.gemm");
        // 12 layers' GEMMs execute from one copy of the layer's code (plus the LM head outside the loop)
        c.Traces[0].Gemms.ShouldBeGreaterThan(5L * staticGemms);
        words.Count.ShouldBeLessThan(40_000);
    }
}
