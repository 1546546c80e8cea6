using System.Collections.Immutable;

namespace Pimcc.Ir;

/// <summary>
/// A named constant tensor of the module (a model weight). <see cref="Data"/> is empty for
/// config-only models, which carry shape and element type only. Data is little-endian in the
/// element type's storage format, row-major.
/// </summary>
public sealed record Weight(string Name, TensorType Type, ImmutableArray<byte> Data, AttrMap Attrs)
{
    public static Weight Shaped(string name, TensorType type) => new(name, type, ImmutableArray<byte>.Empty, AttrMap.Empty);

    public bool HasData => !Data.IsDefaultOrEmpty;

    public bool Equals(Weight? other) =>
        other is not null && Name == other.Name && Type.Equals(other.Type) && Attrs.Equals(other.Attrs) &&
        Data.AsSpan().SequenceEqual(other.Data.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Name, Type, Data.Length);
}

/// <summary>
/// A per-layer key/value cache declared by the module: <c>kv_cache @layers.0 : f16[2048,12,64]</c>
/// holds keys and values for up to <c>max_len</c> positions of <c>kv_heads</c> heads.
/// </summary>
public sealed record KvCache(string Name, TensorType Type, AttrMap Attrs)
{
    public long MaxLength => Type.Shape[0].Constant;
    public long KvHeads => Type.Shape[1].Constant;
    public long HeadDim => Type.Shape[2].Constant;

    /// <summary>Bytes for keys and values at full length.</summary>
    public long Bytes => checked(2 * Type.StaticBytes);
}
