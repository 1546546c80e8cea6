using System.IO.Compression;
using Pimcc.Diagnostics;

namespace Pimcc.Isa.Container;

/// <summary>
/// Compressed stream sections (format 1.5, docs/binary-format.md "Compressed sections"): bit 0 of a section entry's
/// flags says its stored payload is the uncompressed length (varuint) followed by a zlib stream (RFC 1950) of the
/// payload. Instruction streams repeat a few word shapes, so large ones shrink several-fold. The writer compresses a
/// stream section of at least <see cref="MinBytes"/> when that makes it smaller; the decision depends only on the
/// bytes, so writing a file read back gives the same bytes.
/// </summary>
internal static class SectionCompression
{
    /// <summary>Flag bit of a compressed payload.</summary>
    public const ushort Compressed = 1;

    /// <summary>Smallest payload worth compressing.</summary>
    public const int MinBytes = 4096;

    /// <summary>The largest uncompressed section accepted (1 GiB), and deflate's largest possible ratio (1032:1).</summary>
    private const long MaxBytes = 1L << 30;
    private const long MaxRatio = 1032;

    /// <summary>The stored form of <paramref name="payload"/>, or null when compressing would not make it smaller.</summary>
    public static byte[]? Compress(byte[] payload)
    {
        if (payload.Length < MinBytes) return null;
        var sink = new ByteSink();
        sink.VarUInt((ulong)payload.Length);
        using var ms = new MemoryStream();
        ms.Write(sink.Written);
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            z.Write(payload);
        return ms.Length < payload.Length ? ms.ToArray() : null;
    }

    /// <summary>The payload of a stored compressed section; anything but exactly the declared bytes is corrupt.</summary>
    public static byte[] Decompress(ReadOnlySpan<byte> stored, string where)
    {
        var src = new ByteSource(stored, where);
        var length = (long)src.VarUInt();
        var packed = stored[(stored.Length - src.Remaining)..];
        if (length > MaxBytes || length > (packed.Length + 1) * MaxRatio)
            throw Corrupt(where, $"declares {length} uncompressed bytes from {packed.Length} stored ones");
        var raw = new byte[length];
        try
        {
            using var z = new ZLibStream(new MemoryStream(packed.ToArray()), CompressionMode.Decompress);
            var done = 0;
            while (done < raw.Length)
            {
                var n = z.Read(raw, done, raw.Length - done);
                if (n == 0) throw Corrupt(where, $"holds {done} bytes, not the declared {length}");
                done += n;
            }
            if (z.ReadByte() >= 0) throw Corrupt(where, $"holds more than the declared {length} bytes");
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(where, $"is not a valid zlib stream ({e.Message})");
        }
        return raw;
    }

    private static PimccError Corrupt(string where, string message) =>
        new(ExitCode.InvalidBinary, where, "compressed section " + message, "the binary is corrupt; recompile or reassemble it");
}
