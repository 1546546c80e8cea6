using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
namespace Pimcc.Hpim.Sim;

/// <summary>Simulator settings that are modelling choices, not hardware parameters (those live in the target).</summary>
public sealed record SimOptions
{
    /// <summary>Time repeated HBM command blocks in closed form once periodic (false: command by command).</summary>
    public bool FastPath { get; init; } = true;

    /// <summary>
    /// Instructions a core's scoreboard holds between dispatch and execution start: an instruction dispatches only
    /// once the one this many earlier has started. Not a published HPIM parameter; 16 is a typical issue-queue depth.
    /// </summary>
    public int ScoreboardDepth { get; init; } = 16;

    /// <summary>Guard against programs that never halt; each run is further bounded by <see cref="InstructionBudget"/>.</summary>
    public long MaxInstructionsPerCore { get; init; } = 2_000_000_000;

    /// <summary>
    /// Inside a closed-form rep span, account refreshes with the delay measured on the first refresh the rep met
    /// (false, the default: stop every span at the next refresh due time and issue it for real). Off by default: one
    /// measured delay stands for every later refresh of the run, so where the first refresh happens to land moved the
    /// FFN time of OPT-30B decode steps by up to 11% from step to step (steps 383/479/503: 80.8/89.9/76.4 µs per layer;
    /// issued for real: 79.8/82.2/81.3, within 1% of running without the rep memo), and issuing them was not slower.
    /// </summary>
    public bool ClosedFormRefresh { get; init; }

    /// <summary>
    /// Time an outermost rep block that starts with every bank precharged once, and reuse that timing (duration,
    /// statistics; refreshes added for the time it runs) for every identical block on any channel in the same run.
    /// Only the first commands after such a block see a slightly older bank history. Checked within 1% by tests.
    /// </summary>
    public bool RepMemo { get; init; } = true;

    /// <summary>
    /// Independent program runs (layer samples, sampled decode steps) simulated at once, each on its own thread. Results
    /// do not depend on it (<see cref="HpimSimulator.RunAll"/>). Default: one per processor.
    /// </summary>
    public int ParallelRuns { get; init; } = Environment.ProcessorCount;

    /// <summary>Keep the per-instruction activity log after the run (needed for traces).</summary>
    public bool KeepActivity { get; init; }

    /// <summary>
    /// A core word's critical-path record is written over its releaser's when no slot can read that one again
    /// (<see cref="CriticalPath.Extend"/>); false: a new record per word. Same figures either way: false is the
    /// reference the tests compare with.
    /// </summary>
    public bool ReuseRecords { get; init; } = true;
}

/// <summary>Registers the top controller sets before a program run (abi.md): r28 prompt length, r29 step, r30 kv.</summary>
public readonly record struct ProgramRegisters(uint PromptLength, uint Step, uint Kv)
{
    public static ProgramRegisters Prefill(int prompt) => new((uint)prompt, 0, 0);

    public static ProgramRegisters Decode(int prompt, int step) => new((uint)prompt, (uint)step, (uint)(prompt + step));
}

/// <summary>
/// Where one program starts in every stream (abi.md): word offset per core, word range per channel. Streams not
/// listed start at word 0 (cores) or run whole (channels). Used until the container carries entry tables.
/// </summary>
public sealed record ProgramEntry(string Name, IReadOnlyDictionary<int, int>? CoreOffsets = null,
    IReadOnlyDictionary<int, (int Start, int End)>? ChannelRanges = null)
{
    /// <summary>How every stream of the program repeats per layer, when all of them declare it (format 1.3); null = unknown.</summary>
    public ProgramLayers? Layers { get; init; }

    public static ProgramEntry Whole(string name) => new(name);

    public int CoreOffset(int core) => CoreOffsets is { } d && d.TryGetValue(core, out var o) ? o : 0;

    public (int Start, int End) ChannelRange(int channel, int length) =>
        ChannelRanges is { } d && d.TryGetValue(channel, out var r) ? r : (0, length);
}

/// <summary>
/// The per-layer structure of one program over all its streams (docs/binary-format.md, "Layer table"): the layer
/// count, each core's layer-loop counter word and each channel's unrolled blocks. What lets <see cref="LayerSampling"/>
/// run the program with fewer layers.
/// </summary>
public sealed record ProgramLayers(int Count, IReadOnlyDictionary<int, int> CoreCounterWords, IReadOnlyDictionary<int, (int First, int Stride)> ChannelBlocks);
