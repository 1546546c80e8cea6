using Pimcc.Isa.Encoding;
using static Pimcc.Hyflexpim.Isa.HyflexpimComponent;
using static Pimcc.Hyflexpim.Isa.HyflexpimFormats;
using A = Pimcc.Hyflexpim.Isa.HyflexpimAction;
using T = Pimcc.Hyflexpim.Isa.HyflexpimTiming;
using U = Pimcc.Hyflexpim.Isa.HyflexpimUnit;

namespace Pimcc.Hyflexpim.Isa;

/// <summary>
/// hyflexpim's instruction tables, one per stream kind of a PU: the analog modules (crossbar GEMVs of a weight's array
/// group, bit-serial inputs, SLC or MLC), the digital modules (NOR-based INT8 dot products against the KV cache, KV
/// row writes), the SFU (softmax, LayerNorm/RMSNorm, activations, element-wise adds and multiplies, partial-sum
/// reduction, activation quantisation) and the links (shared bus, inter-PU interconnect, PCIe between chips, host
/// I/O). The tables' opcodes are disjoint, so a word names its unit in any stream; the event rows are the same in all
/// four. Encoder, decoder, assembler, disassembler and docs/hyflexpim-isa.md derive from these tables.
/// </summary>
public static class HyflexpimIsa
{
    public const string AnalogName = "HYFLEXPIM-ANALOG";
    public const string DigitalName = "HYFLEXPIM-DIGITAL";
    public const string SfuName = "HYFLEXPIM-SFU";
    public const string LinkName = "HYFLEXPIM-LINK";

    private static OpSpec R(string table, string m, int op, WordFormat f, string operands, U u, T t, A a, HyflexpimComponent[] c, string summary) =>
        OpTable.Row(table, m, op, f, operands, OpFlow.Straight, new HyflexpimSemantics(u, t, a, c), summary);

    /// <summary>The event rows every table carries: counters shared by all hyflexpim streams of all chips.</summary>
    private static OpSpec[] Events(string table) =>
    [
        R(table, "ev.sig",  0xF0, Event, "event, count", U.Sync, T.EventSync, A.EventSignal, [], "add count to event counter `event` (seen by every hyflexpim stream)"),
        R(table, "ev.wait", 0xF1, Event, "event, count", U.Sync, T.EventSync, A.EventWait,   [], "block this stream until event counter `event` >= count, then subtract count"),
    ];

    private static readonly (int, int, string)[] Map =
    [
        (0x00, 0x00, "unassigned: an all-zero word is illegal, so zeroed memory traps"),
        (0x10, 0x1F, "analog crossbar modules"),
        (0x20, 0x2F, "digital NOR PIM modules"),
        (0x30, 0x3F, "special function unit"),
        (0x40, 0x4F, "links: shared bus, inter-PU interconnect, PCIe, host I/O"),
        (0xF0, 0xFF, "synchronisation (the same rows in every hyflexpim table)"),
    ];

    private static readonly HyflexpimComponent[] AnalogRead = [AnalogArrays, AnalogWordLineDrivers, AnalogSampleHold, Adc, AnalogShiftAdd, AnalogRegisters];
    private static readonly HyflexpimComponent[] DigitalRead = [DigitalArrays, DigitalWordLineDrivers, DigitalShiftAdd, DigitalRegisters];

    // @formatter:off  (keep the tables in columns)
    public static OpTable Analog { get; } = new(AnalogName, WordBits,
    [
        R(AnalogName,  "ag.shape",   0x10, AnalogShape,  "in, out, bits, mode",                 U.Analog,    T.Config,        A.AnalogShape,      [],                "set the following ag.gemv groups: `in` inputs (rows, in analog.rows tiles), `out` outputs (weights side by side, 8 / bits-per-cell columns each), `bits` input bits applied one per array cycle, cell mode"),
        R(AnalogName,  "ag.gemv",    0x11, Gemv,         "module, array, arrays, src, dst",     U.Analog,    T.AnalogRead,    A.AnalogGemv,       AnalogRead,        "read arrays array .. array+arrays-1 of analog module `module` (row tiles of the block, row-tile major, in the shape's mode) with the i8 inputs at src: dst[j] = sum_i x[i] * w[i, j], j < out, as i32; row tiles' partial sums added by S&A"),
        .. Events(AnalogName),
    ], Map, namedOperands: true);

