using System.Globalization;
using Pimcc.Accuracy;
using Pimcc.Compiler.PassManagement;
using Pimcc.Frontends.HfConfig;
using Pimcc.Hyflexpim.Compiler;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Hyflexpim.Sim.Functional;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Reference;
using Pimcc.Targets;
using Pimcc.Tests.Driver;
using Xunit.Abstractions;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>
/// The hyflexpim functional mode (issue 12, steps 2 and 3): the binary's streams run on values over its memory image
/// and are checked against the quantised reference (Pimcc.Accuracy, noise off: INT8 factor weights per output channel,
/// INT8 inputs and Q/K/V absmax per token, float32 elsewhere) fed the same tokens.
/// </summary>
public class HyflexpimValuesTests(ITestOutputHelper output)
{
    private static readonly HyflexpimTarget Target = TargetLoader.LoadPreset<HyflexpimTarget>("hyflexpim");
    private static string TinySvd => RepoPaths.Combine("samples", "onnx", "tiny-gpt2-svd.onnx");

    private static PassManager Manager => new(new PassInstrumentation { ReproducerDirectory = null }, Target, new PipelineSettings("auto"));

    private static PimBinary Binary(Module m)
    {
        var artifacts = new CompilationArtifacts();
        Manager.Run(m, Pipeline.Parse(HyflexpimCompiler.PipelineText, PassRegistry.Default), "test", artifacts);
        return PimBinaryReader.Read(PimBinaryWriter.Write(artifacts.Find<PimBinary>()!), "m.bin");
    }

    /// <summary>Each step's logits of the reference interpreter on the runnable IR (through <paramref name="transform"/>),
    /// prefill with the prompt, then decode with each given token.</summary>
    private static List<float[]> Reference(Module runnable, IReferenceTransform? transform, int[] prompt, IEnumerable<int> decodeInputs)
    {
        var interpreter = new ReferenceInterpreter(runnable, transform);
        var kv = new KvCacheState(runnable);
        var steps = new List<float[]> { interpreter.Run(Module.Prefill, [Tensor.I64([prompt.Length], [.. prompt.Select(t => (long)t)])], null, kv)[0].Floats! };
        var p = prompt.Length;
        foreach (var t in decodeInputs)
            steps.Add(interpreter.Run(Module.Decode, [Tensor.I64([1], t)], new Dictionary<string, long> { ["kv"] = p++ }, kv)[0].Floats!);
        return steps;
    }

    /// <summary>Largest |functional - quantised reference| over a step's logits allowed. Not a hand bound: the binary
    /// computes what the ISA says and the reference does not model three of its number formats (the SFU's FP16 results,
    /// the softmax's INT8 probabilities at 1/127, sfu.quant's max/127 scale against the reference's BitNet 2^(b-1));
    /// on tiny-gpt2-svd they differ by 0.033-0.049 on logits of magnitude 3.3-3.7 (0.027-0.044 with an FP32 SFU,
    /// `--set precision.sfuBits=32`), the quantised reference from FP32 by 0.028-0.037. The bound is twice the largest
    /// measured difference; the ADC adds nothing (no conversion clips, checked).</summary>
    private const double Tolerance = 0.1;

    private sealed record Compared(List<int> Tokens, List<double> VsQuantised, List<double> QuantisedVsFp32, long Clipped, List<(int F, int Q, int Fp32)> Greedy);

