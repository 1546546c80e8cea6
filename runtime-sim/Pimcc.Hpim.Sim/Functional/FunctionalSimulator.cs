using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Targets;

namespace Pimcc.Hpim.Sim.Functional;

/// <summary>Options of the values mode.</summary>
public sealed record FunctionalOptions
{
    /// <summary>
    /// Run every program a second time, in a different stream order (channels first, in descending order, with
    /// prefetches landing at their <c>hbm.pfw</c> instead of at issue), from a copy of the state before the run, and
    /// require the same memory afterwards: a cheap detector of missing synchronisation. Doubles the run time.
    /// </summary>
    public bool CheckInterleavings { get; init; } = true;
}

/// <summary>The outcome of one functional program run.</summary>
public sealed record FunctionalRunResult(string Program, long CoreInstructions, long ChannelCommands);

/// <summary>
/// The simulator's values mode (docs/simulator.md, "Functional mode"): executes the binary's programs on a
/// <see cref="FunctionalMachine"/> loaded from its initial memory image. Streams run until they block, in a fixed
/// order (cores ascending, then channels ascending), so results are deterministic.
/// </summary>
public sealed class FunctionalSimulator
{
    private readonly PimBinary _bin;
    private readonly string _fileName;
    private readonly StreamDebugMap[] _coreDebug, _channelDebug;
    // The race check's second machine, reused by every run (45 MB of local memory and macros on hpim).
    private FunctionalMachine? _shadow;

    /// <param name="target">The binary's embedded target when the caller already resolved it (else it is parsed here).</param>
    public FunctionalSimulator(PimBinary bin, string fileName = "out.bin", FunctionalOptions? options = null, HpimTarget? target = null)
    {
        _bin = bin;
        _fileName = fileName;
        Options = options ?? new FunctionalOptions();
        Target = target ?? HpimSimulator.LoadTarget(bin, fileName);
        foreach (var c in bin.Cores)
            if (c.Core < 0 || c.Core >= Target.Sram.Cores)
                throw new PimccError(ExitCode.WrongTarget, fileName, $"core stream {c.Core} does not exist on '{Target.Name}'", "recompile for this target");
        foreach (var c in bin.Channels)
            if (c.Channel < 0 || c.Channel >= Target.Hbm.Organization.Channels)
                throw new PimccError(ExitCode.WrongTarget, fileName, $"channel stream {c.Channel} does not exist on '{Target.Name}'", "recompile for this target");
        Machine = FunctionalMachine.Load(bin, Target, fileName);
        (_coreDebug, _channelDebug) = StreamDebugMap.Of(bin);
    }

    public HpimTarget Target { get; }
    public FunctionalOptions Options { get; }
    public PimBinary Binary => _bin;

    /// <summary>The binary's file name, for diagnostics.</summary>
    public string Name => _fileName;

    /// <summary>The current state (after the runs so far).</summary>
    public FunctionalMachine Machine { get; private set; }

    /// <summary>
    /// Runs program <paramref name="program"/> (entry table name) to completion with the ABI registers and input
    /// token (r27). With <see cref="FunctionalOptions.CheckInterleavings"/> the run is repeated in the second order and
    /// a different end state is an <see cref="ExitCode.ExecutionFault"/>.
    /// </summary>
    public FunctionalRunResult Run(string program, ProgramRegisters registers, uint token)
    {
        var entry = ProgramEntries.FromBinary(_bin, program);
        FunctionalMachine? second = null;
        if (Options.CheckInterleavings)
        {
            second = _shadow ??= new FunctionalMachine(Target);
            Machine.CopyTo(second);
        }
        var result = RunOn(Machine, entry, registers, token, channelsFirst: false);
        if (second is not null)
        {
            RunOn(second, entry, registers, token, channelsFirst: true);
            if (Machine.FirstDifference(second) is { } where)
                throw new PimccError(ExitCode.ExecutionFault, $"program '{program}'",
                    $"two stream interleavings end with different memory (first difference: {where}): a missing event, barrier or wait",
                    "synchronise the streams that write and read that memory");
        }
        return result;
    }

    private FunctionalRunResult RunOn(FunctionalMachine m, ProgramEntry entry, ProgramRegisters registers, uint token, bool channelsFirst)
    {
        var sync = new FunctionalSync();
        var cores = new List<CoreExecutor>();
        var coreStreams = _bin.Cores;   // built on each access: take it once
        for (var i = 0; i < coreStreams.Count; i++)
        {
            var s = coreStreams[i];
            if (s.Entries.Count > 0 && s.EntryWord(entry.Name) is null) continue;
            cores.Add(new CoreExecutor(s.Core, s.Instructions, entry.CoreOffset(s.Core), _coreDebug[i], m, sync, registers, token, prefetchAtWait: channelsFirst,
                InstructionBudget.For(s.Instructions.Count, entry.Layers?.Count ?? 1, registers)));
        }
        var channels = new List<ChannelExecutor>();
        var channelStreams = _bin.Channels;
        for (var i = 0; i < channelStreams.Count; i++)
        {
            var s = channelStreams[i];
            if (s.Entries.Count > 0 && s.EntryWord(entry.Name) is null) continue;
            var (start, end) = entry.ChannelRange(s.Channel, s.Commands.Count);
            channels.Add(new ChannelExecutor(s.Channel, s.Commands, start, end, _channelDebug[i], m, sync));
        }
        var order = channelsFirst
            ? channels.AsEnumerable().Reverse().Cast<IFunctionalAgent>().Concat(cores.AsEnumerable().Reverse()).ToList()
            : cores.Cast<IFunctionalAgent>().Concat(channels).ToList();
        while (order.Any(a => !a.Done))
        {
            var progressed = false;
            foreach (var a in order)
                if (!a.Done && a.Run()) progressed = true;
            if (!progressed)
                throw new PimccError(ExitCode.ExecutionFault, $"program '{entry.Name}'",
                    $"deadlock: all {order.Count(a => !a.Done)} unfinished streams are blocked: " + DiagnosticText.FirstFew(order.Where(a => !a.Done).Select(a => $"{a.Name} waits for {a.BlockedOn}")),
                    "check that every ev.wait/wait/bar/noc.recv has a matching signal, barrier count or send");
        }
        EventBalance.Check(sync.Pending.Select(p => ((long)p.Event, p.Count)), ExitCode.ExecutionFault, $"program '{entry.Name}'");
        return new FunctionalRunResult(entry.Name, cores.Sum(c => c.Executed), channels.Sum(c => c.Executed));
    }
}
