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
        var isa = ReferenceSteps.Run(runnable, new IsaFormatReference(plan, HyflexpimAccuracy.Formats(Target)), prompt, inputs).ToList();
        var quantised = generic ? ReferenceSteps.Run(runnable, new QuantisedReference(plan, null), prompt, inputs).ToList() : null;
        var fp32 = generic ? ReferenceSteps.Run(runnable, null, prompt, inputs).ToList() : null;
        return new Compared([.. run.Generated], [.. run.Steps.Select((s, i) => new Step(s.Logits, isa[i], quantised?[i], fp32?[i], s.NextToken))], machine.ClippedConversions);
    }

    /// <summary>How far a functional step may differ from the ISA-format reference: the tolerance `pimcc check` uses
    /// (<see cref="HyflexpimValuesReference"/>, one unit in the last place of the SFU's format at the largest |logit|).</summary>
    public static double Bound(float[] logits) => HyflexpimValuesReference.LastPlace(logits, Target);

    public static double MaxDiff(float[] a, float[] b) => a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Max();

    public static int Greedy(float[] v) => Pimcc.Sim.Functional.GreedyChoice.ArgMax(v);
}
