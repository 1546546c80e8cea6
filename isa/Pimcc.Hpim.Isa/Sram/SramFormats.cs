using Pimcc.Isa.Encoding;
using static Pimcc.Isa.Encoding.FieldKind;

namespace Pimcc.Isa.Sram;

/// <summary>
/// The 32-bit SRAM-PIM word layouts. Every word is <c>opcode[31:24]</c> followed by the slots below, MSB first;
/// leftover low bits are reserved (zero). Large addresses, sizes and strides live in the 32 scalar registers
/// (set with <c>li.lo</c>/<c>li.hi</c>), so data-path instructions only name registers.
/// </summary>
public static class SramFormats
{
    public const int WordBits = 32;

    /// <summary>Element type of VCU/PIM/TCU/transpose operands. Code 3 is unassigned (an out-of-range operand).</summary>
    public static readonly EnumDomain DataType = new("dtype", ["fp16", "bf16", "fp32"], "element type");

    /// <summary>Bytes of one element of each <see cref="DataType"/> code: fp16 and bf16 are 2, fp32 is 4.</summary>
    private static readonly int[] DataTypeBytes = [2, 2, 4];

    /// <summary>Bytes of one element of data type code <paramref name="dtype"/> (the one statement of dtype sizes).</summary>
    public static int ElementBytes(long dtype) => DataTypeBytes[dtype];

    /// <summary>Reduction operator of <c>noc.ar</c>. Code 3 is unassigned.</summary>
    public static readonly EnumDomain ReduceOp = new("redop", ["sum", "max", "min"], "all-reduce operator");

    /// <summary>The arithmetic of each <see cref="ReduceOp"/> code.</summary>
    public static IReadOnlyList<Arithmetic> ReduceFunctions { get; } = [Arithmetic.Add, Arithmetic.Max, Arithmetic.Min];

    /// <summary>Accumulate flag: <c>set</c> overwrites the destination, <c>acc</c> adds into it.</summary>
    public static readonly EnumDomain Accumulate = new("accmode", ["set", "acc"], "overwrite or accumulate");

    /// <summary>The <see cref="Accumulate"/> codes emitters write.</summary>
    public static readonly long SetMode = Accumulate.Code("set"), AccMode = Accumulate.Code("acc");

    /// <summary>
    /// The <see cref="DataType"/> code of a datapath element size (the target's system.elementSize): 2 bytes are
    /// fp16, 4 are fp32 (as hpim-convert-precision converts the model).
    /// </summary>
    public static long DataTypeOfElement(int elementBytes) => elementBytes switch
    {
        2 => DataType.Code("fp16"),
        4 => DataType.Code("fp32"),
        _ => throw new ArgumentOutOfRangeException(nameof(elementBytes), elementBytes, "no datapath type of this size"),
    };

    private static readonly FieldSlot Reg = new(Register, 5);
    private static readonly FieldSlot Dt = new(FieldKind.Enum, 2, DataType);
    private static readonly FieldSlot Acc = new(FieldKind.Enum, 1, Accumulate);

    public static readonly WordFormat N = new("N", WordBits, []);
    public static readonly WordFormat J = new("J", WordBits, [new(Offset, 24)]);
    public static readonly WordFormat RI = new("RI", WordBits, [Reg, new(Unsigned, 16)]);
    public static readonly WordFormat R2 = new("R2", WordBits, [Reg, Reg]);
    public static readonly WordFormat RRI = new("RRI", WordBits, [Reg, Reg, new(Signed, 14)]);
    public static readonly WordFormat R3 = new("R3", WordBits, [Reg, Reg, Reg]);
    public static readonly WordFormat R3D = new("R3D", WordBits, [Reg, Reg, Reg, Dt]);
    public static readonly WordFormat R3DA = new("R3DA", WordBits, [Reg, Reg, Reg, Dt, Acc]);
    public static readonly WordFormat R4 = new("R4", WordBits, [Reg, Reg, Reg, Reg]);
    public static readonly WordFormat R4D = new("R4D", WordBits, [Reg, Reg, Reg, Reg, Dt]);
    public static readonly WordFormat R4DA = new("R4DA", WordBits, [Reg, Reg, Reg, Reg, Dt, Acc]);
    public static readonly WordFormat R4T = new("R4T", WordBits, [Reg, Reg, Reg, Reg, new(Unsigned, 4)]);
    public static readonly WordFormat R4RD = new("R4RD", WordBits, [Reg, Reg, Reg, Reg, new(FieldKind.Enum, 2, ReduceOp), Dt]);
    public static readonly WordFormat B = new("B", WordBits, [Reg, Reg, new(Offset, 14)]);
    public static readonly WordFormat L = new("L", WordBits, [Reg, new(Offset, 19)]);
    public static readonly WordFormat TG = new("TG", WordBits, [new(Unsigned, 4)]);
    public static readonly WordFormat E = new("E", WordBits, [new(Unsigned, 12), new(Count, 12)]);

    public static IReadOnlyList<WordFormat> All { get; } = [N, J, RI, R2, RRI, R3, R3D, R3DA, R4, R4D, R4DA, R4T, R4RD, B, L, TG, E];

    public static IReadOnlyList<EnumDomain> Domains { get; } = [DataType, ReduceOp, Accumulate];
}
