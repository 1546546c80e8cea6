using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Pimcc.Isa.Container;

/// <summary>Little-endian byte output with LEB128 varints (the section payload encodings).</summary>
internal sealed class ByteSink
{
    private readonly ArrayBufferWriter<byte> _buf = new();

    public int Length => _buf.WrittenCount;

    public ReadOnlySpan<byte> Written => _buf.WrittenSpan;

    public void U16(ushort v) { BinaryPrimitives.WriteUInt16LittleEndian(_buf.GetSpan(2), v); _buf.Advance(2); }

    public void U32(uint v) { BinaryPrimitives.WriteUInt32LittleEndian(_buf.GetSpan(4), v); _buf.Advance(4); }

    public void U64(ulong v) { BinaryPrimitives.WriteUInt64LittleEndian(_buf.GetSpan(8), v); _buf.Advance(8); }

    public void Byte(byte v) { _buf.GetSpan(1)[0] = v; _buf.Advance(1); }

    public void Bytes(ReadOnlySpan<byte> v) => _buf.Write(v);

    public void VarUInt(ulong v)
    {
        while (v >= 0x80)
        {
            Byte((byte)(v | 0x80));
            v >>= 7;
        }
        Byte((byte)v);
    }

    public void String(string s)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(s);
        VarUInt((ulong)bytes.Length);
        Bytes(bytes);
    }

    public byte[] ToArray() => _buf.WrittenSpan.ToArray();
}
