using Pimcc.Targets.Dram;
using Pimcc.Diagnostics;
using Pimcc.Targets.Description;
using Pimcc.Targets.Hpim;

[assembly: Pimcc.Targets.TargetComponent(typeof(HpimKind))]

namespace Pimcc.Targets.Hpim;

/// <summary>
/// The <c>hpim</c> target kind: SRAM-PIM cores and HBM3-PIM stacks. Builds the typed <see cref="HpimTarget"/> from
/// resolved parameters and checks that they agree with each other.
/// </summary>
public sealed class HpimKind : ITargetKind
{
    public const string Name = "hpim";

    /// <summary>Relative tolerance for the paper's rounded totals (3276 vs 3276.8 GB/s, "about 65" TFLOPS).</summary>
    private const decimal TotalsTolerance = 0.01m;

    public string Kind => Name;

    public string Summary => "SRAM-PIM cores (PIM macros, TCU, VCU) and HBM3-PIM stacks with a PU per bank (HPIM, Duan et al. 2025)";

    public DescriptionSchema Schema => HpimSchema.Schema;

    public string DocSections(TargetDescription target) => HpimDocs.Sections((HpimTarget)target);

    /// <remarks>With overrides (<see cref="DescriptionBuild.Overridden"/>), totals the user did not set are
    /// recomputed (source "derived") instead of checked, so `--set sram.cores=16` needs no matching total.</remarks>
    public TargetDescription Build(DescriptionBuild build)
    {
        var (name, summary, p) = (build.Name, build.Summary, build.Parameters);
        var org = new HbmOrganization(
            p.Int("hbm.stacks"), p.Int("hbm.diesPerStack"), p.Long("hbm.dieDensity"), p.Int("hbm.channelsPerDie"),
            p.Int("hbm.pseudoChannelsPerChannel"), p.Int("hbm.bankGroupsPerChannel"), p.Int("hbm.banksPerBankGroup"),
            p.Long("hbm.pageSize"), p.Long("hbm.columnAccess"), p.Int("hbm.channelWidth"),
            p.Int("hbm.transfersPerClock"), p.Real("hbm.dataRate"), p.Int("hbm.stackIdsPerChannel"));
        var timing = new HbmTimingSet
        {
            TckPs = p.Base("hbm.timing.tCK"),
            BL = T(p, "nBL"), CL = T(p, "nCL"), CWL = T(p, "nCWL"), RCDRD = T(p, "nRCDRD"), RCDWR = T(p, "nRCDWR"),
            RP = T(p, "nRP"), RAS = T(p, "nRAS"), RC = T(p, "nRC"), WR = T(p, "nWR"), RTPS = T(p, "nRTPS"), RTPL = T(p, "nRTPL"),
            CCDS = T(p, "nCCDS"), CCDL = T(p, "nCCDL"), RRDS = T(p, "nRRDS"), RRDL = T(p, "nRRDL"),
            WTRS = T(p, "nWTRS"), WTRL = T(p, "nWTRL"), RTW = T(p, "nRTW"), FAW = T(p, "nFAW"), PPD = T(p, "nPPD"),
            RFC = T(p, "nRFC"), REFI = T(p, "nREFI"), MaxPostponedRefreshes = T(p, "maxPostponedRefreshes"),
            ActivateBus = p.Base("hbm.timing.nActivateBus"), RowBus = p.Base("hbm.timing.nRowBus"), ColumnBus = p.Base("hbm.timing.nColumnBus"),
            TimingFromCommandEnd = p.Flag("hbm.timing.timingFromCommandEnd"), CCDR = T(p, "nCCDR"),
            RefreshPolicy = p.Word("hbm.timing.refreshPolicy") == "interrupt-open-rows" ? DramRefreshPolicy.InterruptOpenRows : DramRefreshPolicy.PostponeUntilClosed,
            CCDAB = T(p, "nCCDAB"), CCDSB = T(p, "nCCDSB"),
            CCDABPowerLimited = T(p, "nCCDABPowerLimited"), CCDSBPowerLimited = T(p, "nCCDSBPowerLimited"),
            PowerLimited = p.Flag("hbm.timing.powerLimited"),
        };
        var cores = p.Int("sram.cores");
        var policy = p.Word("hbm.channelToCore") == "interleaved" ? ChannelToCorePolicy.Interleaved : ChannelToCorePolicy.Contiguous;

        var checks = new ConsistencyChecks(build);
        checks.Run(org, timing, cores, policy);

        var hbm = new HbmConfig(org, timing,
            new PuConfig(p.Int("hbm.pu.multipliers"), p.Long("hbm.pu.clock"), p.Int("hbm.pu.resultRegisters"), p.Long("hbm.pu.pipelineLatency")),
            p.Long("hbm.globalBuffer"), p.Real("hbm.coreInterfaceBandwidth"), policy,
            ChannelOwners(org.Channels, cores, policy));

        var clock = p.Long("system.clock");
        double PerCycle(string key) => Units.PerCycle(p.Base(key), clock);
        var sram = new SramPimConfig(
            cores, p.Int("sram.pipelineStages"), p.Long("sram.instructionMemory"),
            new PimUnitConfig(p.Int("sram.pimUnit.macroGroups"), p.Int("sram.pimUnit.macrosPerGroup"), p.Long("sram.pimUnit.macroCapacity"),
                p.Int("sram.pimUnit.multipliersPerMacro"), p.Int("sram.pimUnit.pipelineLatency")),
            new TcuConfig(p.Int("sram.tcu.rows"), p.Int("sram.tcu.columns"), p.Int("sram.tcu.macsPerPePerCycle")),
            new VcuConfig(p.Int("sram.vcu.lanes"), p.Int("sram.vcu.pipelineLatency"), p.Int("sram.vcu.transcendentalInterval")),
            p.Int("sram.scu.latency"),
            new LocalMemoryConfig(p.Long("sram.localMemory.activation"), p.Long("sram.localMemory.temp"), PerCycle("sram.localMemory.bandwidth")),
            PerCycle("sram.transposeUnit.bandwidth"), PerCycle("sram.transferUnit.bandwidth"));
        p = checks.Totals(sram, org, hbm.Pu, clock);
        checks = new ConsistencyChecks(build with { Parameters = p });

        var noc = new NocConfig(
            p.Word("noc.topology") switch { "ring" => NocTopology.Ring, "crossbar" => NocTopology.Crossbar, _ => NocTopology.Mesh },
            p.Int("noc.meshColumns"), PerCycle("noc.linkBandwidth"), p.Int("noc.hopLatency"));
        if (noc.Topology == NocTopology.Mesh && cores % noc.MeshColumns != 0)
            throw checks.Error("noc.meshColumns", $"{cores} cores do not fill a mesh with {noc.MeshColumns} columns", "use a divisor of sram.cores");

        var energy = new EnergyConfig
        {
            HbmActivatePjPerBit = p.Real("energy.hbm.activate"), HbmCellAccessPjPerBit = p.Real("energy.hbm.cellAccess"),
            HbmBankToBankGroupPjPerBit = p.Real("energy.hbm.bankToBankGroup"), HbmBankGroupToGlobalIoPjPerBit = p.Real("energy.hbm.bankGroupToGlobalIo"),
            HbmTsvPjPerBit = p.Real("energy.hbm.tsv"), HbmInterposerPjPerBit = p.Real("energy.hbm.interposer"),
            HbmRefreshPj = p.Real("energy.hbm.refresh"), PuMacPj = p.Real("energy.hbm.puMac"), GlobalBufferPjPerBit = p.Real("energy.hbm.globalBuffer"),
            MacroMacPj = p.Real("energy.sram.macroMac"), TcuMacPj = p.Real("energy.sram.tcuMac"), VcuOpPj = p.Real("energy.sram.vcuOp"),
            ScuOpPj = p.Real("energy.sram.scuOp"), LocalMemoryPjPerBit = p.Real("energy.sram.localMemory"), NocHopPjPerBit = p.Real("energy.noc.hop"),
            SramCoreStaticMw = p.Real("energy.static.sramCore"), HbmChannelStaticMw = p.Real("energy.static.hbmChannel"),
            HbmPuStaticMw = p.Real("energy.static.hbmPu"), PageBits = org.PageBytes * 8,
        };

        var (json, sha) = build.Canonical(Name, p);
        return new HpimTarget
        {
            Name = name, Kind = Name, Summary = summary, ClockHz = clock, ElementBytes = p.Int("system.elementSize"),
            Sram = sram, Noc = noc, Hbm = hbm, Energy = energy, Parameters = p,
            CanonicalJson = json, Sha256 = sha,
        };
    }

