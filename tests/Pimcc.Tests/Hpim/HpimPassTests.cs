using Pimcc.Compiler.PassManagement;
using Pimcc.Hpim.Compiler;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Targets;
using Pimcc.Tests.Ir;

namespace Pimcc.Tests.Hpim;

public class HpimPassTests
{
    public static HpimTarget Hpim { get; } = TargetLoader.LoadPreset<HpimTarget>("hpim");

    public static Module Compile(Module m, HpimTarget? target = null) =>
        new PassManager(new PassInstrumentation { ReproducerDirectory = null }, target ?? Hpim)
            .Run(m, Pipeline.Parse(HpimCompiler.ScheduledPipelineText, PassRegistry.Default), "test").Module;

    private static Operation Op(Module m, string f, string id) => m.FindFunction(f)!.Body.Single(o => o.Id == id);

    [Fact]
    public void StagesMapDecodeGemvsToHbmPimAndPrefillGemmsToTcu()
    {
        var m = Compile(TinyDecoder.Build());
        Op(m, Module.Decode, "l0.out_q").Attrs.Str(HpimAttrs.Unit).ShouldBe("hbm-pim");
        Op(m, Module.Prefill, "l0.out_q").Attrs.Str(HpimAttrs.Unit).ShouldBe("tcu");
        Op(m, Module.Prefill, "l0.out_q").Attrs.Str(HpimAttrs.Weights).ShouldBe("stream");
        Op(m, Module.Decode, "l0.attn").Attrs.Str(HpimAttrs.Unit).ShouldBe("pim-unit");
        Op(m, Module.Decode, "l0.act").Attrs.Str(HpimAttrs.Unit).ShouldBe("vcu");
    }

    [Fact]
    public void QkvAreTiledHeadWiseAndOthersTensorWise()
    {
        var m = Compile(TinyDecoder.Build());
        var q = Op(m, Module.Decode, "l0.out_q");
        q.Attrs.Str(HpimAttrs.Tiling).ShouldBe("hp");
        // 2 heads on 64 channels and 32 cores: one round of 2 heads, 32 channels each
        q.Attrs.Ints(HpimAttrs.Rounds).ShouldBe([2]);
        q.Attrs.Ints(HpimAttrs.ChannelsPerHead).ShouldBe([32]);
        var fc1 = Op(m, Module.Decode, "l0.out_fc1");
        fc1.Attrs.Str(HpimAttrs.Tiling).ShouldBe("tp");
        fc1.Attrs.Int(HpimAttrs.FeaturesPerChannel).ShouldBe(1); // 16 features over 64 channels
        // 2 heads on 32 cores: intra-head TP with 16 cores per head and an all-gather of softmax statistics
        var attn = Op(m, Module.Decode, "l0.attn");
        attn.Attrs.Ints(HpimAttrs.CoresPerHead).ShouldBe([16]);
        attn.Attrs.Bool(HpimAttrs.AllGather).ShouldBeTrue();
    }

    [Fact]
    public void ScheduleOrdersKThenQThenVAndOverlapsTransposeWithQ()
    {
        var m = Compile(TinyDecoder.Build());
        var decode = m.FindFunction(Module.Decode)!;
        var roles = decode.Body.Where(o => o.Attrs.StrOr("role", "") is "q_proj" or "k_proj" or "v_proj").Take(3).Select(o => o.Attrs.Str("role"));
        roles.ShouldBe(["k_proj", "q_proj", "v_proj"]);
        var k = Op(m, Module.Decode, "l0.out_k");
        k.Attrs.Str(HpimAttrs.Unit).ShouldBe("hbm-pim");
        // V generation waits for Q generation (same HBM-PIM units), not for attention
        Op(m, Module.Decode, "l0.out_v").Attrs.TryGetValue(HpimAttrs.After, out var after).ShouldBeTrue();
        after!.ToString().ShouldContain("\"l0.out_q\"");
        Op(m, Module.Prefill, "l0.out_q").Attrs.Str("sched.prefetch").ShouldBe("l0.k");
    }

    [Fact]
    public void WeightsAndCachesGetDisjointRowRangesWithinTheBank()
    {
        var m = Compile(TinyDecoder.Build());
        var budget = HbmRowBudget.Of(Hpim.Hbm.Organization);
        var rowBytes = budget.RowBytesPerChannel;
        // in-channel byte ranges: whole rows, except packed 1-D weights (their share at hpim.hbm_offset)
        var ranges = m.Weights.Select(w => w.Attrs.ContainsKey(HpimAttrs.HbmOffset)
                ? (w.Attrs.Int(HpimAttrs.HbmRow) * rowBytes + w.Attrs.Int(HpimAttrs.HbmOffset), budget.FlatShare(w.Type.StaticBytes))
                : (w.Attrs.Int(HpimAttrs.HbmRow) * rowBytes, w.Attrs.Int(HpimAttrs.HbmRows) * rowBytes))
            .Concat(m.KvCaches.Select(c => (c.Attrs.Int(HpimAttrs.HbmRow) * rowBytes, c.Attrs.Int(HpimAttrs.HbmRows) * rowBytes)))
            .Append((m.Attrs.Int("hpim.prefill_scratch_row") * rowBytes, m.Attrs.Int("hpim.prefill_scratch_rows") * rowBytes)).OrderBy(r => r.Item1).ToList();
        for (var i = 1; i < ranges.Count; i++) ranges[i].Item1.ShouldBeGreaterThanOrEqualTo(ranges[i - 1].Item1 + ranges[i - 1].Item2);
        var end = ranges.Max(r => r.Item1 + r.Item2);
        m.Attrs.Int("hpim.hbm_rows_used").ShouldBe(HbmRowBudget.Ceil(end, rowBytes));
    }

    [Fact]
    public void OneDimensionalWeightsArePackedIntoSharedRows()
    {
        var m = Compile(TinyDecoder.Build());
        var vectors = m.Weights.Where(w => w.Type.Rank == 1).ToList();
        vectors.Count.ShouldBe(10); // 2 layers x ln1/ln2 scale and shift, final norm scale and shift
        vectors.ShouldAllBe(w => w.Attrs.ContainsKey(HpimAttrs.HbmOffset));
        // each takes one 32-byte column per channel (16 bytes over 64 channels): ten of them share one row
        vectors.Select(w => w.Attrs.Int(HpimAttrs.HbmRow)).Distinct().Count().ShouldBe(1);
        vectors.Select(w => w.Attrs.Int(HpimAttrs.HbmOffset)).ShouldBe(Enumerable.Range(0, 10).Select(i => 32L * i));
        m.Weights.Where(w => w.Type.Rank == 2).ShouldAllBe(w => !w.Attrs.ContainsKey(HpimAttrs.HbmOffset));
    }

    [Fact]
    public void ModelTooLargeForHbmSaysHowMuchIsNeededAndWhatToChange()
    {
        var m = TinyDecoder.Build();
        var huge = m with { Weights = m.Weights.Add(Weight.Shaped("huge", TensorType.Of(ElementType.F16, 1L << 20, 1L << 16))) }; // 128 GiB
        var e = Should.Throw<PimccError>(() => Compile(huge));
        e.Code.ShouldBe(ExitCode.CapacityExceeded);
        e.Message.ShouldContain("the target has 96.0 GiB (4 stacks)");
        e.Hint.ShouldContain("--set hbm.stacks=");
        Compile(huge, TargetLoader.LoadPreset<HpimTarget>("hpim", ["hbm.stacks=8"])).Attrs.Int("hpim.hbm_rows_used").ShouldBeGreaterThan(0);
    }
}
