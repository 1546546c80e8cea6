using Pimcc.Isa.Encoding;
using static Pimcc.Isa.Encoding.FieldKind;

namespace Pimcc.Gpu.Isa;

/// <summary>
/// The 64-bit word layouts of the GPU kernel-launch table. Every word is <c>opcode[63:56]</c> followed by the slots
/// below, MSB first; leftover low bits are reserved (zero). A kernel is its work words (<c>wk.flops</c>,
/// <c>wk.bytes</c>: what the compiler's cost model counted, linear in the KV length) and one launch word naming its
/// kernel class and the operator class its time is reported under.
/// </summary>
public static class GpuFormats
{
    public const int WordBits = 64;

    /// <summary>Bits of a work word's constant part: 2^40 - 1 FLOPs or bytes per kernel (1.1e12; OPT-30B's fc1 over a
    /// 2,048-token prompt is 8.4e11).</summary>
    public const int WorkBaseBits = 40;

    /// <summary>Bits of the low part <c>lo</c> of a work word's constant (operand values are at most 31 bits); the
    /// high part <c>hi</c> holds the rest: base = hi x 2^31 + lo. In the word the two are one 40-bit field.</summary>
    public const int WorkLowBits = 31;

    /// <summary>The constant part of a work word from its two operands.</summary>
    public static long WorkBase(long hi, long lo) => (hi << WorkLowBits) | lo;

    /// <summary>A work word's constant part as its two operands (hi, lo).</summary>
    public static (long Hi, long Lo) SplitWork(long value) => (value >> WorkLowBits, value & ((1L << WorkLowBits) - 1));

    /// <summary>Bits of a work word's per-KV-position part: 65,535 FLOPs or bytes per cached position and kernel (a
    /// decode Q.K^T of a model of hidden size h counts 2h FLOPs per position: h up to 32,767).</summary>
    public const int WorkPerKvBits = 16;

    /// <summary>
    /// The operator classes a kernel's time and energy are reported under: the shared report classes of every
    /// simulator (Pimcc.Sim.WorkClass, in its order, written with '_' for the report's '-': assembly names are
    /// identifiers), so GPU and PIM reports compare class by class.
    /// </summary>
    public static readonly EnumDomain OperatorClass = new("opclass",
        ["qkv_generation", "attention", "output_projection", "ffn", "nonlinear", "data_movement", "other"],
        "operator class the kernel's time is reported under");

    private static readonly FieldSlot Op = new(FieldKind.Enum, 3, OperatorClass);

    /// <summary>Work of the next launch: hi x 2^31 + lo + perkv x kv.</summary>
    public static readonly WordFormat Work = new("WORK", WordBits,
        [new(Unsigned, WorkBaseBits - WorkLowBits), new(Unsigned, WorkLowBits), new(Unsigned, WorkPerKvBits)]);

    /// <summary>A GEMM/GEMV launch: rows m (tokens), columns n (outputs), reduction depth k, operator class.</summary>
    public static readonly WordFormat Gemm = new("GEMM", WordBits, [new(Count, 17), new(Count, 18), new(Count, 18), Op]);

    /// <summary>Any other launch: its operator class.</summary>
    public static readonly WordFormat Launch = new("LAUNCH", WordBits, [Op]);
}
