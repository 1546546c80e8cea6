using System.Buffers.Binary;
using System.Globalization;
using Pimcc.Accuracy;
using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Quantization;
using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Pimllm.Compiler;
using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Sim.Functional;
using Pimcc.Reference;
using Pimcc.Sim.Functional;
using Pimcc.Targets;
using Pimcc.Tests.Driver;
using Xunit.Abstractions;

namespace Pimcc.Tests.Pimllm;

/// <summary>
/// pimllm's functional mode end to end (issue 13): prefill + decode of a compiled 1-bit model on values
/// (<see cref="PimllmValues"/>) against the quantised reference (Pimcc.Accuracy: the same BitNet weights, 8-bit
/// inputs absmax per token with the ADC's read-out per crossbar tile, Q/K/V absmax per token, the LM head INT8 per
/// row; float32 elsewhere) and FP32 (the reference interpreter without the transform), fed the functional run's tokens.
/// </summary>
public class PimllmValuesTests(ITestOutputHelper output)
{
    private static readonly int[] Prompt = [5, 17, 42, 99];

    internal sealed record Run(Module Float, PimBinary Bin, PimllmTarget Target);

    private static Run Compile(string sample, string weights, int decode, params string[] sets) => Compile(sample, weights, decode, m => m, sets);

    /// <summary>The sample raised, changed by <paramref name="change"/> (the float model the references run), compiled.</summary>
    internal static Run Compile(string sample, string weights, int decode, Func<Module, Module> change, params string[] sets)
    {
        var path = RepoPaths.Combine("samples", "onnx", sample);
        var (loaded, _) = OnnxFrontend.LoadWithReport(path, new OnnxWorkload(Prompt.Length, decode));
        var raised = change(loaded);
        var target = TargetLoader.LoadPreset<PimllmTarget>("pimllm", weights == "ternary" ? ["crossbar.cells=differential", .. sets] : sets);
        var artifacts = new CompilationArtifacts();
        var pipeline = PimllmCompiler.PipelineText.Replace("pimllm-quantize-weights", $"pimllm-quantize-weights{{weights={weights}}}", StringComparison.Ordinal);
        new PassManager(new PassInstrumentation { ReproducerDirectory = null }, target)
            .Run(raised, Pipeline.Parse(pipeline, PassRegistry.Default), "test", artifacts);
        var bin = PimBinaryReader.Read(PimBinaryWriter.Write(artifacts.Find<PimBinary>()!), "m.bin");
        return new Run(raised, bin, target);
    }

    internal sealed record Compared(FunctionalGenerationResult Functional, List<float[]> Quantised, List<float[]> Fp32, double[] Tolerance);

    internal static Compared Compare(Run r, string weights, int decode, PimBinary? bin = null)
    {
        var functional = PimllmValues.Run(bin ?? r.Bin, r.Target, "m.bin", Prompt, decode, null);
        var accuracy = new PimllmAccuracy();
        var manager = new PassManager(new PassInstrumentation { ReproducerDirectory = null }, r.Target);
        var runnable = manager.Run(r.Float, Pipeline.Parse(accuracy.RunnablePipeline, PassRegistry.Default), "test").Module;
        var annotatedPipeline = accuracy.AnnotatedPipeline.Replace("pimllm-quantize-weights", $"pimllm-quantize-weights{{weights={weights}}}", StringComparison.Ordinal);
        var annotated = manager.Run(runnable, Pipeline.Parse(annotatedPipeline[(accuracy.RunnablePipeline.Length + 1)..], PassRegistry.Default), "test").Module;
        var plan = accuracy.Plan(annotated, r.Target);
        var inputs = functional.Steps.Skip(1).Select(s => s.InputToken).ToList();
        var quantised = accuracy.ValuesReference(runnable, plan, r.Target).Run(runnable, Prompt, inputs);
        var fp32 = ReferenceSteps.Run(runnable, null, Prompt, inputs).ToList();
        return new Compared(functional, [.. quantised.Select(q => q.Logits)], fp32, [.. quantised.Select(q => q.Tolerance)]);
    }

