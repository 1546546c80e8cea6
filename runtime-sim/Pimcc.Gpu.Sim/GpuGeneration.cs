using Pimcc.Diagnostics;
using Pimcc.Gpu.Isa;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Sim.Report;
using Pimcc.Sim.Units;

namespace Pimcc.Gpu.Sim;

/// <summary>A generation on the GPU model: the prefill run, the decode steps and their sum (interpolated steps included).</summary>
public sealed record GpuGeneration(string Model, int PromptTokens, GpuRun Prefill, GpuRun Decode, IReadOnlyList<DecodeStepLatency> Steps, DecodeSampling Sampling)
{
    public double TotalSeconds => Prefill.TotalSeconds + Decode.TotalSeconds;
    public double TotalJoules => Prefill.TotalJoules + Decode.TotalJoules;
    public double TtftSeconds => Prefill.TotalSeconds + (Steps.Count > 0 ? Steps[0].Seconds : 0);

    /// <summary>Prefill once (its program was compiled for the binary's prompt), then decode step s at kv = prompt + s.</summary>
    public static GpuGeneration Run(PimBinary bin, GpuTarget target, string fileName, TimingRequest request)
    {
        var (prompt, generated) = RequestedWorkload.ForTimingOfCompiledPrompt(bin, fileName, request.PromptTokens, request.GeneratedTokens,
            "the gpu prefill program's kernels were compiled");
        if (request.TraceRuns is not null)
            throw new PimccError(ExitCode.Usage, "--trace", "the gpu simulator writes no trace (kernels run one after another; the report has every figure)", "drop --trace");
        var prefillLaunches = GpuKernelProgram.Read(bin, "prefill", fileName);
        var decodeLaunches = GpuKernelProgram.Read(bin, "decode", fileName);
        var prefill = GpuRun.Of(target, prefillLaunches, 0);

        var options = DecodeScheduleOptions.Default(request.Sampling);
        var decode = new GpuRun();
        var steps = GenerationReport.RunDecode(prompt, generated, options, i => GpuRun.Of(target, decodeLaunches, prompt + i),
            r => r.TotalSeconds, decode.AddScaled, request.Progress);
        return new GpuGeneration(bin.Workload?.Model ?? "", prompt, prefill, decode, steps, request.Sampling);
    }
}
