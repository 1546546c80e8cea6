using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
namespace Pimcc.Hpim.Sim;

/// <summary>A generation: the prompt is prefilled once, then <see cref="OutputTokens"/> decode steps run with kv = prompt + i (abi.md).</summary>
public sealed record GenerationRequest(int PromptLength, int OutputTokens, ProgramEntry Prefill, ProgramEntry Decode)
{
    public DecodeSampling Sampling { get; init; } = DecodeSampling.Interpolated;

    /// <summary>Simulated steps when interpolating (at least 2); runs of up to this many steps are always exact.</summary>
    public int SampleSteps { get; init; } = DecodeScheduleOptions.DefaultSampleSteps;

    /// <summary>
    /// <see cref="DecodeSampling.Adaptive"/>: largest disagreement (relative to the middle step's latency; energy
    /// relative to its energy) between a simulated middle step and the line through its interval's ends for which the
    /// interval counts as linear. 1%, the accuracy the other fast paths are held to: real decode steps are a staircase
    /// in kv (one KV block of positions per stair, about 1% of a step on OPT-1.3B), so a tighter tolerance only spends
    /// the budget on stairs, which average out over the interval.
    /// </summary>
    public double Tolerance { get; init; } = DecodeScheduleOptions.DefaultTolerance;

    /// <summary>
    /// Simulate programs that declare their layers with a few layer counts and extrapolate (<see cref="LayerSampling"/>);
    /// false: every layer of every simulated run.
    /// </summary>
    public bool SampleLayers { get; init; } = true;

    /// <summary>Program runs to keep activity logs for (trace window), by run index: 0 = prefill, 1 + i = decode step i.</summary>
    public (int First, int Last)? KeepActivityRuns { get; init; }

    /// <summary>
    /// Layers of each traced run. Traced runs run once more for the trace alone (their figures come from their untraced
    /// run, as for any other run, so a trace never changes the report); a program that declares more layers runs only
    /// this many for its trace. Null: every layer.
    /// </summary>
    public int? TraceLayers { get; init; }
}

/// <summary>A run that kept its activity log for the trace: its run index (0 = prefill, 1 + i = decode step i) and, when
/// it ran fewer layers than its program declares, how many of how many.</summary>
public sealed record TracedProgramRun(int Run, ProgramRunResult Result, (int Ran, int Of)? Layers);

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
    /// <summary>The simulated program runs (prefill first) whose figures the result holds.</summary>
    public required IReadOnlyList<ProgramRunResult> SimulatedRuns { get; init; }

    /// <summary>The runs with activity logs, in run order (see <see cref="GenerationRequest.TraceLayers"/>).</summary>
    public IReadOnlyList<TracedProgramRun> TracedRuns { get; init; } = [];

    public long DecodePs => Steps.Sum(s => s.LatencyPs);
    public long TotalPs => Prefill.MakespanPs + DecodePs;
    /// <summary>Time to first token: prefill plus the first decode step (abi.md).</summary>
    public long TtftPs => Prefill.MakespanPs + (Steps.Count > 0 ? Steps[0].LatencyPs : 0);
}

/// <summary>Prefill once, decode M times (abi.md), the decode steps chosen and interpolated by the shared <see cref="DecodeSchedule"/>.</summary>
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
        var schedule = new DecodeScheduleOptions(request.Sampling, request.SampleSteps, request.Tolerance);
        var budget = 1 + DecodeSchedule.PlannedSteps(m, schedule);
        // Runs 0 = prefill and 1 + i = decode step i, simulated together (traced ones whole, with activity logs); the
        // prefill runs beside the schedule's first batch.
        var done = new Dictionary<int, ProgramRunResult>();
        // Traced runs run again apart, with activity logs (and fewer layers if asked): a trace never changes the figures.
        var traces = new SortedDictionary<int, TracedProgramRun>();
        // The decode steps of later batches also run what the earlier ones needed beyond their first layer window.
        var history = new LayerSampling.History();
        void Simulate(IReadOnlyList<int> runs)
        {
            var fresh = runs.Where(r => !done.ContainsKey(r)).Distinct().ToList();
            var results = LayerSampling.RunAll(sim, fresh.Select(Program).ToList(), request.SampleLayers, history);
            for (var i = 0; i < fresh.Count; i++) done[fresh[i]] = results[i];
            foreach (var r in fresh.Where(Keep))
            {
                var (e, regs) = Program(r);
                var shortened = request.TraceLayers is { } k && e.Layers is { } l && l.Count > k ? (k, l.Count) : ((int, int)?)null;
                traces[r] = new TracedProgramRun(r, traced!.Run(e, regs, shortened?.Item1), shortened);
            }
            progress?.Invoke(done.Count, Math.Max(done.Count, budget));
        }

        // Steps inside a trace window are simulated too, so the trace shows real steps.
        List<int> window = [];
        if (keep is { } kw)
            for (var i = Math.Max(0, kw.First - 1); i <= Math.Min(m - 1, kw.Last - 1); i++) window.Add(i);
        var simulated = DecodeSchedule.Simulate(m, schedule, window,
            steps => Simulate([.. done.ContainsKey(0) ? [] : new[] { 0 }, .. steps.Select(i => 1 + i)]), i => done[1 + i]);
        if (!done.ContainsKey(0)) Simulate([0]);
        var prefill = done[0];

        var steps = new List<DecodeStep>(m);
        var stats = new StatVector();
        var critical = new double[WorkClasses.Count];
        foreach (var (i, a, wa, b, wb) in DecodeSchedule.Weights(m, simulated.Keys))
        {
            var ra = simulated[a];
            var rb = simulated[b];
            if (a == b)
            {
                steps.Add(new DecodeStep(i, request.PromptLength + i, ra.MakespanPs, true));
                stats.AddScaled(ra.Stats, 1);
                for (var c = 0; c < critical.Length; c++) critical[c] += ra.CriticalPathPs[c];
                continue;
            }
            steps.Add(new DecodeStep(i, request.PromptLength + i, DecodeSchedule.InterpolatedPs(ra.MakespanPs, rb.MakespanPs, wb), false));
            stats.AddScaled(ra.Stats, wa);
            stats.AddScaled(rb.Stats, wb);
            for (var c = 0; c < critical.Length; c++) critical[c] += wa * ra.CriticalPathPs[c] + wb * rb.CriticalPathPs[c];
        }
        List<ProgramRunResult> runs = [prefill, .. simulated.Values];
        return new GenerationResult
        {
            Request = request, Prefill = prefill, Steps = steps, DecodeStats = stats, DecodeCriticalPathPs = critical, SimulatedRuns = runs,
            TracedRuns = [.. traces.Values],
        };
    }
}
