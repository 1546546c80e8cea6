using Pimcc.Diagnostics;
using Pimcc.Isa.Assembly;
using Pimcc.Pimllm.Isa;
using Pimcc.Pimllm.Sim;
using Pimcc.Reports;
using Pimcc.Sim;
using Pimcc.Sim.Units;
using Pimcc.Targets;
using Pimcc.Tests.Driver;
using E = Pimcc.Pimllm.Isa.PimllmEnergyEvent;

namespace Pimcc.Tests.Pimllm;

/// <summary>
/// The pimllm simulator on hand-written programs, against hand computation from samples/targets/pimllm.json:
/// clock 100 MHz (10 ns a configuration or event word), a crossbar read 100 ns + 256 columns / 2 ADCs at 1.28 GS/s
/// = 200 ns, a 32 x 32 array (a tile K + 31 + 31 clocks), softmax 32 lanes, LPDDR5-6400 (tCK 1.25 ns; one bank:
/// ACT, RD after tRCD 15, RDs every tCCD_L 4, data after RL 17 + BL 2 clocks). Energies: crossbar read 120 pJ,
/// DAC 0.05, ADC 1.5625, shift-add 0.039, MAC 0.3, softmax 3 pJ, SRAM 1.5625 and LPDDR 4 pJ per bit.
/// </summary>
public class PimllmSimTests
{
    private const string Header = ".target \"pimllm\"\n";

    private static PimllmTarget Target() => TargetLoader.LoadPreset<PimllmTarget>("pimllm", []);

    private static PimllmRun Run(string body, long position = 0)
    {
        var bin = Assembler.Assemble(Header + body, "t.pasm");
        var t = Target();
        return PimllmMachine.Run(PimllmProgram.Read(bin, "prefill", "t.bin"), t, new PimllmCosts(t), new LpddrTransferTimes(t.Lpddr), position, "t.bin");
    }

    // The crossbars and a DMA channel work side by side; the array waits for both.
    private const string Overlap = """
        .xbar 0
            xb.mvm xbar=0, tiles=1, rows=256, src=0, acc=set
            ev.sig event=1, count=1
        .systolic 0
            ev.wait event=1, count=1
            ev.wait event=2, count=1
            sa.shape m=1, n=32, k=256
            sa.gemm c=0, a=0, b=0, wt=i8, acc=set
        .lpddr_dma 0
            dma.ld sram=0, lpddr=0, len=32
            ev.sig event=2, count=1

        """;

    [Fact]
    public void StreamsOverlapAndAWaitStartsWhenItsLastSignalArrives()
    {
        var r = Run(Overlap);
        // xbar:     xb.mvm 0 - 200 ns, ev.sig - 210 ns (event 1 at 210 ns)
        // lpddr 0:  dma.ld of 2 KiB = one page of one bank: ACT at clock 0, 64 RDs at 15 + 4 i, last at 267, data done
        //           at 267 + 17 + 2 = 286 clocks = 357.5 ns; ev.sig - 367.5 ns (event 2 at 367.5 ns)
        // systolic: wait 1 210 - 220 ns; wait 2 367.5 - 377.5 ns; sa.shape - 387.5 ns;
        //           sa.gemm: one tile of 256 + 31 + 31 = 318 clocks = 3,180 ns, ends at 3,567.5 ns
        r.MakespanPs.ShouldBe(3_567_500);
        // Critical path: the DMA (357.5 ns memory), ev.sig, wait 2 and sa.shape (30 ns control), the tile (3,180 ns):
        // the crossbar read overlapped with the DMA and is off the path.
        r.PartPs[(int)PimllmPart.Memory].ShouldBe(357_500);
        r.PartPs[(int)PimllmPart.Control].ShouldBe(30_000);
        r.PartPs[(int)PimllmPart.Systolic].ShouldBe(3_180_000);
        r.PartPs[(int)PimllmPart.Crossbar].ShouldBe(0);
        r.PartPs.Sum().ShouldBe(r.MakespanPs);
        r.ClassPs.Sum().ShouldBe(r.MakespanPs);
        // Busy: the crossbar's 200 ns are there, only not on the path.
        r.BusyPs[(int)PimllmPart.Crossbar].ShouldBe(200_000);
    }

