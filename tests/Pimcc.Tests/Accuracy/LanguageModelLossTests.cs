using Pimcc.Accuracy;

namespace Pimcc.Tests.Accuracy;

public class LanguageModelLossTests
{
    [Fact]
    public void WindowsAreConsecutiveAndKeepATailOfTwoOrMore()
    {
        LanguageModelLoss.Windows([1, 2, 3, 4, 5], 2).ShouldBe([[1L, 2L], [3L, 4L]]); // a lone 5 predicts nothing
        var w = LanguageModelLoss.Windows([1, 2, 3, 4, 5, 6, 7], 3);
        w.ShouldBe([[1L, 2L, 3L], [4L, 5L, 6L]]);
        LanguageModelLoss.Windows([1, 2, 3, 4, 5, 6, 7, 8], 3).Last().ShouldBe([7L, 8L]);
        LanguageModelLoss.Predicted(LanguageModelLoss.Windows([1, 2, 3, 4, 5, 6, 7, 8], 3)).ShouldBe(2 + 2 + 1);
        LanguageModelLoss.Windows([9], 128).ShouldBeEmpty();
    }

    [Fact]
    public void NegativeLogLikelihoodByHand()
    {
        // softmax([0, ln 3]) = [1/4, 3/4]
        LanguageModelLoss.NegativeLogLikelihood([0f, (float)Math.Log(3)], 1).ShouldBe(-Math.Log(0.75), 1e-7);
        LanguageModelLoss.NegativeLogLikelihood([0.0, Math.Log(3)], 0).ShouldBe(-Math.Log(0.25), 1e-12);
        // Large logits do not overflow: the maximum is subtracted first.
        LanguageModelLoss.NegativeLogLikelihood([1000.0, 1000.0], 0).ShouldBe(Math.Log(2), 1e-12);
        new LossFigure(Math.Log(10)).Perplexity.ShouldBe(10, 1e-12);
    }

    [Fact]
    public void DrawSpreadByHand()
    {
        var d = new DrawSpread([1.0, 2.0, 4.0, 5.0]);
        (d.Mean, d.Min, d.Max).ShouldBe((3.0, 1.0, 5.0));
        d.StdDev.ShouldBe(Math.Sqrt((4 + 1 + 1 + 4) / 4.0), 1e-12); // population standard deviation
    }
}
