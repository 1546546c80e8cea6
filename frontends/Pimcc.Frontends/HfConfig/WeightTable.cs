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

    /// <summary>An <c>nn.LayerNorm</c>: affine weight and (unless <paramref name="bias"/> is false) bias.</summary>
    public NormParams LayerNorm(string module, long dim, double eps, bool bias = true) =>
        new("layer_norm", Add($"{module}.weight", [dim]), bias ? Add($"{module}.bias", [dim]) : null, eps);

    /// <summary>A LayerNorm without learnable parameters (OLMo's <c>elementwise_affine=False</c>): no weights at all.</summary>
    public static NormParams NonParametricLayerNorm(double eps) => new("layer_norm", null, null, eps);

    /// <summary>
    /// An RMSNorm: weight only. <paramref name="weightAttrs"/> say how the checkpoint stores the weight when the
    /// IR's gamma differs from it (Gemma's <c>1 + weight</c>: <c>source_offset = 1</c>).
    /// </summary>
    public NormParams RmsNorm(string module, long dim, double eps, AttrMap? weightAttrs = null) =>
        new("rms_norm", Add($"{module}.weight", [dim], weightAttrs), null, eps);

    /// <summary>
    /// The parts of a fused projection (<c>query_key_value</c>, <c>qkv_proj</c>, <c>gate_up_proj</c>) as separate
    /// linears, because PIM mapping passes tile them separately. The fused output features repeat in blocks of
    /// <paramref name="stride"/> rows; each part takes <c>Length</c> rows at <c>Start</c> of every block. Each part's
    /// weight (and bias) records <c>source</c> (the checkpoint tensor) and <c>source_blocks = [start, length, stride]</c>.
    /// </summary>
    public LinearParams[] Split(string module, long inFeatures, bool bias, long stride, long outFeatures,
        params (string Part, long Start, long Length, string Role)[] parts)
    {
        var blocks = outFeatures / stride;
        return [.. parts.Select(p =>
        {
            var attrs = AttrMap.Empty.Set("source_blocks", AttrValue.Of(new[] { p.Start, p.Length, stride }));
            var weight = Add($"{module}.{p.Part}.weight", [p.Length * blocks, inFeatures], attrs.Set("source", $"{module}.weight"));
            var b = bias ? Add($"{module}.{p.Part}.bias", [p.Length * blocks], attrs.Set("source", $"{module}.bias")) : null;
            return new LinearParams(weight, b, p.Role);
        })];
    }
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

/// <summary>A normalisation op (<c>layer_norm</c> or <c>rms_norm</c>) and its optional scale and shift weights.</summary>
internal sealed record NormParams(string Opcode, string? Weight, string? Bias, double Eps)
{
    public Value Apply(FunctionBuilder fb, Value x, string name)
    {
        Operand[] operands = [x.Use, .. new[] { Weight, Bias }.OfType<string>().Select(Operand.W)];
        return fb.Op(Opcode, operands, AttrMap.Empty.Set("eps", Eps), name);
    }
}
