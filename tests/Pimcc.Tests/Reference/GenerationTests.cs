using Pimcc.Ir;
using Pimcc.Reference;
using Pimcc.Tests.Ir;
using static Pimcc.Tests.Reference.ReferenceTestKit;

namespace Pimcc.Tests.Reference;

/// <summary>
/// Prefill on N tokens then decode of token N+1 must give the logits prefill on N+1 tokens gives:
/// the KV cache, positions and causal masking are then consistent. The interpreter does the same
/// float32 operations in the same order either way, so the tolerance is tight (1e-5 absolute on
/// logits of magnitude ~1; f16 results are rounded identically on both paths).
/// </summary>
public class GenerationTests
{
    private const double Tolerance = 1e-5;

    [Theory]
    [InlineData(ElementType.F32)]
    [InlineData(ElementType.F16)]
    public void Prefill_then_decode_matches_longer_prefill(ElementType dt)
    {
        long[] tokens = [3, 17, 9, 30, 1, 22, 5, 12];
        const int prompt = 3;
        var module = WithRandomWeights(TinyDecoder.Build(prompt, tokens.Length - prompt, dt), seed: 42);
        var interp = new ReferenceInterpreter(module);

        var kv = new KvCacheState(module);
        var step = interp.Run(Module.Prefill, [Tensor.I64([prompt], tokens[..prompt])], null, kv)[0];
        step.Shape.ShouldBe([1L, TinyDecoder.Vocab]);
        for (var n = prompt; n < tokens.Length; n++)
        {
            var full = interp.Run(Module.Prefill, [Tensor.I64([n + 1], tokens[..(n + 1)])], null, new KvCacheState(module))[0];
            step = interp.Run(Module.Decode, [Tensor.I64([1], tokens[n])], new Dictionary<string, long> { ["kv"] = n }, kv)[0];
            ShouldBeClose(F(step), [.. F(full).Select(x => (double)x)], Tolerance);
            // Not trivially equal: the logits depend on the tokens.
            ((long)F(step).Distinct().Count()).ShouldBeGreaterThan(TinyDecoder.Vocab / 2);
        }
    }

    [Fact]
    public void Decode_depends_on_the_cached_prompt()
    {
        var module = WithRandomWeights(TinyDecoder.Build(4, 2, ElementType.F32), seed: 1);
        var interp = new ReferenceInterpreter(module);
        float[] DecodeAfter(long[] prompt)
        {
            var kv = new KvCacheState(module);
            interp.Run(Module.Prefill, [Tensor.I64([prompt.Length], prompt)], null, kv);
            return F(interp.Run(Module.Decode, [Tensor.I64([1], 7)], new Dictionary<string, long> { ["kv"] = prompt.Length }, kv)[0]);
        }
        DecodeAfter([1, 2, 3, 4]).ShouldNotBe(DecodeAfter([4, 3, 2, 1]));
    }
}
