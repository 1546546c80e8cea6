using Pimcc.Gpu.Isa;
using Pimcc.Sim;
using Pimcc.Sim.Report;

namespace Pimcc.Gpu.Sim;

/// <summary>
/// The gpu simulation report in the shared format (<see cref="SimReportJson"/>, <c>pimcc-sim-report/1</c>): the
/// generation's latency, throughput and energy under the names every simulator uses, and per phase (prefill, decode)
/// the time and energy per report class (<c>phase.critical-path.CLASS</c>, <c>phase.energy.class.CLASS</c>: kernels
/// run one after another, so all of a class's time is on the critical path), the roofline (compute, hbm) and the
/// launch overheads. The notes say which timing mode ran (<c>mode</c>: roofline or roofline+kernel-overheads).
/// </summary>
public static class GpuSimReport
{
    public static byte[] ToJson(GpuGeneration g, GpuTarget target)
    {
        var stats = new List<ReportStat>();
        void Add(string name, string unit, string description, double value) => stats.Add(new ReportStat(name, unit, description, value));
        var m = g.Steps.Count;
        var decodeS = g.Decode.TotalSeconds;
        var joules = g.TotalJoules;
        Add("latency.total", "s", "prefill + all decode steps", g.TotalSeconds);
        Add("latency.ttft", "s", "time to first token: prefill + first decode step", g.TtftSeconds);
        Add("latency.prefill", "s", "prefill program", g.Prefill.TotalSeconds);
        Add("latency.decode.total", "s", "all decode steps", decodeS);
        Add("latency.decode.first", "s", "first decode step (kv = prompt)", m > 0 ? g.Steps[0].Seconds : 0);
        Add("latency.decode.last", "s", "last decode step", m > 0 ? g.Steps[^1].Seconds : 0);
        Add("latency.decode.mean", "s", "mean decode step", m > 0 ? decodeS / m : 0);
        Add("throughput.decode", "tokens/s", "generated tokens / decode time", decodeS > 0 ? m / decodeS : 0);
        Add("throughput.end-to-end", "tokens/s", "generated tokens / total time", g.TotalSeconds > 0 ? m / g.TotalSeconds : 0);
        Add("energy.total", "J", "prefill + decode: board power x time", joules);
        Add("energy.tokens-per-joule", "tokens/J", "generated tokens / total energy", joules > 0 ? m / joules : 0);
        Add("power.average", "W", "total energy / total time", g.TotalSeconds > 0 ? joules / g.TotalSeconds : 0);
        Add("sim.decode-steps-simulated", "count", "decode steps timed launch by launch (the rest interpolated in kv)", g.Steps.Count(s => s.Simulated));
        var notes = new List<(string, string)>
        {
            ("mode", target.Overheads.Mode),
            ("energy-model", FormattableString.Invariant($"board power {target.PowerWatts} W x time (an upper bound)")),
        };
        Phase("decode", "decode (all steps)", g.Decode, Math.Max(1, m));
        Phase("prefill", "prefill", g.Prefill, 1);
        return SimReportJson.Write(target.Name, target.Sha256, w =>
        {
            if (g.Model.Length > 0) w.WriteString("model", g.Model);
            w.WriteNumber("promptTokens", g.PromptTokens);
            w.WriteNumber("outputTokens", m);
            w.WriteString("decodeSampling", g.Steps.All(s => s.Simulated) ? "exact" : g.Sampling == DecodeSampling.Adaptive ? "adaptive" : "even");
        }, notes, stats, w =>
        {
            w.WriteStartArray("decodeSteps");
            foreach (var s in g.Steps)
            {
                w.WriteStartObject();
                w.WriteNumber("step", s.Step);
                w.WriteNumber("kv", s.Kv);
                w.WriteNumber("latency", s.Seconds);
                w.WriteBoolean("simulated", s.Simulated);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });

        void Phase(string p, string what, GpuRun r, int runs)
        {
            var total = r.TotalSeconds;
            foreach (var c in WorkClasses.All)
                Add($"{p}.critical-path.{WorkClasses.Name(c)}", "s", $"{what}: time of the {WorkClasses.Name(c)} kernels (kernels run one after another)", r.Seconds[(int)c]);
            foreach (var c in WorkClasses.All)
                Add($"{p}.critical-path-share.{WorkClasses.Name(c)}", "ratio", $"{what}: share of the latency in {WorkClasses.Name(c)} kernels", total > 0 ? r.Seconds[(int)c] / total : 0);
            Add($"{p}.energy.total", "J", $"{what}: energy (board power x time)", r.TotalJoules);
            foreach (var c in WorkClasses.All)
                Add($"{p}.energy.class.{WorkClasses.Name(c)}", "J", $"{what}: energy of the {WorkClasses.Name(c)} kernels", r.Joules[(int)c]);
            Add($"{p}.power.average", "W", $"{what}: energy / time", total > 0 ? r.TotalJoules / total : 0);
            var roof = new RooflineBound(
            [
                new RooflineResource("compute", "FLOPs / peak FP16 tensor throughput", r.Flops / target.FlopsPerSecond),
                new RooflineResource("hbm", "bytes / HBM bandwidth", r.Bytes / target.BytesPerSecond),
            ]);
            foreach (var res in roof.Resources)
                Add($"{p}.roofline.{res.Name}", "s", $"{what}: {res.Work}, per run", res.Seconds / runs);
            Add($"{p}.roofline.bound", "s", $"{what}: the target's lower bound for this work (largest of the above), per run", roof.BoundS / runs);
            Add($"{p}.roofline.achieved", "ratio", $"{what}: bound / simulated time (1 = at the roofline)", total > 0 ? roof.BoundS / total : 0);
            notes.Add(($"{p}.roofline.limiter", roof.Limiter));
            Add($"{p}.overhead.kernels", "s", $"{what}: per-kernel launch overheads included in the time (0 in mode roofline)", r.OverheadSeconds);
            Add($"{p}.count.kernels", "count", $"{what}: kernel launches", r.Kernels);
            Add($"{p}.count.flops", "count", $"{what}: FLOPs (a MAC is 2)", r.Flops);
            Add($"{p}.count.bytes", "B", $"{what}: device-memory bytes read and written", r.Bytes);
        }
    }
}
