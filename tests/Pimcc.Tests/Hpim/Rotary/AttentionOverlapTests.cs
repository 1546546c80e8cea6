using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Tests.Hpim.Lowering;
using Xunit.Abstractions;

namespace Pimcc.Tests.Hpim.Rotary;

public class AttentionOverlapTests(ITestOutputHelper output)
{
    private static int VOutputEvent(int core) => Events.OutputReady(64, core, slot: 2); // K, Q, V: V is slot 2

    [Theory]
    [InlineData("opt")]
    [InlineData("llama")]
    public void EveryCoreIssuesQkBeforeWaitingForTheVProjection(string model)
    {
        var bin = model == "llama" ? RotaryDecodeTests.Tiny.Value
            : HpimBackend.Emit(HpimPassTests.Compile(Pimcc.Tests.Ir.TinyDecoder.Build()), HpimPassTests.Hpim);
        foreach (var c in bin.Cores)
        {
            var entry = c.EntryWord("decode")!.Value;
            var ops = c.Instructions.Skip(entry).ToList();
            var waitV = ops.FindIndex(i => i.Mnemonic == "ev.wait" && i.Operands[0] == VOutputEvent(c.Core));
            var qk = ops.FindIndex(i => i.Mnemonic == "pim.gemv");
            var sv = ops.FindIndex(waitV + 1, i => i.Mnemonic == "pim.gemv");
            waitV.ShouldBeGreaterThan(0, $"core {c.Core}");
            qk.ShouldBeInRange(0, waitV, $"core {c.Core}: Q·Kᵀ comes before the wait for V");
            sv.ShouldBeGreaterThan(waitV, $"core {c.Core}: S·V comes after it");
        }
    }

    [Fact]
    public void InTheSimulatorAttentionStartsBeforeTheChannelsFinishV()
    {
        // One OPT-6.7B-sized layer (hidden 4096, 32 heads): the V GEMV outlasts the cores' K and Q gathers.
        var m = HpimPassTests.Compile(DecoderModels.Build(new DecoderModels.Shape(4096, 32, 4096, 1, 1024, 64), prompt: 16, generated: 4));
        var bin = HpimBackend.Emit(m, HpimPassTests.Hpim);
        var sim = new HpimSimulator(bin, "overlap.bin", new SimOptions { KeepActivity = true });
        var run = sim.Run(ProgramEntries.FromBinary(bin, "decode"), new ProgramRegisters(16, 0, 16));
        var log = run.Activity!;
        var records = Enumerable.Range(0, log.Count).Select(i => log[i]).ToList();
        var attnStart = records.Where(r => r.Track < 1_000_000 && r.Track / 16 == 0 && r.Name == "l0.attn").Min(r => r.StartPs);
        var vEnd = records.Where(r => r.Track >= 1_000_000 && r.Name == "l0.out_v").Max(r => r.EndPs);
        var vCoreStart = records.Where(r => r.Track < 1_000_000 && r.Track / 16 == 0 && r.Name == "l0.out_v").Min(r => r.StartPs);
        output.WriteLine($"core 0: attention starts at {attnStart} ps, channels finish V at {vEnd} ps, core 0 gathers V from {vCoreStart} ps");
        attnStart.ShouldBeLessThan(vEnd);
        vCoreStart.ShouldBeGreaterThan(attnStart);
    }
}
