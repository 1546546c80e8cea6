using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
namespace Pimcc.Hpim.Sim;

/// <summary>A generation: the prompt is prefilled once, then <see cref="OutputTokens"/> decode steps run with kv = prompt + i (abi.md).</summary>
public sealed record GenerationRequest(int PromptLength, int OutputTokens, ProgramEntry Prefill, ProgramEntry Decode)
{
    public DecodeSampling Sampling { get; init; } = DecodeSampling.Interpolated;

    /// <summary>Simulated steps when interpolating (at least 2); runs of up to this many steps are always exact.</summary>
    public int SampleSteps { get; init; } = 16;

    /// <summary>
    /// <see cref="DecodeSampling.Adaptive"/>: largest disagreement (relative to the middle step's latency; energy
    /// relative to its energy) between a simulated middle step and the line through its interval's ends for which the
    /// interval counts as linear. 1%, the accuracy the other fast paths are held to: real decode steps are a staircase
    /// in kv (one KV block of positions per stair, about 1% of a step on OPT-1.3B), so a tighter tolerance only spends
    /// the budget on stairs, which average out over the interval.
    /// </summary>
    public double Tolerance { get; init; } = 0.01;

    /// <summary>
    /// Simulate programs that declare their layers with a few layer counts and extrapolate (<see cref="LayerSampling"/>);
    /// false: every layer of every simulated run. Traced runs always run every layer.
    /// </summary>
    public bool SampleLayers { get; init; } = true;

    /// <summary>Program runs to keep activity logs for (trace window), by run index: 0 = prefill, 1 + i = decode step i.</summary>
    public (int First, int Last)? KeepActivityRuns { get; init; }
}

/// <summary>One decode step's figures: simulated, or interpolated between simulated neighbours.</summary>
public sealed record DecodeStep(int Step, int Kv, long LatencyPs, bool Simulated);

/// <summary>Result of a <see cref="GenerationRun"/>.</summary>
public sealed record GenerationResult
{
    public required GenerationRequest Request { get; init; }
    public required ProgramRunResult Prefill { get; init; }
    public required IReadOnlyList<DecodeStep> Steps { get; init; }
    /// <summary>Sum over all decode steps (interpolated ones included) of every statistic.</summary>
    public required StatVector DecodeStats { get; init; }
    /// <summary>Sum over all decode steps of the critical-path attribution (ps).</summary>
    public required double[] DecodeCriticalPathPs { get; init; }
    /// <summary>The simulated program runs (prefill first), with activity logs where requested.</summary>
    public required IReadOnlyList<ProgramRunResult> SimulatedRuns { get; init; }

    public long DecodePs => Steps.Sum(s => s.LatencyPs);
    public long TotalPs => Prefill.MakespanPs + DecodePs;
    /// <summary>Time to first token: prefill plus the first decode step (abi.md).</summary>
    public long TtftPs => Prefill.MakespanPs + (Steps.Count > 0 ? Steps[0].LatencyPs : 0);
}

