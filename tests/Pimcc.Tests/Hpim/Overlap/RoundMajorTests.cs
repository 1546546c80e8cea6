using Pimcc.Compiler.PassManagement;
using Pimcc.Hpim.Compiler;
using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Tests.Hpim.Lowering;
using Xunit.Abstractions;

namespace Pimcc.Tests.Hpim.Overlap;

/// <summary>
/// Round-major K/Q/V batches (issue 5: S·V of one head group overlaps the next group's HBM-PIM GEMVs). An
/// OPT-13B-shaped head count (40 heads on 64 channels and 32 cores: Algorithm-1 rounds of 32 and 8 heads) on a
/// reduced hidden size, so the streams are small and the simulation fast.
/// </summary>
public class RoundMajorTests(ITestOutputHelper output)
{
    private const int Channels = 64;

    /// <summary>40 heads of 64 (round offsets 0 and 32 features per channel: bank-aligned) or of 80 (0 and 40: round 1's
    /// features share a row group with round 0's, so round 1 has no group of its own).</summary>
    private static Module Model(long headDim, bool roundMajor = true)
    {
        var m = DecoderModels.Build(new DecoderModels.Shape(40 * headDim, 40, 1024, 1, 1024, 64), prompt: 16, generated: 4, biases: true);
        var pipeline = HpimCompiler.ScheduledPipelineText + (roundMajor ? "" : "{round-major=false}");
        return new PassManager(new PassInstrumentation { ReproducerDirectory = null }, HpimPassTests.Hpim)
            .Run(m, Pipeline.Parse(pipeline, PassRegistry.Default), "test").Module;
    }

    private static readonly Lazy<PimBinary> Bin64 = new(() => HpimBackend.Emit(Model(64), HpimPassTests.Hpim));

    /// <summary>Output-event slot of (batch slot, round) with two rounds: K = 0, Q = 1, V = 2.</summary>
    private static int Out(int core, int gemv, int round) => Events.OutputReady(Channels, core, gemv * 2 + round);

    [Fact]
    public void ScheduleMarksTheMultiRoundBatchAndItsAttention()
    {
        var decode = Model(64).FindFunction(Module.Decode)!.Body;
        foreach (var id in new[] { "l0.out_k", "l0.out_q", "l0.out_v", "l0.attn" })
            decode.Single(o => o.Id == id).Attrs.Int(HpimAttrs.RoundMajor).ShouldBe(2, id);
        decode.Single(o => o.Id == "l0.out_o").Attrs.ContainsKey(HpimAttrs.RoundMajor).ShouldBeFalse();
        Model(64, roundMajor: false).FindFunction(Module.Decode)!.Body.ShouldNotContain(o => o.Attrs.ContainsKey(HpimAttrs.RoundMajor));
    }

