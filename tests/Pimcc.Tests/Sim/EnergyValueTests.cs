using Pimcc.Isa.Encoding;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Targets;

namespace Pimcc.Tests.Sim;

/// <summary>
/// Energy of small hand-written programs through the timing simulator, against energies hand-computed here from the
/// description's parameters (read by key, in pJ, pJ/bit and mW): counts x per-event costs per report subsystem.
/// Static energy is the description's static powers times the simulated makespan.
/// </summary>
public class EnergyValueTests
{
    private static readonly HpimTarget T = SimPrograms.Target();

    /// <summary>A description parameter by its key, in canonical units (pJ, pJ/bit, mW).</summary>
    private static double P(string key) => T.Parameters.Real(key);

    private static void ShouldBeEnergy(double actual, double expected) =>
        actual.ShouldBe(expected, Math.Max(1e-9, Math.Abs(expected) * 1e-12));

    /// <summary>Every subsystem not named in <paramref name="expected"/> is 0; each named one is its value; static is power x makespan.</summary>
    private static void ShouldCharge(ProgramRunResult r, params (EnergySubsystem Subsystem, double Pj)[] expected)
    {
        var org = T.Hbm.Organization;
        var mw = T.Sram.Cores * P("energy.static.sramCore") + org.Channels * P("energy.static.hbmChannel")
            + org.Banks * P("energy.static.hbmPu");
        var staticPj = mw * r.MakespanPs * 1e-3; // mW x ps = 1e-3 pJ
        foreach (var s in Enum.GetValues<EnergySubsystem>())
        {
            var want = s == EnergySubsystem.Static ? staticPj : expected.Where(e => e.Subsystem == s).Sum(e => e.Pj);
            ShouldBeEnergy(r.Stats.EnergyOf(s), want);
        }
        ShouldBeEnergy(r.Stats.TotalEnergy, expected.Sum(e => e.Pj) + staticPj);
    }

    /// <summary>
    /// Runs a program and checks that the subsystems it charged are exactly those of the energy events its
    /// instructions declare in the ISA tables (static aside).
    /// </summary>
    private static ProgramRunResult Run(string body)
    {
        var bin = SimPrograms.Assemble(body);
        var r = SimPrograms.Run(bin);
        var declared = bin.Cores.SelectMany(c => c.Instructions).Concat(bin.Channels.SelectMany(c => c.Commands))
            .SelectMany(op => op.Spec.Energy).Select(e => EnergyEvents.Of(e).Subsystem).ToHashSet();
        foreach (var s in Enum.GetValues<EnergySubsystem>().Where(s => s != EnergySubsystem.Static))
            (r.Stats.EnergyOf(s) != 0).ShouldBe(declared.Contains(s), $"subsystem {s}");
        return r;
    }

    [Fact]
    public void SimulatorDocsListEveryDeclaredEvent()
    {
        var doc = File.ReadAllText(RepoPaths.Combine("docs", "simulator.md"));
        foreach (var d in EnergyEvents.All)
            doc.ShouldContain($"| {d.Event} | {System.Text.RegularExpressions.Regex.Replace(d.Subsystem.ToString(), "(?<!^)([A-Z])", "-$1").ToLowerInvariant()} | `{d.Parameter}` | {d.PerWhat} |");
    }

    [Fact]
    public void DescriptionParametersAreInCanonicalUnits()
    {
        // hpim.json gives the refresh as 153.72 nJ; every cost below is read in pJ.
        P("energy.hbm.refresh").ShouldBe(153_720, 1e-6);
        P("energy.sram.macroMac").ShouldBe(0.0633, 1e-12);
    }

    [Fact]
    public void PimUnitGemvChargesMacroMacsAndLocalMemoryBytes()
    {
        var r = Run("""
            .core 0
                li.lo r1, 0
                li.lo r2, 4096
                li.lo r3, 16
                li.hi r3, 8
                li.lo r4, 0
                pim.gemv r2, r1, r3, r4, fp16, set
                pim.gemv r2, r1, r3, r4, fp16, acc
                halt
            """);
        // 5 scalar ops; each GEMV is 8 rows x 16 cols = 128 MACs. It reads the 16-element vector and writes the 8
        // results (set), or also reads the 8 it accumulates into (acc): (16 + 8) and (16 + 16) FP16 elements.
        const double macs = 2 * 8 * 16, bits = ((16 + 8) + (16 + 16)) * 2 * 8;
        ShouldCharge(r,
            (EnergySubsystem.SramCompute, 5 * P("energy.sram.scuOp") + macs * P("energy.sram.macroMac")),
            (EnergySubsystem.LocalMemory, bits * P("energy.sram.localMemory")));
    }

