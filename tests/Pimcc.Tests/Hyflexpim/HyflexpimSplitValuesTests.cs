using System.Globalization;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Compiler;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Hyflexpim.Sim.Functional;
using Pimcc.Isa.Container;
using Xunit.Abstractions;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>
/// A prompt split by the lowering computes on values what the whole prompt computes (issue 12): chunked prefill
/// (<c>prefill-chunk</c> runs at first positions 0, C, 2C, ..., then <c>prefill</c>, hyflexpim-lower{chunk-tokens}) and
/// attention in query blocks (<c>dg.qblock</c>/<c>sfu.qblock</c>, hyflexpim-lower{block-bytes}). Every value is computed
/// per token, per query or per KV row, so the split binary's logits equal the whole binary's exactly, and both stay
/// within the derived bound of the ISA-format reference.
/// </summary>
public class HyflexpimSplitValuesTests(ITestOutputHelper output)
{
    private static readonly int[] Prompt = [10, 20, 30, 40, 50, 60, 70];

    private static List<float[]> Logits(PimBinary bin) =>
        [.. ValuesGeneration.Run(new ValuesMachine(bin, ValuesHarness.Target, "m.bin"), Prompt, 2, null).Steps.Select(s => s.Logits)];

    private static int Words(PimBinary bin, string mnemonic) => bin.Streams.Sum(s => s.Words.Count(o => o.Mnemonic == mnemonic));

    [Theory]
    [InlineData("tiny-gpt2-svd.onnx", "chunk-tokens=2")] // 3 runs of prefill-chunk (tokens 0-5), then prefill with token 6
    [InlineData("tiny-llama.onnx", "chunk-tokens=4")]    // one chunk of 4, then 3: rotary and KV rows at the chunk's positions
    [InlineData("tiny-gpt2-svd.onnx", "block-bytes=2048")] // query blocks of 2 (4 heads x 256 + 256 bytes per query)
    public void ASplitPromptComputesWhatTheWholePromptComputes(string sample, string options)
    {
        var m = ValuesHarness.Load(sample, Prompt.Length, 2);
        var whole = ValuesHarness.Binary(m);
        var split = ValuesHarness.Binary(m, options);
        if (options.StartsWith("chunk", StringComparison.Ordinal))
        {
            var chunk = long.Parse(options["chunk-tokens=".Length..], CultureInfo.InvariantCulture);
            split.Workload!.Programs.ShouldBe([HyflexpimPrograms.PrefillChunk, "prefill", "decode"]);
            new ValuesMachine(split, ValuesHarness.Target, "m.bin").Tokens(HyflexpimPrograms.PrefillChunk).ShouldBe(chunk);
        }
        else
        {
            Words(whole, "dg.qblock").ShouldBe(0);
            Words(split, "dg.qblock").ShouldBeGreaterThan(0);
            Words(split, "sfu.qblock").ShouldBe(Words(split, "dg.qblock"));
        }
        var a = Logits(whole);
        var b = Logits(split);
        for (var s = 0; s < a.Count; s++) b[s].ShouldBe(a[s], $"step {s}");
        var c = ValuesHarness.Compare(m, split, Prompt, 2, generic: false);
        foreach (var s in c.Steps)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sample} {options}: |functional - ISA formats| {s.VsIsa:G3} (bound {ValuesHarness.Bound(s.Isa):G3})"));
        c.Clipped.ShouldBe(0);
        c.Steps.ShouldAllBe(s => s.WithinBound);
        c.Steps.ShouldAllBe(s => s.Next == ValuesHarness.Greedy(s.Isa));
    }

    [Theory]
    [InlineData("chunk-tokens=-1")]
    [InlineData("block-bytes=0")]
    public void ANegativeChunkOrAnEmptyBlockIsAUsageError(string options)
    {
        var m = ValuesHarness.Load("tiny-gpt2-svd.onnx", 4, 1);
        var text = HyflexpimCompiler.PipelineText.Replace("hyflexpim-lower", $"hyflexpim-lower{{{options}}}", StringComparison.Ordinal);
        var e = Should.Throw<PimccError>(() => ValuesHarness.Manager.Run(m, Pipeline.Parse(text, PassRegistry.Default), "test", new CompilationArtifacts()));
        e.Code.ShouldBe(ExitCode.Usage);
        e.Message.ShouldContain(options.Split('=')[0]);
    }
}
