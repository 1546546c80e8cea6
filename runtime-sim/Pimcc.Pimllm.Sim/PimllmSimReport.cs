using System.Globalization;
using Pimcc.Pimllm.Isa;
using Pimcc.Sim;
using Pimcc.Sim.Report;

namespace Pimcc.Pimllm.Sim;

/// <summary>
/// The pimllm simulation report in the shared format (<see cref="SimReportJson"/>, <c>pimcc-sim-report/1</c>): the
/// generation's latency, throughput and energy under the names every simulator uses, the figures PIM-LLM reports
/// (tokens/s, tokens/J, GOPS, GOPS/W, words per battery charge), and per phase (prefill, decode) the critical path by
/// report class (<c>phase.critical-path.CLASS</c>, what <c>pimcc compare</c> sets side by side) and by part
/// (<c>phase.latency-split.PART</c>: crossbars with their DACs and ADCs, post-processing, systolic array, softmax,
/// memory, control), each part's utilisation, energy by class and by event (<c>phase.energy.subsystem.EVENT</c>:
/// count x the description's energy, nothing else) and the work done.
/// </summary>
public static class PimllmSimReport
{
    public static byte[] ToJson(PimllmGeneration g, PimllmTarget target)
    {
        var stats = new List<ReportStat>();
        void Add(string name, string unit, string description, double value) => stats.Add(new ReportStat(name, unit, description, value));
        var m = g.Steps.Count;
        var total = g.TotalSeconds;
        var decodeS = g.Decode.Makespan * 1e-12;
        var joules = g.TotalJoules;
        var ops = 2 * (g.Prefill.Macs + g.Decode.Macs);
        GenerationReport.AddTotals(stats, g.Prefill.Makespan * 1e-12, decodeS, joules, g.Steps, "sum of every energy event (count x the description's energy)");
        if (g.PrefillIterationsInterpolated is { } interpolated)
            Add("sim.prefill-iterations-interpolated", "count", "prefill loop iterations costed from the line through sampled windows of stepped ones (0: the windows disagreed with their line beyond 1%, so every iteration was stepped)", interpolated);
        Add("throughput.gops", "GOPS", "operations (2 per multiply-accumulate of crossbars and array, prefill and decode) / total time, 1e9 per s", total > 0 ? ops / total / 1e9 : 0);
        Add("energy.gops-per-watt", "GOPS/W", "operations / total energy, 1e9 per J", joules > 0 ? ops / joules / 1e9 : 0);
        var perToken = m > 0 ? joules / m : 0;
        var batteryTokens = perToken > 0 ? target.BatteryJoules / perToken : 0;
        Add("energy.battery-tokens", "tokens", "generated tokens per battery charge (report.battery / total energy per generated token, prompt included)", batteryTokens);
        Add("energy.battery-words", "words", "words per battery charge: battery tokens / report.tokensPerWord", batteryTokens / target.TokensPerWord);
        var notes = new List<(string, string)>
        {
            ("mode", "event-driven"),
            ("energy-model", "energy events x the description's energies (the description declares no static power)"),
            ("battery", string.Create(CultureInfo.InvariantCulture, $"{target.BatteryJoules / 3600:0.###} Wh, {target.TokensPerWord:0.###} tokens per word")),
        };
        if (g.PrefillSamplingDeclined is { } why) notes.Add(("prefill-sampling", "every iteration stepped: " + why));
        Phase("decode", "decode (all steps)", g.Decode);
        Phase("prefill", "prefill", g.Prefill);
        return SimReportJson.Write(target.Name, target.Sha256, GenerationReport.Workload(g.Model, g.PromptTokens, g.Steps, g.Sampling), notes, stats,
            w => GenerationReport.WriteDecodeSteps(w, g.Steps));

        void Phase(string p, string what, PimllmRun r)
        {
            var makespan = r.Makespan;
            foreach (var c in WorkClasses.All)
                Add($"{p}.critical-path.{WorkClasses.Name(c)}", "s", $"{what}: time on the critical path in {WorkClasses.Name(c)} words", r.ClassPs[(int)c] * 1e-12);
            foreach (var c in WorkClasses.All)
                Add($"{p}.critical-path-share.{WorkClasses.Name(c)}", "ratio", $"{what}: share of the latency in {WorkClasses.Name(c)} words", makespan > 0 ? r.ClassPs[(int)c] / makespan : 0);
            foreach (var part in PimllmParts.All)
                Add($"{p}.latency-split.{PimllmParts.Name(part)}", "s", $"{what}: time on the critical path in {PimllmParts.Name(part)} words", r.PartPs[(int)part] * 1e-12);
            foreach (var part in PimllmParts.All)
                Add($"{p}.latency-split-share.{PimllmParts.Name(part)}", "ratio", $"{what}: share of the latency in {PimllmParts.Name(part)} words", makespan > 0 ? r.PartPs[(int)part] / makespan : 0);
            foreach (var part in PimllmParts.All)
                Add($"{p}.utilisation.{PimllmParts.Name(part)}", "ratio", $"{what}: busy time of the {PimllmParts.Name(part)} words / latency (DMA: summed over channels)", makespan > 0 ? r.BusyPs[(int)part] / makespan : 0);
            Add($"{p}.energy.total", "J", $"{what}: energy of every event", r.TotalEnergyPj * 1e-12);
            foreach (var c in WorkClasses.All)
                Add($"{p}.energy.class.{WorkClasses.Name(c)}", "J", $"{what}: energy of the events of {WorkClasses.Name(c)} words", r.ClassEnergyPj[(int)c] * 1e-12);
            foreach (var e in PimllmEnergyEvents.All)
                Add($"{p}.energy.subsystem.{PimllmEnergyEvents.Name(e)}", "J", $"{what}: {PimllmEnergyEvents.Name(e)} events x their energy", r.EventEnergyPj(e) * 1e-12);
            foreach (var e in PimllmEnergyEvents.All)
                Add($"{p}.count.event.{PimllmEnergyEvents.Name(e)}", "count", $"{what}: {PimllmEnergyEvents.Name(e)} events", r.Events[(int)e]);
            Add($"{p}.count.crossbar-macs", "count", $"{what}: multiply-accumulates of the crossbars (rows x weight columns of each tile read, per input vector)", r.CrossbarMacs);
            Add($"{p}.count.systolic-macs", "count", $"{what}: useful multiply-accumulates of the systolic array", r.SystolicMacs);
            Add($"{p}.count.lpddr-bytes", "B", $"{what}: bytes moved between LPDDR and SRAM (weights, KV cache, embeddings, logits)", r.LpddrBytes);
            Add($"{p}.count.instructions", "count", $"{what}: words executed over all streams", r.Instructions);
            Add($"{p}.gops", "GOPS", $"{what}: 2 x multiply-accumulates / latency, 1e9 per s", makespan > 0 ? 2 * r.Macs / (makespan * 1e-12) / 1e9 : 0);
        }
    }
}
