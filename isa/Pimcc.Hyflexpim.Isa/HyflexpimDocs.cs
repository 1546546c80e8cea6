using System.Globalization;
using System.Text;

namespace Pimcc.Hyflexpim.Isa;

/// <summary>The hyflexpim sections of docs/targets.md for one preset: figures derived from it, so they cannot go stale.</summary>
internal static class HyflexpimDocs
{
    public static string Sections(HyflexpimTarget t)
    {
        var a = t.Analog;
        var d = t.Digital;
        string F(double v) => v.ToString(v == 0 || Math.Abs(v) >= 0.001 ? "0.###" : "0.###E+0", CultureInfo.InvariantCulture);
        var sb = new StringBuilder("\n### Derived figures\n\n");
        foreach (var mode in new[] { CellMode.Slc, CellMode.Mlc })
        {
            var perArray = (long)a.Rows * a.WeightsPerArrayRow(mode);
            sb.Append($"- {mode}: an INT8 weight takes {a.ColumnsPerWeight(mode)} adjacent columns; an array holds {a.Rows} x {a.WeightsPerArrayRow(mode)} = {perArray} weights, ");
            sb.Append($"a module {F(perArray * a.Arrays / 1048576.0)} Mi, a PU {F(perArray * t.AnalogArraysPerPu / 1048576.0)} Mi weights; ");
            sb.Append($"read-out needs a {a.AdcBitsNeeded(mode)}-bit ADC (ceil(log2 {a.Rows}) + {a.BitsPerCell(mode)} - 1).\n");
        }
        var conversionPs = a.Columns / a.AdcSamplesPerSecond * 1e12;
        sb.Append($"- One array read converts {a.Columns} bit lines through one ADC in {F(conversionPs / 1000)} ns against an array cycle of {F(a.ArrayCyclePs / 1000.0)} ns ");
        sb.Append($"(pipelined: the next read overlaps the conversions); an INT8 input takes {t.Precision.InputBits} cycles, so one GEMV tile takes {F(t.Precision.InputBits * Math.Max(a.ArrayCyclePs, conversionPs) / 1000)} ns.\n");
        sb.Append($"- Digital PIM: {d.Arrays} arrays of {d.Rows} x {d.Columns} bits ({d.ArrayBytes / 1024} KiB each), {F(d.ModuleBytes / 1048576.0)} MiB per module, ");
        sb.Append($"{F(t.DigitalBytesPerPu / 1048576.0)} MiB per PU; an INT8 multiply is {d.NorsPerMultiply} NORs of {d.ColumnsPerNor} columns, a row operation {d.RowOpCycles} cycles, ");
        sb.Append($"so a module does {d.Arrays} x {d.Columns} / ({d.NorsPerMultiply} x {d.ColumnsPerNor}) / {d.RowOpCycles} = {F(d.MultipliesPerCycle)} multiplies per cycle against an SFU of {d.SfuInputsPerCycle} inputs per cycle.\n");
        sb.Append($"- Area: analog module {F(a.ModuleAreaMm2)} mm2, digital module {F(d.ModuleAreaMm2)} mm2, PU {F(t.PuAreaMm2)} mm2, chip ({t.Chip.Pus} PUs) {F(t.ChipAreaMm2)} mm2.\n");
        sb.Append($"- Active power: analog module {F(a.ModulePowerMw)} mW, digital module {F(d.ModulePowerMw)} mW.\n");

        sb.Append("\n### Module parts\n\n| part | analog area mm2 | analog power mW | digital area mm2 | digital power mW |\n|---|---:|---:|---:|---:|\n");
        foreach (var part in HyflexpimSchema.AnalogParts.Union(HyflexpimSchema.DigitalParts))
        {
            var ap = a.Parts.FirstOrDefault(x => x.Name == part);
            var dp = d.Parts.FirstOrDefault(x => x.Name == part);
            string C(ModulePart? m, bool area) => m is null ? "-" : F(area ? m.AreaMm2 : m.PowerMw);
            sb.Append($"| {HyflexpimSchema.PartName(part)} | {C(ap, true)} | {C(ap, false)} | {C(dp, true)} | {C(dp, false)} |\n");
        }
        return sb.ToString();
    }
}
