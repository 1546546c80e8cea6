using System.Collections.Immutable;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Tests.Driver;
using Pimcc.Tests.Functional;

namespace Pimcc.Tests.Hpim.Lowering;

/// <summary>
/// An LM head with a bias (Phi's <c>lm_head</c>): hpim returns the logits from the cores in channel striping order
/// without adding it, so it refuses the model rather than return wrong logits. (Found by running tiny-opt with a
/// biased head on values: prefill's and decode's logits were both wrong.)
/// </summary>
public class BiasedHeadTests
{
    private static Module WithHeadBias(Module m)
    {
        var head = m.Functions.SelectMany(f => f.Body).First(o => o.Opcode == "linear" && o.Attrs.StrOr("role", "") == "lm_head");
        var vocab = m.FindWeight(head.Operands[1].Name)!.Type.Shape[0].Constant;
        var bias = new Weight("lm_head.bias", TensorType.Of(ElementType.F32, vocab),
            [.. Enumerable.Range(0, (int)vocab).SelectMany(i => BitConverter.GetBytes(0.01f * (i % 7)))], AttrMap.Empty);
        return (m with { Weights = m.Weights.Add(bias) }).WithFunctions(m.Functions.Select(f => f with
        {
            Body = [.. f.Body.Select(o => o.Opcode == "linear" && o.Attrs.StrOr("role", "") == "lm_head"
                ? o with { Operands = [.. o.Operands.Take(2), Operand.W("lm_head.bias")] } : o)],
        }));
    }

    [Fact]
    public void ABiasedLmHeadIsRefusedNotReturnedWrong()
    {
        var e = Should.Throw<PimccError>(() => CompiledSample.Load("tiny-opt", 4, 2, WithHeadBias));
        e.Code.ShouldBe(ExitCode.UnsupportedOperator);
        e.OneLine.ShouldContain("an LM head with a bias");
        // without the bias the same model compiles
        CompiledSample.Load("tiny-opt", 4, 2).Binary.ShouldNotBeNull();
    }

    [Fact]
    public void Phi2SaysSoWithNothingWritten()
    {
        var bin = Path.Combine(CliRunner.TempDir(), "phi.bin");
        CliRunner.Run(CliRunner.Sample("phi-2.json"), "--target", "hpim", "--prompt-tokens", "16", "--gen-tokens", "4", "-o", bin)
            .ShouldBeOneLineError(ExitCode.UnsupportedOperator, "an LM head with a bias");
        File.Exists(bin).ShouldBeFalse();
    }
}
