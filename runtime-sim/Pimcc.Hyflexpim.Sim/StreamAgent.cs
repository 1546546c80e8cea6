using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Sim;
using C = Pimcc.Hyflexpim.Isa.HyflexpimComponent;

namespace Pimcc.Hyflexpim.Sim;

/// <summary>
/// One stream of one PU running a program's words in order on the shared <see cref="SyncHub"/>. An instruction starts
/// when the stream has issued the one before it and its unit is free; the stream then moves on: the analog stream
/// after issuing (each analog module is a unit of its own, so a weight's groups on different modules read in
/// parallel), the others when the instruction ends. <c>ev.sig</c> signals when everything the stream issued before it
/// has ended; <c>ev.wait</c> blocks until the counter holds its count. Transfers are asked of their link at the
/// simulated time they are ready (the agent waits on the hub until then), so contended links serve them in time order.
/// </summary>
internal sealed class StreamAgent : IAgent
{
    private readonly HyflexpimMachine _m;
    private readonly InstructionStream _stream;
    private readonly int _end;
    private int _pc;
    private long _t;          // when the stream may issue its next instruction
    private long _ended;      // when everything issued so far has ended
    private string? _blocked;
    private bool _transferDue; // woken at the time its pending transfer is ready

    // Configuration state set by the *.shape / *.split / sfu.len words.
    private long _in, _out, _bits, _tokens, _slc, _tile;
    private bool _splitOnInputs;
    private long _dim, _rows, _queries, _heads, _groups;
    private long _len, _vecRows;
    private long _firstQuery; // dg.qblock / sfu.qblock: the first query of the following rows (0 after dg.shape / sfu.len)
    private bool _fullMask;   // dg.mask / sfu.mask full: every query sees every row (false, causal, after dg.shape / sfu.len)
    private readonly long[] _moduleFree;

    public StreamAgent(HyflexpimMachine machine, InstructionStream stream, int start, int end)
    {
        _m = machine;
        _stream = stream;
        _pc = start;
        _end = end;
        _moduleFree = new long[machine.Target.Chip.AnalogModulesPerPu];
    }

    public string Name => _stream.Name;
    public bool Done => _pc >= _end && !_transferDue && _blocked is null;
    public string? BlockedOn => _blocked;
    public long EndedPs => Math.Max(_t, _ended);

    /// <summary>Busy time of each analog module of this PU (for the pipeline interval).</summary>
    public IReadOnlyList<long> ModuleBusyPs => _moduleBusy;
    private readonly List<long> _moduleBusy = [];

    private int Pu => _stream.Index;
    private HyflexpimTarget T => _m.Target;
    private HyflexpimCosts Costs => _m.Costs;

    public void Resume(long nowPs, PathNode? releasedBy)
    {
        _t = Math.Max(_t, nowPs);
        _blocked = null;
        if (_transferDue)
        {
            _transferDue = false;
            Transfer(_stream.Words[_pc]);
            _pc++;
        }
        while (_pc < _end)
        {
            var op = _stream.Words[_pc];
            var sem = op.Spec.Hyflexpim;
            if (sem.Action == HyflexpimAction.EventWait)
            {
                _pc++;
                _m.Run.Counts[(int)RunCount.Instructions]++;
                if (!_m.Hub.TryWait((int)op["event"], op["count"], this))
                {
                    _blocked = $"ev.wait event={op["event"]}, count={op["count"]} (counter {_m.Hub.Counter((int)op["event"])})";
                    return;
                }
                continue;
            }
            if (sem.Timing == HyflexpimTiming.Transfer)
            {
                // Ask the link at the time the transfer is ready, so a contended link serves transfers in time order.
                if (_t > _m.Hub.Now)
                {
                    _transferDue = true;
                    _m.Hub.Wake(this, _t, null);
                    return;
                }
                Transfer(op);
                _pc++;
                continue;
            }
            Execute(op, sem);
            _pc++;
        }
    }

