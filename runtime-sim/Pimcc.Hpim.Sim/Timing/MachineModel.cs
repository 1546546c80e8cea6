using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Targets;
using Pimcc.Targets.Dram;
using Pimcc.Targets.Hbm;

namespace Pimcc.Hpim.Sim.Timing;

/// <summary>
/// Everything the timing model derives from the resolved target, in simulator units (picoseconds, bytes per
/// picosecond, cycles). Computed once per run; the single place that turns description values into costs.
/// </summary>
internal sealed class MachineModel
{
    public MachineModel(HpimTarget target)
    {
        Target = target;
        CyclePs = (long)Math.Round(target.CyclePs);
        var t = target.Hbm.Timing;
        TckPs = (double)t.TckPs;
        var sram = target.Sram;
        LocalBytesPerCycle = sram.LocalMemory.BytesPerCycle;
        var org = target.Hbm.Organization;
        InterfaceBytesPerPs = target.Hbm.CoreInterfaceBytesPerSecond / 1e12;
        ChannelBytesPerPs = org.ChannelBytesPerSecond / 1e12;
        // A core load opens a row and reads it out: ACT -> RD (tRCD) -> data (CL + BL), in DRAM clocks.
        HbmAccessLatencyPs = NckToPs(t.RCDRD + t.CL + t.BL);
        PuColumnNck = HbmTimingRules.PuColumnNck(target);
        Dram = HbmTimingRules.Standard(target);
        TicksPerClock = Dram.Clocking.TicksPerClock;
        TickPs = TckPs / TicksPerClock;
        ColumnBits = org.ColumnBytes * 8;
        ElementsPerColumn = org.ColumnBytes / target.ElementBytes;
        Energy = new EnergyCosts(target);
    }

    /// <summary>Cost of every declared energy event for this description; the one way agents charge energy.</summary>
    public EnergyCosts Energy { get; }

    public HpimTarget Target { get; }
    public long CyclePs { get; }
    public double TckPs { get; }
    public double LocalBytesPerCycle { get; }
    public double InterfaceBytesPerPs { get; }
    public double ChannelBytesPerPs { get; }
    public long HbmAccessLatencyPs { get; }
    public int PuColumnNck { get; }
    /// <summary>One HBM channel as a DRAM standard, built (and compiled) once for every channel agent of every run.</summary>
    public DramStandard Dram { get; }
    public long ColumnBits { get; }
    public long ElementsPerColumn { get; }

    public long Cycles(long n) => n * CyclePs;

    public long NckToPs(long nck) => (long)Math.Round(nck * TckPs);

    /// <summary>The DRAM engine's time unit: command clocks, or half clocks when row commands take half clocks.</summary>
    public int TicksPerClock { get; }
    public double TickPs { get; }

    public long TicksToPs(long ticks) => (long)Math.Round(ticks * TickPs);

    /// <summary>First DRAM engine tick at or after <paramref name="ps"/>.</summary>
    public long PsToTicks(long ps) => (long)Math.Ceiling(ps / TickPs - 1e-9);

    /// <summary>First DRAM clock edge at or after <paramref name="ps"/>.</summary>
    public long PsToNck(long ps) => (long)Math.Ceiling(ps / TckPs - 1e-9);

    public static long CeilDiv(long a, double b) => b <= 0 ? 0 : (long)Math.Ceiling(a / b - 1e-9);

    /// <summary>The cores' network (the shared NoC model).</summary>
    public Pimcc.Sim.Interconnect.Noc Noc => _noc ??= new Pimcc.Sim.Interconnect.Noc(Target.Noc, Target.Sram.Cores);

    private Pimcc.Sim.Interconnect.Noc? _noc;

    /// <summary>NoC hops between two cores in the target's topology.</summary>
    public int Hops(int a, int b) => Noc.Hops(a, b);

    /// <summary>Cycles of a ring collective over the cores of <paramref name="mask"/> in core order (<see cref="Pimcc.Sim.Interconnect.Noc.RingCollectiveCycles"/>).</summary>
    public long RingCollectiveCycles(long mask, int steps, long bytesPerStep) => Noc.RingCollectiveCycles(Pimcc.Sim.Interconnect.Noc.Members(mask), steps, bytesPerStep);
}
