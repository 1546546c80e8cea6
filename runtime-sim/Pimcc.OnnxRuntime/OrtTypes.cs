using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Pimcc.Diagnostics;

namespace Pimcc.OnnxRuntime;

/// <summary>Converts between <see cref="OrtTensor"/> and ONNX Runtime's values, for the element types the samples use.</summary>
internal static class OrtTypes
{
    public static OrtValue ToValue(string name, OrtTensor t)
    {
        var count = t.Dims.Aggregate(1L, (a, b) => a * b);
        if (count != t.Data.Length)
            throw new PimccError(ExitCode.InvalidSimInput, $"input '{name}'", $"{t.Data.Length} values for dims [{string.Join(",", t.Dims)}]", "give one value per element");
        return t.DType switch
        {
            "float32" => OrtValue.CreateTensorValueFromMemory(t.Data.Select(v => (float)v).ToArray(), t.Dims),
            "float64" => OrtValue.CreateTensorValueFromMemory(t.Data.ToArray(), t.Dims),
            "int64" => OrtValue.CreateTensorValueFromMemory(t.Data.Select(v => (long)v).ToArray(), t.Dims),
            "int32" => OrtValue.CreateTensorValueFromMemory(t.Data.Select(v => (int)v).ToArray(), t.Dims),
            "int16" => OrtValue.CreateTensorValueFromMemory(t.Data.Select(v => (short)v).ToArray(), t.Dims),
            "int8" => OrtValue.CreateTensorValueFromMemory(t.Data.Select(v => (sbyte)v).ToArray(), t.Dims),
            "uint8" => OrtValue.CreateTensorValueFromMemory(t.Data.Select(v => (byte)v).ToArray(), t.Dims),
            "uint16" => OrtValue.CreateTensorValueFromMemory(t.Data.Select(v => (ushort)v).ToArray(), t.Dims),
            "bool" => OrtValue.CreateTensorValueFromMemory(t.Data.Select(v => v != 0).ToArray(), t.Dims),
            _ => throw new PimccError(ExitCode.UnsupportedDataType, $"input '{name}'", $"element type '{t.DType}' is not fed to ONNX Runtime here",
                "use float32, float64, int64, int32, int16, int8, uint8, uint16 or bool"),
        };
    }

    public static OrtTensor FromValue(string name, OrtValue v)
    {
        var info = v.GetTensorTypeAndShape();
        var dims = info.Shape;
        return info.ElementDataType switch
        {
            TensorElementType.Float => new("float32", dims, [.. v.GetTensorDataAsSpan<float>().ToArray().Select(x => (double)x)]),
            TensorElementType.Double => new("float64", dims, v.GetTensorDataAsSpan<double>().ToArray()),
            TensorElementType.Int64 => new("int64", dims, [.. v.GetTensorDataAsSpan<long>().ToArray().Select(x => (double)x)]),
            TensorElementType.Int32 => new("int32", dims, [.. v.GetTensorDataAsSpan<int>().ToArray().Select(x => (double)x)]),
            TensorElementType.Int16 => new("int16", dims, [.. v.GetTensorDataAsSpan<short>().ToArray().Select(x => (double)x)]),
            TensorElementType.Int8 => new("int8", dims, [.. v.GetTensorDataAsSpan<sbyte>().ToArray().Select(x => (double)x)]),
            TensorElementType.UInt8 => new("uint8", dims, [.. v.GetTensorDataAsSpan<byte>().ToArray().Select(x => (double)x)]),
            TensorElementType.UInt16 => new("uint16", dims, [.. v.GetTensorDataAsSpan<ushort>().ToArray().Select(x => (double)x)]),
            TensorElementType.Bool => new("bool", dims, [.. v.GetTensorDataAsSpan<bool>().ToArray().Select(x => x ? 1.0 : 0.0)]),
            var other => throw new PimccError(ExitCode.UnsupportedDataType, $"output '{name}'", $"ONNX Runtime returned element type {other}",
                "compare outputs of type float32, float64, int64, int32, int16, int8, uint8, uint16 or bool"),
        };
    }
}
