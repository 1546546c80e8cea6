using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Targets;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>The hyflexpim description kind: the preset holds the paper's tables, derived figures are checked by hand
/// from the paper's formulas, and inconsistent values are refused naming the key.</summary>
public class HyflexpimTargetTests
{
    private static HyflexpimTarget Load(params string[] overrides) => TargetLoader.LoadPreset<HyflexpimTarget>("hyflexpim", overrides);

    [Fact]
    public void PresetHoldsThePapersArchitecture()
    {
        var t = Load();
        t.Kind.ShouldBe("hyflexpim");
        t.ClockHz.ShouldBe(1_000_000_000);
        (t.Chip.Pus, t.Chip.AnalogModulesPerPu, t.Chip.DigitalModulesPerPu).ShouldBe((24, 24, 8));
        t.Chip.SharedBusBytesPerSecond.ShouldBe(128e9);
        t.Chip.InterPuBytesPerSecond.ShouldBe(1000e9);
        t.Chip.PcieBytesPerSecond.ShouldBe(128e9);
        (t.Analog.Arrays, t.Analog.Rows, t.Analog.Columns).ShouldBe((512, 64, 128));
        t.Analog.ArrayCyclePs.ShouldBe(100_000);
        t.Analog.AdcSamplesPerSecond.ShouldBe(1.28e9);
        (t.Digital.Arrays, t.Digital.Rows, t.Digital.Columns).ShouldBe((256, 1024, 1024));
        t.Digital.RowOpCycles.ShouldBe(5);
        t.Device.ROnOhm.ShouldBe(6000);
        t.Device.OnOffRatio.ShouldBe(150);
        t.Device.MlcBitErrorRate.ShouldBe(0.0404, 1e-12);
        t.TechnologyNm.ShouldBe(65);
    }

    [Fact]
    public void BitSlicingAndAdcResolutionFollowThePapersFormulas()
    {
        var a = Load().Analog;
        // INT8 over 1-bit cells: 8 columns; over 2-bit cells: 4 (paper, "How a GEMV runs").
        a.ColumnsPerWeight(CellMode.Slc).ShouldBe(8);
        a.ColumnsPerWeight(CellMode.Mlc).ShouldBe(4);
        a.WeightsPerArrayRow(CellMode.Slc).ShouldBe(16);
        a.WeightsPerArrayRow(CellMode.Mlc).ShouldBe(32);
        // ceil(log2 64) + w - 1: 6 b for SLC, 7 b for MLC.
        a.AdcBitsNeeded(CellMode.Slc).ShouldBe(6);
        a.AdcBitsNeeded(CellMode.Mlc).ShouldBe(7);
        // 128 conversions at 1.28 GS/s = 100 ns = the array cycle.
        (a.Columns / a.AdcSamplesPerSecond * 1e12).ShouldBe(a.ArrayCyclePs, 1e-6);
    }

    [Fact]
    public void DigitalFiguresMatchThePapersBalancePointAndCapacity()
    {
        var t = Load();
        // 256 x 1024 / (64 x 3) / 5 = 273.07 multiplies per cycle (paper: "about 273").
        t.Digital.MultipliesPerCycle.ShouldBe(262144.0 / 192 / 5, 1e-9);
        t.Digital.ArrayBytes.ShouldBe(128 * 1024);
        t.DigitalBytesPerPu.ShouldBe(8L * 256 * 128 * 1024);
        t.AnalogArraysPerPu.ShouldBe(24 * 512);
    }

    [Fact]
    public void ModuleAreasAndPowersAreTheSumsOfTheTablesParts()
    {
        var t = Load();
        // Hand sums of the paper's analog table: 0.048 + 0.00065 + 0.00129 + 0.02 + 0.30 + 0.10 + 0.00006 = 0.47 mm2
        // (x 24 = 11.28; the paper prints 11.24, within the 1% the totals are checked to).
        t.Analog.ModuleAreaMm2.ShouldBe(0.47, 1e-9);
        t.Analog.ModulePowerMw.ShouldBe(60.78 + 0.13 + 0.53 + 297.71 + 512.00 + 59.54 + 12e-6, 1e-9);
        t.Digital.ModuleAreaMm2.ShouldBe(2.86 + 0.0031 + 0.0032 + 0.14 + 0.21 + 13e-5 + 4.79, 1e-9);
        t.Digital.ModulePowerMw.ShouldBe(3890.02 + 0.76 + 1.65 + 2381.64 + 119.08 + 23e-6 + 138.89, 1e-9);
        t.PuAreaMm2.ShouldBe(24 * 0.47 + 8 * 8.00643, 1e-9);
        t.ChipAreaMm2.ShouldBe(24 * t.PuAreaMm2, 1e-9);
    }

