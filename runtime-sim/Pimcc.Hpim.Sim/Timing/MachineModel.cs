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

    /// <summary>First DRAM clock edge at or after <paramref name="ps"/>.</summary>
    public long PsToNck(long ps) => (long)Math.Ceiling(ps / TckPs - 1e-9);

    public static long CeilDiv(long a, double b) => b <= 0 ? 0 : (long)Math.Ceiling(a / b - 1e-9);

    /// <summary>NoC hops between two cores in the target's topology.</summary>
    public int Hops(int a, int b)
    {
        var noc = Target.Noc;
        if (a == b) return 0;
        switch (noc.Topology)
        {
            case NocTopology.Mesh:
                var cols = Math.Max(1, noc.MeshColumns);
                return Math.Abs(a % cols - b % cols) + Math.Abs(a / cols - b / cols);
            case NocTopology.Ring:
                var n = Target.Sram.Cores;
                var d = Math.Abs(a - b);
                return Math.Min(d, n - d);
            default:
                return 1;
        }
    }

    /// <summary>
    /// Cycles of a ring collective over the cores of <paramref name="mask"/> in core order: <paramref name="steps"/>
    /// steps, each moving <paramref name="bytesPerStep"/> over the longest neighbour link of the ring (hops x hop
    /// latency + serialisation at the link bandwidth).
    /// </summary>
    public long RingCollectiveCycles(long mask, int steps, long bytesPerStep)
    {
        var members = Members(mask);
        if (members.Count <= 1) return 0;
        var maxHops = 0;
        for (var i = 0; i < members.Count; i++)
            maxHops = Math.Max(maxHops, Hops(members[i], members[(i + 1) % members.Count]));
        var perStep = (long)maxHops * Target.Noc.HopLatencyCycles + CeilDiv(bytesPerStep, Target.Noc.LinkBytesPerCycle);
        return steps * perStep;
    }

    public static List<int> Members(long mask)
    {
        var list = new List<int>();
        for (var i = 0; i < 64; i++)
            if ((mask >> i & 1) != 0) list.Add(i);
        return list;
    }
}
