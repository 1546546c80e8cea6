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

    private void Need(int r, ref long start, ref int pred)
    {
        if (_regReady[r] > start) { start = _regReady[r]; pred = _regRec[r]; }
    }

    /// <summary>Value of the register named by operand <paramref name="name"/> of the current word.</summary>
    private long Reg(Opd name) => _reg[Val(name)];

    /// <summary>Operand <paramref name="name"/> of the current word.</summary>
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

    // ---- data-path instructions --------------------------------------------------------------------------------

    private void DataOp(in Op op, CoreKind kind)
    {
        var spec = op.Spec;
        var t = _m.Target;
        var lm = _m.LocalBytesPerCycle;
        Span<(int Space, long Lo, long Hi)> reads = stackalloc (int, long, long)[4];
        Span<(int Space, long Lo, long Hi)> writes = stackalloc (int, long, long)[2];
        int nr = 0, nw = 0;
        long occCycles, latCycles = 0, occPs = -1, latPs = -1;
        var unit = spec.Unit;
        var cls = Class;
        double lmBits;
        switch (kind)
        {
            case CoreKind.TcuShape:
                _tcuM = Reg(Opd.M); _tcuN = Reg(Opd.N); _tcuK = Reg(Opd.K);
                Config();
                return;
            case CoreKind.TcuLd:
                _tcuLda = Reg(Opd.Lda); _tcuLdb = Reg(Opd.Ldb); _tcuLdc = Reg(Opd.Ldc);
                Config();
                return;
            case CoreKind.PimLd:
            {
                long bytes = Reg(Opd.Bytes), slot = Reg(Opd.Macro), src = Reg(Opd.Src);
                var groupBytes = t.Sram.PimUnit.MacrosPerGroup * t.Sram.PimUnit.MacroBytes;
                var lin = SramLayout.MacroByte(slot, groupBytes);
                reads[nr++] = (LocalSpace, src, src + bytes);
                writes[nw++] = (MacroSpace, lin, lin + bytes);
                occCycles = MachineModel.CeilDiv(bytes, lm);
                lmBits = bytes * 8.0 * 2; // read local memory, write the macros
                _m.Energy.Charge(_stats, cls, EnergyEvent.LocalMemoryBit, lmBits);
                break;
            }
            case CoreKind.PimGemv:
            {
                var shape = Reg(Opd.Shape);
                long rows = SramLayout.High(shape), cols = SramLayout.Low(shape), eb = ElemBytes(), slot = Reg(Opd.Macro);
                long dst = Reg(Opd.Dst), src = Reg(Opd.Src);
                var acc = Val(Opd.Acc) == 1;
                var groupBytes = t.Sram.PimUnit.MacrosPerGroup * t.Sram.PimUnit.MacroBytes;
                var lin = SramLayout.MacroByte(slot, groupBytes);
                reads[nr++] = (LocalSpace, src, src + cols * eb);
                reads[nr++] = (MacroSpace, lin, lin + rows * cols * eb);
                if (acc) reads[nr++] = (LocalSpace, dst, dst + rows * eb);
                writes[nw++] = (LocalSpace, dst, dst + rows * eb);
                var macs = rows * cols;
                var bytes = (cols + rows * (acc ? 2 : 1)) * eb;
                occCycles = Math.Max(MachineModel.CeilDiv(macs, t.Sram.PimUnit.Multipliers), MachineModel.CeilDiv(bytes, lm));
                latCycles = occCycles + t.Sram.PimUnit.PipelineLatencyCycles;
                _stats.Add(Counter.MacroMacs, macs);
                _m.Energy.Charge(_stats, cls, EnergyEvent.MacroMac, macs);
                _m.Energy.Charge(_stats, cls, EnergyEvent.LocalMemoryBit, bytes * 8.0);
                break;
            }
            case CoreKind.TcuGemm:
            {
                long m = _tcuM, n = _tcuN, k = _tcuK, eb = ElemBytes();
                long lda = _tcuLda == 0 ? k : _tcuLda, ldb = _tcuLdb == 0 ? n : _tcuLdb, ldc = _tcuLdc == 0 ? n : _tcuLdc;
                long a = Reg(Opd.A), b = Reg(Opd.B), c = Reg(Opd.C);
                var acc = Val(Opd.Acc) == 1;
                if (m > 0 && n > 0 && k > 0)
                {
                    reads[nr++] = (LocalSpace, a, a + ((m - 1) * lda + k) * eb);
                    reads[nr++] = (LocalSpace, b, b + ((k - 1) * ldb + n) * eb);
                    if (acc) reads[nr++] = (LocalSpace, c, c + ((m - 1) * ldc + n) * eb);
                    writes[nw++] = (LocalSpace, c, c + ((m - 1) * ldc + n) * eb);
                }
                var tcu = t.Sram.Tcu;
                var passes = MachineModel.CeilDiv(m, tcu.Rows) * MachineModel.CeilDiv(n, tcu.Columns);
                var compute = passes * MachineModel.CeilDiv(k, tcu.MacsPerPePerCycle);
                var bytes = (m * k + k * n + m * n * (acc ? 2 : 1)) * eb;
                occCycles = Math.Max(compute, MachineModel.CeilDiv(bytes, lm));
                // Systolic fill and drain: operands skew across the rows and results across the columns.
                latCycles = occCycles + tcu.Rows + tcu.Columns - 2;
                var macs = m * n * k;
                _stats.Add(Counter.TcuMacs, macs);
                _m.Energy.Charge(_stats, cls, EnergyEvent.TcuMac, macs);
                _m.Energy.Charge(_stats, cls, EnergyEvent.LocalMemoryBit, bytes * 8.0);
                break;
            }
            case CoreKind.Transpose:
            {
                var shape = Reg(Opd.Shape);
                long bytes = SramLayout.High(shape) * SramLayout.Low(shape) * ElemBytes(), dst = Reg(Opd.Dst), src = Reg(Opd.Src);
                reads[nr++] = (LocalSpace, src, src + bytes);
                writes[nw++] = (LocalSpace, dst, dst + bytes);
                occCycles = Math.Max(MachineModel.CeilDiv(bytes, t.Sram.TransposeBytesPerCycle), MachineModel.CeilDiv(2 * bytes, lm));
                _m.Energy.Charge(_stats, cls, EnergyEvent.LocalMemoryBit, bytes * 16.0);
                _m.Energy.Charge(_stats, cls, EnergyEvent.VcuOp, bytes / (double)t.ElementBytes);
                break;
            }
            case CoreKind.Move or CoreKind.Move2d:
            {
                long bytes, dst = Reg(Opd.Dst), src = Reg(Opd.Src), dspan, sspan;
                if (kind == CoreKind.Move) { bytes = Reg(Opd.Bytes); dspan = sspan = bytes; }
                else
                {
                    var shape = Reg(Opd.Shape);
                    var stride = Reg(Opd.Stride);
                    long rows = SramLayout.High(shape), rowBytes = SramLayout.Low(shape), ds = SramLayout.High(stride), ss = SramLayout.Low(stride);
                    bytes = rows * rowBytes;
                    dspan = rows == 0 ? 0 : (rows - 1) * ds + rowBytes;
                    sspan = rows == 0 ? 0 : (rows - 1) * ss + rowBytes;
                }
                reads[nr++] = (LocalSpace, src, src + sspan);
                writes[nw++] = (LocalSpace, dst, dst + dspan);
                occCycles = Math.Max(MachineModel.CeilDiv(bytes, t.Sram.TransferBytesPerCycle), MachineModel.CeilDiv(2 * bytes, lm));
                _m.Energy.Charge(_stats, cls, EnergyEvent.LocalMemoryBit, bytes * 16.0);
                break;
            }
            case CoreKind.HbmLoad or CoreKind.HbmStore or CoreKind.HbmPrefetch:
            {
                var store = kind == CoreKind.HbmStore;
                long bytes = Reg(Opd.Bytes), chan = Reg(Opd.Chan);
                var local = store ? Reg(Opd.Src) : Reg(Opd.Dst);
                if (store) reads[nr++] = (LocalSpace, local, local + bytes);
                else writes[nw++] = (LocalSpace, local, local + bytes);
                occCycles = 0;
                occPs = (long)Math.Ceiling(bytes / _m.InterfaceBytesPerPs);
                var portPs = (long)Math.Ceiling(bytes / _m.ChannelBytesPerPs);
                latPs = Math.Max(occPs, portPs) + _m.HbmAccessLatencyPs;
                var chKey = (int)chan;
                var portFree = (uint)chKey < (uint)_portFree.Length ? _portFree[chKey] : _portFreeBeyond.GetValueOrDefault(chKey);
                var bits = bytes * 8.0;
                _stats.Add(Counter.CoreHbmBytes, bytes);
                _stats.Add(Counter.HbmExternalBytes, bytes);
                var activates = Math.Ceiling(bytes / (double)t.Hbm.Organization.PageBytes);
                _stats.Add(Counter.DramActivates, activates);
                _m.Energy.Charge(_stats, cls, EnergyEvent.DramCellBit, bits, EnergyEvent.DramActivate, activates);
                _m.Energy.Charge(_stats, cls, EnergyEvent.DramOffBankBit, bits);
                _m.Energy.Charge(_stats, cls, EnergyEvent.LocalMemoryBit, bits);
                var rec = Schedule(unit, 0, occPs, latPs, reads[..nr], writes[..nw], portFree, out var start);
                if ((uint)chKey < (uint)_portFree.Length) _portFree[chKey] = start + portPs;
                else _portFreeBeyond[chKey] = start + portPs;
                if (kind == CoreKind.HbmPrefetch)
                {
                    var tag = (int)Val(Opd.Tag);
                    _tagReady[tag] = _path.Node(rec)!.EndPs;
                    _tagRec[tag] = rec;
                }
                Next();
                return;
            }
            case CoreKind.NocSend:
            {
                long bytes = Reg(Opd.Bytes), src = Reg(Opd.Src), dst = Reg(Opd.Core);
                reads[nr++] = (LocalSpace, src, src + bytes);
                occCycles = _m.Noc.SerialisationCycles(bytes);
                var hops = _m.Hops(_core, (int)dst);
                _stats.Add(Counter.NocBytes, bytes);
                _m.Energy.Charge(_stats, cls, EnergyEvent.NocHopBit, bytes * 8.0 * Math.Max(1, hops));
                _m.Energy.Charge(_stats, cls, EnergyEvent.LocalMemoryBit, bytes * 8.0);
                var rec = Schedule(unit, occCycles, -1, -1, reads[..nr], writes[..0], 0, out var start);
                var arrival = start + _m.Cycles(_m.Noc.TransferCycles(_core, (int)dst, bytes));
                _hub.Send(_core, (int)dst, start, arrival, _path.Escape(rec));
                Next();
                return;
            }
            default:
                if (kind != CoreKind.Vcu) throw new InvalidOperationException($"no timing model for '{spec.Mnemonic}'");
                Vcu(in op, reads, writes, ref nr, ref nw, out occCycles, out latCycles, out lmBits);
                break;
        }
        Schedule(unit, occCycles, occPs, latPs < 0 && latCycles > 0 ? _m.Cycles(latCycles) : latPs, reads[..nr], writes[..nw], 0, out _);
        Next();
    }

    private void Vcu(in Op op, Span<(int, long, long)> reads, Span<(int, long, long)> writes, ref int nr, ref int nw,
        out long occCycles, out long latCycles, out double lmBits)
    {
        var t = _m.Target;
        var spec = op.Spec;
        long eb = ElemBytes(), len = Reg(Opd.Len);
        long dst = Reg(Opd.Dst);
        long readBytes = 0, writeBytes;
        void In(Opd name, long bytes, Span<(int, long, long)> r, ref int n)
        {
            var a = _reg[Val(name)];
            r[n++] = (LocalSpace, a, a + bytes);
        }
        switch (spec.Action)
        {
            case OpAction.VectorDot:
                In(Opd.A, len * eb, reads, ref nr); In(Opd.B, len * eb, reads, ref nr); readBytes = 2 * len * eb; writeBytes = eb; break;
            case OpAction.VectorScalar:
                In(Opd.A, len * eb, reads, ref nr); In(Opd.S, eb, reads, ref nr); readBytes = len * eb + eb; writeBytes = len * eb; break;
            case OpAction.VectorBinary:
                In(Opd.A, len * eb, reads, ref nr); In(Opd.B, len * eb, reads, ref nr); readBytes = 2 * len * eb; writeBytes = len * eb; break;
            case OpAction.VectorFill:
                In(Opd.S, eb, reads, ref nr); readBytes = eb; writeBytes = len * eb; break;
            default: // unary and reductions
                In(Opd.Src, len * eb, reads, ref nr); readBytes = len * eb;
                writeBytes = spec.Action == OpAction.VectorReduce ? eb : len * eb;
                break;
        }
        writes[nw++] = (LocalSpace, dst, dst + writeBytes);
        var vcu = t.Sram.Vcu;
        var beats = MachineModel.CeilDiv(len, vcu.Lanes);
        if (spec.Timing == TimingClass.VcuSpecialFunction) beats *= vcu.TranscendentalIntervalCycles;
        occCycles = Math.Max(beats, MachineModel.CeilDiv(readBytes + writeBytes, _m.LocalBytesPerCycle));
        latCycles = occCycles + vcu.PipelineLatencyCycles;
        // Reductions finish with an adder/comparator tree over the lanes.
        if (spec.Timing == TimingClass.VcuReduction) latCycles += (long)Math.Ceiling(Math.Log2(Math.Max(2, vcu.Lanes)));
        lmBits = (readBytes + writeBytes) * 8.0;
        _stats.Add(Counter.VcuOps, len);
        _m.Energy.Charge(_stats, Class, EnergyEvent.VcuOp, len);
        _m.Energy.Charge(_stats, Class, EnergyEvent.LocalMemoryBit, lmBits);
    }

    private void Config()
    {
        // TCU shape/stride registers are latched at dispatch (shadowed per instruction), so they cost an issue slot only.
        var pred = _dispatchRec;
        ref readonly var w = ref _words[_pc];
        for (var i = w.RegStart; i < w.RegStart + w.RegCount; i++) Need(_registerNumbers[i], ref _dispatch, ref pred);
        var rec = StretchRecordDead(pred, _dispatch + _cyclePs)
            ? RecordOver(U.Tcu, _dispatch, _dispatch + _cyclePs, pred, 0)
            : Record(U.Tcu, _dispatch, _dispatch + _cyclePs, pred, 0);
        _dispatchRec = rec;
        _statValues[_scuEnergyBase + (int)_classes[_pc]] += _scuOpPj;
        StartWindow(_dispatch);
        _dispatch += _cyclePs;
        _pc++;
    }

    /// <summary>
    /// Starts a data-path instruction at the earliest time its operands, unit, memory ranges and (for loads) HBM
    /// port allow; returns its activity record.
    /// </summary>
    private int Schedule(U unit, long occCycles, long occPs, long latPs,
        ReadOnlySpan<(int Space, long Lo, long Hi)> reads, ReadOnlySpan<(int Space, long Lo, long Hi)> writes, long extraReady, out long start)
    {
        start = _dispatch;
        var pred = _dispatchRec;
        ref readonly var word = ref _words[_pc];
        for (var i = word.RegStart; i < word.RegStart + word.RegCount; i++) Need(_registerNumbers[i], ref start, ref pred);
        if (_unitFree[(int)unit] > start) { start = _unitFree[(int)unit]; pred = _unitRec[(int)unit]; }
        if (extraReady > start) { start = extraReady; pred = _unitRec[(int)unit]; }
        CheckLocal(reads);
        CheckLocal(writes);
        var memReady = ReadyFor(reads, writes, out var memPred);
        if (memReady > start) { start = memReady; pred = memPred; }
        var occ = occPs >= 0 ? occPs : _m.Cycles(occCycles);
        var lat = latPs >= 0 ? latPs : occ;
        var end = start + Math.Max(lat, occ);
        // Started at its dispatch, it takes the dispatch slot (below), so it may take over the record of the scalar
        // stretch just before it.
        var rec = start == _dispatch && StretchRecordDead(pred, end)
            ? RecordOver(unit, start, end, pred, occ)
            : Record(unit, start, end, pred, occ);
        _unitFree[(int)unit] = start + Math.Max(occ, _cyclePs);
        _unitRec[(int)unit] = rec;
        foreach (var r in reads) if (r.Hi > r.Lo) _inflight.Add(r.Space, r.Lo, r.Hi, false, start + occ, rec);
        foreach (var w in writes) if (w.Hi > w.Lo) _inflight.Add(w.Space, w.Lo, w.Hi, true, end, rec);
        if (end > _drain) { _drain = end; _drainRec = rec; }
        StartWindow(start);
        if (start == _dispatch) _dispatchRec = rec; // see Scalar
        _dispatch += _cyclePs;
        return rec;
    }

    /// <summary>Earliest time the ranges may be read (after overlapping writes) and written (after overlapping reads and writes), 0 if not later than the dispatch.</summary>
    private long ReadyFor(ReadOnlySpan<(int Space, long Lo, long Hi)> reads, ReadOnlySpan<(int Space, long Lo, long Hi)> writes, out int pred) =>
        _inflight.ReadyFor(reads, writes, _dispatch, out pred);

    // ---- synchronisation completions ---------------------------------------------------------------------------

    private void CompleteSync(Op op, long now, PathNode? releasedBy)
    {
        var at = Math.Max(Align(now), _dispatch);
        var rec = RecordAfter(U.Control, at, at, releasedBy ?? _path.Node(_dispatchRec), 0);
        StartWindow(at);
        _dispatch = at + _m.CyclePs;
        _dispatchRec = rec;
        _pc++;
    }

    private void CompleteReceive(Op op, long now, long arrival, PathNode? sendRec)
    {
        var bytes = Reg(Opd.Bytes);
        var dst = Reg(Opd.Dst);
        var start = Math.Max(Align(now), _dispatch);
        var end = Math.Max(start, arrival);
        var rec = RecordAfter(U.Noc, start, end, arrival > start ? sendRec : _path.Node(_dispatchRec), 0);
        _inflight.Add(LocalSpace, dst, dst + bytes, true, end, rec);
        if (end > _drain) { _drain = end; _drainRec = rec; }
        _m.Energy.Charge(_stats, Class, EnergyEvent.LocalMemoryBit, bytes * 8.0);
        StartWindow(start);
        _dispatch = start + _m.CyclePs;
        _dispatchRec = rec;
        _pc++;
    }

    private (long Read, long Write) CollectiveBytes(Op op, out int members)
    {
        var mask = Reg(Opd.Group);
        members = BitOperations.PopCount((ulong)mask);
        if (op.Spec.Action == OpAction.AllGather)
        {
            var bytes = Reg(Opd.Bytes);
            return (bytes, bytes * members);
        }
        var len = Reg(Opd.Len) * ElemBytes();
        return (len, len);
    }

    private ((int, long, long)[] Reads, (int, long, long)[] Writes) CollectiveRanges(Op op)
    {
        var (r, w) = CollectiveBytes(op, out _);
        long src = Reg(Opd.Src), dst = Reg(Opd.Dst);
        return ([(LocalSpace, src, src + r)], [(LocalSpace, dst, dst + w)]);
    }

    private void CompleteCollective(Op op, long now, PathNode? releasedBy)
    {
        var t = _m.Target;
        var mask = Reg(Opd.Group);
        var (readBytes, writeBytes) = CollectiveBytes(op, out var members);
        // Ring algorithms: all-gather in P-1 steps of one block; all-reduce as reduce-scatter + all-gather, 2(P-1)
        // steps of 1/P of the vector each.
        long cycles = op.Spec.Action == OpAction.AllGather
            ? _m.RingCollectiveCycles(mask, members - 1, readBytes)
            : _m.RingCollectiveCycles(mask, 2 * (members - 1), MachineModel.CeilDiv(readBytes, Math.Max(1, members)));
        var start = Math.Max(Align(now), _dispatch);
        var end = start + _m.Cycles(cycles);
        var rec = RecordAfter(U.Noc, start, end, releasedBy ?? _path.Node(_dispatchRec), end - start);
        var (_, writes) = CollectiveRanges(op);
        _inflight.Add(LocalSpace, writes[0].Item2, writes[0].Item3, true, end, rec);
        _unitFree[(int)U.Noc] = Math.Max(_unitFree[(int)U.Noc], end);
        _unitRec[(int)U.Noc] = rec;
        if (end > _drain) { _drain = end; _drainRec = rec; }
        var moved = op.Spec.Action == OpAction.AllGather ? writeBytes - readBytes : 2 * readBytes * (members - 1) / Math.Max(1, members);
        _stats.Add(Counter.NocBytes, moved);
        _m.Energy.Charge(_stats, Class, EnergyEvent.NocHopBit, moved * 8.0);
        if (op.Spec.Action == OpAction.AllReduce) _m.Energy.Charge(_stats, Class, EnergyEvent.VcuOp, Reg(Opd.Len));
        StartWindow(start);
        _dispatch = start + _m.CyclePs;
        _dispatchRec = rec;
        _pc++;
    }

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

    // Every local-memory range an instruction touches lies inside the core's local memory (activation + temp).
    private void CheckLocal(ReadOnlySpan<(int Space, long Lo, long Hi)> ranges)
    {
        foreach (var (space, lo, hi) in ranges)
            if (space == LocalSpace && (lo < 0 || hi > _localBytes))
                throw Error($"{_ops[_pc].Mnemonic} touches local bytes {lo}-{hi - 1}, outside the core's {_localBytes} bytes of local memory",
                    "the program addresses memory the target does not have: recompile for this target");
    }
}
