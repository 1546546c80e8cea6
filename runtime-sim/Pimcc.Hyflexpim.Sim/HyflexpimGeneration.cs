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

    /// <summary>Prefill once at position 0 (its program was compiled for exactly the binary's prompt), then decode step s
    /// at position prompt + s.</summary>
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
        var prefill = HyflexpimMachine.RunProgram(target, costs, energy, prefillProgram, 0, fileName, "prefill");

        var options = DecodeScheduleOptions.Default(request.Sampling);
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
}
