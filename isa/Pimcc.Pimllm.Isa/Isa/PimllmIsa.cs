using Pimcc.Isa.Encoding;
using static Pimcc.Pimllm.Isa.PimllmEnergyEvent;
using static Pimcc.Pimllm.Isa.PimllmFormats;
using A = Pimcc.Pimllm.Isa.PimllmAction;
using T = Pimcc.Pimllm.Isa.PimllmTiming;
using U = Pimcc.Pimllm.Isa.PimllmUnit;

namespace Pimcc.Pimllm.Isa;

/// <summary>
/// pimllm's instruction tables, one per stream kind: the crossbar controller (crossbar reads of a tile group with their
/// partial sums, post-processing), the systolic array (GEMM/GEMV tiles, softmax) and the DMA of one LPDDR channel. The
/// tables' opcodes are disjoint, so a word names its unit in any stream; the event rows are the same in all three.
/// Encoder, decoder, assembler, disassembler and docs/pimllm-isa.md derive from these tables.
/// </summary>
public static class PimllmIsa
{
    public const string CrossbarName = "PIMLLM-XBAR";
    public const string SystolicName = "PIMLLM-SA";
    public const string DmaName = "PIMLLM-DMA";

    private static OpSpec R(string table, string m, int op, WordFormat f, string operands, U u, T t, A a, PimllmEnergyEvent[] e, string summary) =>
        OpTable.Row(table, m, op, f, operands, OpFlow.Straight, new PimllmSemantics(u, t, a, e), summary);

    /// <summary>The rows every table carries: the repeat of each stream's sequencer and the counters shared by all pimllm streams.</summary>
    private static OpSpec[] Shared(string table) =>
    [
        OpTable.Row(table, "rep", 0xE0, Repeat, "count, body, dtok", OpFlow.Repeat, new PimllmSemantics(U.Sequencer, T.Sequencer, A.Repeat, []),
            "run the next `body` words `count` times; in iteration i (from 0) every token index of the body is i x dtok larger: `first` of pp.tok and dma.tok, the keys of a causal sa.mshape (n of causal_n, k of causal_k) (a prefill's blocks of rows; takes no time, is no instruction of the report)"),
        R(table, "ev.sig",  0xF0, Event, "event, count", U.Sync, T.EventSync, A.EventSignal, [], "add count to event counter `event` (seen by every pimllm stream)"),
        R(table, "ev.wait", 0xF1, Event, "event, count", U.Sync, T.EventSync, A.EventWait,   [], "block this stream until event counter `event` >= count, then subtract count"),
    ];

    private static (int, int, string)[] Map(params (int, int, string)[] own) =>
    [
        (0x00, 0x00, "unassigned: an all-zero word is illegal, so zeroed memory traps"),
        .. own,
        (0xE0, 0xEF, "stream sequencer (the same rows in every pimllm table)"),
        (0xF0, 0xFF, "synchronisation (the same rows in every pimllm table)"),
    ];

    private static readonly (int, int, string)[] Units =
    [
        (0x10, 0x1F, "crossbar controller"),
        (0x20, 0x3F, "post-processing"),
        (0x40, 0x4F, "systolic array"),
        (0x50, 0x5F, "softmax unit"),
        (0x60, 0x6F, "LPDDR DMA"),
    ];

