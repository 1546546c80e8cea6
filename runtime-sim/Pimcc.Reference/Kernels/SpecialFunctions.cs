namespace Pimcc.Reference.Kernels;

/// <summary>Transcendental functions .NET's Math lacks, computed in double precision.</summary>
public static class SpecialFunctions
{
    /// <summary>
    /// The error function. For |x| &lt; 6 uses the everywhere-convergent series
    /// erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)) (Abramowitz &amp; Stegun 7.1.6), whose
    /// terms are all positive, so there is no cancellation; beyond that erf is ±1 in double precision.
    /// </summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        var ax = Math.Abs(x);
        if (ax >= 6) return Math.Sign(x);
        double term = ax, sum = ax, x2 = ax * ax;
        for (var n = 1; n < 500 && term > sum * 1e-17; n++)
        {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
        }
        var r = 2 / Math.Sqrt(Math.PI) * Math.Exp(-x2) * sum;
        return x < 0 ? -r : r;
    }

    /// <summary>GELU, exact form: x·Φ(x) = x/2·(1 + erf(x/√2)).</summary>
    public static double GeluExact(double x) => 0.5 * x * (1 + Erf(x / Math.Sqrt(2)));

    /// <summary>GELU, tanh approximation (Hendrycks &amp; Gimpel 2016): x/2·(1 + tanh(√(2/π)(x + 0.044715x³))).</summary>
    public static double GeluTanh(double x) => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));

    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
}
