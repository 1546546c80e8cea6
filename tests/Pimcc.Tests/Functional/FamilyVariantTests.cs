using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Ir;
using Pimcc.Sim.Functional;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.Tests.Hpim;
using Xunit.Abstractions;

namespace Pimcc.Tests.Functional;

/// <summary>
/// The IR variants the HF families need, compiled for hpim and run on values against the reference interpreter:
/// tiny-opt's LayerNorms rewritten to the bias-free form (<c>layer_norm(x, gamma)</c>, <c>bias=False</c>) and the
/// non-parametric one (<c>layer_norm(x)</c>, OLMo); tiny-llama's rotary ops made partial (GPT-NeoX, StableLM,
/// Phi-3). Each variant must move the logits beyond the tolerance (so the check can fail) and match the reference
/// within it. Same tolerance and reasoning as <see cref="FunctionalModelTests"/>.
/// </summary>
public class FamilyVariantTests(ITestOutputHelper output)
{
    private static readonly int[] PromptIds = [5, 17, 42, 7, 99, 250];
    private const int Steps = 2;

    [Theory]
    [InlineData(1)] // non-parametric
    [InlineData(2)] // scale, no shift
    public void LayerNormWithFewerParametersMatchesTheReference(int operands) =>
        Check("tiny-opt", $"layer_norm with {operands} operand(s)", op => op.Opcode == "layer_norm" ? op with { Operands = op.Operands[..operands] } : op);

    [Fact]
    public void PartialRotaryMatchesTheReference() =>
        Check("tiny-llama", "rotary over half of each head", op => op.Opcode == "rotary"
            ? op with { Attrs = op.Attrs.Set("rotary_dim", op.Attrs.Int("head_dim") / 2) }
            : op);

    private void Check(string sample, string label, Func<Operation, Operation> rewrite)
    {
        var raised = CompiledSample.Load(sample, PromptIds.Length, Steps).Raised;
        var rewritten = 0;
        var module = raised.WithFunctions(raised.Functions.Select(f => f.WithBody(f.Body.Select(op =>
        {
            var r = rewrite(op);
            if (!ReferenceEquals(r, op)) rewritten++;
            return r;
        }))));
        rewritten.ShouldBeGreaterThan(0);
        Verifier.Verify(module).ShouldBeEmpty();

        var scheduled = HpimPassTests.Compile(module);
        var bin = MemoryImageBuilder.Attach(HpimBackend.Emit(scheduled, HpimPassTests.Hpim), scheduled, HpimPassTests.Hpim);
        var r = FunctionalGeneration.Run(new FunctionalSimulator(bin, "variant.bin", new FunctionalOptions { CheckInterleavings = false }), PromptIds, Steps);
        var tokens = PromptIds.Concat(r.Generated.Take(Steps)).ToList();
        var want = CompiledSample.ReferenceLogits(scheduled, tokens, PromptIds.Length);
        // the variant really changes the model: its logits differ from the sample's own beyond the tolerance
        var original = CompiledSample.ReferenceLogits(raised, tokens, PromptIds.Length);
        var changed = want.Keys.Max(p => want[p].Zip(original[p], (a, b) => Math.Abs(a - (double)b)).Max());
        changed.ShouldBeGreaterThan(FunctionalModelTests.Tolerance);

        double maxAbs = 0;
        var compared = 0;
        foreach (var step in r.Steps)
        {
            if (!want.TryGetValue(step.Position, out var w)) continue;
            compared++;
            var abs = step.Logits.Zip(w, (a, b) => Math.Abs(a - (double)b)).Max();
            maxAbs = Math.Max(maxAbs, abs);
            abs.ShouldBeLessThanOrEqualTo(FunctionalModelTests.Tolerance, $"{label}: position {step.Position}");
        }
        compared.ShouldBe(Steps + 1);
        output.WriteLine($"{sample}, {label}: max abs {maxAbs:G3} over {compared} positions (variant vs original model: {changed:G3})");
    }
}