    private static int T(ResolvedParameters p, string name) => p.Int("hbm.timing." + name);

    private static int[] ChannelOwners(int channels, int cores, ChannelToCorePolicy policy)
    {
        var owner = new int[channels];
        var perCore = channels / cores;
        for (var c = 0; c < channels; c++)
            owner[c] = policy == ChannelToCorePolicy.Contiguous ? c / perCore : c % cores;
        return owner;
    }

    /// <summary>Cross-parameter checks; each names the key to change.</summary>
    private sealed class ConsistencyChecks(DescriptionBuild build)
    {
        private readonly ResolvedParameters p = build.Parameters;

        // Report an overridden key at "--set key", a file key at "file: key 'k'".
        public PimccError Error(string key, string message, string hint) => build.Error(key, message, hint);

        public void Run(HbmOrganization org, HbmTimingSet t, int cores, ChannelToCorePolicy policy)
        {
            if (org.BankGroupsPerChannel % org.PseudoChannelsPerChannel != 0)
                throw Error("hbm.bankGroupsPerChannel", $"{org.BankGroupsPerChannel} bank groups cannot be split evenly over {org.PseudoChannelsPerChannel} pseudo-channels", "use a multiple of hbm.pseudoChannelsPerChannel");
            if (org.BankGroupsPerPseudoChannel % org.StackIdsPerChannel != 0)
                throw Error("hbm.stackIdsPerChannel", $"{org.BankGroupsPerPseudoChannel} bank groups per pseudo-channel cannot be split evenly over {org.StackIdsPerChannel} stack IDs", "use a divisor of the bank groups per pseudo-channel");
            foreach (var (key, v) in new[] { ("nActivateBus", t.ActivateBus), ("nRowBus", t.RowBus), ("nColumnBus", t.ColumnBus) })
                if (v * 2 % 1 != 0 || v < 0.5m)
                    throw Error("hbm.timing." + key, $"a command holds its bus a whole or half number of clocks, not {Units.Show(v)}", "use a multiple of 0.5 nCK");
            if (t.ColumnBus % 1 != 0)
                throw Error("hbm.timing.nColumnBus", "column commands start on a rising clock edge, so they hold the column bus whole clocks", "use a whole number of nCK");
            if (org.PageBytes % org.ColumnBytes != 0 || org.PageBytes < org.ColumnBytes)
                throw Error("hbm.columnAccess", $"page of {org.PageBytes} B is not a whole number of {org.ColumnBytes} B columns", "use a column access that divides hbm.pageSize");
            if (p.Long("hbm.globalBuffer") % org.ColumnBytes != 0)
                throw Error("hbm.globalBuffer", "global buffer is not a whole number of column accesses", "use a multiple of hbm.columnAccess");
            if (org.CapacityBytes % ((long)org.Banks * org.PageBytes) != 0)
                throw Error("hbm.dieDensity", "die capacity is not a whole number of rows in every bank", "check dieDensity, bank counts and pageSize");
            var pchBits = org.ChannelWidthBits / org.PseudoChannelsPerChannel;
            var burstBytes = (long)pchBits * t.BL * org.TransfersPerClock / 8;
            if (burstBytes != org.ColumnBytes)
                throw Error("hbm.columnAccess", $"a {pchBits}-bit pseudo-channel bursting nBL={t.BL} clocks x {org.TransfersPerClock} transfers moves {burstBytes} B, not {org.ColumnBytes} B", "make columnAccess, channelWidth, nBL and transfersPerClock agree");
            var tckFromRate = Units.PeriodPs((decimal)org.DataRateBitsPerSecond / org.TransfersPerClock);
            if (Math.Abs(tckFromRate - t.TckPs) > t.TckPs * 0.001m)
                throw Error("hbm.timing.tCK", $"tCK {Units.Show(t.TckPs / 1000)} ns does not match transfersPerClock / dataRate = {Units.Show(Math.Round(tckFromRate / 1000, 4))} ns", "change hbm.timing.tCK or hbm.dataRate so they agree");
            Ordered("hbm.timing.nRAS", t.RAS, "hbm.timing.nRC", t.RC);
            Ordered("hbm.timing.nCCDS", t.CCDS, "hbm.timing.nCCDL", t.CCDL);
            Ordered("hbm.timing.nRRDS", t.RRDS, "hbm.timing.nRRDL", t.RRDL);
            Ordered("hbm.timing.nWTRS", t.WTRS, "hbm.timing.nWTRL", t.WTRL);
            Ordered("hbm.timing.nRTPS", t.RTPS, "hbm.timing.nRTPL", t.RTPL);
            Ordered("hbm.timing.nRFC", t.RFC, "hbm.timing.nREFI", t.REFI);
            Ordered("hbm.timing.nCCDAB", t.CCDAB, "hbm.timing.nCCDABPowerLimited", t.CCDABPowerLimited);
            Ordered("hbm.timing.nCCDSB", t.CCDSB, "hbm.timing.nCCDSBPowerLimited", t.CCDSBPowerLimited);
            if (t.CL + t.BL + t.RTW <= t.CWL)
                throw Error("hbm.timing.nCWL", "write latency exceeds read latency + burst + turnaround", "check nCL, nBL, nRTW and nCWL");
            // Addresses live in 32-bit registers (li.lo/li.hi load 32 bits, docs/isa.md): a core's local memory and an
            // HBM channel's bytes must be addressable with them.
            var local = p.Long("sram.localMemory.activation") + p.Long("sram.localMemory.temp");
            if (local > uint.MaxValue)
                throw Error("sram.localMemory.activation", $"{local} bytes of local memory per core are more than 32-bit addresses reach",
                    "keep activation + temp memory under 4 GiB");
            if (org.CapacityBytes / org.Channels > 1L << 32)
                throw Error("hbm.dieDensity", $"{org.CapacityBytes / org.Channels} bytes per HBM channel are more than 32-bit addresses reach (4 GiB)",
                    "use a smaller die density or more channels per die");
            if (cores > org.Channels)
                throw Error("sram.cores", $"{cores} cores but only {org.Channels} HBM channels: some cores would have no HBM interface", "use at most one core per channel");
            if (policy == ChannelToCorePolicy.Contiguous && org.Channels % cores != 0)
                throw Error("hbm.channelToCore", $"{org.Channels} channels cannot be split into equal contiguous blocks for {cores} cores", "use \"interleaved\" or a core count dividing the channel count");
        }

