using Pimcc.Hyflexpim.Isa;

namespace Pimcc.Hyflexpim.Sim;

/// <summary>The paper's energy breakdown: which part of the system an energy event is charged to.</summary>
public enum EnergyGroup { Analog, Adc, Digital, Sfu, Bus }

/// <summary>How an event's cost is formed from the description.</summary>
public enum EnergyForm
{
    /// <summary>A part's active power x the time it is active, scaled to the arrays (or SFU inputs) in use.</summary>
    PowerTimesActiveTime,
    /// <summary>A count of events x a cost per event.</summary>
    PerEvent,
}

/// <summary>One declared energy event: the component it is charged for, the breakdown group, how its cost is formed,
/// the description keys behind it and what one unit of its count is.</summary>
public sealed record EnergyEvent(HyflexpimComponent Component, EnergyGroup Group, EnergyForm Form, string Keys, string Unit);

/// <summary>
/// hyflexpim's energy events, one per active component of the ISA tables (docs/hyflexpim-sim.md, "Energy"). The
/// module tables give active power for a whole module (all its arrays); a read of n of its arrays for t ps costs
/// power x n / arrays x t (<see cref="EnergyForm.PowerTimesActiveTime"/>, counted in array-picoseconds). The ADC is
/// per conversion: power / (ADCs x sample rate) at the ADC's full resolution, halved per bit the mode skips (the SLC
/// mode's 6 bits skip the 7-bit ADC's MSB comparison). The SFU is power x active time counted in SFU input-cycles
/// (element passes / inputs per cycle). Links are per bit moved.
/// </summary>
public static class HyflexpimEnergyEvents
{
    /// <summary>Every event, in <see cref="HyflexpimComponent"/> order (an event's index is its component's value).</summary>
    public static IReadOnlyList<EnergyEvent> All { get; } = new EnergyEvent[]
    {
        new(HyflexpimComponent.AnalogArrays, EnergyGroup.Analog, EnergyForm.PowerTimesActiveTime, "analog.power.arrays", "array-ps"),
        new(HyflexpimComponent.AnalogWordLineDrivers, EnergyGroup.Analog, EnergyForm.PowerTimesActiveTime, "analog.power.wordLineDrivers", "array-ps"),
        new(HyflexpimComponent.AnalogSampleHold, EnergyGroup.Analog, EnergyForm.PowerTimesActiveTime, "analog.power.sampleHold", "array-ps"),
        new(HyflexpimComponent.AnalogShiftAdd, EnergyGroup.Analog, EnergyForm.PowerTimesActiveTime, "analog.power.shiftAdd", "array-ps"),
        new(HyflexpimComponent.AnalogRegisters, EnergyGroup.Analog, EnergyForm.PowerTimesActiveTime, "analog.power.inputRegister + outputRegister", "array-ps"),
        new(HyflexpimComponent.Adc, EnergyGroup.Adc, EnergyForm.PerEvent, "analog.power.adc / (analog.adcs x analog.adcSampleRate) x 2^(bits - analog.adcBits)", "conversion at analog.adcBits"),
        new(HyflexpimComponent.DigitalArrays, EnergyGroup.Digital, EnergyForm.PowerTimesActiveTime, "digital.power.arrays", "array-ps"),
        new(HyflexpimComponent.DigitalWordLineDrivers, EnergyGroup.Digital, EnergyForm.PowerTimesActiveTime, "digital.power.wordLineDrivers", "array-ps"),
        new(HyflexpimComponent.DigitalShiftAdd, EnergyGroup.Digital, EnergyForm.PowerTimesActiveTime, "digital.power.shiftAdd + sampleHold", "array-ps"),
        new(HyflexpimComponent.DigitalRegisters, EnergyGroup.Digital, EnergyForm.PowerTimesActiveTime, "digital.power.inputRegister + outputRegister", "array-ps"),
        new(HyflexpimComponent.Sfu, EnergyGroup.Sfu, EnergyForm.PowerTimesActiveTime, "digital.power.sfu", "SFU-ps"),
        new(HyflexpimComponent.SharedBus, EnergyGroup.Bus, EnergyForm.PerEvent, "energy.sharedBus", "bit"),
        new(HyflexpimComponent.InterPu, EnergyGroup.Bus, EnergyForm.PerEvent, "energy.interPu", "bit"),
        new(HyflexpimComponent.Pcie, EnergyGroup.Bus, EnergyForm.PerEvent, "energy.pcie", "bit"),
    }.OrderBy(e => (int)e.Component).ToArray();

