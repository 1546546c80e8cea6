using System.Collections.Immutable;
using Pimcc.Diagnostics;
using Pimcc.Hpim.Compiler;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.Ir;
using Pimcc.Sim.Functional;
using Pimcc.Tests.Functional;
using Xunit.Abstractions;

namespace Pimcc.Tests.Hpim.Lowering;

/// <summary>
/// An LM head with a bias (Phi's, GPT-J's <c>lm_head</c>): hpim returns the logits from the cores in channel striping
/// order, so it stores the bias striped the same way and each core adds its channels' shares to its slice. (Before,
/// tiny-opt with a biased head returned wrong logits at exit 0 in prefill and decode, then the model was refused.)
/// Checked on values against the reference interpreter of the scheduled IR, for head widths that fill the channels
/// evenly and unevenly.
/// </summary>
public class BiasedHeadTests(ITestOutputHelper output)
{
    private static readonly int[] PromptIds = [5, 17, 42, 7];

    /// <summary>tiny-opt with its head replaced by a <paramref name="vocab"/>-row head and bias (random, fixed seed).</summary>
    private static Func<Module, Module> WithBiasedHead(int vocab) => m =>
    {
        var head = m.Functions.SelectMany(f => f.Body).First(IsHead);
        var hidden = m.FindWeight(head.Operands[1].Name)!.Type.Shape[^1].Constant;
        var rng = new Random(7);
        // rows past the embedding table's are biased down so that greedy ids stay inside it; their logits are compared all the same
        var table = m.Weights.First(w => w.Type.Rank == 2 && w.Name.Contains("embed", StringComparison.OrdinalIgnoreCase)).Type.Shape[0].Constant;
        ImmutableArray<byte> Floats(long n, double scale, Func<int, double> offset) =>
            [.. Enumerable.Range(0, (int)n).SelectMany(i => BitConverter.GetBytes((float)((rng.NextDouble() * 2 - 1) * scale + offset(i))))];
        var weights = m.Weights
            .Add(new Weight("test.head.weight", TensorType.Of(ElementType.F32, vocab, hidden), Floats(vocab * hidden, 0.2, _ => 0), AttrMap.Empty))
            .Add(new Weight("test.head.bias", TensorType.Of(ElementType.F32, vocab), Floats(vocab, 1.0, i => i < table ? 0 : -8), AttrMap.Empty));
        Operation Rewire(Operation o) => IsHead(o)
            ? o with
            {
                Operands = [o.Operands[0], Operand.W("test.head.weight"), Operand.W("test.head.bias")],
                Results = [o.Result with { Type = o.Result.Type with { Shape = o.Result.Type.Shape.SetItem(o.Result.Type.Rank - 1, vocab) } }],
            }
            : o;
        return (m with { Weights = weights }).WithFunctions(m.Functions.Select(f => f with { Body = [.. f.Body.Select(Rewire)] }));
    };

    private static bool IsHead(Operation o) => o.Opcode == "linear" && o.Attrs.StrOr("role", "") == "lm_head";

    [Theory]
    [InlineData(4096)] // 64 features on each of the 64 channels
    [InlineData(4001)] // the last 31 channels one feature short: their shares' padding must add nothing
    public void ABiasedHeadGivesTheReferenceLogitsInPrefillAndDecode(int vocab)
    {
        var s = CompiledSample.Load("tiny-opt", PromptIds.Length, 2, WithBiasedHead(vocab));
        s.Scheduled.FindWeight("test.head.bias")!.Attrs.IntOr(HpimAttrs.HbmStriped, 0).ShouldBe(1);
        var r = FunctionalGeneration.Run(new FunctionalSimulator(s.Binary, "bias.bin", new FunctionalOptions { CheckInterleavings = false }), PromptIds, 2);
        var tokens = PromptIds.Concat(r.Generated.Take(2)).ToList();
        var want = CompiledSample.ReferenceLogits(s.Scheduled, tokens, PromptIds.Length);
        var compared = 0;
        double worst = 0;
        foreach (var step in r.Steps.Where(st => want.ContainsKey(st.Position)))
        {
            step.Logits.Length.ShouldBe(vocab);
            var w = want[step.Position];
            for (var i = 0; i < vocab; i++) worst = Math.Max(worst, Math.Abs(step.Logits[i] - w[i]));
            compared++;
        }
        compared.ShouldBe(3); // prefill's last position, then two decode steps
        output.WriteLine($"tiny-opt with a {vocab}-row biased head: max abs {worst:G3}");
        worst.ShouldBeLessThanOrEqualTo(FunctionalModelTests.Tolerance);
    }

    [Fact]
    public void TheBiasIsWhatMakesTheDifference()
    {
        // the same head without its bias is far off the biased reference: the comparison above can fail
        var biased = CompiledSample.Load("tiny-opt", PromptIds.Length, 0, WithBiasedHead(4096));
        var unbiased = CompiledSample.Load("tiny-opt", PromptIds.Length, 0, m =>
        {
            var b = WithBiasedHead(4096)(m);
            return b.WithFunctions(b.Functions.Select(f => f with { Body = [.. f.Body.Select(o => IsHead(o) ? o with { Operands = [.. o.Operands.Take(2)] } : o)] }));
        });
        var got = FunctionalGeneration.Run(new FunctionalSimulator(unbiased.Binary, "nobias.bin", new FunctionalOptions { CheckInterleavings = false }), PromptIds, 0);
        var want = CompiledSample.ReferenceLogits(biased.Scheduled, PromptIds, PromptIds.Length)[PromptIds.Length - 1];
        var last = got.Steps.Single(st => st.Position == PromptIds.Length - 1).Logits;
        Enumerable.Range(0, want.Length).Max(i => Math.Abs(last[i] - want[i])).ShouldBeGreaterThan(1.0f);
    }

    [Fact]
    public void AHeadBiasAnotherOpReadsIsRefusedNotReturnedWrong()
    {
        // decode adds the bias once more after its head: a weight the head reads striped and the add reads flat
        Module Shared(Module m)
        {
            var b = WithBiasedHead(256)(m);
            var head = b.FindFunction(Module.Decode)!.Body.First(IsHead);
            var add = new Operation("add", [Operand.Val(head.Result.Name), Operand.W("test.head.bias")],
                [new Value(head.Result.Name + ".again", head.Result.Type)], AttrMap.Empty);
            return b.WithFunctions(b.Functions.Select(f => f.Name != Module.Decode ? f : f with
            {
                Body = [.. f.Body.SelectMany(o => o == head ? new[] { o, add } : [o])],
                Returns = [.. f.Returns.Select(r => r.Name == head.Result.Name ? r with { Name = add.Result.Name } : r)],
            }));
        }
        var e = Should.Throw<PimccError>(() => CompiledSample.Load("tiny-opt", 4, 2, Shared));
        e.Code.ShouldBe(ExitCode.UnsupportedOperator);
        e.OneLine.ShouldContain("its bias is read by other ops too");
    }
}
