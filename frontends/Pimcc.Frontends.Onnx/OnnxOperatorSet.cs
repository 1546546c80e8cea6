namespace Pimcc.Frontends.Onnx;

/// <summary>
/// What the ONNX frontend accepts: IR versions, default-domain opsets, and operators.
/// Anything else is rejected at load time with a diagnostic naming it.
/// </summary>
public static class OnnxOperatorSet
{
    /// <summary>IR version 7 (ONNX 1.8) is the first that can carry opset 13; 11 is ONNX 1.18's.</summary>
    public const long MinIrVersion = 7, MaxIrVersion = 11;

    /// <summary>Default-domain (ai.onnx) opsets whose operator semantics pimcc implements.</summary>
    public const int MinOpset = 13, MaxOpset = 21;

    /// <summary>
    /// Default-domain operators. The transformer set of the ONNX frontend issue, plus what the
    /// bundled torch exports need (Cos/Sin for rotary embeddings, Identity). Ordinal order.
    /// </summary>
    public static IReadOnlyList<string> Operators { get; } =
    [
        "Add", "And", "Cast", "Concat", "Constant", "ConstantOfShape", "Cos", "CumSum", "Div",
        "Equal", "Erf", "Exp", "Expand", "Gather", "Gelu", "Gemm", "Greater", "GreaterOrEqual",
        "Identity", "LayerNormalization", "Less", "LessOrEqual", "MatMul", "Max", "Min", "Mul",
        "Neg", "Not", "Or", "Pow", "Range", "Reciprocal", "ReduceMax", "ReduceMean", "ReduceSum",
        "Relu", "Reshape", "ScatterND", "Shape", "Sigmoid", "Sin", "Slice", "Softmax", "Split", "Sqrt",
        "Squeeze", "Sub", "Tanh", "Transpose", "Trilu", "Unsqueeze", "Where",
    ];

    private static readonly HashSet<string> OperatorSet = new(Operators, StringComparer.Ordinal);

    /// <summary>"" and "ai.onnx" both name the default domain.</summary>
    public static bool IsDefaultDomain(string domain) => domain.Length == 0 || domain == "ai.onnx";

    public static bool IsSupported(string domain, string opType) =>
        IsDefaultDomain(domain) && OperatorSet.Contains(opType);
}
