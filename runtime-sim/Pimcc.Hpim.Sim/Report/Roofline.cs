using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Targets;
using Pimcc.Targets.Hbm;

namespace Pimcc.Hpim.Sim.Report;

/// <summary>
/// The target's bound for a given amount of work: each resource (HBM-PIM bank bandwidth, HBM external bandwidth,
/// core HBM interfaces, PIM macros, TCUs, VCUs) needs at least work / peak rate; the resources overlap, so the
/// bound is the largest of these times. Rates come only from the target description.
/// </summary>
public sealed record Roofline(double HbmInternalS, double HbmExternalS, double CoreInterfaceS, double HbmPuComputeS,
    double MacroComputeS, double TcuComputeS, double VcuS)
{
    public double BoundS => new[] { HbmInternalS, HbmExternalS, CoreInterfaceS, HbmPuComputeS, MacroComputeS, TcuComputeS, VcuS }.Max();

    /// <summary>Name of the resource that sets the bound.</summary>
    public string Limiter
    {
        get
        {
            (string, double)[] all = [("hbm-internal-bandwidth", HbmInternalS), ("hbm-external-bandwidth", HbmExternalS), ("core-hbm-interfaces", CoreInterfaceS),
                ("hbm-pu-compute", HbmPuComputeS), ("pim-macro-compute", MacroComputeS), ("tcu-compute", TcuComputeS), ("vcu", VcuS)];
            return all.OrderByDescending(x => x.Item2).First().Item1;
        }
    }

    /// <summary>All-bank MAC bandwidth of every bank: one column per bank per max(tCCDAB in force, PU column time).</summary>
    public static double HbmInternalBytesPerSecond(HpimTarget t)
    {
        var org = t.Hbm.Organization;
        var nck = Math.Max(t.Hbm.Timing.EffectiveCCDAB, HbmTimingRules.PuColumnNck(t));
        return org.Banks * (double)org.ColumnBytes / (nck * (double)t.Hbm.Timing.TckPs * 1e-12);
    }

    public static Roofline For(HpimTarget t, StatVector work)
    {
        var org = t.Hbm.Organization;
        var clock = (double)t.ClockHz;
        var cores = t.Sram.Cores;
        return new Roofline(
            work.Get(Counter.HbmInternalBytes) / HbmInternalBytesPerSecond(t),
            work.Get(Counter.HbmExternalBytes) / org.ExternalBytesPerSecond,
            work.Get(Counter.CoreHbmBytes) / (cores * t.Hbm.CoreInterfaceBytesPerSecond),
            work.Get(Counter.BankMacs) / ((double)org.Banks * t.Hbm.Pu.Multipliers * t.Hbm.Pu.ClockHz),
            work.Get(Counter.MacroMacs) / ((double)cores * t.Sram.PimUnit.Multipliers * clock),
            work.Get(Counter.TcuMacs) / ((double)cores * t.Sram.Tcu.MacsPerCycle * clock),
            work.Get(Counter.VcuOps) / ((double)cores * t.Sram.Vcu.Lanes * clock));
    }
}
