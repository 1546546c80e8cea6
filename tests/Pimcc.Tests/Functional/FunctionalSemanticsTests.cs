using System.Buffers.Binary;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Sim.Functional;
using Pimcc.Hpim.Sim.Functional;
using static Pimcc.Tests.Functional.FunctionalPrograms;

namespace Pimcc.Tests.Functional;

/// <summary>
/// Instruction-level semantics of the values mode on hand-assembled programs; expected values are computed here
/// from the ISA's definitions (FP32 arithmetic, FP16 rounding on store), not by the simulator.
/// </summary>
public class FunctionalSemanticsTests
{
    [Fact]
    public void VaddRoundsEachResultToFp16OnStore()
    {
        float[] a = [2048, 1.5f, -3, 0.1f], b = [1, 2.25f, 0.5f, 0.2f];
        var sim = Load("""
            .core 0
                li.lo r1, 0
                li.lo r2, 64
                li.lo r3, 128
                li.lo r4, 4
                vadd r3, r1, r2, r4, fp16
                halt
            """, [Halves(0, 0, a), Halves(0, 64, b)]);
        Run(sim);
        // 2048 + 1 is a tie between 2048 and 2050 in FP16: round to even keeps 2048.
        ReadHalves(sim, 0, 128, 4).ShouldBe(a.Zip(b, (x, y) => H(H(x) + H(y))).ToArray());
        ReadHalves(sim, 0, 128, 1)[0].ShouldBe(2048f);
    }

    [Fact]
    public void VsumAccumulatesInFp32()
    {
        // 4096 ones: an FP16 accumulator would stop at 2048 (2048 + 1 rounds back to 2048).
        var sim = Load("""
            .core 0
                li.lo r1, 0
                li.lo r2, 8192
                li.lo r3, 4096
                vsum r2, r1, r3, fp16
                vdot r4, r1, r1, r3, fp16
                halt
            """, [Halves(0, 0, Enumerable.Repeat(1f, 4096).ToArray())]);
        Run(sim);
        ReadHalves(sim, 0, 8192, 1)[0].ShouldBe(4096f);
    }

