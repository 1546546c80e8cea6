using Pimcc.Isa.Encoding;
using static Pimcc.Isa.Encoding.FieldKind;

namespace Pimcc.Pimllm.Isa;

/// <summary>
/// The 64-bit word layouts of pimllm's three tables. Every word is <c>opcode[63:56]</c> followed by the slots below, MSB
/// first; leftover low bits are reserved (zero). Operands are immediates (no registers: every stream is a sequence of
/// dataflow commands, straight but for <c>rep</c> bodies). SRAM addresses count <see cref="SramUnitBytes"/>-byte units, LPDDR addresses and DMA
/// lengths <see cref="LpddrUnitBytes"/>-byte units within the stream's channel.
/// </summary>
public static class PimllmFormats
{
    public const int WordBits = 64;

    /// <summary>Bytes of one SRAM address unit: 17-bit addresses reach 8 MiB (the paper's SRAM; the contract refuses more).</summary>
    public const int SramUnitBytes = 64;

    /// <summary>Bits of an SRAM address operand.</summary>
    public const int SramAddressBits = 17;

    /// <summary>Bytes of one LPDDR address and DMA length unit (two x16 BL16 bursts).</summary>
    public const int LpddrUnitBytes = 64;

    /// <summary>Bits of an LPDDR address operand: 2^25 units of 64 bytes = 2 GiB per channel (lpddr.channelCapacity).</summary>
    public const int LpddrAddressBits = 25;

    /// <summary>Element type of a post-processing or softmax vector.</summary>
    public static readonly EnumDomain DataType = new("dtype", ["i8", "i32", "fp16", "fp32"], "element type");

    /// <summary>Element type of a post-processing sum or product's result: fp16 (the activations' type), or fp32 where
    /// the result stays a systolic array output (a streamed linear's bias, an LM head chunk's bias before its store).</summary>
    public static readonly EnumDomain ResultType = new("rtype", ["fp16", "fp32"], "result element type");

    // after DataType and ResultType: static fields start in the order they are written
    private static readonly int[] ResultDataTypes = [.. ResultType.Names.Select(n => DataType.Names.ToList().IndexOf(n))];

    /// <summary>The <see cref="DataType"/> code of result type <paramref name="rt"/> (its element type of the same name).</summary>
    public static int ResultDataType(long rt) => ResultDataTypes[rt];

    /// <summary>Weight type of a systolic GEMM's B operand: 8-bit, sign bits (bit 1 = +1) or ternary codes, packed.</summary>
    public static readonly EnumDomain WeightType = new("wtype", ["i8", "i1", "tern"], "B operand element type");

    /// <summary><c>set</c> overwrites the destination, <c>acc</c> adds into it.</summary>
    public static readonly EnumDomain Accumulate = new("accmode", ["set", "acc"], "overwrite or accumulate");

    public static readonly EnumDomain NormKind = new("norm", ["layer", "rms"], "LayerNorm (gamma, beta) or RMSNorm (gamma)");

    public static readonly EnumDomain ActivationFunction = new("act", ["gelu", "relu", "silu"], "activation function (GELU: tanh approximation)");

    /// <summary>Which row of a table <c>dma.row</c> gathers: the current token's id or its position.</summary>
    public static readonly EnumDomain RowIndex = new("rowidx", ["token", "position"], "row selector of dma.row");

    /// <summary>How the keys dimension of a <c>sa.mshape</c> product is bounded: <c>dense</c> as given; <c>causal_n</c>
    /// (Q·Kᵀ) and <c>causal_k</c> (S·V): the given keys are past + m and row i sees past + i + 1 of them (masked tiles
    /// skipped); <c>cache_n</c> and <c>cache_k</c>: every row sees the p + 1 keys of the cache at the current position p
    /// (decode), the given value being the most the program was compiled for.</summary>
    public static readonly EnumDomain Span = new("span", ["dense", "causal_n", "causal_k", "cache_n", "cache_k"], "keys bound of a matrix product");

    /// <summary>How <c>sa.scale</c> reads one factor of a product's output: one fp32 per row (or column) of C, one for
    /// all of C, or none (1).</summary>
    public static readonly EnumDomain ScaleMode = new("sscale", ["each", "one", "none"], "per row (column), single, or no fp32 factor");

