using Pimcc.Diagnostics;

namespace Pimcc.Driver;

/// <summary>
/// A kind of input file and the largest one pimcc reads (docs/exit-codes.md, "Input size bounds"). The bounds sit far
/// above any real file of the kind and stop a wrong path (a disk image, a log) before it is read into memory.
/// </summary>
public sealed record InputKind(string Name, long MaxBytes)
{
    private const long MiB = 1L << 20;

    /// <summary>HuggingFace config.json: real ones are a few KiB.</summary>
    public static readonly InputKind ModelConfig = new("HuggingFace config", 16 * MiB);
    /// <summary>Target description: the bundled ones are under 32 KiB.</summary>
    public static readonly InputKind TargetDescription = new("target description", 16 * MiB);
    /// <summary>ONNX model: protobuf messages are limited to 2 GiB; larger weights live in external data files.</summary>
    public static readonly InputKind Onnx = new("ONNX model", 2048 * MiB - 1);
    /// <summary>Textual IR: weights are never printed inline, so OPT-30B is a few hundred KiB.</summary>
    public static readonly InputKind IrText = new("textual IR", 256 * MiB);
    /// <summary>out.bin: the largest .NET array; an embedded memory image is at most what fits it.</summary>
    public static readonly InputKind Binary = new("out.bin", Array.MaxLength);
    /// <summary>Assembly is read line by line, so only its lines are bounded (<c>Assembler.MaxLineChars</c>).</summary>
    public static readonly InputKind Assembly = new("assembly", long.MaxValue);
    /// <summary>A model file of an unknown type: refused by its extension after the file checks.</summary>
    public static readonly InputKind UnknownModel = new("model", long.MaxValue);
    /// <summary>Prompt token ids for functional simulation.</summary>
    public static readonly InputKind TokenList = new("token list", 64 * MiB);
    /// <summary>A JSON sweep table (pimcc sweep merge): at most 10,000 points of about 1 KiB.</summary>
    public static readonly InputKind SweepTable = new("sweep table", 256 * MiB);

    /// <summary>A simulation report (pimcc sim --format json) for pimcc compare.</summary>
    public static readonly InputKind SimReport = new("simulation report", 256 * MiB);
}

/// <summary>Checks and reads input files, turning I/O failures into one-line diagnostics.</summary>
public static class InputFile
{
    public static string ReadText(string path, InputKind kind) => Guard(path, kind, () => File.ReadAllText(path));

    public static byte[] ReadBytes(string path, InputKind kind) => Guard(path, kind, () => File.ReadAllBytes(path));

    /// <summary>
    /// Refuses, before anything is opened, a path that is missing, a folder, not a regular file (a device, FIFO or
    /// socket, also behind a symbolic link: reading /dev/zero never ends) or larger than its kind allows.
    /// </summary>
    public static FileStatus Check(string path, InputKind kind)
    {
        if (path.Length == 0)
            throw new PimccError(ExitCode.Usage, "''", $"empty path given for the {kind.Name}", "give a file path");
        var status = FileStatus.Of(path);
        switch (status.Type)
        {
            case FileType.Missing:
                throw new PimccError(ExitCode.InputNotFound, path, "no such file", "check the path");
            case FileType.Directory:
                throw new PimccError(ExitCode.InputNotFound, path, "is a folder, not a file", $"give the {kind.Name} file itself");
            case FileType.Regular:
                break;
            default:
                throw new PimccError(ExitCode.InputNotFound, path, $"is {FileStatus.Describe(status.Type)}, not a regular file",
                    $"save the {kind.Name} to a file first and give that file");
        }
        if (status.Size > kind.MaxBytes)
            throw new PimccError(ExitCode.InputTooLarge, path,
                $"{status.Size} bytes is more than pimcc reads for a {kind.Name} ({kind.MaxBytes} bytes)", $"is this the right file? a {kind.Name} is much smaller");
        return status;
    }

    /// <summary>Opens a checked input for reading line by line (<c>pimcc asm</c>).</summary>
    public static StreamReader OpenText(string path, InputKind kind)
    {
        Check(path, kind);
        try { return new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PimccError(ExitCode.InputNotFound, path, $"cannot read: {e.Message}", "check the file's permissions");
        }
    }

    private static T Guard<T>(string path, InputKind kind, Func<T> read)
    {
        Check(path, kind);
        try { return read(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PimccError(ExitCode.InputNotFound, path, $"cannot read: {e.Message}", "check the file's permissions");
        }
    }
}
