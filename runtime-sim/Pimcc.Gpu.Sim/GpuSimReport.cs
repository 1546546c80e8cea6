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
        GenerationReport.AddTotals(stats, g.Prefill.TotalSeconds, g.Decode.TotalSeconds, g.TotalJoules, g.Steps, "board power x time");
        var notes = new List<(string, string)>
        {
            ("mode", target.Overheads.Mode),
            ("energy-model", FormattableString.Invariant($"board power {target.PowerWatts} W x time (an upper bound)")),
        };
        Phase("decode", "decode (all steps)", g.Decode, Math.Max(1, m));
        Phase("prefill", "prefill", g.Prefill, 1);
        return SimReportJson.Write(target.Name, target.Sha256, GenerationReport.Workload(g.Model, g.PromptTokens, g.Steps, g.Sampling), notes, stats,
            w => GenerationReport.WriteDecodeSteps(w, g.Steps));

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
