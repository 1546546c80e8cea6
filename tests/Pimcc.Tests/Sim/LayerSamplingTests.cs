using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Tests.Hpim;
using Pimcc.Tests.Hpim.Lowering;

namespace Pimcc.Tests.Sim;

/// <summary>
/// Layer sampling (docs/simulator.md): a compiled decoder declares its layers (format 1.3), the simulator runs its
/// programs with 1-3 layers and extrapolates; the result must agree with running every layer within 1 %.
/// </summary>
public class LayerSamplingTests
{
    internal const int Prompt = 32, Generated = 8, Layers = 12;

    /// <summary>12 layers of OPT-30B's shape (hidden 7168, 56 heads, FFN 28672; vocabulary 4096): decode layers of about 150 µs.</summary>
    private static readonly Lazy<PimBinary> Binary = new(() => Compile(7168, 56, 28672));

    /// <summary>12 short layers (hidden 512): one refresh is a large part of a decode layer.</summary>
    internal static readonly Lazy<PimBinary> Small = new(() => Compile(512, 8, 2048));

    private static PimBinary Compile(long hidden, long heads, long ffn) =>
        HpimBackend.Emit(HpimPassTests.Compile(DecoderModels.Build(new DecoderModels.Shape(hidden, heads, ffn, Layers, 4096, 2048), Prompt, Generated, biases: true)),
            HpimPassTests.Hpim, out _);

    private static HpimSimulator Sim(int parallel = 2, PimBinary? bin = null) => new(bin ?? Binary.Value, "l.bin", new SimOptions { ParallelRuns = parallel });

    /// <summary>Prefill of the short layers (alike to the picosecond), decode of the long ones.</summary>
    public static TheoryData<string> Programs => new() { "prefill", "decode" };

    private static PimBinary For(string program) => program == "prefill" ? Small.Value : Binary.Value;

    private static ProgramRegisters Registers(string program, int step) =>
        program == "prefill" ? ProgramRegisters.Prefill(Prompt) : ProgramRegisters.Decode(Prompt, step);

    [Fact]
    public void TheCompiledProgramsDeclareTheirLayersOnEveryStream()
    {
        var bin = Binary.Value;
        foreach (var name in new[] { "prefill", "decode" })
        {
            var entry = ProgramEntries.FromBinary(bin, name);
            entry.Layers.ShouldNotBeNull();
            entry.Layers.Count.ShouldBe(Layers);
            entry.Layers.CoreCounterWords.Count.ShouldBe(bin.Cores.Count);
            entry.Layers.ChannelBlocks.Count.ShouldBe(bin.Channels.Count);
            foreach (var c in bin.Cores)
            {
                var op = c.Instructions[entry.Layers.CoreCounterWords[c.Core]];
                op.Spec.Mnemonic.ShouldBe("li.lo");
                op["imm"].ShouldBe(Layers);
            }
        }
        // Prefill leaves the channels idle; decode runs every layer's GEMVs on them, the same number of commands per layer.
        ProgramEntries.FromBinary(bin, "prefill").Layers!.ChannelBlocks.Values.ShouldAllBe(b => b.Stride == 0);
        ProgramEntries.FromBinary(bin, "decode").Layers!.ChannelBlocks.Values.ShouldAllBe(b => b.Stride > 0);
    }

