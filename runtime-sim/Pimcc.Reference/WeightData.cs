using System.Buffers.Binary;
using System.Collections.Immutable;
using Pimcc.Ir;

namespace Pimcc.Reference;

/// <summary>
/// Converts weight bytes (little-endian, row-major, in the element type's storage format; see
/// <see cref="Weight"/>) to and from <see cref="Tensor"/> values. Sub-byte types are packed from
/// the least significant bits of each byte upwards: i4 two's-complement nibbles, i1 bits (0/1),
/// ternary 2-bit two's-complement codes (-1, 0, +1).
/// </summary>
public static class WeightData
{
    public static Tensor Decode(TensorType type, ImmutableArray<byte> data, string what)
    {
        if (!type.IsStatic) throw ReferenceErrors.Invalid(what, $"weight type {type} has a symbolic shape");
        var shape = type.Shape.Select(d => d.Constant).ToArray();
        long n = Tensor.Count(shape);
        var expected = (n * type.Element.Bits() + 7) / 8;
        var length = data.IsDefault ? 0 : data.Length;
        if (length != expected)
            throw ReferenceErrors.Invalid(what, $"weight data has {length} bytes, {type} needs {expected}");
        byte[] raw = data.IsDefault ? [] : [.. data];
        var bytes = raw.AsSpan();
        switch (type.Element)
        {
            case ElementType.F32:
                return Tensor.Float(type.Element, shape, Read(n, i => BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(4 * i))));
            case ElementType.F16:
                return Tensor.Float(type.Element, shape, Read(n, i => (float)BinaryPrimitives.ReadHalfLittleEndian(raw.AsSpan(2 * i))));
            case ElementType.BF16:
                return Tensor.Float(type.Element, shape, Read(n, i => FloatRounding.FromBFloat16Bits(BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(2 * i)))));
            case ElementType.Bool:
            {
                var b = new bool[n];
                for (var i = 0; i < n; i++) b[i] = bytes[i] != 0;
                return Tensor.Bool(shape, b);
            }
            default:
            {
                var l = new long[n];
                for (var i = 0; i < n; i++) l[i] = ReadInt(type.Element, bytes, i);
                return Tensor.Int(type.Element, shape, l);
            }
        }
    }

    /// <summary>Encodes values (floats for float types, integers otherwise) in the storage format of <paramref name="element"/>.</summary>
    public static ImmutableArray<byte> Encode(ElementType element, IReadOnlyList<double> values)
    {
        var n = values.Count;
        var bytes = new byte[((long)n * element.Bits() + 7) / 8];
        var span = bytes.AsSpan();
        for (var i = 0; i < n; i++)
        {
            var v = values[i];
            switch (element)
            {
                case ElementType.F32: BinaryPrimitives.WriteSingleLittleEndian(span.Slice(4 * i), (float)v); break;
                case ElementType.F16: BinaryPrimitives.WriteHalfLittleEndian(span.Slice(2 * i), (Half)(float)v); break;
                case ElementType.BF16: BinaryPrimitives.WriteUInt16LittleEndian(span.Slice(2 * i), FloatRounding.ToBFloat16Bits((float)v)); break;
                case ElementType.I64: BinaryPrimitives.WriteInt64LittleEndian(span.Slice(8 * i), (long)v); break;
                case ElementType.I32: BinaryPrimitives.WriteInt32LittleEndian(span.Slice(4 * i), (int)v); break;
                case ElementType.I8: bytes[i] = (byte)(sbyte)v; break;
                case ElementType.Bool: bytes[i] = v != 0 ? (byte)1 : (byte)0; break;
                default:
                {
                    var bits = element.Bits();
                    var code = (long)v & ((1L << bits) - 1);
                    var bit = (long)i * bits;
                    bytes[bit / 8] |= (byte)(code << (int)(bit % 8));
                    break;
                }
            }
        }
        return [.. bytes];
    }

    private static float[] Read(long n, Func<int, float> read)
    {
        var r = new float[n];
        for (var i = 0; i < n; i++) r[i] = read(i);
        return r;
    }

    private static long ReadInt(ElementType t, ReadOnlySpan<byte> b, int i)
    {
        switch (t)
        {
            case ElementType.I64: return BinaryPrimitives.ReadInt64LittleEndian(b.Slice(8 * i));
            case ElementType.I32: return BinaryPrimitives.ReadInt32LittleEndian(b.Slice(4 * i));
            case ElementType.I8: return (sbyte)b[i];
            default:
            {
                var bits = t.Bits();
                var bit = (long)i * bits;
                var code = (b[(int)(bit / 8)] >> (int)(bit % 8)) & ((1 << bits) - 1);
                // Sign-extend the two's-complement field (i1 is unsigned 0/1).
                return t == ElementType.I1 ? code : code >= 1 << (bits - 1) ? code - (1 << bits) : code;
            }
        }
    }
}
