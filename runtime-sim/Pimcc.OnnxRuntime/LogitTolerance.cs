namespace Pimcc.OnnxRuntime;

/// <summary>
/// How far the simulated logits may lie from the FP32 reference's (ONNX Runtime or the reference interpreter): one
/// rule for the tests and <c>pimcc check</c>.
/// <para>|simulated - reference| &lt;= 1.25e-2 on every logit. The bundled samples' logits stay below 3 in magnitude,
/// where one FP16 step is 2^-9 = 1.95e-3, so this is about 6 FP16 steps. The hpim datapath rounds every VCU
/// instruction's result to FP16 (a LayerNorm is eight instructions, a softmax five), the GEMVs add FP16 partial sums per
/// 512-element chunk, and the FP16 weights add their own rounding against the FP32 model. Measured on the samples
/// (prompt 6, 3 decode steps): at most 1.8 FP16 steps.</para>
/// </summary>
public static class LogitTolerance
{
    public const double MaxAbs = 1.25e-2;

    /// <summary>The largest |simulated - reference| over one position's logits; a NaN or infinite difference is infinite.</summary>
    /// <param name="reference">The reference's logits <c>[1, n, vocab]</c> over the whole sequence.</param>
    public static double MaxAbsDifference(ReadOnlySpan<float> simulated, OrtTensor reference, int position)
    {
        var vocab = (int)reference.Dims[^1];
        if (simulated.Length != vocab) throw new ArgumentException($"{simulated.Length} simulated logits against a vocabulary of {vocab}", nameof(simulated));
        return MaxAbsDifference(simulated, reference.Data.AsSpan((int)((long)position * vocab), vocab));
    }

    /// <summary>The largest |simulated - reference| over two rows of logits of the same length (the reference's
    /// elements widened to double); a NaN or infinite difference is infinite.</summary>
    public static double MaxAbsDifference<T>(ReadOnlySpan<float> simulated, ReadOnlySpan<T> reference) where T : System.Numerics.INumberBase<T>
    {
        if (simulated.Length != reference.Length) throw new ArgumentException($"{simulated.Length} simulated logits against {reference.Length} reference logits", nameof(simulated));
        double worst = 0;
        for (var j = 0; j < simulated.Length; j++)
        {
            var err = Math.Abs(simulated[j] - double.CreateTruncating(reference[j]));
            worst = double.IsFinite(err) ? Math.Max(worst, err) : double.PositiveInfinity;
        }
        return worst;
    }

    public static bool Within(double maxAbsDifference) => maxAbsDifference <= MaxAbs;
}
