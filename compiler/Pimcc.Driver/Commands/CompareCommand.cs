using System.CommandLine;
using System.Text.Json;
using Pimcc.Diagnostics;
using Pimcc.Reports;

namespace Pimcc.Driver.Commands;

/// <summary><c>pimcc compare BASELINE.json OTHER.json ...</c>: speedup and energy ratios of simulation reports of one
/// workload, per figure and per operator class (<see cref="ReportComparison"/>).</summary>
public static class CompareCommand
{
    public static Command Create(ConsoleIo io)
    {
        var cmd = new Command("compare", "compare simulation reports (pimcc sim --format json) of one workload: each figure and operator class, with the ratio baseline / report (speedup, energy saving); the first report is the baseline");
        var reports = new Argument<string[]>("reports") { Description = "report files, the baseline first", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--output", "-o") { Description = "write the comparison to this file instead of standard output (written whole or not at all)" };
        cmd.Arguments.Add(reports);
        cmd.Options.Add(format);
        cmd.Options.Add(output);
        cmd.SetAction(p =>
        {
            var files = p.GetValue(reports)!;
            var f = p.GetValue(format)!;
            if (f is not ("text" or "json"))
                throw new PimccError(ExitCode.Usage, "--format", $"unknown comparison format '{f}'", "use text or json");
            var outputs = new OutputPlan(io, files);
            outputs.Add("-o", p.GetValue(output) ?? "-");
            var comparison = ReportComparison.Of([.. files.Select(file => (file, Read(file)))]);
            outputs.Write((outputs["-o"], f == "json" ? comparison.RenderJson() : OutputPlan.Text(comparison.RenderText())));
            return 0;
        });
        return cmd;
    }

    /// <summary>A report file as its document; anything but a <c>pimcc-sim-report/1</c> document is malformed input.</summary>
    public static ReportDocument Read(string file)
    {
        var text = InputFile.ReadText(file, InputKind.SimReport);
        try
        {
            using (var doc = JsonDocument.Parse(text))
                if (!doc.RootElement.TryGetProperty("format", out var fmt) || fmt.ValueKind != JsonValueKind.String || fmt.GetString() != "pimcc-sim-report/1")
                    throw new PimccError(ExitCode.MalformedInput, file, "not a simulation report (format pimcc-sim-report/1)", "give reports written by pimcc sim --format json");
            return ReportDocument.Parse(text);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new PimccError(ExitCode.MalformedInput, file, $"not a readable simulation report: {e.Message.Split('\n')[0]}", "give reports written by pimcc sim --format json");
        }
    }
}
