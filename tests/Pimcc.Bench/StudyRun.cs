using System.Globalization;
using Pimcc.Driver;
using Pimcc.Driver.Commands;
using Pimcc.Reports;

namespace Pimcc.Bench;

/// <summary>
/// One point of a comparison study: a model from samples/hf-configs compiled and simulated on a baseline and another
/// target (<c>pimcc run --format json</c>), the two reports compared as <c>pimcc compare</c> does
/// (<see cref="ReportComparison"/>). Failures print one line each and give null.
/// </summary>
internal static class StudyRun
{
    public static ReportComparison? Compare(string root, string dir, string model, int prompt, int generated,
        (string Target, string[] Extra) baseline, (string Target, string[] Extra) other)
    {
        var files = new[] { baseline, other }.Select(x => Run(root, dir, model, prompt, generated, x.Target, x.Extra)).ToList();
        return files.All(f => f is not null) ? ReportComparison.Of([.. files.Select(f => (f!, CompareCommand.Read(f!)))]) : null;
    }

    /// <summary>The model compiled and simulated on one target (<c>pimcc run --format json</c>): the report file, or
    /// null after printing the failure's one line.</summary>
    public static string? Run(string root, string dir, string model, int prompt, int generated, string target, string[] extra)
    {
        var file = Path.Combine(dir, $"{model}-{prompt}-{generated}-{target}.json");
        var err = new StringWriter();
        var code = Cli.Run(["run", Path.Combine(root, "samples", "hf-configs", model + ".json"), "--target", target,
            "--prompt-tokens", prompt.ToString(CultureInfo.InvariantCulture), "--gen-tokens", generated.ToString(CultureInfo.InvariantCulture),
            "--format", "json", "-o", file, .. extra], TextWriter.Null, err);
        if (code == 0) return file;
        Console.WriteLine($"{model,-10} {prompt}:{generated,-5} {target}: exit {code}: {err.ToString().Split('\n')[0]}");
        return null;
    }

    /// <summary>A figure of the comparison: the baseline's value, the other's, or the ratio baseline / other.</summary>
    public static double? Figure(ReportComparison c, string name, int report) =>
        c.Figures.FirstOrDefault(x => x.Name == name)?.Values[report] ?? c.Reports[report].Find(name)?.Value;

    public static double? Ratio(ReportComparison c, string name) => c.Figures.FirstOrDefault(x => x.Name == name)?.Ratios[1];
}
