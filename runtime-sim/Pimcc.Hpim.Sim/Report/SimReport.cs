using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Sim.Report;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pimcc.Targets;
using U = Pimcc.Isa.Encoding.Unit;

namespace Pimcc.Hpim.Sim.Report;

/// <summary>A declared statistic: name, unit and what it means.</summary>
public sealed record StatDef(string Name, string Unit, string Description);

/// <summary>
/// The simulation report. JSON is primary (format <c>pimcc-sim-report/1</c>: declared statistics with name, unit,
/// description and value); the Pimcc.Reports renderers (text, CSV, HTML) render FROM that JSON. Wall-clock
/// figures are deliberately absent so that two runs give byte-identical reports.
/// </summary>
public static class SimReport
{
    public const string Format = SimReportJson.Format;

    /// <summary>Units reported per core (or per channel for the channel sequencer), with report names.</summary>
    public static readonly (U Unit, string Name, bool PerChannel)[] ReportedUnits =
    [
        (U.Scu, "scu", false), (U.PimUnit, "pim-unit", false), (U.Tcu, "tcu", false), (U.Vcu, "vcu", false),
        (U.Transpose, "transpose", false), (U.Transfer, "transfer", false), (U.HbmInterface, "hbm-interface", false),
        (U.Noc, "noc", false), (U.HbmSequencer, "hbm-channel", true),
    ];

    private sealed class Builder(HpimTarget target)
    {
        public readonly List<(StatDef Def, double Value)> Stats = [];
        public readonly List<(string Key, string Value)> Notes = [];

        public void Add(string name, string unit, string description, double value) => Stats.Add((new StatDef(name, unit, description), value));

        public void Run(string prefix, string what, StatVector s, double[] critical, double seconds, int runs)
        {
            var t = target;
            foreach (var c in WorkClasses.All)
                Add($"{prefix}.busy.{WorkClasses.Name(c)}", "s", $"{what}: unit time spent on {WorkClasses.Name(c)} work, summed over all units of all cores and channels", s.ClassBusy(c) * 1e-12);
            var total = critical.Sum();
            foreach (var c in WorkClasses.All)
                Add($"{prefix}.critical-path.{WorkClasses.Name(c)}", "s", $"{what}: part of the latency on the critical path spent in {WorkClasses.Name(c)} work", critical[(int)c] * 1e-12);
            foreach (var c in WorkClasses.All)
                Add($"{prefix}.critical-path-share.{WorkClasses.Name(c)}", "ratio", $"{what}: share of the latency on the critical path spent in {WorkClasses.Name(c)} work", total > 0 ? critical[(int)c] / total : 0);
            foreach (var (u, name, perChannel) in ReportedUnits)
            {
                var instances = perChannel ? t.Hbm.Organization.Channels : t.Sram.Cores;
                Add($"{prefix}.utilisation.{name}", "ratio", $"{what}: busy time of the {name} units / (units x time)", seconds > 0 ? s.UnitBusy(u) * 1e-12 / (instances * seconds) : 0);
            }
            var internalAvail = Roofline.HbmInternalBytesPerSecond(t);
            Add($"{prefix}.hbm.internal-bandwidth.used", "B/s", $"{what}: bank column bytes consumed by near-bank PUs per second", seconds > 0 ? s.Get(Counter.HbmInternalBytes) / seconds : 0);
            Add($"{prefix}.hbm.internal-bandwidth.available", "B/s", "all banks streaming one column per all-bank MAC slot (target timing)", internalAvail);
            Add($"{prefix}.hbm.external-bandwidth.used", "B/s", $"{what}: bytes over the channel data buses (reads, writes, global-buffer writes, result reads, core loads/stores) per second", seconds > 0 ? s.Get(Counter.HbmExternalBytes) / seconds : 0);
            Add($"{prefix}.hbm.external-bandwidth.available", "B/s", "channels x channel width x data rate (target)", t.Hbm.Organization.ExternalBytesPerSecond);
            Add($"{prefix}.energy.total", "J", $"{what}: energy, static included", s.TotalEnergy * 1e-12);
            foreach (var sub in Enum.GetValues<EnergySubsystem>())
                Add($"{prefix}.energy.subsystem.{Kebab(sub.ToString())}", "J", $"{what}: energy of {Kebab(sub.ToString())}", s.EnergyOf(sub) * 1e-12);
            foreach (var c in WorkClasses.All)
                Add($"{prefix}.energy.class.{WorkClasses.Name(c)}", "J", $"{what}: dynamic energy of {WorkClasses.Name(c)} work (static energy is under other)", s.EnergyOf(c) * 1e-12);
            Add($"{prefix}.power.average", "W", $"{what}: energy / time", seconds > 0 ? s.TotalEnergy * 1e-12 / seconds : 0);
            var roof = Roofline.For(t, s);
            var per = Math.Max(1, runs);
            foreach (var r in roof.Resources)
                Add($"{prefix}.roofline.{r.Name}", "s", $"{what}: {r.Work}, per run", r.Seconds / per);
            Add($"{prefix}.roofline.bound", "s", $"{what}: the target's lower bound for this work (largest of the above), per run", roof.BoundS / per);
            Add($"{prefix}.roofline.achieved", "ratio", $"{what}: bound / simulated time (1 = at the roofline)", seconds > 0 ? roof.BoundS / seconds : 0);
            Notes.Add(($"{prefix}.roofline.limiter", roof.Limiter));
            foreach (var cnt in Enum.GetValues<Counter>())
                Add($"{prefix}.count.{Kebab(cnt.ToString())}", CounterUnit(cnt), $"{what}: {CounterText(cnt)}", s.Get(cnt));
        }
    }