    internal static double MaxDiff(float[] a, float[] b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max();

    [Theory]
    [InlineData("tiny-opt-1bit.onnx", "binary")]
    [InlineData("tiny-opt.onnx", "ternary")]
    [InlineData("tiny-opt-1bit.onnx", "binary", "systolic.rows=1")] // prefill blocks of one row: 0, a rep of 1-2, 3
    [InlineData("tiny-opt-1bit.onnx", "binary", "systolic.rows=2")] // two blocks of two rows
    [InlineData("tiny-llama.onnx", "binary")]                        // rotary (pp.rope), RMSNorm, SiLU-gated FFN
    [InlineData("tiny-llama.onnx", "binary", "systolic.rows=2")]     // two blocks of two rows: positions 2, 3 from the block's first
    [InlineData("tiny-neox.onnx", "binary")]                         // partial rotary (pp.rot: 4 of 16 channels a head)
    [InlineData("tiny-gptj.onnx", "binary")]                         // GPT-J: interleaved partial rotary (projections deinterleaved, pp.rot 8 of 16), LM head bias
    public void PrefillAndDecodeOnValuesMatchTheQuantisedReferenceWithinTheTolerance(string sample, string weights, string? set = null)
    {
        const int decode = 4;
        var r = set is null ? Compile(sample, weights, decode) : Compile(sample, weights, decode, set);
        var c = Compare(r, weights, decode);
        for (var s = 0; s < c.Quantised.Count; s++)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sample} {weights} step {s}: |functional - quantised| {MaxDiff(c.Functional.Steps[s].Logits, c.Quantised[s]):F4} (tolerance {c.Tolerance[s]:F4}), |quantised - FP32| {MaxDiff(c.Quantised[s], c.Fp32[s]):F4}, max |logit| {c.Quantised[s].Max(Math.Abs):F3}, greedy {c.Functional.Steps[s].NextToken}/{GreedyChoice.ArgMax(c.Quantised[s])}/{GreedyChoice.ArgMax(c.Fp32[s])}"));
        c.Functional.Steps.Count.ShouldBe(1 + decode);
        for (var s = 0; s < c.Quantised.Count; s++)
        {
            c.Functional.Steps[s].Logits.Length.ShouldBe(c.Quantised[s].Length);
            MaxDiff(c.Functional.Steps[s].Logits, c.Quantised[s]).ShouldBeLessThanOrEqualTo(c.Tolerance[s], $"step {s}");
            c.Functional.Steps[s].NextToken.ShouldBe(GreedyChoice.ArgMax(c.Quantised[s]), $"step {s}");
        }
    }

    [Fact]
    public void APrefillWhoseMiddleBlocksAreARepBodyComputesWhatTheWrittenOutBlocksCompute()
    {
        // A 1-row systolic array: prefill blocks of one token, 0, then 1-2 as one rep body, then 3 with the LM head.
        const int decode = 2;
        var r = Compile("tiny-opt-1bit.onnx", "binary", decode, "systolic.rows=1");
        r.Bin.CrossbarStream!.Words.Where(o => o.Mnemonic == "rep").Select(o => (o["count"], o["dtok"])).ShouldBe([(2L, 1L)]);
        // The same binary with every program's words as they run, no rep left (PimllmRepeatTests: the compiler's
        // written-out lowering is these words).
        var written = r.Bin with
        {
            Streams = [.. r.Bin.Streams.Select(s =>
            {
                var programs = s.Entries.Select(e => (e.Name, Words: PimllmLoweringTests.Program(s, e.Name))).ToList();
                var entries = programs.Select((p, i) => new StreamEntry(p.Name, programs.Take(i).Sum(q => q.Words.Count))).ToList();
                return s.Kind.Create(s.Index, [.. programs.SelectMany(p => p.Words)]) with { Entries = entries };
            })],
            Debug = [],
        };
        written.Streams.SelectMany(s => s.Words).ShouldNotContain(o => o.Mnemonic == "rep");
        var looped = PimllmValues.Run(r.Bin, r.Target, "m.bin", Prompt, decode, null);
        var unrolled = PimllmValues.Run(written, r.Target, "m.bin", Prompt, decode, null);
        looped.Generated.ShouldBe(unrolled.Generated);
        for (var s = 0; s <= decode; s++) looped.Steps[s].Logits.ShouldBe(unrolled.Steps[s].Logits, $"step {s}");
    }

