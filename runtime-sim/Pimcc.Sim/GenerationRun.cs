namespace Pimcc.Sim;

/// <summary>How decode steps are simulated.</summary>
public enum DecodeSampling
{
    /// <summary>Every step is simulated.</summary>
    Exact,
    /// <summary>
    /// Evenly spaced steps (first and last included) are simulated and the ones between interpolated linearly in
    /// kv. A decode step's work is linear in kv (attention over the cache), so this is exact up to tiling steps;
    /// GenerationRunTests checks it against full simulation (agreement within 1%).
    /// </summary>
    Interpolated,
}

/// <summary>A generation: the prompt is prefilled once, then <see cref="OutputTokens"/> decode steps run with kv = prompt + i (abi.md).</summary>
public sealed record GenerationRequest(int PromptLength, int OutputTokens, ProgramEntry Prefill, ProgramEntry Decode)
{
    public DecodeSampling Sampling { get; init; } = DecodeSampling.Interpolated;

    /// <summary>Simulated steps when interpolating (at least 2); runs of up to this many steps are always exact.</summary>
    public int SampleSteps { get; init; } = 16;

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
        var m = request.OutputTokens;
        var keep = request.KeepActivityRuns;
        bool Keep(int run) => keep is { } k && run >= k.First && run <= k.Last;
        ProgramRunResult RunOne(ProgramEntry e, ProgramRegisters r, int runIndex)
        {
            var s = Keep(runIndex) ? new HpimSimulator(sim.Binary, "out.bin", sim.Options with { KeepActivity = true }) : sim;
            return s.Run(e, r);
        }

        var prefill = RunOne(request.Prefill, ProgramRegisters.Prefill(request.PromptLength), 0);
        var samples = SampleIndices(m, request.Sampling, request.SampleSteps);
        List<ProgramRunResult> runs;
        var simulated = new Dictionary<int, ProgramRunResult>();
        var done = 0;
        foreach (var i in samples)
        {
            var r = RunOne(request.Decode, ProgramRegisters.Decode(request.PromptLength, i), 1 + i);
            simulated[i] = r;
            progress?.Invoke(++done, samples.Count);
        }
        // Steps inside a trace window are simulated too, so the trace shows real steps.
        if (keep is { } kw)
            for (var i = Math.Max(0, kw.First - 1); i <= Math.Min(m - 1, kw.Last - 1); i++)
                if (!simulated.ContainsKey(i))
                {
                    var r = RunOne(request.Decode, ProgramRegisters.Decode(request.PromptLength, i), 1 + i);
                    simulated[i] = r;
                }

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
        runs = [prefill, .. keys.Select(k => simulated[k])];
        return new GenerationResult
        {
            Request = request, Prefill = prefill, Steps = steps, DecodeStats = stats, DecodeCriticalPathPs = critical, SimulatedRuns = runs,
        };
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