    private void Execute(Op op, HyflexpimSemantics sem)
    {
        var run = _m.Run;
        run.Counts[(int)RunCount.Instructions]++;
        switch (sem.Action)
        {
            case HyflexpimAction.EventSignal:
                _m.Hub.Signal((int)op["event"], op["count"], EndedPs, null);
                return;
            case HyflexpimAction.AnalogShape:
                (_in, _out, _bits, _tokens) = (op["in"], op["out"], op["bits"], op["tokens"]);
                Config();
                return;
            case HyflexpimAction.AnalogSplit:
                (_slc, _splitOnInputs, _tile) = (op["slc"], op["axis"] == 1, op["tile"]);
                Config();
                return;
            case HyflexpimAction.DigitalShape:
                (_dim, _rows, _queries, _heads, _groups) = (op["dim"], op["rows"], op["queries"], op["heads"], op["groups"]);
                (_firstQuery, _fullMask) = (0, false);
                Config();
                return;
            case HyflexpimAction.VectorLength:
                (_len, _vecRows) = (op["len"], op["rows"]);
                (_firstQuery, _fullMask) = (0, false);
                Config();
                return;
            case HyflexpimAction.QueryBlock:
                _firstQuery = op["first"];
                Config();
                return;
            case HyflexpimAction.DigitalScale or HyflexpimAction.HeadWidth:
                Config();
                return;
            case HyflexpimAction.AttentionMask:
                _fullMask = op["mask"] == HyflexpimFormats.AttentionMask.Code("full");
                Config();
                return;
            case HyflexpimAction.AnalogGemv:
                Gemv(op);
                return;
            case HyflexpimAction.ScoreDot or HyflexpimAction.WeightedSum:
                DigitalDot(sem);
                return;
            case HyflexpimAction.KvWrite:
                KvWrite(op, sem);
                return;
            default:
                if (sem.Timing != HyflexpimTiming.SfuVector)
                    throw new PimccError(ExitCode.InvalidBinary, $"{_m.FileName}: {_stream.Name} word {_pc}", $"'{op.Mnemonic}' has no timing rule in the hyflexpim simulator",
                        "recompile the model with this pimcc");
                Sfu(op, sem);
                return;
        }
    }

    /// <summary>A configuration word: one clock of the stream's sequencer.</summary>
    private void Config()
    {
        OwnBusyPs += Costs.ClockPs;
        _t += Costs.ClockPs;
        _ended = Math.Max(_ended, _t);
    }

    /// <summary>Busy time of this stream's sequencer and unit in this run: configuration and issue clocks, and the
    /// digital or SFU operations (the analog modules' reads are in <see cref="ModuleBusyPs"/>, the links' in their bus).</summary>
    public long OwnBusyPs { get; private set; }

    private void Busy(HyflexpimUnit unit, long start, long end)
    {
        _m.Run.BusyPs[(int)unit] += end - start;
        OwnBusyPs += end - start;
        _t = end;
        _ended = Math.Max(_ended, end);
    }

    private void Gemv(Op op)
    {
        var module = (int)op["module"];
        var arrays = op["last"] - op["first"] + 1;
        var start = Math.Max(_t, _moduleFree[module]);
        var ps = Costs.GemvPs(_bits, _tokens);
        var end = start + ps;
        _moduleFree[module] = end;
        while (_moduleBusy.Count <= module) _moduleBusy.Add(0);
        _moduleBusy[module] += ps;
        _m.Run.BusyPs[(int)HyflexpimUnit.Analog] += ps;
        // The group's tiles are the weight's tiles _tile .. _tile + arrays - 1, SLC block first (ag.split).
        var slcTiles = _splitOnInputs ? T.Analog.BlockArrays(CellMode.Slc, _slc, _out) : T.Analog.BlockArrays(CellMode.Slc, _in, _slc);
        var slc = Math.Clamp(slcTiles - _tile, 0, arrays);
        _tile += arrays;
        var run = _m.Run;
        var costs = _m.EnergyCosts;
        var arrayPs = (double)arrays * ps;
        foreach (var c in new[] { C.AnalogArrays, C.AnalogWordLineDrivers, C.AnalogSampleHold, C.AnalogShiftAdd, C.AnalogRegisters })
            run.Charge(c, arrayPs, costs);
        var reads = _tokens * _bits;
        run.Charge(C.Adc, reads * (slc * Costs.FullResolutionConversions(CellMode.Slc) + (arrays - slc) * Costs.FullResolutionConversions(CellMode.Mlc)), costs);
        run.Counts[(int)RunCount.ArrayReads] += arrays * _tokens;
        run.Counts[(int)RunCount.SlcArrayReads] += slc * _tokens;
        run.Counts[(int)RunCount.AdcConversions] += (double)arrays * T.Analog.Columns * reads;
        _t += Costs.ClockPs; // issuing the read (a clock of the sequencer); the stream goes on while the module works
        OwnBusyPs += Costs.ClockPs;
        _ended = Math.Max(_ended, end);
    }

