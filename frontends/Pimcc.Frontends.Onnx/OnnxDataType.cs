namespace Pimcc.Frontends.Onnx;

/// <summary>
/// Element types of ONNX tensors that pimcc decodes. Values are TensorProto.DataType's in
/// onnx.proto, so a proto value converts by cast.
/// </summary>
public enum OnnxDataType
{
    Undefined = 0,
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    Bool = 9,
    Float16 = 10,
    Double = 11,
    BFloat16 = 16,
}

/// <summary>Facts about <see cref="OnnxDataType"/> values.</summary>
public static class OnnxDataTypes
{
    /// <summary>True for the element types pimcc decodes (every named member but Undefined).</summary>
    public static bool IsSupported(int protoValue) =>
        protoValue != 0 && Enum.IsDefined(typeof(OnnxDataType), protoValue);

    /// <summary>Bytes per element in raw_data / external data (little-endian).</summary>
    public static int ElementSize(this OnnxDataType type) => type switch
    {
        OnnxDataType.Float => 4,
        OnnxDataType.UInt8 or OnnxDataType.Int8 or OnnxDataType.Bool => 1,
        OnnxDataType.Int32 => 4,
        OnnxDataType.Int64 => 8,
        OnnxDataType.Float16 or OnnxDataType.BFloat16 or OnnxDataType.UInt16 or OnnxDataType.Int16 => 2,
        OnnxDataType.Double => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no element size"),
    };

    /// <summary>The name onnx.proto uses (FLOAT, BFLOAT16...), for diagnostics.</summary>
    public static string ProtoName(int protoValue) => protoValue switch
    {
        0 => "UNDEFINED", 1 => "FLOAT", 2 => "UINT8", 3 => "INT8", 4 => "UINT16", 5 => "INT16",
        6 => "INT32", 7 => "INT64", 8 => "STRING", 9 => "BOOL", 10 => "FLOAT16", 11 => "DOUBLE",
        12 => "UINT32", 13 => "UINT64", 14 => "COMPLEX64", 15 => "COMPLEX128", 16 => "BFLOAT16",
        17 => "FLOAT8E4M3FN", 18 => "FLOAT8E4M3FNUZ", 19 => "FLOAT8E5M2", 20 => "FLOAT8E5M2FNUZ",
        21 => "UINT4", 22 => "INT4",
        _ => "data type " + protoValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
