using Pimcc.Sim;
using Pimcc.Hpim.Sim;

namespace Pimcc.Tests.Sim;

/// <summary>Core timing against hand computation from the target parameters.</summary>
public class CoreTimingTests
{
    [Fact]
    public void SingleTcuGemmTile()
    {
        var t = SimPrograms.Target();
        var r = SimPrograms.Run("""
            .core 0
                li.lo r1, 64
                tcu.shape r1, r1, r1
                li.lo r2, 0
                li.lo r3, 8192
                li.lo r4, 16384
                tcu.gemm r4, r2, r3, fp16, set
                halt
            """);
        // li r1 @0 (ready 1); tcu.shape @1; li r2 @2, r3 @3, r4 @4 (ready 5); gemm starts @5.
        var tcu = t.Sram.Tcu;
        long compute = 64 / tcu.Rows * (64 / tcu.Columns) * 64 / tcu.MacsPerPePerCycle;
        var bytes = 3L * 64 * 64 * t.ElementBytes;
        var occ = Math.Max(compute, (long)Math.Ceiling(bytes / t.Sram.LocalMemory.BytesPerCycle));
        var expectedCycles = 5 + occ + tcu.Rows + tcu.Columns - 2;
        r.MakespanPs.ShouldBe(expectedCycles * 1000);
        r.Stats.Get(Counter.TcuMacs).ShouldBe(64.0 * 64 * 64);
        r.Stats.UnitBusy(Pimcc.Isa.Encoding.Unit.Tcu).ShouldBe(occ * 1000.0);
    }

    [Fact]
    public void DependentVcuOpsSerialiseIndependentOnesOverlap()
    {
        var t = SimPrograms.Target();
        var vcu = t.Sram.Vcu;
        string Prog(int secondSrc) => $"""
            .core 0
                li.lo r1, 0
                li.lo r2, 8192
                li.lo r3, 4096
                li.lo r4, {secondSrc}
                li.lo r5, 32768
                vexp r2, r1, r3, fp16
                vexp r5, r4, r3, fp16
                halt
            """;
        var occ = (long)Math.Ceiling(4096.0 / vcu.Lanes) * vcu.TranscendentalIntervalCycles;
        // Independent: the second waits only for the VCU to be free (occupancy), then its own latency.
        var indep = SimPrograms.Run(Prog(16384)).MakespanPs / 1000;
        indep.ShouldBe(5 + occ + occ + vcu.PipelineLatencyCycles);
        // Dependent (reads what the first writes): it waits for the first one's full latency.
        var dep = SimPrograms.Run(Prog(8192)).MakespanPs / 1000;
        dep.ShouldBe(5 + (occ + vcu.PipelineLatencyCycles) + occ + vcu.PipelineLatencyCycles);
    }

    [Fact]
    public void CountedLoopExecutesScalarSemantics()
    {
        var t = SimPrograms.Target();
        var r = SimPrograms.Run("""
            .core 0
                li.lo r1, 10
            top:
                addi r2, r2, 3
                loop r1, top
                halt
            """);
        r.Stats.Get(Counter.Instructions).ShouldBe(1 + 10 * 2 + 1);
        // Each iteration: addi (1 cycle) then loop waits for nothing else; a taken branch refills the pipeline.
        var penalty = t.Sram.PipelineStages - 1;
        r.MakespanPs.ShouldBe((1 + 10 * 2 + 9 * penalty) * 1000L);
    }

    /// <summary>
    /// One scalar stretch whose words change class (3 of FFN, 4 of QKV generation, then 2 of FFN): each class gets the
    /// SCU busy time and scalar-op energy of its own words (the stretch adds them per run of one class).
    /// </summary>
    [Fact]
    public void ScalarStretchChargesEachClassItsOwnWords()
    {
        var t = SimPrograms.Target();
        var r = SimPrograms.Run("""
            .core 0
            .debug first=0, count=3, op=1, name="l0.ffn.fc1"
                li.lo r1, 1
                addi r1, r1, 2
                addi r2, r1, 3
            .debug first=3, count=4, op=2, name="l0.q"
                li.lo r3, 4
                addi r3, r3, 1
                add r4, r3, r1
                addi r4, r4, 1
            .debug first=7, count=3, op=3, name="l0.ffn.fc2"
                addi r5, r4, 1
                addi r5, r5, 1
                halt
            """);
        var busy = t.Sram.ScuLatencyCycles * (long)Math.Round(t.CyclePs);
        r.Stats.ClassBusy(WorkClass.Ffn).ShouldBe(5.0 * busy);
        r.Stats.ClassBusy(WorkClass.QkvGeneration).ShouldBe(4.0 * busy);
        r.Stats.UnitBusy(Pimcc.Isa.Encoding.Unit.Scu).ShouldBe(9.0 * busy);
        var scuOp = t.Parameters.Real("energy.sram.scuOp");
        r.Stats.Energy(EnergySubsystem.SramCompute, WorkClass.Ffn).ShouldBe(5 * scuOp, 1e-9);
        r.Stats.Energy(EnergySubsystem.SramCompute, WorkClass.QkvGeneration).ShouldBe(4 * scuOp, 1e-9);
        r.Stats.Get(Counter.Instructions).ShouldBe(10);
    }

    [Theory]
    [InlineData("l3.q", WorkClass.QkvGeneration)]
    [InlineData("layers.0.attn.softmax", WorkClass.Nonlinear)]
    [InlineData("l7.ffn.fc1", WorkClass.Ffn)]
    [InlineData("l2.attn.out_proj", WorkClass.OutputProjection)]
    [InlineData("l2.attn.q_proj", WorkClass.QkvGeneration)]
    [InlineData("l1.attn.qk", WorkClass.Attention)]
    [InlineData("l1.kv_append", WorkClass.DataMovement)]
    public void IrOpNamesClassify(string name, WorkClass expected) => OpClassifier.Classify(name).ShouldBe(expected);
}