    /// <summary>Rows of the KV table the queries see together: query i of the block sees p + first + i + 1 (causal),
    /// at most the table's rows; with a full mask every query sees all of them.</summary>
    private long VisibleRows() => Visible(_queries, _rows);

    private long Visible(long queries, long limit)
    {
        if (_fullMask) return queries * limit;
        long sum = 0;
        for (long i = 0; i < queries; i++) sum += Math.Min(limit, _m.FirstPosition + _firstQuery + i + 1);
        return sum;
    }

    private void DigitalDot(HyflexpimSemantics sem)
    {
        var multiplies = _heads * _dim * VisibleRows();
        var start = _t;
        var end = start + Costs.DigitalDotPs(multiplies);
        Busy(HyflexpimUnit.Digital, start, end);
        var arrayPs = Costs.DigitalDotArrayPs(multiplies);
        foreach (var c in sem.Active) _m.Run.Charge(c, arrayPs, _m.EnergyCosts);
        _m.Run.Counts[(int)RunCount.DigitalMultiplies] += multiplies;
    }

    private void KvWrite(Op op, HyflexpimSemantics sem)
    {
        var rows = op["rows"];
        var ps = Costs.KvWritePs(rows);
        Busy(HyflexpimUnit.Digital, _t, _t + ps);
        var arrayPs = (double)Costs.KvRowArrays(_groups * _dim * T.Precision.KvBits / 8) * ps;
        foreach (var c in sem.Active) _m.Run.Charge(c, arrayPs, _m.EnergyCosts);
        _m.Run.Counts[(int)RunCount.KvRowsWritten] += rows;
    }

    private void Sfu(Op op, HyflexpimSemantics sem)
    {
        var elements = sem.Action switch
        {
            // Softmax covers the entries each query sees; the rows are [queries][heads].
            HyflexpimAction.Softmax => _vecRows / Math.Max(1, op["queries"]) * Visible(op["queries"], _len),
            HyflexpimAction.PartialSumReduce => _len * _vecRows * op["parts"],
            _ => _len * _vecRows,
        };
        var ps = Costs.SfuPs(elements, sem.Passes);
        Busy(HyflexpimUnit.Sfu, _t, _t + ps);
        _m.Run.Charge(C.Sfu, Costs.SfuActivePs(elements, sem.Passes), _m.EnergyCosts);
        _m.Run.Counts[(int)RunCount.SfuElementPasses] += (double)elements * sem.Passes;
    }

    private void Transfer(Op op)
    {
        var sem = op.Spec.Hyflexpim;
        var run = _m.Run;
        run.Counts[(int)RunCount.Instructions]++;
        var chip = Pu / T.Chip.Pus;
        var (link, bytes, component, count) = sem.Action switch
        {
            HyflexpimAction.BusSend => (_m.SharedBus(chip), op["len"] * HyflexpimFormats.BufferUnitBytes, C.SharedBus, RunCount.SharedBusBytes),
            HyflexpimAction.InterPuSend => (_m.InterPuPort(Pu), op["len"] * HyflexpimFormats.BufferUnitBytes, C.InterPu, RunCount.InterPuBytes),
            HyflexpimAction.PcieSend => (_m.PciePort(chip), op["len"] * HyflexpimFormats.BufferUnitBytes, C.Pcie, RunCount.PcieBytes),
            // Embedding rows of the step's tokens in the SFU's precision; the logits out in whole units.
            HyflexpimAction.IoRow => (_m.PciePort(chip), op["tokens"] * op["len"] * T.Precision.SfuBits / 8, C.Pcie, RunCount.HostIoBytes),
            _ => (_m.PciePort(chip), op["len"] * HyflexpimFormats.BufferUnitBytes, C.Pcie, RunCount.HostIoBytes),
        };
        var waitBefore = link.WaitPs;
        var (_, end) = link.Transfer(_t, bytes); // the stream waits for its send to arrive
        if (sem.Action == HyflexpimAction.BusSend) run.Counts[(int)RunCount.SharedBusWaitPs] += link.WaitPs - waitBefore;
        run.BusyPs[(int)sem.Unit] += link.OccupancyPs(bytes);
        _t = end;
        _ended = Math.Max(_ended, end);
        run.Charge(component, bytes * 8.0, _m.EnergyCosts);
        run.Counts[(int)count] += bytes;
    }
}
