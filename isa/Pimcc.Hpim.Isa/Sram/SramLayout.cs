namespace Pimcc.Isa.Sram;

/// <summary>
/// How two values share one 32-bit register operand (docs/isa.md): shapes keep rows in the upper and columns (or row
/// bytes) in the lower half, <c>mv.2d</c> strides the destination stride in the upper and the source stride in the
/// lower half, and a PIM-macro slot is the macro group in the upper half and the byte offset in it in the lower.
/// Declared once for the lowering that packs them and the simulators that unpack them.
/// </summary>
public static class SramLayout
{
    private const int HalfBits = 16;
    private const long HalfMask = (1L << HalfBits) - 1;

    /// <summary><paramref name="high"/> &lt;&lt; 16 | <paramref name="low"/>; each must fit 16 bits (a wider one would corrupt the other).</summary>
    public static long Pack(long high, long low)
    {
        if ((ulong)high > HalfMask || (ulong)low > HalfMask)
            throw new ArgumentOutOfRangeException(nameof(high), $"({high}, {low}) does not fit two 16-bit halves of a register");
        return high << HalfBits | low;
    }

    public static long High(long packed) => packed >> HalfBits;

    public static long Low(long packed) => packed & HalfMask;

    /// <summary>Byte of a core's PIM macros that macro slot <paramref name="slot"/> names (groups of <paramref name="groupBytes"/>).</summary>
    public static long MacroByte(long slot, long groupBytes) => High(slot) * groupBytes + Low(slot);
}
