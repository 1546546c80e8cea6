using System.Diagnostics;
using System.Globalization;

namespace Pimcc.Bench;

/// <summary>What one pimcc child process cost: wall time as the bench sees it, and the CPU time (user + system) and
/// peak working set the process reports itself (<c>PIMCC_REPORT_RESOURCES=1</c>). On a shared machine the CPU time is
/// the figure to compare; wall time depends on what else runs.</summary>
internal sealed record ChildRun(int ExitCode, string Out, string Err, double WallSeconds, double CpuSeconds, double PeakMiB)
{
    /// <summary>The first line of standard error that is not a resource report (the diagnostic of a failed run).</summary>
    public string FirstError => Err.Split('\n').FirstOrDefault(l => !l.StartsWith("pimcc: peak-memory-bytes ", StringComparison.Ordinal)
        && !l.StartsWith("pimcc: cpu-seconds ", StringComparison.Ordinal)) ?? "";
}

/// <summary>
/// Runs pimcc in its own process, so figures do not mix: the <c>pimcc.dll</c> that <c>PIMCC_BENCH_PIMCC</c> names
/// (tools/bench.sh: pimcc as tools/install.sh builds it), else the one built beside the bench.
/// </summary>
internal static class BenchProcess
{
    public static string Pimcc => Environment.GetEnvironmentVariable("PIMCC_BENCH_PIMCC") is { Length: > 0 } given
        ? Path.GetFullPath(given)
        : Path.Combine(AppContext.BaseDirectory, "pimcc.dll");

    public static ChildRun Run(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet", [Pimcc, .. args]) { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.Environment["PIMCC_REPORT_RESOURCES"] = "1";
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        var wall = sw.Elapsed.TotalSeconds;
        var e = err.Result;
        return new ChildRun(p.ExitCode, output, e, wall, Figure(e, "pimcc: cpu-seconds ", "", ""), Figure(e, "pimcc: peak-memory-bytes ", "", "") / 1048576.0);
    }

    /// <summary>The number between <paramref name="after"/> and <paramref name="until"/> on the line starting with <paramref name="prefix"/>.</summary>
    public static double Figure(string text, string prefix, string after, string until)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (line is null) return double.NaN;
        var s = line[prefix.Length..];
        if (after.Length > 0) s = s[(s.LastIndexOf(after, StringComparison.Ordinal) + after.Length)..];
        if (until.Length > 0) s = s[..s.IndexOf(until, StringComparison.Ordinal)];
        return double.Parse(s.Trim(), CultureInfo.InvariantCulture);
    }

    public static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Toolchain.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }

    public static string Config(string root, string model) => Path.Combine(root, "samples", "hf-configs", model + ".json");
}

/// <summary>Least-squares line y = intercept + slope x and its coefficient of determination.</summary>
internal readonly record struct LinearFit(double Slope, double Intercept, double RSquared)
{
    public static LinearFit Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        var slope = sxx == 0 ? double.NaN : sxy / sxx;
        var ssRes = 0.0;
        for (var i = 0; i < n; i++)
        {
            var r = y[i] - (my + slope * (x[i] - mx));
            ssRes += r * r;
        }
        return new LinearFit(slope, my - slope * mx, syy == 0 ? 1 : 1 - ssRes / syy);
    }
}
