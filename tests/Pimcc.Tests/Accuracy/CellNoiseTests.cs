using Pimcc.Accuracy;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Targets;

namespace Pimcc.Tests.Accuracy;

/// <summary>The bit-error-rate -> σ derivation (docs/accuracy.md, "Noise model") against hand computation with a normal table.</summary>
public class CellNoiseTests
{
    [Fact]
    public void NormalTailMatchesTheTable()
    {
        CellNoise.Tail(1.6).ShouldBe(0.05480, 1e-5);   // Q(1.60) from a standard normal table
        CellNoise.Tail(1.61).ShouldBe(0.05370, 1e-5);
        CellNoise.InverseTail(0.05).ShouldBe(1.6449, 1e-4);
    }

    [Fact]
    public void MlcBitErrorRateGivesTheDeviceSigmaByHand()
    {
        // 2-bit cells, 4 levels: BER = P_L / 2, P_L = 2·3/4 · Q(t) = 1.5 Q(t), so Q(t) = 0.0404 · 2 / 1.5 = 0.053867:
        // between Q(1.61) = 0.05370 and Q(1.60) = 0.05480, t ≈ 1.6085; spacing 1/3 of the window, t = (1/6) / σ_G:
        // σ_G = 1 / (6 · 1.6085) = 0.10361.
        var sigma = CellNoise.DeviceSigma(0.0404, 2);
        sigma.ShouldBe(0.10361, 2e-5);
        CellNoise.BitErrorRate(sigma, 2).ShouldBe(0.0404, 1e-12); // the inversion round-trips
        // The same device in SLC: one spacing is the whole window, t = 1 / (2 σ_G) = 4.826; Q(4.826) ≈ 6.97e-7.
        CellNoise.BitErrorRate(sigma, 1).ShouldBe(6.97e-7, 0.05e-7);
    }

    [Fact]
    public void WeightSigmaSumsTheSlicesErrorsByHand()
    {
        var device = CellNoise.DeviceSigma(0.0404, 2);
        // MLC: 4 cells of 2 bits weigh 1, 4, 16, 64: Σ 4^(2k) = 1 + 16 + 256 + 4096 = 4369; P_L = 1.5 · 0.053867 = 0.080800;
        // sqrt(0.0808 · 4369) / 255 = 18.789 / 255 = 0.07368.
        CellNoise.WeightSigma(device, 2, 8).ShouldBe(0.07368, 1e-5);
        // SLC: 8 cells of 1 bit: Σ 4^k = 21845; P_L = Q(4.826) = 6.97e-7: sqrt(6.97e-7 · 21845) / 255 = 4.84e-4.
        CellNoise.WeightSigma(device, 1, 8).ShouldBe(4.84e-4, 0.02e-4);
    }

    [Fact]
    public void TheHyflexpimPresetsSigmasComeFromItsDescriptionAndFollowOverrides()
    {
        var preset = TargetLoader.LoadPreset<HyflexpimTarget>("hyflexpim");
        var (slc, mlc, _) = HyflexpimAccuracy.Sigmas(preset);
        (slc, mlc).ShouldBe((CellNoise.WeightSigma(CellNoise.DeviceSigma(0.0404, 2), 1, 8), CellNoise.WeightSigma(CellNoise.DeviceSigma(0.0404, 2), 2, 8)));
        var lower = TargetLoader.LoadPreset<HyflexpimTarget>("hyflexpim", ["device.mlcBitErrorRate=1%"]);
        HyflexpimAccuracy.Sigmas(lower).Mlc.ShouldBeLessThan(mlc / 2, "a quarter of the bit errors");
        // 2-bit Gray-coded cells lose at most 3/8 of their bits to noise (Q -> 1/2): 40% is no Gaussian noise level.
        CellNoise.MaxBitErrorRate(2).ShouldBe(0.375);
        Should.Throw<Pimcc.Diagnostics.PimccError>(() => HyflexpimAccuracy.Sigmas(TargetLoader.LoadPreset<HyflexpimTarget>("hyflexpim", ["device.mlcBitErrorRate=40%"])))
            .Code.ShouldBe(Pimcc.Diagnostics.ExitCode.InvalidTargetDescription);
    }
}