    private static readonly FieldSlot Sram = new(Unsigned, SramAddressBits);
    private static readonly FieldSlot Dt = new(FieldKind.Enum, 2, DataType);

    public static readonly WordFormat Mvm = new("MVM", WordBits, [new(Unsigned, 18), new(Count, 10), new(Count, 9), Sram, new(FieldKind.Enum, 1, Accumulate)]);
    public static readonly WordFormat Store = new("XST", WordBits, [Sram, Sram, new(Count, 16), Dt]);
    public static readonly WordFormat Length = new("LEN", WordBits, [new(Count, 24), new(Count, 9), new(Unsigned, 16)]);
    public static readonly WordFormat Tokens = new("TOK", WordBits, [new(Unsigned, 16), new(Count, 16)]);
    public static readonly WordFormat Norm = new("NORM", WordBits, [Sram, Sram, Sram, new(FieldKind.Enum, 1, NormKind), Dt]);
    public static readonly WordFormat Unary = new("UN", WordBits, [Sram, Sram, new(FieldKind.Enum, 2, ActivationFunction), Dt]);
    public static readonly WordFormat Binary = new("BIN", WordBits, [Sram, Sram, Sram, Dt]);
    /// <summary>A binary element-wise op with its result's type (<see cref="ResultType"/>).</summary>
    public static readonly WordFormat BinaryTyped = new("BINR", WordBits, [Sram, Sram, Sram, Dt, new(FieldKind.Enum, 1, ResultType)]);
    public static readonly WordFormat Shape = new("SHAPE", WordBits, [new(Count, 6), new(Count, 6), new(Count, 20)]);
    public static readonly WordFormat Gemm = new("GEMM", WordBits, [Sram, Sram, Sram, new(FieldKind.Enum, 2, WeightType), new(FieldKind.Enum, 1, Accumulate)]);
    public static readonly WordFormat Softmax = new("SMX", WordBits, [Sram, Sram, new(Count, 20)]);
    public static readonly WordFormat MatrixShape = new("MSHAPE", WordBits, [new(Count, 13), new(Count, 20), new(Count, 20), new(FieldKind.Enum, 3, Span)]);
    public static readonly WordFormat Strides = new("STRIDE", WordBits, [new(Unsigned, 16), new(Unsigned, 16), new(Unsigned, 16)]);
    public static readonly WordFormat SoftmaxRows = new("SMXM", WordBits, [Sram, Sram]);
    public static readonly WordFormat Dma = new("DMA", WordBits, [Sram, new(Unsigned, LpddrAddressBits), new(Count, 14)]);
    public static readonly WordFormat DmaRow = new("DROW", WordBits, [Sram, new(Unsigned, LpddrAddressBits), new(Count, 13), new(FieldKind.Enum, 1, RowIndex)]);
    public static readonly WordFormat Scale = new("SCALE", WordBits, [Sram, new(FieldKind.Enum, 2, ScaleMode), Sram, new(FieldKind.Enum, 2, ScaleMode)]);
    public static readonly WordFormat SoftmaxScale = new("PSCALE", WordBits, [Sram, Sram, Sram]);
    public static readonly WordFormat Row = new("ROW", WordBits, [Sram, Sram]);
    public static readonly WordFormat Event = new("EV", WordBits, [new(Unsigned, 12), new(Count, 12)]);
    /// <summary>A repeated body: iterations, body words, token step per iteration (<see cref="PimllmRepeat"/>).</summary>
    public static readonly WordFormat Repeat = new("REP", WordBits, [new(Count, 16), new(Count, 24), new(Unsigned, 16)]);
    /// <summary>Channels of each group a rotary word rotates (partial rotary: the first rotary_dim of a head).</summary>
    public static readonly WordFormat Channels = new("CH", WordBits, [new(Count, 9)]);
    /// <summary>A byte offset within one SRAM unit (0 .. 63): a per-head slice that does not start on a unit.</summary>
    public static readonly WordFormat Offset = new("OFF", WordBits, [new(Unsigned, 6)]);
}
