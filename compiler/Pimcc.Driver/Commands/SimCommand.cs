using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Hpim.Sim.Report;
using Pimcc.Reports;
using Pimcc.Sim.Units;

namespace Pimcc.Driver.Commands;

/// <summary>Simulation options shared by <c>pimcc sim</c> and <c>pimcc run</c>.</summary>
public sealed class SimCliOptions
{
    public Option<string> Format { get; } = new("--format") { Description = "report format: text, json, csv or html (one self-contained page with plots)", DefaultValueFactory = _ => "text" };
    public Option<string?> Report { get; } = new("--output", "-o", "--report", "-r") { Description = "write the report to this file instead of standard output (written whole or not at all)" };
    public Option<string?> Trace { get; } = new("--trace") { Description = "write a Chrome-trace JSON (open in Perfetto) of the traced runs" };
    public Option<string> TraceRuns { get; } = new("--trace-runs") { Description = "runs to trace, FIRST:LAST (0 = prefill, 1 = first decode step)", DefaultValueFactory = _ => "1:1" };
    public Option<string> TraceLayers { get; } = new("--trace-layers")
    {
        Description = "layers of each traced run: N (default 2: programs of more layers trace N of them) or all; traced runs are simulated apart, so the report's figures never change with the trace",
        DefaultValueFactory = _ => "2",
    };
    public Option<string?> TraceWindow { get; } = new("--trace-window") { Description = "time window of the trace on the generation's timeline, START:END with units ps, ns, us or ms (e.g. 0:50us; END may be empty: to the end)" };
    public Option<bool> Exact { get; } = new("--exact") { Description = "simulate every decode step, every layer and every prefill loop iteration (default: sample as --sampling and --layers say; pimllm samples long prefill loops)" };
    public Option<string> Layers { get; } = new("--layers")
    {
        Description = "layers per simulated run: sampled (programs that declare their layers run with 1-3 layers, extrapolated to all once the figures lie on a line within 1%) or all",
        DefaultValueFactory = _ => "sampled",
    };
    public Option<string> Sampling { get; } = new("--sampling")
    {
        Description = "decode steps to simulate: adaptive (first, last, bisect until the steps between lie on a line within 1%; fastest) or even (16 evenly spaced; closer on staircase-shaped decode costs)",
        DefaultValueFactory = _ => "adaptive",
    };

    public void AddTo(Command c)
    {
        foreach (var o in new Option[] { Format, Report, Trace, TraceRuns, TraceLayers, TraceWindow, Exact, Sampling, Layers }) c.Options.Add(o);
    }

    /// <summary>
    /// Checks the outputs before any work: the report (<c>-o</c>, default standard output) and <c>--trace</c>, or in
    /// functional mode the generated tokens (<c>-o</c>) and <c>--logits</c>; none may be one of <paramref name="inputs"/>.
    /// </summary>
    public OutputPlan PlanOutputs(ParseResult p, ConsoleIo io, FunctionalCliOptions functional, params string?[] inputs)
    {
        var plan = new OutputPlan(io, [.. inputs, p.GetValue(functional.TokensFile)]);
        plan.Add("-o", p.GetValue(Report) ?? "-");
        if (!functional.Requested(p)) plan.Add("--trace", p.GetValue(Trace));
        else if (p.GetValue(Trace) is not null)
            throw new PimccError(ExitCode.Usage, "--trace", "functional mode has no timing to trace", "drop --trace, or drop --functional for the timing report");
        plan.Add("--logits", p.GetValue(functional.Logits));
        return plan;
    }

