using Pimcc.Diagnostics;
using Pimcc.Pimllm.Isa;
using Pimcc.Targets;
using Pimcc.Targets.Description;
using Pimcc.Targets.Dram;

[assembly: TargetComponent(typeof(PimllmKind))]

namespace Pimcc.Pimllm.Isa;

/// <summary>
/// The <c>pimllm</c> kind: PIM-LLM (Malekar et al. 2025) and, with <c>crossbar.count</c> 0, its TPU-LLM baseline:
/// one schema and one compiler, so the comparison differs in nothing but the crossbars. Builds
/// <see cref="PimllmTarget"/> and checks that the values agree with each other.
/// </summary>
public sealed class PimllmKind : ITargetKind
{
    public const string Name = "pimllm";

    /// <summary>Relative tolerance of a rounded bandwidth total (51.2 GB/s).</summary>
    private const decimal TotalsTolerance = 0.01m;

    public string Kind => Name;

    public string Summary => "1-bit LLMs: ReRAM crossbars for the projections, a systolic array for attention, LPDDR5 (PIM-LLM, Malekar et al. 2025; crossbar.count 0: TPU-LLM)";

    public DescriptionSchema Schema => PimllmSchema.Schema;

    public string DocSections(TargetDescription target) => PimllmDocs.Sections((PimllmTarget)target);

    public TargetDescription Build(DescriptionBuild build)
    {
        var p = build.Parameters;
        var activationBits = p.Int("system.activationBits");
        var crossbars = new CrossbarConfig(
            p.Int("crossbar.count"), p.Int("crossbar.rows"), p.Int("crossbar.columns"),
            p.Word("crossbar.cells") == "differential" ? WeightCells.Differential : WeightCells.Binary,
            p.Int("crossbar.dac.bits"), p.Int("crossbar.dac.bitsPerRead"), p.Int("crossbar.adc.bits"),
            p.Int("crossbar.adc.perCrossbar"), p.Long("crossbar.adc.sampleRate"), p.Long("crossbar.readLatency"),
            p.Int("crossbar.postProcessing.lanes"));
        var systolic = new SystolicConfig(p.Int("systolic.rows"), p.Int("systolic.columns"), p.Int("systolic.operandBits"), p.Int("systolic.softmaxLanes"));
        var lpddr = Lpddr(p);

        Check(build, crossbars, systolic, lpddr, activationBits);
        var parameters = Totals(build, lpddr);
        var (json, sha) = build.Canonical(Name, parameters);
        return new PimllmTarget
        {
            Name = build.Name, Kind = Name, Summary = build.Summary, Parameters = parameters, CanonicalJson = json, Sha256 = sha,
            ClockHz = p.Long("system.clock"), ActivationBits = activationBits, Crossbars = crossbars, Systolic = systolic,
            SramBytes = p.Long("sram.capacity"), SramBytesPerSecond = p.Real("sram.bandwidth"), Lpddr = lpddr,
            Energy = new PimllmEnergy(
                p.Real("energy.crossbar.read"), p.Real("energy.crossbar.dac"), p.Real("energy.crossbar.adc"), p.Real("energy.crossbar.shiftAdd"),
                p.Real("energy.postProcessing.op"), p.Real("energy.systolic.mac"), p.Real("energy.softmax.op"),
                p.Real("energy.sram.access"), p.Real("energy.lpddr.access")),
            BatteryJoules = p.Real("report.battery") * 1e-12, TokensPerWord = p.Real("report.tokensPerWord"),
        };
    }

