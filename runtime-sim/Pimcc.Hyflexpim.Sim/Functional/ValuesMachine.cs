using Pimcc.Sim;
using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hyflexpim.Sim.Functional;

/// <summary>What one program run takes: the step's first position and its tokens' ids (io.row with index=token).</summary>
public sealed record ProgramStep(long FirstPosition, IReadOnlyList<int> Tokens);

/// <summary>
/// A hyflexpim binary on values (docs/hyflexpim-sim.md, "Values"): every PU's buffer, its crossbars (from the memory
/// image), the host's embedding tables and the event counters. A program run executes every stream's words in order,
/// each instruction whole, streams taking turns and an <c>ev.wait</c> holding its stream until its counter is reached
/// (the lowering makes every cross-stream dependency an event, so the order of turns does not change a value). Each
/// instruction is executed by its unit's executor, chosen by the ISA table's unit and action columns.
/// </summary>
public sealed class ValuesMachine
{
    private readonly Dictionary<int, PuBuffer> _buffers = [];
    private readonly Dictionary<int, AnalogGemv> _analog = [];
    private readonly Dictionary<int, DigitalValues> _digital = [];
    private readonly Dictionary<int, SfuValues> _sfu = [];
    private readonly Dictionary<int, byte[]> _host = [];
    private readonly Dictionary<long, long> _events = [];

    public ValuesMachine(PimBinary binary, HyflexpimTarget target, string fileName)
    {
        Binary = binary;
        Target = target;
        FileName = fileName;
        Crossbars = CrossbarMemory.Load(binary, target, fileName);
        foreach (var c in binary.Image)
            if (c.Space == HyflexpimSpaces.Buffer) Buffer(c.Index).Write(c.Address, c.Bytes);
            else if (c.Space == HyflexpimSpaces.Host)
            {
                var table = _host.GetValueOrDefault(c.Index, []);
                if (table.Length < c.End) Array.Resize(ref table, (int)c.End);
                c.Bytes.CopyTo(table, c.Address);
                _host[c.Index] = table;
            }
    }

    public PimBinary Binary { get; }
    public HyflexpimTarget Target { get; }
    public string FileName { get; }
    public CrossbarMemory Crossbars { get; }

    /// <summary>What the last program run sent to the host with io.out, in order.</summary>
    public List<byte[]> Output { get; } = [];

    public long ClippedConversions => _analog.Values.Sum(a => a.ClippedConversions);
    public long Conversions => _analog.Values.Sum(a => a.Conversions);

    public PuBuffer Buffer(int pu) => _buffers.TryGetValue(pu, out var b) ? b : _buffers[pu] = new PuBuffer();

    /// <summary>Bytes of the SFU's float format (precision.sfuBits).</summary>
    public int SfuBytes => Target.Precision.SfuBits / 8;

    public float[] ReadFloats(int pu, long address, long n) => SfuBytes == 2 ? Buffer(pu).ReadHalf(address, n) : Buffer(pu).Read<float>(address, n);

    public void WriteFloats(int pu, long address, ReadOnlySpan<float> v)
    {
        if (SfuBytes == 2) Buffer(pu).WriteHalf(address, v);
        else Buffer(pu).Write<float>(address, v);
    }

    /// <summary>Bytes of a row of n elements of b bytes: whole 256-byte units.</summary>
    public static long RowBytes(long n, int bytes) => (n * bytes + HyflexpimFormats.BufferUnitBytes - 1) / HyflexpimFormats.BufferUnitBytes * HyflexpimFormats.BufferUnitBytes;

    public static long Unit(long units) => units * HyflexpimFormats.BufferUnitBytes;

    /// <summary>Runs program <paramref name="entry"/> of every stream to its end.</summary>
    public void Run(string entry, ProgramStep step)
    {
        Output.Clear();
        var agents = Program(entry).Where(a => a.Words.Count > 0).ToList();
        var pc = new int[agents.Count];
        for (var progress = true; progress;)
        {
            progress = false;
            for (var i = 0; i < agents.Count; i++)
            {
                var (stream, words) = agents[i];
                while (pc[i] < words.Count)
                {
                    var op = words[pc[i]];
                    var where = $"{FileName}: {stream.Name} program {entry} word {pc[i]}";
                    if (op.Spec.Hyflexpim.Action == HyflexpimAction.EventWait)
                    {
                        if (_events.GetValueOrDefault(op["event"]) < op["count"]) break;
                        _events[op["event"]] -= op["count"];
                    }
                    else if (op.Spec.Hyflexpim.Action == HyflexpimAction.EventSignal)
                        _events[op["event"]] = _events.GetValueOrDefault(op["event"]) + op["count"];
                    else Execute(stream.Index, op, step, where);
                    pc[i]++;
                    progress = true;
                }
            }
        }
        var blocked = agents.Select((a, i) => (a, i)).Where(x => pc[x.i] < x.a.Words.Count).ToList();
        if (blocked.Count > 0)
            throw new PimccError(ExitCode.InvalidBinary, $"{FileName}: program {entry}",
                "deadlock: " + string.Join("; ", blocked.Select(x => $"{x.a.Stream.Name} waits at word {pc[x.i]} for event {x.a.Words[pc[x.i]]["event"]}")),
                "the binary's events do not let every stream finish; recompile");
        EventBalance.Check(_events.Select(e => (e.Key, e.Value)), ExitCode.InvalidBinary, $"{FileName}: program {entry}");
    }

