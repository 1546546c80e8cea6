using MathNet.Numerics;

namespace Pimcc.Accuracy;

/// <summary>
/// The σ of the multiplicative weight noise η (W̃ = W·(1 + η)) per cell mode, derived from one measured bit error
/// rate of multi-level cells (docs/accuracy.md, "Noise model", gives the derivation):
/// <list type="number">
/// <item>a b-bit cell has L = 2^b conductance levels evenly spaced over the device window, Δ = 1/(L-1) of it; read
/// noise is Gaussian with σ_G (a fraction of the window), the same device in every mode;</item>
/// <item>a level is misread when the noise passes half a spacing: inner levels on both sides, the two outer on one,
/// so the level error rate is P_L = 2(L-1)/L · Q(Δ/(2σ_G)), Q the normal tail; a misread goes to the adjacent level,
/// which with Gray coding flips one of the cell's b bits: BER = P_L / b;</item>
/// <item>σ_G follows from the MLC bit error rate by inverting 2.; each mode's P_L from σ_G and its own spacing;</item>
/// <item>a w-bit weight is sliced into w/b cells, cell k weighing 2^(k·b); a misread moves the weight by one such
/// step, so its rms error relative to full scale (2^w - 1) is σ_η = sqrt(P_L · Σ_k 4^(k·b)) / (2^w - 1).</item>
/// </list>
/// </summary>
public static class CellNoise
{
    /// <summary>Q(t) = P(N(0,1) &gt; t).</summary>
    public static double Tail(double t) => 0.5 * SpecialFunctions.Erfc(t / Math.Sqrt(2));

    /// <summary>t with Q(t) = p.</summary>
    public static double InverseTail(double p) => Math.Sqrt(2) * SpecialFunctions.ErfcInv(2 * p);

    /// <summary>σ_G (fraction of the conductance window) of a device whose b-bit cells show <paramref name="bitErrorRate"/>.</summary>
    public static double DeviceSigma(double bitErrorRate, int bitsPerCell)
    {
        var levels = 1 << bitsPerCell;
        var levelErrorRate = bitErrorRate * bitsPerCell;
        var t = InverseTail(levelErrorRate * levels / (2.0 * (levels - 1)));
        return 1.0 / (2 * t * (levels - 1));
    }

    /// <summary>The bit error rate of b-bit cells as σ_G grows without bound (Q -> 1/2): (L-1)/(L·b).</summary>
    public static double MaxBitErrorRate(int bitsPerCell)
    {
        var levels = 1 << bitsPerCell;
        return (levels - 1.0) / (levels * bitsPerCell);
    }

    /// <summary>P_L: the chance that a b-bit cell of a device with σ_G is read at a neighbouring level.</summary>
    public static double LevelErrorRate(double deviceSigma, int bitsPerCell)
    {
        var levels = 1 << bitsPerCell;
        return 2.0 * (levels - 1) / levels * Tail(1.0 / (2 * deviceSigma * (levels - 1)));
    }

    /// <summary>The bit error rate of b-bit cells of a device with σ_G (Gray coding: one bit per level error).</summary>
    public static double BitErrorRate(double deviceSigma, int bitsPerCell) => LevelErrorRate(deviceSigma, bitsPerCell) / bitsPerCell;

    /// <summary>σ_η: the rms error of a <paramref name="weightBits"/>-bit weight sliced into b-bit cells, relative to full scale.</summary>
    public static double WeightSigma(double deviceSigma, int bitsPerCell, int weightBits)
    {
        var p = LevelErrorRate(deviceSigma, bitsPerCell);
        var sum = 0.0;
        for (var k = 0; k * bitsPerCell < weightBits; k++) sum += Math.Pow(4, k * bitsPerCell);
        return Math.Sqrt(p * sum) / (Math.Pow(2, weightBits) - 1);
    }
}
