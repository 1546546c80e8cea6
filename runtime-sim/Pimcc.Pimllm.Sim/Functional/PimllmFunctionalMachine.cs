using Pimcc.Sim;
using Pimcc.Compiler.Quantization;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Sim.Functional;

/// <summary>
/// Runs a pimllm program on values (docs/simulator.md, "Functional mode of pimllm"): every stream executes its words in
/// order, the streams meet at the event counters exactly as in the timing model (<see cref="PimllmMachine"/>): a stream
/// runs until a wait its counter cannot pay, then the next stream runs; one producer and one consumer per counter make
/// every such interleaving compute the same values. A <c>rep</c> runs its body as written out (<see cref="PimllmStreamCursor"/>). Each word does what its table row's action says
/// (<see cref="PimllmAction"/>, the column the timing model reads too), in <see cref="CrossbarUnit"/>,
/// <see cref="SystolicUnit"/>, <see cref="DmaUnit"/>; the numbers (crossbar size, ADC read-out bits, activation bits)
/// come from the description, every scale and number format from the binary.
/// </summary>
public sealed class PimllmFunctionalMachine
{
    private readonly PimBinary _bin;
    private readonly PimllmTarget _target;
    private readonly string _fileName;
    private readonly (long Start, long End)[] _parameters;

    public PimllmFunctionalMachine(PimBinary bin, PimllmTarget target, string fileName)
    {
        _bin = bin;
        _target = target;
        _fileName = fileName;
        try
        {
            Memory = new PimllmMemory(target, bin.Image);
        }
        catch (SramFault fault)
        {
            throw new PimccError(ExitCode.InvalidBinary, $"{fileName}: memory image", fault.Message, "recompile the binary for this target");
        }
        _parameters = [.. bin.MemoryMap.Where(r => r.Kind == RegionKind.Weight && r.Placement is SramPlacement)
            .Select(r => (((SramPlacement)r.Placement).Address, ((SramPlacement)r.Placement).Address + r.SizeBytes))];
    }

    public PimllmMemory Memory { get; }

    /// <summary>Runs program <paramref name="name"/> for <paramref name="tokens"/> (their ids) at positions
    /// <paramref name="firstPosition"/> onwards.</summary>
    public void Run(string name, int firstPosition, IReadOnlyList<int> tokens)
    {
        var program = PimllmProgram.Read(_bin, name, _fileName);
        var run = new ProgramRun(firstPosition, tokens);
        var units = program.Streams.Select(s => (Stream: s, At: new PimllmStreamCursor(s.Words, s.Start, s.End), Unit: Unit(s, run))).ToArray();
        var counters = new Dictionary<long, long>();
        for (var progress = true; progress;)
        {
            progress = false;
            for (var i = 0; i < units.Length; i++)
                for (var (stream, at, unit) = units[i]; !at.Done; at.Next(), progress = true)
                {
                    var op = at.Current;
                    var where = $"{_fileName}: {stream.Name} word {at.At} ({op})";
                    var action = op.Spec.Pimllm.Action;
                    if (action == PimllmAction.EventWait)
                    {
                        if (counters.GetValueOrDefault(op["event"]) < op["count"]) break;
                        counters[op["event"]] -= op["count"];
                    }
                    else if (action == PimllmAction.EventSignal)
                        counters[op["event"]] = counters.GetValueOrDefault(op["event"]) + op["count"];
                    else
                        try
                        {
                            unit.Execute(op, action, where);
                        }
                        catch (SramFault fault)
                        {
                            throw new PimccError(ExitCode.InvalidBinary, where, fault.Message, "recompile the binary: its addresses and lengths stay inside the target's SRAM");
                        }
                }
        }
        var stuck = units.Where(u => !u.At.Done).Select(u => $"{u.Stream.Name} word {u.At.At}").ToList();
        if (stuck.Count > 0)
            throw new PimccError(ExitCode.InvalidBinary, $"{_fileName}: program '{name}'", $"the streams deadlock on values: {string.Join(", ", stuck)} wait forever",
                "recompile the binary; every counter needs one producer and one consumer in order");
        EventBalance.Check(counters.Select(c => (c.Key, c.Value)), ExitCode.InvalidBinary, $"{_fileName}: program '{name}'");
    }

    /// <summary>The actions that run on values: the crossbar controller's (<see cref="CrossbarUnit"/>), the array's
    /// (<see cref="SystolicUnit"/>) and the DMA's (<see cref="DmaUnit"/>), and the event words of every stream.</summary>
    public static IReadOnlySet<PimllmAction> OnValues { get; } = new HashSet<PimllmAction>(CrossbarUnit.Actions.Concat(SystolicUnit.Actions).Concat(DmaUnit.Actions)
        .Append(PimllmAction.EventSignal).Append(PimllmAction.EventWait).Append(PimllmAction.Repeat));

    /// <summary>A one-line refusal naming the first word of the binary that does not run on values (and how many
    /// words share its fate), or null when every word does.</summary>
    public static PimccError? NotOnValues(PimBinary bin, string fileName)
    {
        var words = bin.Streams.SelectMany(s => s.Words.Select((op, i) => (Stream: s, Word: i, Op: op))).Where(w => !OnValues.Contains(w.Op.Spec.Pimllm.Action)).ToList();
        if (words.Count == 0) return null;
        var (stream, word, op) = words[0];
        var kinds = string.Join(", ", words.Select(w => w.Op.Mnemonic).Distinct().Order(StringComparer.Ordinal));
        return new PimccError(ExitCode.Usage, $"{fileName}: {stream.Name} word {word} ({op}) --functional",
            $"the pimllm values mode does not run {kinds} yet ({words.Count} words)",
            "drop --functional for the timing report; `pimcc eval MODEL.onnx --target pimllm` gives the 1-bit model's loss on the quantised reference");
    }

    private IFunctionalUnit Unit(ProgramStream s, ProgramRun run) =>
        s.Kind == PimllmStreams.Dma ? new DmaUnit(Memory, run, s.Index)
        : s.Kind == PimllmStreams.Crossbar ? new CrossbarUnit(Memory, _target, run, IsParameter)
        : new SystolicUnit(Memory, run);

    /// <summary>True when an SRAM byte lies in a parameter (weight) region of the memory map: such an operand is one
    /// row (a bias, a gain) that every token of the range uses.</summary>
    private bool IsParameter(long address) => _parameters.Any(p => address >= p.Start && address < p.End);
}

/// <summary>The program being run: its first position and its tokens' ids (dma.row index=token reads them).</summary>
public sealed record ProgramRun(int FirstPosition, IReadOnlyList<int> Tokens);

/// <summary>One unit's values: executes the words of its stream that are not synchronisation.</summary>
public interface IFunctionalUnit
{
    void Execute(Op op, PimllmAction action, string where);
}

internal static class FunctionalUnits
{
    public static PimccError NotOnValues(Op op, PimllmAction action, string where) =>
        new(ExitCode.Usage, where, $"'{op.Mnemonic}' ({action}) is not run on values yet",
            "docs/pimllm-compiler.md, \"Left to do\", lists what the functional mode does not run yet; drop --functional for the timing report");
}
