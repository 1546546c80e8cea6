using Pimcc.Compiler.PassManagement;
using Pimcc.Isa.Container;
using Pimcc.Ir;
using Pimcc.Pimllm.Compiler;
using Pimcc.Pimllm.Compiler.Lowering;
using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Sim;
using Pimcc.Targets;

namespace Pimcc.Tests.Pimllm;

/// <summary>
/// The prefill's middle blocks as one <c>rep</c> body (docs/pimllm-compiler.md, "Lowering"): the tiny GPT-2 of
/// <see cref="PimllmLoweringTests"/> with 150 prompt tokens runs blocks of 32 at tokens 0, 32, 64, 96 and one of 22 at
/// 128; blocks 1-3 are the body of <c>rep count=3, dtok=32</c> (with the caches in LPDDR, 8 blocks of 16). Expanded, the streams are the written-out lowering's
/// word for word, and the timing model's figures are the same to the bit.
/// </summary>
public class PimllmRepeatTests
{
    private const int Prompt = 150;

    private static (Module Module, PimllmTarget Target) Scheduled(params string[] sets)
    {
        var m = PimllmLoweringTests.Tiny(Prompt, 256);
        var t = TargetLoader.LoadPreset<PimllmTarget>("pimllm", sets);
        var scheduled = new PassManager(new PassInstrumentation { ReproducerDirectory = null }, t)
            .Run(m, Pipeline.Parse(PimllmCompiler.ScheduledPipelineText, PassRegistry.Default), "test").Module;
        return (scheduled, t);
    }

    private static List<string> Expanded(InstructionStream s, string entry) =>
        s.EntryWord(entry) is null ? [] : [.. PimllmLoweringTests.Program(s, entry).Select(o => o.ToString())];

    [Theory]
    [InlineData("sram.capacity=8MiB", 3, 32)]
    // The caches in LPDDR, staged per head by every channel; the staging leaves room for blocks of 16: 10 blocks.
    [InlineData("sram.capacity=1300KiB", 8, 16)]
    public void TheMiddleBlocksRunWordForWordAsWrittenOutAndTimeTheSame(string set, long count, long rows)
    {
        var (m, t) = Scheduled(set);
        var looped = PimllmBackend.Lower(m, t, out _);
        var unrolled = PimllmBackend.Lower(m, t, out _, repeatBlocks: false);

        var reps = looped.Streams.SelectMany(s => s.Words).Where(o => o.Mnemonic == "rep").ToList();
        reps.Count.ShouldBeGreaterThanOrEqualTo(2);   // the controller's and the array's at least
        reps.ShouldAllBe(o => o["count"] == count && o["dtok"] == rows);
        unrolled.Streams.SelectMany(s => s.Words).ShouldNotContain(o => o.Mnemonic == "rep");
        // each rep stands for its body's count - 1 further copies
        (looped.Streams.Sum(s => (long)s.Words.Count) - reps.Count + reps.Sum(r => (r["count"] - 1) * r["body"])).ShouldBe(unrolled.Streams.Sum(s => (long)s.Words.Count));
        if (set.Contains("KiB", StringComparison.Ordinal))
            looped.DmaStreams.SelectMany(d => d.Words).Count(o => o.Mnemonic == "dma.ldc").ShouldBeGreaterThan(0);

        foreach (var entry in new[] { Module.Prefill, Module.Decode })
            for (var i = 0; i < unrolled.Streams.Count; i++)
            {
                var written = Expanded(unrolled.Streams[i], entry);
                Expanded(looped.Streams[i], entry).ShouldBe(written, $"{unrolled.Streams[i].Name} {entry}");
            }
        PimllmBackend.CheckSync(looped).ShouldBe(PimllmBackend.CheckSync(unrolled));

        var costs = new PimllmCosts(t);
        PimllmRun Prefill(PimBinary bin) => PimllmMachine.Run(PimllmProgram.Read(bin, Module.Prefill, "t.bin"), t, costs, new LpddrTransferTimes(t.Lpddr), 0, "t.bin");
        var (a, b) = (Prefill(looped), Prefill(unrolled));
        a.Makespan.ShouldBe(b.Makespan);
        a.Instructions.ShouldBe(b.Instructions);
        a.LpddrBytes.ShouldBe(b.LpddrBytes);
        a.ClassPs.ShouldBe(b.ClassPs);
        a.PartPs.ShouldBe(b.PartPs);
        a.BusyPs.ShouldBe(b.BusyPs);
        a.Events.ShouldBe(b.Events);
        a.ClassEnergyPj.ShouldBe(b.ClassEnergyPj);
        (a.CrossbarMacs, a.SystolicMacs).ShouldBe((b.CrossbarMacs, b.SystolicMacs));
    }
}