    // @formatter:off  (keep the tables in columns)
    public static OpTable Crossbar { get; } = new(CrossbarName, WordBits,
    [
        R(CrossbarName, "xb.mvm",    0x10, Mvm,     "xbar, tiles, rows, src, acc",    U.Crossbar,       T.CrossbarRead,         A.CrossbarMvm,      [CrossbarRead, DacConversion, AdcConversion, ShiftAdd, SramBit], "read crossbars xbar .. xbar+tiles-1 (one row tile, its column tiles side by side) with the `rows` 8-bit activations of each token t at SRAM src + t x len bytes: the column sums p[j] = sum_i x[i] * w[i, j] over the group's outputs j, read out with crossbar.adc.bits + activation bits - crossbar.dac.bitsPerRead bits (full scale: the token's largest |p[j]|, rounded half to even), then acc[j] (+)= the read-out"),
        R(CrossbarName, "xb.st",     0x11, Store,   "dst, scale, len, dt",            U.PostProcessing, T.PostProcessingVector, A.AccumulatorStore, [PostProcessingOp, SramBit],                                     "dst[j] = acc[j] * s * beta (dtype dt), j < len, s = the token's fp32 activation scale (token t's at SRAM scale + 4t bytes), beta = the weight scale programmed with the crossbars read last (memory space xbar_cells)"),
        R(CrossbarName, "pp.len",    0x20, Length,  "len, group, stride",             U.PostProcessing, T.Config,               A.VectorLength,     [],                                                              "set the vector length, the group size (one head, for pp.rope) and the source row stride in elements (0: len) of the following xb.st and pp.* instructions"),
        R(CrossbarName, "pp.tok",    0x28, Tokens,  "first, count",                   U.PostProcessing, T.Config,               A.TokenRange,       [],                                                              "the following instructions work on tokens first .. first+count-1 of the program (a program starts with 0, 1): xb.mvm applies count input vectors, xb.st and pp.* process count rows (row i at i x stride elements in a source, i x len in a destination), pp.rope and pp.qrow use positions p0+first+i (p0: the program's first position)"),
        R(CrossbarName, "pp.srcoff", 0x29, Offset,  "bytes",                          U.PostProcessing, T.Config,               A.SourceOffset,     [],                                                              "the source of the next xb.st or pp.* instruction starts `bytes` bytes into its first SRAM unit (a head's slice of a row whose heads are not whole units: head_dim 80); then 0 again"),
        R(CrossbarName, "pp.norm",   0x21, Norm,    "dst, src, params, kind, dt",     U.PostProcessing, T.PostProcessingVector, A.Norm,             [PostProcessingOp, SramBit],                                     "dst = (src - mean) / sqrt(var + eps) * gamma + beta (LayerNorm, biased variance) or src / sqrt(mean(src^2) + eps) * gamma (RMSNorm) over len elements; from SRAM params: gamma, then beta (LayerNorm), fp16 rows of len in whole 64-byte units, then eps as fp32 in the next unit"),
        R(CrossbarName, "pp.act",    0x22, Unary,   "dst, src, fn, dt",               U.PostProcessing, T.PostProcessingVector, A.Activation,       [PostProcessingOp, SramBit],                                     "dst[i] = fn(src[i]), i < len"),
        R(CrossbarName, "pp.add",    0x23, BinaryTyped, "dst, a, b, dt, rt",          U.PostProcessing, T.PostProcessingVector, A.VectorAdd,        [PostProcessingOp, SramBit],                                     "dst[i] = a[i] + b[i], i < len, written as rt (residuals, biases; rt=fp32 keeps a systolic array's fp32 output: a streamed linear's bias, an LM head chunk's bias before its store to LPDDR); a b inside a parameter (a bias) is fp16 and one row for every token"),
        R(CrossbarName, "pp.mul",    0x24, BinaryTyped, "dst, a, b, dt, rt",          U.PostProcessing, T.PostProcessingVector, A.VectorMul,        [PostProcessingOp, SramBit],                                     "dst[i] = a[i] * b[i], i < len, written as rt (gated FFN)"),
        R(CrossbarName, "pp.rope",   0x25, Binary,  "dst, src, table, dt",            U.PostProcessing, T.PostProcessingVector, A.Rotary,           [PostProcessingOp, SramBit],                                     "rotate each group (head) of src (len elements) by its position's cos/sin row of the table at SRAM table, rotate-half (RoFormer, GPT-NeoX/LLaMA): of the group's first r channels (r = pp.rot's, else the whole group), (x1, x2), r/2 each, -> (x1 cos - x2 sin, x2 cos + x1 sin); the rest as they are; fp16 dst; the table holds per position p (from 0) r/2 fp16 cos then r/2 fp16 sin, rows of r x 2 bytes packed"),
        R(CrossbarName, "pp.rot",    0x2B, Channels, "channels",                      U.PostProcessing, T.Config,               A.RotaryChannels,   [],                                                              "the next pp.rope rotates the first `channels` elements of each group (partial rotary: rotary_dim of head_dim); then the whole group again"),
        R(CrossbarName, "pp.quant",  0x26, Binary,  "dst, src, scale, dt",            U.PostProcessing, T.PostProcessingVector, A.Quantize,         [PostProcessingOp, SramBit],                                     "absmax per token at b = activation bits (BitNet eq. 4): s = max |src| / 2^(b-1); dst[i] = clip(round(src[i] / s), -2^(b-1), 2^(b-1) - 1) as i8, rounded half to even; token t's fp32 s goes to SRAM scale + 4t bytes (src of dtype dt)"),
        R(CrossbarName, "pp.qrow",   0x27, Row,     "dst, src",                       U.PostProcessing, T.PostProcessingVector, A.QuantizeToCache,  [PostProcessingOp, SramBit],                                     "each token's len i8 codes at src (the pp.quant codes of its whole K or V row; rows at the pp.len stride) into row p of the cache table at dst, rows of len bytes in whole 64-byte units, p = the token's position"),
        R(CrossbarName, "pp.srow",   0x2A, Row,     "dst, src",                       U.PostProcessing, T.PostProcessingVector, A.ScaleToTable,     [PostProcessingOp, SramBit],                                     "each token's fp32 scale at src + 4t to entry p of the fp32 table at dst (dst + 4p bytes), p = the token's position: the per-position scale of a KV cache's rows"),
        .. Shared(CrossbarName),
    ], Map(Units), namedOperands: true);