    public static int Count => All.Count;

    public static EnergyEvent Of(HyflexpimComponent c) => All[(int)c];

    /// <summary>The cost of one unit of each event's count (pJ), from the description.</summary>
    public static double[] CostsPj(HyflexpimTarget t)
    {
        var costs = new double[Count];
        double Analog(string part) => t.Analog.Parts.Single(p => p.Name == part).PowerMw;
        double Digital(string part) => t.Digital.Parts.Single(p => p.Name == part).PowerMw;
        // mW x ps = 1e-3 J/s x 1e-12 s = 1e-15 J = 1e-3 pJ; per array: the module's power over its arrays.
        double PerArrayPs(double mw, int arrays) => mw * 1e-3 / arrays;
        costs[(int)HyflexpimComponent.AnalogArrays] = PerArrayPs(Analog("arrays"), t.Analog.Arrays);
        costs[(int)HyflexpimComponent.AnalogWordLineDrivers] = PerArrayPs(Analog("wordLineDrivers"), t.Analog.Arrays);
        costs[(int)HyflexpimComponent.AnalogSampleHold] = PerArrayPs(Analog("sampleHold"), t.Analog.Arrays);
        costs[(int)HyflexpimComponent.AnalogShiftAdd] = PerArrayPs(Analog("shiftAdd"), t.Analog.Arrays);
        costs[(int)HyflexpimComponent.AnalogRegisters] = PerArrayPs(Analog("inputRegister") + Analog("outputRegister"), t.Analog.Arrays);
        // W / (1/s) = J per conversion; x 1e12 pJ.
        costs[(int)HyflexpimComponent.Adc] = Analog("adc") * 1e-3 / (t.Analog.Adcs * t.Analog.AdcSamplesPerSecond) * 1e12;
        costs[(int)HyflexpimComponent.DigitalArrays] = PerArrayPs(Digital("arrays"), t.Digital.Arrays);
        costs[(int)HyflexpimComponent.DigitalWordLineDrivers] = PerArrayPs(Digital("wordLineDrivers"), t.Digital.Arrays);
        costs[(int)HyflexpimComponent.DigitalShiftAdd] = PerArrayPs(Digital("shiftAdd") + Digital("sampleHold"), t.Digital.Arrays);
        costs[(int)HyflexpimComponent.DigitalRegisters] = PerArrayPs(Digital("inputRegister") + Digital("outputRegister"), t.Digital.Arrays);
        costs[(int)HyflexpimComponent.Sfu] = Digital("sfu") * 1e-3;
        costs[(int)HyflexpimComponent.SharedBus] = t.LinkEnergy.SharedBusPjPerBit;
        costs[(int)HyflexpimComponent.InterPu] = t.LinkEnergy.InterPuPjPerBit;
        costs[(int)HyflexpimComponent.Pcie] = t.LinkEnergy.PciePjPerBit;
        return costs;
    }

    public static string Name(HyflexpimComponent c) => c switch
    {
        HyflexpimComponent.AnalogArrays => "analog-arrays",
        HyflexpimComponent.AnalogWordLineDrivers => "analog-word-line-drivers",
        HyflexpimComponent.Adc => "adc",
        HyflexpimComponent.AnalogSampleHold => "analog-sample-hold",
        HyflexpimComponent.AnalogShiftAdd => "analog-shift-add",
        HyflexpimComponent.AnalogRegisters => "analog-registers",
        HyflexpimComponent.DigitalArrays => "digital-arrays",
        HyflexpimComponent.DigitalWordLineDrivers => "digital-word-line-drivers",
        HyflexpimComponent.DigitalShiftAdd => "digital-shift-add",
        HyflexpimComponent.DigitalRegisters => "digital-registers",
        HyflexpimComponent.Sfu => "sfu",
        HyflexpimComponent.SharedBus => "shared-bus",
        HyflexpimComponent.InterPu => "inter-pu",
        _ => "pcie",
    };

    public static string Name(EnergyGroup g) => g switch
    {
        EnergyGroup.Analog => "analog",
        EnergyGroup.Adc => "adc",
        EnergyGroup.Digital => "digital",
        EnergyGroup.Sfu => "sfu",
        _ => "bus",
    };
}
