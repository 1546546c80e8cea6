using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Diagnostics;
using Pimcc.Isa.Encoding;
using Pimcc.Targets;
using Pimcc.Targets.Dram;
using Pimcc.Targets.Hbm;

namespace Pimcc.Hpim.Sim.Timing;

/// <summary>
/// Timing model of one HBM-PIM channel stream: commands issue in stream order at the earliest cycle the shared
/// <see cref="DramTimingEngine"/> allows (per-bank state, JEDEC constraints, all-bank and PIM rules), whose refresh
/// controller issues REF per pseudo-channel every tREFI when the banks are precharged.
/// <para>Fast path: a <c>rep</c> whose body cannot block is timed in closed form once two consecutive iterations
/// start the same period P apart (periodic steady state): K further iterations are skipped by advancing the
/// channel's clock offset by K x P (<see cref="DramRefreshSchedule.Skip"/>) and adding K x the last iteration's
/// statistics. The engine keeps running in its own (offset) time, so the iteration after the skip sees exactly the
/// history a steady-state predecessor leaves. Skips never cross a refresh due time; refreshes are then issued for real.</para>
/// </summary>
internal sealed class ChannelAgent : IAgent, IDramRefreshListener
{
    /// <summary>A whole rep block timed once from a precharged start: duration without refreshes, drain tail, statistics.</summary>
    internal sealed record RepMemo(long DurationNck, long DrainTailNck, StatVector Stats, double RefreshCostPerCommand);

    private sealed class Frame
    {
        public int RepPc, BodyStart, BodyEnd;
        public long Count, Iter;
        public long[] Base = new long[4], Stride = new long[4], Cur = new long[4];
        public bool Eligible, PendingStart;
        public readonly long[] Starts = new long[3];
        public int StartsSeen;
        public StatVector? Snapshot;
        // Refresh in closed form: the delay one REF command adds to a steady-state rep, measured once by simulating
        // through a refresh (start after it minus the start the period predicts).
        public double RefreshCostPerCommand = -1;
        public long SteadyP, SteadyStart, SteadyIter = -1;
        public bool Measuring;
        public double MeasuredRefreshes;
        public string? RecordKey;
        public long RecordStartReal;
        public StatVector? RecordStats;
    }

    private readonly int _channel;
    private readonly ChannelWord[] _w;
    private readonly IReadOnlyList<Op> _ops;
    private readonly int _end;
    private readonly StreamDebugMap _debug;
    private readonly MachineModel _m;
    private readonly SyncHub _hub;
    private readonly CriticalPath _path;
    private readonly SimOptions _options;
    private readonly HbmChannelTiming _timing;
    private readonly DramTimingEngine _dram;
    private readonly DramRefreshSchedule _refresh;
    private readonly HbmTimingSet _t;
    private readonly List<Frame> _frames = [];
    private readonly long[] _noOffsets = new long[4];
    private readonly int _banksPerPc, _pcs, _banks;
    private readonly int _track;
    private readonly Dictionary<string, RepMemo>? _memo;
    private readonly ChannelProgram _program;
    private readonly int _skipFrom = -1, _skipTo;
    // Engine ticks per command clock, and the completion latencies of each command kind in ticks.
    private readonly int _ticks;
    private readonly long _readDone, _writeDone, _macDone, _refreshDone;

    private int _pc;
    private long _now;        // engine clock (ticks, see MachineModel.TicksPerClock): no command issues before it
    private long _lastIssue;  // engine tick of the last command (busy-time accounting)
    private long _drain;      // engine tick by which all issued commands have completed
    private PathNode? _drainRec, _lastRec;
    private bool _done, _waiting;
    private string? _blockedOn;

