namespace Pimcc.Sim.Functional;

/// <summary>Greedy decoding's choice of the next token, shared by every target's functional generation.</summary>
public static class GreedyChoice
{
    /// <summary>The index of the largest logit (lowest index on ties; NaN never wins).</summary>
    public static int ArgMax(IReadOnlyList<float> logits)
    {
        var best = -1;
        for (var i = 0; i < logits.Count; i++)
            if (!float.IsNaN(logits[i]) && (best < 0 || logits[i] > logits[best])) best = i;
        return Math.Max(best, 0);
    }
}