    [Fact]
    public void TcuGemmAndVcuChargeTheirOperationsAndBytes()
    {
        var r = Run("""
            .core 0
                li.lo r1, 64
                tcu.shape r1, r1, r1
                li.lo r2, 0
                li.lo r3, 8192
                li.lo r4, 16384
                tcu.gemm r4, r2, r3, fp16, set
                li.lo r5, 100
                li.lo r6, 32768
                li.lo r7, 40000
                vexp r6, r2, r5, fp16
                vsum r7, r6, r5, fp32
                vadd.s r6, r6, r7, r5, fp16
                halt
            """);
        // Scalar: 7 li + tcu.shape. TCU: 64^3 MACs; reads A and B (64 x 64 each), writes C: 3 x 4096 FP16.
        // VCU: 3 x 100 element ops; vexp reads and writes 100 FP16; vsum reads 100 FP32 and writes one; vadd.s reads
        // 100 FP16 and the scalar and writes 100.
        const double tcuMacs = 64.0 * 64 * 64, tcuBits = 3 * 4096 * 2 * 8;
        const double vcuBits = (100 * 2 + 100 * 2 + (100 * 4 + 4) + (100 * 2 + 2 + 100 * 2)) * 8;
        ShouldCharge(r,
            (EnergySubsystem.SramCompute, 8 * P("energy.sram.scuOp") + tcuMacs * P("energy.sram.tcuMac") + 300 * P("energy.sram.vcuOp")),
            (EnergySubsystem.LocalMemory, (tcuBits + vcuBits) * P("energy.sram.localMemory")));
    }

    [Fact]
    public void LocalMovesReadAndWriteTheirBytes()
    {
        var r = Run("""
            .core 0
                li.lo r1, 0
                li.lo r2, 8192
                li.lo r3, 1000
                mv r2, r1, r3
                li.lo r4, 64
                li.hi r4, 3
                li.lo r5, 128
                li.hi r5, 256
                mv.2d r2, r1, r4, r5
                halt
            """);
        // mv: 1000 bytes read + written; mv.2d: 3 rows of 64 bytes read + written (strides do not add bytes).
        const double bits = (1000 + 3 * 64) * 2 * 8;
        ShouldCharge(r,
            (EnergySubsystem.SramCompute, 7 * P("energy.sram.scuOp")),
            (EnergySubsystem.LocalMemory, bits * P("energy.sram.localMemory")));
    }

    [Fact]
    public void NocSendChargesBitsPerHopAndBothLocalMemories()
    {
        var r = Run("""
            .core 0
                li.lo r1, 0
                li.lo r2, 512
                li.lo r3, 9
                noc.send r1, r2, r3
                halt
            .core 9
                li.lo r1, 0
                li.lo r2, 512
                li.lo r3, 0
                noc.recv r1, r2, r3
                halt
            """);
        // hpim.json: an 8-column mesh, so core 9 sits at column 1, row 1: 2 hops from core 0.
        ((int)P("noc.meshColumns")).ShouldBe(8);
        const double bits = 512 * 8, hops = 2;
        ShouldCharge(r,
            (EnergySubsystem.SramCompute, 6 * P("energy.sram.scuOp")),
            (EnergySubsystem.Noc, bits * hops * P("energy.noc.hop")),
            (EnergySubsystem.LocalMemory, 2 * bits * P("energy.sram.localMemory")));
    }

    [Fact]
    public void CoreHbmLoadChargesActivatesCellOffBankAndLocalBits()
    {
        var page = T.Hbm.Organization.PageBytes;
        var bytes = 2 * page + 100; // three pages started
        var r = Run($"""
            .core 0
                li.lo r1, 0
                li.lo r2, 0
                li.lo r3, {bytes}
                li.lo r4, 0
                hbm.ld r1, r2, r3, r4
                halt
            """);
        var bits = bytes * 8.0;
        var offBank = P("energy.hbm.bankToBankGroup") + P("energy.hbm.bankGroupToGlobalIo") + P("energy.hbm.tsv") + P("energy.hbm.interposer");
        ShouldCharge(r,
            (EnergySubsystem.SramCompute, 4 * P("energy.sram.scuOp")),
            (EnergySubsystem.DramArray, bits * P("energy.hbm.cellAccess") + 3 * page * 8 * P("energy.hbm.activate")),
            (EnergySubsystem.DramIo, bits * offBank),
            (EnergySubsystem.LocalMemory, bits * P("energy.sram.localMemory")));
    }

