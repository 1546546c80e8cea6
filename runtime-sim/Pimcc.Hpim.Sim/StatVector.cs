using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Sim;

/// <summary>Energy subsystems of the report.</summary>
public enum EnergySubsystem
{
    /// <summary>SRAM-PIM core compute: PIM macros, TCU, VCU, SCU, transpose.</summary>
    SramCompute,
    /// <summary>SRAM-PIM local (activation/temp) memory accesses.</summary>
    LocalMemory,
    /// <summary>DRAM array: activations and in-bank column accesses, refresh.</summary>
    DramArray,
    /// <summary>DRAM data path off the bank: bank group, global I/O, TSV, interposer.</summary>
    DramIo,
    /// <summary>Near-bank PUs and global buffers.</summary>
    HbmPu,
    Noc,
    Static,
}

/// <summary>Counters of <see cref="StatVector"/> that are not per unit, class or energy cell.</summary>
public enum Counter
{
    Instructions,
    Commands,
    BankMacs,
    MacroMacs,
    TcuMacs,
    VcuOps,
    HbmInternalBytes,
    HbmExternalBytes,
    CoreHbmBytes,
    NocBytes,
    DramActivates,
    Refreshes,
    SkippedIterations,
}

/// <summary>
/// Every additive quantity of one program run in one flat vector, so that fast paths can scale a measured
/// iteration (x K) and a generation run can add and interpolate steps without knowing what each entry is.
/// Layout: unit busy time (ps, summed over cores/channels), class busy time (ps), energy (pJ) by subsystem x
/// class, counters.
/// </summary>
public sealed class StatVector
{
    public static readonly int Units = Enum.GetValues<Unit>().Length;
    public static readonly int Classes = WorkClasses.Count;
    public static readonly int Subsystems = Enum.GetValues<EnergySubsystem>().Length;
    public static readonly int Counters = Enum.GetValues<Counter>().Length;

    private static readonly int ClassBase = Units;
    private static readonly int EnergyBase = ClassBase + Classes;
    private static readonly int CounterBase = EnergyBase + Subsystems * Classes;
    public static readonly int Length = CounterBase + Counters;

    public double[] V { get; }

    public StatVector() => V = new double[Length];

    private StatVector(double[] v) => V = v;

    public StatVector Clone() => new((double[])V.Clone());

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void AddBusy(Unit unit, WorkClass cls, double ps)
    {
        V[(int)unit] += ps;
        V[ClassBase + (int)cls] += ps;
    }

    /// <summary>Index in <see cref="V"/> of the energy cell of <paramref name="s"/> x <paramref name="cls"/> (cells of one subsystem are consecutive by class).</summary>
    internal static int EnergyIndex(EnergySubsystem s, WorkClass cls) => EnergyBase + (int)s * Classes + (int)cls;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void AddEnergy(EnergySubsystem s, WorkClass cls, double pj) => V[EnergyIndex(s, cls)] += pj;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(Counter c, double amount) => V[CounterBase + (int)c] += amount;

    public double UnitBusy(Unit u) => V[(int)u];
    public double ClassBusy(WorkClass c) => V[ClassBase + (int)c];
    public double Energy(EnergySubsystem s, WorkClass c) => V[EnergyIndex(s, c)];
    public double Get(Counter c) => V[CounterBase + (int)c];

    public double EnergyOf(EnergySubsystem s)
    {
        double sum = 0;
        for (var c = 0; c < Classes; c++) sum += V[EnergyIndex(s, (WorkClass)c)];
        return sum;
    }

    public double EnergyOf(WorkClass c)
    {
        double sum = 0;
        for (var s = 0; s < Subsystems; s++) sum += V[EnergyBase + s * Classes + (int)c];
        return sum;
    }

    public double TotalEnergy
    {
        get
        {
            double sum = 0;
            for (var i = EnergyBase; i < CounterBase; i++) sum += V[i];
            return sum;
        }
    }

    /// <summary>this += k x (after - before): replays a measured span k more times.</summary>
    public void AddScaledDifference(StatVector after, StatVector before, double k)
    {
        for (var i = 0; i < V.Length; i++) V[i] += k * (after.V[i] - before.V[i]);
    }

    public void CopyFrom(StatVector other) => Array.Copy(other.V, V, V.Length);

    public void AddScaled(StatVector other, double k)
    {
        for (var i = 0; i < V.Length; i++) V[i] += k * other.V[i];
    }
}