    public ChannelAgent(int channel, IReadOnlyList<Op> ops, ChannelProgram program, int start, int end, StreamDebugMap debug,
        MachineModel m, SyncHub hub, CriticalPath path, SimOptions options, Dictionary<string, RepMemo>? memo = null, (int From, int To)? skip = null)
    {
        _memo = memo;
        // Layer sampling (LayerSampling): the words of the layers not run are jumped over.
        if (skip is { } k && k.To > k.From) (_skipFrom, _skipTo) = k;
        _program = program;
        _channel = channel;
        _ops = ops;
        _w = program.Words;
        _pc = start;
        _end = end;
        _debug = debug;
        _m = m;
        _hub = hub;
        _path = path;
        _options = options;
        _timing = new HbmChannelTiming(m.Target, m.Dram);
        _dram = _timing.Engine;
        _refresh = _dram.Refresh;
        _t = m.Target.Hbm.Timing;
        _ticks = m.TicksPerClock;
        _readDone = (long)(_t.CL + _t.BL) * _ticks;
        _writeDone = (long)(_t.CWL + _t.BL) * _ticks;
        _macDone = (long)(_m.PuColumnNck + HbmTimingRules.PuPipelineNck(_m.Target)) * _ticks;
        _refreshDone = (long)_t.RFC * _ticks;
        var org = m.Target.Hbm.Organization;
        _pcs = org.PseudoChannelsPerChannel;
        _banksPerPc = org.BanksPerPseudoChannel;
        _banks = _pcs * _banksPerPc;
        _track = 1_000_000 + channel;
        Name = $"channel {channel}";
    }

    /// <summary>nCK skipped by the fast path: real = engine + delta.</summary>
    private long Delta => _refresh.SkippedCycles;

    public string Name { get; }
    public StatVector Stats { get; } = new();
    public bool Done => _done;
    public string? BlockedOn => _waiting ? _blockedOn : null;
    public long FinishPs { get; private set; }

    public void Resume(long nowPs, PathNode? releasedBy)
    {
        if (_done) return;
        var realNow = _m.PsToTicks(nowPs);
        if (_waiting)
        {
            _waiting = false;
            _blockedOn = null;
            HiddenRefreshes(_now, realNow - Delta);
            var at = Math.Max(_now, realNow - Delta);
            _lastRec = Record(at, at, releasedBy ?? _lastRec, _pc);
            _now = at;
            _lastIssue = at;
            _pc++;
        }
        Run(nowPs);
    }

    private void Run(long nowPs)
    {
        while (true)
        {
            if (_frames.Count > 0 && _pc == _frames[^1].BodyEnd) { EndIteration(); continue; }
            if (_pc == _skipFrom) _pc = _skipTo;
            if (_pc >= _end)
            {
                _done = true;
                FinishPs = _m.TicksToPs(Math.Max(_now, _drain) + Delta);
                return;
            }
            var w = _w[_pc];
            switch (w.Kind)
            {
                case WordKind.Repeat:
                    PushFrame(w);
                    continue;
                case WordKind.Wait:
                {
                    var at = _m.TicksToPs(_now + Delta);
                    if (at > nowPs) { _hub.Wake(this, at, null); return; }
                    if (_hub.TryWait((int)w.Row, w.Count, this))
                    {
                        _lastRec = Record(_now, _now, _lastRec, _pc);
                        _pc++;
                        continue;
                    }
                    _waiting = true;
                    _blockedOn = $"wait event {w.Row} count {w.Count} (counter {_hub.Counter((int)w.Row)}) at word {_pc}";
                    return;
                }
                case WordKind.Signal:
                {
                    var at = Math.Max(_now, _drain);
                    var rec = Record(at, at, at > _now ? _drainRec : _lastRec, _pc);
                    _lastRec = rec;
                    _hub.Signal((int)w.Row, w.Count, _m.TicksToPs(at + Delta), rec);
                    _pc++;
                    continue;
                }
                case WordKind.ResultClear:
                    // Zeroing the PU accumulators is local to the PUs: it takes no command-bus slot in this model.
                    _pc++;
                    continue;
                case WordKind.DramAllBankResults:
                    for (var b = 0; b < _banksPerPc; b++)
                        Issue(w.Command, w with { Bg = b / _m.Target.Hbm.Organization.BanksPerBankGroup, Ba = b % _m.Target.Hbm.Organization.BanksPerBankGroup });
                    _pc++;
                    continue;
                default:
                    Issue(w.Command, w);
                    _pc++;
                    continue;
            }
        }
    }

