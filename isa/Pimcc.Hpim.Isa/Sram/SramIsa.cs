using Pimcc.Isa.Encoding;
using static Pimcc.Isa.Encoding.EnergyEvent;
using static Pimcc.Isa.Encoding.OpClass;
using static Pimcc.Isa.Sram.SramFormats;
using A = Pimcc.Isa.Encoding.OpAction;
using F = Pimcc.Isa.Encoding.Arithmetic;
using T = Pimcc.Isa.Encoding.TimingClass;
using U = Pimcc.Isa.Encoding.Unit;

namespace Pimcc.Isa.Sram;

/// <summary>
/// The HPIM SRAM-PIM instruction set: THE table. Encoder, decoder, assembler, disassembler, docs/isa.md
/// and the simulator's unit/timing/energy lookup all derive from <see cref="Table"/>.
/// Register model: r0..r31, 32-bit, r0 reads as zero. Local-memory addresses are byte addresses.
/// Shapes packed in one register use the upper half for rows and the lower half for columns.
/// </summary>
public static class SramIsa
{
    // Opcode map: units get disjoint ranges so the decoder's unit is visible in the top nibble, and whole ranges
    // stay free for the other targets' instructions (spec: "formats must leave room for the other targets").
    public static IReadOnlyList<(int First, int Last, string Use)> OpcodeMap { get; } =
    [
        (0x00, 0x00, "unassigned: an all-zero word is an illegal instruction, so zeroed memory traps"),
        (0x01, 0x0F, "control flow"),
        (0x10, 0x2F, "SCU scalar"),
        (0x30, 0x3F, "PIM unit"),
        (0x40, 0x4F, "TCU"),
        (0x50, 0x7F, "VCU"),
        (0x80, 0x87, "transpose unit"),
        (0x88, 0x8F, "transfer unit"),
        (0x90, 0x9F, "HBM interface"),
        (0xA0, 0xAF, "NoC"),
        (0xB0, 0xBF, "synchronisation"),
        (0xC0, 0xFF, "free (other targets have tables of their own)"),
    ];

    /// <summary>
    /// The shortest sequence that sets r[<paramref name="register"/>] to <paramref name="value"/>: <c>li.lo</c>, plus
    /// <c>li.hi</c> when the upper half is not zero.
    /// </summary>
    public static IReadOnlyList<Op> LoadImmediate(int register, uint value)
    {
        var words = new List<Op>(2);
        LoadImmediate(register, value, words);
        return words;
    }

    /// <summary><see cref="LoadImmediate(int, uint)"/>'s words added to <paramref name="into"/> (no list of their own).</summary>
    public static void LoadImmediate(int register, uint value, List<Op> into)
    {
        into.Add(Op.Create(LoadLow, [register, value & 0xFFFF]));
        if (value >> 16 != 0) into.Add(Op.Create(LoadHigh, [register, value >> 16]));
    }

    private static OpSpec R(string m, int op, OpClass c, U u, WordFormat f, string operands, T t, A a, F fn, EnergyEvent[] e, string summary) =>
        OpTable.Row(Name, m, op, f, operands, a == A.LoadImmediateLow ? OpFlow.LoadImmediate : OpFlow.Straight,
            new HpimSemantics(c, u, t, a, fn, null, e), summary);

    // @formatter:off  (keep the table in columns)
    /// <summary>The table's name.</summary>
    public const string Name = "SRAM-PIM";

