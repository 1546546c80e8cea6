using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using System.Runtime.ExceptionServices;
using System.Text;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Isa.Sram;
using Pimcc.Hpim.Sim.Timing;
using Pimcc.Targets;

namespace Pimcc.Hpim.Sim;

/// <summary>
/// Instruction-level timing and energy simulator of an HPIM <c>out.bin</c>: SRAM-PIM cores, HBM-PIM channel
/// streams, and the events, barriers and NoC traffic between them. Deterministic: the same binary, target and
/// options give the same result, byte for byte.
/// </summary>
public sealed class HpimSimulator
{
    private readonly PimBinary _binary;
    private readonly StreamDebugMap[] _coreDebug, _channelDebug;
    private readonly ChannelProgram[] _channelPrograms;
    private readonly CoreProgram[] _corePrograms;
    // Core programs with a shortened layer loop, by (stream index, counter word, layers).
    private readonly Dictionary<(int, int, int), CoreProgram> _shortened = [];

    /// <param name="binary">The program, as read by <see cref="PimBinaryReader"/>.</param>
    /// <param name="fileName">Names the binary in error messages.</param>
    /// <param name="expectedTarget">When given (e.g. <c>--target hpim</c>), a binary compiled for another target is an error.</param>
    /// <param name="target">The binary's embedded target when the caller already resolved it (else it is parsed here).</param>
    public HpimSimulator(PimBinary binary, string fileName = "out.bin", SimOptions? options = null, string? expectedTarget = null, HpimTarget? target = null)
    {
        _binary = binary;
        FileName = fileName;
        Options = options ?? new SimOptions();
        Target = target ?? LoadTarget(binary, fileName);
        if (expectedTarget is not null && expectedTarget != Target.Name)
            throw new PimccError(ExitCode.WrongTarget, fileName,
                $"the binary was compiled for target '{Target.Name}', not '{expectedTarget}'", $"simulate it with --target {Target.Name}, or recompile");
        var cores = Target.Sram.Cores;
        var channels = Target.Hbm.Organization.Channels;
        foreach (var c in binary.Cores)
            if (c.Core < 0 || c.Core >= cores)
                throw new PimccError(ExitCode.WrongTarget, fileName, $"core stream {c.Core} does not exist on '{Target.Name}' ({cores} cores)", "recompile for this target");
        foreach (var c in binary.Channels)
            if (c.Channel < 0 || c.Channel >= channels)
                throw new PimccError(ExitCode.WrongTarget, fileName, $"channel stream {c.Channel} does not exist on '{Target.Name}' ({channels} channels)", "recompile for this target");
        // Decoded once per binary, stream by stream side by side (each stream's result depends on that stream alone).
        StreamDebugMap[]? coreDebug = null, channelDebug = null;
        // The per-kind stream lists are built on each access of Cores/Channels: take them once.
        IReadOnlyList<CoreStream> coreStreams = binary.Cores;
        IReadOnlyList<ChannelStream> channelStreams = binary.Channels;
        _channelPrograms = new ChannelProgram[channelStreams.Count];
        _corePrograms = new CoreProgram[coreStreams.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.ParallelRuns) };
        Parallel.For(-1, channelStreams.Count + coreStreams.Count, parallel, i =>
        {
            if (i < 0) (coreDebug, channelDebug) = StreamDebugMap.Of(binary);
            else if (i < channelStreams.Count) _channelPrograms[i] = new ChannelProgram(channelStreams[i].Commands);
            else _corePrograms[i - channelStreams.Count] = new CoreProgram(coreStreams[i - channelStreams.Count].Instructions);
        });
        (_coreDebug, _channelDebug) = (coreDebug!, channelDebug!);
    }

    /// <summary>Reads and validates an out.bin (errors are the reader's <see cref="PimccError"/>s) and prepares a simulator.</summary>
    public static HpimSimulator Load(ReadOnlySpan<byte> file, string fileName, SimOptions? options = null, string? expectedTarget = null) =>
        new(PimBinaryReader.Read(file, fileName), fileName, options, expectedTarget);

    public HpimTarget Target { get; }
    public SimOptions Options { get; }
    public PimBinary Binary => _binary;

    /// <summary>Names the binary in error messages.</summary>
    public string FileName { get; }

    /// <summary>The resolved hpim target embedded in the binary (<see cref="SimulatorTargets.EmbeddedTarget"/>).</summary>
    public static HpimTarget LoadTarget(PimBinary binary, string fileName)
    {
        var target = SimulatorTargets.EmbeddedTarget(binary, fileName);
        return target as HpimTarget ?? throw new PimccError(ExitCode.WrongTarget, $"{fileName}: section target",
            $"the binary was compiled for target '{target.Name}' of kind '{target.Kind}', which this simulator does not run", "simulate it with `pimcc sim`, which picks the simulator of the binary's kind");
    }

    /// <summary>
    /// Runs one program (prefill, or one decode step) from its entry points to completion; with
    /// <paramref name="layers"/>, only that many of its layers (the program must declare them: <see cref="ProgramEntry.Layers"/>):
    /// each core's layer loop counts to it and each channel jumps from the end of that many blocks to the end of all of them.
    /// </summary>
    public ProgramRunResult Run(ProgramEntry entry, ProgramRegisters registers, int? layers = null) =>
        RunAll([new ProgramRun(entry, registers, layers)])[0];

    /// <summary>
    /// Runs independent programs side by side (up to <see cref="SimOptions.ParallelRuns"/> at a time, started in
    /// <see cref="RunOrder"/>'s order, through the <see cref="RunQueue"/>). Runs share nothing
    /// (each has its own rep memo), so a run's figures depend only on its program and registers, never on the other
    /// runs or on how many run at once.
    /// </summary>
    public IReadOnlyList<ProgramRunResult> RunAll(IReadOnlyList<ProgramRun> runs)
    {
        var results = new ProgramRunResult[runs.Count];
        var errors = new ExceptionDispatchInfo?[runs.Count];
        RunQueue.Run(this, runs.Select((r, i) => (r, i)), _ => true, (i, result, error) =>
        {
            (results[i], errors[i]) = (result!, error);
            return [];
        });
        // The first failing run in run order, as a sequential simulation would report it.
        foreach (var e in errors) e?.Throw();
        return results;
    }

    /// <summary>
    /// Words of <paramref name="entry"/>'s code summed over the core streams: from each core's entry word to the next
    /// entry word of that stream (or its end). <see cref="RunOrder"/>'s measure of a program's size.
    /// </summary>
    public long ProgramWords(ProgramEntry entry)
    {
        var words = 0L;
        foreach (var s in _binary.Cores)
        {
            var start = entry.CoreOffset(s.Core);
            var end = s.Instructions.Count;
            foreach (var e in s.Entries)
                if (e.Word > start && e.Word < end) end = e.Word;
            words += Math.Max(0, end - start);
        }
        return words;
    }

    internal ProgramRunResult RunOne(ProgramRun run)
    {
        // Rep blocks timed once are reused by every channel in the rest of this run. Not across runs: a block's timing
        // depends on its run's refresh phase, and reusing it in a step at another kv was off by up to 1.8% (OPT-13B).
        var memo = Options.RepMemo ? new Dictionary<string, ChannelAgent.RepMemo>(StringComparer.Ordinal) : null;
        var (entry, registers, layers) = run;
        var shape = layers is { } nl ? entry.Layers is { } pl && nl >= 1 && nl <= pl.Count ? pl
            : throw new ArgumentException($"program '{entry.Name}' declares no layers, or fewer than {nl}", nameof(run)) : null;
        var model = new MachineModel(Target);
        var hub = new SyncHub();
        var log = Options.KeepActivity ? new ActivityLog() : null;
        var path = new CriticalPath(log, Options.ReuseRecords);
        var cores = new List<(CoreAgent Agent, StatVector Stats)>();
        var coreStreams = _binary.Cores;
        for (var i = 0; i < coreStreams.Count; i++)
        {
            var s = coreStreams[i];
            var stats = new StatVector();
            var offset = entry.CoreOffset(s.Core);
            if (offset < 0 || offset >= s.Instructions.Count)
                throw new PimccError(ExitCode.InvalidBinary, $"core {s.Core}", $"entry '{entry.Name}' at word {offset} is outside the stream of {s.Instructions.Count} words", "check the entry offsets");
            var program = shape is null ? _corePrograms[i] : CoreProgramWithLayers(i, shape.CoreCounterWords[s.Core], layers!.Value);
            var budget = InstructionBudget.For(s.Instructions.Count, layers ?? entry.Layers?.Count ?? 1, registers);
            var options = budget < Options.MaxInstructionsPerCore ? Options with { MaxInstructionsPerCore = budget } : Options;
            cores.Add((new CoreAgent(s.Core, program, offset, _coreDebug[i], model, hub, stats, path, options,
                registers.PromptLength, registers.Step, registers.Kv), stats));
        }
        var channels = new List<ChannelAgent>();
        var channelStreams = _binary.Channels;
        for (var i = 0; i < channelStreams.Count; i++)
        {
            var s = channelStreams[i];
            var (start, end) = entry.ChannelRange(s.Channel, s.Commands.Count);
            if (start < 0 || end > s.Commands.Count || start > end)
                throw new PimccError(ExitCode.InvalidBinary, $"channel {s.Channel}", $"entry '{entry.Name}' range [{start}, {end}) is outside the stream of {s.Commands.Count} words", "check the entry ranges");
            (int, int)? skip = shape is not null && shape.ChannelBlocks.TryGetValue(s.Channel, out var b)
                ? (b.First + layers!.Value * b.Stride, b.First + shape.Count * b.Stride) : null;
            channels.Add(new ChannelAgent(s.Channel, s.Commands, _channelPrograms[i], start, end, _channelDebug[i], model, hub, path, Options,
                memo, skip));
        }
        foreach (var (a, _) in cores) hub.Wake(a, 0, null);
        foreach (var a in channels) hub.Wake(a, 0, null);
        hub.Run();

        var blocked = cores.Select(c => (IAgent)c.Agent).Concat(channels).Where(a => !a.Done).ToList();
        if (blocked.Count > 0)
            throw new PimccError(ExitCode.InvalidBinary, $"program '{entry.Name}'",
                $"deadlock: all {blocked.Count} unfinished streams are blocked: " + DiagnosticText.FirstFew(blocked.Select(a => $"{a.Name} waits for {a.BlockedOn ?? "nothing (internal error)"}")),
                "check that every ev.wait/wait/bar/noc.recv has a matching signal, barrier count or send");
        EventBalance.Check(hub.Counters, ExitCode.InvalidBinary, $"program '{entry.Name}'");

        var makespan = 0L;
        var finish = new List<(string, long)>();
        foreach (var (a, _) in cores) { finish.Add((a.Name, a.FinishPs)); makespan = Math.Max(makespan, a.FinishPs); }
        foreach (var a in channels) { finish.Add((a.Name, a.FinishPs)); makespan = Math.Max(makespan, a.FinishPs); }

        var total = new StatVector();
        foreach (var (_, s) in cores) total.AddScaled(s, 1);
        foreach (var a in channels) total.AddScaled(a.Stats, 1);
        AddStaticEnergy(total, makespan);
        return new ProgramRunResult
        {
            Program = entry.Name,
            Registers = registers,
            MakespanPs = makespan,
            Stats = total,
            CriticalPathPs = path.ByClass(makespan),
            Finish = finish,
            SimulatedItems = path.Count,
            Activity = log,
        };
    }

    /// <summary>Core stream <paramref name="index"/> with its layer-loop counter (<c>li.lo</c> at <paramref name="word"/>) loading <paramref name="layers"/>.</summary>
    private CoreProgram CoreProgramWithLayers(int index, int word, int layers)
    {
        var key = (index, word, layers);
        lock (_shortened)
        {
            if (_shortened.TryGetValue(key, out var p)) return p;
            return _shortened[key] = _corePrograms[index].WithCounter(word, layers);
        }
    }

    /// <summary>Static power of every core, channel and bank PU for the whole run (the machine is on throughout).</summary>
    private void AddStaticEnergy(StatVector s, long ps) => new EnergyCosts(Target).ChargeStatic(s, ps);
}

/// <summary>One program run to simulate: entry, registers, and optionally a layer count to run instead of all (<see cref="HpimSimulator.Run"/>).</summary>
public readonly record struct ProgramRun(ProgramEntry Entry, ProgramRegisters Registers, int? Layers = null);
