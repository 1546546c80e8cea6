using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;

namespace Pimcc.Tests.Sim.Perf;

/// <summary>
/// The critical path computed while simulating (streaming) equals the walk back over the full activity log that
/// the simulator used before (kept here as the reference), on hand-written and compiled programs.
/// </summary>
public class CriticalPathTests
{
    [Theory]
    [InlineData(1)]   // channel-bound decode step
    [InlineData(300)] // core-bound decode step
    public void StreamingCriticalPathEqualsTheLogWalkOnAGenerationProgram(int kv)
    {
        var bin = GenerationPrograms.Binary(rows: 6);
        var r = new HpimSimulator(bin, "t.bin", new SimOptions { KeepActivity = true })
            .Run(GenerationPrograms.Decode(bin), new ProgramRegisters(1, 0, (uint)kv));
        AssertEqualsLogWalk(r);
    }

    [Fact]
    public void StreamingCriticalPathEqualsTheLogWalkOnACompiledOpt125mDecodeStep()
    {
        var bin = CompiledOpt125m.Value;
        var sim = new HpimSimulator(bin, "opt-125m.bin", new SimOptions { KeepActivity = true });
        var r = sim.Run(ProgramEntries.FromBinary(bin, "decode"), ProgramRegisters.Decode(8, 1));
        r.SimulatedItems.ShouldBeGreaterThan(10_000);
        AssertEqualsLogWalk(r);
    }

    [Fact]
    public void EveryRecordStartsNoEarlierThanTheRecordThatReleasedIt()
    {
        // The streaming form relies on this (CriticalPath); the dispatch slot is released by the last instruction
        // that started at its dispatch time, not by one that waited for its operands.
        var bin = CompiledOpt125m.Value;
        var r = new HpimSimulator(bin, "opt-125m.bin", new SimOptions { KeepActivity = true })
            .Run(ProgramEntries.FromBinary(bin, "decode"), ProgramRegisters.Decode(8, 1));
        var log = r.Activity!;
        var cores = 0;
        for (var i = 0; i < log.Count; i++)
            if (log[i].Track < 1_000_000 && log[i].Pred >= 0)
            {
                cores++;
                log[i].StartPs.ShouldBeGreaterThanOrEqualTo(log[log[i].Pred].StartPs, $"record {i} ({log[i].Name})");
            }
        cores.ShouldBeGreaterThan(1000);
    }

    internal static readonly Lazy<PimBinary> CompiledOpt125m = new(() =>
    {
        var path = Path.Combine(Pimcc.Tests.Driver.CliRunner.TempDir(), "opt-125m.bin");
        var c = Pimcc.Tests.Driver.CliRunner.Run(Pimcc.Tests.Driver.CliRunner.Sample("opt-125m.json"), "-o", path, "--prompt-tokens", "8", "--gen-tokens", "4");
        c.ExitCode.ShouldBe(0, c.Err);
        return PimBinaryReader.Read(File.ReadAllBytes(path), path);
    });

    internal static void AssertEqualsLogWalk(ProgramRunResult r)
    {
        var reference = LogWalk(r.Activity!, r.MakespanPs);
        r.CriticalPathPs.Sum().ShouldBe(r.MakespanPs, 1.0);
        reference.Sum().ShouldBe(r.MakespanPs, 1.0);
        for (var c = 0; c < WorkClasses.Count; c++)
            r.CriticalPathPs[c].ShouldBe(reference[c], 1.0, WorkClasses.Name(WorkClasses.All[c]));
    }

    /// <summary>
    /// The former ActivityLog.CriticalPathByClass: from the record that finishes last (the latest on a tie), walk the
    /// Pred links back; each record owns the time from its start to where its successor started (or its end), a gap
    /// before a successor's start is the successor's waiting time, and time before the root is "other".
    /// </summary>
    private static double[] LogWalk(ActivityLog log, long endPs)
    {
        var result = new double[WorkClasses.Count];
        if (log.Count == 0) return result;
        var last = 0;
        for (var i = 1; i < log.Count; i++)
            if (log[i].EndPs >= log[last].EndPs) last = i;
        long t = Math.Max(endPs, log[last].EndPs);
        result[(int)WorkClass.Other] += t - log[last].EndPs;
        t = log[last].EndPs;
        var cur = last;
        var waiting = WorkClass.Other;
        while (cur >= 0)
        {
            var r = log[cur];
            if (t > r.EndPs) { result[(int)waiting] += t - r.EndPs; t = r.EndPs; }
            if (t > r.StartPs) { result[(int)r.Class] += t - r.StartPs; t = r.StartPs; }
            waiting = r.Class;
            cur = r.Pred < cur ? r.Pred : -1;
        }
        result[(int)WorkClass.Other] += Math.Max(0, t);
        return result;
    }
}
