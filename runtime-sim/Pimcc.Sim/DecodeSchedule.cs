namespace Pimcc.Sim;

/// <summary>The figures of one simulated program run that the decode schedule compares and interpolates.</summary>
public interface IRunFigures
{
    /// <summary>From the start until every stream finished.</summary>
    long MakespanPs { get; }

    /// <summary>Energy of the run, every event and static energy included (pJ).</summary>
    double TotalEnergyPj { get; }

    /// <summary>Makespan attributed to <see cref="WorkClass"/>es along the critical path (ps).</summary>
    IReadOnlyList<double> CriticalPathPs { get; }
}

/// <summary>How a generation's decode steps are chosen for simulation (<see cref="DecodeSampling"/>).</summary>
/// <param name="SampleSteps">Simulated steps when sampling (at least 2); runs of up to this many steps are always exact.</param>
/// <param name="Tolerance"><see cref="DecodeSampling.Adaptive"/>: the largest disagreement, relative to the middle step's
/// latency (energy: to its energy), between a simulated middle step and the line through its interval's ends for
/// which the interval counts as linear.</param>
public sealed record DecodeScheduleOptions(DecodeSampling Sampling, int SampleSteps, double Tolerance)
{
    /// <summary>Simulated steps every simulator uses unless asked otherwise: 16.</summary>
    public const int DefaultSampleSteps = 16;

    /// <summary>Adaptive sampling's default tolerance: 1%, the accuracy the other fast paths are held to.</summary>
    public const double DefaultTolerance = 0.01;

    /// <summary>The defaults with the requested sampling.</summary>
    public static DecodeScheduleOptions Default(DecodeSampling sampling) => new(sampling, DefaultSampleSteps, DefaultTolerance);
}

/// <summary>
/// Which decode steps of a generation a simulator runs, and how the others are interpolated linearly in kv between
/// simulated neighbours (docs/simulator.md, "Fast paths": decode steps). Target-neutral: the target runs the steps it is asked
/// for and accumulates its own statistics with the weights <see cref="Weights"/> gives.
/// </summary>
public static class DecodeSchedule
{
    /// <summary>How many decode steps the schedule plans to simulate (for progress displays).</summary>
    public static int PlannedSteps(int steps, DecodeScheduleOptions o) =>
        o.Sampling == DecodeSampling.Adaptive && steps > Math.Max(2, o.SampleSteps) ? Math.Max(3, o.SampleSteps) : SampleIndices(steps, o.Sampling, o.SampleSteps).Count;

    /// <summary>
    /// Chooses and simulates the decode steps (0-based) of a generation of <paramref name="steps"/> steps:
    /// <paramref name="simulate"/> runs a batch of steps (the steps of one batch may run side by side; the first batch
    /// also holds <paramref name="alsoSimulate"/> and, when adaptive, the middle step, the first wave's whatever the figures), <paramref name="known"/> reads a simulated step's figures. Returns
    /// every simulated step, <paramref name="alsoSimulate"/> included, by step.
    /// </summary>
    public static SortedDictionary<int, T> Simulate<T>(int steps, DecodeScheduleOptions o, IReadOnlyList<int> alsoSimulate,
        Action<IReadOnlyList<int>> simulate, Func<int, T> known) where T : IRunFigures
    {
        var simulated = new SortedDictionary<int, T>();
        if (o.Sampling == DecodeSampling.Adaptive && steps > Math.Max(2, o.SampleSteps))
        {
            // The first bisection wave is the middle step whatever the figures: it goes with the ends.
            simulate([0, steps - 1, (steps - 1) / 2, .. alsoSimulate]);
            Adaptive(steps, o, simulate, known, simulated);
        }
        else
        {
            var samples = SampleIndices(steps, o.Sampling, o.SampleSteps);
            simulate([.. samples, .. alsoSimulate]);
            foreach (var i in samples) simulated[i] = known(i);
        }
        foreach (var i in alsoSimulate) simulated[i] = known(i);
        return simulated;
    }

