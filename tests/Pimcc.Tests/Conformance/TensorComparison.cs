using System.Globalization;
using Pimcc.Reference;

namespace Pimcc.Tests.Conformance;

/// <summary>Compares a computed tensor with an expected one: same element type and shape; floats
/// within atol + rtol·|expected| (NaN matches NaN, infinities must match exactly); others exactly.</summary>
internal static class TensorComparison
{
    /// <summary>Null when they match, else a one-line description of the first difference.</summary>
    public static string? Difference(Tensor actual, Tensor expected, double rtol, double atol)
    {
        if (actual.Element != expected.Element) return $"element type {actual.Element} != expected {expected.Element}";
        if (!actual.Shape.SequenceEqual(expected.Shape)) return $"shape {actual.ShapeText} != expected {expected.ShapeText}";
        for (long i = 0; i < expected.Length; i++)
        {
            double a = actual.GetDouble(i), e = expected.GetDouble(i);
            var ok = expected.Floats is null ? a == e
                : double.IsNaN(e) ? double.IsNaN(a)
                : double.IsInfinity(e) ? a == e
                : Math.Abs(a - e) <= atol + rtol * Math.Abs(e);
            if (!ok)
                return string.Create(CultureInfo.InvariantCulture, $"element {i}: {a:R} != expected {e:R}");
        }
        return null;
    }
}
