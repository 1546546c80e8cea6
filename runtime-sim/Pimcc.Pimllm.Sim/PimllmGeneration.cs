using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Pimllm.Isa;
using Pimcc.Sim;
using Pimcc.Sim.Report;
using Pimcc.Sim.Units;

namespace Pimcc.Pimllm.Sim;

/// <summary>A generation on pimllm: the prefill run, the decode steps (their weighted sum) and each step's latency.</summary>
public sealed record PimllmGeneration(string Model, int PromptTokens, PimllmRun Prefill, PimllmRun Decode, IReadOnlyList<DecodeStepLatency> Steps, DecodeSampling Sampling)
{
    /// <summary>Prefill iterations costed from sampled ones (<see cref="PimllmIterationSampler"/>; 0: sampling was
    /// tried and declined, so every one was stepped); null: sampling was not tried (<c>--exact</c>, or a prefill with
    /// no long <c>rep</c>).</summary>
    public long? PrefillIterationsInterpolated { get; init; }

    /// <summary>Why the prefill's iterations were stepped after all (<see cref="PimllmIterationSampler.Declined"/>).</summary>
    public string? PrefillSamplingDeclined { get; init; }

    public double TotalSeconds => (Prefill.Makespan + Decode.Makespan) * 1e-12;
    public double TotalJoules => (Prefill.TotalEnergyPj + Decode.TotalEnergyPj) * 1e-12;

    /// <summary>
    /// Prefill once (its program was compiled for exactly the binary's prompt: another prompt is refused), then decode
    /// step s at position prompt + s, chosen and interpolated by the shared <see cref="DecodeSchedule"/>.
    /// </summary>
    public static PimllmGeneration Run(PimBinary bin, PimllmTarget target, string fileName, TimingRequest request)
    {
        var (prompt, generated) = RequestedWorkload.ForTimingOfCompiledPrompt(bin, fileName, request.PromptTokens, request.GeneratedTokens,
            "the pimllm prefill program (its token blocks and causal spans) was compiled");
        if (request.TraceRuns is not null)
            throw new PimccError(ExitCode.Usage, "--trace", "the pimllm simulator writes no trace yet (the report has the critical path by class and part)", "drop --trace");
        var costs = new PimllmCosts(target);
        var times = new LpddrTransferTimes(target.Lpddr);
        var prefillProgram = PimllmProgram.Read(bin, "prefill", fileName);
        var decodeProgram = PimllmProgram.Read(bin, "decode", fileName);
        // Sampled prefill iterations unless --exact; a sampled run that fails its check is thrown away and every
        // iteration stepped (the transfer times and the memo it leaves are exact, as every run's).
        var sampler = request.Sampling == DecodeSampling.Exact ? null : PimllmIterationSampler.For(prefillProgram, target);
        var sampled = sampler?.Complete(PimllmMachine.Run(prefillProgram, target, costs, times, 0, fileName, sampler));
        var prefill = sampled ?? PimllmMachine.Run(prefillProgram, target, costs, times, 0, fileName);

        var options = DecodeScheduleOptions.Default(request.Sampling);
        var decode = new PimllmRun(costs);
        var steps = GenerationReport.RunDecode(prompt, generated, options, i => PimllmMachine.Run(decodeProgram, target, costs, times, prompt + i, fileName),
            r => r.Makespan * 1e-12, decode.AddScaled, request.Progress);
        return new PimllmGeneration(bin.Workload?.Model ?? "", prompt, prefill, decode, steps, request.Sampling)
        {
            PrefillIterationsInterpolated = sampler is null ? null : sampled is null ? 0 : sampler.Skipped,
            PrefillSamplingDeclined = sampler?.Declined,
        };
    }
}