    [Fact]
    public void WithoutTheDmaWaitTheCrossbarReadIsOnThePath()
    {
        var r = Run(Overlap.Replace("    ev.wait event=2, count=1\n", "").Replace("    ev.sig event=2, count=1\n", ""));
        // systolic: wait 1 210 - 220 ns, sa.shape - 230 ns, tile - 3,410 ns.
        r.MakespanPs.ShouldBe(3_410_000);
        r.PartPs[(int)PimllmPart.Crossbar].ShouldBe(200_000);
        r.PartPs[(int)PimllmPart.Control].ShouldBe(30_000);
        r.PartPs[(int)PimllmPart.Systolic].ShouldBe(3_180_000);
    }

    [Fact]
    public void EnergyIsTheSumOfTheDeclaredEventsEachCountedByHand()
    {
        var r = Run(Overlap);
        // xb.mvm, one read of 1 crossbar with 256 rows: 1 crossbar read, 256 DAC conversions, 256 ADC conversions and
        // shift-adds, 256 x 8 SRAM bits of input.
        // sa.gemm 1 x 256 x 32: 8,192 MACs; SRAM (1 x 256 + 256 x 32) x 8 + 1 x 32 x 32 = 68,608 bits.
        // dma.ld of 2,048 bytes: 16,384 LPDDR bits and 16,384 SRAM bits.
        r.Events[(int)E.CrossbarRead].ShouldBe(1);
        r.Events[(int)E.DacConversion].ShouldBe(256);
        r.Events[(int)E.AdcConversion].ShouldBe(256);
        r.Events[(int)E.ShiftAdd].ShouldBe(256);
        r.Events[(int)E.SystolicMac].ShouldBe(8_192);
        r.Events[(int)E.LpddrBit].ShouldBe(16_384);
        r.Events[(int)E.SramBit].ShouldBe(2_048 + 68_608 + 16_384);
        r.Events[(int)E.PostProcessingOp].ShouldBe(0);
        r.Events[(int)E.SoftmaxOp].ShouldBe(0);
        var expected = 120 + 256 * 0.05 + 256 * 1.5625 + 256 * 0.039 + 8_192 * 0.3 + 16_384 * 4.0 + (2_048 + 68_608 + 16_384) * 1.5625;
        r.TotalEnergyPj.ShouldBe(expected, 1e-6);
        // The statement: energy is nothing but the declared events, and the classes split the same total.
        r.TotalEnergyPj.ShouldBe(PimllmEnergyEvents.All.Sum(e => r.Events[(int)e] * new PimllmCosts(Target()).EnergyPj(e, 1)), 1e-6);
        r.ClassEnergyPj.Sum().ShouldBe(expected, 1e-6);
        r.CrossbarMacs.ShouldBe(256 * 256);
        r.SystolicMacs.ShouldBe(8_192);
        r.LpddrBytes.ShouldBe(2_048);
    }

    [Fact]
    public void ADeadlockIsAnInvalidBinaryNamingTheBlockedStreams()
    {
        var e = Should.Throw<PimccError>(() => Run(".systolic 0\n    ev.wait event=3, count=1\n.xbar 0\n    ev.sig event=3, count=1\n    ev.wait event=4, count=1\n"));
        e.Code.ShouldBe(ExitCode.InvalidBinary);
        e.Message.ShouldContain("deadlock");
        e.Message.ShouldContain("xbar0 word 1 waits for event 4 (count 1, counter 0)");
    }

    [Fact]
    public void ACounterWithTwoProducersIsRefused()
    {
        var e = Should.Throw<PimccError>(() => Run(".xbar 0\n    ev.sig event=5, count=1\n.lpddr_dma 0\n    ev.sig event=5, count=1\n.systolic 0\n    ev.wait event=5, count=2\n"));
        e.Code.ShouldBe(ExitCode.InvalidBinary);
        e.Message.ShouldContain("event 5 is signalled by both xbar0 and lpddr_dma0");
    }

