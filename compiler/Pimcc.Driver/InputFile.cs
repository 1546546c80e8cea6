using Pimcc.Diagnostics;

namespace Pimcc.Driver;

/// <summary>Reads input files, turning I/O failures into one-line diagnostics.</summary>
public static class InputFile
{
    public static string ReadText(string path) => Guard(path, () => File.ReadAllText(path));

    public static byte[] ReadBytes(string path) => Guard(path, () => File.ReadAllBytes(path));

    public static void MustExist(string path)
    {
        if (Directory.Exists(path))
            throw new PimccError(ExitCode.InputNotFound, path, "is a folder, not a file", "give the model file itself");
        if (!File.Exists(path))
            throw new PimccError(ExitCode.InputNotFound, path, "no such file", "check the path");
    }

    private static T Guard<T>(string path, Func<T> read)
    {
        MustExist(path);
        try { return read(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PimccError(ExitCode.InputNotFound, path, $"cannot read: {e.Message}", "check the file's permissions");
        }
    }
}
