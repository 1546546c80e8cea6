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
        "Equal", "Erf", "Exp", "Expand", "Gather", "GatherElements", "Gelu", "Gemm", "Greater", "GreaterOrEqual",
        "Identity", "LayerNormalization", "Less", "LessOrEqual", "MatMul", "Max", "Min", "Mul",
        "Neg", "Not", "Or", "Pow", "Range", "Reciprocal", "ReduceMax", "ReduceMean", "ReduceSum",
        "Relu", "Reshape", "ScatterND", "Shape", "Sigmoid", "Sin", "Slice", "Softmax", "Split", "Sqrt",
        "Squeeze", "Sub", "Tanh", "Tile", "Transpose", "Trilu", "Unsqueeze", "Where",
    ];

    private static readonly HashSet<string> OperatorSet = new(Operators, StringComparer.Ordinal);

    /// <summary>
    /// Inputs an operator cannot do without (opsets 13-21, https://onnx.ai/onnx/operators/): a node with fewer is
    /// invalid ONNX. Binary ops take A and B; Gemm A and B (C optional); LayerNormalization X and Scale (B optional);
    /// Where condition, X and Y; Slice data, starts and ends; Range start, limit, delta; ScatterND data, indices,
    /// updates; CumSum x and axis; Gather, GatherElements, Tile, Reshape and Expand data and indices/repeats/shape; Constant none; the rest one.
    /// </summary>
    public static int RequiredInputs(string opType) => opType switch
    {
        "Constant" => 0,
        "Add" or "Sub" or "Mul" or "Div" or "Pow" or "Equal" or "Greater" or "Less" or "GreaterOrEqual" or "LessOrEqual"
            or "And" or "Or" or "MatMul" or "Gemm" or "Gather" or "GatherElements" or "Tile" or "Reshape" or "Expand" or "LayerNormalization"
            or "CumSum" => 2,
        "Where" or "Slice" or "Range" or "ScatterND" => 3,
        _ => 1,
    };

    /// <summary>"" and "ai.onnx" both name the default domain.</summary>
    public static bool IsDefaultDomain(string domain) => domain.Length == 0 || domain == "ai.onnx";

    public static bool IsSupported(string domain, string opType) =>
        IsDefaultDomain(domain) && OperatorSet.Contains(opType);
}
