using Pimcc.Ir;

namespace Pimcc.Reference;

/// <summary>
/// Rounding of float32 values to the storage precision of f16 and bf16 (round to nearest, ties to
/// even, as IEEE 754 and PyTorch's conversions do). The interpreter accumulates in float32 and
/// rounds on store when the result type is f16 or bf16.
/// </summary>
public static class FloatRounding
{
    public static float Round(ElementType t, float x) => t switch
    {
        ElementType.F32 => x,
        ElementType.F16 => (float)(Half)x,
        ElementType.BF16 => ToBFloat16Float(x),
        _ => throw new ArgumentOutOfRangeException(nameof(t), $"{t.Name()} is not a float type"),
    };

    /// <summary>bfloat16 keeps the upper 16 bits of float32; round to nearest even on the dropped 16. NaN stays NaN.</summary>
    public static ushort ToBFloat16Bits(float x)
    {
        if (float.IsNaN(x)) return 0x7FC0;
        var bits = BitConverter.SingleToUInt32Bits(x);
        var lsb = (bits >> 16) & 1;
        bits += 0x7FFF + lsb;
        return (ushort)(bits >> 16);
    }

    public static float FromBFloat16Bits(ushort bits) => BitConverter.UInt32BitsToSingle((uint)bits << 16);

    public static float ToBFloat16Float(float x) => FromBFloat16Bits(ToBFloat16Bits(x));
}

/// <summary>Two's-complement wrap-around of integer results to the width of their element type.</summary>
public static class IntegerRange
{
    public static long Wrap(ElementType t, long v) => t switch
    {
        ElementType.I64 => v,
        ElementType.I32 => (int)v,
        ElementType.I8 => (sbyte)v,
        ElementType.I4 => ((v & 0xF) ^ 0x8) - 0x8,
        ElementType.I1 => v & 1,
        ElementType.Ternary => Math.Clamp(v, -1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(t), $"{t.Name()} is not an integer type"),
    };
}