    /// <summary>Tokens one run of program <paramref name="entry"/> takes (its io.row token count, <see cref="HyflexpimPrograms.Tokens"/>).</summary>
    public long Tokens(string entry) => HyflexpimPrograms.Tokens(Program(entry).SelectMany(a => a.Words));

    /// <summary>Each stream's words of program <paramref name="entry"/>, delimited as the timing simulation delimits them
    /// (<see cref="HyflexpimMachine.Program"/>: entries at the same word follow the workload's program order).</summary>
    private List<(InstructionStream Stream, List<Op> Words)> Program(string entry) =>
        [.. HyflexpimMachine.Program(Binary, entry, FileName).Select(p => (p.Stream, p.Stream.Words.Skip(p.Start).Take(p.End - p.Start).ToList()))];

    private void Execute(int pu, Op op, ProgramStep step, string where)
    {
        switch (op.Spec.Hyflexpim.Unit)
        {
            case HyflexpimUnit.Analog:
                (_analog.TryGetValue(pu, out var a) ? a : _analog[pu] = new AnalogGemv(Crossbars, pu)).Execute(op, new BufferIo(this, pu), where);
                break;
            case HyflexpimUnit.Digital:
                (_digital.TryGetValue(pu, out var d) ? d : _digital[pu] = new DigitalValues(this, pu)).Execute(op, step, where);
                break;
            case HyflexpimUnit.Sfu:
                (_sfu.TryGetValue(pu, out var s) ? s : _sfu[pu] = new SfuValues(this, pu)).Execute(op, step, where);
                break;
            default:
                Link(pu, op, step, where);
                break;
        }
    }

    /// <summary>Sends copy bytes between PU buffers; io.row brings embedding rows from the host, io.out takes bytes to it.</summary>
    private void Link(int pu, Op op, ProgramStep step, string where)
    {
        switch (op.Spec.Hyflexpim.Action)
        {
            case HyflexpimAction.BusSend or HyflexpimAction.InterPuSend or HyflexpimAction.PcieSend:
                Buffer((int)op["pu"]).Write(Unit(op["dst"]), Buffer(pu).Read(Unit(op["src"]), Unit(op["len"])));
                break;
            case HyflexpimAction.IoRow:
                var table = _host.GetValueOrDefault((int)op["table"]) ?? [];
                var rowBytes = op["len"] * SfuBytes;
                var byToken = op["index"] == HyflexpimFormats.RowIndex.Code("token");
                if (byToken && step.Tokens.Count != op["tokens"])
                    throw new PimccError(ExitCode.InvalidSimInput, where, $"the program reads {op["tokens"]} token ids but the step has {step.Tokens.Count}", "give the compiled prompt length");
                for (var t = 0; t < op["tokens"]; t++)
                {
                    var r = byToken ? step.Tokens[t] : step.FirstPosition + t;
                    if ((r + 1) * rowBytes > table.Length)
                        throw new PimccError(ExitCode.InvalidSimInput, where, $"row {r} is beyond host table {op["table"]} ({table.Length / rowBytes} rows)",
                            byToken ? "use token ids below the vocabulary size" : "the binary's image lacks the table: recompile with --image on");
                    Buffer(pu).Write(Unit(op["dst"]) + t * RowBytes(op["len"], SfuBytes), table.AsSpan((int)(r * rowBytes), (int)rowBytes));
                }
                break;
            case HyflexpimAction.IoOut:
                Output.Add(Buffer(pu).Read(Unit(op["src"]), Unit(op["len"])));
                break;
            default:
                throw new PimccError(ExitCode.InvalidBinary, where, $"'{op.Mnemonic}' has no values rule in the hyflexpim simulator", "recompile the model with this pimcc");
        }
    }

    /// <summary>An ag.gemv's rows in a PU's window: token t's inputs at src + t rows of in bytes, outputs at dst + t rows of out i32.</summary>
    private sealed class BufferIo(ValuesMachine m, int pu) : IAnalogIo
    {
        public sbyte[] Inputs(long src, long token, long n) => m.Buffer(pu).Read<sbyte>(Unit(src) + token * RowBytes(n, 1), n);

        public int[] Outputs(long dst, long token, long n) => m.Buffer(pu).Read<int>(Unit(dst) + token * RowBytes(n, 4), n);

        public void Write(long dst, long token, int[] values) => m.Buffer(pu).Write<int>(Unit(dst) + token * RowBytes(values.Length, 4), values);
    }
}