    // A tiny workload: prefill is one crossbar read (beside a configuration word in each other stream: entries at one
    // word would make both programs the whole stream); a decode step reads the projection's crossbars, loads the cache's
    // p rows of 64 bytes (dma.ldc), and runs q . K^T over the p + 1 cached keys and their softmax.
    private const string Tiny = """
        .workload prompt=31, generated=2, positions=33, model="tiny", programs="prefill,decode"
        .xbar 0
        .entry prefill
            xb.mvm xbar=0, tiles=2, rows=256, src=0, acc=set
        .entry decode
            xb.mvm xbar=0, tiles=2, rows=256, src=0, acc=set
            ev.sig event=1, count=1
        .systolic 0
        .entry prefill
            sa.stride c=0, a=0, b=0
        .entry decode
            ev.wait event=1, count=1
            ev.wait event=2, count=1
            sa.mshape m=1, n=64, k=64, span=cache_n
            sa.mm c=0, a=0, b=0, wt=i8, acc=set
            sa.msmx dst=0, src=0
        .lpddr_dma 0
        .entry prefill
            dma.tok first=0, count=1
        .entry decode
            dma.tok first=0, count=1
            dma.ldc sram=0, table=0, len=1
            ev.sig event=2, count=1

        """;

    [Fact]
    public void ATinyGenerationTakesTheHandComputedTimeAndEnergy()
    {
        var bin = Assembler.Assemble(Header + Tiny, "tiny.pasm");
        var (sim, target) = SimulatorTargets.For(bin, "tiny.bin");
        var json = sim.SimulateTiming(bin, target, "tiny.bin", new TimingRequest(31, 2)).ReportJson;
        var r = ReportDocument.Parse(System.Text.Encoding.UTF8.GetString(json));
        double Stat(string name) => r.Find(name)!.Value;
        // Prefill: one read of 2 crossbars, 200 ns (the other streams' configuration words take 10 ns).
        Stat("latency.prefill").ShouldBe(200e-9, 1e-15);
        // Decode step 0 at position 31 (32 keys):
        //   xbar 0 - 200 ns, ev.sig - 210 ns. lpddr 0: dma.tok 0 - 10 ns (clock 8); dma.ldc of 31 rows = 1,984 bytes =
        //   62 bursts in one page: ACT at clock 8, RDs at 23 + 4 i, last at 267, data at 286 clocks = 357.5 ns; ev.sig
        //   - 367.5 ns. systolic: wait 1 210 - 220, wait 2 367.5 - 377.5, sa.mshape - 387.5 ns, sa.mm: 32 keys = one
        //   tile of 64 + 62 = 126 clocks - 1,647.5 ns, sa.msmx 32 scores x 3 passes / 32 lanes = 3 clocks - 1,677.5 ns.
        // Decode step 1 at position 32 (33 keys): dma.ldc of 32 rows = 2,048 bytes, 64 bursts, last RD at 23 + 63 x 4 =
        //   275, data at 294 clocks = 367.5 ns, event 2 at 377.5 ns; wait 2 - 387.5, sa.mshape - 397.5, sa.mm: 33 keys =
        //   two tiles = 252 clocks - 2,917.5 ns, sa.msmx: 99 / 32 = 4 clocks - 2,957.5 ns.
        Stat("latency.decode.first").ShouldBe(1_677.5e-9, 1e-15);
        Stat("latency.decode.last").ShouldBe(2_957.5e-9, 1e-15);
        Stat("latency.total").ShouldBe((200 + 1_677.5 + 2_957.5) * 1e-9, 1e-15);
        // Latency split of decode: memory 347.5 + 357.5 ns (the loads after dma.tok), systolic 1,260 + 2,520 ns, softmax
        // 30 + 40 ns, control 4 x 10 ns per step (dma.tok, ev.sig, wait 2, sa.mshape).
        Stat("decode.latency-split.memory").ShouldBe((347.5 + 357.5) * 1e-9, 1e-15);
        Stat("decode.latency-split.systolic").ShouldBe((1_260 + 2_520) * 1e-9, 1e-15);
        Stat("decode.latency-split.softmax").ShouldBe((30 + 40) * 1e-9, 1e-15);
        Stat("decode.latency-split.control").ShouldBe(80e-9, 1e-15);
        Stat("decode.latency-split.crossbar").ShouldBe(0);
        // Energy (pJ). xb.mvm of 2 crossbars x 256 rows, one read: 2 x 120 + 256 x 0.05 + 512 x 1.5625 (ADC)
        //   + 512 x 0.039 (shift-add) + 256 x 8 x 1.5625 (SRAM input) = 4,272.768.
        const double xbar = 2 * 120 + 256 * 0.05 + 512 * 1.5625 + 512 * 0.039 + 2_048 * 1.5625;
        // Step 0: sa.mm 1 x 64 x 32 keys = 2,048 MACs x 0.3; SRAM (64 + 64 x 32) x 8 + 32 x 32 = 17,920 bits;
        //   softmax 32 x 3 ops x 3 pJ, SRAM 32 x (32 + 8) bits; dma.ldc 1,984 bytes x 8 x (4 + 1.5625).
        const double step0 = xbar + 2_048 * 0.3 + 17_920 * 1.5625 + 96 * 3 + 1_280 * 1.5625 + 1_984 * 8 * (4 + 1.5625);
        // Step 1: 33 keys: 2,112 MACs; SRAM (64 + 64 x 33) x 8 + 33 x 32 = 18,464 bits; softmax 99 ops, 1,320 bits;
        //   dma.ldc 2,048 bytes.
        const double step1 = xbar + 2_112 * 0.3 + 18_464 * 1.5625 + 99 * 3 + 1_320 * 1.5625 + 2_048 * 8 * (4 + 1.5625);
        Stat("energy.total").ShouldBe((xbar + step0 + step1) * 1e-12, 1e-18);
        Stat("decode.count.lpddr-bytes").ShouldBe(1_984 + 2_048);
        // The figures from the same numbers: tokens/s, tokens/J, GOPS, words per 5 Wh at 1.5 tokens per word.
        var seconds = (200 + 1_677.5 + 2_957.5) * 1e-9;
        var joules = (xbar + step0 + step1) * 1e-12;
        Stat("throughput.end-to-end").ShouldBe(2 / seconds, 1e-6 * (2 / seconds));
        Stat("energy.tokens-per-joule").ShouldBe(2 / joules, 1e-6 * (2 / joules));
        var ops = 2.0 * (3 * 256 * 2 * 256 + 2_048 + 2_112);      // 3 crossbar reads of 256 x 512 MACs, the two products
        Stat("throughput.gops").ShouldBe(ops / seconds / 1e9, 1e-6 * ops / seconds / 1e9);
        Stat("energy.gops-per-watt").ShouldBe(ops / joules / 1e9, 1e-6 * ops / joules / 1e9);
        Stat("energy.battery-words").ShouldBe(5 * 3600 / (joules / 2) / 1.5, 1e-6 * 5 * 3600 / (joules / 2) / 1.5);
    }

