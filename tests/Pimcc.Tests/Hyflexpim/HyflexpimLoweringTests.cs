using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Assembly;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>
/// The hyflexpim lowering (issue 12 back half, step 3): `pimcc MODEL --target hyflexpim -o out.bin` writes a binary
/// whose streams read every crossbar tile once per token program (counted by hand from the description), whose
/// events let every program run to its end (an independent event replay), which round-trips through the
/// disassembler, and which matches a snapshot; what the backend cannot lower is refused with nothing written.
/// </summary>
public class HyflexpimLoweringTests
{
    private static string TinyGpt2 => RepoPaths.Combine("samples", "onnx", "tiny-gpt2.onnx");

    private static (PimBinary Bin, byte[] Bytes) Compile(string model, params string[] extra)
    {
        var dir = CliRunner.TempDir();
        var bin = Path.Combine(dir, "m.bin");
        var r = CliRunner.Run([model, "--target", "hyflexpim", "-o", bin, .. extra]);
        r.ExitCode.ShouldBe(0, r.Err);
        var bytes = File.ReadAllBytes(bin);
        return (PimBinaryReader.Read(bytes, bin), bytes);
    }

    /// <summary>The words of program <paramref name="entry"/> of a stream (from its entry to the next, or the end).</summary>
    private static IReadOnlyList<Op> Program(InstructionStream s, string entry)
    {
        var i = s.Entries.ToList().FindIndex(e => e.Name == entry);
        var from = s.Entries[i].Word;
        var next = i + 1 < s.Entries.Count ? s.Entries[i + 1].Word : s.Words.Count;
        return [.. s.Words.Skip(from).Take(next - from)];
    }

    /// <summary>
    /// Replays a program's event operations over all streams (ev.sig adds, ev.wait blocks until the counter is at least
    /// its count, then subtracts; everything else proceeds): true when every stream reaches its end and every counter is
    /// back at zero. Written from the ISA table's summaries, not from the lowering.
    /// </summary>
    private static bool RunsToCompletion(PimBinary bin, string entry)
    {
        var programs = bin.Streams.Select(s => Program(s, entry)).ToList();
        var pc = new int[programs.Count];
        var counters = new Dictionary<long, long>();
        for (var progress = true; progress;)
        {
            progress = false;
            for (var i = 0; i < programs.Count; i++)
                while (pc[i] < programs[i].Count)
                {
                    var op = programs[i][pc[i]];
                    if (op.Mnemonic == "ev.wait")
                    {
                        if (counters.GetValueOrDefault(op["event"]) < op["count"]) break;
                        counters[op["event"]] -= op["count"];
                    }
                    else if (op.Mnemonic == "ev.sig") counters[op["event"]] = counters.GetValueOrDefault(op["event"]) + op["count"];
                    pc[i]++;
                    progress = true;
                }
        }
        return pc.Select((p, i) => p == programs[i].Count).All(x => x) && counters.Values.All(c => c == 0);
    }

