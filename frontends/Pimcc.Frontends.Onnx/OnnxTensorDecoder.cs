using System.Runtime.InteropServices;
using Google.Protobuf;
using Pimcc.Frontends.Onnx.Proto;

namespace Pimcc.Frontends.Onnx;

/// <summary>
/// Turns a TensorProto into an <see cref="OnnxTensor"/>: checks dims and element count, then
/// decodes raw_data (little-endian), the typed repeated fields, or external data.
/// Typed-field layout per onnx.proto: float_data for FLOAT; double_data for DOUBLE; int64_data
/// for INT64; int32_data for INT32, INT16, INT8, UINT16, UINT8, BOOL, and FLOAT16/BFLOAT16 as bit patterns.
/// </summary>
internal sealed class OnnxTensorDecoder(string modelLocation, ExternalDataFiles externalData)
{
    static OnnxTensorDecoder()
    {
        // raw_data is little-endian; the MemoryMarshal copies below assume the host is too.
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("the ONNX frontend needs a little-endian host");
    }

    public OnnxTensor Decode(TensorProto proto, string what)
    {
        var location = $"{modelLocation}: {what}";
        if (!OnnxDataTypes.IsSupported(proto.DataType))
            throw OnnxErrors.UnsupportedType(location, $"element type {OnnxDataTypes.ProtoName(proto.DataType)} is not supported");
        var type = (OnnxDataType)proto.DataType;
        var dims = proto.Dims.ToArray();
        var count = ElementCount(dims, location);
        long byteCount;
        try
        {
            byteCount = checked(count * type.ElementSize());
        }
        catch (OverflowException)
        {
            throw OnnxErrors.SizeOverflow(location, $"byte size of dims [{string.Join(", ", dims)}] overflows");
        }

        Array data;
        if (proto.DataLocation == TensorProto.Types.DataLocation.External && type == OnnxDataType.Float)
        {
            // Weights: read into the float array itself (one copy of a large tensor in memory, not two).
            var floats = new float[count];
            externalData.ReadInto(proto, MemoryMarshal.AsBytes(floats.AsSpan()), location);
            data = floats;
        }
        else if (proto.DataLocation == TensorProto.Types.DataLocation.External)
            data = FromBytes(type, externalData.Read(proto, byteCount, location), count);
        else if (proto.HasRawData)
        {
            if (proto.RawData.Length != byteCount)
                throw OnnxErrors.Invalid(location, $"raw_data has {proto.RawData.Length} bytes but {type}[{string.Join(", ", dims)}] needs {byteCount}");
            data = FromBytes(type, proto.RawData.Span, count);
        }
        else
            data = FromTypedFields(proto, type, count, location);
        return new OnnxTensor(proto.Name, type, dims, data);
    }

    /// <summary>Product of dims, checked: negative dims are invalid, overflow or more than one array can hold is absurd.</summary>
    public static long ElementCount(IReadOnlyList<long> dims, string location)
    {
        long count = 1;
        foreach (var d in dims)
        {
            if (d < 0)
                throw OnnxErrors.Invalid(location, $"negative dimension {d} in dims [{string.Join(", ", dims)}]");
            try
            {
                count = checked(count * d);
            }
            catch (OverflowException)
            {
                throw OnnxErrors.SizeOverflow(location, $"element count of dims [{string.Join(", ", dims)}] overflows 64 bits");
            }
        }
        if (count > Array.MaxLength)
            throw OnnxErrors.SizeOverflow(location, $"dims [{string.Join(", ", dims)}] give {count} elements, more than one tensor can hold ({Array.MaxLength})");
        return count;
    }

    private static Array FromBytes(OnnxDataType type, ReadOnlySpan<byte> bytes, long count) => type switch
    {
        OnnxDataType.Float => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
        OnnxDataType.Double => MemoryMarshal.Cast<byte, double>(bytes).ToArray(),
        OnnxDataType.Int64 => MemoryMarshal.Cast<byte, long>(bytes).ToArray(),
        OnnxDataType.Int32 => MemoryMarshal.Cast<byte, int>(bytes).ToArray(),
        OnnxDataType.Float16 => MemoryMarshal.Cast<byte, Half>(bytes).ToArray(),
        OnnxDataType.BFloat16 or OnnxDataType.UInt16 => MemoryMarshal.Cast<byte, ushort>(bytes).ToArray(),
        OnnxDataType.Int16 => MemoryMarshal.Cast<byte, short>(bytes).ToArray(),
        OnnxDataType.Int8 => MemoryMarshal.Cast<byte, sbyte>(bytes).ToArray(),
        OnnxDataType.UInt8 => bytes.ToArray(),
        OnnxDataType.Bool => BoolsFrom(bytes),
        _ => throw new InvalidOperationException($"no byte decoding for {type} ({count} elements)"),
    };

    private static bool[] BoolsFrom(ReadOnlySpan<byte> bytes)
    {
        var result = new bool[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
            result[i] = bytes[i] != 0;
        return result;
    }

    private static Array FromTypedFields(TensorProto p, OnnxDataType type, long count, string location)
    {
        int have = type switch
        {
            OnnxDataType.Float => p.FloatData.Count,
            OnnxDataType.Double => p.DoubleData.Count,
            OnnxDataType.Int64 => p.Int64Data.Count,
            _ => p.Int32Data.Count,
        };
        if (have != count)
        {
            var field = type switch
            {
                OnnxDataType.Float => "float_data",
                OnnxDataType.Double => "double_data",
                OnnxDataType.Int64 => "int64_data",
                _ => "int32_data",
            };
            throw OnnxErrors.Invalid(location, $"{field} has {have} values but dims [{string.Join(", ", p.Dims)}] need {count}");
        }
        var ints = p.Int32Data;
        return type switch
        {
            OnnxDataType.Float => p.FloatData.ToArray(),
            OnnxDataType.Double => p.DoubleData.ToArray(),
            OnnxDataType.Int64 => p.Int64Data.ToArray(),
            OnnxDataType.Int32 => ints.ToArray(),
            OnnxDataType.Int8 => ints.Select(v => unchecked((sbyte)v)).ToArray(),
            OnnxDataType.UInt8 => ints.Select(v => unchecked((byte)v)).ToArray(),
            OnnxDataType.Bool => ints.Select(v => v != 0).ToArray(),
            OnnxDataType.Float16 => ints.Select(v => BitConverter.UInt16BitsToHalf(unchecked((ushort)v))).ToArray(),
            OnnxDataType.BFloat16 or OnnxDataType.UInt16 => ints.Select(v => unchecked((ushort)v)).ToArray(),
            OnnxDataType.Int16 => ints.Select(v => unchecked((short)v)).ToArray(),
            _ => throw new InvalidOperationException($"no typed-field decoding for {type}"),
        };
    }
}
