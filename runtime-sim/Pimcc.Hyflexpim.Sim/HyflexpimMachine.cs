using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Sim.Interconnect;

namespace Pimcc.Hyflexpim.Sim;

/// <summary>
/// One program run of a hyflexpim binary: an agent per stream that has the program (<see cref="StreamAgent"/>), the
/// shared sync hub, and the links as contended resources (the shared <see cref="Bus"/> model): one shared bus per chip
/// (partial sums), one inter-PU port per sending PU, one PCIe port per chip (chip-to-chip sends and the host I/O).
/// Links have no latency of their own in the description: a transfer takes its bytes at the link's bandwidth.
/// </summary>
public sealed class HyflexpimMachine
{
    private readonly Dictionary<int, Bus> _sharedBus = [], _interPu = [], _pcie = [];

    public HyflexpimTarget Target { get; }
    public HyflexpimCosts Costs { get; }
    internal double[] EnergyCosts { get; }
    internal SyncHub Hub { get; } = new();
    internal HyflexpimRun Run { get; } = new();
    internal string FileName { get; }

    /// <summary>The run's first position: 0 in prefill, prompt + step in decode step `step`.</summary>
    internal long FirstPosition { get; }

    private HyflexpimMachine(HyflexpimTarget target, HyflexpimCosts costs, double[] energyCosts, string fileName, long firstPosition)
    {
        Target = target;
        Costs = costs;
        EnergyCosts = energyCosts;
        FileName = fileName;
        FirstPosition = firstPosition;
    }

    internal Bus SharedBus(int chip) => Link(_sharedBus, chip, Target.Chip.SharedBusBytesPerSecond);
    internal Bus InterPuPort(int pu) => Link(_interPu, pu, Target.Chip.InterPuBytesPerSecond);
    internal Bus PciePort(int chip) => Link(_pcie, chip, Target.Chip.PcieBytesPerSecond);

    private static Bus Link(Dictionary<int, Bus> links, int key, double bytesPerSecond)
    {
        if (!links.TryGetValue(key, out var b)) links[key] = b = new Bus(bytesPerSecond, 0);
        return b;
    }

    /// <summary>The streams' word ranges of program <paramref name="program"/>: from its entry to the stream's next entry
    /// (or end). A program empty on a stream has its entry at the same word as the next program's; entries at one word
    /// follow the workload's program order (the lowering order), not their names.</summary>
    public static IReadOnlyList<(InstructionStream Stream, int Start, int End)> Program(PimBinary bin, string program, string fileName)
    {
        var order = (bin.Workload?.Programs ?? []).ToList();
        var rank = order.IndexOf(program);
        bool Later(StreamEntry e, int start) => e.Word > start || e.Word == start && rank >= 0 && order.IndexOf(e.Name) > rank;
        var list = new List<(InstructionStream, int, int)>();
        foreach (var s in bin.Streams)
        {
            if (s.EntryWord(program) is not { } start) continue;
            var end = s.Entries.Where(e => Later(e, start)).Select(e => e.Word).DefaultIfEmpty(s.Words.Count).Min();
            list.Add((s, start, end));
        }
        if (list.Count == 0)
            throw new PimccError(ExitCode.InvalidBinary, $"{fileName}: program {program}", $"no stream of the binary has the program '{program}'",
                "compile the model for hyflexpim (pimcc MODEL --target hyflexpim -o out.bin), or give the streams '.entry prefill' and '.entry decode'");
        return list;
    }

    /// <summary>Runs a program's streams from time 0 until all have ended. A stream left waiting on an event nobody
    /// signals is a deadlock: an error naming each blocked stream, never a figure.</summary>
    public static HyflexpimRun RunProgram(HyflexpimTarget target, HyflexpimCosts costs, double[] energyCosts,
        IReadOnlyList<(InstructionStream Stream, int Start, int End)> program, long firstPosition, string fileName, string programName)
    {
        var m = new HyflexpimMachine(target, costs, energyCosts, fileName, firstPosition);
        var agents = program.Select(p => new StreamAgent(m, p.Stream, p.Start, p.End)).ToList();
        foreach (var a in agents) m.Hub.Wake(a, 0, null);
        m.Hub.Run();
        var blocked = agents.Where(a => !a.Done).ToList();
        if (blocked.Count > 0)
            throw new PimccError(ExitCode.InvalidBinary, $"{fileName}: program {programName}",
                $"deadlock: {string.Join("; ", blocked.Select(a => $"{a.Name} waits at {a.BlockedOn ?? "?"}"))}",
                "every ev.wait needs ev.sig words that add its count; recompile the model with this pimcc");
        EventBalance.Check(m.Hub.Counters, ExitCode.InvalidBinary, $"{fileName}: program {programName}");
        var resources = new List<(string, long)>();
        foreach (var a in agents)
        {
            for (var mod = 0; mod < a.ModuleBusyPs.Count; mod++) resources.Add(($"{a.Name}.module{mod}", a.ModuleBusyPs[mod]));
            if (a.OwnBusyPs > 0) resources.Add((a.Name, a.OwnBusyPs));
        }
        foreach (var (name, links) in new[] { ("shared-bus.chip", m._sharedBus), ("inter-pu.pu", m._interPu), ("pcie.chip", m._pcie) })
            foreach (var (key, bus) in links)
                resources.Add(($"{name}{key}", bus.OccupancyPs(bus.Bytes)));
        m.Run.Finish(agents.Max(a => a.EndedPs), resources);
        return m.Run;
    }
}