    [Fact]
    public void TinyGpt2ReadsEveryCrossbarTileOncePerProgramWithItsTokenCount()
    {
        var (bin, _) = Compile(TinyGpt2, "--prompt-tokens", "4", "--gen-tokens", "4");
        // By hand from hyflexpim.json (64-row, 128-column arrays; SLC 16 and MLC 32 INT8 weights per array row) and
        // f = 0.05: a 64 x 64 linear has rank floor(64*64/128) = 32, ceil(1.6) = 2 SLC ranks:
        //   Sigma.Vt [32, 64]: SLC 1 x ceil(2/16) = 1, MLC 1 x ceil(30/32) = 1 -> 2 arrays
        //   U [64, 32] (ranks are inputs): SLC 1 x ceil(64/16) = 4, MLC 1 x ceil(64/32) = 2 -> 6 arrays
        // fc1 [256, 64]: rank floor(16384/320) = 51, 3 SLC ranks: Sigma.Vt 1 + 1 x ceil(48/32) = 3, U 16 + 8 = 24
        // fc2 [64, 256]: rank 51, 3 SLC: Sigma.Vt [51, 256] 4 x 1 + 4 x 2 = 12, U [64, 51] 4 + 2 = 6
        // per layer 4 x (2 + 6) + 27 + 18 = 77; 2 layers and the MLC LM head [256, 64]: 1 x ceil(256/32) = 8 -> 162.
        foreach (var (entry, tokens) in new[] { ("prefill", 4L), ("decode", 1L) })
        {
            var analog = bin.AnalogStreams.SelectMany(s => Program(s, entry)).ToList();
            analog.Where(o => o.Mnemonic == "ag.gemv").Sum(o => o["last"] - o["first"] + 1).ShouldBe(162, entry);
            // 2 layers x 6 linears x 2 factors on every token, then the head on the last token only: one ag.shape each.
            analog.Where(o => o.Mnemonic == "ag.shape").Select(o => o["tokens"]).ShouldBe([.. Enumerable.Repeat(tokens, 24), 1L]);
            analog.Where(o => o.Mnemonic == "ag.shape").ShouldAllBe(o => o["bits"] == 8);
        }
        // 2 layers on 11 PUs each (floor((24 - 1) / 2)) and the head on one: the stages' first PUs 0, 11, 22 run streams.
        bin.Streams.Select(s => s.Index).Distinct().Order().ShouldBe([0, 11, 22]);
        bin.Workload!.ShouldBe(new CompiledWorkload(4, 4, 8, "tiny-gpt2", ["prefill", "decode"]));
        bin.Streams.ShouldAllBe(s => s.Entries.Select(e => e.Name).SequenceEqual(new[] { "prefill", "decode" }));
    }

    [Theory]
    [InlineData("prefill")]
    [InlineData("decode")]
    public void EveryProgramsEventsBalanceAndNoStreamWaitsForever(string entry)
    {
        RunsToCompletion(Compile(TinyGpt2, "--prompt-tokens", "4", "--gen-tokens", "4").Bin, entry).ShouldBeTrue();
        RunsToCompletion(Compile(CliRunner.Sample("llama-3.2-1b.json"), "--prompt-tokens", "16", "--gen-tokens", "4").Bin, entry).ShouldBeTrue();
        RunsToCompletion(Compile(CliRunner.Sample("gpt2-medium.json"), "--prompt-tokens", "16", "--gen-tokens", "4").Bin, entry).ShouldBeTrue();
    }

    [Fact]
    public void TheReplayCatchesAWaitNobodySignals()
    {
        var bin = Assembler.Assemble(".target \"hyflexpim\"\n.hfp_sfu 0\n.entry prefill\n    ev.wait event=3, count=1\n", "t.pasm");
        RunsToCompletion(bin, "prefill").ShouldBeFalse();
    }

    [Fact]
    public void WeightsSpreadOverPusSendPartialSumsOverTheBusAndReduceThemInTheSfu()
    {
        // Llama-3.2-1B: 3 PUs per layer (HyflexpimAllocationTests), so some weights span PUs.
        var (bin, _) = Compile(CliRunner.Sample("llama-3.2-1b.json"), "--prompt-tokens", "16", "--gen-tokens", "4");
        var decode = bin.Streams.ToDictionary(s => (s.Kind, s.Index), s => Program(s, "decode"));
        var reduces = bin.SfuStreams.SelectMany(s => decode[(s.Kind, s.Index)]).Where(o => o.Mnemonic == "sfu.reduce").ToList();
        reduces.ShouldNotBeEmpty();
        // Every PU holding tiles of a weight other than its stage's home PU (the one with an SFU stream) sends its
        // partial sums over the shared bus once per decode step; a weight on several PUs is reduced in the SFU, one
        // part per PU. The PUs holding each weight are read off the memory map.
        var homes = bin.SfuStreams.Select(s => s.Index).ToHashSet();
        var parts = bin.MemoryMap.Where(r => r.Placement.Space == HyflexpimSpaces.Crossbar)
            .GroupBy(r => r.Name.Split(".pu")[0]).Select(g => g.Select(r => r.Placement.Index).Distinct().ToList()).ToList();
        var busSends = bin.LinkStreams.SelectMany(s => decode[(s.Kind, s.Index)]).Count(o => o.Mnemonic == "bus.send");
        busSends.ShouldBe(parts.Sum(p => p.Count(pu => !homes.Contains(pu))));
        reduces.Select(o => o["parts"]).Order().ShouldBe(parts.Where(p => p.Count > 1).Select(p => (long)p.Count).Order());
        // 16 layers x 3 PUs and the 11-PU head: 59 PUs on 3 chips, so hidden vectors cross chips over PCIe.
        bin.LinkStreams.SelectMany(s => decode[(s.Kind, s.Index)]).ShouldContain(o => o.Mnemonic == "pcie.send");
    }

