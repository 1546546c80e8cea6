using Pimcc.Ir;
using Pimcc.Reference;

namespace Pimcc.Accuracy;

/// <summary>
/// What a target kind's run on values is checked against, step by step (<c>pimcc check</c>, the values tests): the
/// reference interpreter on the runnable IR through <see cref="Transform"/> (noise off), and how far a step's logits
/// may be from that reference's (<see cref="Tolerance"/>, asked right after the step it is for).
/// </summary>
public abstract class ValuesReference
{
    /// <summary>The reference's name in a report line, e.g. "the quantised reference (noise off)".</summary>
    public abstract string Name { get; }

    /// <summary>One line: where a step's tolerance comes from.</summary>
    public abstract string ToleranceRule { get; }

    /// <summary>The transform the reference interpreter runs through.</summary>
    public abstract IReferenceTransform Transform { get; }

    /// <summary>The tolerance of the step just run, whose reference logits are <paramref name="logits"/>.</summary>
    public abstract double Tolerance(float[] logits);

    /// <summary>Each step's reference logits and tolerance: prefill on <paramref name="prompt"/>, then one decode
    /// step per token of <paramref name="decodeInputs"/> (the tokens the run on values fed itself).</summary>
    public List<(float[] Logits, double Tolerance)> Run(Module runnable, IReadOnlyList<int> prompt, IEnumerable<int> decodeInputs) =>
        [.. ReferenceSteps.Run(runnable, Transform, prompt, decodeInputs).Select(logits => (logits, Tolerance(logits)))];
}

/// <summary>The reference interpreter stepped as a binary runs: prefill on the prompt, then one decode step per given
/// token with the KV cache carried over.</summary>
public static class ReferenceSteps
{
    /// <summary>Each step's logits, lazily: a transform that notes something about a step (a probe) holds that step's
    /// note when its logits are yielded.</summary>
    public static IEnumerable<float[]> Run(Module runnable, IReferenceTransform? transform, IReadOnlyList<int> prompt, IEnumerable<int> decodeInputs)
    {
        var interpreter = new ReferenceInterpreter(runnable, transform);
        var kv = new KvCacheState(runnable);
        yield return interpreter.Run(Module.Prefill, [Tensor.I64([prompt.Count], [.. prompt.Select(t => (long)t)])], null, kv)[0].Floats!;
        var p = prompt.Count;
        foreach (var t in decodeInputs)
            yield return interpreter.Run(Module.Decode, [Tensor.I64([1], t)], new Dictionary<string, long> { ["kv"] = p++ }, kv)[0].Floats!;
    }
}
