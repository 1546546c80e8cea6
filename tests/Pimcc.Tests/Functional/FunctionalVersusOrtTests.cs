using System.Globalization;
using Pimcc.OnnxRuntime;
using Pimcc.Sim.Functional;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.Tests.Onnx;
using Xunit.Abstractions;

namespace Pimcc.Tests.Functional;

/// <summary>
/// The compiled program on values against ONNX Runtime itself (in process, <see cref="OrtRunner"/>) on the exported
/// FP32 graph: the prefill program's logits (last prompt position) and each decode step's, for the same token sequence.
/// Same tolerance as against the reference interpreter and in <c>pimcc check</c> (<see cref="LogitTolerance"/>): the hardware
/// path computes in FP16 with FP32 accumulation, ONNX Runtime in FP32.
/// </summary>
public class FunctionalVersusOrtTests(ITestOutputHelper output)
{
    private static readonly int[] PromptIds = [5, 17, 42, 7, 99, 250];
    private const int Steps = 3;

    [Theory]
    [InlineData("tiny-opt")]
    [InlineData("tiny-gpt2")]
    [InlineData("tiny-llama")]
    [InlineData("tiny-phi3")] // head_dim 96: one query head straddles two 512-feature prefill panels
    [InlineData("tiny-neox")] // partial rotary (4 of 16 channels), parallel residual
    [InlineData("tiny-falcon")] // one KV head, parallel attention and MLP off one norm
    [InlineData("tiny-stablelm")] // partial rotary, LayerNorm with bias, Q/K/V biases
    [InlineData("tiny-olmo")] // non-parametric LayerNorm
    [InlineData("tiny-gemma")] // one KV head, head_dim 32 over hidden 64, scaled embedding
    [InlineData("tiny-mistral")]
    [InlineData("tiny-llama-tied")]
    [InlineData("tiny-llama-linear")] // rope_scaling linear: hpim's cos/sin tables from the fitted factor
    [InlineData("tiny-gptj")] // interleaved partial rotary (rotate_every_two) on [1, seq, n, d] heads, LM head bias
    public void PrefillAndDecodeLogitsMatchOnnxRuntime(string name)
    {
        var s = CompiledSample.Load(name, PromptIds.Length, Steps);
        var r = FunctionalGeneration.Run(new FunctionalSimulator(s.Binary, name + ".bin", new FunctionalOptions { CheckInterleavings = false }), PromptIds, Steps);
        r.PromptReplayed.ShouldBeFalse();
        var tokens = PromptIds.Concat(r.Generated.Take(Steps)).ToArray();
        var ort = OrtRunner.RunInputIds(RepoPaths.Combine("samples", "onnx", name + ".onnx"), [.. tokens.Select(t => (long)t)]);
        var vocab = (int)ort.Dims[2];
        ort.Dims.ShouldBe([1L, tokens.Length, vocab]);
        r.Steps.Count.ShouldBe(Steps + 1);
        double worst = 0;
        foreach (var step in r.Steps)
        {
            step.Logits.Length.ShouldBe(vocab);
            var err = LogitTolerance.MaxAbsDifference(step.Logits, ort, step.Position);
            worst = Math.Max(worst, err);
            LogitTolerance.Within(err).ShouldBeTrue($"{name} {step.Program} position {step.Position}: max abs {err:E2}");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: simulated program vs ONNX Runtime, max abs {worst:E2} over {r.Steps.Count} positions"));
    }
}