    /// <summary>Report of a generation run (prefill + decode steps); <paramref name="model"/> (the binary's workload's
    /// model name) leads the workload when known, so reports of different models are told apart (pimcc compare).</summary>
    public static byte[] ToJson(GenerationResult g, HpimTarget target, string? model = null)
    {
        var b = new Builder(target);
        var m = g.Steps.Count;
        var decodeS = g.DecodePs * 1e-12;
        b.Add("latency.total", "s", "prefill + all decode steps", g.TotalPs * 1e-12);
        b.Add("latency.ttft", "s", "time to first token: prefill + first decode step", g.TtftPs * 1e-12);
        b.Add("latency.prefill", "s", "prefill program", g.Prefill.MakespanPs * 1e-12);
        b.Add("latency.decode.total", "s", "all decode steps", decodeS);
        b.Add("latency.decode.first", "s", "first decode step (kv = prompt)", m > 0 ? g.Steps[0].LatencyPs * 1e-12 : 0);
        b.Add("latency.decode.last", "s", "last decode step", m > 0 ? g.Steps[^1].LatencyPs * 1e-12 : 0);
        b.Add("latency.decode.mean", "s", "mean decode step", m > 0 ? decodeS / m : 0);
        b.Add("throughput.decode", "tokens/s", "generated tokens / decode time", decodeS > 0 ? m / decodeS : 0);
        b.Add("throughput.end-to-end", "tokens/s", "generated tokens / total time", g.TotalPs > 0 ? m / (g.TotalPs * 1e-12) : 0);
        var totalEnergy = (g.Prefill.Stats.TotalEnergy + g.DecodeStats.TotalEnergy) * 1e-12;
        b.Add("energy.total", "J", "prefill + decode, static included", totalEnergy);
        b.Add("energy.tokens-per-joule", "tokens/J", "generated tokens / total energy", totalEnergy > 0 ? m / totalEnergy : 0);
        b.Add("power.average", "W", "total energy / total time", g.TotalPs > 0 ? totalEnergy / (g.TotalPs * 1e-12) : 0);
        b.Add("sim.decode-steps-simulated", "count", "decode steps simulated instruction by instruction (the rest interpolated in kv)", g.Steps.Count(s => s.Simulated));
        b.Add("sim.simulated-items", "count", "instructions and commands stepped one by one, all simulated runs", g.SimulatedRuns.Sum(r => r.SimulatedItems));
        b.Add("sim.layer-sampled-runs", "count", "simulated runs (prefill, decode steps) extrapolated from runs with 1 to 6 of their layers (the rest ran every layer)",
            g.SimulatedRuns.Count(r => r.LayerSamples is not null));
        b.Run("decode", "decode (all steps)", g.DecodeStats, g.DecodeCriticalPathPs, decodeS, m);
        b.Run("prefill", "prefill", g.Prefill.Stats, g.Prefill.CriticalPathPs, g.Prefill.MakespanPs * 1e-12, 1);
        return Write(b, target, w =>
        {
            if (!string.IsNullOrEmpty(model)) w.WriteString("model", model);
            w.WriteNumber("promptTokens", g.Request.PromptLength);
            w.WriteNumber("outputTokens", m);
            // what was done: every step simulated, or the sampling that chose the simulated steps (the CLI's names)
            w.WriteString("decodeSampling", g.Steps.All(s => s.Simulated) ? "exact" : g.Request.Sampling switch
            {
                DecodeSampling.Adaptive => "adaptive",
                DecodeSampling.Interpolated => "even",
                _ => "exact",
            });
        }, w =>
        {
            w.WriteStartArray("decodeSteps");
            foreach (var s in g.Steps)
            {
                w.WriteStartObject();
                w.WriteNumber("step", s.Step);
                w.WriteNumber("kv", s.Kv);
                w.WriteNumber("latency", s.LatencyPs * 1e-12);
                w.WriteBoolean("simulated", s.Simulated);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    /// <summary>Report of a single program run.</summary>
    public static byte[] ToJson(ProgramRunResult r, HpimTarget target)
    {
        var b = new Builder(target);
        var s = r.MakespanPs * 1e-12;
        b.Add("latency.total", "s", $"program '{r.Program}' from start until every core halted and every channel drained", s);
        b.Add("sim.simulated-items", "count", "instructions and commands stepped one by one", r.SimulatedItems);
        b.Run("program", $"program '{r.Program}'", r.Stats, r.CriticalPathPs, s, 1);
        return Write(b, target, w =>
        {
            w.WriteString("program", r.Program);
            w.WriteNumber("promptTokens", r.Registers.PromptLength);
            w.WriteNumber("step", r.Registers.Step);
            w.WriteNumber("kv", r.Registers.Kv);
        }, w =>
        {
            w.WriteStartArray("streams");
            foreach (var (name, finish) in r.Finish)
            {
                w.WriteStartObject();
                w.WriteString("stream", name);
                w.WriteNumber("finish", finish * 1e-12);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private static byte[] Write(Builder b, HpimTarget target, Action<Utf8JsonWriter> workload, Action<Utf8JsonWriter> tail) =>
        SimReportJson.Write(target.Name, target.Sha256, workload, b.Notes,
            [.. b.Stats.Select(s => new ReportStat(s.Def.Name, s.Def.Unit, s.Def.Description, s.Value))], tail);

    private static string Kebab(string pascal)
    {
        var sb = new StringBuilder();
        foreach (var ch in pascal)
        {
            if (char.IsUpper(ch) && sb.Length > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    private static string CounterUnit(Counter c) => c switch
    {
        Counter.HbmInternalBytes or Counter.HbmExternalBytes or Counter.CoreHbmBytes or Counter.NocBytes => "B",
        _ => "count",
    };

    private static string CounterText(Counter c) => c switch
    {
        Counter.Instructions => "SRAM-PIM instructions executed",
        Counter.Commands => "HBM commands issued (refreshes and closed-form iterations included)",
        Counter.BankMacs => "multiply-accumulates in the near-bank PUs",
        Counter.MacroMacs => "multiply-accumulates in the SRAM-PIM macros",
        Counter.TcuMacs => "multiply-accumulates in the TCUs",
        Counter.VcuOps => "VCU element operations",
        Counter.HbmInternalBytes => "bank bytes consumed by the near-bank PUs",
        Counter.HbmExternalBytes => "bytes over the channel data buses",
        Counter.CoreHbmBytes => "bytes moved by core hbm.ld/hbm.st/hbm.pf",
        Counter.NocBytes => "bytes moved over the NoC",
        Counter.DramActivates => "bank activations",
        Counter.Refreshes => "all-bank refreshes of pseudo-channels",
        Counter.SkippedIterations => "rep iterations timed in closed form",
        _ => c.ToString(),
    };
}
