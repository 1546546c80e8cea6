namespace Pimcc.Sim.Functional;

/// <summary>
/// The greedy generation loop every target's values mode shares: the prefill program on the prompt (its last token's
/// logits choose generated token 0), then decode step s on generated token s at position prompt + s, each step's
/// logits choosing the next token (<see cref="GreedyChoice"/>).
/// </summary>
public static class GreedyGeneration
{
    public const string Prefill = "prefill";
    public const string Decode = "decode";

    /// <param name="prefill">Runs the prefill program on the prompt; returns the last token's logits.</param>
    /// <param name="decode">Runs the decode program on (position, token); returns its logits.</param>
    public static FunctionalGenerationResult Run(IReadOnlyList<int> prompt, int decodeSteps, Func<IReadOnlyList<int>, float[]> prefill,
        Func<int, int, float[]> decode, Action<int, int>? progress)
    {
        var first = prefill(prompt);
        var steps = new List<FunctionalStep> { new(Prefill, prompt.Count - 1, prompt[^1], first, GreedyChoice.ArgMax(first)) };
        progress?.Invoke(1, 1 + decodeSteps);
        return Continue(prompt, steps, decodeSteps, decode, progress, false);
    }

    /// <summary>The decode steps after the prompt's <paramref name="steps"/> (the prefill's, or one per prompt token
    /// when the prompt was <paramref name="replayed"/> through the decode program): the last of them chooses
    /// generated token 0.</summary>
    public static FunctionalGenerationResult Continue(IReadOnlyList<int> prompt, List<FunctionalStep> steps, int decodeSteps,
        Func<int, int, float[]> decode, Action<int, int>? progress, bool replayed)
    {
        var generated = new List<int> { steps[^1].NextToken };
        var total = steps.Count + decodeSteps;
        for (var s = 0; s < decodeSteps; s++)
        {
            var input = generated[^1];
            var logits = decode(prompt.Count + s, input);
            steps.Add(new FunctionalStep(Decode, prompt.Count + s, input, logits, GreedyChoice.ArgMax(logits)));
            generated.Add(steps[^1].NextToken);
            progress?.Invoke(steps.Count, total);
        }
        return new FunctionalGenerationResult(prompt, generated, steps, replayed);
    }
}
