using System.Text.Json;

namespace Pimcc.Sim.Report;

/// <summary>One decode step of a generation: its latency, simulated or interpolated between simulated neighbours.</summary>
public sealed record DecodeStepFigure(int Step, int Kv, double Seconds, bool Simulated);

/// <summary>
/// The statistics and report parts every generation report shares, under the names the renderers, <c>pimcc sweep</c>
/// and <c>pimcc compare</c> read: latency, throughput and energy of prefill plus decode, the workload and the
/// per-step list. A target adds its own statistics after these.
/// </summary>
public static class GenerationStats
{
    /// <summary>latency.*, throughput.decode and throughput.end-to-end of a generation.</summary>
    public static void AddLatency(List<ReportStat> stats, double prefillSeconds, double decodeSeconds, IReadOnlyList<DecodeStepFigure> steps)
    {
        var m = steps.Count;
        var total = prefillSeconds + decodeSeconds;
        stats.Add(new("latency.total", "s", "prefill + all decode steps", total));
        stats.Add(new("latency.ttft", "s", "time to first token: prefill + first decode step", prefillSeconds + (m > 0 ? steps[0].Seconds : 0)));
        stats.Add(new("latency.prefill", "s", "prefill program", prefillSeconds));
        stats.Add(new("latency.decode.total", "s", "all decode steps", decodeSeconds));
        stats.Add(new("latency.decode.first", "s", "first decode step (kv = prompt)", m > 0 ? steps[0].Seconds : 0));
        stats.Add(new("latency.decode.last", "s", "last decode step", m > 0 ? steps[^1].Seconds : 0));
        stats.Add(new("latency.decode.mean", "s", "mean decode step", m > 0 ? decodeSeconds / m : 0));
        stats.Add(new("throughput.decode", "tokens/s", "generated tokens / decode time", decodeSeconds > 0 ? m / decodeSeconds : 0));
        stats.Add(new("throughput.end-to-end", "tokens/s", "generated tokens / total time", total > 0 ? m / total : 0));
    }

    /// <summary>energy.total, energy.tokens-per-joule and power.average; <paramref name="how"/> says what the energy counts.</summary>
    public static void AddEnergy(List<ReportStat> stats, double joules, double seconds, int generated, string how)
    {
        stats.Add(new("energy.total", "J", $"prefill + decode: {how}", joules));
        stats.Add(new("energy.tokens-per-joule", "tokens/J", "generated tokens / total energy", joules > 0 ? generated / joules : 0));
        stats.Add(new("power.average", "W", "total energy / total time", seconds > 0 ? joules / seconds : 0));
    }

    /// <summary>The report's workload object: model (when known), prompt and output tokens, and how decode steps were chosen.</summary>
    public static void WriteWorkload(Utf8JsonWriter w, string model, int promptTokens, IReadOnlyList<DecodeStepFigure> steps, DecodeSampling sampling)
    {
        if (model.Length > 0) w.WriteString("model", model);
        w.WriteNumber("promptTokens", promptTokens);
        w.WriteNumber("outputTokens", steps.Count);
        w.WriteString("decodeSampling", steps.All(s => s.Simulated) ? "exact" : sampling == DecodeSampling.Adaptive ? "adaptive" : "even");
    }

    /// <summary>The report's tail: <c>decodeSteps</c>, one object per step.</summary>
    public static void WriteDecodeSteps(Utf8JsonWriter w, IReadOnlyList<DecodeStepFigure> steps)
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
