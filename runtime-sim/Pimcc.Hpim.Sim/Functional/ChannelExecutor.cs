using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Diagnostics;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;

namespace Pimcc.Hpim.Sim.Functional;

/// <summary>
/// Executes one HBM channel's command stream on values (docs/hbm-commands.md), <c>rep</c>s expanded by the ISA's
/// own <see cref="HbmRepeat.Expand"/>. Each bank has an open row (or none) and a PU result register (FP32 accumulator,
/// 16 FP16 products per <c>mac</c>, rounded to FP16 when read out); each pseudo channel a global buffer. In-channel
/// byte address of (row, bank b, column) = (row x banks + b) x page + column x 32 (docs/hpim-lowering.md); bank b of
/// a single-bank command is pc x banks-per-pCH + bg x banks-per-group + ba. Commands complete in stream order, so
/// <c>sig</c> signals at once; <c>wait</c> blocks the stream.
/// </summary>
internal sealed class ChannelExecutor : IFunctionalAgent
{
    private readonly int _channel;
    private readonly int _start;
    private readonly StreamDebugMap _debug;
    private readonly FunctionalMachine _m;
    private readonly FunctionalSync _sync;
    private readonly IEnumerator<HbmRepeat.Issued> _cursor;
    private readonly Pimcc.Targets.Hpim.HbmAddressMap _map;
    private readonly int _banksPerPch;
    private readonly long _page, _column, _rows;
    private bool _pending;
    private int _word;

    public ChannelExecutor(int channel, IReadOnlyList<Op> commands, int start, int end, StreamDebugMap debug, FunctionalMachine m, FunctionalSync sync)
    {
        _channel = channel;
        _start = start;
        _debug = debug;
        _m = m;
        _sync = sync;
        var org = m.Target.Hbm.Organization;
        _map = new Pimcc.Targets.Hpim.HbmAddressMap(org);
        _banksPerPch = org.BanksPerPseudoChannel;
        _page = org.PageBytes;
        _column = org.ColumnBytes;
        _rows = org.RowsPerBank;
        var program = new List<Op>(end - start);
        for (var i = start; i < end; i++) program.Add(commands[i]);
        _cursor = HbmRepeat.Expand(program, $"channel{channel}").GetEnumerator();
        // DRAM state is fresh for each program run (docs/simulator.md): banks precharged.
        Array.Fill(m.OpenRow[channel], -1);
    }

    public string Name => $"channel{_channel}";
    public bool Done { get; private set; }
    public string? BlockedOn { get; private set; }
    public long Executed { get; private set; }

    public bool Run()
    {
        var progressed = false;
        BlockedOn = null;
        while (!Done)
        {
            if (!_pending)
            {
                if (!_cursor.MoveNext())
                {
                    Done = true;
                    return true;
                }
                _pending = true;
            }
            var issued = _cursor.Current;
            _word = _start + issued.Index;
            if (!Step(issued.Command)) return progressed;
            _pending = false;
            progressed = true;
            Executed++;
        }
        return progressed;
    }