        public ResolvedParameters Totals(SramPimConfig sram, HbmOrganization org, PuConfig pu, long clockHz)
        {
            var totals = new DescriptionTotals(build, TotalsTolerance);
            totals.Check("totals.onChipSram", (decimal)sram.Cores * sram.SramBytesPerCore, "cores x (PIM macros + local memories)", exact: true);
            totals.Check("totals.hbmCapacity", org.CapacityBytes, "stacks x dies x die density", exact: true);
            totals.Check("totals.externalBandwidth", (decimal)org.ExternalBytesPerSecond, "channels x channel width x data rate", exact: false);
            totals.Check("totals.sramPimPeak", 2m * sram.Cores * sram.PimUnit.Multipliers * clockHz, "2 x cores x macros x multipliers x clock", exact: false);
            totals.Check("totals.hbmPimPeak", 2m * org.Banks * pu.Multipliers * pu.ClockHz, "2 x banks x PU multipliers x PU clock", exact: false);
            return totals.Result;
        }

        private static bool IsOverride(ResolvedParameter r) => DescriptionBuild.IsOverride(r);

        private void Ordered(string lowKey, int low, string highKey, int high)
        {
            if (low > high)
                throw Error(highKey, $"{highKey.Split('.')[^1]} = {high} is smaller than {lowKey.Split('.')[^1]} = {low}", $"{highKey.Split('.')[^1]} must be at least {lowKey.Split('.')[^1]}");
        }

    }
}
