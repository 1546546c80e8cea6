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

    private sealed record Run(Module Float, PimBinary Bin, PimllmTarget Target);

    private static Run Compile(string sample, string weights, int decode)
    {
        var path = RepoPaths.Combine("samples", "onnx", sample);
        var (raised, _) = OnnxFrontend.LoadWithReport(path, new OnnxWorkload(Prompt.Length, decode));
        var target = TargetLoader.LoadPreset<PimllmTarget>("pimllm", weights == "ternary" ? ["crossbar.cells=differential"] : []);
        var artifacts = new CompilationArtifacts();
        var pipeline = PimllmCompiler.PipelineText.Replace("pimllm-quantize-weights", $"pimllm-quantize-weights{{weights={weights}}}", StringComparison.Ordinal);
        new PassManager(new PassInstrumentation { ReproducerDirectory = null }, target)
            .Run(raised, Pipeline.Parse(pipeline, PassRegistry.Default), "test", artifacts);
        var bin = PimBinaryReader.Read(PimBinaryWriter.Write(artifacts.Find<PimBinary>()!), "m.bin");
        return new Run(raised, bin, target);
    }

    /// <summary>Each step's logits of the reference interpreter (through <paramref name="transform"/>): prefill on the
    /// prompt, then decode on each given token.</summary>
    private static List<float[]> Reference(Module runnable, IReferenceTransform? transform, IEnumerable<int> decodeInputs)
    {
        var interpreter = new ReferenceInterpreter(runnable, transform);
        var kv = new KvCacheState(runnable);
        var steps = new List<float[]> { interpreter.Run(Module.Prefill, [Tensor.I64([Prompt.Length], [.. Prompt.Select(t => (long)t)])], null, kv)[0].Floats! };
        var p = Prompt.Length;
        foreach (var t in decodeInputs)
            steps.Add(interpreter.Run(Module.Decode, [Tensor.I64([1], t)], new Dictionary<string, long> { ["kv"] = p++ }, kv)[0].Floats!);
        return steps;
    }

    private sealed record Compared(FunctionalGenerationResult Functional, List<float[]> Quantised, List<float[]> Fp32, double[] Tolerance);

    private static Compared Compare(Run r, string weights, int decode, PimBinary? bin = null)
    {
        var functional = PimllmValues.Run(bin ?? r.Bin, r.Target, "m.bin", Prompt, decode, null);
        var accuracy = new PimllmAccuracy();
        var manager = new PassManager(new PassInstrumentation { ReproducerDirectory = null }, r.Target);
        var runnable = manager.Run(r.Float, Pipeline.Parse(accuracy.RunnablePipeline, PassRegistry.Default), "test").Module;
        var annotatedPipeline = accuracy.AnnotatedPipeline.Replace("pimllm-quantize-weights", $"pimllm-quantize-weights{{weights={weights}}}", StringComparison.Ordinal);
        var annotated = manager.Run(runnable, Pipeline.Parse(annotatedPipeline[(accuracy.RunnablePipeline.Length + 1)..], PassRegistry.Default), "test").Module;
        var plan = accuracy.Plan(annotated, r.Target);
        var inputs = functional.Steps.Skip(1).Select(s => s.InputToken).ToList();
        var quantised = Reference(runnable, new QuantisedReference(plan, null), inputs);
        var fp32 = Reference(runnable, null, inputs);
        return new Compared(functional, quantised, fp32, [.. quantised.Select((_, i) => Tolerance(r, quantised[i]))]);
    }

    /// <summary>
    /// The largest |functional - quantised| a step's logits may differ by, derived from the LM head's formats: the
    /// binary stores activations in fp16 (the reference in float32) and rounds the attention probabilities to 8 bits
    /// (the reference keeps them float), differences far below one 8-bit step of the LM head's input (max |h| / 128);
    /// the quantisers after them turn such a difference into at most one code. The bound allows two codes on every
    /// input of every logit: 2 x max |h| / 128 x max_j sum_i |W_ji| (W the LM head as INT8 per row, h its input, from the
    /// quantised reference's run). It is not met by a difference of a whole step's worth on several inputs, which is
    /// what a corrupted cell or scale makes (the corruption tests).
    /// </summary>
    private static double Tolerance(Run r, float[] quantisedLogits)
    {
        // the LM head is the linear the program returns; its input's absmax: from the logits' own formats is not
        // possible, so take the largest |x| the LM head can see: max |W x| <= ... is not tight; use the weight norm and
        // the final hidden state's bound through its norm: |h_i| <= max |gamma| sqrt(len) + max |beta| (a LayerNorm's
        // output), the largest any input can be.
        var head = r.Float.Functions.Single(f => f.Name == Module.Decode).Body.Single(o => o.Opcode == "linear" && o.Attrs.StrOr("role", "") == "lm_head");
        var norm = r.Float.Functions.Single(f => f.Name == Module.Decode).Body.Single(o => o.Id == HeadInput(r.Float, head));
        var gamma = OneBitQuantization.ReadFloats(r.Float.FindWeight(norm.Operands[1].Name)!);
        var beta = norm.Operands.Length > 2 ? OneBitQuantization.ReadFloats(r.Float.FindWeight(norm.Operands[2].Name)!) : [0f];
        var hMax = gamma.Max(Math.Abs) * Math.Sqrt(gamma.Length) + beta.Max(Math.Abs);
        var w = r.Float.FindWeight(head.Operands[1].Name)!;
        int rows = (int)w.Type.Shape[0].Constant, columns = (int)w.Type.Shape[1].Constant;
        var (codes, scales) = Int8PerChannel.Quantize(OneBitQuantization.ReadFloats(w), rows, columns);
        var rowNorm = Enumerable.Range(0, rows).Max(j => scales[j] * Enumerable.Range(0, columns).Sum(i => Math.Abs((double)codes[j * columns + i])));
        _ = quantisedLogits;
        return 2 * hMax / 128 * rowNorm;
    }

    /// <summary>The op producing the LM head's input (through last_token).</summary>
    private static string HeadInput(Module m, Operation head)
    {
        var body = m.Functions.Single(f => f.Name == Module.Decode).Body;
        var name = head.Operands[0].Name;
        while (body.Single(o => o.Id == name) is { Opcode: "last_token" } lt) name = lt.Operands[0].Name;
        return name;
    }

    private static double MaxDiff(float[] a, float[] b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max();

    [Theory]
    [InlineData("tiny-opt-1bit.onnx", "binary")]
    [InlineData("tiny-opt.onnx", "ternary")]
    public void PrefillAndDecodeOnValuesMatchTheQuantisedReferenceWithinTheTolerance(string sample, string weights)
    {
        const int decode = 4;
        var r = Compile(sample, weights, decode);
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
}
