using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Targets;
using Pimcc.Targets.Hbm;

namespace Pimcc.Hpim.Sim.Report;

/// <summary>
/// hpim's roofline resources: HBM-PIM bank bandwidth, HBM external bandwidth, core HBM interfaces, bank PUs, PIM
/// macros, TCUs and VCUs, each needing at least its work / its peak rate (<see cref="RooflineBound"/>). Rates come
/// only from the target description.
/// </summary>
public static class Roofline
{
    /// <summary>All-bank MAC bandwidth of every bank: one column per bank per max(tCCDAB in force, PU column time).</summary>
    public static double HbmInternalBytesPerSecond(HpimTarget t)
    {
        var org = t.Hbm.Organization;
        var nck = Math.Max(t.Hbm.Timing.EffectiveCCDAB, HbmTimingRules.PuColumnNck(t));
        return org.Banks * (double)org.ColumnBytes / (nck * (double)t.Hbm.Timing.TckPs * 1e-12);
    }

    public static RooflineBound For(HpimTarget t, StatVector work)
    {
        var org = t.Hbm.Organization;
        var clock = (double)t.ClockHz;
        var cores = t.Sram.Cores;
        return new RooflineBound(
        [
            new("hbm-internal", "bank bytes / internal bandwidth", work.Get(Counter.HbmInternalBytes) / HbmInternalBytesPerSecond(t)),
            new("hbm-external", "channel data-bus bytes / external bandwidth", work.Get(Counter.HbmExternalBytes) / org.ExternalBytesPerSecond),
            new("core-interfaces", "core HBM load/store bytes / all core interfaces", work.Get(Counter.CoreHbmBytes) / (cores * t.Hbm.CoreInterfaceBytesPerSecond)),
            new("hbm-pu-compute", "bank MACs / all PUs' peak", work.Get(Counter.BankMacs) / ((double)org.Banks * t.Hbm.Pu.Multipliers * t.Hbm.Pu.ClockHz)),
            new("pim-macro-compute", "macro MACs / all PIM units' peak", work.Get(Counter.MacroMacs) / ((double)cores * t.Sram.PimUnit.Multipliers * clock)),
            new("tcu-compute", "TCU MACs / all TCUs' peak", work.Get(Counter.TcuMacs) / ((double)cores * t.Sram.Tcu.MacsPerCycle * clock)),
            new("vcu", "VCU element operations / all VCU lanes", work.Get(Counter.VcuOps) / ((double)cores * t.Sram.Vcu.Lanes * clock)),
        ]);
    }
}
