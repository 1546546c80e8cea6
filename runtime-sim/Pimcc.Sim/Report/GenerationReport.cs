using System.Text.Json;

namespace Pimcc.Sim.Report;

/// <summary>One decode step's latency: simulated, or interpolated in kv between simulated neighbours.</summary>
public sealed record DecodeStepLatency(int Step, int Kv, double Seconds, bool Simulated);

/// <summary>
/// What every generation report has in common, under the same names for every simulator that runs prefill once and
/// its decode steps over the shared <see cref="DecodeSchedule"/>: the workload block, the latency, throughput and
/// energy totals, and the per-step tail (<c>decodeSteps</c>).
/// </summary>
public static class GenerationReport
{
    /// <summary>
    /// Runs the decode steps the schedule chooses (<paramref name="simulate"/>: step -> figures) and accumulates every
    /// step, simulated or interpolated, into <paramref name="accumulate"/> (figures, weight); returns each step's latency.
    /// </summary>
    public static IReadOnlyList<DecodeStepLatency> RunDecode<T>(int prompt, int generated, DecodeScheduleOptions options, Func<int, T> simulate,
        Func<T, double> seconds, Action<T, double> accumulate, Action<int, int>? progress) where T : IRunFigures
    {
        var done = new Dictionary<int, T>();
        var budget = DecodeSchedule.PlannedSteps(generated, options);
        var simulated = DecodeSchedule.Simulate(generated, options, [], steps =>
        {
            foreach (var i in steps.Where(i => !done.ContainsKey(i))) done[i] = simulate(i);
            progress?.Invoke(done.Count, Math.Max(done.Count, budget));
        }, i => done[i]);
        var list = new List<DecodeStepLatency>(generated);
        foreach (var (i, a, wa, b, wb) in DecodeSchedule.Weights(generated, simulated.Keys))
        {
            accumulate(simulated[a], wa);
            if (b != a) accumulate(simulated[b], wb);
            list.Add(new DecodeStepLatency(i, prompt + i, wa * seconds(simulated[a]) + (b != a ? wb * seconds(simulated[b]) : 0), a == b));
        }
        return list;
    }

    /// <summary>The totals of a generation: latency, throughput, energy, average power.</summary>
    public static void AddTotals(List<ReportStat> stats, double prefillSeconds, double decodeSeconds, double joules, IReadOnlyList<DecodeStepLatency> steps, string energyWhat)
    {
        void Add(string name, string unit, string description, double value) => stats.Add(new ReportStat(name, unit, description, value));
        var m = steps.Count;
        var total = prefillSeconds + decodeSeconds;
        Add("latency.total", "s", "prefill + all decode steps", total);
        Add("latency.ttft", "s", "time to first token: prefill + first decode step", prefillSeconds + (m > 0 ? steps[0].Seconds : 0));
        Add("latency.prefill", "s", "prefill program", prefillSeconds);
        Add("latency.decode.total", "s", "all decode steps", decodeSeconds);
        Add("latency.decode.first", "s", "first decode step (kv = prompt)", m > 0 ? steps[0].Seconds : 0);
        Add("latency.decode.last", "s", "last decode step", m > 0 ? steps[^1].Seconds : 0);
        Add("latency.decode.mean", "s", "mean decode step", m > 0 ? decodeSeconds / m : 0);
        Add("throughput.decode", "tokens/s", "generated tokens / decode time", decodeSeconds > 0 ? m / decodeSeconds : 0);
        Add("throughput.end-to-end", "tokens/s", "generated tokens / total time", total > 0 ? m / total : 0);
        Add("energy.total", "J", $"prefill + decode: {energyWhat}", joules);
        Add("energy.tokens-per-joule", "tokens/J", "generated tokens / total energy", joules > 0 ? m / joules : 0);
        Add("power.average", "W", "total energy / total time", total > 0 ? joules / total : 0);
        Add("sim.decode-steps-simulated", "count", "decode steps simulated (the rest interpolated in kv)", steps.Count(s => s.Simulated));
    }

    /// <summary>The totals of a prefill-only run (an encoder's inference: no decode step, so no decode figure):
    /// latency, energy, average power.</summary>
    public static void AddPrefillOnlyTotals(List<ReportStat> stats, double prefillSeconds, double joules, string energyWhat)
    {
        stats.Add(new ReportStat("latency.total", "s", "the prefill program (one inference; the binary has no decode program)", prefillSeconds));
        stats.Add(new ReportStat("latency.prefill", "s", "prefill program", prefillSeconds));
        stats.Add(new ReportStat("energy.total", "J", $"prefill: {energyWhat}", joules));
        stats.Add(new ReportStat("power.average", "W", "total energy / total time", prefillSeconds > 0 ? joules / prefillSeconds : 0));
    }

    /// <summary>The workload block: model, prompt and generated tokens, how the decode steps were sampled.</summary>
    public static Action<Utf8JsonWriter> Workload(string model, int prompt, IReadOnlyList<DecodeStepLatency> steps, DecodeSampling sampling) => w =>
    {
        if (model.Length > 0) w.WriteString("model", model);
        w.WriteNumber("promptTokens", prompt);
        w.WriteNumber("outputTokens", steps.Count);
        w.WriteString("decodeSampling", steps.All(s => s.Simulated) ? "exact" : sampling == DecodeSampling.Adaptive ? "adaptive" : "even");
    };

    /// <summary>The per-step tail: every decode step's kv, latency and whether it was simulated.</summary>
    public static void WriteDecodeSteps(Utf8JsonWriter w, IReadOnlyList<DecodeStepLatency> steps)
    {
        w.WriteStartArray("decodeSteps");
        foreach (var s in steps)
        {
            w.WriteStartObject();
            w.WriteNumber("step", s.Step);
            w.WriteNumber("kv", s.Kv);
            w.WriteNumber("latency", s.Seconds);
            w.WriteBoolean("simulated", s.Simulated);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