    [Fact]
    public void LongTransfersTakeTheTimeTheyTakeFromAnIdleChannelCommandByCommand()
    {
        var t = Target();
        var times = new LpddrTransferTimes(t.Lpddr);
        // One transfer from an idle channel: the remembered time is the exact one.
        foreach (var (pages, write) in new[] { (9, false), (40, true), (300, false) })
            new LpddrChannel(t.Lpddr, times).Transfer(0, pages * 2048L, write, 0).ShouldBe(new LpddrChannel(t.Lpddr).Transfer(0, pages * 2048L, write, 0));
        // Back to back, the fast path leaves out only what one transfer's commands owe the previous one's (overlap, a
        // bank reopened within tRC) and the refresh phase: within 1% of the exact run over a DMA stream's mix.
        // Weight chunks streamed one after another, then cache loads and a store elsewhere in the channel.
        (long Address, long Bytes, bool Write)[] mix = [(0, 40 * 2048, false), (40 * 2048, 40 * 2048, false), (80 * 2048, 3 * 2048, false),
            (83 * 2048, 100 * 2048, false), (500 * 2048 + 512, 9 * 2048 + 64, true), (600 * 2048, 300 * 2048, false)];
        var exact = new LpddrChannel(t.Lpddr);
        var fast = new LpddrChannel(t.Lpddr, times);
        long e = 0, f = 0;
        foreach (var (a, b, w) in mix)
        {
            e = exact.Transfer(a, b, w, e);
            f = fast.Transfer(a, b, w, f);
        }
        ((double)f).ShouldBe(e, 0.01 * e);
        fast.Bursts.ShouldBe(exact.Bursts);
        fast.Activates.ShouldBe(exact.Activates);
        // The same kind of transfer (same bank, offset, length, direction) is timed once.
        var before = times.Timed;
        new LpddrChannel(t.Lpddr, times).Transfer(16 * 2048, 40 * 2048, false, 0);
        times.Timed.ShouldBe(before);
    }

