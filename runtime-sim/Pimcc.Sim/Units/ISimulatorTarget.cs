using Pimcc.Isa.Container;
using Pimcc.Sim.Functional;
using Pimcc.Targets;

namespace Pimcc.Sim.Units;

/// <summary>
/// A target's simulator: timing and energy of a generation, and (where the target runs values) a functional run.
/// Registered in the target's assembly with <c>[assembly: TargetComponent(typeof(...))]</c> and found by
/// <see cref="SimulatorTargets"/> through the kind of the description embedded in the binary.
/// </summary>
public interface ISimulatorTarget
{
    /// <summary>The description kind this simulator runs.</summary>
    string Kind { get; }

    /// <summary>Prefill once, then one decode step per generated token: the report (<c>pimcc-sim-report/1</c> JSON) and, when asked, a trace.</summary>
    TimingOutcome SimulateTiming(PimBinary binary, TargetDescription target, string fileName, TimingRequest request);

    /// <summary>How many logits a decode step returns (the vocabulary), from the binary's ABI; null when it returns none.</summary>
    int? ReturnedVocabulary(PimBinary binary, TargetDescription target);

    /// <summary>Runs the program on values and generates greedily.</summary>
    FunctionalGenerationResult RunFunctional(PimBinary binary, TargetDescription target, string fileName, FunctionalRequest request);
}

/// <summary>What to simulate: a workload within what the binary was compiled for, and how closely.</summary>
public sealed record TimingRequest(int PromptTokens, int GeneratedTokens)
{
    public DecodeSampling Sampling { get; init; } = DecodeSampling.Adaptive;

    /// <summary>Extrapolate runs from a few of their layers where the program declares its layers.</summary>
    public bool SampleLayers { get; init; } = true;

    /// <summary>Runs to trace (0 = prefill, 1 + i = decode step i); null = no trace.</summary>
    public (int First, int Last)? TraceRuns { get; init; }

    /// <summary>Time window of the trace on the generation's timeline, [FromPs, ToPs): slices outside are dropped,
    /// slices across an edge are cut at it.</summary>
    public (long FromPs, long ToPs) TraceWindowPs { get; init; } = (0, long.MaxValue);

    /// <summary>Layers of each traced run, for programs that declare more; null: every layer. Traced runs are simulated
    /// apart for the trace: a trace never changes the figures.</summary>
    public int? TraceLayers { get; init; }

    /// <summary>Called with (run, runs) as simulated runs complete (for a progress line).</summary>
    public Action<int, int>? Progress { get; init; }
}

/// <summary>A timing simulation's outputs: the report as JSON and the trace (Chrome trace JSON) when one was asked for.</summary>
public sealed record TimingOutcome(byte[] ReportJson, byte[]? Trace)
{
    /// <summary>Writes the trace into a stream as it is rendered (instead of <see cref="Trace"/>, so a long trace is
    /// never held in memory whole); null: the trace is <see cref="Trace"/>.</summary>
    public Action<Stream>? WriteTrace { get; init; }
}

/// <summary>A functional run: the prompt, the decode steps to generate after it, and the checking options.</summary>
public sealed record FunctionalRequest(IReadOnlyList<int> Prompt, int DecodeSteps)
{
    /// <summary>Repeat each program in a second stream interleaving and require identical memories (race check).</summary>
    public bool CheckInterleavings { get; init; } = true;

    /// <summary>Feed the prompt through the decode program position by position instead of running prefill.</summary>
    public bool ReplayPrompt { get; init; }

    /// <summary>Called with (program steps done, program steps) as each program step completes (for a progress line).</summary>
    public Action<int, int>? Progress { get; init; }
}
