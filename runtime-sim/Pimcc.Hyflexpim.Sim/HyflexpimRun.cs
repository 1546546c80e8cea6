using Pimcc.Hyflexpim.Isa;
using Pimcc.Sim;

namespace Pimcc.Hyflexpim.Sim;

/// <summary>What a run's work counts: the counters the report shows besides time and energy.</summary>
public enum RunCount
{
    /// <summary>Array reads of the analog crossbars (arrays x tokens of every ag.gemv).</summary>
    ArrayReads,
    /// <summary>Of those, reads of SLC arrays.</summary>
    SlcArrayReads,
    /// <summary>ADC conversions (every column of every array read, per input bit).</summary>
    AdcConversions,
    /// <summary>INT8 multiplies in the digital PIM (dg.qk, dg.sv).</summary>
    DigitalMultiplies,
    /// <summary>KV rows written (dg.kvw).</summary>
    KvRowsWritten,
    /// <summary>Element passes through the SFUs.</summary>
    SfuElementPasses,
    /// <summary>Bytes over the shared buses, the inter-PU interconnect, PCIe between chips and the host I/O.</summary>
    SharedBusBytes,
    InterPuBytes,
    PcieBytes,
    HostIoBytes,
    /// <summary>Time transfers waited for a busy shared bus (ps).</summary>
    SharedBusWaitPs,
    /// <summary>Instructions executed.</summary>
    Instructions,
}

/// <summary>
/// The figures of one program run (prefill, or a decode step at one position) on hyflexpim: the makespan, the energy of
/// each declared event (<see cref="HyflexpimEnergyEvents"/>), each unit's busy time summed over its instances, the
/// pipeline interval (the busiest single resource's busy time: the steady-state time per run with independent requests
/// in flight) and counters. Runs add with weights (<see cref="AddScaled"/>) for interpolated decode steps.
/// </summary>
public sealed class HyflexpimRun : IRunFigures
{
    public static readonly HyflexpimUnit[] Units = [HyflexpimUnit.Analog, HyflexpimUnit.Digital, HyflexpimUnit.Sfu, HyflexpimUnit.SharedBus,
        HyflexpimUnit.InterPu, HyflexpimUnit.Pcie, HyflexpimUnit.Io];

    public double Makespan { get; private set; }

    /// <summary>Count of each energy event (in its unit) and its energy (pJ), by component.</summary>
    public double[] EventCounts { get; } = new double[HyflexpimEnergyEvents.Count];
    public double[] EnergyPj { get; } = new double[HyflexpimEnergyEvents.Count];

    /// <summary>Busy time of each unit kind, summed over PUs, modules and links (ps).</summary>
    public double[] BusyPs { get; } = new double[Enum.GetValues<HyflexpimUnit>().Length];

    public double[] Counts { get; } = new double[Enum.GetValues<RunCount>().Length];

    /// <summary>The busiest resource's busy time (ps) and its name.</summary>
    public double IntervalPs { get; private set; }
    public string Bottleneck { get; private set; } = "";

    public long MakespanPs => (long)Math.Round(Makespan);
    public double TotalEnergyPj => EnergyPj.Sum();
    public IReadOnlyList<double> CriticalPathPs => [];

    public double EnergyOf(EnergyGroup g) => HyflexpimEnergyEvents.All.Where(e => e.Group == g).Sum(e => EnergyPj[(int)e.Component]);

    internal void Charge(HyflexpimComponent c, double count, double[] costs)
    {
        EventCounts[(int)c] += count;
        EnergyPj[(int)c] += count * costs[(int)c];
    }

    internal void Finish(long makespanPs, IEnumerable<(string Name, long BusyPs)> resources)
    {
        Makespan = makespanPs;
        foreach (var (name, busy) in resources.OrderBy(r => r.Name, StringComparer.Ordinal))
            if (busy > IntervalPs) (IntervalPs, Bottleneck) = (busy, name);
    }

    /// <summary>Adds <paramref name="weight"/> x <paramref name="other"/> to this run's figures (the bottleneck's name is the last added's).</summary>
    public void AddScaled(HyflexpimRun other, double weight)
    {
        Makespan += weight * other.Makespan;
        IntervalPs += weight * other.IntervalPs;
        if (other.Bottleneck.Length > 0) Bottleneck = other.Bottleneck;
        for (var i = 0; i < EnergyPj.Length; i++)
        {
            EventCounts[i] += weight * other.EventCounts[i];
            EnergyPj[i] += weight * other.EnergyPj[i];
        }
        for (var i = 0; i < BusyPs.Length; i++) BusyPs[i] += weight * other.BusyPs[i];
        for (var i = 0; i < Counts.Length; i++) Counts[i] += weight * other.Counts[i];
    }
}
