using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using System.Numerics;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Sram;
using U = Pimcc.Isa.Encoding.Unit;

namespace Pimcc.Hpim.Sim.Timing;

/// <summary>
/// Timing model of one SRAM-PIM core: in-order fetch/decode/dispatch of one instruction per cycle into per-unit
/// in-order execution, with a scoreboard of register and local-memory (and PIM-macro) range dependencies. The
/// scalar registers are executed for real (they carry addresses, sizes and loop counters); tensor values are not.
/// </summary>
internal sealed partial class CoreAgent : IAgent, IPathRoots
{
    private enum Block { None, Yield, Wait, Barrier, Receive, Collective, Halted }

    private const int LocalSpace = 0, MacroSpace = 1;
    private static readonly int UnitCount = Enum.GetValues<U>().Length;

    private readonly int _core;
    private readonly Op[] _ops;
    private readonly CoreProgram _program;
    private readonly CoreWord[] _words;
    private readonly int[] _values;
    private readonly int[] _positionBase;
    private readonly sbyte[] _positions;
    private readonly byte[] _registerNumbers;
    private readonly WorkClass[] _classes;
    private readonly double[] _statValues;
    private readonly long _cyclePs, _scuLatencyPs, _takenPenaltyPs, _maxInstructions;
    private readonly double _scuOpPj;
    private readonly int _scuEnergyBase;
    private readonly bool _keepsLog;
    // Instructions recorded and not yet added to Counter.Instructions: a count of +1.0 additions to a cell only this
    // agent adds to, so folding it in once at the halt gives the same double.
    private long _instructions;
    private readonly StreamDebugMap _debug;
    private readonly MachineModel _m;
    private readonly long _localBytes;
    private readonly SyncHub _hub;
    private readonly StatVector _stats;
    private readonly CriticalPath _path;
    private readonly SimOptions _options;

    private readonly uint[] _reg = new uint[32];
    private readonly long[] _regReady = new long[32];
    // Path records as CriticalPath handles (0 = none): plain int stores; MarkHeld names them to the store.
    private readonly int[] _regRec = new int[32];
    private readonly long[] _unitFree = new long[UnitCount];
    private readonly int[] _unitRec = new int[UnitCount];
    private readonly InflightRanges _inflight = new();
    private readonly long[] _windowStart;
    private readonly long[] _tagReady = new long[16];
    private readonly int[] _tagRec = new int[16];
    private readonly long[] _portFree;
    private readonly Dictionary<int, long> _portFreeBeyond = [];
    private long _tcuM, _tcuN, _tcuK, _tcuLda, _tcuLdb, _tcuLdc;
    // The cost of the last HBM transfer's size (HbmTransfer).
    private HbmTransferCost? _transfer;

    private int _pc;
    private long _dispatch;
    private int _dispatchRec;
    private long _drain;
    private int _drainRec;
    // The record of the last scalar and branch stretch, the register its last word wrote (0: none) and the word after
    // it, for StretchRecordDead.
    private int _stretchRec, _stretchReg, _stretchEndPc = -1;
    private long _executed;
    private int _windowSlot; // _executed % _windowStart.Length
    private Block _block = Block.None;
    // What a blocked core waits for, formatted only when asked (a deadlock report), not at every block.
    private long _blockA, _blockB, _blockC;
    // A layer-loop counter load replaced for this run (CoreProgram.WithCounter); -1 = none.
    private readonly int _counterWord, _counterValue;

