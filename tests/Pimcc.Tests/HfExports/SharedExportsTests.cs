using System.Globalization;
using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Reference;
using Pimcc.Sim.Functional;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.Tests.Functional;
using Pimcc.Tests.Hpim;
using Xunit.Abstractions;

namespace Pimcc.Tests.HfExports;

/// <summary>
/// Every shared HF export imports as a transformer-level decoder (no generic ops) whose structure matches its
/// config.json, the raised IR reproduces torch's logits (reference interpreter, FP32), and the compiled hpim program
/// reproduces them on values (functional simulator, FP16 datapath) for prompts of 1 to 12 tokens: the prefill program
/// on prompts of 1, 5 and 12 tokens, and the decode program fed the 12 ids one by one (its logits at position i are
/// those of the prompt ids[0..i]). A KV-cache export raises to the same decoder as its no-past twin.
/// </summary>
public class SharedExportsTests(ITestOutputHelper output)
{
    /// <summary>FP32 reference interpreter vs torch FP32: different summation orders only. Measured at most 2.7e-7 over
    /// the twelve graphs (ONNX Runtime reproduces torch to 2.7e-7 too); as RaisedVersusOrtTests, 2e-5 keeps a margin.</summary>
    private const double RaisedTolerance = 2e-5;

    /// <summary>The hpim datapath (FP16 values, FP32 accumulation) vs torch FP32; logits here stay below 2, where an FP16
    /// step is at most 2^-10. Measured at most 6.1e-4 over the eight graphs (about 1.2 FP16 steps at the logits' scale);
    /// a wrong mask, rotary position, bias or scale moves logits by 1e-2 and more.</summary>
    private const double CompiledTolerance = 2.5e-3;

    public static TheoryData<string, string> Every() => SharedExports.All(withPast: true);

    public static TheoryData<string> Families() => [.. SharedExports.Families];

    [Theory]
    [MemberData(nameof(Every))]
    public void Raises_to_a_decoder_matching_its_config(string family, string form)
    {
        var (module, report) = OnnxFrontend.LoadWithReport(SharedExports.Model(family, form), new OnnxWorkload(12, 4));
        output.WriteLine(report.Describe());
        report.Raised.ShouldBeTrue();
        report.GenericOps.ShouldBe(0);
        var attention = module.FindFunction(Module.Prefill)!.Body.Where(o => o.Opcode == "attention").ToList();
        attention.Count.ShouldBe((int)(SharedExports.Config(family, "num_hidden_layers") ?? SharedExports.Config(family, "n_layer"))!);
        var heads = SharedExports.Config(family, "num_attention_heads") ?? SharedExports.Config(family, "n_head");
        attention.ShouldAllBe(a => a.Attrs.Int("heads") == heads);
        attention.ShouldAllBe(a => a.Attrs.Int("kv_heads") == (SharedExports.Config(family, "num_key_value_heads") ?? heads));
        attention.ShouldAllBe(a => a.Attrs.Bool("causal"));
        module.Attrs.Int("vocab_size").ShouldBe((long)SharedExports.Config(family, "vocab_size")!);
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Raised_prefill_and_decode_reproduce_torch(string family, string form)
    {
        var r = SharedExports.TorchReference(family);
        var module = OnnxFrontend.Load(SharedExports.Model(family, form), new OnnxWorkload(12, 4));
        double worst = 0;
        foreach (var prompt in new[] { 1, 5, 12 })
        {
            var got = CompiledSample.ReferenceLogits(module, r.Ids, prompt);
            foreach (var (pos, logits) in got) worst = Math.Max(worst, Compare(logits, r.Logits[pos], RaisedTolerance, $"{family}/{form} prompt {prompt} position {pos}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{family}/{form}: raised IR vs torch, max abs {worst:E2}"));
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Compiled_program_reproduces_torch_on_values(string family, string form)
    {
        var r = SharedExports.TorchReference(family);
        double worst = 0;
        foreach (var prompt in new[] { 1, 5, 12 })
        {
            var bin = Compile(SharedExports.Model(family, form), prompt, 12 - prompt);
            var sim = new FunctionalSimulator(bin, $"{family}.bin", new FunctionalOptions { CheckInterleavings = false });
            var run = FunctionalGeneration.Run(sim, r.Ids[..prompt], 0);
            run.PromptReplayed.ShouldBeFalse();
            worst = Math.Max(worst, Compare(run.Steps[0].Logits, r.Logits[prompt - 1], CompiledTolerance, $"{family}/{form} prefill of {prompt}"));
            if (prompt != 12) continue;
            var replay = FunctionalGeneration.Run(new FunctionalSimulator(bin, $"{family}.bin", new FunctionalOptions { CheckInterleavings = false }), r.Ids, 0, replayPrompt: true);
            foreach (var step in replay.Steps)
                worst = Math.Max(worst, Compare(step.Logits, r.Logits[step.Position], CompiledTolerance, $"{family}/{form} decode at {step.Position}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{family}/{form}: compiled program vs torch, max abs {worst:E2}"));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void With_past_export_raises_to_the_same_decoder_as_its_no_past_twin(string family)
    {
        var workload = new OnnxWorkload(8, 8);
        var (withPast, report) = OnnxFrontend.LoadWithReport(SharedExports.Model(family, "optimum-with-past/model.onnx"), workload);
        report.Raised.ShouldBeTrue();
        var noPast = OnnxFrontend.Load(SharedExports.Model(family, "optimum-nopast/model.onnx"), workload);
        RaisedDecoders.Canonical(withPast).ShouldBe(RaisedDecoders.Canonical(noPast));
    }

    internal static PimBinary Compile(string path, int prompt, int generated)
    {
        var raised = OnnxFrontend.Load(path, new OnnxWorkload(prompt, generated));
        var scheduled = HpimPassTests.Compile(raised);
        return MemoryImageBuilder.Attach(HpimBackend.Emit(scheduled, HpimPassTests.Hpim), scheduled, HpimPassTests.Hpim);
    }

    /// <summary>The largest |got − want| over a row of logits, each within <paramref name="tolerance"/>; the row must
    /// hold logits above 0.01 (no comparing zeros).</summary>
    internal static double Compare(float[] got, float[] want, double tolerance, string what)
    {
        got.Length.ShouldBe(want.Length, what);
        want.Max(Math.Abs).ShouldBeGreaterThan(0.01f, what);
        double worst = 0;
        for (var j = 0; j < want.Length; j++)
        {
            var err = Math.Abs((double)got[j] - want[j]);
            worst = Math.Max(worst, err);
            err.ShouldBeLessThanOrEqualTo(tolerance, $"{what}, logit {j}");
        }
        return worst;
    }
}