    [Fact]
    public void ScalarBroadcastReductionsAndTranscendentalsFollowTheirDefinitions()
    {
        float[] x = [-1.25f, 0.5f, 2f, -0.125f];
        var sim = Load("""
            .core 0
                li.lo r1, 0       ; x
                li.lo r2, 64      ; s = 3
                li.lo r3, 4
                li.lo r10, 1
                li.lo r5, 128
                vmul.s r5, r1, r2, r3, fp16
                li.lo r5, 192
                vexp r5, r1, r3, fp16
                li.lo r5, 256
                vgelu r5, r1, r3, fp16
                li.lo r5, 320
                vsilu r5, r1, r3, fp16
                li.lo r5, 384
                vrsqrt r5, r2, r10, fp16
                li.lo r5, 448
                vrmax r5, r1, r3, fp16
                li.lo r5, 512
                vdot r5, r1, r1, r3, fp16
                li.lo r5, 576
                vfill r5, r2, r3, fp16
                li.lo r5, 640
                vsub.s r5, r1, r2, r3, fp16
                li.lo r5, 704
                vtanh r5, r1, r3, fp16
                halt
            """, [Halves(0, 0, x), Halves(0, 64, 3f)]);
        Run(sim);
        ReadHalves(sim, 0, 128, 4).ShouldBe(x.Select(v => H(v * 3f)).ToArray());
        ReadHalves(sim, 0, 192, 4).ShouldBe(x.Select(v => H(Math.Exp(v))).ToArray());
        ReadHalves(sim, 0, 256, 4).ShouldBe(x.Select(v => H(0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))))).ToArray());
        ReadHalves(sim, 0, 320, 4).ShouldBe(x.Select(v => H(v / (1 + Math.Exp(-v)))).ToArray());
        ReadHalves(sim, 0, 384, 1)[0].ShouldBe(H(1 / Math.Sqrt(3)));
        ReadHalves(sim, 0, 448, 1)[0].ShouldBe(2f);
        ReadHalves(sim, 0, 512, 1)[0].ShouldBe(H(x.Sum(v => v * v)));
        ReadHalves(sim, 0, 576, 4).ShouldAllBe(v => v == 3f);
        ReadHalves(sim, 0, 640, 4).ShouldBe(x.Select(v => H(v - 3f)).ToArray());
        ReadHalves(sim, 0, 704, 4).ShouldBe(x.Select(v => H(Math.Tanh(v))).ToArray());
    }

    [Fact]
    public void PimGemvMultipliesTheResidentRowMajorMatrixAndAccumulates()
    {
        var sim = Load("""
            .core 0
                li.lo r1, 0       ; M, 2 x 3
                li.lo r2, 12
                li.lo r3, 64      ; macro slot: MG 1, byte 64
                li.hi r3, 1
                pim.ld r3, r1, r2
                li.lo r4, 64      ; v
                li.lo r5, 128     ; y
                li.lo r6, 3
                li.hi r6, 2       ; rows 2, cols 3
                pim.gemv r5, r4, r6, r3, fp16, set
                li.lo r7, 192     ; y2 = 10, 10 beforehand
                pim.gemv r7, r4, r6, r3, fp16, acc
                halt
            """, [Halves(0, 0, 1, 2, 3, 4, 5, 6), Halves(0, 64, 1, 0.5f, -1), Halves(0, 192, 10, 10)]);
        Run(sim);
        ReadHalves(sim, 0, 128, 2).ShouldBe([-1f, 0.5f]);
        ReadHalves(sim, 0, 192, 2).ShouldBe([9f, 10.5f]);
        var pu = sim.Target.Sram.PimUnit;
        BinaryPrimitives.ReadHalfLittleEndian(sim.Machine.Macros[0].AsSpan((int)(pu.MacrosPerGroup * pu.MacroBytes + 64 + 10))).ShouldBe((Half)6);
    }

    [Fact]
    public void TcuGemmUsesTheLatchedShapeAndLeadingDimensions()
    {
        // A 2x3 (lda 4: one padding column), B 3x2, C 2x2; then C += A B again.
        var sim = Load("""
            .core 0
                li.lo r1, 2
                li.lo r2, 2
                li.lo r3, 3
                tcu.shape r1, r2, r3
                li.lo r8, 4
                tcu.ld r8, r0, r0
                li.lo r4, 0
                li.lo r5, 64
                li.lo r6, 128
                tcu.gemm r6, r4, r5, fp16, set
                li.lo r7, 192
                tcu.gemm r7, r4, r5, fp16, set
                tcu.gemm r7, r4, r5, fp16, acc
                halt
            """, [Halves(0, 0, 1, 2, 3, 99, 4, 5, 6, 99), Halves(0, 64, 1, 0, 0, 1, 1, -1)]);
        Run(sim);
        ReadHalves(sim, 0, 128, 4).ShouldBe([4f, -1f, 10f, -1f]);
        ReadHalves(sim, 0, 192, 4).ShouldBe([8f, -2f, 20f, -2f]);
    }

    [Fact]
    public void TransposeAndStridedMoveRearrangeBytes()
    {
        var sim = Load("""
            .core 0
                li.lo r1, 0
                li.lo r2, 64
                li.lo r3, 3
                li.hi r3, 2       ; src 2 x 3
                tr r2, r1, r3, fp16
                li.lo r4, 128
                li.lo r5, 4       ; 2 rows of 4 bytes
                li.hi r5, 2
                li.lo r6, 6       ; src stride 6 bytes
                li.hi r6, 8       ; dst stride 8 bytes
                mv.2d r4, r1, r5, r6
                halt
            """, [Halves(0, 0, 1, 2, 3, 4, 5, 6)]);
        Run(sim);
        ReadHalves(sim, 0, 64, 6).ShouldBe([1f, 4f, 2f, 5f, 3f, 6f]);
        ReadHalves(sim, 0, 128, 6).ShouldBe([1f, 2f, 0f, 0f, 4f, 5f]);
    }

    /// <summary>
    /// A two-row-group GEMV on channel 0's pseudo channel 0 with nested reps: every bank b holds row r's 32 weights
    /// w = (b + 1) / 16 x (i mod 5 - 2) x (r + 1); the input is 32 values in core 0's local memory.
    /// </summary>
    [Fact]
    public void HbmGemvWithNestedRepsComputesOneDotProductPerBank()
    {
        var t = Sim.SimPrograms.Target();
        var org = t.Hbm.Organization;
        int banks = org.BanksPerChannel, perPch = org.BanksPerPseudoChannel;
        var page = (int)org.PageBytes;
        var x = Enumerable.Range(0, 32).Select(i => (float)Math.Round(Math.Sin(i) * 4) / 4).ToArray();
        var image = new List<MemoryChunk> { Halves(0, 0, x) };
        float W(int r, int b, int i) => (b + 1) / 16f * (i % 5 - 2) * (r + 1);
        for (var r = 0; r < 2; r++)
            for (var b = 0; b < perPch; b++)
                image.Add(new MemoryChunk(HpimSpaces.Hbm, 0, ((long)r * banks + b) * page, Encode([.. Enumerable.Range(0, 32).Select(i => W(r, b, i))])));
        var sim = Load("""
            .channel 0
                rep count=2, body=1, drow=0, dcol=0, dgcol=1, dladdr=0, dsaddr=1
                  gwr pc=0, gcol=0, core=0, saddr=0
                rep count=2, body=6, drow=1, dcol=0, dgcol=0, dladdr=1, dsaddr=0
                  res.clr pc=0
                  act.ab pc=0, row=0
                  rep count=2, body=1, drow=0, dcol=1, dgcol=1, dladdr=0, dsaddr=0
                    mac.ab pc=0, col=0, gcol=0
                  pre.ab pc=0
                  res.rd.ab pc=0, core=0, laddr=8
            """, image);
        Run(sim);
        for (var r = 0; r < 2; r++)
        {
            var want = Enumerable.Range(0, perPch).Select(b =>
            {
                var s = 0f;
                for (var c = 0; c < 2; c++)
                {
                    var col = 0f;
                    for (var i = 16 * c; i < 16 * c + 16; i++) col += H(W(r, b, i)) * H(x[i]);
                    s += col;
                }
                return H(s);
            }).ToArray();
            ReadHalves(sim, 0, 256 + 32 * r, perPch).ShouldBe(want);
        }
        want0Nonzero(ReadHalves(sim, 0, 256, perPch));
        static void want0Nonzero(float[] v) => v.ShouldContain(e => e != 0);
    }

    [Fact]
    public void ADeadlockIsAFaultNamingTheBlockedStreams()
    {
        var sim = Load("""
            .core 0
                li.lo r1, 0
                li.lo r2, 4       ; bytes
                li.lo r3, 3       ; group: cores 0 and 1
                li.lo r4, 64
                noc.ag r4, r1, r2, r3
                li.lo r5, 2
                li.lo r6, 128
                noc.ar r6, r1, r5, r3, max, fp16
                li.lo r7, 160
                noc.ar r7, r1, r5, r3, sum, fp16
                bar 1, 2
                ev.sig 9, 1
                halt
            .core 1
                li.lo r1, 0
                li.lo r2, 4
                li.lo r3, 3
                li.lo r4, 64
                ev.wait 9, 1
                noc.ag r4, r1, r2, r3
                li.lo r5, 2
                li.lo r6, 128
                noc.ar r6, r1, r5, r3, max, fp16
                li.lo r7, 160
                noc.ar r7, r1, r5, r3, sum, fp16
                bar 1, 2
                halt
            """, [Halves(0, 0, 1, 7), Halves(1, 0, 5, -2)]);
        // Core 1 waits for an event core 0 only signals after the collectives both must join: a deadlock.
        var e = Should.Throw<PimccError>(() => Run(sim));
        e.Code.ShouldBe(ExitCode.ExecutionFault);
        e.Message.ShouldContain("deadlock");
        e.Message.ShouldContain("core0 waits for noc.ag over cores 0x3");
        e.Message.ShouldContain("core1 waits for event 9 >= 1");
    }

    [Fact]
    public void CollectivesGatherInCoreOrderAndReduceElementWise()
    {
        var body = string.Concat(Enumerable.Range(0, 2).Select(c => $"""
            .core {c}
                li.lo r1, 0
                li.lo r2, 4
                li.lo r3, 3
                li.lo r4, 64
                noc.ag r4, r1, r2, r3
                li.lo r5, 2
                li.lo r6, 128
                noc.ar r6, r1, r5, r3, max, fp16
                li.lo r7, 160
                noc.ar r7, r1, r5, r3, sum, fp16
                bar 1, 2
                halt

            """));
        var sim = Load(body, [Halves(0, 0, 1, 7), Halves(1, 0, 5, -2)]);
        Run(sim);
        foreach (var c in new[] { 0, 1 })
        {
            ReadHalves(sim, c, 64, 4).ShouldBe([1f, 7f, 5f, -2f]);
            ReadHalves(sim, c, 128, 2).ShouldBe([5f, 7f]);
            ReadHalves(sim, c, 160, 2).ShouldBe([6f, 5f]);
        }
    }

    [Fact]
    public void CoreHbmStoresLoadsAndPrefetchesRoundTrip()
    {
        var sim = Load("""
            .core 0
                li.lo r1, 0
                li.lo r2, 4096    ; HBM address
                li.hi r2, 2
                li.lo r3, 8
                li.lo r4, 5       ; channel 5
                hbm.st r2, r1, r3, r4
                li.lo r5, 64
                hbm.ld r5, r2, r3, r4
                li.lo r6, 128
                hbm.pf r6, r2, r3, r4, 3
                hbm.pfw 3
                halt
            """, [Halves(0, 0, 1, 2, 3, 4)]);
        Run(sim);
        ReadHalves(sim, 0, 64, 4).ShouldBe([1f, 2f, 3f, 4f]);
        ReadHalves(sim, 0, 128, 4).ShouldBe([1f, 2f, 3f, 4f]);
        sim.Machine.ReadHbm(5, (2 << 16) + 4096, 8).ShouldBe(Encode(1, 2, 3, 4));
    }

    [Fact]
    public void TheAbiRegistersHoldTokenPromptStepAndKv()
    {
        var sim = Load("""
            .core 3
                li.lo r1, 0
                sw r27, r1
                li.lo r1, 4
                sw r28, r1
                li.lo r1, 8
                sw r29, r1
                li.lo r1, 12
                sw r30, r1
                halt
            """, [Halves(3, 64, 1)]);
        Run(sim, token: 77, regs: ProgramRegisters.Decode(prompt: 5, step: 2));
        var mem = sim.Machine.LocalMemory(3).ToArray();
        Enumerable.Range(0, 4).Select(i => BinaryPrimitives.ReadInt32LittleEndian(mem.AsSpan(4 * i))).ShouldBe([77, 5, 2, 7]);
    }

    [Fact]
    public void AMacOnAClosedRowIsAFaultNamingStreamWordAndIrOp()
    {
        var sim = Load("""
            .channel 0
            .debug first=1, count=1, op=7, name="layers.0.q_proj"
                res.clr pc=0
                mac.ab pc=0, col=0, gcol=0
            """, [Halves(0, 0, 1)]);
        var e = Should.Throw<PimccError>(() => Run(sim));
        e.Code.ShouldBe(ExitCode.ExecutionFault);
        e.Location.ShouldBe("channel0 word 1 (layers.0.q_proj)");
        e.Message.ShouldContain("no open row");
    }

    [Fact]
    public void ALocalAccessOutsideMemoryIsAFault()
    {
        var sim = Load("""
            .core 2
                li.lo r1, 0
                li.hi r1, 200
                li.lo r2, 4
                vadd r1, r1, r1, r2, fp16
                halt
            """, [Halves(0, 0, 1)]);
        var e = Should.Throw<PimccError>(() => Run(sim));
        e.Code.ShouldBe(ExitCode.ExecutionFault);
        e.Location.ShouldBe("core2 word 3");
    }

    /// <summary>The channel writes its results into the memory the core reads: without the event, the two
    /// interleavings disagree; with it, they agree and the core sees the results.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheSecondInterleavingCatchesAMissingEvent(bool synchronised)
    {
        var org = Sim.SimPrograms.Target().Hbm.Organization;
        var image = new List<MemoryChunk> { Halves(0, 0, Enumerable.Repeat(1f, 16).ToArray()) };
        for (var b = 0; b < org.BanksPerPseudoChannel; b++)
            image.Add(new MemoryChunk(HpimSpaces.Hbm, 0, b * org.PageBytes, Encode([.. Enumerable.Repeat((float)(b + 1), 16)])));
        var sim = Load($"""
            .core 0
                li.lo r1, 64
                li.lo r2, 128
                li.lo r3, 16
                {(synchronised ? "ev.wait 4, 1" : "nop")}
                vadd r2, r1, r1, r3, fp16
                halt
            .channel 0
                gwr pc=0, gcol=0, core=0, saddr=0
                res.clr pc=0
                act.ab pc=0, row=0
                mac.ab pc=0, col=0, gcol=0
                pre.ab pc=0
                res.rd.ab pc=0, core=0, laddr=2
                {(synchronised ? "sig 4, 1" : "pre.ab pc=1")}
            """, image);
        if (!synchronised)
        {
            var e = Should.Throw<PimccError>(() => Run(sim));
            e.Code.ShouldBe(ExitCode.ExecutionFault);
            e.Message.ShouldContain("interleavings");
            return;
        }
        Run(sim);
        ReadHalves(sim, 0, 128, 16).ShouldBe([.. Enumerable.Range(1, 16).Select(b => 32f * b)]);
    }

    [Fact]
    public void ABinaryWithoutAMemoryImageCannotRunOnValues()
    {
        var bin = Sim.SimPrograms.Assemble(".core 0\n    halt\n");
        Should.Throw<PimccError>(() => new FunctionalSimulator(bin, "x.bin")).Code.ShouldBe(ExitCode.NoMemoryImage);
    }
}
