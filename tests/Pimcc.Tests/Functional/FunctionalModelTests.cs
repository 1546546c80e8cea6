using Pimcc.Isa.Container;
using Pimcc.OnnxRuntime;
using Pimcc.Sim.Functional;
using Pimcc.Hpim.Sim.Functional;
using Xunit.Abstractions;

namespace Pimcc.Tests.Functional;

/// <summary>
/// The proof that tiling, scheduling and encoding compute the model: bundled ONNX samples compiled for hpim with
/// their memory image, run on values, against the reference interpreter.
/// <para>Tolerance: <see cref="LogitTolerance"/> (shared with <c>pimcc check</c>).</para>
/// </summary>
public class FunctionalModelTests(ITestOutputHelper output)
{
    public const double Tolerance = LogitTolerance.MaxAbs;
    private const int Prompt = 6, Steps = 3;
    private static readonly int[] PromptIds = [5, 17, 42, 7, 99, 250];

    private static readonly Lazy<CompiledSample> Opt = new(() => CompiledSample.Load("tiny-opt", Prompt, Steps));
    private static readonly Lazy<CompiledSample> Gpt2 = new(() => CompiledSample.Load("tiny-gpt2", Prompt, Steps));
    private static readonly Lazy<CompiledSample> Llama = new(() => CompiledSample.Load("tiny-llama", Prompt, Steps));

    private static CompiledSample Sample(string name) => name switch { "tiny-opt" => Opt.Value, "tiny-gpt2" => Gpt2.Value, _ => Llama.Value };

    /// <summary>The decode program from an empty KV cache: the prompt fed through decode position by position, then
    /// the generated tokens (the last prompt position compares with the reference's prefill logits).</summary>
    [Theory]
    [InlineData("tiny-opt")]
    [InlineData("tiny-gpt2")]
    [InlineData("tiny-llama")]
    public void DecodeLogitsMatchTheReferenceInterpreter(string name) => Check(name, replayPrompt: true, Steps + 1);

    /// <summary>Prefill's KV cache (written by the TCU prefill program) feeds the decode steps.</summary>
    [Theory]
    [InlineData("tiny-opt")]
    [InlineData("tiny-gpt2")]
    [InlineData("tiny-llama")]
    public void DecodeAfterPrefillMatchesTheReferenceInterpreter(string name) => Check(name, replayPrompt: false, Steps, skipPrefillLogits: true);

    /// <summary>
    /// The prefill program's logits (the TCU path: last_token, final norm and LM head on one token of a multi-token
    /// prompt). This check found a lowering bug: the one-token norm took its feature count as elements / prompt length.
    /// </summary>
    [Theory]
    [InlineData("tiny-opt")]
    [InlineData("tiny-gpt2")]
    [InlineData("tiny-llama")]
    public void PrefillLogitsMatchTheReferenceInterpreter(string name) => Check(name, replayPrompt: false, Steps + 1);

    [Fact]
    public void PrefillLogitsOfAOneTokenPromptMatchTheReference()
    {
        var s = CompiledSample.Load("tiny-opt", 1, 1);
        var r = FunctionalGeneration.Run(new FunctionalSimulator(s.Binary, "p1.bin"), [42], 0);
        r.Steps.Single().Program.ShouldBe(FunctionalGeneration.PrefillProgram);
        var (abs, _) = Errors(r.Steps[0].Logits, CompiledSample.ReferenceLogits(s.Scheduled, [42], 1)[0]);
        output.WriteLine($"tiny-opt one-token prefill: max abs {abs:G3}");
        abs.ShouldBeLessThanOrEqualTo(Tolerance);
    }

