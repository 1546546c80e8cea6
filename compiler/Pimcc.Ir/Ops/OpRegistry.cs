using System.Collections.Immutable;

namespace Pimcc.Ir.Ops;

/// <summary>Every opcode the IR knows, in one place. <c>onnx.*</c> opcodes are generic.</summary>
public static class OpRegistry
{
    public static ImmutableArray<OpDef> All { get; } =
    [
        LinearAlgebraOps.Linear,
        LinearAlgebraOps.MatMul,
        AttentionOps.Attention,
        NonlinearOps.LayerNorm,
        NonlinearOps.RmsNorm,
        NonlinearOps.Softmax,
        NonlinearOps.Relu,
        NonlinearOps.Gelu,
        NonlinearOps.Silu,
        NonlinearOps.SoftCap,
        ElementWiseOps.Add,
        ElementWiseOps.Sub,
        ElementWiseOps.Mul,
        ElementWiseOps.Div,
        ElementWiseOps.Rotary,
        DataMovementOps.Embedding,
        DataMovementOps.PositionIds,
        DataMovementOps.LastToken,
        DataMovementOps.Transpose,
        DataMovementOps.Reshape,
        DataMovementOps.Cast,
    ];

    private static readonly ImmutableDictionary<string, OpDef> ByName =
        All.ToImmutableDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>The definition of an opcode, or null if unknown.</summary>
    public static OpDef? Find(string opcode) =>
        ByName.TryGetValue(opcode, out var d) ? d
        : opcode.StartsWith(GenericOps.OnnxPrefix, StringComparison.Ordinal) && opcode.Length > GenericOps.OnnxPrefix.Length
            ? GenericOps.For(opcode)
            : null;

    /// <summary>Result types of an op with the given operand types and attributes.</summary>
    public static ImmutableArray<TensorType> InferResults(OpDef def, OpSignature sig) => def.Infer(sig);
}