    /// <summary>
    /// For every step 0..<paramref name="steps"/>-1, the simulated steps its figures are taken from: itself with weight 1
    /// when simulated, else its simulated neighbours <c>A</c> and <c>B</c> with weights 1 - w and w, w = (i - A) / (B - A).
    /// </summary>
    public static IEnumerable<(int Step, int A, double WeightA, int B, double WeightB)> Weights(int steps, IReadOnlyCollection<int> simulated)
    {
        var keys = simulated.Order().ToArray();
        var set = keys.ToHashSet();
        for (var i = 0; i < steps; i++)
        {
            if (set.Contains(i))
            {
                yield return (i, i, 1, i, 0);
                continue;
            }
            var hi = Array.FindIndex(keys, k => k > i);
            int a = keys[hi - 1], b = keys[hi];
            var w = (double)(i - a) / (b - a);
            yield return (i, a, 1 - w, b, w);
        }
    }

    /// <summary>An interpolated step's latency from its neighbours' (<see cref="Weights"/>: weight <paramref name="wb"/> on
    /// <paramref name="bPs"/>), rounded to the picosecond.</summary>
    public static long InterpolatedPs(long aPs, long bPs, double wb) => (long)Math.Round(aPs + wb * (bPs - aPs));

    /// <summary>Steps to simulate: all of them, or <paramref name="samples"/> evenly spaced ones including first and last.</summary>
    public static IReadOnlyList<int> SampleIndices(int steps, DecodeSampling sampling, int samples)
    {
        if (steps <= 0) return [];
        if (sampling == DecodeSampling.Exact || steps <= Math.Max(2, samples)) return Enumerable.Range(0, steps).ToList();
        var n = Math.Max(2, samples);
        var set = new SortedSet<int>();
        for (var k = 0; k < n; k++) set.Add((int)Math.Round((double)k * (steps - 1) / (n - 1)));
        return set.ToList();
    }

    /// <summary>
    /// <see cref="DecodeSampling.Adaptive"/>: bisects the intervals between simulated steps until the middle of each
    /// lies on the line through its ends (within the tolerance), widest disagreeing interval first, within the budget.
    /// </summary>
    private static void Adaptive<T>(int m, DecodeScheduleOptions o, Action<IReadOnlyList<int>> simulate, Func<int, T> known,
        SortedDictionary<int, T> simulated) where T : IRunFigures
    {
        var budget = Math.Max(3, o.SampleSteps);
        simulated[0] = known(0);
        simulated[m - 1] = known(m - 1);
        // Intervals still to check, widest first (ties: earliest), so a spent budget leaves the samples spread out. The
        // middles of the widest open intervals are simulated together, as many as the budget allows (one wave), so
        // they can run side by side; the waves depend only on the figures, not on how many run at once.
        var open = new SortedSet<(int Negwidth, int A, int B)> { (-(m - 1), 0, m - 1) };
        while (open.Count > 0 && simulated.Count < budget)
        {
            var wave = new List<(int A, int B, int Mid)>();
            while (open.Count > 0 && simulated.Count + wave.Count < budget)
            {
                var (_, a, b) = open.Min;
                open.Remove(open.Min);
                if (b - a >= 2) wave.Add((a, b, (a + b) / 2));
            }
            simulate(wave.Select(w => w.Mid).ToList());
            foreach (var (a, b, mid) in wave)
            {
                var r = simulated[mid] = known(mid);
                if (OnLine(simulated[a], r, simulated[b], (double)(mid - a) / (b - a), o.Tolerance)) continue;
                open.Add((-(mid - a), a, mid));
                open.Add((-(b - mid), mid, b));
            }
        }
    }

    /// <summary>Whether <paramref name="mid"/> agrees with the interpolation at weight <paramref name="w"/> between its neighbours.</summary>
    private static bool OnLine<T>(T lo, T mid, T hi, double w, double tolerance) where T : IRunFigures
    {
        var scale = (double)Math.Max(1, mid.MakespanPs);
        bool Near(double a, double b, double x, double s) => Math.Abs(a + w * (b - a) - x) <= tolerance * s;
        if (!Near(lo.MakespanPs, hi.MakespanPs, mid.MakespanPs, scale)) return false;
        if (!Near(lo.TotalEnergyPj, hi.TotalEnergyPj, mid.TotalEnergyPj, Math.Abs(mid.TotalEnergyPj))) return false;
        for (var c = 0; c < mid.CriticalPathPs.Count; c++)
            if (!Near(lo.CriticalPathPs[c], hi.CriticalPathPs[c], mid.CriticalPathPs[c], scale)) return false;
        return true;
    }
}
