using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Targets;
using Pimcc.Targets.Description;

[assembly: TargetComponent(typeof(HyflexpimKind))]

namespace Pimcc.Hyflexpim.Isa;

/// <summary>
/// The <c>hyflexpim</c> target kind: hybrid SLC/MLC RRAM mixed-signal PIM (HyFlexPIM, Song et al. 2025). Builds the
/// typed <see cref="HyflexpimTarget"/> and checks that the values agree with each other.
/// </summary>
public sealed class HyflexpimKind : ITargetKind
{
    public const string Name = "hyflexpim";

    /// <summary>Relative tolerance for the paper's rounded totals (module sums printed to two decimals).</summary>
    private const decimal TotalsTolerance = 0.01m;

    public string Kind => Name;

    public string Summary => "Hybrid SLC/MLC RRAM mixed-signal PIM: analog crossbars for linear layers, digital NOR PIM + SFU for attention (HyFlexPIM, Song et al. 2025)";

    public DescriptionSchema Schema => HyflexpimSchema.Schema;

    public string DocSections(TargetDescription target) => HyflexpimDocs.Sections((HyflexpimTarget)target);

    public TargetDescription Build(DescriptionBuild build)
    {
        var p = build.Parameters;
        var precision = new PrecisionConfig(p.Int("precision.weightBits"), p.Int("precision.inputBits"), p.Int("precision.kvBits"), p.Int("precision.sfuBits"));
        var chip = new ChipConfig(p.Int("chip.pus"), p.Int("pu.analogModules"), p.Int("pu.digitalModules"),
            p.Real("chip.sharedBus"), p.Real("chip.interPu"), p.Real("chip.pcie"));
        var analog = new AnalogModuleConfig(
            p.Int("analog.arrays"), p.Int("analog.rows"), p.Int("analog.columns"), p.Int("analog.slcBitsPerCell"), p.Int("analog.mlcBitsPerCell"),
            precision.WeightBits, p.Long("analog.arrayCycle"), p.Int("analog.adcBits"), p.Real("analog.adcSampleRate"), p.Int("analog.adcs"),
            p.Long("analog.inputRegister"), p.Long("analog.outputRegister"), p.Int("analog.shiftAdds"), p.Int("analog.sampleHolds"),
            Parts(p, "analog", HyflexpimSchema.AnalogParts));
        var digital = new DigitalModuleConfig(
            p.Int("digital.arrays"), p.Int("digital.rows"), p.Int("digital.columns"), p.Int("digital.norsPerMultiply"), p.Int("digital.columnsPerNor"),
            p.Int("digital.rowOpWriteCycles"), p.Int("digital.rowOpReadCycles"), p.Long("digital.inputRegister"), p.Long("digital.outputRegister"),
            p.Int("digital.shiftAdds"), p.Int("digital.sampleHolds"), p.Int("digital.sfuInputsPerCycle"), Parts(p, "digital", HyflexpimSchema.DigitalParts));

        Check(build, precision, analog, digital);
        p = Totals(build, chip, analog, digital);

        var (json, sha) = build.Canonical(Name, p);
        return new HyflexpimTarget
        {
            Name = build.Name, Kind = Name, Summary = build.Summary, Parameters = p, CanonicalJson = json, Sha256 = sha,
            ClockHz = p.Long("system.clock"), TechnologyNm = p.Real("system.technology"), MaxChips = p.Int("system.maxChips"),
            Precision = precision, Chip = chip, Analog = analog, Digital = digital,
            Device = new DeviceConfig(p.Real("device.rOn"), p.Real("device.onOffRatio"), p.Real("device.mlcBitErrorRate")),
            LinkEnergy = new LinkEnergyConfig(p.Real("energy.sharedBus"), p.Real("energy.interPu"), p.Real("energy.pcie")),
        };
    }

    private static List<ModulePart> Parts(ResolvedParameters p, string module, string[] parts) =>
        parts.Select(x => new ModulePart(x, p.Real($"{module}.area.{x}"), p.Real($"{module}.power.{x}"))).ToList();

