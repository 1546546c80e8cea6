using Pimcc.Hyflexpim.Isa;
using Pimcc.Sim.Report;

namespace Pimcc.Hyflexpim.Sim;

/// <summary>
/// The hyflexpim report in the shared format (<see cref="SimReportJson"/>, <c>pimcc-sim-report/1</c>) with the paper's
/// metrics as declared statistics (docs/hyflexpim-sim.md, "Report"): latency and throughput of one sequence, the layer
/// pipeline's throughput with independent requests in flight (tokens/s, inferences/s), linear-layer and end-to-end
/// energy with its breakdown (analog, ADC, digital PIM, SFU, bus) and per declared event, and the area.
/// </summary>
public static class HyflexpimSimReport
{
    public static byte[] ToJson(HyflexpimGeneration g, HyflexpimTarget target)
    {
        var stats = new List<ReportStat>();
        void Add(string name, string unit, string description, double value) => stats.Add(new ReportStat(name, unit, description, value));
        var m = g.Steps.Count;
        var joules = g.TotalJoules;
        // A prefill-only binary (an encoder's) reports no decode figure: there is no decode work it could stand for.
        if (g.PrefillOnly) GenerationReport.AddPrefillOnlyTotals(stats, g.Prefill.Makespan * 1e-12, joules, "every declared energy event");
        else GenerationReport.AddTotals(stats, g.Prefill.Makespan * 1e-12, g.Decode.Makespan * 1e-12, joules, g.Steps, "every declared energy event");
        var decodeInterval = m > 0 ? g.Decode.IntervalPs / m * 1e-12 : 0;
        var prefillInterval = g.Prefill.IntervalPs * 1e-12;
        if (!g.PrefillOnly)
            Add("throughput.pipelined-decode", "tokens/s", "layer pipeline with independent sequences in flight: 1 / mean decode interval (the busiest resource's busy time per step)",
                decodeInterval > 0 ? 1 / decodeInterval : 0);
        Add("throughput.inferences", "inferences/s", "layer pipeline with independent prompts in flight: 1 / prefill interval (the busiest resource's busy time per prefill)",
            prefillInterval > 0 ? 1 / prefillInterval : 0);
        var linear = (g.Prefill.EnergyOf(EnergyGroup.Analog) + g.Prefill.EnergyOf(EnergyGroup.Adc) + g.Decode.EnergyOf(EnergyGroup.Analog) + g.Decode.EnergyOf(EnergyGroup.Adc)) * 1e-12;
        Add("energy.linear", "J", "linear layers: the analog crossbars and their ADCs (ag.gemv)", linear);
        foreach (var grp in Enum.GetValues<EnergyGroup>())
            Add($"energy.breakdown.{HyflexpimEnergyEvents.Name(grp)}", "J", $"{Describe(grp)}, {(g.PrefillOnly ? "prefill (no decode program)" : "prefill + decode")}", (g.Prefill.EnergyOf(grp) + g.Decode.EnergyOf(grp)) * 1e-12);
        Add("energy.per-inference", "J", "energy of the prefill program (one inference over the prompt)", g.Prefill.TotalEnergyPj * 1e-12);
        Add("area.total", "mm2", "chips used x chip.pus x (pu.analogModules x analog module area + pu.digitalModules x digital module area)", g.Chips * target.ChipAreaMm2);
        Add("area.analog", "mm2", "the analog modules of the chips used", g.Chips * target.Chip.Pus * target.Chip.AnalogModulesPerPu * target.Analog.ModuleAreaMm2);
        Add("area.digital", "mm2", "the digital modules (with their SFUs) of the chips used", g.Chips * target.Chip.Pus * target.Chip.DigitalModulesPerPu * target.Digital.ModuleAreaMm2);
        Add("area.pus-used", "mm2", "the PUs the binary uses", g.Pus * target.PuAreaMm2);
        Add("area.crossbars-used", "mm2", "the crossbar arrays holding weights, each 1 / analog.arrays of an analog module (SLC takes twice MLC's arrays per weight)",
            g.CrossbarArrays * target.Analog.ModuleAreaMm2 / target.Analog.Arrays);
        Add("count.crossbar-arrays", "count", "crossbar arrays holding weights (SLC and MLC)", g.CrossbarArrays);
        Add("count.chips", "count", "chips the binary uses", g.Chips);
        Add("count.pus", "count", "PUs the binary uses (running streams or holding crossbar tiles)", g.Pus);
        var notes = new List<(string, string)>
        {
            ("energy-model", "module tables' active power x active time (arrays in use, SFU input-cycles), ADC per conversion, links per bit; no static power (the paper gives none)"),
        };
        if (!g.PrefillOnly) Phase("decode", "decode (all steps)", g.Decode, Math.Max(1, m));
        Phase("prefill", "prefill", g.Prefill, 1);
        return SimReportJson.Write(target.Name, target.Sha256, GenerationReport.Workload(g.Model, g.PromptTokens, g.Steps, g.Sampling),
            notes, stats, w => GenerationReport.WriteDecodeSteps(w, g.Steps));

        void Phase(string p, string what, HyflexpimRun r, int runs)
        {
            Add($"{p}.latency", "s", $"{what}: makespan", r.Makespan * 1e-12);
            Add($"{p}.pipeline.interval", "s", $"{what}: the busiest resource's busy time, per run (the layer pipeline's time per run in steady state)", r.IntervalPs / runs * 1e-12);
            notes.Add(($"{p}.pipeline.bottleneck", r.Bottleneck));
            Add($"{p}.energy.total", "J", $"{what}: energy", r.TotalEnergyPj * 1e-12);
            foreach (var grp in Enum.GetValues<EnergyGroup>())
                Add($"{p}.energy.subsystem.{HyflexpimEnergyEvents.Name(grp)}", "J", $"{what}: {Describe(grp)}", r.EnergyOf(grp) * 1e-12);
            foreach (var e in HyflexpimEnergyEvents.All)
            {
                var name = HyflexpimEnergyEvents.Name(e.Component);
                var form = e.Form == EnergyForm.PerEvent ? "per event" : "power x active time";
                Add($"{p}.energy.event.{name}", "J", $"{what}: {name} ({form}: {e.Keys})", r.EnergyPj[(int)e.Component] * 1e-12);
            }
            foreach (var e in HyflexpimEnergyEvents.All)
                Add($"{p}.count.event.{HyflexpimEnergyEvents.Name(e.Component)}", e.Unit, $"{what}: count of the {HyflexpimEnergyEvents.Name(e.Component)} event", r.EventCounts[(int)e.Component]);
            Add($"{p}.power.average", "W", $"{what}: energy / time", r.Makespan > 0 ? r.TotalEnergyPj / r.Makespan : 0);
            foreach (var u in HyflexpimRun.Units)
                Add($"{p}.busy.{UnitName(u)}", "s", $"{what}: busy time of the {UnitName(u)} units, summed over their instances", r.BusyPs[(int)u] * 1e-12);
            foreach (var c in Enum.GetValues<RunCount>())
                Add($"{p}.count.{CountName(c)}", c == RunCount.SharedBusWaitPs ? "s" : c.ToString().EndsWith("Bytes", StringComparison.Ordinal) ? "B" : "count",
                    $"{what}: {CountName(c)}", c == RunCount.SharedBusWaitPs ? r.Counts[(int)c] * 1e-12 : r.Counts[(int)c]);
        }
    }

