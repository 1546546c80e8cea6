namespace Pimcc.Frontends.Onnx;

/// <summary>Which value an <see cref="OnnxAttribute"/> holds (AttributeProto.AttributeType).</summary>
public enum OnnxAttributeKind
{
    Float,
    Int,
    String,
    Tensor,
    Floats,
    Ints,
    Strings,
}

/// <summary>A node attribute; exactly the member that <see cref="Kind"/> names is set.</summary>
public sealed record OnnxAttribute(string Name, OnnxAttributeKind Kind)
{
    public float Float { get; init; }
    public long Int { get; init; }
    public string String { get; init; } = "";
    public OnnxTensor? Tensor { get; init; }
    public IReadOnlyList<float> Floats { get; init; } = [];
    public IReadOnlyList<long> Ints { get; init; } = [];
    public IReadOnlyList<string> Strings { get; init; } = [];
}
