using Pimcc.Diagnostics;
using Pimcc.Pimllm.Isa;
using Pimcc.Targets;

namespace Pimcc.Tests.Pimllm;

public class PimllmDescriptionTests
{
    private static PimllmTarget Load(string preset, params string[] overrides) => TargetLoader.LoadPreset<PimllmTarget>(preset, overrides);

    [Fact]
    public void PimllmPresetHoldsThePaperHardware()
    {
        var t = Load("pimllm");
        t.Kind.ShouldBe("pimllm");
        t.ClockHz.ShouldBe(100_000_000);
        t.ActivationBits.ShouldBe(8);
        (t.Crossbars.Rows, t.Crossbars.Columns, t.Crossbars.DacBits, t.Crossbars.AdcBits).ShouldBe((256, 256, 8, 8));
        t.Crossbars.Cells.ShouldBe(WeightCells.Binary);
        t.Crossbars.OutputsPerCrossbar.ShouldBe(256);
        (t.Systolic.Rows, t.Systolic.Columns, t.Systolic.OperandBits).ShouldBe((32, 32, 8));
        t.SramBytes.ShouldBe(8L << 20);
        t.HasCrossbars.ShouldBeTrue();
        // 256 columns on 2 ADCs at 1.28 GS/s: 128 / 1.28e9 s = 100 ns, the ISAAC read cycle.
        t.Crossbars.ConversionPs.ShouldBe(100_000m);
        t.Crossbars.ReadLatencyPs.ShouldBe(100_000);
        t.Crossbars.ReadsPerInput(8).ShouldBe(1);
        Load("pimllm", "crossbar.dac.bitsPerRead=1").Crossbars.ReadsPerInput(8).ShouldBe(8);
        Load("pimllm", "crossbar.dac.bitsPerRead=3").Crossbars.ReadsPerInput(8).ShouldBe(3);
    }

    [Fact]
    public void LpddrIsTheJedec6400TableAtTheRoundedUpClocks()
    {
        var l = Load("pimllm").Lpddr;
        l.Timing.ShouldBe(Lpddr5StandardTests.Jedec6400);
        l.Organization.ShouldBe(Lpddr5StandardTests.Die16Gb);
        l.BurstBytes.ShouldBe(32);
        l.CapacityBytes.ShouldBe(8L << 30);                    // 4 x 16 Gbit
        l.BytesPerSecond.ShouldBe(51.2e9, 1);                   // 4 x 16 bit x 6.4 Gbit/s / 8
        l.Standard().Organization.Banks.ShouldBe(16);
    }

    [Fact]
    public void TpuLlmIsPimllmWithoutCrossbars()
    {
        var pim = Load("pimllm");
        var tpu = Load("tpu-llm");
        tpu.Kind.ShouldBe("pimllm");
        tpu.HasCrossbars.ShouldBeFalse();
        tpu.Crossbars.Count.ShouldBe(0);
        tpu.Systolic.ShouldBe(pim.Systolic);
        tpu.Lpddr.ShouldBe(pim.Lpddr);
        tpu.Energy.ShouldBe(pim.Energy);
        (tpu.SramBytes, tpu.ClockHz).ShouldBe((pim.SramBytes, pim.ClockHz));
        tpu.Sha256.ShouldNotBe(pim.Sha256);
    }

    [Fact]
    public void DifferentialCellsHalveTheOutputsOfACrossbar() =>
        Load("pimllm", "crossbar.cells=differential").Crossbars.OutputsPerCrossbar.ShouldBe(128);

    [Theory]
    [InlineData("crossbar.dac.bitsPerRead=9", "crossbar.dac.bitsPerRead", "exceed the 8-bit DACs")]
    [InlineData("crossbar.adc.perCrossbar=3", "crossbar.adc.perCrossbar", "cannot be shared evenly by 3 ADCs")]
    [InlineData("lpddr.timing.nCCDL=1", "lpddr.timing.nCCDL", "nCCDL = 1 is smaller than nCCDS = 2")]
    [InlineData("systolic.operandBits=4", "systolic.operandBits", "4-bit PEs cannot take 8-bit activations")]
    [InlineData("lpddr.burstLength=2048", "lpddr.pageSize", "a 2048-byte page is not a whole number of 4096-byte bursts")]
    public void InconsistentValuesAreRejectedAtTheKey(string set, string key, string message)
    {
        var e = Should.Throw<PimccError>(() => Load("pimllm", set));
        e.Code.ShouldBe(ExitCode.InvalidTargetDescription);
        e.Location.ShouldContain(key);
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void TotalsFollowOverridesAndAreCheckedWithout()
    {
        var t = Load("pimllm", "lpddr.channels=8");
        t.Parameters["totals.lpddrBandwidth"].Number.ShouldBe(102.4e9m);
        t.Parameters["totals.lpddrCapacity"].Source.ShouldStartWith("derived after overrides");
        const string wrong = """
            { "format": "pimcc-target/1", "extends": "pimllm", "name": "x",
              "totals": { "lpddrCapacity": { "value": 4, "unit": "GiB", "source": "wrong on purpose" } } }
            """;
        Should.Throw<PimccError>(() => TargetLoader.Parse(wrong, "x.json")).Message
            .ShouldBe("stated total 4 GiB does not match channels x channel density = 8 GiB");
    }
}
