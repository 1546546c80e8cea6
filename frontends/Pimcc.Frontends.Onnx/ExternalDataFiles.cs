using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx.Proto;

namespace Pimcc.Frontends.Onnx;

/// <summary>
/// Reads tensor bytes from external data files (TensorProto.external_data: location, offset,
/// length; see ONNX's docs/ExternalData.md). A location must be a relative path inside the
/// model's folder: absolute paths and ".." segments are rejected before any file is touched.
/// Open files are cached for the duration of one model load.
/// </summary>
internal sealed class ExternalDataFiles(string modelFolder) : IDisposable
{
    private readonly string folder = Path.GetFullPath(modelFolder);
    private readonly Dictionary<string, FileStream> open = new(StringComparer.Ordinal);

    public byte[] Read(TensorProto tensor, long byteCount, string location)
    {
        var bytes = new byte[byteCount];
        ReadInto(tensor, bytes, location);
        return bytes;
    }

    /// <summary>Reads the tensor's bytes straight into <paramref name="destination"/> (its whole length), e.g. the bytes of
    /// the float array that holds the tensor: no intermediate buffer.</summary>
    public void ReadInto(TensorProto tensor, Span<byte> destination, string location)
    {
        long byteCount = destination.Length;
        string? fileName = null;
        long offset = 0, length = byteCount;
        foreach (var entry in tensor.ExternalData)
        {
            switch (entry.Key)
            {
                case "location": fileName = entry.Value; break;
                case "offset": offset = ParseNonNegative(entry.Value, "offset", location); break;
                case "length": length = ParseNonNegative(entry.Value, "length", location); break;
                default: break; // "checksum" and future keys are not needed to read the bytes
            }
        }
        if (string.IsNullOrEmpty(fileName))
            throw OnnxErrors.Invalid(location, "external data without a 'location' entry");
        if (length != byteCount)
            throw OnnxErrors.Invalid(location, $"external data length {length} but the tensor needs {byteCount} bytes");

        var path = ResolveInsideFolder(fileName, location);
        var stream = OpenOrGet(path, fileName, location);
        long end;
        try
        {
            end = checked(offset + length);
        }
        catch (OverflowException)
        {
            throw OnnxErrors.SizeOverflow(location, $"external data offset {offset} + length {length} overflows");
        }
        if (end > stream.Length)
            throw new PimccError(ExitCode.ExternalDataTruncated, location,
                $"external data file '{fileName}' has {stream.Length} bytes but the tensor reads bytes {offset}..{end}",
                "the .data file is incomplete or does not belong to this model; copy it again");
        stream.Position = offset;
        stream.ReadExactly(destination);
    }

    /// <summary>Resolves a location against the model's folder, refusing anything that leaves it.</summary>
    internal string ResolveInsideFolder(string fileName, string location)
    {
        if (fileName.Contains('\0'))
            throw OnnxErrors.Invalid(location, "external data location contains a NUL character");
        var segments = fileName.Split('/', '\\');
        var escapes = Path.IsPathRooted(fileName) || fileName.StartsWith('/') || fileName.StartsWith('\\')
            || fileName.Contains(':') || segments.Contains("..");
        var full = Path.GetFullPath(Path.Combine(folder, fileName));
        if (escapes || !full.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new PimccError(ExitCode.PathEscapesModelFolder, location,
                $"external data location '{fileName}' is outside the model's folder",
                "external data must be a relative path next to the model (no absolute paths, no '..')");
        return full;
    }

    private FileStream OpenOrGet(string path, string fileName, string location)
    {
        if (open.TryGetValue(path, out var stream))
            return stream;
        if (!File.Exists(path))
            throw new PimccError(ExitCode.ExternalDataMissing, location,
                $"external data file '{fileName}' does not exist next to the model",
                "copy the .data file(s) saved with the model into the model's folder");
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PimccError(ExitCode.ExternalDataMissing, location,
                $"external data file '{fileName}' cannot be read: {e.Message}", "check the file's permissions");
        }
        open.Add(path, stream);
        return stream;
    }

    private static long ParseNonNegative(string text, string key, string location) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw OnnxErrors.Invalid(location, $"external data {key} '{text}' is not a non-negative integer");

    public void Dispose()
    {
        foreach (var s in open.Values)
            s.Dispose();
        open.Clear();
    }
}