    /// <summary>Runs the timing simulation as the options say (<paramref name="traced"/>: with the trace of --trace-runs
    /// and --trace-window) and returns its outcome, the embedded target and the workload that ran.</summary>
    public (TimingOutcome Outcome, Pimcc.Targets.TargetDescription Target, int Prompt, int Generated) Time(PimBinary bin, string name,
        int? promptTokens, int? generatedTokens, ParseResult p, ConsoleIo io, bool traced)
    {
        var (prompt, generated) = RequestedWorkload.ForTiming(bin, name, promptTokens, generatedTokens);
        var runs = p.GetValue(TraceRuns)!.Split(':');
        if (runs.Length != 2 || !int.TryParse(runs[0], CultureInfo.InvariantCulture, out var first) || !int.TryParse(runs[1], CultureInfo.InvariantCulture, out var last) || first < 0 || last < first)
            throw new PimccError(ExitCode.Usage, "--trace-runs", $"'{p.GetValue(TraceRuns)}' is not FIRST:LAST", "e.g. --trace-runs 0:1");
        var window = TraceTimeWindow.Parse(p.GetValue(TraceWindow));
        if (p.GetValue(TraceWindow) is not null && !traced)
            throw new PimccError(ExitCode.Usage, "--trace-window", "there is no trace to window", "add --trace t.json");
        int? traceLayers = p.GetValue(TraceLayers) is "all" ? null
            : int.TryParse(p.GetValue(TraceLayers), NumberStyles.None, CultureInfo.InvariantCulture, out var tl) && tl >= 1 ? tl
            : throw new PimccError(ExitCode.Usage, "--trace-layers", $"'{p.GetValue(TraceLayers)}' is not a layer count", "give a number of layers (1 or more) or all");
        if (p.GetResult(TraceLayers) is { Implicit: false } && !traced)
            throw new PimccError(ExitCode.Usage, "--trace-layers", "there is no trace to shorten", "add --trace t.json");
        var sampling = p.GetValue(Sampling) switch
        {
            "adaptive" => DecodeSampling.Adaptive,
            "even" => DecodeSampling.Interpolated,
            var other => throw new PimccError(ExitCode.Usage, "--sampling", $"unknown decode sampling '{other}'", "use adaptive or even"),
        };
        var sampleLayers = p.GetValue(Layers) switch
        {
            "sampled" => true,
            "all" => false,
            var other => throw new PimccError(ExitCode.Usage, "--layers", $"unknown layer sampling '{other}'", "use sampled or all"),
        };
        var exact = p.GetValue(Exact);
        var (simulator, target) = SimulatorTargets.For(bin, name);
        var outcome = io.Progress.Run(stages =>
        {
            var bar = stages.Stage($"simulating {Path.GetFileName(name)} ({prompt} in, {generated} out)", 1);
            return TimingMemo.Simulate(io.Timings, simulator, bin, target, name, new TimingRequest(prompt, generated)
            {
                Sampling = exact ? DecodeSampling.Exact : sampling,
                SampleLayers = sampleLayers && !exact,
                TraceRuns = traced ? (first, last) : null,
                TraceWindowPs = window,
                TraceLayers = traceLayers,
                Progress = bar.Update,
            });
        });
        return (outcome, target, prompt, generated);
    }

    /// <summary>Runs the generation and writes report and trace (wall time goes to stderr, never into the report).
    /// <paramref name="promptTokens"/> and <paramref name="generatedTokens"/> (null: as compiled) are checked against
    /// the binary's workload.</summary>
    public int Simulate(PimBinary bin, string name, int? promptTokens, int? generatedTokens, ParseResult p, ConsoleIo io, OutputPlan outputs)
    {
        var format = p.GetValue(Format)!;
        if (format is not ("text" or "json" or "csv" or "html"))
            throw new PimccError(ExitCode.Usage, "--format", $"unknown report format '{format}'", "use text, json, csv or html");
        var sw = Stopwatch.StartNew();
        var (outcome, target, prompt, generated) = Time(bin, name, promptTokens, generatedTokens, p, io, p.GetValue(Trace) is not null);
        var json = outcome.ReportJson;
        var text = format switch
        {
            "json" => Encoding.UTF8.GetString(json),
            "csv" => TextReport.RenderCsv(Encoding.UTF8.GetString(json)),
            "html" => HtmlReport.Render(Encoding.UTF8.GetString(json), target),
            _ => TextReport.Render(Encoding.UTF8.GetString(json)),
        };
        var report = OutputPlan.Text(text);
        outputs.WriteStreaming((outputs["-o"], s => s.Write(report)), (outputs["--trace"], outcome.WriteTrace ?? (s => s.Write(outcome.Trace ?? []))));
        io.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pimcc: simulated {prompt} in, {generated} out in {sw.Elapsed.TotalSeconds:F2} s wall time"));
        return 0;
    }
}

