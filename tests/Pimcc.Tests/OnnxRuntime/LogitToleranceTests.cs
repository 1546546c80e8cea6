using Pimcc.OnnxRuntime;

namespace Pimcc.Tests.OnnxRuntime;

/// <summary>The one logit tolerance of the tests and <c>pimcc check</c>, on hand-made logits.</summary>
public class LogitToleranceTests
{
    // [1, 2, 3]: position 0 holds 1, 2, 3; position 1 holds -1, 0, 0.5
    private static readonly OrtTensor Reference = new("float32", [1, 2, 3], [1, 2, 3, -1, 0, 0.5]);

    [Fact]
    public void TheLargestDifferenceIsTakenAtTheGivenPosition()
    {
        LogitTolerance.MaxAbsDifference([1f, 2.25f, 3f], Reference, 0).ShouldBe(0.25);
        LogitTolerance.MaxAbsDifference([-1f, -0.5f, 0.5f], Reference, 1).ShouldBe(0.5);
    }

    [Fact]
    public void ANaNOrInfiniteLogitIsAnInfiniteDifference()
    {
        LogitTolerance.MaxAbsDifference([float.NaN, 2f, 3f], Reference, 0).ShouldBe(double.PositiveInfinity);
        LogitTolerance.MaxAbsDifference([1f, 2f, float.NegativeInfinity], Reference, 0).ShouldBe(double.PositiveInfinity);
        LogitTolerance.Within(double.PositiveInfinity).ShouldBeFalse();
    }

    [Fact]
    public void TheBoundIsInclusiveAndSixFp16StepsAtMagnitudeTwo()
    {
        // one FP16 step in [2, 4) is 2^-9; 6.4 steps = 1.25e-2
        (LogitTolerance.MaxAbs / Math.Pow(2, -9)).ShouldBe(6.4, 1e-12);
        LogitTolerance.Within(1.25e-2).ShouldBeTrue();
        LogitTolerance.Within(1.2500001e-2).ShouldBeFalse();
    }

    [Fact]
    public void AVocabularyMismatchIsRefused() =>
        Should.Throw<ArgumentException>(() => LogitTolerance.MaxAbsDifference([1f, 2f], Reference, 0));
}
