using System.Buffers.Binary;
using System.Text;
using Pimcc.Diagnostics;

namespace Pimcc.Isa.Container;

/// <summary>
/// Bounds-checked little-endian reader over one section payload. Every malformed read is a
/// <see cref="PimccError"/> (<see cref="ExitCode.InvalidBinary"/>) naming the section, never another exception.
/// </summary>
internal ref struct ByteSource(ReadOnlySpan<byte> data, string location)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private readonly ReadOnlySpan<byte> _data = data;
    private int _pos;

    public readonly int Remaining => _data.Length - _pos;

    public readonly string Location => location;

    public ReadOnlySpan<byte> Bytes(long n)
    {
        if (n < 0 || n > Remaining)
            throw Invalid($"needs {n} more bytes at offset {_pos}, has {Remaining}");
        var s = _data.Slice(_pos, (int)n);
        _pos += (int)n;
        return s;
    }

    public byte U8() => Bytes(1)[0];

    public ulong VarUInt()
    {
        ulong v = 0;
        for (var shift = 0; ; shift += 7)
        {
            var start = _pos;
            var b = U8();
            if (shift == 63 && b > 1)
                throw Invalid($"varint at offset {start} overflows 64 bits");
            v |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (b == 0 && shift > 0)
                    throw Invalid($"varint ending at offset {start} is not minimally encoded");
                return v;
            }
        }
    }

    /// <summary>A varint that must fit <paramref name="max"/>.</summary>
    public long VarInt(string what, long max)
    {
        var v = VarUInt();
        if (v > (ulong)max)
            throw Invalid($"{what} {v} exceeds {max}");
        return (long)v;
    }

    public string String(string what)
    {
        var len = VarInt(what + " length", int.MaxValue);
        var bytes = Bytes(len);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid($"{what} is not valid UTF-8");
        }
    }

    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));

    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8));

    public readonly void End()
    {
        if (Remaining != 0)
            throw Invalid($"{Remaining} unexpected trailing bytes");
    }

    public readonly PimccError Invalid(string message) =>
        new(ExitCode.InvalidBinary, location, message, "the binary is corrupt; recompile or reassemble it");
}