    /// <summary>The functional run of <paramref name="bin"/> against the quantised reference and FP32, fed the functional run's tokens.</summary>
    private static Compared Compare(Module m, PimBinary bin, int[] prompt, int decode)
    {
        var machine = new ValuesMachine(bin, Target, "m.bin");
        var run = ValuesGeneration.Run(machine, prompt, decode, null);
        var accuracy = new HyflexpimAccuracy();
        var runnable = Manager.Run(m, Pipeline.Parse(accuracy.RunnablePipeline, PassRegistry.Default), "test").Module;
        var annotated = Manager.Run(runnable, Pipeline.Parse(accuracy.AnnotatedPipeline[(accuracy.RunnablePipeline.Length + 1)..], PassRegistry.Default), "test").Module;
        var plan = accuracy.Plan(annotated, Target).WithoutNoise();
        var inputs = run.Steps.Skip(1).Select(s => s.InputToken).ToList();
        var quantised = Reference(runnable, new QuantisedReference(plan, null), prompt, inputs);
        var fp32 = Reference(runnable, null, prompt, inputs);
        static double MaxDiff(float[] a, float[] b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max();
        return new Compared([.. run.Generated], [.. run.Steps.Select((s, i) => MaxDiff(s.Logits, quantised[i]))], [.. quantised.Select((q, i) => MaxDiff(q, fp32[i]))],
            machine.ClippedConversions, [.. run.Steps.Select((s, i) => (s.NextToken, Greedy(quantised[i]), Greedy(fp32[i])))]);
    }

    private static int Greedy(float[] v) => Pimcc.Sim.Functional.GreedyChoice.ArgMax(v);

    private static (Module Module, PimBinary Bin) TinySvdBinary(int prompt, int decode)
    {
        var m = Pimcc.Driver.ModelLoader.Load(TinySvd, new HfWorkload(prompt, decode));
        return (m, Binary(m));
    }

    [Fact]
    public void TinyGpt2SvdRunsOnValuesToTheQuantisedReferencesTokensWithinTheTolerance()
    {
        int[] prompt = [10, 20, 30, 40];
        var (m, bin) = TinySvdBinary(prompt.Length, 4);
        var c = Compare(m, bin, prompt, 4);
        for (var s = 0; s < c.VsQuantised.Count; s++)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step {s}: |functional - quantised| {c.VsQuantised[s]:F4}, |quantised - FP32| {c.QuantisedVsFp32[s]:F4}, greedy {c.Greedy[s]}"));
        c.Clipped.ShouldBe(0);
        c.VsQuantised.ShouldAllBe(d => d <= Tolerance);
        c.Greedy.ShouldAllBe(g => g.F == g.Q && g.Q == g.Fp32);
        c.Tokens.Count.ShouldBe(5); // the prefill's choice and one per decode step
    }

    [Fact]
    public void ACorruptedCrossbarArrayMovesTheLogitsBeyondTheTolerance()
    {
        int[] prompt = [10, 20, 30, 40];
        var (m, bin) = TinySvdBinary(prompt.Length, 1);
        // Every cell of the LM head's first array (outputs 0-31 over inputs 0-63, MLC) at level 3: those weights read as 127.
        var head = bin.MemoryMap.First(r => r.Name.StartsWith("wte.weight.int8", StringComparison.Ordinal));
        var at = head.Placement.Space.Address(Target, head.Placement);
        var chunk = bin.Image.Single(c => c.Space == HyflexpimSpaces.Crossbar && c.Index == head.Placement.Index && c.Address <= at && c.End > at);
        chunk.Bytes.AsSpan((int)(at - chunk.Address), (int)Target.Analog.ArrayBytes).Fill(0xFF);
        var c = Compare(m, bin, prompt, 1);
        c.VsQuantised.ShouldAllBe(d => d > Tolerance);
    }

    [Fact]
    public void SimFunctionalPrintsTheGeneratedTokensAndRefusesAnotherPromptLength()
    {
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "m.bin");
        CliRunner.Run(TinySvd, "--target", "hyflexpim", "--prompt-tokens", "4", "--gen-tokens", "3", "-o", path).ExitCode.ShouldBe(0);
        var r = CliRunner.Run("sim", path, "--functional", "--tokens", "10,20,30,40");
        r.ExitCode.ShouldBe(0, r.Err);
        var (m, bin) = TinySvdBinary(4, 3);
        var expected = ValuesGeneration.Run(new ValuesMachine(bin, Target, "m.bin"), [10, 20, 30, 40], 3, null).Generated;
        r.Out.ShouldContain("generated: " + string.Join(',', expected));
        CliRunner.Run("sim", path, "--functional", "--tokens", "10,20,30").ShouldBeOneLineError(Pimcc.Diagnostics.ExitCode.InvalidSimInput, "compiled for exactly 4");
    }

    [Fact]
    public void TinyBertsEncoderRunsOnValuesToTheQuantisedReferencesHiddenStates()
    {
        var bert = RepoPaths.Combine("samples", "onnx", "tiny-bert.onnx");
        int[] tokens = [1, 2, 3, 4, 5, 6, 7, 8];
        var m = Pimcc.Driver.ModelLoader.Load(bert, new HfWorkload(tokens.Length, 0));
        var machine = new ValuesMachine(Binary(m), Target, "m.bin");
        var padded = ValuesGeneration.Run(machine, tokens, 0, null).Steps.Single().Logits;
        var accuracy = new HyflexpimAccuracy();
        var runnable = Manager.Run(m, Pipeline.Parse(accuracy.RunnablePipeline, PassRegistry.Default), "test").Module;
        var annotated = Manager.Run(runnable, Pipeline.Parse(accuracy.AnnotatedPipeline[(accuracy.RunnablePipeline.Length + 1)..], PassRegistry.Default), "test").Module;
        var plan = accuracy.Plan(annotated, Target).WithoutNoise();
        Tensor Run(IReferenceTransform? t) => new ReferenceInterpreter(runnable, t).Run(Module.Prefill, [Tensor.I64([tokens.Length], [.. tokens.Select(x => (long)x)])], null, new KvCacheState(runnable))[0];
        var quantised = Run(new QuantisedReference(plan, null));
        var fp32 = Run(null);
        var hidden = (int)quantised.Shape[^1];
        var rowElements = (int)(ValuesMachine.RowBytes(hidden, 2) / 2); // io.out sends whole 256-byte rows
        var functional = Enumerable.Range(0, tokens.Length).SelectMany(r => padded.Skip(r * rowElements).Take(hidden)).ToArray();
        double Max(float[] a, float[] b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max();
        var vsQuantised = Max(functional, quantised.Floats!);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tiny-bert: |functional - quantised| {vsQuantised:F4}, |quantised - FP32| {Max(quantised.Floats!, fp32.Floats!):F4}, max |hidden| {quantised.Floats!.Max(Math.Abs):F3}"));
        machine.ClippedConversions.ShouldBe(0);
        vsQuantised.ShouldBeLessThanOrEqualTo(Tolerance);
    }
}