/// <summary>Prefill once, decode M times (abi.md), with optional interpolation of decode steps.</summary>
public static class GenerationRun
{
    public static GenerationResult Run(HpimSimulator sim, GenerationRequest request, Action<int, int>? progress = null)
    {
        // never more than the binary was compiled for, whoever builds the request (docs/simulator.md, "Workload")
        RequestedWorkload.ForTiming(sim.Binary, sim.FileName, request.PromptLength, request.OutputTokens);
        var m = request.OutputTokens;
        var keep = request.KeepActivityRuns;
        bool Keep(int run) => keep is { } k && run >= k.First && run <= k.Last;
        var traced = keep is null ? null : new HpimSimulator(sim.Binary, sim.FileName, sim.Options with { KeepActivity = true });
        (ProgramEntry, ProgramRegisters) Program(int run) => run == 0
            ? (request.Prefill, ProgramRegisters.Prefill(request.PromptLength))
            : (request.Decode, ProgramRegisters.Decode(request.PromptLength, run - 1));
        // Runs 0 = prefill and 1 + i = decode step i, simulated together (traced ones whole, with activity logs).
        var done = new Dictionary<int, ProgramRunResult>();
        var budget = 0;
        void Simulate(IReadOnlyList<int> runs)
        {
            var fresh = runs.Where(r => !done.ContainsKey(r)).Distinct().ToList();
            var plain = fresh.Where(r => !Keep(r)).ToList();
            var results = LayerSampling.RunAll(sim, plain.Select(Program).ToList(), request.SampleLayers);
            for (var i = 0; i < plain.Count; i++) done[plain[i]] = results[i];
            foreach (var r in fresh.Where(Keep))
            {
                var (e, regs) = Program(r);
                done[r] = traced!.Run(e, regs);
            }
            progress?.Invoke(done.Count, Math.Max(done.Count, budget));
        }

        var simulated = new Dictionary<int, ProgramRunResult>();
        // Steps inside a trace window are simulated too, so the trace shows real steps.
        List<int> window = [];
        if (keep is { } kw)
            for (var i = Math.Max(0, kw.First - 1); i <= Math.Min(m - 1, kw.Last - 1); i++) window.Add(i);
        if (request.Sampling == DecodeSampling.Adaptive && m > Math.Max(2, request.SampleSteps))
        {
            budget = 1 + Math.Max(3, request.SampleSteps);
            Simulate([0, 1, m, .. window.Select(i => 1 + i)]);
            AdaptiveSteps(m, request, steps => Simulate([.. steps.Select(i => 1 + i)]), i => done[1 + i], simulated);
        }
        else
        {
            var samples = SampleIndices(m, request.Sampling, request.SampleSteps);
            budget = 1 + samples.Count;
            Simulate([0, .. samples.Select(i => 1 + i), .. window.Select(i => 1 + i)]);
            foreach (var i in samples) simulated[i] = done[1 + i];
        }
        foreach (var i in window) simulated[i] = done[1 + i];
        var prefill = done[0];

        var steps = new List<DecodeStep>(m);
        var stats = new StatVector();
        var critical = new double[WorkClasses.Count];
        var keys = simulated.Keys.Order().ToArray();
        for (var i = 0; i < m; i++)
        {
            if (simulated.TryGetValue(i, out var r))
            {
                steps.Add(new DecodeStep(i, request.PromptLength + i, r.MakespanPs, true));
                stats.AddScaled(r.Stats, 1);
                for (var c = 0; c < critical.Length; c++) critical[c] += r.CriticalPathPs[c];
                continue;
            }
            var hi = Array.FindIndex(keys, k => k > i);
            int a = keys[hi - 1], b = keys[hi];
            var w = (double)(i - a) / (b - a);
            var ra = simulated[a];
            var rb = simulated[b];
            steps.Add(new DecodeStep(i, request.PromptLength + i, (long)Math.Round(ra.MakespanPs + w * (rb.MakespanPs - ra.MakespanPs)), false));
            stats.AddScaled(ra.Stats, 1 - w);
            stats.AddScaled(rb.Stats, w);
            for (var c = 0; c < critical.Length; c++) critical[c] += (1 - w) * ra.CriticalPathPs[c] + w * rb.CriticalPathPs[c];
        }
        List<ProgramRunResult> runs = [prefill, .. keys.Select(k => simulated[k])];
        return new GenerationResult
        {
            Request = request, Prefill = prefill, Steps = steps, DecodeStats = stats, DecodeCriticalPathPs = critical, SimulatedRuns = runs,
        };
    }

    /// <summary>
    /// <see cref="DecodeSampling.Adaptive"/>: bisects the intervals between simulated steps until the middle of each
    /// lies on the line through its ends (within the tolerance), widest disagreeing interval first, within the budget.
    /// </summary>
    private static void AdaptiveSteps(int m, GenerationRequest request, Action<IReadOnlyList<int>> simulate, Func<int, ProgramRunResult> known,
        Dictionary<int, ProgramRunResult> simulated)
    {
        var budget = Math.Max(3, request.SampleSteps);
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
                if (OnLine(simulated[a], r, simulated[b], (double)(mid - a) / (b - a), request.Tolerance)) continue;
                open.Add((-(mid - a), a, mid));
                open.Add((-(b - mid), mid, b));
            }
        }
    }

    /// <summary>Whether <paramref name="mid"/> agrees with the interpolation at weight <paramref name="w"/> between its neighbours.</summary>
    private static bool OnLine(ProgramRunResult lo, ProgramRunResult mid, ProgramRunResult hi, double w, double tolerance)
    {
        var scale = (double)Math.Max(1, mid.MakespanPs);
        bool Near(double a, double b, double x, double s) => Math.Abs(a + w * (b - a) - x) <= tolerance * s;
        if (!Near(lo.MakespanPs, hi.MakespanPs, mid.MakespanPs, scale)) return false;
        if (!Near(lo.Stats.TotalEnergy, hi.Stats.TotalEnergy, mid.Stats.TotalEnergy, Math.Abs(mid.Stats.TotalEnergy))) return false;
        for (var c = 0; c < mid.CriticalPathPs.Length; c++)
            if (!Near(lo.CriticalPathPs[c], hi.CriticalPathPs[c], mid.CriticalPathPs[c], scale)) return false;
        return true;
    }

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
}
