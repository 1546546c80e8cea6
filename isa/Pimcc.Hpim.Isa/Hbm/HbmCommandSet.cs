using Pimcc.Isa.Encoding;
using static Pimcc.Isa.Encoding.EnergyEvent;
using static Pimcc.Isa.Encoding.OpClass;
using static Pimcc.Isa.Hbm.HbmFormats;
using A = Pimcc.Isa.Encoding.OpAction;
using C = Pimcc.Targets.Hbm.HbmCommand;
using T = Pimcc.Isa.Encoding.TimingClass;
using U = Pimcc.Isa.Encoding.Unit;

namespace Pimcc.Isa.Hbm;

/// <summary>
/// The HBM-PIM near-bank command set: THE table. Modelled on SK hynix Newton (MICRO 2020: GWRITE,
/// G_ACT, COMP, READRES) and AiM (ISSCC 2022: WRGB, MACSB, MACAB, RDMAC), and AttAcc
/// (ASPLOS 2024, all-bank GEMV in HBM3). One stream per HBM channel; <c>pc</c> selects the pseudo channel.
/// <c>rep</c> makes streams compact: it repeats the next <c>body</c> commands <c>count</c> times and adds
/// iteration x stride to the row/col/gcol/laddr/saddr fields of the commands in its body (nested reps add up),
/// so one GEMV tile (clear, activate, 32 column MACs, precharge, read results) is a handful of commands.
/// </summary>
public static class HbmCommandSet
{
    public static IReadOnlyList<(int First, int Last, string Use)> OpcodeMap { get; } =
    [
        (0x00, 0x00, "unassigned: an all-zero word is illegal"),
        (0x01, 0x0F, "ordinary DRAM commands"),
        (0x10, 0x1F, "near-bank PIM commands"),
        (0x20, 0x2F, "stream control and synchronisation"),
        (0x30, 0xFF, "free (other targets have tables of their own)"),
    ];

    private static OpSpec R(string m, int op, OpClass c, U u, WordFormat f, string operands, T t, A a, C? dram, EnergyEvent[] e, string summary) =>
        OpTable.Row(Name, m, op, f, operands, a == A.Repeat ? OpFlow.Repeat : OpFlow.Straight,
            new HpimSemantics(c, u, t, a, Arithmetic.None, dram, e), summary);

    // @formatter:off  (keep the table in columns)
    /// <summary>The table's name.</summary>
    public const string Name = "HBM-PIM";

    public static OpTable Table { get; } = new(Name, WordBits,
    [
        // ordinary DRAM commands (JEDEC HBM3 JESD238)
        R("act",       0x01, Communication, U.HbmBank,         PBR,  "pc, bg, ba, row",                       T.DramActivate,         A.Activate,           C.Act,    [DramActivate],                         "activate (single bank): open row in bank (pc, bg, ba)"),
        R("pre",       0x02, Communication, U.HbmBank,         PB,   "pc, bg, ba",                            T.DramPrecharge,        A.Precharge,          C.Pre,    [],                                     "precharge (close) one bank"),
        R("pre.ab",    0x03, Communication, U.HbmAllBanks,     P,    "pc",                                    T.DramPrecharge,        A.PrechargeAll,       C.PreA,   [],                                     "precharge all banks of the pseudo channel"),
        R("rd",        0x04, Communication, U.HbmBank,         PBCL, "pc, bg, ba, col, core, laddr",          T.DramRead,             A.ColumnRead,         C.Rd,     [DramCellBit, DramOffBankBit],          "read one column of the open row to local memory laddr of SRAM-PIM core `core`"),
        R("wr",        0x05, Communication, U.HbmBank,         PBCL, "pc, bg, ba, col, core, saddr",          T.DramWrite,            A.ColumnWrite,        C.Wr,     [DramCellBit, DramOffBankBit],          "write one column of the open row from local memory saddr of core `core` (KV-cache append)"),
        R("ref",       0x06, Communication, U.HbmAllBanks,     P,    "pc",                                    T.DramRefresh,          A.Refresh,            C.Ref,    [DramRefresh],                          "all-bank refresh of the pseudo channel"),
        // near-bank PIM commands
        R("gwr",       0x10, Communication, U.HbmGlobalBuffer, PGL,  "pc, gcol, core, saddr",                 T.PimGlobalBufferWrite, A.GlobalBufferWrite,  C.WrGb,   [GlobalBufferBit, DramTsvInterposerBit],"write global-buffer column gcol of the pseudo channel from local memory saddr of core `core`"),
        R("act.ab",    0x11, Compute,       U.HbmAllBanks,     PR,   "pc, row",                               T.PimActivateAllBanks,  A.ActivateAll,        C.ActAb,  [DramActivate],                         "activate the same row in all banks of the pseudo channel"),
        R("mac.ab",    0x12, Compute,       U.HbmAllBanks,     PCG,  "pc, col, gcol",                         T.PimMacAllBanks,       A.MacAll,             C.MacAb,  [DramCellBit, PuMac, GlobalBufferBit],  "every bank: result += open row[col] . global buffer[gcol] (16 FP16 MACs per bank)"),
        R("mac.sb",    0x13, Compute,       U.HbmBank,         PBCG, "pc, bg, ba, col, gcol",                 T.PimMacSingleBank,     A.MacSingle,          C.MacSb,  [DramCellBit, PuMac, GlobalBufferBit],  "one bank: result += open row[col] . global buffer[gcol]"),
        R("res.clr",   0x14, Compute,       U.HbmAllBanks,     P,    "pc",                                    T.PimResultClear,       A.ResultClear,        null,     [],                                     "zero the result registers of all banks of the pseudo channel"),
        R("res.rd",    0x15, Communication, U.HbmBank,         PBL,  "pc, bg, ba, core, laddr",               T.PimResultRead,        A.ResultRead,         C.RdRes,  [DramOffBankBit],                       "read one bank's result register to local memory laddr of core `core`"),
        R("res.rd.ab", 0x16, Communication, U.HbmAllBanks,     PL,   "pc, core, laddr",                       T.PimResultRead,        A.ResultReadAll,      C.RdRes,  [DramOffBankBit],                       "read all banks' result registers, in bank order, to consecutive local memory from laddr of core `core`"),
        // stream control and synchronisation with the SRAM-PIM cores (same event counters as ev.sig/ev.wait)
        R("rep",       0x20, Control,       U.HbmSequencer,    REP,  "count, body, drow, dcol, dgcol, dladdr, dsaddr", T.StreamRepeat, A.Repeat,             null,     [],                                     "run the next `body` commands `count` times; iteration i adds i x stride to their row/col/gcol/laddr/saddr"),
        R("sig",       0x21, Communication, U.HbmSequencer,    EV,   "event, count",                          T.EventSync,            A.EventSignal,        null,     [],                                     "add count to event counter `event` once all earlier commands of this stream completed"),
        R("wait",      0x22, Communication, U.HbmSequencer,    EV,   "event, count",                          T.EventSync,            A.EventWait,          null,     [],                                     "block this stream until event counter `event` >= count, then subtract count"),
    ], OpcodeMap, namedOperands: true);
    // @formatter:on
}