    // ---- rep frames and the fast path --------------------------------------------------------------------------

    private long[] Offsets => _frames.Count == 0 ? _noOffsets : _frames[^1].Cur;

    private void PushFrame(ChannelWord w)
    {
        string? key = null;
        if (_memo is not null && _frames.Count == 0 && w.RepEligible && _options.FastPath && w.Count >= 4 && AllClosed())
        {
            key = _program.RepKey(_pc);
            if (_memo.TryGetValue(key, out var hit)) { Replay(hit); return; }
        }
        var parent = Offsets;
        var f = new Frame
        {
            RepPc = _pc, BodyStart = _pc + 1, BodyEnd = _pc + 1 + w.Body, Count = w.Count,
            Eligible = _options.FastPath && w.RepEligible && w.Count >= 4,
        };
        Array.Copy(parent, f.Base, 4);
        f.Stride[0] = w.DRow; f.Stride[1] = w.DCol; f.Stride[2] = w.DGCol; f.Stride[3] = w.DLAddr;
        Array.Copy(parent, f.Cur, 4);
        if (key is not null)
        {
            f.RecordKey = key;
            f.RecordStartReal = _now + Delta;
            f.RecordStats = Stats.Clone();
        }
        _frames.Add(f);
        _pc = f.BodyStart;
        BeginIteration(f);
    }

    /// <summary>
    /// Delay per REF command when a block never met a refresh in steady state: the pseudo-channels of a channel are
    /// refreshed together, each blocked for tRFC, so the in-order stream loses about tRFC per pseudo-channel pair.
    /// </summary>
    private double DefaultRefreshCost => (double)_t.RFC * _ticks / _pcs;

    private bool AllClosed() => _dram.AllBanksClosed;

    /// <summary>Stores the timing of a whole rep block just finished from a precharged start (refreshes taken out).</summary>
    private void Remember(Frame f)
    {
        if (f.RecordKey is null || !AllClosed()) return;
        var refreshes = Stats.Get(Counter.Refreshes) - f.RecordStats!.Get(Counter.Refreshes);
        var cost = f.RefreshCostPerCommand >= 0 ? f.RefreshCostPerCommand : DefaultRefreshCost;
        var refreshNck = (long)Math.Round(refreshes * cost);
        var diff = Stats.Clone();
        diff.AddScaled(f.RecordStats, -1);
        diff.Add(Counter.Refreshes, -refreshes);
        diff.Add(Counter.Commands, -refreshes);
        _m.Energy.Charge(diff, _debug.Class(f.RepPc), EnergyEvent.DramRefresh, -refreshes);
        diff.AddBusy(Unit.HbmSequencer, _debug.Class(f.RepPc), -_m.TicksToPs(refreshNck));
        var duration = _now + Delta - f.RecordStartReal - refreshNck;
        if (duration <= 0) return;
        _memo![f.RecordKey] = new RepMemo(duration, Math.Max(0, _drain - _now), diff, cost);
    }

    /// <summary>Times a rep block from its memo: its duration plus the refreshes that fall due meanwhile.</summary>
    private void Replay(RepMemo m)
    {
        var start = _now + Delta;
        var shift = m.DurationNck;
        long refreshes = 0;
        for (var round = 0; round < 4; round++)
        {
            refreshes = _refresh.DueBefore(_now + shift);
            var next = m.DurationNck + (long)Math.Round(refreshes * m.RefreshCostPerCommand);
            if (next == shift) break;
            shift = next;
        }
        _refresh.SkipDueBefore(_now + shift);
        var cls = _debug.Class(_pc);
        Stats.AddScaled(m.Stats, 1);
        if (refreshes > 0)
        {
            Stats.Add(Counter.Refreshes, refreshes);
            Stats.Add(Counter.Commands, refreshes);
            _m.Energy.Charge(Stats, cls, EnergyEvent.DramRefresh, refreshes);
            Stats.AddBusy(Unit.HbmSequencer, cls, _m.TicksToPs(shift - m.DurationNck));
        }
        var rec = _path.Add(_m.TicksToPs(start), _m.TicksToPs(start + shift), _lastRec, cls, _track, _path.KeepsLog ? _debug.Name(_pc) ?? "rep" : null);
        _lastRec = rec;
        _refresh.Skip(shift);
        _drain = _now + m.DrainTailNck;
        _drainRec = rec;
        _lastIssue = _now;
        _pc = _pc + 1 + _w[_pc].Body;
    }