    [Fact]
    public void TheBinaryRoundTripsThroughTheDisassemblerAndMatchesTheSnapshot()
    {
        // The snapshot is of the streams and the memory map; the image's cells are HyflexpimImageTests'.
        var (bin, bytes) = Compile(TinyGpt2, "--prompt-tokens", "4", "--gen-tokens", "4", "--image", "off");
        var text = Disassembler.Disassemble(bin);
        PimBinaryWriter.Write(Assembler.Assemble(text, "again.pasm")).ShouldBe(bytes);
        Compile(TinyGpt2, "--prompt-tokens", "4", "--gen-tokens", "4", "--image", "off").Bytes.ShouldBe(bytes); // same input, same bytes
        var path = RepoPaths.Combine("tests", "Pimcc.Tests", "Hyflexpim", "golden", "tiny-gpt2.hyflexpim.pasm");
        if (Environment.GetEnvironmentVariable("PIMCC_REGENERATE_GOLDEN") == "1")
            File.WriteAllText(path, text);
        text.ShouldBe(File.ReadAllText(path), $"snapshot {path} is stale; regenerate with PIMCC_REGENERATE_GOLDEN=1 and read the diff");
    }

    [Fact]
    public void PartialRotaryRotatesTheFirstRotaryDimChannelsOfEachHead()
    {
        // StableLM 2 1.6B: heads of 2,048 / 32 = 64 channels, partial_rotary_factor 0.25: the first 16 rotate (8 pairs)
        var dir = CliRunner.TempDir();
        var path = Path.Combine(dir, "m.bin");
        CliRunner.Run(CliRunner.Sample("stablelm-2-1_6b.json"), "--target", "hyflexpim", "-o", path, "--prompt-tokens", "16", "--gen-tokens", "4").ExitCode.ShouldBe(0);
        var sfu = PimBinaryReader.Read(File.ReadAllBytes(path), path).SfuStreams.SelectMany(s => s.Words).ToList();
        var ropes = sfu.Select((o, i) => (o, i)).Where(x => x.o.Mnemonic == "sfu.rope").ToList();
        ropes.Count.ShouldBe(24 * 2 * 2); // 24 layers, q and k, prefill and decode
        ropes.ShouldAllBe(x => x.o["half"] == 8 && sfu[x.i - 1].Mnemonic == "sfu.head" && sfu[x.i - 1]["dim"] == 64);
    }

    [Theory]
    [InlineData("bloom-560m.json", "16", "4", ExitCode.UnsupportedOperator, "has no code for ALiBi position biases")]
    // Values beyond the window: HyflexpimLongPromptTests (a decoder's long prompt goes through in chunks, an encoder's cannot).
    public void WhatTheBackendCannotLowerIsRefusedWithNothingWritten(string config, string prompt, string generated, ExitCode code, string message)
    {
        var dir = CliRunner.TempDir();
        var bin = Path.Combine(dir, "m.bin");
        CliRunner.Run(CliRunner.Sample(config), "--target", "hyflexpim", "-o", bin, "--prompt-tokens", prompt, "--gen-tokens", generated)
            .ShouldBeOneLineError(code, message);
        File.Exists(bin).ShouldBeFalse();
    }
}