    /// <summary>The binary with the fp32 at SRAM byte <paramref name="address"/> of its image multiplied by <paramref name="factor"/>.</summary>
    private static PimBinary ScaledFp32(PimBinary bin, long address, float factor)
    {
        var image = bin.Image.Select(c => c.Space == PimllmSpaces.Sram && c.Address <= address && address < c.Address + c.Bytes.Length ? c with { Bytes = (byte[])c.Bytes.Clone() } : c).ToList();
        var chunk = image.Single(c => c.Space == PimllmSpaces.Sram && c.Address <= address && address < c.Address + c.Bytes.Length);
        var at = chunk.Bytes.AsSpan((int)(address - chunk.Address), 4);
        BinaryPrimitives.WriteSingleLittleEndian(at, BinaryPrimitives.ReadSingleLittleEndian(at) * factor);
        return bin with { Image = image };
    }

    /// <summary>The prefill's logits of <paramref name="bin"/> on values.</summary>
    private static float[] Prefill(Run r, PimBinary bin) => PimllmValues.Run(bin, r.Target, "m.bin", Prompt, 0, null).Steps[0].Logits;

    [Fact]
    public void ACorruptedLmHeadRowScaleMovesTheLogitsBeyondTheTolerance()
    {
        var r = Compile("tiny-opt-1bit.onnx", "binary", 1);
        var clean = Compare(r, "binary", 1);
        var token = clean.Functional.Steps[0].NextToken;
        // the decode LM head's sa.scale names its per-row weight scales (bmode=each); the chosen token's row x 1.5
        var sa = r.Bin.SystolicStream!;
        var range = r.Bin.Debug.Single(d => d.Stream == PimllmStreams.Systolic && d.First >= sa.EntryWord("decode")!.Value && d.IrOpName.StartsWith("lm_head", StringComparison.Ordinal));
        var scale = sa.Words.Skip(range.First).Take(range.Count).Single(o => o.Mnemonic == "sa.scale");
        var corrupted = Prefill(r, ScaledFp32(r.Bin, scale["b"] * PimllmFormats.SramUnitBytes + 4 * token, 1.5f));
        MaxDiff(corrupted, clean.Quantised[0]).ShouldBeGreaterThan(clean.Tolerance[0]);
    }

    [Fact]
    public void ARopeTableThatDoesNotRotateMovesTheLogitsBeyondTheTolerance()
    {
        var r = Compile("tiny-llama.onnx", "binary", 1);
        var clean = Compare(r, "binary", 1);
        // every position's cos/sin row replaced by position 0's (cos 1, sin 0): pp.rope leaves q and k as they are
        var rowBytes = (int)r.Float.Functions.SelectMany(f => f.Body).First(o => o.Opcode == "rotary").Attrs.Int("rotary_dim") * 2;
        var table = r.Bin.CrossbarStream!.Words.First(o => o.Mnemonic == "pp.rope")["table"] * PimllmFormats.SramUnitBytes;
        var image = r.Bin.Image.Select(c =>
        {
            if (c.Space != PimllmSpaces.Sram || c.Address != table) return c;
            var bytes = (byte[])c.Bytes.Clone();
            for (var at = rowBytes; at < bytes.Length; at += rowBytes) bytes.AsSpan(0, rowBytes).CopyTo(bytes.AsSpan(at));
            return c with { Bytes = bytes };
        }).ToList();
        MaxDiff(Prefill(r, r.Bin with { Image = image }), clean.Quantised[0]).ShouldBeGreaterThan(clean.Tolerance[0]);
        MaxDiff(clean.Functional.Steps[0].Logits, clean.Quantised[0]).ShouldBeLessThanOrEqualTo(clean.Tolerance[0]);
    }

