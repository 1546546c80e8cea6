using System.CommandLine;
using Pimcc.Diagnostics;
using Pimcc.Driver.Commands;

namespace Pimcc.Driver;

/// <summary>
/// The <c>pimcc</c> command line. Every failure ends as one line on stderr and a documented exit
/// code (docs/exit-codes.md); a stack trace is shown only with PIMCC_DEBUG=1.
/// </summary>
public static class Cli
{
    /// <param name="binaryStdout">Standard output for binary data (<c>-o -</c> with an out.bin); none: refused.</param>
    /// <param name="stdoutIsTerminal">Whether standard output is a terminal (a binary is not written there).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream? binaryStdout = null, bool stdoutIsTerminal = false)
    {
        var io = new ConsoleIo(stdout, stderr) { BinaryOut = binaryStdout, OutIsTerminal = stdoutIsTerminal };
        var root = new RootCommand(
            "pimcc: ahead-of-time compiler and simulator for processing-in-memory LLM accelerators.\n\n" +
            "  pimcc model.json --target hpim -o out.bin    compile a HuggingFace config (weights-free)\n" +
            "  pimcc model.onnx --target hpim -o out.bin    compile an ONNX export\n" +
            "  pimcc model.pimir --emit ir                  re-run passes on textual IR\n\n" +
            "Exit codes:\n" + string.Join("\n", ExitCodeDocs.Table.Select(r => $"  {r.Code,3}  {r.Name}")));
        // --version names the formats too (System.CommandLine's own prints only the assembly version).
        foreach (var v in root.Options.OfType<VersionOption>().ToList()) root.Options.Remove(v);
        var version = new Option<bool>("--version") { Description = "print the version and the binary/description formats this pimcc writes and reads" };
        root.Options.Add(version);
        CompileCommand.Configure(root, io);
        foreach (var sub in Subcommands.All(io)) root.Subcommands.Add(sub);
        return Invoke(root, args, io);
    }

    internal static int Invoke(RootCommand root, string[] args, ConsoleIo io)
    {
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
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
}