    private void Check(string name, bool replayPrompt, int positions, bool skipPrefillLogits = false)
    {
        var s = Sample(name);
        // The race check doubles the run time: every decode program gets it, the prefill program on tiny-opt.
        var options = new FunctionalOptions { CheckInterleavings = replayPrompt || name == "tiny-opt" };
        var r = FunctionalGeneration.Run(new FunctionalSimulator(s.Binary, name + ".bin", options), PromptIds, Steps, replayPrompt);
        r.Generated.Count.ShouldBe(Steps + 1);
        r.PromptReplayed.ShouldBe(replayPrompt);
        var tokens = PromptIds.Concat(r.Generated.Take(Steps)).ToList();
        foreach (var (label, module) in new[] { ("FP16 IR (after hpim-convert-precision)", s.Scheduled), ("FP32 ONNX model", s.Raised) })
        {
            var want = CompiledSample.ReferenceLogits(module, tokens, Prompt);
            var compared = 0;
            double maxAbs = 0, maxRel = 0;
            foreach (var step in r.Steps)
            {
                if (!want.TryGetValue(step.Position, out var w) || (skipPrefillLogits && step.Program == FunctionalGeneration.PrefillProgram)) continue;
                compared++;
                var (abs, rel) = Errors(step.Logits, w);
                (maxAbs, maxRel) = (Math.Max(maxAbs, abs), Math.Max(maxRel, rel));
                abs.ShouldBeLessThanOrEqualTo(Tolerance, $"{name} position {step.Position} vs {label}");
                if (Gap(w) > 2 * Tolerance) step.NextToken.ShouldBe(ReturnedLogits.ArgMax(w), $"{name} position {step.Position}: greedy token vs {label}");
            }
            compared.ShouldBe(positions);
            output.WriteLine($"{name} ({(replayPrompt ? "prompt replayed through decode" : "prefill then decode")}) vs {label}: max abs {maxAbs:G3}, max rel {maxRel:G3} (of the largest |logit|) over {compared} positions");
        }
    }

    [Fact]
    public void ACorruptedWeightByteInTheImageBreaksTheComparison()
    {
        var s = Opt.Value;
        var head = s.Binary.MemoryMap.Single(m => m.Name == "lm_head.weight");
        var org = Sim.SimPrograms.Target().Hbm.Organization;
        // High byte of lm_head row 0, element 0 (channel 0, bank 0 of the weight's first row): 0x5C00 = 256 in FP16.
        var at = ((HbmPlacement)head.Placement).Row * org.BanksPerChannel * org.PageBytes + 1;
        var image = s.Binary.Image.Select(c => c.Space == HpimSpaces.Hbm && c.Index == 0 && c.Address <= at && at < c.End
            ? c with { Bytes = Patched(c.Bytes, (int)(at - c.Address), 0x5C) } : c).ToList();
        image.SequenceEqual(s.Binary.Image).ShouldBeFalse();
        var bad = s.Binary with { Image = image };
        var r = FunctionalGeneration.Run(new FunctionalSimulator(bad, "bad.bin", new FunctionalOptions { CheckInterleavings = false }), PromptIds, 0, replayPrompt: true);
        var want = CompiledSample.ReferenceLogits(s.Scheduled, PromptIds, Prompt)[Prompt - 1];
        var (abs, _) = Errors(r.Steps[^1].Logits, want);
        output.WriteLine($"corrupted lm_head byte: max abs {abs:G3}");
        abs.ShouldBeGreaterThan(Tolerance);
    }

    private static byte[] Patched(byte[] b, int at, byte v)
    {
        var c = (byte[])b.Clone();
        c[at] = v;
        return c;
    }

    private static (double Abs, double Rel) Errors(float[] got, float[] want)
    {
        got.Length.ShouldBe(want.Length);
        double abs = 0;
        for (var i = 0; i < got.Length; i++) abs = Math.Max(abs, Math.Abs(got[i] - (double)want[i]));
        // Relative to the largest reference logit: element-wise ratios blow up at logits near zero.
        return (abs, abs / want.Max(v => Math.Abs((double)v)));
    }

    /// <summary>Distance between the best and second-best reference logit (a greedy choice inside the tolerance may flip).</summary>
    private static double Gap(float[] w)
    {
        var sorted = w.OrderDescending().ToArray();
        return sorted[0] - sorted[1];
    }
}
