using Pimcc.Isa.Encoding;
using static Pimcc.Isa.Encoding.FieldKind;

namespace Pimcc.Hyflexpim.Isa;

/// <summary>
/// The 64-bit word layouts of hyflexpim's four tables. Every word is <c>opcode[63:56]</c> followed by the slots below,
/// MSB first; leftover low bits are reserved (zero). Operands are immediates: every stream is a straight sequence of
/// dataflow instructions. Every row of a vector operand (one token's vector, one head's scores) starts at a unit
/// boundary: a row of n elements of b bytes takes ceil(n x b / <see cref="BufferUnitBytes"/>) units. Vector operands (activations, partial sums) are addresses in the PU buffer's activation window
/// (its first 2^16 units of <see cref="BufferUnitBytes"/> bytes, 16 MiB); KV-cache operands of the digital PIM reach the
/// whole buffer (<see cref="KvAddressBits"/>).
/// </summary>
public static class HyflexpimFormats
{
    public const int WordBits = 64;

    /// <summary>Bytes of one PU-buffer address unit and of one transfer length unit.</summary>
    public const int BufferUnitBytes = 256;

    /// <summary>Bits of a vector (activation window) address: 2^16 units of 256 bytes = 16 MiB.</summary>
    public const int VectorAddressBits = 16;

    /// <summary>Bytes of the activation window vector operands reach.</summary>
    public const long WindowBytes = (1L << VectorAddressBits) * BufferUnitBytes;

    /// <summary>Bits of a KV-cache address: 2^22 units of 256 bytes = 1 GiB (the preset's PU buffer is 256 MiB).</summary>
    public const int KvAddressBits = 22;

    /// <summary>Bits of a PU number (global: chip x chip.pus + PU).</summary>
    public const int PuBits = 12;

    /// <summary>Which dimension of a weight its SVD ranks (and so its SLC/MLC split) run along: outputs (Σ·Vᵀ, and
    /// unfactored weights) or inputs (U).</summary>
    public static readonly EnumDomain SplitAxis = new("axis", ["out", "in"], "dimension the SLC/MLC split runs along");

    public static readonly EnumDomain NormKind = new("norm", ["layer", "rms"], "LayerNorm (gamma, beta) or RMSNorm (gamma)");

    public static readonly EnumDomain ActivationFunction = new("act", ["gelu", "relu", "silu", "gelu_erf"], "activation function (gelu: tanh approximation; gelu_erf: exact, x Phi(x))");

    /// <summary>Which KV rows a query sees: those up to its own position (decoders) or all of the table's rows (encoders).</summary>
    public static readonly EnumDomain AttentionMask = new("mask", ["causal", "full"], "rows a query sees: up to its position, or all");

    /// <summary>Whether b of sfu.add / sfu.mul has a row per row of a (<c>each</c>) or one row broadcast to all (<c>one</c>).</summary>
    public static readonly EnumDomain RowsOfB = new("brows", ["each", "one"], "rows of b: one per row of a, or one broadcast to every row");

    /// <summary><c>set</c> overwrites the destination, <c>acc</c> adds into it.</summary>
    public static readonly EnumDomain Accumulate = new("accmode", ["set", "acc"], "overwrite or accumulate");

    /// <summary>Which row of an embedding table <c>io.row</c> fetches: the current token's id or its position.</summary>
    public static readonly EnumDomain RowIndex = new("rowidx", ["token", "position"], "row selector of io.row");

    private static readonly FieldSlot Vec = new(Unsigned, VectorAddressBits);
    private static readonly FieldSlot Kv = new(Unsigned, KvAddressBits);
    private static readonly FieldSlot Pu = new(Unsigned, PuBits);

    public static readonly WordFormat AnalogShape = new("ASHAPE", WordBits, [new(Count, 16), new(Count, 18), new(Count, 4), new(Count, 14)]);
    public static readonly WordFormat Split = new("SPLIT", WordBits, [new(Unsigned, 17), new(FieldKind.Enum, 1, SplitAxis), new(Unsigned, 20)]);
    public static readonly WordFormat Gemv = new("GEMV", WordBits, [new(Unsigned, 5), new(Unsigned, 9), new(Unsigned, 9), Vec, Vec, new(FieldKind.Enum, 1, Accumulate)]);
    public static readonly WordFormat DigitalShape = new("DSHAPE", WordBits, [new(Count, 10), new(Count, 14), new(Count, 14), new(Count, 8), new(Count, 8)]);
    public static readonly WordFormat Dot = new("DOT", WordBits, [Vec, Vec, Kv]);
    public static readonly WordFormat DigitalScale = new("DSCALE", WordBits, [Vec, Kv]);
    public static readonly WordFormat KvWrite = new("KVW", WordBits, [Kv, Vec, new(Count, 14)]);
    public static readonly WordFormat Length = new("LEN", WordBits, [new(Unsigned, 20), new(Count, 16)]);
    public static readonly WordFormat Softmax = new("SMX", WordBits, [Vec, Vec, new(Count, 14)]);
    public static readonly WordFormat Norm = new("NORM", WordBits, [Vec, Vec, Vec, new(FieldKind.Enum, 1, NormKind), new(Unsigned, 7)]);
    public static readonly WordFormat Unary = new("UN", WordBits, [Vec, Vec, new(FieldKind.Enum, 2, ActivationFunction)]);
    public static readonly WordFormat Binary = new("BIN", WordBits, [Vec, Vec, Vec]);
    public static readonly WordFormat Elementwise = new("ELEM", WordBits, [Vec, Vec, Vec, new(FieldKind.Enum, 1, RowsOfB)]);
    public static readonly WordFormat Rope = new("ROPE", WordBits, [Vec, Vec, Vec, new(Count, 8)]);
    public static readonly WordFormat HeadWidth = new("HEAD", WordBits, [new(Count, 10)]);
    public static readonly WordFormat Reduce = new("RED", WordBits, [Vec, Vec, new(Count, 8)]);
    public static readonly WordFormat Send = new("SEND", WordBits, [Pu, Vec, Vec, new(Count, 12)]);
    public static readonly WordFormat IoRow = new("IOROW", WordBits, [Vec, new(Count, 16), new(FieldKind.Enum, 1, RowIndex), new(Count, 14), new(Unsigned, 9)]);
    public static readonly WordFormat IoOut = new("IOOUT", WordBits, [Vec, new(Count, 16)]);
    public static readonly WordFormat Event = new("EV", WordBits, [new(Unsigned, 16), new(Count, 12)]);
    public static readonly WordFormat QueryBlock = new("QBLK", WordBits, [new(Unsigned, 14)]);
    public static readonly WordFormat Mask = new("MASK", WordBits, [new(FieldKind.Enum, 1, AttentionMask)]);
}