    [Fact]
    public void SimRunsAHandWrittenBinaryFromTheCommandLineTheSameEveryTime()
    {
        var dir = CliRunner.TempDir();
        string pasm = Path.Combine(dir, "t.pasm"), bin = Path.Combine(dir, "t.bin"), report = Path.Combine(dir, "report.json");
        File.WriteAllText(pasm, Header + Tiny);
        CliRunner.Run("asm", pasm, "-o", bin).ExitCode.ShouldBe(0);
        var r = CliRunner.Run("sim", bin, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("\"format\": \"pimcc-sim-report/1\"");
        r.Out.ShouldContain("\"decodeSampling\": \"exact\"");
        CliRunner.Run("sim", bin, "--format", "json").Out.ShouldBe(r.Out);      // same binary, same report, byte for byte
        // A deadlocked binary: one line, exit 57, and no report file.
        File.WriteAllText(pasm, Header + Tiny.Replace("    ev.wait event=2, count=1\n", "    ev.wait event=2, count=2\n"));
        CliRunner.Run("asm", pasm, "-o", bin).ExitCode.ShouldBe(0);
        CliRunner.Run("sim", bin, "-o", report).ShouldBeOneLineError(ExitCode.InvalidBinary, "deadlock");
        File.Exists(report).ShouldBeFalse();
    }
    [Theory]
    [InlineData("pimllm")]
    [InlineData("tpu-llm")]
    public void TheLmHeadIsAPartOfTheLatencySplitOfItsOwn(string target)
    {
        // The tiny GPT-2 of PimllmLoweringTests: its LM head (the tied 512 x 256 embedding) is one chunk, one GEMV per
        // decode step of 512 / 32 = 16 tiles of 256 + 31 + 31 = 318 clocks: 5,088 clocks = 50.88 us at 100 MHz, on the
        // critical path (the logits end the step).
        var bin = PimllmLoweringTests.Lower(PimllmLoweringTests.Tiny(), target);
        var (sim, t) = SimulatorTargets.For(bin, "tiny.bin");
        var json = sim.SimulateTiming(bin, t, "tiny.bin", new TimingRequest(40, 4) { Sampling = DecodeSampling.Exact }).ReportJson;
        var r = ReportDocument.Parse(System.Text.Encoding.UTF8.GetString(json));
        double Stat(string name) => r.Find(name)!.Value;
        var steps = Stat("sim.decode-steps-simulated");   // every step, exact sampling
        steps.ShouldBeGreaterThan(0);
        Stat("decode.latency-split.lm-head").ShouldBe(steps * 5_088 * 10e-9, 1e-12);
        PimllmParts.All.Sum(p => Stat($"decode.latency-split.{PimllmParts.Name(p)}")).ShouldBe(Stat("latency.decode.total"), 1e-12);
    }
}