    public CoreAgent(int core, CoreProgram program, int entry, StreamDebugMap debug, MachineModel m, SyncHub hub,
        StatVector stats, CriticalPath path, SimOptions options, uint r28, uint r29, uint r30)
    {
        _core = core;
        _program = program;
        _ops = program.Ops;
        _pc = entry;
        _debug = debug;
        _m = m;
        _localBytes = m.Target.Sram.LocalMemory.TotalBytes;
        _hub = hub;
        _stats = stats;
        _path = path;
        _options = options;
        _windowStart = new long[Math.Max(1, options.ScoreboardDepth)];
        _words = program.Words;
        _counterWord = program.CounterWord;
        _counterValue = program.CounterValue;
        _values = program.Values;
        _positionBase = program.PositionBase;
        _positions = program.Positions;
        _registerNumbers = program.RegisterNumbers;
        _classes = debug.Classes;
        _statValues = stats.V;
        _cyclePs = m.CyclePs;
        _scuLatencyPs = m.Cycles(m.Target.Sram.ScuLatencyCycles);
        _takenPenaltyPs = m.Cycles(Math.Max(0, m.Target.Sram.PipelineStages - 1));
        _maxInstructions = options.MaxInstructionsPerCore;
        // Scalar ops are the hot path: their energy cell and cost are looked up once (EnergyCosts.Charge's sum, inlined).
        _scuOpPj = m.Energy.Pj(EnergyEvent.ScalarOp);
        _scuEnergyBase = StatVector.EnergyIndex(m.Energy.Subsystem(EnergyEvent.ScalarOp), 0);
        _keepsLog = path.KeepsLog;
        _portFree = new long[Math.Max(1, m.Target.Hbm.Organization.Channels)];
        path.AddRoots(this);
        _reg[HpimAbi.Prompt] = r28;
        _reg[HpimAbi.Step] = r29;
        _reg[HpimAbi.Kv] = r30;
        Name = $"core {core}";
    }

    public string Name { get; }
    public bool Done => _block == Block.Halted;
    public string? BlockedOn => _block switch
    {
        Block.Wait => $"ev.wait event {_blockA} count {_blockB} (counter {_blockC})",
        Block.Barrier => $"bar {_blockA} of {_blockB} cores",
        Block.Receive => $"noc.recv from core {_blockA}",
        Block.Collective => $"{_ops[_pc].Spec.Mnemonic} over cores 0x{_blockA:X}",
        _ => null,
    };

    /// <summary>Every path handle this core may still use as a releaser (its registers, units, tags, dispatch and drain, in-flight ranges).</summary>
    public void MarkHeld(CriticalPath path)
    {
        foreach (var h in _regRec) path.Mark(h);
        foreach (var h in _unitRec) path.Mark(h);
        foreach (var h in _tagRec) path.Mark(h);
        path.Mark(_dispatchRec);
        path.Mark(_drainRec);
        _inflight.MarkHeld(path);
    }

    /// <summary>Time at which the core halted with all its work finished.</summary>
    public long FinishPs { get; private set; }

    /// <summary>Register value (for tests and the functional model).</summary>
    public uint Register(int r) => _reg[r];