    /// <summary>
    /// A core keeps the cost of the last transfer's size: loads of 64 B, 2 pages + 100 B and 64 B again (channels 0, 1,
    /// 2) must each be charged and timed by their own size, not the kept one.
    /// </summary>
    [Fact]
    public void CoreHbmTransfersOfAlternatingSizesAreEachChargedAndTimedByTheirOwnSize()
    {
        var page = T.Hbm.Organization.PageBytes;
        long[] sizes = [64, 2 * page + 100, 64];
        var r = Run($"""
            .core 0
                li.lo r1, 0
                li.lo r2, 0
                li.lo r3, {sizes[0]}
                li.lo r4, 0
                hbm.ld r1, r2, r3, r4
                li.lo r1, 8192
                li.lo r3, {sizes[1]}
                li.lo r4, 1
                hbm.ld r1, r2, r3, r4
                li.lo r1, 32768
                li.lo r3, {sizes[2]}
                li.lo r4, 2
                hbm.ld r1, r2, r3, r4
                halt
            """);
        var bits = sizes.Sum() * 8.0;
        var activates = sizes.Sum(b => Math.Ceiling(b / (double)page));
        var offBank = P("energy.hbm.bankToBankGroup") + P("energy.hbm.bankGroupToGlobalIo") + P("energy.hbm.tsv") + P("energy.hbm.interposer");
        ShouldCharge(r,
            (EnergySubsystem.SramCompute, 10 * P("energy.sram.scuOp")),
            (EnergySubsystem.DramArray, bits * P("energy.hbm.cellAccess") + activates * page * 8 * P("energy.hbm.activate")),
            (EnergySubsystem.DramIo, bits * offBank),
            (EnergySubsystem.LocalMemory, bits * P("energy.sram.localMemory")));
        r.Stats.Get(Counter.CoreHbmBytes).ShouldBe(sizes.Sum());
        r.Stats.Get(Counter.DramActivates).ShouldBe(activates);
        // The core's HBM interface is busy bytes / interface bandwidth per transfer, rounded up to a picosecond.
        var perPs = T.Hbm.CoreInterfaceBytesPerSecond / 1e12;
        r.Stats.UnitBusy(Unit.HbmInterface).ShouldBe(sizes.Sum(b => (double)(long)Math.Ceiling(b / perPs)));
    }

    [Fact]
    public void ChannelCommandsChargeActivateColumnPuMacGlobalBufferAndRefresh()
    {
        var r = Run("""
            .core 0
                halt
            .channel 0
                gwr pc=0, gcol=0, core=0, saddr=0
                act.ab pc=0, row=0
                mac.ab pc=0, col=0, gcol=0
                mac.ab pc=0, col=1, gcol=0
                pre.ab pc=0
                res.rd.ab pc=0, core=0, laddr=0
                act pc=1, bg=0, ba=0, row=1
                rd pc=1, bg=0, ba=0, col=0, core=0, laddr=0
                wr pc=1, bg=0, ba=0, col=1, core=0, saddr=0
                mac.sb pc=1, bg=0, ba=0, col=2, gcol=0
                pre pc=1, bg=0, ba=0
                ref pc=1
            """);
        var org = T.Hbm.Organization;
        var banks = org.BanksPerPseudoChannel; // 16: 8 bank groups x 4 banks over 2 pseudo channels
        var colBits = org.ColumnBytes * 8.0;
        var macsPerColumn = org.ColumnBytes / (double)T.ElementBytes;
        var pageBits = org.PageBytes * 8.0;
        var offBank = P("energy.hbm.bankToBankGroup") + P("energy.hbm.bankGroupToGlobalIo") + P("energy.hbm.tsv") + P("energy.hbm.interposer");
        // Activates: act.ab opens every bank of pCH 0, act one bank. Cell bits: 2 all-bank MACs, one single-bank MAC,
        // rd and wr. Off the bank: rd, wr and the all-bank result read, which is one result-read burst per bank of the
        // pseudo channel (docs/simulator.md). PU: MACs per bank and column, one global-buffer column broadcast per MAC
        // command and one written by gwr (which also crosses the TSVs and interposer). One refresh.
        var activates = banks + 1.0;
        var cellColumns = 2.0 * banks + 1 + 2;
        var puMacs = (2.0 * banks + 1) * macsPerColumn;
        ShouldCharge(r,
            (EnergySubsystem.DramArray, activates * pageBits * P("energy.hbm.activate") + cellColumns * colBits * P("energy.hbm.cellAccess")
                + P("energy.hbm.refresh")),
            (EnergySubsystem.DramIo, (2 + banks) * colBits * offBank + colBits * (P("energy.hbm.tsv") + P("energy.hbm.interposer"))),
            (EnergySubsystem.HbmPu, puMacs * P("energy.hbm.puMac") + 4 * colBits * P("energy.hbm.globalBuffer")));
        r.Stats.Get(Counter.Refreshes).ShouldBe(1); // the program is far shorter than tREFI: no refresh of the controller's
    }
}