    private static string Describe(EnergyGroup g) => g switch
    {
        EnergyGroup.Analog => "analog crossbars: arrays, word-line drivers, S&H, S&A, registers",
        EnergyGroup.Adc => "the analog modules' SAR ADCs",
        EnergyGroup.Digital => "digital NOR PIM: arrays, word-line drivers, S&A, S&H, registers",
        EnergyGroup.Sfu => "special function units",
        _ => "links: shared buses, inter-PU interconnect, PCIe and host I/O",
    };

    private static string UnitName(HyflexpimUnit u) => u switch
    {
        HyflexpimUnit.Analog => "analog",
        HyflexpimUnit.Digital => "digital",
        HyflexpimUnit.Sfu => "sfu",
        HyflexpimUnit.SharedBus => "shared-bus",
        HyflexpimUnit.InterPu => "inter-pu",
        HyflexpimUnit.Pcie => "pcie",
        _ => "io",
    };

    private static string CountName(RunCount c) => c switch
    {
        RunCount.ArrayReads => "array-reads",
        RunCount.SlcArrayReads => "slc-array-reads",
        RunCount.AdcConversions => "adc-conversions",
        RunCount.DigitalMultiplies => "digital-multiplies",
        RunCount.KvRowsWritten => "kv-rows-written",
        RunCount.SfuElementPasses => "sfu-element-passes",
        RunCount.SharedBusBytes => "shared-bus-bytes",
        RunCount.InterPuBytes => "inter-pu-bytes",
        RunCount.PcieBytes => "pcie-bytes",
        RunCount.HostIoBytes => "host-io-bytes",
        RunCount.SharedBusWaitPs => "shared-bus-wait",
        _ => "instructions",
    };
}