    public static OpTable Digital { get; } = new(DigitalName, WordBits,
    [
        R(DigitalName, "dg.shape",   0x20, DigitalShape, "dim, rows",                           U.Digital,   T.Config,        A.DigitalShape,     [],                "set the following digital operations: vectors of `dim` i8 elements, `rows` cached rows"),
        R(DigitalName, "dg.qk",      0x21, Dot,          "dst, q, k",                           U.Digital,   T.DigitalRowOps, A.ScoreDot,         DigitalRead,       "dst[r] = sum_d q[d] * K[r, d], r < rows, d < dim: dim x rows INT8 multiplies as NOR row operations, sums in S&A (i32 scores; K rows at KV address k)"),
        R(DigitalName, "dg.sv",      0x22, Dot,          "dst, p, v",                           U.Digital,   T.DigitalRowOps, A.WeightedSum,      DigitalRead,       "dst[d] = sum_r p[r] * V[r, d], d < dim, r < rows: the i8 probabilities p times the V rows at KV address v (i32)"),
        R(DigitalName, "dg.kvw",     0x23, KvWrite,      "dst, src, rows",                      U.Digital,   T.DigitalWrite,  A.KvWrite,          DigitalRead,       "write `rows` rows of dim i8 elements from src into the digital arrays at KV address dst (new K or V rows)"),
        .. Events(DigitalName),
    ], Map, namedOperands: true);

    public static OpTable Sfu { get; } = new(SfuName, WordBits,
    [
        R(SfuName,     "sfu.len",    0x30, Length,       "len",                                 U.Sfu,       T.Config,        A.VectorLength,     [],                "set the vector length of the following sfu.* instructions"),
        R(SfuName,     "sfu.softmax",0x31, Rows,         "dst, src, rows",                      U.Sfu,       T.SfuVector,     A.Softmax,          [HyflexpimComponent.Sfu],"for each of `rows` rows of len i32 scores: dst = exp(s - max) / sum exp(s - max) as i8 probabilities (scale 1/127); three passes (max, exp-sum, scale)"),
        R(SfuName,     "sfu.norm",   0x32, Norm,         "dst, src, params, kind",              U.Sfu,       T.SfuVector,     A.Norm,             [HyflexpimComponent.Sfu],"dst = norm(src) * gamma (+ beta) over len FP16 elements, gamma (and beta) at params; two passes (statistics, scale)"),
        R(SfuName,     "sfu.act",    0x33, Unary,        "dst, src, fn",                        U.Sfu,       T.SfuVector,     A.Activation,       [HyflexpimComponent.Sfu],"dst[i] = fn(src[i]), i < len"),
        R(SfuName,     "sfu.add",    0x34, Binary,       "dst, a, b",                           U.Sfu,       T.SfuVector,     A.VectorAdd,        [HyflexpimComponent.Sfu],"dst[i] = a[i] + b[i], i < len (residuals, biases)"),
        R(SfuName,     "sfu.mul",    0x35, Binary,       "dst, a, b",                           U.Sfu,       T.SfuVector,     A.VectorMul,        [HyflexpimComponent.Sfu],"dst[i] = a[i] * b[i], i < len (dequantisation by per-channel scales, gating)"),
        R(SfuName,     "sfu.reduce", 0x36, Reduce,       "dst, src, parts",                     U.Sfu,       T.SfuVector,     A.PartialSumReduce, [HyflexpimComponent.Sfu],"dst[i] = sum_p src_p[i], i < len, over `parts` vectors of len i32 stored one after another from src (partial sums of a tensor-parallel layer)"),
        R(SfuName,     "sfu.quant",  0x37, Binary,       "dst, src, scale",                     U.Sfu,       T.SfuVector,     A.Quantize,         [HyflexpimComponent.Sfu],"absmax per vector: s = max |src| / 127; dst[i] = round(src[i] / s) as i8 (the crossbars' bit-serial inputs); s to scale; two passes"),
        .. Events(SfuName),
    ], Map, namedOperands: true);

    public static OpTable Link { get; } = new(LinkName, WordBits,
    [
        R(LinkName,    "bus.send",   0x40, Send,         "pu, src, dst, len",                   U.SharedBus, T.Transfer,      A.BusSend,          [SharedBus],       "copy len x 64 bytes from src to PU pu's buffer at dst over the chip's shared bus (partial sums to the reducing PU)"),
        R(LinkName,    "noc.send",   0x41, Send,         "pu, src, dst, len",                   U.InterPu,   T.Transfer,      A.InterPuSend,      [InterPu],         "copy len x 64 bytes from src to PU pu's buffer at dst over the inter-PU interconnect (the hidden vector to the next layer's PU on this chip)"),
        R(LinkName,    "pcie.send",  0x42, Send,         "pu, src, dst, len",                   U.Pcie,      T.Transfer,      A.PcieSend,         [Pcie],            "copy len x 64 bytes from src to PU pu (on another chip) at dst over PCIe (the hidden vector between pipeline chips)"),
        R(LinkName,    "io.row",     0x43, IoRow,        "dst, len, index",                     U.Io,        T.Transfer,      A.IoRow,            [Pcie],            "receive from the host row r of an embedding table, len x 64 bytes, into dst; r = the current token's id or position"),
        R(LinkName,    "io.out",     0x44, IoOut,        "src, len",                            U.Io,        T.Transfer,      A.IoOut,            [Pcie],            "send len x 64 bytes at src (the logits) to the host"),
        .. Events(LinkName),
    ], Map, namedOperands: true);
    // @formatter:on

    /// <summary>The four tables, in stream-kind order.</summary>
    public static IReadOnlyList<OpTable> Tables { get; } = [Analog, Digital, Sfu, Link];
}
