using Pimcc.Diagnostics;

namespace Pimcc.Driver;

/// <summary>
/// Writes an output file all at once: the content goes to a temporary file beside the target and is
/// renamed over it only when complete, so a failure never leaves a half-written file.
/// </summary>
public static class OutputFile
{
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
            throw new PimccError(ExitCode.OutputNotWritable, path, "output folder does not exist", "create the folder or choose another -o path");
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(tmp, content.ToArray());
            File.Move(tmp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(tmp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw new PimccError(ExitCode.OutputNotWritable, path, $"cannot write output: {e.Message}", "check the path and its permissions");
        }
    }

    public static void WriteText(string path, string text) => Write(path, System.Text.Encoding.UTF8.GetBytes(text));
}
