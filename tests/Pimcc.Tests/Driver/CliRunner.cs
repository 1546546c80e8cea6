using Pimcc.Driver;

namespace Pimcc.Tests.Driver;

/// <summary>Runs the pimcc command line in-process and captures what it prints.</summary>
public sealed record CliResult(int ExitCode, string Out, string Err);

public static class CliRunner
{
    public static CliResult Run(params string[] args) => Run(null, args);

    /// <summary>Runs with <paramref name="timings"/> shared with other runs (<see cref="TimingMemo"/>; null: none).</summary>
    public static CliResult Run(TimingMemo? timings, string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Cli.Run(args, o, e, timings: timings);
        return new CliResult(code, o.ToString(), e.ToString());
    }

    /// <summary>Runs with a byte stream behind standard output, for binaries written with <c>-o -</c>.</summary>
    public static (CliResult Result, byte[] Stdout) RunBinary(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        using var bytes = new MemoryStream();
        var code = Cli.Run(args, o, e, bytes);
        return (new CliResult(code, o.ToString(), e.ToString()), bytes.ToArray());
    }

    public static string Sample(string name) => RepoPaths.Combine("samples", "hf-configs", name);

    public static string TempDir() => TestScratch.NewDir("pimcc-cli");

    /// <summary>A user error: the given exit code, one line on stderr, no stack trace, nothing on stdout.</summary>
    public static void ShouldBeOneLineError(this CliResult r, Pimcc.Diagnostics.ExitCode code, string contains)
    {
        r.ExitCode.ShouldBe((int)code, r.Err);
        r.Err.TrimEnd('\n').ShouldNotContain("\n");
        r.Err.ShouldNotContain("   at ");
        r.Err.ShouldContain(contains);
        r.Out.ShouldBeEmpty();
    }
}
