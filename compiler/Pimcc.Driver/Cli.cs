using System.CommandLine;
using Pimcc.Diagnostics;
using Pimcc.Driver.Commands;
using Pimcc.Driver.Help;
using Pimcc.Driver.Progress;

namespace Pimcc.Driver;

/// <summary>
/// The <c>pimcc</c> command line. Every failure ends as one line on stderr and a documented exit
/// code (docs/exit-codes.md); a stack trace is shown only with PIMCC_DEBUG=1.
/// </summary>
public static class Cli
{
    /// <param name="binaryStdout">Standard output for binary data (<c>-o -</c> with an out.bin); none: refused.</param>
    /// <param name="stdoutIsTerminal">Whether standard output is a terminal (a binary is not written there).</param>
    /// <param name="progress">Where long work shows progress (<see cref="ProgressDisplay.None"/>: nowhere).</param>
    /// <param name="timings">Simulations this run may share with other runs of this process (none: it simulates anew).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream? binaryStdout = null, bool stdoutIsTerminal = false,
        ProgressDisplay? progress = null, TimingMemo? timings = null)
    {
        var io = new ConsoleIo(stdout, stderr) { BinaryOut = binaryStdout, OutIsTerminal = stdoutIsTerminal, Progress = progress ?? ProgressDisplay.None, Timings = timings };
        return Invoke(Build(io), args, io);
    }

    /// <summary>The command tree: the compile command at the root, the subcommands, pimcc's help layout.</summary>
    public static RootCommand Build(ConsoleIo io)
    {
        var root = new RootCommand(
            "pimcc: ahead-of-time compiler and simulator for processing-in-memory LLM accelerators. Without a command it " +
            "compiles a model: a HuggingFace config.json (weights-free), an ONNX export, or textual IR (.pimir).");
        // --version names the formats too (System.CommandLine's own prints only the assembly version).
        foreach (var v in root.Options.OfType<VersionOption>().ToList()) root.Options.Remove(v);
        var version = new Option<bool>("--version") { Description = "print the version and the binary/description formats this pimcc writes and reads" };
        root.Options.Add(version);
        CompileCommand.Configure(root, io);
        foreach (var sub in Subcommands.All(io)) root.Subcommands.Add(sub);
        HelpLayout.Install(root);
        return root;
    }

    internal static int Invoke(RootCommand root, string[] args, ConsoleIo io)
    {
        try
        {
            var parse = root.Parse(args);
            // --help prints help even when the rest of the line is incomplete ('pimcc sim --help' names no binary).
            if (parse.Errors.Count > 0 && parse.Action is not HelpLayout)
            {
                io.Err.WriteLine($"pimcc: error: {parse.Errors[0].Message} (hint: run 'pimcc --help')");
                return (int)ExitCode.Usage;
            }
            return parse.Invoke(new InvocationConfiguration { Output = io.Out, Error = io.Err, EnableDefaultExceptionHandler = false });
        }
        catch (PimccError e)
        {
            io.Err.WriteLine(e.OneLine);
            return (int)e.Code;
        }
        catch (Exception e)
        {
            io.Err.WriteLine($"pimcc: internal error: {e.GetType().Name}: {e.Message.Replace('\n', ' ')} (hint: this is a pimcc bug; rerun with PIMCC_DEBUG=1 for details and report it)");
            if (Environment.GetEnvironmentVariable("PIMCC_DEBUG") == "1") io.Err.WriteLine(e);
            return (int)ExitCode.InternalError;
        }
    }
}

/// <summary>Where a command writes: the process's streams, or a test's.</summary>
public sealed record ConsoleIo(TextWriter Out, TextWriter Err)
{
    /// <summary>Standard output as bytes, for a binary written with <c>-o -</c>.</summary>
    public Stream? BinaryOut { get; init; }

    public bool OutIsTerminal { get; init; }

    /// <summary>Progress of long work, on stderr when it is a terminal (never on stdout).</summary>
    public ProgressDisplay Progress { get; init; } = ProgressDisplay.None;

    /// <summary>Timing simulations shared with other runs in this process (<see cref="TimingMemo"/>); null: none.</summary>
    public TimingMemo? Timings { get; init; }
}
