using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.OnnxRuntime;
using Pimcc.Sim.Functional;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.Tests.Onnx;
using Xunit.Abstractions;

namespace Pimcc.Tests.Functional;

/// <summary>
/// Functional mode is right or refuses (issue 11, "The binary binds its workload"): on a binary compiled for a prompt
/// of P tokens and G generated tokens, any prompt of 1..P tokens followed by exactly G decode steps gives ONNX
/// Runtime's logits at every position (ONNX Runtime on the full FP32 graph, <see cref="LogitTolerance"/>),
/// and one more step or one more prompt token is refused before anything runs. Regression: a 7-token prompt on a
/// binary compiled for 16 returned the logits of padded position 15 (off by 1.5 to 3.3); decode ran on past the
/// compiled positions with exit 0.
/// </summary>
public class PromptLengthVersusOrtTests(ITestOutputHelper output)
{
    private const int Generated = 3;

    /// <summary>Prompt ids: position i holds (7 i + 3) mod 251, inside every sample's vocabulary.</summary>
    private static int[] Prompt(int length) => [.. Enumerable.Range(0, length).Select(i => (7 * i + 3) % 251)];

    [Theory]
    [InlineData("tiny-opt", 16, new[] { 1, 7, 16 })]
    [InlineData("tiny-gpt2", 16, new[] { 1, 7, 16 })]
    [InlineData("tiny-llama", 16, new[] { 1, 7, 16 })]
    // 80 prompt tokens: two token blocks of 64 (the TCU's width), so prompts of one block skip the second one.
    [InlineData("tiny-opt", 80, new[] { 1, 64, 65, 80 })]
    [InlineData("tiny-llama", 80, new[] { 7, 70 })]
    [InlineData("tiny-phi3", 80, new[] { 7, 70 })]
    public void EveryPromptUpToTheCompiledLengthGeneratesUpToTheLimitLikeOnnxRuntime(string name, int compiledPrompt, int[] lengths)
    {
        var s = CompiledSample.Load(name, compiledPrompt, Generated);
        s.Binary.Workload!.PromptTokens.ShouldBe(compiledPrompt);
        s.Binary.Workload.GeneratedTokens.ShouldBe(Generated);
        var sim = new FunctionalSimulator(s.Binary, name + ".bin", new FunctionalOptions { CheckInterleavings = false });
        foreach (var length in lengths)
        {
            var r = FunctionalGeneration.Run(sim, Prompt(length), Generated);
            r.Steps.Select(x => x.Position).ShouldBe(Enumerable.Range(length - 1, Generated + 1));
            var tokens = Prompt(length).Concat(r.Generated.Take(Generated)).ToArray();
            var ort = OrtRunner.RunInputIds(RepoPaths.Combine("samples", "onnx", name + ".onnx"), [.. tokens.Select(t => (long)t)]);
            var vocab = (int)ort.Dims[2];
            double worst = 0;
            foreach (var step in r.Steps)
            {
                step.Logits.Length.ShouldBe(vocab);
                var err = LogitTolerance.MaxAbsDifference(step.Logits, ort, step.Position);
                worst = Math.Max(worst, err);
                LogitTolerance.Within(err).ShouldBeTrue($"{name}, prompt {length}: {step.Program} position {step.Position}: max abs {err:E2}");
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} compiled for {compiledPrompt}: prompt {length}, {Generated} steps, max abs {worst:E2}"));
        }
    }

    [Theory]
    [InlineData("tiny-opt")]
    [InlineData("tiny-gpt2")]
    [InlineData("tiny-llama")]
    public void OneStepPastTheLimitOrOneTokenMoreIsRefusedBeforeAnythingRuns(string name)
    {
        var s = CompiledSample.Load(name, 16, Generated);
        var sim = new FunctionalSimulator(s.Binary, name + ".bin", new FunctionalOptions { CheckInterleavings = false });
        var loaded = sim.Machine.Clone();
        var past = Should.Throw<PimccError>(() => FunctionalGeneration.Run(sim, Prompt(16), Generated + 1));
        past.Code.ShouldBe(ExitCode.WorkloadExceedsCompiled);
        past.Hint.ShouldContain("16 prompt + 3 generated tokens");
        Should.Throw<PimccError>(() => FunctionalGeneration.Run(sim, Prompt(17), 0)).Code.ShouldBe(ExitCode.WorkloadExceedsCompiled);
        // a shorter prompt does not buy more steps: the compiled generated tokens are the limit
        Should.Throw<PimccError>(() => FunctionalGeneration.Run(sim, Prompt(1), Generated + 1)).Code.ShouldBe(ExitCode.WorkloadExceedsCompiled);
        sim.Machine.FirstDifference(loaded).ShouldBeNull("nothing ran: the machine is as loaded (not even the prompt was written)");
    }
}
