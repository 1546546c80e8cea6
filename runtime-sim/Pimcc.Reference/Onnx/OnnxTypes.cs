using Pimcc.Ir;

namespace Pimcc.Reference.Onnx;

/// <summary>ONNX TensorProto.DataType codes (onnx/onnx.proto3) and their IR element types.</summary>
public static class OnnxTypes
{
    private static readonly (int Code, string Name, ElementType? Element)[] Table =
    [
        (1, "FLOAT", ElementType.F32),
        (2, "UINT8", null),
        (3, "INT8", ElementType.I8),
        (4, "UINT16", null),
        (5, "INT16", null),
        (6, "INT32", ElementType.I32),
        (7, "INT64", ElementType.I64),
        (8, "STRING", null),
        (9, "BOOL", ElementType.Bool),
        (10, "FLOAT16", ElementType.F16),
        (11, "DOUBLE", null),
        (12, "UINT32", null),
        (13, "UINT64", null),
        (14, "COMPLEX64", null),
        (15, "COMPLEX128", null),
        (16, "BFLOAT16", ElementType.BF16),
    ];

    public static ElementType? FromCode(long code) => Table.FirstOrDefault(r => r.Code == code).Element;

    public static string CodeName(long code) => Table.FirstOrDefault(r => r.Code == code).Name ?? $"code {code}";
}