    private static LpddrConfig Lpddr(ResolvedParameters p)
    {
        int T(string name) => p.Int("lpddr.timing." + name);
        var timing = new Lpddr5Timing
        {
            TckPs = p.Base("lpddr.timing.tCK"),
            BL = T("nBL"), CL = T("nCL"), CWL = T("nCWL"), RCD = T("nRCD"), RPpb = T("nRPpb"), RPab = T("nRPab"), RAS = T("nRAS"),
            RC = T("nRC"), WR = T("nWR"), RTP = T("nRTP"), CCDS = T("nCCDS"), CCDL = T("nCCDL"), RRD = T("nRRD"), WTRS = T("nWTRS"),
            WTRL = T("nWTRL"), RTW = T("nRTW"), FAW = T("nFAW"), PPD = T("nPPD"), RFCab = T("nRFCab"), REFI = T("nREFI"),
            MaxPostponedRefreshes = T("maxPostponedRefreshes"), RowCommand = T("nRowCommand"), Command = T("nCommand"),
        };
        var width = p.Int("lpddr.channelWidth");
        var burstLength = p.Int("lpddr.burstLength");
        var channelBytes = p.Long("lpddr.channelDensity") / 8;
        var page = p.Long("lpddr.pageSize");
        var banks = p.Int("lpddr.bankGroups") * p.Int("lpddr.banksPerBankGroup");
        var burstBytes = width * burstLength / 8;
        var org = new Lpddr5Organization(p.Int("lpddr.bankGroups"), p.Int("lpddr.banksPerBankGroup"),
            channelBytes / banks / page, (int)(page / Math.Max(1, burstBytes)));
        return new LpddrConfig(p.Int("lpddr.channels"), width, p.Real("lpddr.dataRate"), channelBytes, org, timing, burstLength);
    }

    private static void Check(DescriptionBuild build, CrossbarConfig x, SystolicConfig s, LpddrConfig lpddr, int activationBits)
    {
        if (x.DacBitsPerRead > x.DacBits)
            throw build.Error("crossbar.dac.bitsPerRead", $"{x.DacBitsPerRead} bits per read exceed the {x.DacBits}-bit DACs", "apply at most crossbar.dac.bits bits per read");
        if (x.DacBitsPerRead > activationBits)
            throw build.Error("crossbar.dac.bitsPerRead", $"{x.DacBitsPerRead} bits per read exceed the {activationBits}-bit activations", "apply at most system.activationBits bits per read");
        if (x.AdcsPerCrossbar > x.Columns)
            throw build.Error("crossbar.adc.perCrossbar", $"{x.AdcsPerCrossbar} ADCs for {x.Columns} columns", "use at most one ADC per column");
        if (x.Columns % x.AdcsPerCrossbar != 0)
            throw build.Error("crossbar.adc.perCrossbar", $"{x.Columns} columns cannot be shared evenly by {x.AdcsPerCrossbar} ADCs", "use an ADC count dividing crossbar.columns");
        if (s.OperandBits < activationBits)
            throw build.Error("systolic.operandBits", $"{s.OperandBits}-bit PEs cannot take {activationBits}-bit activations", "use operands at least system.activationBits wide");
        var banks = lpddr.Organization.Banks;
        var page = build.Parameters.Long("lpddr.pageSize");
        if (lpddr.BurstBytes < 1 || page % lpddr.BurstBytes != 0)
            throw build.Error("lpddr.pageSize", $"a {page}-byte page is not a whole number of {lpddr.BurstBytes}-byte bursts", "check lpddr.channelWidth, lpddr.burstLength and lpddr.pageSize");
        if (lpddr.ChannelBytes % ((long)banks * page) != 0)
            throw build.Error("lpddr.channelDensity", $"{lpddr.ChannelBytes} bytes per channel are not whole rows of {banks} banks x {page} B", "check the density, bank counts and page size");
        var t = lpddr.Timing;
        if (t.CL + t.BL + t.RTW <= t.CWL)
            throw build.Error("lpddr.timing.nCWL", "write latency exceeds read latency + burst + turnaround", "check nCL, nBL, nRTW and nCWL");
        if (t.CCDL < t.CCDS)
            throw build.Error("lpddr.timing.nCCDL", $"nCCDL = {t.CCDL} is smaller than nCCDS = {t.CCDS}", "nCCDL must be at least nCCDS");
    }

    private static ResolvedParameters Totals(DescriptionBuild build, LpddrConfig lpddr)
    {
        var totals = new DescriptionTotals(build, TotalsTolerance);
        totals.Check("totals.lpddrCapacity", lpddr.CapacityBytes, "channels x channel density", exact: true);
        totals.Check("totals.lpddrBandwidth", (decimal)lpddr.BytesPerSecond, "channels x channel width x data rate", exact: false);
        return totals.Result;
    }
}
