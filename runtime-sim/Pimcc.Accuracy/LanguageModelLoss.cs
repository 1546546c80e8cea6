namespace Pimcc.Accuracy;

/// <summary>
/// Next-token loss of a causal language model on a token sequence, evaluated in windows of the model's context: the
/// sequence is cut into consecutive windows of <c>window</c> tokens (a shorter last one when at least two tokens are
/// left), and in each window every token but the first is predicted from the ones before it in the window (as
/// tools/train/train-fortunes-gpt2.py measures held-out loss). Loss is the mean negative log-likelihood in nats per
/// token; perplexity its exponential.
/// </summary>
public static class LanguageModelLoss
{
    public static IReadOnlyList<long[]> Windows(IReadOnlyList<long> tokens, int window)
    {
        var windows = new List<long[]>();
        for (var start = 0; tokens.Count - start >= 2; start += window)
            windows.Add([.. tokens.Skip(start).Take(window)]);
        return windows;
    }

    /// <summary>Tokens predicted over all windows.</summary>
    public static long Predicted(IReadOnlyList<long[]> windows) => windows.Sum(w => (long)w.Length - 1);

    /// <summary>-log softmax(logits)[target], computed in double with the maximum subtracted.</summary>
    public static double NegativeLogLikelihood(ReadOnlySpan<float> logits, long target)
    {
        var wide = new double[logits.Length];
        for (var i = 0; i < wide.Length; i++) wide[i] = logits[i];
        return NegativeLogLikelihood(wide, target);
    }

    /// <summary>As for float logits (ONNX Runtime's outputs come as doubles).</summary>
    public static double NegativeLogLikelihood(ReadOnlySpan<double> logits, long target)
    {
        var max = double.NegativeInfinity;
        foreach (var v in logits) max = Math.Max(max, v);
        double sum = 0;
        foreach (var v in logits) sum += Math.Exp(v - max);
        return max + Math.Log(sum) - logits[(int)target];
    }
}

/// <summary>A loss (nats per token) and its perplexity.</summary>
public readonly record struct LossFigure(double Loss)
{
    public double Perplexity => Math.Exp(Loss);
}

/// <summary>The losses of several noise draws: each draw's, and their mean, minimum, maximum and (population) standard deviation.</summary>
public sealed record DrawSpread(IReadOnlyList<double> Losses)
{
    public double Mean => Losses.Average();
    public double Min => Losses.Min();
    public double Max => Losses.Max();
    public double StdDev => Math.Sqrt(Losses.Sum(l => (l - Mean) * (l - Mean)) / Losses.Count);
}