    [Fact]
    public void AStatedTotalThatDisagreesWithItsPartsIsRefusedNamingTheKey()
    {
        var e = Should.Throw<PimccError>(() => TargetLoader.Parse("""
            { "format": "pimcc-target/1", "extends": "hyflexpim", "name": "x",
              "totals": { "analogModulePower": { "value": 1000, "unit": "mW", "source": "test" } } }
            """, "x.json"));
        e.Code.ShouldBe(ExitCode.InvalidTargetDescription);
        e.Location.ShouldContain("totals.analogModulePower");
        e.Message.ShouldContain("930.69");
    }

    [Fact]
    public void AfterAnOverrideTheTotalsAreRederived()
    {
        var t = Load("analog.power.adc=1024");
        var total = t.Parameters["totals.analogModulePower"];
        total.Number.ShouldBe(60.78m + 0.13m + 0.53m + 297.71m + 1024m + 59.54m + 0.000012m, 1e-6m);
        total.Source.ShouldStartWith("derived after overrides");
    }

    [Fact]
    public void TallerArraysNeedAWiderAdcThanThePresetHas()
    {
        // 256 rows in MLC need ceil(log2 256) + 2 - 1 = 9 bits; the ADC has 7.
        var e = Should.Throw<PimccError>(() => Load("analog.rows=256"));
        e.Code.ShouldBe(ExitCode.InvalidTargetDescription);
        e.Message.ShouldContain("needs a 9-bit ADC");
        e.Hint.ShouldContain("analog.adcBits >= 9");
        Load("analog.rows=256", "analog.adcBits=9").Analog.AdcBitsNeeded(CellMode.Mlc).ShouldBe(9);
    }

    [Theory]
    [InlineData("analog.adcs=256", "--set analog.adcs", "256 ADCs for 512 arrays")]
    [InlineData("analog.mlcBitsPerCell=3", "--set analog.mlcBitsPerCell", "cannot be sliced into 3-bit cells")]
    [InlineData("analog.mlcBitsPerCell=1", "--set analog.mlcBitsPerCell", "not more than SLC")]
    [InlineData("precision.weightBits=4", "--set precision.weightBits", "4-bit weights are not supported")]
    public void InconsistentValuesAreRefusedAtTheKey(string set, string location, string message)
    {
        var e = Should.Throw<PimccError>(() => Load(set));
        e.Code.ShouldBe(ExitCode.InvalidTargetDescription);
        e.Location.ShouldBe(location);
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void NewUnitsConvertInOverrides()
    {
        var t = Load("device.mlcBitErrorRate=5%", "analog.area.adc=250000um2", "device.rOn=12000ohm");
        t.Device.MlcBitErrorRate.ShouldBe(0.05, 1e-12);
        t.Analog.Parts.Single(p => p.Name == "adc").AreaMm2.ShouldBe(0.25, 1e-12);
        t.Device.ROnOhm.ShouldBe(12000);
    }

    [Fact]
    public void TargetsCommandListsAndShowsTheKind()
    {
        var list = CliRunner.Run("targets");
        list.ExitCode.ShouldBe(0, list.Err);
        list.Out.Split('\n').ShouldContain(l => l.StartsWith("hyflexpim ") && l.Contains(" hyflexpim "));
        var show = CliRunner.Run("targets", "show", "hyflexpim", "--set", "system.maxChips=2");
        show.ExitCode.ShouldBe(0, show.Err);
        show.Out.ShouldContain("\"kind\": \"hyflexpim\"");
        show.Out.ShouldContain("override --set system.maxChips=2");
    }
}
