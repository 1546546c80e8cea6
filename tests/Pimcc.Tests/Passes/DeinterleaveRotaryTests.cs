using Pimcc.Compiler.Passes;
using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.Ir;
using Pimcc.Sim.Functional;
using Pimcc.Tests.Functional;

namespace Pimcc.Tests.Passes;

/// <summary>
/// deinterleave-rotary: export forms whose rotary ops are made interleaved (GPT-J's rotate_every_two, whose pairs the
/// reference kernel turns as IrKernelTests checks by hand) compute the same logits after the pass, which permutes the
/// q and k projections' rows and leaves rotate-half rotary; hpim then runs them on values. Where the permutation
/// would not be exact, nothing changes and hpim refuses the interleaved rotary.
/// </summary>
public class DeinterleaveRotaryTests
{
    private const string Front = "infer-shapes,canonicalize";
    private const string Deinterleaving = "infer-shapes,canonicalize,deinterleave-rotary";
    private static readonly int[] Ids = [3, 17, 42, 7, 99, 5, 64, 21];

    private static Module Raised(string family) =>
        OnnxFrontend.Load(RepoPaths.Combine("samples", "onnx", "forms", family, "optimum-nopast.onnx"), new OnnxWorkload(6, 2));

    private static IEnumerable<Operation> Ops(Module m, string opcode) => m.Functions.SelectMany(f => f.Body).Where(o => o.Opcode == opcode);

    private static Module Interleaved(Module m) => m.WithFunctions(m.Functions.Select(f => f with
    {
        Body = [.. f.Body.Select(o => o.Opcode == "rotary" ? o.WithAttr("interleaved", new BoolAttr(true)) : o)],
    }));

    [Theory]
    [InlineData("llama")]    // every channel of a head rotated, GQA
    [InlineData("stablelm")] // partial rotary: a quarter of each head, the rest passed through
    public void TheRewrittenModuleComputesTheInterleavedLogits(string family)
    {
        var raised = Interleaved(Raised(family));
        var (plain, _) = PassTestKit.Run(raised, Front);
        var (rewritten, records) = PassTestKit.Run(raised, Deinterleaving);
        PassTestKit.Stat(records, "deinterleave-rotary", DeinterleaveRotary.Rewritten.Name).ShouldBe(Ops(plain, "rotary").Count());
        Ops(rewritten, "rotary").ShouldAllBe(o => !o.Attrs.BoolOr("interleaved", false));
        var want = CompiledSample.ReferenceLogits(plain, Ids, 6);
        var got = CompiledSample.ReferenceLogits(rewritten, Ids, 6);
        // the rotated channels differ: without the permutation the rotate-half logits are not the interleaved ones
        var (halfOnly, _) = PassTestKit.Run(raised.WithFunctions(raised.Functions.Select(f => f with
        {
            Body = [.. f.Body.Select(o => o.Opcode == "rotary" ? o.WithAttr("interleaved", new BoolAttr(false)) : o)],
        })), Front);
        var unpermuted = CompiledSample.ReferenceLogits(halfOnly, Ids, 6);
        var differs = false;
        foreach (var (pos, row) in want)
            for (var j = 0; j < row.Length; j++)
            {
                got[pos][j].ShouldBe(row[j], 1e-5, $"position {pos} logit {j}");
                differs |= Math.Abs(unpermuted[pos][j] - row[j]) > 1e-3;
            }
        differs.ShouldBeTrue();
    }

    [Fact]
    public void HpimRunsAnInterleavedModelOnValues()
    {
        var s = CompiledSample.Load("tiny-stablelm", 6, 2, Interleaved);
        var (plain, _) = PassTestKit.Run(s.Raised, Front);
        var r = FunctionalGeneration.Run(new FunctionalSimulator(s.Binary, "gptj.bin", new FunctionalOptions { CheckInterleavings = false }), Ids.Take(6).ToArray(), 2);
        var want = CompiledSample.ReferenceLogits(plain, [.. Ids.Take(6), .. r.Generated.Take(2)], 6);
        var compared = 0;
        foreach (var step in r.Steps.Where(st => want.ContainsKey(st.Position)))
        {
            for (var j = 0; j < step.Logits.Length; j++) ((double)Math.Abs(step.Logits[j] - want[step.Position][j])).ShouldBeLessThanOrEqualTo(FunctionalModelTests.Tolerance);
            compared++;
        }
        compared.ShouldBe(3);
    }

    [Fact]
    public void ARotatedKeyReadByAnotherOpStaysInterleavedAndHpimRefusesIt()
    {
        // decode also returns a rotated key: its channel order is visible, so no permutation is exact
        var m = Interleaved(Raised("llama"));
        var rotated = Ops(m, "rotary").First(o => m.FindFunction(Module.Decode)!.Body.Contains(o));
        var returned = m.WithFunctions(m.Functions.Select(f => f.Name == Module.Decode ? f with { Returns = f.Returns.Add(rotated.Result.Use) } : f));
        var (kept, records) = PassTestKit.Run(returned, Deinterleaving);
        PassTestKit.Stat(records, "deinterleave-rotary", DeinterleaveRotary.Rewritten.Name).ShouldBe(0);
        Ops(kept, "rotary").ShouldAllBe(o => o.Attrs.BoolOr("interleaved", false));
        kept.Weights.Select(w => w.Data.Length).ShouldBe(returned.Weights.Select(w => w.Data.Length));

        var e = Should.Throw<PimccError>(() => CompiledSample.Load("tiny-llama", 6, 2, x =>
        {
            var i = Interleaved(x);
            var rot = Ops(i, "rotary").First(o => i.FindFunction(Module.Decode)!.Body.Contains(o));
            return i.WithFunctions(i.Functions.Select(f => f.Name == Module.Decode ? f with { Returns = f.Returns.Add(rot.Result.Use) } : f));
        }));
        e.Code.ShouldBe(ExitCode.UnsupportedOperator);
        e.OneLine.ShouldContain("interleaved");
    }
}