    [Fact]
    public void OneFlippedCrossbarCellMovesTheLogitsBeyondTheTolerance()
    {
        var r = Compile("tiny-opt-1bit.onnx", "binary", 1);
        var clean = Compare(r, "binary", 1);
        // The last FFN's down projection (fc2 of layer 1): the cell of its input 0 and the output whose LM-head column
        // weighs most, flipped (+1 <-> -1). Its change reaches the logits through the final norm and the LM head only.
        var m = r.Float;
        var body = m.Functions.Single(f => f.Name == Module.Decode).Body;
        var head = m.FindWeight(body.Single(o => o.Attrs.StrOr("role", "") == "lm_head").Operands[1].Name)!;
        var headValues = OneBitQuantization.ReadFloats(head);
        int vocab = (int)head.Type.Shape[0].Constant, hidden = (int)head.Type.Shape[1].Constant;
        var output = Enumerable.Range(0, hidden).MaxBy(j => Enumerable.Range(0, vocab).Sum(v => Math.Abs((double)headValues[v * hidden + j])));
        var placed = PimllmFunctionalTests.PlacedLinear(r.Bin, "fc2", 1, r.Target);
        var flipped = Enumerable.Range(0, 256).Select(row =>
        {
            var image = r.Bin.Image.Select(c => c.Space == PimllmSpaces.Crossbar && c.Index == placed.First ? c with { Bytes = (byte[])c.Bytes.Clone() } : c).ToList();
            var (at, bit) = CrossbarCells.Cell(r.Target.Crossbars, row, output * r.Target.Crossbars.ColumnsPerWeight);
            image.Single(c => c.Space == PimllmSpaces.Crossbar && c.Index == placed.First).Bytes[at] ^= (byte)(1 << bit);
            return r.Bin with { Image = image };
        }).Take(8);
        // of eight candidate inputs (the relu zeroes some), some flip moves the logits by more than the tolerance
        flipped.Any(bin => MaxDiff(Prefill(r, bin), clean.Quantised[0]) > clean.Tolerance[0]).ShouldBeTrue();
        MaxDiff(clean.Functional.Steps[0].Logits, clean.Quantised[0]).ShouldBeLessThanOrEqualTo(clean.Tolerance[0]);
    }

    [Fact]
    public void SimFunctionalPrintsTheGreedyTokensAndRefusesWhatItCannotRun()
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "t.bin");
        CliRunner.Run(RepoPaths.Combine("samples", "onnx", "tiny-opt-1bit.onnx"), "--target", "pimllm", "--prompt-tokens", "4", "--gen-tokens", "3", "-o", path).ExitCode.ShouldBe(0);
        var run = CliRunner.Run("sim", path, "--functional", "--tokens", string.Join(',', Prompt), "--gen-tokens", "3");
        run.ExitCode.ShouldBe(0, run.Err);
        var r = Compile("tiny-opt-1bit.onnx", "binary", 3);
        run.Out.ShouldContain("generated: " + string.Join(',', PimllmValues.Run(r.Bin, r.Target, "m.bin", Prompt, 3, null).Generated));
        CliRunner.Run("sim", path, "--functional", "--tokens", "5,17,42").ShouldBeOneLineError(ExitCode.InvalidSimInput, "compiled for exactly 4");
        CliRunner.Run("sim", path, "--functional", "--tokens", "5,17,42,9999").ShouldBeOneLineError(ExitCode.InvalidSimInput, "outside the vocabulary");
        var hf = Path.Combine(dir, "g.bin");
        CliRunner.Run(CliRunner.Sample("gpt2-medium.json"), "--target", "pimllm", "--prompt-tokens", "8", "--gen-tokens", "2", "-o", hf).ExitCode.ShouldBe(0);
        CliRunner.Run("sim", hf, "--functional", "--tokens", "1,2,3,4,5,6,7,8").ShouldBeOneLineError(ExitCode.ModelWithoutWeights, "no initial memory image");
    }
}