    private void BeginIteration(Frame f)
    {
        f.PendingStart = true;
        if (!f.Eligible) return;
        f.Snapshot ??= new StatVector();
        f.Snapshot.CopyFrom(Stats);
    }

    private void EndIteration()
    {
        var f = _frames[^1];
        f.Iter++;
        if (f.Iter >= f.Count)
        {
            Remember(f);
            _frames.RemoveAt(_frames.Count - 1);
            _pc = f.BodyEnd;
            return;
        }
        if (f.Eligible)
        {
            var refreshes = Stats.Get(Counter.Refreshes) - f.Snapshot!.Get(Counter.Refreshes);
            if (refreshes > 0 && f.SteadyIter >= 0 && f.RefreshCostPerCommand < 0)
            {
                f.Measuring = true;
                f.MeasuredRefreshes += refreshes;
            }
            TryFastForward(f);
        }
        for (var k = 0; k < 4; k++) f.Cur[k] = f.Base[k] + f.Iter * f.Stride[k];
        _pc = f.BodyStart;
        BeginIteration(f);
    }

    private void TryFastForward(Frame f)
    {
        if (f.StartsSeen < 3) return;
        var s = f.Starts;
        long p = s[2] - s[1];
        if (p <= 0 || s[1] - s[0] != p) return;
        // An iteration that contained a refresh is not representative of the steady state.
        if (Stats.Get(Counter.Refreshes) != f.Snapshot!.Get(Counter.Refreshes)) return;
        var justEnded = f.Iter - 1;
        if (f.Measuring && p == f.SteadyP)
        {
            var cost = s[2] - (f.SteadyStart + (justEnded - f.SteadyIter) * p);
            if (cost >= 0 && f.MeasuredRefreshes > 0) f.RefreshCostPerCommand = cost / f.MeasuredRefreshes;
            f.Measuring = false;
        }
        f.SteadyP = p;
        f.SteadyStart = s[2];
        f.SteadyIter = justEnded;
        var remaining = f.Count - f.Iter;          // iterations not yet run, including the next one
        var k = remaining - 1;                     // keep the last iteration real: it sets the state after the rep
        var nextStart = s[2] + p - Delta;        // engine time
        long shift;
        var closedFormRefreshes = 0L;
        if (f.RefreshCostPerCommand >= 0 && _options.ClosedFormRefresh)
        {
            if (k < 1) return;
            // Refreshes due inside the skipped span cost the measured delay each; the span grows by that delay,
            // which may bring more refreshes due, so iterate to the fixed point (a few rounds).
            shift = k * p;
            for (var round = 0; round < 4; round++)
            {
                closedFormRefreshes = _refresh.DueBefore(nextStart + shift);
                var next = k * p + (long)Math.Round(closedFormRefreshes * f.RefreshCostPerCommand);
                if (next == shift) break;
                shift = next;
            }
            _refresh.SkipDueBefore(nextStart + shift);
        }
        else
        {
            // Stop short of the next refresh: it is issued for real (and its cost measured).
            var byRefresh = (_refresh.NextDue() - nextStart) / p - 1;
            k = Math.Min(k, byRefresh);
            if (k < 1) return;
            shift = k * p;
        }
        Stats.AddScaledDifference(Stats, f.Snapshot!, k);
        Stats.Add(Counter.SkippedIterations, k);
        if (closedFormRefreshes > 0)
        {
            Stats.Add(Counter.Refreshes, closedFormRefreshes);
            Stats.Add(Counter.Commands, closedFormRefreshes);
            _m.Energy.Charge(Stats, _debug.Class(f.RepPc), EnergyEvent.DramRefresh, closedFormRefreshes);
            Stats.AddBusy(Unit.HbmSequencer, _debug.Class(f.RepPc), _m.TicksToPs((long)Math.Round(closedFormRefreshes * f.RefreshCostPerCommand)));
        }
        var rec = _path.Add(_m.TicksToPs(_now + Delta), _m.TicksToPs(_now + Delta + shift), _lastRec, _debug.Class(f.RepPc), _track,
            _path.KeepsLog ? _debug.Name(f.RepPc) ?? "rep" : null);
        _lastRec = rec;
        if (_drain >= _now) _drainRec = rec;
        _refresh.Skip(shift);
        f.Iter += k;
        for (var i = 0; i < 3; i++) s[i] += shift;
    }

