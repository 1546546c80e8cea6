using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Sim.Report;
using Pimcc.Sim.Units;

namespace Pimcc.Hyflexpim.Sim;

/// <summary>A generation on hyflexpim: the prefill run, the decode steps (summed, interpolated ones included; a step's
/// kv is its first position) and the chips and PUs the binary uses. A prefill-only binary (an encoder's) has no decode
/// program: its generation is the prefill alone.</summary>
public sealed record HyflexpimGeneration(string Model, int PromptTokens, HyflexpimRun Prefill, HyflexpimRun Decode,
    IReadOnlyList<DecodeStepLatency> Steps, DecodeSampling Sampling, int Chips, int Pus, long CrossbarArrays, bool PrefillOnly)
{
    public double TotalSeconds => (Prefill.Makespan + Decode.Makespan) * 1e-12;
    public double TotalJoules => (Prefill.TotalEnergyPj + Decode.TotalEnergyPj) * 1e-12;
    public double TtftSeconds => Prefill.Makespan * 1e-12 + (Steps.Count > 0 ? Steps[0].Seconds : 0);

    /// <summary>Prefill (its programs were compiled for exactly the binary's prompt), then decode step s at position
    /// prompt + s. A long prompt goes through in chunks: <c>prefill-chunk</c> at positions 0, C, 2C, ... (C its tokens),
    /// then <c>prefill</c> with the rest; the chunk runs are chosen and interpolated by the decode schedule (they differ
    /// only in the rows their queries see).</summary>
    public static HyflexpimGeneration Run(PimBinary bin, HyflexpimTarget target, string fileName, TimingRequest request)
    {
        var (prompt, generated) = RequestedWorkload.ForTimingOfCompiledPrompt(bin, fileName, request.PromptTokens, request.GeneratedTokens,
            "the hyflexpim prefill program was compiled");
        if (request.TraceRuns is not null)
            throw new PimccError(ExitCode.Usage, "--trace", "the hyflexpim simulator writes no trace yet (the report has every figure)", "drop --trace");
        // A binary without a decode program (an encoder's; its workload records 0 generated tokens, so more are exit 63).
        var prefillOnly = bin.Streams.All(s => s.EntryWord("decode") is null);
        var costs = new HyflexpimCosts(target);
        var energy = HyflexpimEnergyEvents.CostsPj(target);
        var prefillProgram = HyflexpimMachine.Program(bin, "prefill", fileName);
        var decodeProgram = generated > 0 ? HyflexpimMachine.Program(bin, "decode", fileName) : [];
        var options = DecodeScheduleOptions.Default(request.Sampling);
        var prefill = RunPrefill(bin, target, costs, energy, prefillProgram, prompt, options, fileName);

        var decode = new HyflexpimRun();
        var list = GenerationReport.RunDecode(prompt, generated, options,
            i => HyflexpimMachine.RunProgram(target, costs, energy, decodeProgram, prompt + i, fileName, "decode"),
            r => r.Makespan * 1e-12, decode.AddScaled, request.Progress);
        // PUs the binary uses: those running streams and those holding crossbar tiles or buffer regions.
        var pus = bin.Streams.Select(s => s.Index).Concat(bin.MemoryMap.Select(r => r.Placement.Index)).Distinct().ToList();
        var chips = pus.Count == 0 ? 0 : pus.Max() / target.Chip.Pus + 1;
        // Crossbar arrays holding weights: the hfp_xbar regions, one array per analog.rows x analog.columns bits.
        var arrays = bin.MemoryMap.Where(r => r.Placement.Space == HyflexpimSpaces.Crossbar).Sum(r => (r.SizeBytes + target.Analog.ArrayBytes - 1) / target.Analog.ArrayBytes);
        return new HyflexpimGeneration(bin.Workload?.Model ?? "", prompt, prefill, decode, list, request.Sampling, chips, pus.Count, arrays, prefillOnly);
    }

    private static HyflexpimRun RunPrefill(PimBinary bin, HyflexpimTarget target, HyflexpimCosts costs, double[] energy,
        IReadOnlyList<(InstructionStream Stream, int Start, int End)> last, int prompt, DecodeScheduleOptions options, string fileName)
    {
        if (bin.Streams.All(s => s.EntryWord(HyflexpimPrograms.PrefillChunk) is null))
            return HyflexpimMachine.RunProgram(target, costs, energy, last, 0, fileName, "prefill");
        var chunkProgram = HyflexpimMachine.Program(bin, HyflexpimPrograms.PrefillChunk, fileName);
        long chunk = Tokens(chunkProgram), rest = Tokens(last);
        if (chunk < 1 || rest < 1 || rest > prompt || (prompt - rest) % chunk != 0)
            throw new PimccError(ExitCode.InvalidBinary, $"{fileName}: program {HyflexpimPrograms.PrefillChunk}",
                $"a prompt of {prompt} tokens is not chunks of {chunk} tokens followed by the {rest} tokens of the prefill program",
                "recompile the model with this pimcc");
        var runs = (int)((prompt - rest) / chunk);
        var prefill = new HyflexpimRun();
        GenerationReport.RunDecode(0, runs, options,
            i => HyflexpimMachine.RunProgram(target, costs, energy, chunkProgram, i * chunk, fileName, HyflexpimPrograms.PrefillChunk),
            r => r.Makespan * 1e-12, prefill.AddScaled, null);
        prefill.AddScaled(HyflexpimMachine.RunProgram(target, costs, energy, last, runs * chunk, fileName, "prefill"), 1);
        return prefill;
    }

    private static long Tokens(IReadOnlyList<(InstructionStream Stream, int Start, int End)> program) =>
        HyflexpimPrograms.Tokens(program.SelectMany(p => p.Stream.Words.Skip(p.Start).Take(p.End - p.Start)));
}
