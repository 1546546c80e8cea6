using Pimcc.Targets.Description;

namespace Pimcc.Hyflexpim.Isa;

/// <summary>
/// Every key of a <c>hyflexpim</c>-kind description, in the order the canonical rendering uses. Values live in
/// samples/targets/hyflexpim.json with their sources (the HyFlexPIM paper's tables); this file only says what each key
/// means and how it is checked.
/// </summary>
public static class HyflexpimSchema
{
    private static ParameterSpec Count(string key, string summary, bool pow2 = false) =>
        new(key, Dimension.Count, "count", summary) { Integral = true, PowerOfTwo = pow2, Max = 1e9m };
    private static ParameterSpec Bits(string key, string summary) =>
        new(key, Dimension.Bits, "bit", summary) { Integral = true, Max = 64 };
    private static ParameterSpec Bytes(string key, string unit, string summary) =>
        new(key, Dimension.Bytes, unit, summary) { Integral = true };
    private static ParameterSpec Cycles(string key, string summary) =>
        new(key, Dimension.CoreCycles, "cycle", summary) { Integral = true, Max = 1e9m };
    private static ParameterSpec Real(string key, Dimension d, string unit, string summary) => new(key, d, unit, summary);
    private static ParameterSpec Area(string key, string summary) => Real(key, Dimension.Area, "mm2", summary);
    private static ParameterSpec Power(string key, string summary) => Real(key, Dimension.Power, "mW", summary);

    /// <summary>The parts of a module that have an area and a power in the paper's tables, in table order.</summary>
    public static readonly string[] AnalogParts = ["arrays", "inputRegister", "outputRegister", "wordLineDrivers", "adc", "shiftAdd", "sampleHold"];
    public static readonly string[] DigitalParts = ["arrays", "inputRegister", "outputRegister", "wordLineDrivers", "shiftAdd", "sampleHold", "sfu"];

    private static readonly Dictionary<string, string> PartNames = new(StringComparer.Ordinal)
    {
        ["arrays"] = "RRAM arrays", ["inputRegister"] = "input registers", ["outputRegister"] = "output registers",
        ["wordLineDrivers"] = "word-line drivers", ["adc"] = "SAR ADCs", ["shiftAdd"] = "shift-and-add units",
        ["sampleHold"] = "sample-and-hold units", ["sfu"] = "special function unit",
    };

    public static string PartName(string part) => PartNames[part];

    /// <summary>Cycle keys count <c>system.clock</c> cycles; the kind has no DRAM. (Declared after the part tables it reads.)</summary>
    public static DescriptionSchema Schema { get; } = new(Build(), "system.clock", null);

    private static IEnumerable<ParameterSpec> Parts(string module, string[] parts) =>
        parts.Select(p => Area($"{module}.area.{p}", $"Area of the {PartNames[p]} of one {module} module"))
            .Concat(parts.Select(p => Power($"{module}.power.{p}", $"Active power of the {PartNames[p]} of one {module} module")));