    /// <summary>Cross-key checks; each names the key to change.</summary>
    private static void Check(DescriptionBuild b, PrecisionConfig precision, AnalogModuleConfig a, DigitalModuleConfig d)
    {
        // The passes store quantised weights as the IR's i8 and the SFU works on the IR's f16/f32.
        if (precision.WeightBits != 8)
            throw b.Error("precision.weightBits", $"{precision.WeightBits}-bit weights are not supported", "use 8: the quantisation pass stores weights as i8");
        if (precision.SfuBits is not (16 or 32))
            throw b.Error("precision.sfuBits", $"{precision.SfuBits}-bit SFU operands have no floating-point type", "use 16 (FP16) or 32 (FP32)");
        if (a.MlcBitsPerCell <= a.SlcBitsPerCell)
            throw b.Error("analog.mlcBitsPerCell", $"MLC stores {a.MlcBitsPerCell} bit(s) per cell, not more than SLC's {a.SlcBitsPerCell}", "use more bits per cell for MLC than for SLC");
        foreach (var (mode, key) in new[] { (CellMode.Slc, "analog.slcBitsPerCell"), (CellMode.Mlc, "analog.mlcBitsPerCell") })
        {
            if (precision.WeightBits % a.BitsPerCell(mode) != 0)
                throw b.Error(key, $"{precision.WeightBits}-bit weights cannot be sliced into {a.BitsPerCell(mode)}-bit cells", "use a cell width dividing precision.weightBits");
            if (a.ColumnsPerWeight(mode) > a.Columns)
                throw b.Error("analog.columns", $"one weight needs {a.ColumnsPerWeight(mode)} columns in {mode} but an array has {a.Columns}", "use wider arrays");
        }
        // MLC's wider cells need the most ADC bits; the SLC mode skips MSB comparisons of the same ADC.
        if (a.AdcBitsNeeded(CellMode.Mlc) > a.AdcBits)
            throw b.Error("analog.adcBits", $"a {a.Rows}-row array in MLC needs a {a.AdcBitsNeeded(CellMode.Mlc)}-bit ADC for full precision (ceil(log2 rows) + bits per cell - 1), the ADC has {a.AdcBits}",
                $"use analog.adcBits >= {a.AdcBitsNeeded(CellMode.Mlc)}, or fewer analog.rows");
        // The timing model gives every array its own ADC behind a column mux (paper: one shared SAR ADC per array).
        if (a.Adcs != a.Arrays)
            throw b.Error("analog.adcs", $"{a.Adcs} ADCs for {a.Arrays} arrays", "use one ADC per array (analog.adcs = analog.arrays)");
        if (d.ColumnsPerNor > d.Columns)
            throw b.Error("digital.columnsPerNor", $"a NOR needs {d.ColumnsPerNor} columns but a digital array has {d.Columns}", "check digital.columns");
        if (d.Rows * (long)d.Columns % 8 != 0)
            throw b.Error("digital.columns", "a digital array does not hold a whole number of bytes", "use rows x columns divisible by 8");
    }

    /// <summary>The paper's module sums: checked against the parts (1%), or re-derived after overrides.</summary>
    private static ResolvedParameters Totals(DescriptionBuild b, ChipConfig chip, AnalogModuleConfig a, DigitalModuleConfig d)
    {
        var p = b.Parameters;
        var replaced = new Dictionary<string, ResolvedParameter>(StringComparer.Ordinal);
        void Total(string key, double computed, string how)
        {
            var stated = p[key];
            var value = (decimal)computed;
            if (b.Overridden && !DescriptionBuild.IsOverride(stated))
            {
                replaced[key] = stated with { Number = Math.Round(value, 6), Source = $"derived after overrides: {how}" };
                return;
            }
            if (Math.Abs(stated.Number - value) > value * TotalsTolerance)
                throw b.Error(key, $"stated total {Units.Show(stated.Number)} {stated.Spec.Unit} does not match {how} = {Units.Show(Math.Round(value, 4))} {stated.Spec.Unit}",
                    $"set {key} to {Units.Show(Math.Round(value, 4))} or fix the parameters it is computed from");
        }
        Total("totals.analogModuleArea", a.ModuleAreaMm2, "sum of analog.area.*");
        Total("totals.analogModulePower", a.ModulePowerMw, "sum of analog.power.*");
        Total("totals.analogArea", chip.AnalogModulesPerPu * a.ModuleAreaMm2, "pu.analogModules x sum of analog.area.*");
        Total("totals.analogPower", chip.AnalogModulesPerPu * a.ModulePowerMw, "pu.analogModules x sum of analog.power.*");
        Total("totals.digitalModuleArea", d.ModuleAreaMm2, "sum of digital.area.*");
        Total("totals.digitalModulePower", d.ModulePowerMw, "sum of digital.power.*");
        Total("totals.digitalArea", chip.DigitalModulesPerPu * d.ModuleAreaMm2, "pu.digitalModules x sum of digital.area.*");
        Total("totals.digitalPower", chip.DigitalModulesPerPu * d.ModulePowerMw, "pu.digitalModules x sum of digital.power.*");
        return p.WithReplaced(replaced);
    }
}