    // ---- DRAM commands ----------------------------------------------------------------------------------------

    private void Issue(HbmCommand cmd, ChannelWord w)
    {
        var off = Offsets;
        var row = w.Row + off[0];
        var col = (cmd == HbmCommand.WrGb ? w.GCol + off[2] : w.Col + off[1]);
        if (row > int.MaxValue || col > int.MaxValue) throw Error($"row {row} / column {col} out of range", "check rep strides");
        // Column commands name no row: they use the row open in their bank (all banks for MACAB).
        var bankIndex = w.Pc * _banksPerPc + w.Bg * _m.Target.Hbm.Organization.BanksPerBankGroup + w.Ba;
        if (cmd is HbmCommand.Rd or HbmCommand.Wr or HbmCommand.MacSb) row = (uint)bankIndex < (uint)_banks ? _dram.OpenRow(bankIndex) : -1;
        else if (cmd == HbmCommand.MacAb) row = (uint)w.Pc < (uint)_pcs ? _dram.OpenRow(w.Pc * _banksPerPc) : -1;
        var a = new HbmAddress(w.Pc, w.Bg, w.Ba, (int)row, (int)col);
        Refresh();
        var bad = _timing.Locate(cmd, a, out var d);
        if (bad is not null || !_dram.TryIssueEarliest((int)cmd, d, _now, out var c))
            throw Error($"{HbmCommands.Info(cmd).Mnemonic} {a}: {bad ?? _dram.Probe((int)cmd, d, _now).StateError}", "the stream breaks the DRAM protocol");
        Account(cmd, c);
    }