    public static OpTable Table { get; } = new(Name, WordBits,
    [
        // control flow
        R("nop",       0x01, Control,       U.Control,      N,    "",                              T.Nop,                A.Nop,                  F.None,           [],                                                           "do nothing for one issue slot"),
        R("halt",      0x02, Control,       U.Control,      N,    "",                              T.Halt,               A.Halt,                 F.None,           [],                                                           "stop this core once all issued work has finished"),
        R("jmp",       0x03, Control,       U.Control,      J,    "target",                        T.Branch,             A.Jump,                 F.None,           [ScalarOp],                                                   "pc = pc + target"),
        R("beq",       0x04, Control,       U.Control,      B,    "a, b, target",                  T.Branch,             A.Branch,               F.Equal,          [ScalarOp],                                                   "if r[a] == r[b]: pc = pc + target"),
        R("bne",       0x05, Control,       U.Control,      B,    "a, b, target",                  T.Branch,             A.Branch,               F.NotEqual,       [ScalarOp],                                                   "if r[a] != r[b]: pc = pc + target"),
        R("blt",       0x06, Control,       U.Control,      B,    "a, b, target",                  T.Branch,             A.Branch,               F.LessThan,       [ScalarOp],                                                   "if r[a] < r[b] (signed): pc = pc + target"),
        R("bge",       0x07, Control,       U.Control,      B,    "a, b, target",                  T.Branch,             A.Branch,               F.GreaterOrEqual, [ScalarOp],                                                   "if r[a] >= r[b] (signed): pc = pc + target"),
        R("loop",      0x08, Control,       U.Control,      L,    "counter, target",               T.Branch,             A.Loop,                 F.None,           [ScalarOp],                                                   "r[counter] -= 1; if r[counter] != 0: pc = pc + target (counted loop closing branch)"),
        // SCU: scalar setup of addresses, sizes, strides, loop counters
        R("li.lo",     0x10, Compute,       U.Scu,          RI,   "rd, imm",                       T.ScalarAlu,          A.LoadImmediateLow,     F.None,           [ScalarOp],                                                   "r[rd] = imm (zero-extended lower half)"),
        R("li.hi",     0x11, Compute,       U.Scu,          RI,   "rd, imm",                       T.ScalarAlu,          A.LoadImmediateHigh,    F.None,           [ScalarOp],                                                   "r[rd] = (imm << 16) | (r[rd] & 0xFFFF) (upper half)"),
        R("addi",      0x12, Compute,       U.Scu,          RRI,  "rd, rs, imm",                   T.ScalarAlu,          A.ScalarImmediate,      F.Add,            [ScalarOp],                                                   "r[rd] = r[rs] + imm"),
        R("add",       0x13, Compute,       U.Scu,          R3,   "rd, rs, rt",                    T.ScalarAlu,          A.ScalarRegister,       F.Add,            [ScalarOp],                                                   "r[rd] = r[rs] + r[rt]"),
        R("sub",       0x14, Compute,       U.Scu,          R3,   "rd, rs, rt",                    T.ScalarAlu,          A.ScalarRegister,       F.Sub,            [ScalarOp],                                                   "r[rd] = r[rs] - r[rt]"),
        R("mul",       0x15, Compute,       U.Scu,          R3,   "rd, rs, rt",                    T.ScalarAlu,          A.ScalarRegister,       F.Mul,            [ScalarOp],                                                   "r[rd] = r[rs] * r[rt] (low 32 bits)"),
        R("and",       0x16, Compute,       U.Scu,          R3,   "rd, rs, rt",                    T.ScalarAlu,          A.ScalarRegister,       F.And,            [ScalarOp],                                                   "r[rd] = r[rs] & r[rt]"),
        R("or",        0x17, Compute,       U.Scu,          R3,   "rd, rs, rt",                    T.ScalarAlu,          A.ScalarRegister,       F.Or,             [ScalarOp],                                                   "r[rd] = r[rs] | r[rt]"),
        R("xor",       0x18, Compute,       U.Scu,          R3,   "rd, rs, rt",                    T.ScalarAlu,          A.ScalarRegister,       F.Xor,            [ScalarOp],                                                   "r[rd] = r[rs] ^ r[rt]"),
        R("shl",       0x19, Compute,       U.Scu,          R3,   "rd, rs, rt",                    T.ScalarAlu,          A.ScalarRegister,       F.ShiftLeft,      [ScalarOp],                                                   "r[rd] = r[rs] << (r[rt] & 31)"),
        R("shr",       0x1A, Compute,       U.Scu,          R3,   "rd, rs, rt",                    T.ScalarAlu,          A.ScalarRegister,       F.ShiftRight,     [ScalarOp],                                                   "r[rd] = r[rs] >> (r[rt] & 31) (logical)"),
        R("slt",       0x1B, Compute,       U.Scu,          R3,   "rd, rs, rt",                    T.ScalarAlu,          A.ScalarRegister,       F.SetLessThan,    [ScalarOp],                                                   "r[rd] = r[rs] < r[rt] ? 1 : 0 (signed)"),
        R("min",       0x1C, Compute,       U.Scu,          R3,   "rd, rs, rt",                    T.ScalarAlu,          A.ScalarRegister,       F.Min,            [ScalarOp],                                                   "r[rd] = min(r[rs], r[rt]) (signed)"),
        R("max",       0x1D, Compute,       U.Scu,          R3,   "rd, rs, rt",                    T.ScalarAlu,          A.ScalarRegister,       F.Max,            [ScalarOp],                                                   "r[rd] = max(r[rs], r[rt]) (signed)"),
        R("lw",        0x1E, Compute,       U.Scu,          R2,   "rd, addr",                      T.ScalarAlu,          A.LoadWord,             F.None,           [ScalarOp],                                                   "r[rd] = 32-bit word at local address r[addr] (read back a computed scalar)"),
        R("sw",        0x1F, Compute,       U.Scu,          R2,   "rs, addr",                      T.ScalarAlu,          A.StoreWord,            F.None,           [ScalarOp],                                                   "32-bit word at local address r[addr] = r[rs] (materialise constants such as 1/n or -inf built with li.lo/li.hi)"),
        // PIM unit: GEMV with the matrix resident in the SRAM-PIM macros
        R("pim.ld",    0x30, Compute,       U.PimUnit,      R3,   "macro, src, bytes",             T.PimMacroLoad,       A.MacroLoad,            F.None,           [LocalMemoryBit],                                             "write r[bytes] bytes from local memory r[src] into the macros starting at macro slot r[macro] (MG index << 16 | byte offset)"),
        R("pim.gemv",  0x31, Compute,       U.PimUnit,      R4DA, "dst, src, shape, macro, dt, acc", T.PimGemv,          A.Gemv,                 F.None,           [MacroMac, LocalMemoryBit],                                   "y[r[dst]] (+)= M x v[r[src]] with M resident at macro slot r[macro]; r[shape] = rows << 16 | cols"),
        // TCU: GEMM tiles on the 64x64 systolic array
        R("tcu.shape", 0x40, Compute,       U.Tcu,          R3,   "m, n, k",                       T.TcuConfig,          A.TcuShape,             F.None,           [ScalarOp],                                                   "set the tile shape: C is r[m] x r[n], the reduction depth is r[k]"),
        R("tcu.ld",    0x41, Compute,       U.Tcu,          R3,   "lda, ldb, ldc",                 T.TcuConfig,          A.TcuLeadingDimensions, F.None,           [ScalarOp],                                                   "set the leading dimensions (elements) of A, B and C"),
        R("tcu.gemm",  0x42, Compute,       U.Tcu,          R3DA, "c, a, b, dt, acc",              T.TcuGemm,            A.Gemm,                 F.None,           [TcuMac, LocalMemoryBit],                                     "C[r[c]] (+)= A[r[a]] x B[r[b]] with the configured shape and leading dimensions"),
        // VCU: element-wise binary
        R("vadd",      0x50, Compute,       U.Vcu,          R4D,  "dst, a, b, len, dt",            T.VcuElementwise,     A.VectorBinary,         F.Add,            [VcuOp, LocalMemoryBit],                                      "dst[i] = a[i] + b[i], i < r[len] (residual add)"),
        R("vsub",      0x51, Compute,       U.Vcu,          R4D,  "dst, a, b, len, dt",            T.VcuElementwise,     A.VectorBinary,         F.Sub,            [VcuOp, LocalMemoryBit],                                      "dst[i] = a[i] - b[i]"),
        R("vmul",      0x52, Compute,       U.Vcu,          R4D,  "dst, a, b, len, dt",            T.VcuElementwise,     A.VectorBinary,         F.Mul,            [VcuOp, LocalMemoryBit],                                      "dst[i] = a[i] * b[i] (LayerNorm gamma)"),
        R("vdiv",      0x53, Compute,       U.Vcu,          R4D,  "dst, a, b, len, dt",            T.VcuSpecialFunction, A.VectorBinary,         F.Div,            [VcuOp, LocalMemoryBit],                                      "dst[i] = a[i] / b[i]"),
        R("vmax",      0x54, Compute,       U.Vcu,          R4D,  "dst, a, b, len, dt",            T.VcuElementwise,     A.VectorBinary,         F.Max,            [VcuOp, LocalMemoryBit],                                      "dst[i] = max(a[i], b[i])"),
        R("vmin",      0x55, Compute,       U.Vcu,          R4D,  "dst, a, b, len, dt",            T.VcuElementwise,     A.VectorBinary,         F.Min,            [VcuOp, LocalMemoryBit],                                      "dst[i] = min(a[i], b[i])"),
        // VCU: vector-scalar (the scalar is one element at local address r[s]); softmax and norm steps
        R("vadd.s",    0x58, Compute,       U.Vcu,          R4D,  "dst, a, s, len, dt",            T.VcuElementwise,     A.VectorScalar,         F.Add,            [VcuOp, LocalMemoryBit],                                      "dst[i] = a[i] + s[0] (LayerNorm beta broadcast, bias)"),
        R("vsub.s",    0x59, Compute,       U.Vcu,          R4D,  "dst, a, s, len, dt",            T.VcuElementwise,     A.VectorScalar,         F.Sub,            [VcuOp, LocalMemoryBit],                                      "dst[i] = a[i] - s[0] (softmax: x - max; LayerNorm: x - mean)"),
        R("vmul.s",    0x5A, Compute,       U.Vcu,          R4D,  "dst, a, s, len, dt",            T.VcuElementwise,     A.VectorScalar,         F.Mul,            [VcuOp, LocalMemoryBit],                                      "dst[i] = a[i] * s[0] (softmax: * 1/sum; norm: * rstd; attention scale)"),
        R("vdiv.s",    0x5B, Compute,       U.Vcu,          R4D,  "dst, a, s, len, dt",            T.VcuSpecialFunction, A.VectorScalar,         F.Div,            [VcuOp, LocalMemoryBit],                                      "dst[i] = a[i] / s[0]"),
        // VCU: unary and activations
        R("vexp",      0x60, Compute,       U.Vcu,          R3D,  "dst, src, len, dt",             T.VcuSpecialFunction, A.VectorUnary,          F.Exp,            [VcuOp, LocalMemoryBit],                                      "dst[i] = exp(src[i]) (softmax)"),
        R("vsqrt",     0x61, Compute,       U.Vcu,          R3D,  "dst, src, len, dt",             T.VcuSpecialFunction, A.VectorUnary,          F.Sqrt,           [VcuOp, LocalMemoryBit],                                      "dst[i] = sqrt(src[i])"),
        R("vrsqrt",    0x62, Compute,       U.Vcu,          R3D,  "dst, src, len, dt",             T.VcuSpecialFunction, A.VectorUnary,          F.Rsqrt,          [VcuOp, LocalMemoryBit],                                      "dst[i] = 1 / sqrt(src[i]) (LayerNorm/RMSNorm rstd)"),
        R("vrecip",    0x63, Compute,       U.Vcu,          R3D,  "dst, src, len, dt",             T.VcuSpecialFunction, A.VectorUnary,          F.Reciprocal,     [VcuOp, LocalMemoryBit],                                      "dst[i] = 1 / src[i] (softmax 1/sum)"),
        R("vrelu",     0x64, Compute,       U.Vcu,          R3D,  "dst, src, len, dt",             T.VcuElementwise,     A.VectorUnary,          F.Relu,           [VcuOp, LocalMemoryBit],                                      "dst[i] = max(src[i], 0)"),
        R("vgelu",     0x65, Compute,       U.Vcu,          R3D,  "dst, src, len, dt",             T.VcuSpecialFunction, A.VectorUnary,          F.Gelu,           [VcuOp, LocalMemoryBit],                                      "dst[i] = gelu(src[i]) (tanh approximation)"),
        R("vsilu",     0x66, Compute,       U.Vcu,          R3D,  "dst, src, len, dt",             T.VcuSpecialFunction, A.VectorUnary,          F.Silu,           [VcuOp, LocalMemoryBit],                                      "dst[i] = src[i] * sigmoid(src[i])"),
        R("vneg",      0x67, Compute,       U.Vcu,          R3D,  "dst, src, len, dt",             T.VcuElementwise,     A.VectorUnary,          F.Negate,         [VcuOp, LocalMemoryBit],                                      "dst[i] = -src[i]"),
        R("vfill",     0x68, Compute,       U.Vcu,          R3D,  "dst, s, len, dt",               T.VcuElementwise,     A.VectorFill,           F.None,           [VcuOp, LocalMemoryBit],                                      "dst[i] = s[0] (broadcast one element)"),
        R("vtanh",     0x69, Compute,       U.Vcu,          R3D,  "dst, src, len, dt",             T.VcuSpecialFunction, A.VectorUnary,          F.Tanh,           [VcuOp, LocalMemoryBit],                                      "dst[i] = tanh(src[i]) (soft-capping c tanh(x / c), on the special-function unit that evaluates vgelu's tanh)"),
        // VCU: reductions (result is one element at r[dst])
        R("vsum",      0x70, Compute,       U.Vcu,          R3D,  "dst, src, len, dt",             T.VcuReduction,       A.VectorReduce,         F.Add,            [VcuOp, LocalMemoryBit],                                      "dst[0] = sum(src[0..len)) (softmax sum, LayerNorm mean)"),
        R("vrmax",     0x71, Compute,       U.Vcu,          R3D,  "dst, src, len, dt",             T.VcuReduction,       A.VectorReduce,         F.Max,            [VcuOp, LocalMemoryBit],                                      "dst[0] = max(src[0..len)) (softmax max)"),
        R("vdot",      0x72, Compute,       U.Vcu,          R4D,  "dst, a, b, len, dt",            T.VcuReduction,       A.VectorDot,            F.None,           [VcuOp, LocalMemoryBit],                                      "dst[0] = sum(a[i] * b[i]) (variance, RMSNorm sum of squares)"),
        // transpose unit
        R("tr",        0x80, Compute,       U.Transpose,    R3D,  "dst, src, shape, dt",           T.Transpose,          A.Transpose,            F.None,           [VcuOp, LocalMemoryBit],                                      "dst = transpose(src), r[shape] = rows << 16 | cols of src (K -> K^T)"),
        // transfer unit: local-memory moves
        R("mv",        0x88, Communication, U.Transfer,     R3,   "dst, src, bytes",               T.LocalMove,          A.Move,                 F.None,           [LocalMemoryBit],                                             "copy r[bytes] bytes in local memory"),
        R("mv.2d",     0x89, Communication, U.Transfer,     R4,   "dst, src, shape, stride",       T.LocalMove,          A.Move2d,               F.None,           [LocalMemoryBit],                                             "strided copy: r[shape] = rows << 16 | row bytes, r[stride] = dst stride << 16 | src stride"),
        // HBM interface: weight/KV streaming between HBM and local memory
        R("hbm.ld",    0x90, Communication, U.HbmInterface, R4,   "dst, addr, bytes, chan",        T.HbmTransfer,        A.HbmLoad,              F.None,           [DramActivate, DramCellBit, DramOffBankBit, LocalMemoryBit],  "local[r[dst]] = HBM channel r[chan] [r[addr] .. +r[bytes])"),
        R("hbm.st",    0x91, Communication, U.HbmInterface, R4,   "addr, src, bytes, chan",        T.HbmTransfer,        A.HbmStore,             F.None,           [DramActivate, DramCellBit, DramOffBankBit, LocalMemoryBit],  "HBM channel r[chan] [r[addr] ..] = local[r[src] .. +r[bytes])"),
        R("hbm.pf",    0x92, Communication, U.HbmInterface, R4T,  "dst, addr, bytes, chan, tag",   T.HbmPrefetch,        A.HbmPrefetch,          F.None,           [DramActivate, DramCellBit, DramOffBankBit, LocalMemoryBit],  "like hbm.ld but does not block issue; completion is tracked under prefetch tag"),
        R("hbm.pfw",   0x93, Communication, U.HbmInterface, TG,   "tag",                           T.HbmPrefetchWait,    A.HbmPrefetchWait,      F.None,           [],                                                           "wait until the prefetch under tag has landed"),
        // NoC
        R("noc.send",  0xA0, Communication, U.Noc,          R3,   "src, bytes, core",              T.NocPointToPoint,    A.NocSend,              F.None,           [NocHopBit, LocalMemoryBit],                                  "send r[bytes] bytes from local r[src] to core r[core]"),
        R("noc.recv",  0xA1, Communication, U.Noc,          R3,   "dst, bytes, core",              T.NocPointToPoint,    A.NocReceive,           F.None,           [LocalMemoryBit],                                             "receive r[bytes] bytes from core r[core] into local r[dst]"),
        R("noc.ag",    0xA2, Communication, U.Noc,          R4,   "dst, src, bytes, group",        T.NocCollective,      A.AllGather,            F.None,           [NocHopBit],                                                  "all-gather r[bytes] bytes per core over the cores in bit mask r[group], in core order"),
        R("noc.ar",    0xA3, Communication, U.Noc,          R4RD, "dst, src, len, group, op, dt",  T.NocCollective,      A.AllReduce,            F.None,           [NocHopBit, VcuOp],                                           "all-reduce r[len] elements over the cores in bit mask r[group] (softmax max/sum across cores)"),
        // synchronisation with other cores and with the HBM-PIM command streams
        R("ev.sig",    0xB0, Communication, U.Control,      E,    "event, count",                  T.EventSync,          A.EventSignal,          F.None,           [],                                                           "add count to event counter `event` (seen by cores and HBM-PIM streams)"),
        R("ev.wait",   0xB1, Communication, U.Control,      E,    "event, count",                  T.EventSync,          A.EventWait,            F.None,           [],                                                           "block until event counter `event` >= count, then subtract count"),
        R("bar",       0xB2, Communication, U.Control,      E,    "barrier, cores",                T.Barrier,            A.Barrier,              F.None,           [],                                                           "block until `cores` cores have reached barrier `barrier`"),
    ], OpcodeMap);
    // @formatter:on

    // after the table: static fields are initialised in the order they are written
    private static readonly OpSpec LoadLow = Table.Get("li.lo"), LoadHigh = Table.Get("li.hi");
}
