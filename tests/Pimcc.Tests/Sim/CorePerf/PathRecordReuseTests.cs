using System.Text;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;
using Pimcc.Tests.Sim.Perf;

namespace Pimcc.Tests.Sim.CorePerf;

/// <summary>
/// The core's scalar and branch words write their path record over the previous word's when nothing can use that one
/// again (<see cref="CriticalPath.Extend"/>). The activity log keeps one entry per word with its own releaser, so the
/// walk back over the log is the per-word reference: on random streams (stalls on registers, the SCU, the scoreboard
/// window, taken-branch refills, data words on overlapping ranges, events between cores, several classes) the
/// streaming critical path must equal it, with and without the log kept. Data-path words started at their dispatch
/// take over the record of the scalar stretch just before them in the same way.
/// <para>The log's releasers are read from the records, so a record written over one that a slot could still read (a
/// register not yet ready, the SCU, the drain, the dispatch slot) would mislead the walk too: the reference for that
/// is a new record per word (<see cref="SimOptions.ReuseRecords"/> off), whose figures must be the same. Short vectors
/// keep the scalar words' register chains on the critical path, where such a slip shows.</para>
/// </summary>
public class PathRecordReuseTests
{
    // Names of .debug ranges, one per work class the classifier knows, so that attribution moves between classes.
    private static readonly string[] Names = ["l0.q", "l0.attn.softmax", "l0.ffn.fc1", "l0.attn.out_proj", "l0.attn.qk", "l0.kv_append", "misc"];

    /// <summary>Seed, SCU latency, pipeline stages and scoreboard depth, each with long and short vectors.</summary>
    public static TheoryData<int, int, int, int, int> Streams()
    {
        var data = new TheoryData<int, int, int, int, int>();
        int[][] configs = [[1, 1, 3, 16], [2, 3, 3, 16], [3, 2, 1, 4], [4, 4, 2, 2], [5, 1, 3, 1], [6, 3, 1, 3], [7, 3, 2, 16], [8, 4, 3, 8]];
        foreach (var c in configs)
            foreach (var vectorLength in (int[])[1024, 16])
                data.Add(c[0], c[1], c[2], c[3], vectorLength);
        return data;
    }

    [Theory]
    [MemberData(nameof(Streams))]
    public void StreamingPathOfRandomStreamsEqualsTheLogWalkAndANewRecordPerWord(int seed, int scuLatency, int stages, int scoreboard, int vectorLength)
    {
        var bin = SimPrograms.Assemble(RandomProgram(new Random(seed), vectorLength), $"sram.scu.latency={scuLatency}", $"sram.pipelineStages={stages}");
        ProgramRunResult Run(bool keep, bool reuse = true) => new HpimSimulator(bin, "test.bin", new SimOptions { KeepActivity = keep, ScoreboardDepth = scoreboard, ReuseRecords = reuse })
            .Run(ProgramEntry.Whole("test"), new ProgramRegisters(0, 0, 0));
        var logged = Run(keep: true);
        var plain = Run(keep: false);
        var reference = Run(keep: false, reuse: false);
        logged.Activity!.Count.ShouldBeGreaterThan(1000);
        CriticalPathTests.AssertEqualsLogWalk(logged);
        plain.MakespanPs.ShouldBe(logged.MakespanPs);
        plain.CriticalPathPs.ShouldBe(logged.CriticalPathPs);
        plain.MakespanPs.ShouldBe(reference.MakespanPs);
        plain.CriticalPathPs.ShouldBe(reference.CriticalPathPs);
    }

    [Theory]
    [InlineData("prefill")]
    [InlineData("decode")]
    public void CompiledOpt125mRecordsWrittenOverTheirReleasersGiveTheFiguresOfANewRecordPerWord(string program)
    {
        var bin = CriticalPathTests.CompiledOpt125m.Value;
        var regs = program == "prefill" ? ProgramRegisters.Prefill(8) : ProgramRegisters.Decode(8, 1);
        ProgramRunResult Run(bool reuse) => new HpimSimulator(bin, "opt-125m.bin", new SimOptions { ReuseRecords = reuse })
            .Run(ProgramEntries.FromBinary(bin, program), regs);
        var reference = Run(reuse: false);
        var reused = Run(reuse: true);
        reused.SimulatedItems.ShouldBeGreaterThan(10_000);
        reused.MakespanPs.ShouldBe(reference.MakespanPs);
        reused.CriticalPathPs.ShouldBe(reference.CriticalPathPs);
    }