    private bool Step(Op c)
    {
        var ch = _channel;
        switch (c.Spec.Action)
        {
            case OpAction.EventSignal: _sync.Signal((int)c["event"], c["count"]); return true;
            case OpAction.EventWait:
                if (_sync.TryWait((int)c["event"], c["count"])) return true;
                BlockedOn = $"event {c["event"]} >= {c["count"]}";
                return false;
            case OpAction.Activate: Activate(Bank(c), c["row"]); return true;
            case OpAction.ActivateAll:
                foreach (var b in Banks(c)) Activate(b, c["row"]);
                return true;
            case OpAction.Precharge: _m.OpenRow[ch][Bank(c)] = -1; return true;
            case OpAction.PrechargeAll:
                foreach (var b in Banks(c)) _m.OpenRow[ch][b] = -1;
                return true;
            case OpAction.Refresh:
                foreach (var b in Banks(c))
                    if (_m.OpenRow[ch][b] >= 0) throw Fault($"ref with bank {b} open (row {_m.OpenRow[ch][b]})", "precharge the pseudo channel before refresh");
                return true;
            case OpAction.GlobalBufferWrite:
            {
                var gb = _m.GlobalBuffer[ch][c["pc"]];
                var at = c["gcol"] * _column;
                if (at + _column > gb.Length) throw Fault($"global-buffer column {c["gcol"]} outside the {gb.Length}-byte buffer", "check gcol");
                CoreSpan(c["core"], c["saddr"], _column).CopyTo(gb.AsSpan((int)at));
                return true;
            }
            case OpAction.MacAll:
                foreach (var b in Banks(c)) Mac(b, c);
                return true;
            case OpAction.MacSingle: Mac(Bank(c), c); return true;
            case OpAction.ResultClear:
                foreach (var b in Banks(c)) _m.Results[ch][b] = 0f;
                return true;
            case OpAction.ResultReadAll:
            {
                var eb = _m.Target.ElementBytes;
                var dst = CoreSpan(c["core"], c["laddr"], (long)_banksPerPch * eb);
                var i = 0;
                foreach (var b in Banks(c)) ElementCodec.Write(dst[(i++ * eb)..], 0, _m.Results[ch][b]);
                return true;
            }
            case OpAction.ResultRead:
                ElementCodec.Write(CoreSpan(c["core"], c["laddr"], _m.Target.ElementBytes), 0, _m.Results[ch][Bank(c)]);
                return true;
            case OpAction.ColumnRead:
                _m.Hbm[ch].Read(OpenColumn(Bank(c), c["col"]), CoreSpan(c["core"], c["laddr"], _column));
                return true;
            case OpAction.ColumnWrite:
                _m.Hbm[ch].Write(OpenColumn(Bank(c), c["col"]), CoreSpan(c["core"], c["saddr"], _column));
                return true;
            default:
                throw Fault($"'{c.Spec.Mnemonic}' has no functional semantics", "report this: every command of the table needs one");
        }
    }

    private int Bank(Op c) => _map.Bank(c["pc"], c["bg"], c["ba"]);

    private IEnumerable<int> Banks(Op c) => Enumerable.Range((int)c["pc"] * _banksPerPch, _banksPerPch);

    private void Activate(int bank, long row)
    {
        if (_m.OpenRow[_channel][bank] >= 0)
            throw Fault($"activate of row {row} in bank {bank}, which has row {_m.OpenRow[_channel][bank]} open", "precharge the bank first");
        if (row >= _rows) throw Fault($"row {row} does not exist ({_rows} rows per bank)", "check the row operand and rep strides");
        _m.OpenRow[_channel][bank] = row;
    }

    /// <summary>In-channel byte address of column <paramref name="col"/> of the row open in <paramref name="bank"/>.</summary>
    private long OpenColumn(int bank, long col)
    {
        var row = _m.OpenRow[_channel][bank];
        if (row < 0) throw Fault($"column access to bank {bank}, which has no open row", "activate the row first");
        if ((col + 1) * _column > _page) throw Fault($"column {col} outside the {_page}-byte page", "check the col operand and rep strides");
        return _map.Address(bank, row, col);
    }

    /// <summary>result[bank] += open row[col] . global buffer[gcol]: 16 FP16 products, FP32 accumulation.</summary>
    private void Mac(int bank, Op c)
    {
        var eb = _m.Target.ElementBytes;
        Span<byte> w = stackalloc byte[(int)_column];
        _m.Hbm[_channel].Read(OpenColumn(bank, c["col"]), w);
        var gb = _m.GlobalBuffer[_channel][bank / _banksPerPch];
        var at = (int)(c["gcol"] * _column);
        if (at + _column > gb.Length) throw Fault($"global-buffer column {c["gcol"]} outside the {gb.Length}-byte buffer", "check gcol");
        var s = 0f;
        for (var i = 0; i < _column / eb; i++)
            s += ElementCodec.Read(w[(i * eb)..], 0) * ElementCodec.Read(gb.AsSpan(at + i * eb), 0);
        _m.Results[_channel][bank] += s;
    }

    private Span<byte> CoreSpan(long core, long unit, long bytes)
    {
        if (core >= _m.Local.Length) throw Fault($"core {core} does not exist ({_m.Local.Length} cores)", "check the core operand");
        var local = _m.Local[core];
        var addr = unit * _column;
        if (addr + bytes > local.Length)
            throw Fault($"local address [{addr}, {addr + bytes}) of core {core} outside its {local.Length}-byte memory", "laddr/saddr count 32-byte units");
        return local.AsSpan((int)addr, (int)bytes);
    }

    private PimccError Fault(string message, string hint) =>
        FunctionalFault.At($"channel{_channel}", _word, _debug.Name(_word), message, hint);
}