    [Fact]
    public void RunningAllDeclaredLayersIsTheWholeRun()
    {
        // Fresh simulators: a second run would reuse the rep blocks the first one timed.
        var entry = ProgramEntries.FromBinary(Small.Value, "decode");
        var whole = Sim(bin: Small.Value).Run(entry, Registers("decode", 0));
        var sim = Sim(bin: Small.Value);
        var all = sim.Run(entry, Registers("decode", 0), Layers);
        all.MakespanPs.ShouldBe(whole.MakespanPs);
        all.Stats.TotalEnergy.ShouldBe(whole.Stats.TotalEnergy);
        all.SimulatedItems.ShouldBe(whole.SimulatedItems);
        var fewer = sim.Run(entry, Registers("decode", 0), 2);
        fewer.MakespanPs.ShouldBeLessThan(whole.MakespanPs / 2);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void SampledLayersAgreeWithEveryLayerWithinOnePercent(string program)
    {
        var sim = Sim(bin: For(program));
        var entry = ProgramEntries.FromBinary(For(program), program);
        var regs = Registers(program, 0);
        var whole = sim.Run(entry, regs);
        var sampled = LayerSampling.RunAll(sim, [(entry, regs)])[0];
        sampled.LayerSamples.ShouldNotBeNull();
        sampled.LayerSamples.Max().ShouldBeLessThanOrEqualTo(5);
        sampled.SimulatedItems.ShouldBeLessThan(whole.SimulatedItems);
        RelativeError(sampled.MakespanPs, whole.MakespanPs).ShouldBeLessThan(0.01);
        RelativeError(sampled.Stats.TotalEnergy, whole.Stats.TotalEnergy).ShouldBeLessThan(0.01);
        for (var c = 0; c < whole.CriticalPathPs.Length; c++)
            Math.Abs(sampled.CriticalPathPs[c] - whole.CriticalPathPs[c]).ShouldBeLessThan(0.01 * whole.MakespanPs, $"critical-path class {c}");
        sampled.CriticalPathPs.Sum().ShouldBe(sampled.MakespanPs, 0.001 * sampled.MakespanPs);
    }

    [Fact]
    public void DecodeLayersShorterThanTheRefreshWobbleAllowsRunWhole()
    {
        var sim = Sim(bin: Small.Value);
        var decode = ProgramEntries.FromBinary(Small.Value, "decode");
        var prefill = ProgramEntries.FromBinary(Small.Value, "prefill");
        var r = LayerSampling.RunAll(sim, [(decode, Registers("decode", 0)), (prefill, Registers("prefill", 0))]);
        r[0].LayerSamples.ShouldBeNull();
        r[0].MakespanPs.ShouldBe(Sim(bin: Small.Value).Run(decode, Registers("decode", 0)).MakespanPs);
        // The prefill's layers are alike to the picosecond and long enough: sampled.
        r[1].LayerSamples.ShouldNotBeNull();
        r[1].LayerSamples!.Max().ShouldBeLessThan(Layers / 2);
    }

    [Fact]
    public void ProgramsThatDeclareNoLayersAndUnsampledRequestsRunWhole()
    {
        var sim = Sim(bin: Small.Value);
        var entry = ProgramEntries.FromBinary(Small.Value, "decode");
        var regs = Registers("decode", 0);
        var undeclared = LayerSampling.RunAll(sim, [(entry with { Layers = null }, regs)])[0];
        var unsampled = LayerSampling.RunAll(sim, [(entry, regs)], sample: false)[0];
        undeclared.LayerSamples.ShouldBeNull();
        unsampled.LayerSamples.ShouldBeNull();
        unsampled.MakespanPs.ShouldBe(sim.Run(entry, regs).MakespanPs);
        Should.Throw<ArgumentException>(() => sim.Run(entry with { Layers = null }, regs, 2));
    }

    [Fact]
    public void ResultsDoNotDependOnHowManyRunsGoSideBySide()
    {
        // A sampled prefill and two whole decode steps in one batch (the decode steps time rep blocks for the memo).
        var bin = Small.Value;
        List<(ProgramEntry, ProgramRegisters)> programs =
        [
            (ProgramEntries.FromBinary(bin, "prefill"), Registers("prefill", 0)), (ProgramEntries.FromBinary(bin, "decode"), Registers("decode", 0)),
            (ProgramEntries.FromBinary(bin, "decode"), Registers("decode", 5)),
        ];
        var one = LayerSampling.RunAll(Sim(parallel: 1, bin: bin), programs);
        var two = LayerSampling.RunAll(Sim(parallel: 2, bin: bin), programs);
        for (var i = 0; i < programs.Count; i++)
        {
            two[i].MakespanPs.ShouldBe(one[i].MakespanPs);
            two[i].Stats.V.ShouldBe(one[i].Stats.V);
            two[i].CriticalPathPs.ShouldBe(one[i].CriticalPathPs);
        }
    }

    [Fact]
    public void SpareRunsCountOnlyWhenAWindowAsksForThem()
    {
        // The prefill passes its first window; the decode steps fail theirs and run whole (short layers).
        var bin = Small.Value;
        ProgramEntry prefill = ProgramEntries.FromBinary(bin, "prefill"), decode = ProgramEntries.FromBinary(bin, "decode");
        List<(ProgramEntry, ProgramRegisters)> programs =
            [(prefill, Registers("prefill", 0)), (decode, Registers("decode", 0)), (decode, Registers("decode", 5))];
        var learnt = new LayerSampling.History();
        var plain = LayerSampling.RunAll(Sim(bin: bin), programs, history: learnt);
        learnt.Beyond[prefill].ShouldBeEmpty();
        learnt.Beyond[decode].ShouldBe([0]);
        // Right guesses (the decode steps' whole runs) and wrong ones (more layers for both, a whole prefill) change nothing.
        var right = LayerSampling.RunAll(Sim(bin: bin), programs, history: learnt);
        var wrong = new LayerSampling.History();
        wrong.Beyond[prefill] = [5, 0];
        wrong.Beyond[decode] = [4, 6];
        foreach (var guessed in new[] { right, LayerSampling.RunAll(Sim(bin: bin), programs, history: wrong) })
            for (var i = 0; i < programs.Count; i++)
            {
                guessed[i].MakespanPs.ShouldBe(plain[i].MakespanPs);
                guessed[i].Stats.V.ShouldBe(plain[i].Stats.V);
                guessed[i].CriticalPathPs.ShouldBe(plain[i].CriticalPathPs);
                guessed[i].SimulatedItems.ShouldBe(plain[i].SimulatedItems);
                guessed[i].LayerSamples.ShouldBe(plain[i].LayerSamples);
            }
        plain[0].LayerSamples.ShouldBe([1, 2, 3]);
        plain[1].LayerSamples.ShouldBeNull();
    }

    [Fact]
    public void AGenerationReportIsByteIdenticalWithOneThreadOrTwo()
    {
        // The whole path pimcc sim takes: prefill layer-sampled, decode steps chosen adaptively, every batch of
        // independent runs side by side on two threads against one after another on one.
        var bin = Small.Value;
        byte[] Report(int parallel)
        {
            var sim = Sim(parallel, bin);
            var request = new GenerationRequest(Prompt, Generated, ProgramEntries.FromBinary(bin, "prefill"), ProgramEntries.FromBinary(bin, "decode"))
            {
                Sampling = DecodeSampling.Adaptive,
            };
            return Pimcc.Hpim.Sim.Report.SimReport.ToJson(GenerationRun.Run(sim, request), sim.Target);
        }
        var serial = Report(1);
        Report(2).ShouldBe(serial);
        System.Text.Encoding.UTF8.GetString(serial).ShouldContain("\"latency.total\"");
    }

    private static double RelativeError(double got, double want) => Math.Abs(got - want) / Math.Abs(want);
}
