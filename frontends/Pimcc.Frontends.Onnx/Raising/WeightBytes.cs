using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>Weight data in the IR's storage format: little-endian, row-major (docs/ir.md, Pimcc.Reference WeightData).</summary>
internal static class WeightBytes
{
    /// <summary>One copy of the values (a 200 MB embedding table is copied once, not element by element through an
    /// interface and then again into the immutable array).</summary>
    public static ImmutableArray<byte> F32(ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * 4];
        if (BitConverter.IsLittleEndian) MemoryMarshal.AsBytes(values).CopyTo(bytes);
        else for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return ImmutableCollectionsMarshal.AsImmutableArray(bytes);
    }

    /// <summary>An initializer's elements in the storage format of <paramref name="element"/> (its IR element type).</summary>
    public static ImmutableArray<byte> FromOnnx(OnnxTensor t, Pimcc.Ir.ElementType element)
    {
        var n = t.ElementCount;
        switch (element, t.Data)
        {
            case (Pimcc.Ir.ElementType.F32, _): return F32(t.ToFloat32());
            case (Pimcc.Ir.ElementType.I64, _): return I64(t.ToInt64());
            case (Pimcc.Ir.ElementType.F16, Half[] h):
            {
                var b = new byte[n * 2];
                for (var i = 0; i < n; i++) BinaryPrimitives.WriteHalfLittleEndian(b.AsSpan(2 * i), h[i]);
                return [.. b];
            }
            case (Pimcc.Ir.ElementType.BF16, ushort[] bits):
            {
                var b = new byte[n * 2];
                for (var i = 0; i < n; i++) BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2 * i), bits[i]);
                return [.. b];
            }
            case (Pimcc.Ir.ElementType.I32, _):
            {
                var l = t.ToInt64();
                var b = new byte[n * 4];
                for (var i = 0; i < n; i++) BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4 * i), (int)l[i]);
                return [.. b];
            }
            case (Pimcc.Ir.ElementType.I8 or Pimcc.Ir.ElementType.Bool, _):
                return [.. t.ToInt64().Select(v => element == Pimcc.Ir.ElementType.Bool ? (byte)(v != 0 ? 1 : 0) : (byte)(sbyte)v)];
            default: throw new InvalidOperationException($"no storage encoding of {t.DataType} as {element}");
        }
    }

    public static ImmutableArray<byte> I64(IReadOnlyList<long> values)
    {
        var bytes = new byte[values.Count * 8];
        for (var i = 0; i < values.Count; i++) BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
        return [.. bytes];
    }
}
