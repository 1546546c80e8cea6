using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Sram;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Hpim.Sim.Timing;

namespace Pimcc.Tests.Sim.CorePerf;

/// <summary>The per-word decode the core timing model's hot loop runs on, and what it keeps small.</summary>
public class CoreProgramTests
{
    private static Op Make(string mnemonic, params long[] operands) => SramIsa.Table.Make(mnemonic, operands);

    /// <summary>One word of <paramref name="spec"/> with every operand at its smallest legal non-negative value.</summary>
    internal static Op Smallest(OpSpec spec) => Op.Create(spec, spec.Operands.Select(f => Math.Max(f.Min, 0)).ToArray());

    [Fact]
    public void EveryInstructionOfTheTableHasATimingDispatch()
    {
        // The dispatch comes from the action column: only sw, which the timing model has no semantics for, is not
        // timed, and no row falls through to "unmodelled".
        foreach (var spec in SramIsa.Table.Rows)
        {
            var kind = new CoreProgram([Smallest(spec)]).Words[0].Kind;
            kind.ShouldNotBe(CoreKind.Unmodelled, spec.Mnemonic);
            (kind == CoreKind.ScalarOther).ShouldBe(spec.Action == OpAction.StoreWord, spec.Mnemonic);
        }
    }

    [Fact]
    public void EveryHbmCommandOfTheTableDecodesForTheChannelModel()
    {
        foreach (var spec in Pimcc.Isa.Hbm.HbmCommandSet.Table.Rows)
        {
            var w = new ChannelProgram([Smallest(spec)]).Words[0];
            if (spec.DramCommand is { } c) w.Command.ShouldBe(c, spec.Mnemonic);
            else w.Kind.ShouldNotBe(WordKind.Dram, spec.Mnemonic);
        }
    }

    [Fact]
    public void ScalarAndBranchWordsCarryTheirOperandsByRole()
    {
        var p = new CoreProgram([
            Make("li.lo", 5, 1234),
            Make("li.hi", 6, 7),
            Make("addi", 7, 8, 99),
            Make("sub", 9, 10, 11),
            Make("lw", 12, 13),
            Make("loop", 14, -3),
            Make("bge", 15, 16, 4),
            Make("jmp", -6),
            Make("halt"),
        ]);
        var w = p.Words;
        (w[0].Kind, w[0].Action, w[0].A, w[0].C).ShouldBe((CoreKind.Scalar, OpAction.LoadImmediateLow, 5, 1234));
        (w[1].A, w[1].B, w[1].C).ShouldBe((6, 6, 7)); // li.hi reads its own rd
        (w[2].Action, w[2].Function, w[2].A, w[2].B, w[2].C).ShouldBe((OpAction.ScalarImmediate, Arithmetic.Add, 7, 8, 99));
        (w[3].Action, w[3].Function, w[3].A, w[3].B, w[3].C).ShouldBe((OpAction.ScalarRegister, Arithmetic.Sub, 9, 10, 11));
        (w[4].Action, w[4].A, w[4].B).ShouldBe((OpAction.LoadWord, 12, 13));
        (w[5].Kind, w[5].A, w[5].C).ShouldBe((CoreKind.Branch, 14, -3));
        (w[6].Kind, w[6].Action, w[6].Function, w[6].A, w[6].B, w[6].C).ShouldBe((CoreKind.Branch, OpAction.Branch, Arithmetic.GreaterOrEqual, 15, 16, 4));
        (w[7].Kind, w[7].C).ShouldBe((CoreKind.Branch, -6));
        w[8].Kind.ShouldBe(CoreKind.Halt);
    }

    [Fact]
    public void DataWordsResolveTheirKindRegistersAndNamedOperands()
    {
        var p = new CoreProgram([
            Make("hbm.pf", 1, 2, 3, 4, 5),
            Make("hbm.st", 6, 7, 8, 9),
            Make("vadd.s", 1, 2, 3, 4, 1),
            Make("mv.2d", 1, 2, 3, 4),
            Make("ev.sig", 3, 1),
            Make("ev.wait", 3, 1),
            Make("noc.recv", 1, 2, 3),
            Make("noc.send", 1, 2, 3),
            Make("sw", 1, 2),
        ]);
        p.Words.Select(w => w.Kind).ShouldBe([
            CoreKind.HbmPrefetch, CoreKind.HbmStore, CoreKind.Vcu, CoreKind.Move2d, CoreKind.EventSignal, CoreKind.EventWait,
            CoreKind.NocReceive, CoreKind.NocSend, CoreKind.ScalarOther,
        ]);
        // hbm.pf dst, addr, bytes, chan (registers), tag (immediate).
        var pf = p.Words[0];
        p.RegisterNumbers.AsSpan(pf.RegStart, pf.RegCount).ToArray().ShouldBe(new byte[] { 1, 2, 3, 4 });
        p.Value(0, Opd.Tag).ShouldBe(5);
        p.Value(1, Opd.Src).ShouldBe(7);
        p.Value(1, Opd.Chan).ShouldBe(9);
        p.Value(2, Opd.S).ShouldBe(3);
        p.Value(3, Opd.Stride).ShouldBe(4);
        Should.Throw<InvalidOperationException>(() => p.Value(1, Opd.Dst));
    }

    [Fact]
    public void ALongLoopReusesItsPathNodes()
    {
        var bin = SimPrograms.Assemble("""
            .core 0
                li.lo r1, 30000
                li.lo r3, 0
                li.lo r4, 4096
                li.lo r5, 64
            top:
                addi r2, r2, 3
                add r6, r2, r5
                vexp r4, r3, r5, fp16
                loop r1, top
                halt
            """);
        var stream = bin.Cores[0];
        var target = SimPrograms.Target();
        var stats = new StatVector();
        var path = new CriticalPath(null);
        var hub = new SyncHub();
        var core = new CoreAgent(0, new CoreProgram(stream.Instructions), 0, StreamDebugMap.Build(stream.Instructions, []),
            new MachineModel(target), hub, stats, path, new SimOptions(), 0, 0, 0);
        hub.Wake(core, 0, null);
        hub.Run();
        core.Done.ShouldBeTrue();
        core.Register(2).ShouldBe(30000u * 3);
        path.Count.ShouldBe(4 + 30000 * 4 + 1);
        stats.Get(Counter.Instructions).ShouldBe(path.Count);
        // Without reuse this would be one node per record (120 005).
        path.CountedNodes.ShouldBeLessThan(10_000);
    }

    [Fact]
    public void DeadlockReportsDescribeBarriersAndReceives()
    {
        var bin = SimPrograms.Assemble("""
            .core 0
                li.lo r1, 0
                li.lo r2, 64
                li.lo r3, 1
                noc.recv r1, r2, r3
                halt
            .core 1
                bar 3, 2
                halt
            """);
        var e = Should.Throw<Pimcc.Diagnostics.PimccError>(() => SimPrograms.Run(bin));
        e.Message.ShouldContain("core 0 waits for noc.recv from core 1");
        e.Message.ShouldContain("core 1 waits for bar 3 of 2 cores");
    }
}
