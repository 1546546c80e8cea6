using Pimcc.Frontends.Onnx.Import;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Shapes;
using Pimcc.Ir;
using Pimcc.Reference;

namespace Pimcc.Tests.Conformance;

/// <summary>Decoded ONNX tensors (<see cref="OnnxTensor"/>) as interpreter tensors, for the element
/// types the IR has. Others (DOUBLE, UINT8, ...) make a case unsupported.</summary>
internal static class OnnxTensorConversion
{
    public static ElementType? ElementOf(OnnxDataType t) => OnnxGenericImporter.ElementOf(t);

    /// <summary>The IR type of a value as the frontend's shape inference found it (symbolic dims stay symbolic).</summary>
    public static TensorType TypeOf(ValueFacts f, string value)
    {
        var element = ElementOf(f.ElementType) ?? throw new UnsupportedCaseException($"{value}: element type {f.ElementType} has no IR element type");
        var shape = f.Shape ?? throw new UnsupportedCaseException($"{value}: shape inference left the rank unknown");
        return new TensorType(element, [.. shape.Select(OnnxGenericImporter.Dim)]);
    }

    public static Tensor ToTensor(OnnxTensor t)
    {
        var element = ElementOf(t.DataType) ?? throw new UnsupportedCaseException($"element type {t.DataType} has no IR element type");
        long[] shape = [.. t.Dims];
        if (element.IsFloat()) return Tensor.Float(element, shape, t.ToFloat32());
        if (element == ElementType.Bool) return Tensor.Bool(shape, (bool[])((bool[])t.Data).Clone());
        return Tensor.Int(element, shape, t.ToInt64());
    }

    /// <summary>The tensor as weight data in the IR's storage format.</summary>
    public static Weight ToWeight(string name, Tensor t) =>
        new(name, ReferenceTestKitTypes.TypeOf(t),
            WeightData.Encode(t.Element, [.. Enumerable.Range(0, (int)t.Length).Select(i => t.GetDouble(i))]), AttrMap.Empty);
}

/// <summary>A case uses a feature the interpreter or the IR does not have (a data type, an input layout).</summary>
internal sealed class UnsupportedCaseException(string message) : Exception(message);

internal static class ReferenceTestKitTypes
{
    public static TensorType TypeOf(Tensor t) => Pimcc.Tests.Reference.ReferenceTestKit.TypeOf(t);
}