    /// <summary>Two cores of random scalar, branch and vector words; core 0 signals core 1 half way.</summary>
    private static string RandomProgram(Random rng, int vectorLength)
    {
        var sb = new StringBuilder();
        for (var core = 0; core < 2; core++)
        {
            var words = new List<string>();
            // r20-r23: local addresses 0, 4096, 8192, 1024 (vector ranges that overlap); r24: a vector length.
            words.AddRange(["li.lo r20, 0", "li.lo r21, 4096", "li.lo r22, 8192", "li.lo r23, 1024", $"li.lo r24, {vectorLength}"]);
            for (var block = 0; block < 30; block++)
            {
                if (core == 0 && block == 15) words.Add("ev.sig 1, 1");
                if (core == 1 && block == 5) words.Add("ev.wait 1, 1");
                // A counted loop (r13-r15 as counters, one level) around a random body, or a straight stretch.
                var loop = rng.Next(3) > 0;
                var counter = 13 + block % 3;
                if (loop) words.Add($"li.lo r{counter}, {1 + rng.Next(4)}");
                if (loop) words.Add($"b{core}_{block}:");
                var body = 4 + rng.Next(20);
                for (var i = 0; i < body; i++)
                {
                    if (rng.Next(10) > 0) { words.Add(RandomWord(rng)); continue; }
                    // A forward branch over zero or one word (taken or not, by the registers' values).
                    var skip = $"s{core}_{block}_{i}";
                    words.Add($"beq r{1 + rng.Next(8)}, r{1 + rng.Next(8)}, {skip}");
                    if (rng.Next(2) > 0) words.Add(RandomWord(rng));
                    words.Add(skip + ":");
                }
                if (loop) words.Add($"loop r{counter}, b{core}_{block}");
            }
            words.Add("halt");
            sb.Append($".core {core}\n");
            // .debug ranges over the words (labels are not words).
            var index = 0;
            var rangeStart = 0;
            var name = 0;
            foreach (var w in words)
            {
                if (w.EndsWith(':')) { sb.Append(w).Append('\n'); continue; }
                if (index == rangeStart)
                {
                    var count = Math.Min(3 + rng.Next(15), words.Count(x => !x.EndsWith(':')) - index);
                    sb.Append($".debug first={index}, count={count}, op={++name}, name=\"{Names[rng.Next(Names.Length)]}\"\n");
                    rangeStart = index + count;
                }
                sb.Append("    ").Append(w).Append('\n');
                index++;
            }
        }
        return sb.ToString();
    }

    /// <summary>One word: mostly scalar arithmetic on r1-r8 (chains and reuses of registers), some nops and vector words.</summary>
    private static string RandomWord(Random rng)
    {
        int R() => 1 + rng.Next(8);
        var a = rng.Next(100);
        return a switch
        {
            < 25 => $"addi r{R()}, r{R()}, {rng.Next(100)}",
            < 45 => $"add r{R()}, r{R()}, r{R()}",
            < 55 => $"li.lo r{R()}, {rng.Next(1000)}",
            < 62 => $"li.hi r{R()}, {rng.Next(4)}",
            < 67 => $"mul r{R()}, r{R()}, r{R()}",
            < 75 => $"sub r0, r{R()}, r{R()}",
            < 78 => "nop",
            < 90 => $"vexp r{20 + rng.Next(4)}, r{20 + rng.Next(4)}, r24, fp16",
            _ => $"vadd r{20 + rng.Next(4)}, r{20 + rng.Next(4)}, r{20 + rng.Next(4)}, r24, fp16",
        };
    }
}
