using System.Globalization;

namespace Pimcc.Frontends.Onnx;

/// <summary>One dimension of a value's shape: a known size, a named symbol ("seq"), or unknown.</summary>
public readonly record struct OnnxDim
{
    private OnnxDim(long? value, string? symbol)
    {
        Value = value;
        Symbol = symbol;
    }

    /// <summary>The size when known.</summary>
    public long? Value { get; }

    /// <summary>The symbolic name (dim_param) when the size is symbolic.</summary>
    public string? Symbol { get; }

    public bool IsKnown => Value.HasValue;

    public static OnnxDim Known(long value) => new(value, null);
    public static OnnxDim Named(string symbol) => new(null, symbol);
    public static OnnxDim Unknown { get; } = new(null, null);

    public override string ToString() =>
        Value?.ToString(CultureInfo.InvariantCulture) ?? Symbol ?? "?";
}

/// <summary>A value's shape: its rank and dimensions (each known, symbolic or unknown).</summary>
public sealed class OnnxShape : IEquatable<OnnxShape>
{
    public OnnxShape(IReadOnlyList<OnnxDim> dims) => Dims = dims;

    public IReadOnlyList<OnnxDim> Dims { get; }
    public int Rank => Dims.Count;

    public static OnnxShape Of(params long[] dims) => new(dims.Select(OnnxDim.Known).ToArray());

    public bool Equals(OnnxShape? other) => other is not null && Dims.SequenceEqual(other.Dims);
    public override bool Equals(object? obj) => Equals(obj as OnnxShape);
    public override int GetHashCode() => Dims.Count;

    public override string ToString() => "[" + string.Join(", ", Dims) + "]";
}

/// <summary>A graph input/output/intermediate value with its element type and (maybe unknown) shape.</summary>
public sealed record OnnxValueInfo(string Name, OnnxDataType ElementType, OnnxShape? Shape);