    [Fact]
    public void SingleRoundModelsAreNotMarked()
    {
        var m = HpimPassTests.Compile(DecoderModels.Build(new DecoderModels.Shape(2048, 32, 1024, 1, 1024, 64), prompt: 16, generated: 4));
        m.FindFunction(Module.Decode)!.Body.ShouldNotContain(o => o.Attrs.ContainsKey(HpimAttrs.RoundMajor));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(80)]
    public void ChannelsRunKqvRoundByRoundAndSignalEachRound(long headDim)
    {
        var bin = headDim == 64 ? Bin64.Value : HpimBackend.Emit(Model(headDim), HpimPassTests.Hpim);
        var owners = HpimPassTests.Hpim.Hbm.ChannelOwner;
        foreach (var ch in bin.Channels)
        {
            var cmds = ch.Commands.Skip(ch.EntryWord("decode")!.Value).ToList();
            int Sig(int gemv, int round) => cmds.FindIndex(c => c.Mnemonic == "sig" && c.Operands[0] == Out(owners[ch.Channel], gemv, round));
            // K0, Q0, V0, then K1, Q1, V1: round 0's output events all come before any of round 1's
            var order = new[] { Sig(0, 0), Sig(1, 0), Sig(2, 0), Sig(0, 1), Sig(1, 1), Sig(2, 1) };
            order.ShouldAllBe(i => i >= 0, $"channel {ch.Channel}");
            order.ShouldBeInOrder(SortDirection.Ascending, $"channel {ch.Channel}");
            // round 1 needs nothing from the cores: no wait between round 0's V event and round 1's V event
            cmds.Skip(order[2]).Take(order[5] - order[2]).ShouldNotContain(c => c.Mnemonic == "wait", $"channel {ch.Channel}");
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(80)]
    public void EveryCoreRunsRoundZerosSvBeforeWaitingForRoundOne(long headDim)
    {
        var bin = headDim == 64 ? Bin64.Value : HpimBackend.Emit(Model(headDim), HpimPassTests.Hpim);
        foreach (var c in bin.Cores)
        {
            var ops = c.Instructions.Skip(c.EntryWord("decode")!.Value).ToList();
            int Wait(int gemv, int round) => ops.FindIndex(i => i.Mnemonic == "ev.wait" && i.Operands[0] == Out(c.Core, gemv, round));
            var v0 = Wait(2, 0);
            var k1 = Wait(0, 1);
            v0.ShouldBeGreaterThan(Wait(1, 0), $"core {c.Core}: V of round 0 after Q of round 0");
            k1.ShouldBeGreaterThan(v0, $"core {c.Core}: round 1 after round 0");
            Wait(2, 1).ShouldBeGreaterThan(Wait(1, 1), $"core {c.Core}");
            // every core is active in phase 0 (32 heads, one core each): its S·V follows V0 and precedes the wait for K1
            var sv = ops.FindIndex(v0, i => i.Mnemonic == "pim.gemv");
            sv.ShouldBeInRange(v0 + 1, k1 - 1, $"core {c.Core}: round 0's S·V comes before the wait for round 1");
        }
    }

    [Fact]
    public void InTheSimulatorRoundZerosSvRunsWhileTheChannelsComputeRoundOnesV()
    {
        var bin = Bin64.Value;
        var sim = new HpimSimulator(bin, "round-major.bin", new SimOptions { KeepActivity = true });
        var run = sim.Run(ProgramEntries.FromBinary(bin, "decode"), new ProgramRegisters(16, 0, 16));
        var log = run.Activity!;
        var records = Enumerable.Range(0, log.Count).Select(i => log[i]).ToList();
        var vEnd = records.Where(r => r.Track >= 1_000_000 && r.Name == "l0.out_v").Max(r => r.EndPs);
        // core 0's records in issue order: the attention segment between its first V part and its second K part
        // holds phase 0's S·V; its last PIM-unit record is the last S·V pim.gemv.
        var core0 = records.Where(r => r.Track < 1_000_000 && r.Track / 16 == 0).ToList();
        var firstV = core0.FindIndex(r => r.Name == "l0.out_v");
        var kAgain = core0.FindIndex(firstV, r => r.Name == "l0.out_k");
        firstV.ShouldBeGreaterThan(0);
        kAgain.ShouldBeGreaterThan(firstV, "core 0 gathers K of round 1 after V of round 0");
        var sv = core0.Skip(firstV).Take(kAgain - firstV).Last(r => r.Name == "l0.attn" && r.Track % 16 == (int)Unit.PimUnit);
        output.WriteLine($"core 0: round 0's last S·V pim.gemv starts at {sv.StartPs} ps; channels finish round 1's V at {vEnd} ps");
        sv.StartPs.ShouldBeLessThan(vEnd);
    }

    [Fact]
    public void Opt30BRoundMajorEventIdsFitTwelveBits()
    {
        // OPT-30B: 3 rounds (32, 16, 8 heads) x K, Q, V = 9 output slots per core.
        Events.OutputReady(Channels, 31, 3 * 3 - 1).ShouldBeLessThan(1 << 12);
        Events.Count(Channels).ShouldBeLessThanOrEqualTo(1 << 12);
        Should.Throw<InvalidOperationException>(() => Events.OutputReady(Channels, 0, Events.MaxSlots));
    }
}
