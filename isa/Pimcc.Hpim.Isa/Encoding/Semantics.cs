namespace Pimcc.Isa.Encoding;

/// <summary>
/// What an instruction or command does: the semantic column every consumer dispatches on (the sync checker, the
/// timing model, the functional executor, the compiler's legality check), so that none of them tells mnemonics
/// apart by their spelling. The arithmetic of the scalar, branch and element-wise rows is the separate
/// <see cref="Arithmetic"/> column.
/// </summary>
public enum OpAction : byte
{
    // ---- SRAM-PIM control flow and scalar unit
    Nop,
    Halt,
    /// <summary>pc += target.</summary>
    Jump,
    /// <summary>pc += target when <see cref="ArithmeticSemantics.Compare"/>(function, r[a], r[b]).</summary>
    Branch,
    /// <summary>r[counter] -= 1; pc += target while it is not 0.</summary>
    Loop,
    /// <summary>r[rd] = imm.</summary>
    LoadImmediateLow,
    /// <summary>r[rd] = imm &lt;&lt; 16 | (r[rd] &amp; 0xFFFF).</summary>
    LoadImmediateHigh,
    /// <summary>r[rd] = function(r[rs], imm).</summary>
    ScalarImmediate,
    /// <summary>r[rd] = function(r[rs], r[rt]).</summary>
    ScalarRegister,
    /// <summary>r[rd] = local 32-bit word at r[addr].</summary>
    LoadWord,
    /// <summary>local 32-bit word at r[addr] = r[rs].</summary>
    StoreWord,
    // ---- SRAM-PIM data path
    MacroLoad,
    Gemv,
    TcuShape,
    TcuLeadingDimensions,
    Gemm,
    Transpose,
    Move,
    Move2d,
    HbmLoad,
    HbmStore,
    HbmPrefetch,
    HbmPrefetchWait,
    NocSend,
    NocReceive,
    AllGather,
    AllReduce,
    /// <summary>dst[i] = function(a[i], b[i]).</summary>
    VectorBinary,
    /// <summary>dst[i] = function(a[i], s[0]).</summary>
    VectorScalar,
    /// <summary>dst[i] = function(src[i]).</summary>
    VectorUnary,
    /// <summary>dst[i] = s[0].</summary>
    VectorFill,
    /// <summary>dst[0] = fold of function over src[0..len).</summary>
    VectorReduce,
    /// <summary>dst[0] = sum of a[i] * b[i].</summary>
    VectorDot,
    // ---- synchronisation (both ISAs: cores and channel streams share the event counters)
    EventSignal,
    EventWait,
    Barrier,
    // ---- HBM-PIM commands
    Activate,
    Precharge,
    PrechargeAll,
    ColumnRead,
    ColumnWrite,
    Refresh,
    GlobalBufferWrite,
    ActivateAll,
    MacAll,
    MacSingle,
    ResultClear,
    ResultRead,
    ResultReadAll,
    Repeat,
}

/// <summary>
/// The arithmetic of a row (scalar ALU, branch comparison, VCU element function or reduction), declared in the
/// table and evaluated by <see cref="ArithmeticSemantics"/>, the one implementation every consumer calls.
/// </summary>
public enum Arithmetic : byte
{
    None,
    Add, Sub, Mul, Div, And, Or, Xor, ShiftLeft, ShiftRight, SetLessThan, Min, Max,
    Equal, NotEqual, LessThan, GreaterOrEqual,
    Exp, Sqrt, Rsqrt, Reciprocal, Relu, Gelu, Silu, Negate, Tanh,
}

/// <summary>The one implementation of <see cref="Arithmetic"/>: 32-bit registers, signed where the ISA says so.</summary>
public static class ArithmeticSemantics
{
    /// <summary>Scalar ALU on 32-bit registers (docs/isa.md: shifts use the low 5 bits; slt, min, max are signed).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static uint Integer(Arithmetic f, uint a, uint b) => f switch
    {
        Arithmetic.Add => a + b,
        Arithmetic.Sub => a - b,
        Arithmetic.Mul => a * b,
        Arithmetic.And => a & b,
        Arithmetic.Or => a | b,
        Arithmetic.Xor => a ^ b,
        Arithmetic.ShiftLeft => a << (int)(b & 31),
        Arithmetic.ShiftRight => a >> (int)(b & 31),
        Arithmetic.SetLessThan => (int)a < (int)b ? 1u : 0u,
        Arithmetic.Min => (uint)Math.Min((int)a, (int)b),
        Arithmetic.Max => (uint)Math.Max((int)a, (int)b),
        _ => throw new InvalidOperationException($"{f} is not a scalar ALU function"),
    };

    /// <summary>li.hi: the immediate becomes the upper half, the register's lower half stays.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static uint LoadHigh(uint register, uint immediate) => immediate << 16 | (register & 0xFFFF);

    /// <summary>Branch condition on signed register values.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool Compare(Arithmetic f, int a, int b) => f switch
    {
        Arithmetic.Equal => a == b,
        Arithmetic.NotEqual => a != b,
        Arithmetic.LessThan => a < b,
        Arithmetic.GreaterOrEqual => a >= b,
        _ => throw new InvalidOperationException($"{f} is not a branch condition"),
    };

    /// <summary>Binary element function in FP32 (VCU binary, vector-scalar and reduction rows, all-reduce operators).</summary>
    public static float Binary(Arithmetic f, float a, float b) => f switch
    {
        Arithmetic.Add => a + b,
        Arithmetic.Sub => a - b,
        Arithmetic.Mul => a * b,
        Arithmetic.Div => a / b,
        Arithmetic.Max => MathF.Max(a, b),
        Arithmetic.Min => MathF.Min(a, b),
        _ => throw new InvalidOperationException($"{f} is not a binary element function"),
    };

    /// <summary>Identity of a reduction's fold (sum from 0, max from -inf).</summary>
    public static float Identity(Arithmetic f) => f switch
    {
        Arithmetic.Add => 0f,
        Arithmetic.Max => float.NegativeInfinity,
        Arithmetic.Min => float.PositiveInfinity,
        _ => throw new InvalidOperationException($"{f} is not a reduction"),
    };

    /// <summary>Unary element functions; transcendentals in double, rounded to FP32 (as the reference's kernels).</summary>
    public static float Unary(Arithmetic f, float x) => f switch
    {
        Arithmetic.Exp => (float)Math.Exp(x),
        Arithmetic.Sqrt => (float)Math.Sqrt(x),
        Arithmetic.Rsqrt => (float)(1.0 / Math.Sqrt(x)),
        Arithmetic.Reciprocal => 1f / x,
        Arithmetic.Relu => MathF.Max(x, 0f),
        // tanh approximation (docs/isa.md): 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
        Arithmetic.Gelu => (float)(0.5 * x * (1.0 + Math.Tanh(Math.Sqrt(2.0 / Math.PI) * (x + 0.044715 * (double)x * x * x)))),
        Arithmetic.Silu => (float)(x / (1.0 + Math.Exp(-x))),
        Arithmetic.Negate => -x,
        Arithmetic.Tanh => (float)Math.Tanh(x),
        _ => throw new InvalidOperationException($"{f} is not a unary element function"),
    };
}
