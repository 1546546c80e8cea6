using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using System.Buffers.Binary;
using Pimcc.Isa.Sram;

namespace Pimcc.Hpim.Sim.Functional;

/// <summary>
/// The element types of the ISA's <c>dtype</c> operand (fp16 = 0, bf16 = 1, fp32 = 2) as stored in memory, with the
/// reference interpreter's numeric conventions (runtime-sim/Pimcc.Reference/README.md): arithmetic in FP32, results
/// rounded to the destination type once, on store (round to nearest, ties to even).
/// </summary>
internal static class ElementCodec
{
    public static int Bytes(long dtype) => SramFormats.ElementBytes(dtype);

    public static float Read(ReadOnlySpan<byte> mem, long dtype) => dtype switch
    {
        0 => (float)BinaryPrimitives.ReadHalfLittleEndian(mem),
        1 => BitConverter.UInt32BitsToSingle((uint)BinaryPrimitives.ReadUInt16LittleEndian(mem) << 16),
        _ => BinaryPrimitives.ReadSingleLittleEndian(mem),
    };

    public static void Write(Span<byte> mem, long dtype, float v)
    {
        switch (dtype)
        {
            case 0: BinaryPrimitives.WriteHalfLittleEndian(mem, (Half)v); break;
            case 1: BinaryPrimitives.WriteUInt16LittleEndian(mem, ToBFloat16Bits(v)); break;
            default: BinaryPrimitives.WriteSingleLittleEndian(mem, v); break;
        }
    }

    /// <summary>Rounds an FP32 value to what storing it as <paramref name="dtype"/> keeps.</summary>
    public static float Round(float v, long dtype) => dtype switch
    {
        0 => (float)(Half)v,
        1 => BitConverter.UInt32BitsToSingle((uint)ToBFloat16Bits(v) << 16),
        _ => v,
    };

    /// <summary>bfloat16 keeps the upper 16 bits of float32, rounded to nearest even; NaN stays NaN (as Pimcc.Reference.FloatRounding).</summary>
    private static ushort ToBFloat16Bits(float x)
    {
        if (float.IsNaN(x)) return 0x7FC0;
        var bits = BitConverter.SingleToUInt32Bits(x);
        bits += 0x7FFF + ((bits >> 16) & 1);
        return (ushort)(bits >> 16);
    }
}