    public static OpTable Systolic { get; } = new(SystolicName, WordBits,
    [
        R(SystolicName,  "sa.shape",  0x40, Shape,   "m, n, k",                        U.Systolic,       T.Config,               A.TileShape,        [],                                                              "set the tile shape of the following sa.gemm: C is m x n (at most the array's rows x columns), the reduction depth k"),
        R(SystolicName,  "sa.gemm",   0x41, Gemm,    "c, a, b, wt, acc",               U.Systolic,       T.SystolicTile,         A.Gemm,             [SystolicMac, SramBit],                                          "C[m x n] i32 (+)= A[m x k] i8 x B[k x n] of type wt, each operand packed row-major at its SRAM address (output-stationary; m = 1 is a GEMV); after sa.scale, C is fp32 as it says"),
        R(SystolicName,  "sa.mshape", 0x42, MatrixShape, "m, n, k, span",            U.Systolic,       T.Config,               A.MatrixShape,      [],                                                              "set the shape of the following sa.mm and sa.msmx: C is m x n, the reduction depth k, the keys dimension (n for Q.K^T, k for S.V) bounded by span"),
        R(SystolicName,  "sa.stride", 0x43, Strides, "c, a, b",                        U.Systolic,       T.Config,               A.OperandStrides,   [],                                                              "set the row strides in elements of C, A and B of the following sa.mm (0: packed rows)"),
        R(SystolicName,  "sa.aoff",   0x45, Offset,  "bytes",                          U.Systolic,       T.Config,               A.OperandOffset,    [],                                                              "the A operand of the next sa.gemm or sa.mm starts `bytes` bytes into its first SRAM unit (a head's slice of q when heads are not whole units); then 0 again"),
        R(SystolicName,  "sa.mm",     0x44, Gemm,    "c, a, b, wt, acc",               U.Systolic,       T.SystolicMatrix,       A.MatrixProduct,    [SystolicMac, SramBit],                                          "C[m x n] i32 (+)= A[m x k] i8 x B[k x n] of type wt for the whole shape of sa.mshape, tiled onto the array (B given as n rows of k: weights [out, in] and K rows; a V operand, span causal_k or cache_k, as k rows of n; sa.stride's row strides, 0: packed); only the keys the span lets a row see are summed; after sa.scale, C is fp32 as it says"),
        R(SystolicName,  "sa.scale",  0x46, PimllmFormats.Scale, "a, amode, b, bmode",      U.Systolic,       T.Config,               A.ResultScale,      [],                                                              "the next sa.mm or sa.gemm writes C[i][j] = (its i32 sum) x a_i x b_j as fp32 in the same 4 bytes: a_i the fp32 at SRAM a + 4i (amode=each), at a (one) or 1 (none); b_j the fp32 at b + 4j (bmode=each), at b (one) or 1 (none); then i32 again"),
        R(SystolicName,  "sa.softmax",0x50, Softmax, "dst, src, len",                  U.Softmax,        T.SoftmaxRow,           A.Softmax,          [SoftmaxOp, SramBit],                                            "dst[i] = exp(src[i] - max) / sum_j exp(src[j] - max), i < len: one row of fp32 scores (causal rows are shorter) to i8 probabilities as the last sa.pscale says"),
        R(SystolicName,  "sa.msmx",   0x51, SoftmaxRows, "dst, src",                 U.Softmax,        T.SoftmaxRow,           A.SoftmaxRows,      [SoftmaxOp, SramBit],                                            "sa.softmax of each of the m rows of n scores of the current sa.mshape, each as long as its span lets it see (the keys it does not see: 0)"),
        R(SystolicName,  "sa.pscale", 0x52, SoftmaxScale, "v, p, t",                 U.Softmax,        T.Config,               A.SoftmaxScale,     [],                                                              "the following sa.softmax and sa.msmx take fp32 scores times the fp32 at SRAM t (the attention's scale), multiply probability j by the fp32 at v + 4j (the per-position scale of the V rows it weighs) and write row i as i8 codes absmax (s = max / 127, rounded half to even) with its fp32 s at p + 4i"),
        .. Shared(SystolicName),
    ], Map(Units), namedOperands: true);