    private static List<ParameterSpec> Build() =>
    [
        // --- whole system
        Real("system.clock", Dimension.Frequency, "GHz", "Clock of the PUs (digital row operations, SFU, buses)"),
        Real("system.technology", Dimension.Length, "nm", "Technology node the areas and powers are scaled to"),
        Count("system.maxChips", "Chips a model may be pipelined over (PCIe); a model needing more is refused") with { Max = 4096 },

        // --- precision
        Bits("precision.weightBits", "Bits of a quantised linear weight (INT8)"),
        Bits("precision.inputBits", "Bits of a GEMV input, applied one bit per array cycle on the word lines"),
        Bits("precision.kvBits", "Bits of Q, K, V and the KV cache in digital PIM (INT8)"),
        Bits("precision.sfuBits", "Bits of the SFU's floating-point operands (FP16)"),

        // --- chip
        Count("chip.pus", "Processing units (PU) per chip; one transformer layer per PU"),
        Real("chip.sharedBus", Dimension.Bandwidth, "GB/s", "Global bus of a chip (partial sums of TP PUs to the SFU)"),
        Real("chip.interPu", Dimension.Bandwidth, "GB/s", "On-chip interconnect between PUs (layer pipeline)"),
        Real("chip.pcie", Dimension.Bandwidth, "GB/s", "PCIe link between chips (hidden vector of the layer pipeline)"),
        Count("pu.analogModules", "Analog RRAM PIM modules per PU (linear layers)"),
        Count("pu.digitalModules", "Digital RRAM PIM modules per PU (attention, KV cache, SFU)"),

        // --- analog module
        Count("analog.arrays", "RRAM crossbar arrays per analog module"),
        Count("analog.rows", "Rows (word lines) of an analog array: the input tile height", pow2: true),
        Count("analog.columns", "Columns (bit lines) of an analog array"),
        Bits("analog.slcBitsPerCell", "Bits per cell in SLC mode"),
        Bits("analog.mlcBitsPerCell", "Bits per cell in MLC mode"),
        Real("analog.arrayCycle", Dimension.Time, "ns", "Array read cycle, pipelined with the ADC conversions of the previous read"),
        Bits("analog.adcBits", "Bits of the reconfigurable SAR ADC (the SLC mode skips MSB comparisons)"),
        Real("analog.adcSampleRate", Dimension.Frequency, "GHz", "Conversions per second of one SAR ADC"),
        Count("analog.adcs", "SAR ADCs per analog module (one per array, shared by its bit lines through a mux)"),
        Bytes("analog.inputRegister", "B", "Input register of an analog module"),
        Bytes("analog.outputRegister", "B", "Output register of an analog module"),
        Count("analog.shiftAdds", "Shift-and-add units per analog module"),
        Count("analog.sampleHolds", "Sample-and-hold units per analog module"),
        .. Parts("analog", AnalogParts),

        // --- digital module
        Count("digital.arrays", "RRAM arrays per digital module (1 bit per cell)"),
        Count("digital.rows", "Rows of a digital array"),
        Count("digital.columns", "Columns of a digital array"),
        Count("digital.norsPerMultiply", "NOR operations of one INT8 x INT8 multiply"),
        Count("digital.columnsPerNor", "Columns one NOR uses (2 operand bits, 1 result)"),
        Cycles("digital.rowOpWriteCycles", "Write cycles of one digital row operation"),
        Cycles("digital.rowOpReadCycles", "Read cycles of one digital row operation"),
        Bytes("digital.inputRegister", "KiB", "Input register of a digital module"),
        Bytes("digital.outputRegister", "KiB", "Output register of a digital module"),
        Count("digital.shiftAdds", "Shift-and-add units per digital module"),
        Count("digital.sampleHolds", "Sample-and-hold units per digital module"),
        Count("digital.sfuInputsPerCycle", "FP16 inputs the module's SFU takes per cycle"),
        .. Parts("digital", DigitalParts),

        // --- energy of the links (the paper gives none: open parameters, cited in the preset)
        Real("energy.sharedBus", Dimension.EnergyPerBit, "pJ/bit", "Energy of one bit over a chip's shared bus"),
        Real("energy.interPu", Dimension.EnergyPerBit, "pJ/bit", "Energy of one bit over the inter-PU interconnect"),
        Real("energy.pcie", Dimension.EnergyPerBit, "pJ/bit", "Energy of one bit over PCIe (between chips, and the host I/O)"),

        // --- RRAM device
        Real("device.rOn", Dimension.Resistance, "kohm", "On-state resistance of a cell"),
        Real("device.onOffRatio", Dimension.Ratio, "fraction", "Off/on resistance ratio of a cell"),
        Real("device.mlcBitErrorRate", Dimension.Ratio, "%", "Bit error rate of a 2-bit MLC cell (noise model)"),

        // --- totals stated by the paper, checked against the values above
        Area("totals.analogModuleArea", "Area of one analog module (sum of its parts)"),
        Power("totals.analogModulePower", "Active power of one analog module (sum of its parts)"),
        Area("totals.analogArea", "Area of a PU's analog modules"),
        Power("totals.analogPower", "Active power of a PU's analog modules"),
        Area("totals.digitalModuleArea", "Area of one digital module (sum of its parts)"),
        Power("totals.digitalModulePower", "Active power of one digital module (sum of its parts)"),
        Area("totals.digitalArea", "Area of a PU's digital modules"),
        Power("totals.digitalPower", "Active power of a PU's digital modules"),
    ];
}
