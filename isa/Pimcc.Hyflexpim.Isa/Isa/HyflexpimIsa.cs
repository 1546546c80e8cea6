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

    private static OpSpec R(string table, string m, int op, WordFormat f, string operands, U u, T t, A a, HyflexpimComponent[] c, string summary, int passes = 0) =>
        OpTable.Row(table, m, op, f, operands, OpFlow.Straight, new HyflexpimSemantics(u, t, a, c, passes), summary);

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
        R(AnalogName,  "ag.shape",   0x10, AnalogShape,  "in, out, bits, tokens",               U.Analog,    T.Config,        A.AnalogShape,      [],                "set the weight the following ag.gemv read: `in` inputs (rows, in analog.rows tiles) x `out` outputs, `bits` input bits applied one per array cycle, `tokens` input vectors one after another"),
        R(AnalogName,  "ag.split",   0x11, Split,        "slc, axis, tile",                     U.Analog,    T.Config,        A.AnalogSplit,      [],                "the weight's first `slc` outputs (axis=out) or inputs (axis=in) are SLC (8 columns per weight), the rest 2-bit MLC (4 columns); its tiles are the SLC block's then the MLC block's, each row-tile major; the next ag.gemv starts at tile `tile`"),
        R(AnalogName,  "ag.gemv",    0x12, Gemv,         "module, first, last, src, dst, acc",  U.Analog,    T.AnalogRead,    A.AnalogGemv,       AnalogRead,        "read arrays first .. last of analog module `module`, holding the weight's next last - first + 1 tiles, with each token's `in` i8 inputs at src: dst[j] (+)= the tiles' partial sums of output j (i32, `out` per token, S&A); set: outputs the tiles miss are 0"),
        .. Events(AnalogName),
    ], Map, namedOperands: true);

    public static OpTable Digital { get; } = new(DigitalName, WordBits,
    [
        R(DigitalName, "dg.shape",   0x20, DigitalShape, "dim, rows, queries, heads, groups",   U.Digital,   T.Config,        A.DigitalShape,     [],                "set the following digital operations: `heads` heads of `dim` i8 elements sharing `groups` KV heads, KV tables of `rows` rows (one per position), `queries` consecutive tokens; query i sees rows 0 .. p + i (causal), p = the step's first position (0 in prefill)"),
        R(DigitalName, "dg.qblock",  0x24, QueryBlock,   "first",                               U.Digital,   T.Config,        A.QueryBlock,       [],                "the following dg.qk and dg.sv (until the next dg.shape, which sets first to 0) compute queries first .. first + queries - 1 of the step: query i of their rows sees rows 0 .. p + first + i (a long prompt's attention in query blocks)"),
        R(DigitalName, "dg.mask",    0x25, Mask,         "mask",                                U.Digital,   T.Config,        A.AttentionMask,    [],                "the following dg.qk and dg.sv (until the next dg.shape, which sets causal) are masked `causal` (query i sees rows 0 .. p + first + i) or `full` (every query sees all `rows` rows: an encoder's bidirectional attention)"),
        R(DigitalName, "dg.scale",   0x26, DigitalScale, "src, table",                          U.Digital,   T.Config,        A.DigitalScale,     [],                "the FP16 row scales of the following digital operations (until the next dg.scale): dg.kvw reads its rows' scales at src (row i's at element i) and writes them into elements p .. p + rows - 1 of the scale table at KV address table (one FP16 per position); dg.qk reads query i's scale at element first + i of src and the K rows' scales from table; dg.sv reads the V rows' scales from table"),
        R(DigitalName, "dg.qk",      0x21, Dot,          "dst, q, k",                           U.Digital,   T.DigitalRowOps, A.ScoreDot,         DigitalRead,       "scores[i, h, r] = sum_d q[i, h, d] * K[r, g(h), d] / sqrt(dim) for each query i, head h (KV head g(h) = h / (heads / groups)) and row r it sees: INT8 multiplies as NOR row operations, sums in S&A, scaled by the query's and the row's scales (dg.scale) to FP32 rows of `rows` scores (0 for rows the query does not see), one per query and head, [queries][heads]; K at KV address k"),
        R(DigitalName, "dg.sv",      0x22, Dot,          "dst, p, v",                           U.Digital,   T.DigitalRowOps, A.WeightedSum,      DigitalRead,       "out[i, h, d] = sum_r p[i, h, r] * V[r, g(h), d] over the visible rows: the i8 probabilities at p times the V rows at KV address v, each product scaled by 1/127 and its V row's scale (dg.scale), summed to FP16 ([queries][heads x dim])"),
        R(DigitalName, "dg.kvw",     0x23, KvWrite,      "dst, src, rows",                      U.Digital,   T.DigitalWrite,  A.KvWrite,          DigitalRead,       "write `rows` rows of groups x dim i8 elements from src into rows p .. p + rows - 1 of the KV table at dst, p = the step's first position (0 in prefill), and their scales into the scale table (dg.scale)"),
        .. Events(DigitalName),
    ], Map, namedOperands: true);

    public static OpTable Sfu { get; } = new(SfuName, WordBits,
    [
        R(SfuName,     "sfu.len",    0x30, Length,       "len, rows",                           U.Sfu,       T.Config,        A.VectorLength,     [],                "set the following sfu.* instructions to `rows` rows of `len` elements, each row starting at a 256-byte unit"),
        R(SfuName,     "sfu.qblock", 0x39, QueryBlock,   "first",                               U.Sfu,       T.Config,        A.QueryBlock,       [],                "the following sfu.softmax (until the next sfu.len, which sets first to 0) normalise queries first .. first + queries - 1 of the step: query i of its rows sees entries 0 .. p + first + i"),
        R(SfuName,     "sfu.mask",   0x3A, Mask,         "mask",                                U.Sfu,       T.Config,        A.AttentionMask,    [],                "the following sfu.softmax (until the next sfu.len, which sets causal) normalise over the entries query i sees (`causal`: 0 .. p + first + i) or over all `len` entries (`full`)"),
        R(SfuName,     "sfu.softmax",0x31, Softmax,      "dst, src, queries",                   U.Sfu,       T.SfuVector,     A.Softmax,          [HyflexpimComponent.Sfu],"the rows (FP32 scores of dg.qk; rows / queries per query) over the entries their query i sees (0 .. p + i, p = the step's first position): dst = exp(s - max) / sum exp(s - max) as i8 probabilities (scale 1/127), 0 for the others; three passes (max, exp-sum, scale)", passes: 3),
        R(SfuName,     "sfu.norm",   0x32, Norm,         "dst, src, params, kind, eps",         U.Sfu,       T.SfuVector,     A.Norm,             [HyflexpimComponent.Sfu],"each row: dst = norm(src) * gamma (+ beta) over len FP16 elements, gamma (then beta, from the next 256-byte unit) at params, epsilon 10^-eps; two passes (statistics, scale)", passes: 2),
        R(SfuName,     "sfu.act",    0x33, Unary,        "dst, src, fn",                        U.Sfu,       T.SfuVector,     A.Activation,       [HyflexpimComponent.Sfu],"dst[i] = fn(src[i]), i < len", passes: 1),
        R(SfuName,     "sfu.add",    0x34, Elementwise,  "dst, a, b, b_rows",                   U.Sfu,       T.SfuVector,     A.VectorAdd,        [HyflexpimComponent.Sfu],"each row: dst[i] = a[i] + b[i], i < len; b has a row per row of a (b_rows=each) or one row broadcast to every row (one: biases, a one-row value)", passes: 1),
        R(SfuName,     "sfu.mul",    0x35, Elementwise,  "dst, a, b, b_rows",                   U.Sfu,       T.SfuVector,     A.VectorMul,        [HyflexpimComponent.Sfu],"each row: dst[i] = a[i] * b[i], i < len; b has a row per row of a (b_rows=each) or one row broadcast (one: the per-channel scales of a dequantised GEMV output)", passes: 1),
        R(SfuName,     "sfu.reduce", 0x36, Reduce,       "dst, src, parts",                     U.Sfu,       T.SfuVector,     A.PartialSumReduce, [HyflexpimComponent.Sfu],"dst (+)= the sum of `parts` blocks of rows x len i32 stored one after another from src (partial sums of a linear spread over PUs)", passes: 1),
        R(SfuName,     "sfu.head",   0x3C, HeadWidth,    "dim",                                 U.Sfu,       T.Config,        A.HeadWidth,        [],                "the following sfu.rope (until the next sfu.len, which sets dim = 2 x half) rotate heads of `dim` elements: the first 2 x half of each head rotated, the rest copied (partial rotary embeddings)"),
        R(SfuName,     "sfu.rope",   0x38, Rope,         "dst, src, table, half",               U.Sfu,       T.SfuVector,     A.Rotary,           [HyflexpimComponent.Sfu],"row r (one token, position p + r) rotated head by head (heads of 2 x half elements, or of sfu.head's dim): its first 2 x half elements (x1, x2), half each, -> (x1 cos - x2 sin, x2 cos + x1 sin), the position's cos then sin rows of `half` in the SFU's format at table (rows of 2 x half per position, position 0 first)", passes: 1),
        R(SfuName,     "sfu.dequant",0x3B, Binary,       "dst, src, scale",                     U.Sfu,       T.SfuVector,     A.Dequantize,       [HyflexpimComponent.Sfu],"each row r: dst[i] = src[i] (i32 GEMV outputs) x the FP16 scale at element r of scale (the row's input scale of sfu.quant), as FP16", passes: 1),
        R(SfuName,     "sfu.quant",  0x37, Binary,       "dst, src, scale",                     U.Sfu,       T.SfuVector,     A.Quantize,         [HyflexpimComponent.Sfu],"absmax per row: s = max |src| / 127; dst[i] = round(src[i] / s) as i8 (the crossbars' and the digital PIM's inputs); the rows' FP16 s to scale; two passes", passes: 2),
        .. Events(SfuName),
    ], Map, namedOperands: true);

    public static OpTable Link { get; } = new(LinkName, WordBits,
    [
        R(LinkName,    "bus.send",   0x40, Send,         "pu, src, dst, len",                   U.SharedBus, T.Transfer,      A.BusSend,          [SharedBus],       "copy len x 256 bytes from src to PU pu's buffer at dst over the chip's shared bus (partial sums to the reducing PU)"),
        R(LinkName,    "noc.send",   0x41, Send,         "pu, src, dst, len",                   U.InterPu,   T.Transfer,      A.InterPuSend,      [InterPu],         "copy len x 256 bytes from src to PU pu's buffer at dst over the inter-PU interconnect (the hidden vector to the next layer's PU on this chip)"),
        R(LinkName,    "pcie.send",  0x42, Send,         "pu, src, dst, len",                   U.Pcie,      T.Transfer,      A.PcieSend,         [Pcie],            "copy len x 256 bytes from src to PU pu (on another chip) at dst over PCIe (the hidden vector between pipeline chips)"),
        R(LinkName,    "io.row",     0x43, IoRow,        "dst, len, index, tokens, table",      U.Io,        T.Transfer,      A.IoRow,            [Pcie],            "receive from the host, for each of the step's `tokens` tokens, row r of host embedding table `table` (len FP16 elements) into dst, one row after another; r = the token's id or position"),
        R(LinkName,    "io.out",     0x44, IoOut,        "src, len",                            U.Io,        T.Transfer,      A.IoOut,            [Pcie],            "send len x 256 bytes at src (the logits) to the host"),
        .. Events(LinkName),
    ], Map, namedOperands: true);
    // @formatter:on

    /// <summary>The four tables, in stream-kind order.</summary>
    public static IReadOnlyList<OpTable> Tables { get; } = [Analog, Digital, Sfu, Link];
}
