using Pimcc.Isa.Encoding;
using static Pimcc.Isa.Encoding.FieldKind;

namespace Pimcc.Isa.Hbm;

/// <summary>
/// The 64-bit HBM-PIM command layouts: <c>opcode[63:56]</c>, then the slots MSB first, then reserved zero bits.
/// Address fields follow JEDEC HBM3 naming: pseudo channel (pc), bank group (bg), bank (ba), row, column.
/// A column is one 32-byte access: the width of a bank PU (16 FP16 multipliers, spec/hpim.md "Processing unit").
/// Local addresses (<c>laddr</c> destinations, <c>saddr</c> sources) name an SRAM-PIM core's local memory in 32-byte units.
/// </summary>
public static class HbmFormats
{
    public const int WordBits = 64;

    private static readonly FieldSlot Pc = new(Unsigned, 1);
    private static readonly FieldSlot Bg = new(Unsigned, 3);
    private static readonly FieldSlot Ba = new(Unsigned, 2);
    private static readonly FieldSlot RowF = new(Unsigned, 18);
    private static readonly FieldSlot Col = new(Unsigned, 8);
    private static readonly FieldSlot GCol = new(Unsigned, 5);
    private static readonly FieldSlot Core = new(Unsigned, 5);
    private static readonly FieldSlot LAddr = new(Unsigned, 20);

    public static readonly WordFormat P = new("P", WordBits, [Pc]);
    public static readonly WordFormat PR = new("PR", WordBits, [Pc, RowF]);
    public static readonly WordFormat PB = new("PB", WordBits, [Pc, Bg, Ba]);
    public static readonly WordFormat PBR = new("PBR", WordBits, [Pc, Bg, Ba, RowF]);
    public static readonly WordFormat PBCL = new("PBCL", WordBits, [Pc, Bg, Ba, Col, Core, LAddr]);
    public static readonly WordFormat PCG = new("PCG", WordBits, [Pc, Col, GCol]);
    public static readonly WordFormat PBCG = new("PBCG", WordBits, [Pc, Bg, Ba, Col, GCol]);
    public static readonly WordFormat PGL = new("PGL", WordBits, [Pc, GCol, Core, LAddr]);
    public static readonly WordFormat PBL = new("PBL", WordBits, [Pc, Bg, Ba, Core, LAddr]);
    public static readonly WordFormat PL = new("PL", WordBits, [Pc, Core, LAddr]);
    public static readonly WordFormat EV = new("EV", WordBits, [new(Unsigned, 12), new(Count, 12)]);
    // count12 body8 drow8 dcol6 dgcol6 dladdr8 dsaddr8 = 56 bits: the whole word after the opcode.
    public static readonly WordFormat REP = new("REP", WordBits,
        [new(Count, 12), new(Count, 8), new(Signed, 8), new(Signed, 6), new(Signed, 6), new(Signed, 8), new(Signed, 8)]);

    public static IReadOnlyList<WordFormat> All { get; } = [P, PR, PB, PBR, PBCL, PCG, PBCG, PGL, PBL, PL, EV, REP];

    /// <summary>
    /// The operand names that a <c>rep</c> stride advances, in <c>rep</c>'s stride operand order. Local
    /// destinations (<c>laddr</c>: rd, res.rd) and local sources (<c>saddr</c>: gwr, wr) stride separately, so one
    /// rep body can both refill the global buffer from the next input chunk and write results to the next slot.
    /// </summary>
    public static IReadOnlyList<(string Stride, string Field)> RepeatStrides { get; } =
        [("drow", "row"), ("dcol", "col"), ("dgcol", "gcol"), ("dladdr", "laddr"), ("dsaddr", "saddr")];
}
