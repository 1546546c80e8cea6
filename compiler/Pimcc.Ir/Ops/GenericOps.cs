using System.Collections.Immutable;
using static Pimcc.Ir.Ops.ShapeMath;

namespace Pimcc.Ir.Ops;

/// <summary>
/// <c>onnx.&lt;OpType&gt;</c>: an imported ONNX node that was not raised to a transformer-level op. It keeps
/// its ONNX attributes and declared result types; the reference interpreter gives it ONNX semantics.
/// Its class comes from the ONNX op type so annotation still accounts for it.
/// </summary>
public static class GenericOps
{
    public const string OnnxPrefix = "onnx.";

    private static readonly ImmutableSortedSet<string> NonlinearTypes = ImmutableSortedSet.Create(StringComparer.Ordinal,
        "Softmax", "LogSoftmax", "Exp", "Log", "Erf", "Tanh", "Sigmoid", "Relu", "Gelu", "Sqrt", "Pow", "Reciprocal",
        "LayerNormalization", "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "SimplifiedLayerNormalization", "Cos", "Sin");

    private static readonly ImmutableSortedSet<string> ElementWiseTypes = ImmutableSortedSet.Create(StringComparer.Ordinal,
        "Add", "Sub", "Mul", "Div", "Neg", "Where", "Equal", "Less", "Greater", "Not", "And", "Or", "Abs", "Max", "Min", "Mod");

    public static OpDef For(string opcode) => new(
        opcode, "imported ONNX operator", 0, int.MaxValue, [],
        _ => [],
        (s, r) => Cost(opcode[OnnxPrefix.Length..], s, r))
    { IsGeneric = true };

    private static OpCost Cost(string onnxType, OpSignature s, ImmutableArray<TensorType> r)
    {
        var read = Bytes(s.Operands);
        var written = Bytes(r);
        var outCount = r.IsDefaultOrEmpty ? SymExpr.Zero : r[0].ElementCount;
        if (onnxType is "MatMul" or "Gemm" && s.Count >= 2 && s[0].Rank >= 2)
        {
            var k = s[0].Shape[^1];
            var m = s[0].Shape[^2];
            return new OpCost(IsOne(m) ? OpClass.Gemv : OpClass.Gemm, outCount * k * 2, read, written);
        }
        if (NonlinearTypes.Contains(onnxType)) return new OpCost(OpClass.Nonlinear, outCount, read, written);
        if (ElementWiseTypes.Contains(onnxType)) return new OpCost(OpClass.ElementWise, outCount, read, written);
        return new OpCost(OpClass.DataMovement, SymExpr.Zero, read, written);
    }
}