    private void Account(HbmCommand cmd, long c, bool byController = false)
    {
        // An iteration starts at its first own command; a refresh the controller slips in (with the precharge and
        // reopening activates around it) is not part of it.
        if (!byController)
        foreach (var f in _frames)
            if (f.PendingStart)
            {
                f.PendingStart = false;
                f.Starts[0] = f.Starts[1];
                f.Starts[1] = f.Starts[2];
                f.Starts[2] = c + Delta;
                f.StartsSeen++;
            }
        var cls = _debug.Class(_pc);
        var colBits = (double)_m.ColumnBits;
        var colBytes = _m.ColumnBits / 8;
        long done = c;
        switch (cmd)
        {
            case HbmCommand.Act:
                Stats.Add(Counter.DramActivates, 1);
                _m.Energy.Charge(Stats, cls, EnergyEvent.DramActivate, 1);
                break;
            case HbmCommand.ActAb:
                Stats.Add(Counter.DramActivates, _banksPerPc);
                _m.Energy.Charge(Stats, cls, EnergyEvent.DramActivate, _banksPerPc);
                break;
            case HbmCommand.Rd or HbmCommand.Wr:
                done = c + (cmd == HbmCommand.Rd ? _readDone : _writeDone);
                Stats.Add(Counter.HbmExternalBytes, colBytes);
                _m.Energy.Charge(Stats, cls, EnergyEvent.DramCellBit, colBits);
                _m.Energy.Charge(Stats, cls, EnergyEvent.DramOffBankBit, colBits);
                break;
            case HbmCommand.MacAb or HbmCommand.MacSb:
            {
                var banks = cmd == HbmCommand.MacAb ? _banksPerPc : 1;
                done = c + _macDone;
                Stats.Add(Counter.BankMacs, banks * _m.ElementsPerColumn);
                Stats.Add(Counter.HbmInternalBytes, banks * colBytes);
                _m.Energy.Charge(Stats, cls, EnergyEvent.DramCellBit, banks * colBits);
                _m.Energy.Charge(Stats, cls, EnergyEvent.PuMac, banks * _m.ElementsPerColumn, EnergyEvent.GlobalBufferBit, colBits);
                break;
            }
            case HbmCommand.WrGb:
                done = c + _writeDone;
                Stats.Add(Counter.HbmExternalBytes, colBytes);
                _m.Energy.Charge(Stats, cls, EnergyEvent.GlobalBufferBit, colBits);
                _m.Energy.Charge(Stats, cls, EnergyEvent.DramTsvInterposerBit, colBits);
                break;
            case HbmCommand.RdRes:
                done = c + _readDone;
                Stats.Add(Counter.HbmExternalBytes, colBytes);
                _m.Energy.Charge(Stats, cls, EnergyEvent.DramOffBankBit, colBits);
                break;
            case HbmCommand.Ref:
                done = c + _refreshDone;
                Stats.Add(Counter.Refreshes, 1);
                _m.Energy.Charge(Stats, cls, EnergyEvent.DramRefresh, 1);
                break;
        }
        Stats.Add(Counter.Commands, 1);
        // Channel busy time: the stream is working from its previous command (or its release from a wait) to this one.
        var busy = _m.TicksToPs(Math.Max(c, _lastIssue) - _lastIssue);
        Stats.AddBusy(Unit.HbmSequencer, cls, busy);
        var pred = _lastRec;
        var rec = Record(c, done, pred, _pc, cmd);
        _lastRec = rec;
        if (done >= _drain) { _drain = done; _drainRec = rec; }
        _lastIssue = c;
        _now = c;
    }

    /// <summary>
    /// Refresh: the engine's controller gives a pseudo-channel whose REF is due its refresh before the next command,
    /// once all its banks are precharged; an open row postpones it up to the target's postponement limit.
    /// </summary>
    private void Refresh()
    {
        try
        {
            _dram.IssueDueRefreshes(_now, this);
        }
        catch (DramProtocolViolation v)
        {
            throw Error(v.Reason, "precharge between GEMV tiles so the controller can refresh");
        }
    }

    void IDramRefreshListener.Issued(int command, int node, DramAddress address, long cycle) =>
        Account((HbmCommand)command, cycle, byController: true);

    /// <summary>Refreshes that fell due while the stream sat idle with banks closed happen in the background.</summary>
    private void HiddenRefreshes(long idleFrom, long idleTo)
    {
        // One at a time, as the energy total was always summed (n x e and e + ... + e round differently).
        for (var n = _dram.RefreshWhileIdle(idleFrom, idleTo); n > 0; n--)
        {
            Stats.Add(Counter.Refreshes, 1);
            _m.Energy.Charge(Stats, WorkClass.Other, EnergyEvent.DramRefresh, 1);
        }
    }

    private PathNode Record(long startNck, long endNck, PathNode? pred, int word, HbmCommand? cmd = null) =>
        _path.Add(_m.TicksToPs(startNck + Delta), _m.TicksToPs(endNck + Delta), pred, _debug.Class(word), _track,
            _path.KeepsLog ? _debug.Name(word) ?? (cmd is { } c ? HbmCommands.Info(c).Mnemonic : _ops[word].Spec.Mnemonic) : null);

    private PimccError Error(string message, string hint) =>
        new(ExitCode.InvalidBinary, $"channel {_channel} word {_pc}", message, hint);
}
