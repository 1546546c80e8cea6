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

namespace Pimcc.Tests.Hyflexpim;

/// <summary>
/// Runs a hyflexpim binary on values and the references it is checked against, fed the same tokens (the functional
/// run's): the quantised reference (Pimcc.Accuracy, noise off: generic quantisers), the reference in the ISA's formats
/// (<see cref="IsaFormatReference"/>) and FP32 (the reference interpreter without a transform).
/// </summary>
internal static class ValuesHarness
{
    public static readonly HyflexpimTarget Target = TargetLoader.LoadPreset<HyflexpimTarget>("hyflexpim");

    public static PassManager Manager => new(new PassInstrumentation { ReproducerDirectory = null }, Target, new PipelineSettings("auto"));

    public static Module Load(string sample, int prompt, int decode) =>
        Pimcc.Driver.ModelLoader.Load(RepoPaths.Combine("samples", "onnx", sample), new HfWorkload(prompt, decode));

    /// <summary>The binary of <paramref name="m"/>, its lowering given <paramref name="lowerOptions"/> (e.g. "chunk-tokens=2").</summary>
    public static PimBinary Binary(Module m, string lowerOptions = "")
    {
        var artifacts = new CompilationArtifacts();
        var text = lowerOptions.Length == 0 ? HyflexpimCompiler.PipelineText
            : HyflexpimCompiler.PipelineText.Replace("hyflexpim-lower", $"hyflexpim-lower{{{lowerOptions}}}", StringComparison.Ordinal);
        Manager.Run(m, Pipeline.Parse(text, PassRegistry.Default), "test", artifacts);
        return PimBinaryReader.Read(PimBinaryWriter.Write(artifacts.Find<PimBinary>()!), "m.bin");
    }

    /// <summary>Each step's logits of the reference interpreter on the runnable IR (through <paramref name="transform"/>),
    /// prefill with the prompt, then decode with each given token.</summary>
    public static List<float[]> Reference(Module runnable, IReferenceTransform? transform, int[] prompt, IEnumerable<int> decodeInputs)
    {
        var interpreter = new ReferenceInterpreter(runnable, transform);
        var kv = new KvCacheState(runnable);
        var steps = new List<float[]> { interpreter.Run(Module.Prefill, [Tensor.I64([prompt.Length], [.. prompt.Select(t => (long)t)])], null, kv)[0].Floats! };
        var p = prompt.Length;
        foreach (var t in decodeInputs)
            steps.Add(interpreter.Run(Module.Decode, [Tensor.I64([1], t)], new Dictionary<string, long> { ["kv"] = p++ }, kv)[0].Floats!);
        return steps;
    }

    /// <summary>The IR the references run (after svd-rank and assign-slc-mlc) and the noise-free quantisation plan.</summary>
    public static (Module Runnable, QuantisationPlan Plan) Plan(Module m)
    {
        var accuracy = new HyflexpimAccuracy();
        var runnable = Manager.Run(m, Pipeline.Parse(accuracy.RunnablePipeline, PassRegistry.Default), "test").Module;
        var annotated = Manager.Run(runnable, Pipeline.Parse(accuracy.AnnotatedPipeline[(accuracy.RunnablePipeline.Length + 1)..], PassRegistry.Default), "test").Module;
        return (runnable, accuracy.Plan(annotated, Target).WithoutNoise());
    }

    /// <summary>One step's outputs; <see cref="Quantised"/> and <see cref="Fp32"/> are null when not asked for.</summary>
    public sealed record Step(float[] Functional, float[] Isa, float[]? Quantised, float[]? Fp32, int Next)
    {
        public double VsIsa => MaxDiff(Functional, Isa);
        public bool WithinBound => VsIsa <= Bound(Isa);
        public double VsQuantised => Quantised is null ? double.NaN : MaxDiff(Functional, Quantised);
        public double QuantisedVsFp32 => Quantised is null || Fp32 is null ? double.NaN : MaxDiff(Quantised, Fp32);
        public bool SameGreedy => Next == Greedy(Isa) && Quantised is not null && Next == Greedy(Quantised) && Fp32 is not null && Next == Greedy(Fp32);
    }

    public sealed record Compared(List<int> Tokens, List<Step> Steps, long Clipped);

    /// <summary>The functional run of <paramref name="bin"/> against the references, fed the functional run's tokens:
    /// the ISA-format one, and with <paramref name="generic"/> the quantised reference and FP32 too.</summary>
    public static Compared Compare(Module m, PimBinary bin, int[] prompt, int decode, bool generic = true)
    {
        var machine = new ValuesMachine(bin, Target, "m.bin");
        var run = ValuesGeneration.Run(machine, prompt, decode, null);
        var (runnable, plan) = Plan(m);
        var inputs = run.Steps.Skip(1).Select(s => s.InputToken).ToList();
        var isa = Reference(runnable, new IsaFormatReference(plan, HyflexpimAccuracy.Formats(Target)), prompt, inputs);
        var quantised = generic ? Reference(runnable, new QuantisedReference(plan, null), prompt, inputs) : null;
        var fp32 = generic ? Reference(runnable, null, prompt, inputs) : null;
        return new Compared([.. run.Generated], [.. run.Steps.Select((s, i) => new Step(s.Logits, isa[i], quantised?[i], fp32?[i], s.NextToken))], machine.ClippedConversions);
    }

    /// <summary>
    /// How far a functional step may differ from the ISA-format reference (docs/hyflexpim-sim.md, "Against the quantised
    /// reference"): both hold every value in the same formats, so they differ only where the arithmetic inside an op
    /// (double in the simulator's SFU, float in the reference's kernels) puts a result on the other side of a rounding
    /// step. The bound allows the last such decision, a logit's rounding to the SFU's format: one unit in the last place
    /// at the largest |logit| (FP16: 2^(e - 10) for 2^e &lt;= |logit| &lt; 2^(e+1)).
    /// </summary>
    public static double Bound(float[] logits)
    {
        var mantissaBits = Target.Precision.SfuBits == 16 ? 10 : 23;
        return Math.Pow(2, Math.Floor(Math.Log2(logits.Max(Math.Abs))) - mantissaBits);
    }

    public static double MaxDiff(float[] a, float[] b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max();

    public static int Greedy(float[] v) => Pimcc.Sim.Functional.GreedyChoice.ArgMax(v);
}