/// <summary><c>pimcc sim out.bin</c>: timing and energy of a compiled generation.</summary>
public static class SimCommand
{
    public static Command Create(ConsoleIo io)
    {
        var cmd = new Command("sim", "simulate an out.bin: prefill once, then one decode step per generated token; report latency, throughput, energy");
        var input = new Argument<string>("binary") { Description = "out.bin compiled by pimcc" };
        var prompt = TokenCount("--prompt-tokens", "prompt tokens (default and maximum: as compiled)");
        var gen = TokenCount("--gen-tokens", "generated tokens (default and maximum: as compiled)");
        var sim = new SimCliOptions();
        var functional = new FunctionalCliOptions();
        cmd.Arguments.Add(input);
        cmd.Options.Add(prompt);
        cmd.Options.Add(gen);
        sim.AddTo(cmd);
        functional.AddTo(cmd);
        cmd.SetAction(p =>
        {
            var path = p.GetValue(input)!;
            RequestedWorkload.CheckCounts(p.GetValue(prompt), p.GetValue(gen)); // absurd counts fail before any file is read
            var outputs = sim.PlanOutputs(p, io, functional, path);
            var bin = PimBinaryReader.Read(InputFile.ReadBytes(path, InputKind.Binary), path);
            if (functional.Requested(p)) return functional.Run(bin, path, p.GetValue(gen), p, io, outputs);
            return sim.Simulate(bin, path, p.GetValue(prompt), p.GetValue(gen), p, io, outputs);
        });
        return cmd;
    }

    /// <summary>An optional whole-number option; anything else (<c>1e9</c>, <c>ten</c>) is a one-line usage error.</summary>
    private static Option<int?> TokenCount(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
            r.AddError($"{name} '{text}' is not a whole number of tokens");
            return null;
        },
    };
}

/// <summary><c>pimcc run model --target hpim</c>: compile and simulate in one go.</summary>
public static class RunCommand
{
    public static Command Create(ConsoleIo io)
    {
        var cmd = new Command("run", "compile a model and simulate it in one go");
        var model = new Argument<string>("model") { Description = "model file (.json, .onnx, .pimir)" };
        var compile = new CompileOptions();
        var sim = new SimCliOptions();
        var functional = new FunctionalCliOptions();
        cmd.Arguments.Add(model);
        foreach (var o in new Option[] { compile.Target, compile.PromptTokens, compile.GeneratedTokens, compile.TargetConfig, compile.Set, compile.Passes, compile.Image })
            cmd.Options.Add(o);
        var baseline = new Option<string?>("--baseline")
        {
            Description = "also compile and simulate the model for this target (its preset, e.g. a100) and print pimcc compare's table, the baseline first, instead of the report (--format text or json)",
        };
        cmd.Options.Add(baseline);
        sim.AddTo(cmd);
        functional.AddTo(cmd);
        cmd.SetAction(p =>
        {
            var path = p.GetValue(model)!;
            var s = compile.Read(p) with { Emit = "bin" };
            var outputs = sim.PlanOutputs(p, io, functional, path, s.TargetConfig);
            if (p.GetValue(baseline) is { } against) return Compare(path, s, against, sim, functional, p, io, outputs);
            var bin = CompileCommand.CompileBinary(path, s, io);
            // The binary records the workload it was compiled for (the flags, or the model-fitted default): run that.
            if (functional.Requested(p)) return functional.Run(bin, path, null, p, io, outputs);
            return sim.Simulate(bin, path, null, null, p, io, outputs);
        });
        return cmd;
    }

    /// <summary><c>pimcc run MODEL --target T --baseline B</c>: the model compiled and simulated on the baseline's preset
    /// and on the target as the options say, compared (<see cref="ReportComparison"/>) with the baseline first.</summary>
    private static int Compare(string path, CompileSettings s, string against, SimCliOptions sim, FunctionalCliOptions functional, ParseResult p, ConsoleIo io, OutputPlan outputs)
    {
        var format = p.GetValue(sim.Format)!;
        if (functional.Requested(p) || p.GetValue(sim.Trace) is not null)
            throw new PimccError(ExitCode.Usage, "--baseline", "a comparison is of timing reports", "drop --functional and --trace, or drop --baseline");
        if (format is not ("text" or "json"))
            throw new PimccError(ExitCode.Usage, "--format", $"a comparison is text or json, not '{format}'", "use --format text or --format json");
        var baseSettings = s with { Target = against, TargetConfig = null, Sets = [], Passes = null, TargetFlags = [] };
        var reports = new List<(string, ReportDocument)>();
        foreach (var (settings, label) in new[] { (baseSettings, against), (s, s.TargetConfig ?? s.Target) })
        {
            var bin = CompileCommand.CompileBinary(path, settings, io);
            var (outcome, _, _, _) = sim.Time(bin, path, null, null, p, io, traced: false);
            reports.Add((label, ReportDocument.Parse(Encoding.UTF8.GetString(outcome.ReportJson))));
        }
        var comparison = ReportComparison.Of(reports);
        outputs.Write((outputs["-o"], format == "json" ? comparison.RenderJson() : OutputPlan.Text(comparison.RenderText())));
        return 0;
    }
}
