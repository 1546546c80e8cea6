using Pimcc.Diagnostics;
using Pimcc.Gpu.Isa;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Sim.Report;
using Pimcc.Sim.Units;

namespace Pimcc.Gpu.Sim;

/// <summary>A generation on the GPU model: the prefill run, the decode steps and their sum (interpolated steps included).</summary>
public sealed record GpuGeneration(string Model, int PromptTokens, GpuRun Prefill, GpuRun Decode, IReadOnlyList<DecodeStepFigure> Steps, DecodeSampling Sampling)
{
    public double TotalSeconds => Prefill.TotalSeconds + Decode.TotalSeconds;
    public double TotalJoules => Prefill.TotalJoules + Decode.TotalJoules;
    public double TtftSeconds => Prefill.TotalSeconds + (Steps.Count > 0 ? Steps[0].Seconds : 0);

    /// <summary>Steps simulated launch by launch (decode steps are chosen by the shared <see cref="DecodeSchedule"/>).</summary>
    public const int SampleSteps = 16;

    /// <summary>Adaptive sampling's tolerance: 1%, as the other simulators (a GPU decode step is linear in kv until a
    /// kernel turns compute bound, where the schedule puts its samples).</summary>
    public const double Tolerance = 0.01;

    /// <summary>Prefill once (its program was compiled for the binary's prompt), then decode step s at kv = prompt + s.</summary>
    public static GpuGeneration Run(PimBinary bin, GpuTarget target, string fileName, TimingRequest request)
    {
        var (prompt, generated) = RequestedWorkload.ForTiming(bin, fileName, request.PromptTokens, request.GeneratedTokens);
        if (bin.Workload is { } w && prompt != w.PromptTokens)
            throw new PimccError(ExitCode.Usage, $"{fileName}: prompt",
                $"{prompt} prompt tokens; the gpu prefill program's kernels were compiled for exactly {w.PromptTokens}",
                $"simulate {w.PromptTokens} prompt tokens or recompile with --prompt-tokens {prompt}");
        if (request.TraceRuns is not null)
            throw new PimccError(ExitCode.Usage, "--trace", "the gpu simulator writes no trace (kernels run one after another; the report has every figure)", "drop --trace");
        var prefillLaunches = GpuKernelProgram.Read(bin, "prefill", fileName);
        var decodeLaunches = GpuKernelProgram.Read(bin, "decode", fileName);
        var prefill = GpuRun.Of(target, prefillLaunches, 0);

        var options = new DecodeScheduleOptions(request.Sampling, SampleSteps, Tolerance);
        var done = new Dictionary<int, GpuRun>();
        var budget = DecodeSchedule.PlannedSteps(generated, options);
        var simulated = DecodeSchedule.Simulate(generated, options, [], steps =>
        {
            foreach (var i in steps.Where(i => !done.ContainsKey(i))) done[i] = GpuRun.Of(target, decodeLaunches, prompt + i);
            request.Progress?.Invoke(done.Count, Math.Max(done.Count, budget));
        }, i => done[i]);

        var decode = new GpuRun();
        var list = new List<DecodeStepFigure>(generated);
        foreach (var (i, a, wa, b, wb) in DecodeSchedule.Weights(generated, simulated.Keys))
        {
            decode.AddScaled(simulated[a], wa);
            if (b != a) decode.AddScaled(simulated[b], wb);
            list.Add(new DecodeStepFigure(i, prompt + i, wa * simulated[a].TotalSeconds + (b != a ? wb * simulated[b].TotalSeconds : 0), a == b));
        }
        return new GpuGeneration(bin.Workload?.Model ?? "", prompt, prefill, decode, list, request.Sampling);
    }
}
