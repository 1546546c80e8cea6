using Pimcc.Diagnostics;

namespace Pimcc.Driver;

/// <summary>
/// One output path of a command, checked before the work starts. <c>-</c> is standard output. A symbolic link is
/// followed: the file it points to is written and the link stays. A regular file (or a new one) is replaced
/// atomically: the content goes to a temporary file beside it, renamed over it only when complete, so a failure never
/// leaves a half-written file. A character device (/dev/null) or a FIFO is written through, never replaced.
/// </summary>
public sealed record OutputFile(string Option, string Path, string Resolved, FileStatus Status, bool Binary)
{
    public bool IsStdout => Path == "-";

    /// <summary>Replaced through a temporary file (a regular file or a new one), not written through.</summary>
    public bool IsReplaced => !IsStdout && Status.Type is FileType.Regular or FileType.Missing;

    /// <summary>Checks <paramref name="path"/> given to <paramref name="option"/>: not empty, not a folder or block
    /// device, its folder exists and takes new files.</summary>
    public static OutputFile Check(string option, string path, bool binary)
    {
        if (path.Length == 0)
            throw new PimccError(ExitCode.Usage, option, "empty output path", $"give a file, or '{option} -' for standard output");
        if (path == "-") return new(option, path, path, default, binary);
        var resolved = ResolveLinks(option, path);
        var status = FileStatus.Of(resolved);
        if (status.Type is FileType.Directory or FileType.BlockDevice or FileType.Socket)
            throw new PimccError(ExitCode.OutputNotWritable, path, $"is {FileStatus.Describe(status.Type)}, pimcc does not write there",
                $"give a file path to {option}");
        var output = new OutputFile(option, path, resolved, status, binary);
        if (output.IsReplaced) output.ProbeFolder();
        return output;
    }

    private static string ResolveLinks(string option, string path)
    {
        try
        {
            return FollowLinks(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new PimccError(ExitCode.OutputNotWritable, path, $"cannot follow the path: {e.Message}", $"check the path given to {option}");
        }
    }

    /// <summary>The full path of the file <paramref name="path"/> names after following symbolic links (it may not exist).</summary>
    internal static string FollowLinks(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var info = new FileInfo(full);
        return info.LinkTarget is null ? full : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
    }

    private string TempPath => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Resolved)!,
        $".{System.IO.Path.GetFileName(Resolved)}.{Environment.ProcessId}.tmp");

    /// <summary>Creates and deletes the temporary file now, so a folder that is missing or read-only is found before
    /// the work, not after it.</summary>
    private void ProbeFolder()
    {
        if (!Directory.Exists(System.IO.Path.GetDirectoryName(Resolved)))
            throw new PimccError(ExitCode.OutputNotWritable, Path, "output folder does not exist", $"create the folder or choose another {Option} path");
        try
        {
            using (new FileStream(TempPath, FileMode.CreateNew, FileAccess.Write)) { }
            File.Delete(TempPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw NotWritable(e);
        }
    }

    /// <summary>Writes the whole content to the temporary file (for <see cref="IsReplaced"/> outputs), as
    /// <paramref name="write"/> produces it (a long trace streams to disk instead of being held in memory).</summary>
    internal void Stage(Action<Stream> write)
    {
        try
        {
            using var s = new FileStream(TempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            write(s);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard();
            throw NotWritable(e);
        }
    }

    /// <summary>Renames the staged temporary file over the output.</summary>
    internal void Commit()
    {
        try { File.Move(TempPath, Resolved, overwrite: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Discard();
            throw NotWritable(e);
        }
    }

    internal void Discard()
    {
        try { File.Delete(TempPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Writes through to a character device or FIFO (opening a FIFO waits for its reader).</summary>
    internal void WriteThrough(Action<Stream> write)
    {
        try
        {
            using var s = new FileStream(Resolved, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(s);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw NotWritable(e);
        }
    }

    private PimccError NotWritable(Exception e) =>
        new(ExitCode.OutputNotWritable, Path, $"cannot write output: {e.Message}", "check the path and its permissions");
}
