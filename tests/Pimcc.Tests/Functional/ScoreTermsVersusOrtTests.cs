using System.Globalization;
using Pimcc.Ir;
using Pimcc.OnnxRuntime;
using Pimcc.Sim.Functional;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.Tests.Onnx;
using Xunit.Abstractions;

namespace Pimcc.Tests.Functional;

/// <summary>
/// hpim's ALiBi biases and soft-capping (issue 14; docs/hpim-lowering.md, "Score terms") on values against ONNX
/// Runtime on the exported FP32 graphs: tiny-bloom (ALiBi, 6 heads with slopes 2^-2 .. 2^-8, 2^-1, 2^-3) and
/// tiny-gemma2 (attention scores capped at 0.5, logits at 2.0). A binary compiled for 12 prompt tokens runs every
/// prompt of 1..12 tokens and 3 decode steps after it, within <see cref="LogitTolerance"/> at every position. The
/// same check fails once a term is taken out of the compiled module (slopes zeroed, a cap made ineffective), so
/// it sees the terms.
/// </summary>
public class ScoreTermsVersusOrtTests(ITestOutputHelper output)
{
    private const int Compiled = 12, Generated = 3;

    /// <summary>Prompt ids: position i holds (7 i + 3) mod 251, inside both samples' vocabulary.</summary>
    private static int[] Prompt(int length) => [.. Enumerable.Range(0, length).Select(i => (7 * i + 3) % 251)];

    [Theory]
    [InlineData("tiny-bloom")]
    [InlineData("tiny-gemma2")]
    public void EveryPromptOfOneToTwelveTokensAndItsDecodeStepsMatchOnnxRuntime(string name)
    {
        var sim = Simulator(CompiledSample.Load(name, Compiled, Generated));
        for (var length = 1; length <= Compiled; length++)
        {
            var worst = WorstDifference(name, sim, length);
            LogitTolerance.Within(worst).ShouldBeTrue($"{name}, prompt {length}: max abs {worst:E2} against ONNX Runtime");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: prompt {length} + {Generated} steps, max abs {worst:E2}"));
        }
    }

    /// <summary>Each term matters at this tolerance: without it the compiled program leaves ONNX Runtime's logits.</summary>
    [Theory]
    [InlineData("tiny-bloom", "alibi slopes zeroed")]
    [InlineData("tiny-gemma2", "attention softcap removed")]
    [InlineData("tiny-gemma2", "final soft_cap at 10^4 (no capping)")]
    public void WithoutTheTermTheLogitsLeaveTheTolerance(string name, string change)
    {
        Func<Operation, Operation> edit = change switch
        {
            "alibi slopes zeroed" => o => o.Opcode == "attention"
                ? o with { Attrs = o.Attrs.Set("alibi_slopes", AttrValue.Of(o.Attrs.Floats("alibi_slopes").Select(_ => 0.0).ToList())) } : o,
            "attention softcap removed" => o => o.Opcode == "attention" ? o with { Attrs = o.Attrs.Remove("softcap") } : o,
            _ => o => o.Opcode == "soft_cap" ? o with { Attrs = o.Attrs.Set("cap", 1e4) } : o,
        };
        var sim = Simulator(CompiledSample.Load(name, Compiled, Generated, m => m.WithFunctions(m.Functions.Select(f => f.WithBody(f.Body.Select(edit))))));
        var worst = new[] { 1, 6, Compiled }.Max(length => WorstDifference(name, sim, length));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}, {change}: max abs {worst:E2} against ONNX Runtime"));
        LogitTolerance.Within(worst).ShouldBeFalse($"{name} with {change} still matches ONNX Runtime (max abs {worst:E2})");
    }

    /// <summary>
    /// Decode ALiBi over several KV blocks per core (block j + b k of local block b, docs/hpim-lowering.md "Score
    /// terms"): on 4 cores tiny-bloom's first phase runs 4 heads on one core each, so at kv up to 139 a core adds
    /// the biases of 5 blocks of 32 positions; the second phase splits each head over 2 cores. A 100-token prompt
    /// spans two prefill token blocks. <c>pimcc check</c> compares every step with ONNX Runtime.
    /// </summary>
    [Fact]
    public void OnFourCoresEachCoreAddsTheBiasesOfSeveralKvBlocks()
    {
        var tokens = string.Join(",", Prompt(100));
        var r = Pimcc.Tests.Driver.CliRunner.Run("check", RepoPaths.Combine("samples", "onnx", "tiny-bloom.onnx"),
            "--set", "sram.cores=4", "--set", "noc.meshColumns=2", "--tokens", tokens, "--gen-tokens", "40");
        output.WriteLine(r.Out);
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("verdict: pass (41 steps");
    }

    private static FunctionalSimulator Simulator(CompiledSample s) =>
        new(s.Binary, s.Name + ".bin", new FunctionalOptions { CheckInterleavings = false });

    /// <summary>Largest |logit difference| to ONNX Runtime over the prefill of a prompt of <paramref name="length"/> tokens and the decode steps after it.</summary>
    private static double WorstDifference(string name, FunctionalSimulator sim, int length)
    {
        var r = FunctionalGeneration.Run(sim, Prompt(length), Generated);
        r.Steps.Select(x => x.Position).ShouldBe(Enumerable.Range(length - 1, Generated + 1));
        var tokens = Prompt(length).Concat(r.Generated.Take(Generated)).ToArray();
        var ort = OrtRunner.RunInputIds(RepoPaths.Combine("samples", "onnx", name + ".onnx"), [.. tokens.Select(t => (long)t)]);
        var vocab = (int)ort.Dims[2];
        r.Steps.ShouldAllBe(step => step.Logits.Length == vocab);
        return r.Steps.Max(step => LogitTolerance.MaxAbsDifference(step.Logits, ort, step.Position));
    }
}
