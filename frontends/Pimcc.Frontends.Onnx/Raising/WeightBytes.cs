using System.Buffers.Binary;
using System.Collections.Immutable;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>Weight data in the IR's storage format: little-endian, row-major (docs/ir.md, Pimcc.Reference WeightData).</summary>
internal static class WeightBytes
{
    public static ImmutableArray<byte> F32(IReadOnlyList<float> values)
    {
        var bytes = new byte[values.Count * 4];
        for (var i = 0; i < values.Count; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return [.. bytes];
    }

    public static ImmutableArray<byte> I64(IReadOnlyList<long> values)
    {
        var bytes = new byte[values.Count * 8];
        for (var i = 0; i < values.Count; i++) BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
        return [.. bytes];
    }
}
