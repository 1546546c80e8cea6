using Pimcc.Isa.Encoding;
using static Pimcc.Gpu.Isa.GpuFormats;
using A = Pimcc.Gpu.Isa.GpuAction;
using K = Pimcc.Gpu.Isa.KernelClass;

namespace Pimcc.Gpu.Isa;

/// <summary>
/// The GPU kernel-launch table: one launch row per kernel class (the class fixes which per-kernel overhead of the
/// description applies), and the two work words that give a launch its FLOPs and bytes. Encoder, decoder, assembler,
/// disassembler and docs/gpu-isa.md derive from it; the simulator reads its semantic columns.
/// </summary>
public static class GpuIsa
{
    public const string Name = "GPU-KERNEL";

    private static OpSpec R(string m, int op, WordFormat f, string operands, A a, K? k, string summary) =>
        OpTable.Row(Name, m, op, f, operands, OpFlow.Straight, new GpuSemantics(a, k), summary);

    // @formatter:off  (keep the table in columns)
    public static OpTable Kernels { get; } = new(Name, WordBits,
    [
        R("wk.flops",  0x10, Work,   "hi, lo, perkv",  A.SetFlops, null,            "the next launch computes hi x 2^31 + lo + perkv x kv FLOPs (a MAC is 2; kv = the KV length of the decode step, 0 in prefill)"),
        R("wk.bytes",  0x11, Work,   "hi, lo, perkv",  A.SetBytes, null,            "the next launch reads and writes hi x 2^31 + lo + perkv x kv bytes of device memory"),
        R("k.gemm",    0x20, Gemm,   "m, n, k, op",    A.Launch,   K.Matmul,        "GEMM (GEMV when m = 1) of an m x k activation by a k x n weight: one linear layer (Q, K and V are three launches)"),
        R("k.bmm",     0x21, Launch, "op",             A.Launch,   K.Matmul,        "batched product of two activations over the heads (attention's Q.K^T or S.V)"),
        R("k.softmax", 0x30, Launch, "op",             A.Launch,   K.Softmax,       "row softmax (attention scores)"),
        R("k.norm",    0x31, Launch, "op",             A.Launch,   K.LayerNorm,     "LayerNorm or RMSNorm"),
        R("k.act",     0x32, Launch, "op",             A.Launch,   K.Gelu,          "activation (GELU, ReLU, SiLU)"),
        R("k.elt",     0x33, Launch, "op",             A.Launch,   K.Elementwise,   "any other element-wise or data-movement kernel (residual add, rotary, embedding gather)"),
    ],
    [
        (0x00, 0x00, "unassigned: an all-zero word is illegal, so zeroed memory traps"),
        (0x10, 0x1F, "work of the next launch"),
        (0x20, 0x2F, "matmul launches"),
        (0x30, 0x3F, "softmax, normalisation, activation and element-wise launches"),
    ], namedOperands: true);
    // @formatter:on
}