    public static OpTable Dma { get; } = new(DmaName, WordBits,
    [
        R(DmaName,       "dma.ld",    0x60, PimllmFormats.Dma, "sram, lpddr, len",     U.Dma,            T.LpddrTransfer,        A.LpddrLoad,        [LpddrBit, SramBit],                                             "SRAM[sram ..] = this channel's LPDDR[lpddr ..], len x 64 bytes (streamed weights, KV cache in LPDDR)"),
        R(DmaName,       "dma.st",    0x61, PimllmFormats.Dma, "sram, lpddr, len",     U.Dma,            T.LpddrTransfer,        A.LpddrStore,       [LpddrBit, SramBit],                                             "this channel's LPDDR[lpddr ..] = SRAM[sram ..], len x 64 bytes (new K and V rows)"),
        R(DmaName,       "dma.row",   0x62, DmaRow,  "sram, table, len, index",        U.Dma,            T.LpddrTransfer,        A.LpddrGatherRow,   [LpddrBit, SramBit],                                             "for each token i of the dma.tok range: SRAM[sram + i x len ..] = row r of the table at LPDDR table (rows of len x 64 bytes), r = the token's id or position (embeddings)"),
        R(DmaName,       "dma.ldc",   0x63, PimllmFormats.Dma, "sram, table, len",     U.Dma,            T.LpddrTransfer,        A.LpddrLoadCache,   [LpddrBit, SramBit],                                             "SRAM table at sram, rows 0 .. p-1 = the same rows of the cache table at LPDDR table (rows of len x 64 bytes), p = the position of the first token of the dma.tok range: the cached keys or values before it"),
        R(DmaName,       "dma.strow", 0x64, DmaRow,  "sram, table, len, index",        U.Dma,            T.LpddrTransfer,        A.LpddrStoreRow,    [LpddrBit, SramBit],                                             "for each token of the dma.tok range: row r of the cache table at LPDDR table = row r of the SRAM table at sram (rows of len x 64 bytes), r = the token's position (index=position; new K and V rows)"),
        R(DmaName,       "dma.tok",   0x65, Tokens,  "first, count",                   U.Dma,            T.Config,               A.TokenRange,       [],                                                              "the following dma.row and dma.strow work on tokens first .. first+count-1 of the program (a program starts with 0, 1)"),
        .. Shared(DmaName),
    ], Map(Units), namedOperands: true);
    // @formatter:on

    /// <summary>The three tables, in stream-kind order.</summary>
    public static IReadOnlyList<OpTable> Tables { get; } = [Crossbar, Systolic, Dma];
}
