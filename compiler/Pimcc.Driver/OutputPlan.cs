using System.Text;
using Pimcc.Diagnostics;

namespace Pimcc.Driver;

/// <summary>
/// The outputs of one command, checked together before the work starts: each path on its own
/// (<see cref="OutputFile.Check"/>), no output the same file as an input or as another output, at most one on
/// standard output, no binary onto a terminal. <see cref="Write"/> then writes all of them or none: every replaced
/// file is staged before any is renamed into place, and standard output is written last.
/// </summary>
public sealed class OutputPlan
{
    private readonly ConsoleIo io;
    private readonly List<(string Path, string Full, FileStatus Status)> inputs = [];
    private readonly List<OutputFile> outputs = [];

    /// <param name="inputs">Input files the outputs must not overwrite (null entries are skipped).</param>
    public OutputPlan(ConsoleIo io, params string?[] inputs)
    {
        this.io = io;
        foreach (var path in inputs)
            if (path is { Length: > 0 } && path != "-")
                this.inputs.Add((path, FullPath(path), FileStatus.Of(path)));
    }

    /// <summary>Adds and checks an output; null (the option not given) gives null.</summary>
    public OutputFile? Add(string option, string? path, bool binary = false)
    {
        if (path is null) return null;
        var output = OutputFile.Check(option, path, binary);
        if (output.IsStdout)
        {
            if (outputs.FirstOrDefault(o => o.IsStdout) is { } other)
                throw new PimccError(ExitCode.Usage, option, $"{other.Option} already writes to standard output", $"give {option} a file");
            if (binary && io.OutIsTerminal)
                throw new PimccError(ExitCode.Usage, option, "will not write a binary to a terminal", "redirect standard output to a file, or give a file path");
        }
        else if (output.IsReplaced)
        {
            foreach (var (inPath, inFull, inStatus) in inputs)
                if (output.Status.SameFileAs(inStatus) || output.Resolved == inFull)
                    throw new PimccError(ExitCode.Usage, option, $"output '{path}' is the input '{inPath}'; writing it would destroy the input",
                        $"give {option} another path");
            foreach (var other in outputs.Where(o => o.IsReplaced))
                if (output.Status.SameFileAs(other.Status) || output.Resolved == other.Resolved)
                    throw new PimccError(ExitCode.Usage, option, $"'{path}' is also the {other.Option} output", $"give {option} and {other.Option} different paths");
        }
        outputs.Add(output);
        return output;
    }

    /// <summary>The output given to <paramref name="option"/>, or null when it was not given.</summary>
    public OutputFile? this[string option] => outputs.FirstOrDefault(o => o.Option == option);

    /// <summary>Writes every given output (null targets skipped); the outputs not given content are not written.</summary>
    public void Write(params (OutputFile? Target, byte[] Content)[] contents) =>
        WriteStreaming([.. contents.Select(c => (c.Target, (Action<Stream>)(s => s.Write(c.Content))))]);

    /// <summary>As <see cref="Write"/>, each content produced by a writer into the output's stream (a file's staged
    /// temporary file, a device, or standard output).</summary>
    public void WriteStreaming(params (OutputFile? Target, Action<Stream> Content)[] contents)
    {
        var given = contents.Where(c => c.Target is not null).Select(c => (Target: c.Target!, c.Content)).ToList();
        var replaced = given.Where(c => c.Target.IsReplaced).ToList();
        try
        {
            foreach (var (t, content) in replaced) t.Stage(content);
        }
        catch
        {
            foreach (var (t, _) in replaced) t.Discard();
            throw;
        }
        foreach (var (t, _) in replaced) t.Commit();
        foreach (var (t, content) in given.Where(c => !c.Target.IsReplaced && !c.Target.IsStdout)) t.WriteThrough(content);
        foreach (var (t, write) in given.Where(c => c.Target.IsStdout))
        {
            if (!t.Binary)
            {
                using var text = new MemoryStream();
                write(text);
                io.Out.Write(Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length));
            }
            else if (io.BinaryOut is { } stream) { io.Out.Flush(); write(stream); stream.Flush(); }
            else throw new PimccError(ExitCode.OutputNotWritable, t.Option, "standard output does not take binary data here", $"give {t.Option} a file");
        }
    }

    public static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    private static string FullPath(string path)
    {
        try
        {
            return OutputFile.FollowLinks(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return path;
        }
    }
}
