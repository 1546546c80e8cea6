using System.Collections.Immutable;
using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// The module's weights, declared in checkpoint order while a family lays out its parameters. Each
/// declaration returns the handle the emitted ops use, so a weight's name and shape are stated once.
/// Config-only: shape and element type, no data.
/// </summary>
internal sealed class WeightTable(ElementType dtype)
{
    private readonly List<Weight> _weights = [];

    public ImmutableArray<Weight> Weights => [.. _weights];

    public string Add(string name, long[] shape, AttrMap? attrs = null)
    {
        var type = TensorType.Of(dtype, [.. shape.Select(SymExpr.Const)]);
        _weights.Add(new Weight(name, type, ImmutableArray<byte>.Empty, attrs ?? AttrMap.Empty));
        return name;
    }

    /// <summary>
    /// An <c>nn.Linear</c> called <paramref name="module"/>: <c>.weight</c> [out, in] and optionally
    /// <c>.bias</c> [out]. <paramref name="weightAttrs"/> describe how the checkpoint stores the weight
    /// when that differs from [out, in] (GPT-2's Conv1D).
    /// </summary>
    public LinearParams Linear(string module, long outFeatures, long inFeatures, bool bias, string role, AttrMap? weightAttrs = null) =>
        new(Add($"{module}.weight", [outFeatures, inFeatures], weightAttrs),
            bias ? Add($"{module}.bias", [outFeatures]) : null, role);

    /// <summary>An <c>nn.LayerNorm</c> with affine weight and bias.</summary>
    public NormParams LayerNorm(string module, long dim, double eps) =>
        new(Add($"{module}.weight", [dim]), Add($"{module}.bias", [dim]), eps);

    /// <summary>An RMSNorm (Llama family): weight only.</summary>
    public NormParams RmsNorm(string module, long dim, double eps) =>
        new(Add($"{module}.weight", [dim]), null, eps);
}

/// <summary>A linear layer's weight (and bias) names and its role for the mapping passes.</summary>
internal sealed record LinearParams(string Weight, string? Bias, string Role)
{
    /// <summary>A linear that reuses another weight, e.g. an LM head tied to the embedding table.</summary>
    public static LinearParams Tied(string weight, string role) => new(weight, null, role);

    public Value Apply(FunctionBuilder fb, Value x, string name)
    {
        Operand[] operands = Bias is null ? [x.Use, Operand.W(Weight)] : [x.Use, Operand.W(Weight), Operand.W(Bias)];
        return fb.Op("linear", operands, AttrMap.Empty.Set("role", Role), name);
    }
}

/// <summary>A normalisation: LayerNorm when it has a bias, RMSNorm otherwise.</summary>
internal sealed record NormParams(string Weight, string? Bias, double Eps)
{
    public Value Apply(FunctionBuilder fb, Value x, string name)
    {
        var attrs = AttrMap.Empty.Set("eps", Eps);
        return Bias is null
            ? fb.Op("rms_norm", [x.Use, Operand.W(Weight)], attrs, name)
            : fb.Op("layer_norm", [x.Use, Operand.W(Weight), Operand.W(Bias)], attrs, name);
    }
}
