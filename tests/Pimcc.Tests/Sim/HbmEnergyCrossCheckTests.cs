namespace Pimcc.Tests.Sim;

/// <summary>
/// hpim's activation energy (O'Connor et al., MICRO 2017, via attacc_simulator) against an independent source: the
/// datasheet currents of DRAMsim3's HBM2 configuration, through the power model DRAMsim3 itself uses
/// (umd-memsys/DRAMsim3 configs/HBM2_8Gb_x128.ini; src/configuration.cc: act_energy_inc =
/// VDD x (IDD0 x tRC - (IDD3N x tRAS + IDD2N x tRP)), in mA x tCK). docs/fidelity.md, "Energy".
/// </summary>
public class HbmEnergyCrossCheckTests
{
    // DRAMsim3 HBM2_8Gb_x128.ini: tCK 1 ns, tRAS 34, tRP 14 (tRC = 48), VDD 1.2 V, IDD0 65 mA, IDD3N 55 mA, IDD2N 40 mA;
    // a row of 64 columns x 128 bits.
    private const double VddV = 1.2, Idd0 = 65, Idd3N = 55, Idd2N = 40, TRas = 34, TRp = 14, TckNs = 1, PageBits = 64 * 128;

    [Fact]
    public void ActivationEnergyPerBitIsWithinAQuarterOfTheDatasheetCurrents()
    {
        var tRc = TRas + TRp;
        // (65 x 48 - (55 x 34 + 40 x 14)) mA·tCK = 690 mA·ns; x 1.2 V = 828 pJ per activation; / 8192 bits = 0.101 pJ/bit.
        var pjPerActivation = VddV * (Idd0 * tRc - (Idd3N * TRas + Idd2N * TRp)) * TckNs;
        var fromCurrents = pjPerActivation / PageBits;
        fromCurrents.ShouldBe(0.101, 0.001);
        var hpim = SimPrograms.Target().Parameters.Real("energy.hbm.activate");
        (hpim / fromCurrents).ShouldBeInRange(0.75, 1.25);
    }
}