    public void Resume(long nowPs, PathNode? releasedBy)
    {
        if (_block == Block.Halted) return;
        var op = _ops[_pc];
        switch (_block)
        {
            case Block.Wait or Block.Barrier:
                CompleteSync(op, nowPs, releasedBy);
                break;
            case Block.Receive:
                var msg = _hub.TakeReceived(this);
                CompleteReceive(op, nowPs, msg.ArrivalPs, msg.Record);
                break;
            case Block.Collective:
                CompleteCollective(op, nowPs, releasedBy);
                break;
        }
        _block = Block.None;
        Run(nowPs);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Run(long now)
    {
        var words = _words;
        while (true)
        {
            if ((uint)_pc >= (uint)words.Length)
                throw Error($"execution ran past the end of the stream (word {_pc})", "every program must end with halt");
            if (++_executed > _maxInstructions)
                throw Error(InstructionBudget.Explain(_maxInstructions), "check the loop counters (the li before each loop) and backward jumps");
            if (++_windowSlot == _windowStart.Length) _windowSlot = 0;
            // Scoreboard capacity: an instruction dispatches only once the one ScoreboardDepth earlier has started.
            var slot = _windowStart[_windowSlot];
            if (slot > _dispatch) _dispatch = slot;
            switch (words[_pc].Kind)
            {
                case CoreKind.Scalar or CoreKind.Branch:
                    Control();
                    continue;
                case CoreKind.Nop:
                    Record(U.Control, _dispatch, _dispatch + _cyclePs, _dispatchRec, 0);
                    Next();
                    continue;
                case CoreKind.Halt:
                    FinishPs = Math.Max(_dispatch, _drain);
                    Record(U.Control, FinishPs, FinishPs, _drain >= _dispatch ? _drainRec : _dispatchRec, 0);
                    _stats.Add(Counter.Instructions, _instructions);
                    _instructions = 0;
                    _block = Block.Halted;
                    return;
                case CoreKind.ScalarOther:
                    ScalarGeneric(_ops[_pc]);
                    continue;
                case CoreKind.EventSignal:
                {
                    var at = Math.Max(_dispatch, _drain);
                    var rec = _path.Escape(Record(U.Control, at, at, _drain >= _dispatch ? _drainRec : _dispatchRec, 0));
                    _hub.Signal((int)Val(Opd.Event), Val(Opd.Count), at, rec);
                    Next();
                    continue;
                }
                case CoreKind.EventWait:
                    if (Yield(now, _dispatch)) return;
                    if (_hub.TryWait((int)Val(Opd.Event), Val(Opd.Count), this)) { CompleteSync(_ops[_pc], now, null); continue; }
                    Blocked(Block.Wait, Val(Opd.Event), Val(Opd.Count), _hub.Counter((int)Val(Opd.Event)));
                    return;
                case CoreKind.Barrier:
                {
                    var at = Math.Max(_dispatch, _drain);
                    if (Yield(now, at)) return;
                    var rec = _path.Escape(Record(U.Control, at, at, _drain >= _dispatch ? _drainRec : _dispatchRec, 0));
                    if (_hub.ArriveBarrier((int)Val(Opd.Barrier), (int)Val(Opd.Cores), this, rec)) { CompleteSync(_ops[_pc], now, rec); continue; }
                    Blocked(Block.Barrier, Val(Opd.Barrier), Val(Opd.Cores));
                    return;
                }
                case CoreKind.PrefetchWait:
                {
                    var tag = (int)Val(Opd.Tag);
                    var pred = _dispatchRec;
                    if (_tagReady[tag] > _dispatch) { _dispatch = _tagReady[tag]; pred = _tagRec[tag]; }
                    _dispatchRec = Record(U.HbmInterface, _dispatch, _dispatch, pred, 0);
                    Next();
                    continue;
                }
                case CoreKind.NocReceive:
                {
                    if (Yield(now, _dispatch)) return;
                    var src = Reg(Opd.Core);
                    if (_hub.TryReceive((int)src, _core, this) is { } msg) { CompleteReceive(_ops[_pc], now, msg.ArrivalPs, msg.Record); continue; }
                    Blocked(Block.Receive, src);
                    return;
                }
                case CoreKind.NocCollective:
                {
                    var op = _ops[_pc];
                    var spec = op.Spec;
                    var mask = Reg(Opd.Group);
                    if ((mask >> _core & 1) == 0)
                        throw Error($"'{spec.Mnemonic}' group mask 0x{mask:X} does not contain this core", "every member of a collective must be in its group");
                    var (reads, _) = CollectiveRanges(op);
                    var ready = ReadyFor(reads, default, out var pred);
                    var at = Math.Max(_dispatch, ready);
                    if (Yield(now, at)) return;
                    var rec = _path.Escape(Record(U.Noc, at, at, at == _dispatch ? _dispatchRec : pred, 0));
                    if (_hub.JoinCollective(spec.Opcode, mask, BitOperations.PopCount((ulong)mask), this, rec)) { CompleteCollective(op, now, rec); continue; }
                    Blocked(Block.Collective, mask);
                    return;
                }
                case CoreKind.HbmLoad or CoreKind.HbmStore or CoreKind.HbmPrefetch:
                    HbmTransfer(words[_pc].Kind);
                    continue;
                default:
                    DataOp(in _ops[_pc], words[_pc].Kind);
                    continue;
            }
        }
    }

    // ---- control and scalar -------------------------------------------------------------------------------------

    /// <summary>
    /// Scalar ops without a decoded form (sw): the timing model has no semantics for them (it always failed on
    /// them, reading the missing rt operand); an internal error, not a user one.
    /// </summary>
    private void ScalarGeneric(Op op) => throw new InvalidOperationException($"scalar op {op.Spec.Mnemonic} has no timing semantics");

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Need(int r, ref long start, ref int pred)
    {
        if (_regReady[r] > start) { start = _regReady[r]; pred = _regRec[r]; }
    }

    /// <summary>Value of the register named by operand <paramref name="name"/> of the current word.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private long Reg(Opd name) => _reg[Val(name)];

    /// <summary>Operand <paramref name="name"/> of the current word.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private long Val(Opd name)
    {
        var at = _positions[_positionBase[_pc] + (int)name];
        if (at < 0) NoOperand(name);
        return _values[_pc * CoreProgram.Stride + at];
    }

    /// <summary>As Operands[-1] would: the model read an operand the instruction does not have (apart, so that <see cref="Val"/> inlines).</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void NoOperand(Opd name) =>
        throw new ArgumentOutOfRangeException(nameof(name), $"'{_ops[_pc].Spec.Mnemonic}' has no operand {name}");

    // ---- helpers -----------------------------------------------------------------------------------------------

    private WorkClass Class => _classes[_pc];

    private long ElemBytes() => SramFormats.ElementBytes(Val(Opd.Dt));

    /// <summary>Records the current word's activity, released by the record of handle <paramref name="pred"/>; returns its handle.</summary>
    private int Record(U unit, long start, long end, int pred, long busyPs) => RecordAfter(unit, start, end, _path.Node(pred), busyPs);

    private int RecordAfter(U unit, long start, long end, PathNode? pred, long busyPs) =>
        _path.AddCounted(start, end, pred, Counted(unit, busyPs), _core * 16 + (int)unit, _keepsLog ? LogName(_pc) : null);

    /// <summary><see cref="Record"/> written over the releaser's node (<see cref="CriticalPath.Extend"/>): only when no slot can use <paramref name="pred"/> again.</summary>
    private int RecordOver(U unit, long start, long end, int pred, long busyPs) =>
        _path.Extend(pred, start, end, Counted(unit, busyPs), _core * 16 + (int)unit, _keepsLog ? LogName(_pc) : null);

    /// <summary>Counts the current word as executed and its unit's busy time; returns its work class.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private WorkClass Counted(U unit, long busyPs)
    {
        _instructions++;
        var cls = _classes[_pc];
        if (busyPs > 0) _stats.AddBusy(unit, cls, busyPs);
        return cls;
    }

    /// <summary>
    /// Whether <paramref name="pred"/>, the releaser of the current word, is the record of the scalar and branch stretch
    /// just before it (<see cref="Control"/>) and no slot can read it once the current word, which starts at
    /// <see cref="_dispatch"/>, ends at <paramref name="end"/> and takes the dispatch slot, is recorded. Every later
    /// word starts at or after <see cref="_dispatch"/> plus a cycle, and a slot is read only when its ready time is later
    /// than such a start (the drain when at or after the dispatch): the stretch's record is then held by nothing
    /// readable but the SCU, the register it wrote and the drain (the reasoning of <see cref="Control"/>'s records;
    /// data-path words write no register and hold no other record of the stretch).
    /// </summary>
    private bool StretchRecordDead(int pred, long end)
    {
        if (pred == 0 || pred != _stretchRec || _pc != _stretchEndPc) return false;
        var next = _dispatch + _cyclePs;
        return (_unitRec[(int)U.Scu] != pred || _unitFree[(int)U.Scu] <= next)
            && (_stretchReg == 0 || _regReady[_stretchReg] <= next)
            && (_drainRec != pred || end > _drain || _drain < next);
    }

    /// <summary>First core clock edge at or after <paramref name="ps"/> (wake-ups from HBM time land between edges).</summary>
    private long Align(long ps) => (ps + _m.CyclePs - 1) / _m.CyclePs * _m.CyclePs;

    private void StartWindow(long start) => _windowStart[_windowSlot] = start;

    private void Next() => _pc++;

    private bool Yield(long now, long at)
    {
        if (at <= now) return false;
        _block = Block.Yield;
        _hub.Wake(this, at, null);
        return true;
    }

    private void Blocked(Block block, long a, long b = 0, long c = 0)
    {
        _block = block;
        (_blockA, _blockB, _blockC) = (a, b, c);
    }

    private PimccError Error(string message, string hint) =>
        new(ExitCode.InvalidBinary, $"core {_core} word {_pc}", message, hint);

    // Every local-memory range an instruction touches lies inside the core's local memory (activation + temp). The
    // check runs on every data-path word: the diagnostic is built apart (OutsideLocal), so that the check inlines.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void CheckLocal(ReadOnlySpan<(int Space, long Lo, long Hi)> ranges)
    {
        foreach (var (space, lo, hi) in ranges)
            if (space == LocalSpace && (lo < 0 || hi > _localBytes))
                OutsideLocal(lo, hi);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void OutsideLocal(long lo, long hi) =>
        throw Error($"{_ops[_pc].Mnemonic} touches local bytes {lo}-{hi - 1}, outside the core's {_localBytes} bytes of local memory",
            "the program addresses memory the target does not have: recompile for this target");
}
