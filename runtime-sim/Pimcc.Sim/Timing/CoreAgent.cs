using System.Numerics;
using Pimcc.Diagnostics;
using Pimcc.Isa.Encoding;
using U = Pimcc.Isa.Encoding.Unit;

namespace Pimcc.Sim.Timing;

/// <summary>
/// Timing model of one SRAM-PIM core: in-order fetch/decode/dispatch of one instruction per cycle into per-unit
/// in-order execution, with a scoreboard of register and local-memory (and PIM-macro) range dependencies. The
/// scalar registers are executed for real (they carry addresses, sizes and loop counters); tensor values are not.
/// </summary>
internal sealed class CoreAgent : IAgent
{
    private enum Block { None, Yield, Wait, Barrier, Receive, Collective, Halted }

    private readonly record struct Access(int Space, long Lo, long Hi, bool Write, long ReadyPs, int Record);

    private const int LocalSpace = 0, MacroSpace = 1;
    private static readonly int UnitCount = Enum.GetValues<U>().Length;

    private readonly int _core;
    private readonly IReadOnlyList<Op> _ops;
    private readonly StreamDebugMap _debug;
    private readonly MachineModel _m;
    private readonly SyncHub _hub;
    private readonly StatVector _stats;
    private readonly ActivityLog _log;
    private readonly SimOptions _options;

    private readonly uint[] _reg = new uint[32];
    private readonly long[] _regReady = new long[32];
    private readonly int[] _regRec = Enumerable.Repeat(-1, 32).ToArray();
    private readonly long[] _unitFree = new long[UnitCount];
    private readonly int[] _unitRec = Enumerable.Repeat(-1, UnitCount).ToArray();
    private readonly List<Access> _inflight = [];
    private readonly long[] _windowStart;
    private readonly long[] _tagReady = new long[16];
    private readonly int[] _tagRec = Enumerable.Repeat(-1, 16).ToArray();
    private readonly Dictionary<int, long> _portFree = [];
    private long _tcuM, _tcuN, _tcuK, _tcuLda, _tcuLdb, _tcuLdc;

    private int _pc;
    private long _dispatch;
    private int _dispatchRec = -1;
    private long _drain;
    private int _drainRec = -1;
    private long _executed;
    private Block _block = Block.None;
    private string? _blockedOn;

    public CoreAgent(int core, IReadOnlyList<Op> ops, int entry, StreamDebugMap debug, MachineModel m, SyncHub hub,
        StatVector stats, ActivityLog log, SimOptions options, uint r28, uint r29, uint r30)
    {
        _core = core;
        _ops = ops;
        _pc = entry;
        _debug = debug;
        _m = m;
        _hub = hub;
        _stats = stats;
        _log = log;
        _options = options;
        _windowStart = new long[Math.Max(1, options.ScoreboardDepth)];
        _reg[28] = r28;
        _reg[29] = r29;
        _reg[30] = r30;
        Name = $"core {core}";
    }

    public string Name { get; }
    public bool Done => _block == Block.Halted;
    public string? BlockedOn => Done || _block == Block.Yield ? null : _blockedOn;

    /// <summary>Time at which the core halted with all its work finished.</summary>
    public long FinishPs { get; private set; }

    /// <summary>Register value (for tests and the functional model).</summary>
    public uint Register(int r) => _reg[r];

    public void Resume(long nowPs, int releasedBy)
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
        _blockedOn = null;
        Run(nowPs);
    }

    private void Run(long now)
    {
        while (true)
        {
            if ((uint)_pc >= (uint)_ops.Count)
                throw Error($"execution ran past the end of the stream (word {_pc})", "every program must end with halt");
            if (++_executed > _options.MaxInstructionsPerCore)
                throw Error($"more than {_options.MaxInstructionsPerCore} instructions executed; the program does not halt", "check loop counters");
            var op = _ops[_pc];
            var spec = op.Spec;
            // Scoreboard capacity: an instruction dispatches only once the one ScoreboardDepth earlier has started.
            var slot = _windowStart[(int)(_executed % _windowStart.Length)];
            if (slot > _dispatch) _dispatch = slot;
            switch (spec.Timing)
            {
                case TimingClass.Nop:
                    Record(U.Control, _dispatch, _dispatch + _m.CyclePs, _dispatchRec, 0);
                    Next();
                    continue;
                case TimingClass.Halt:
                    FinishPs = Math.Max(_dispatch, _drain);
                    Record(U.Control, FinishPs, FinishPs, _drain >= _dispatch ? _drainRec : _dispatchRec, 0);
                    _block = Block.Halted;
                    return;
                case TimingClass.ScalarAlu:
                    Scalar(op);
                    continue;
                case TimingClass.Branch:
                    Branch(op);
                    continue;
                case TimingClass.EventSync when spec.Mnemonic == "ev.sig":
                {
                    var at = Math.Max(_dispatch, _drain);
                    var rec = Record(U.Control, at, at, _drain >= _dispatch ? _drainRec : _dispatchRec, 0);
                    _hub.Signal((int)op["event"], op["count"], at, rec);
                    Next();
                    continue;
                }
                case TimingClass.EventSync:
                    if (Yield(now, _dispatch)) return;
                    if (_hub.TryWait((int)op["event"], op["count"], this)) { CompleteSync(op, now, -1); continue; }
                    Blocked(Block.Wait, $"ev.wait event {op["event"]} count {op["count"]} (counter {_hub.Counter((int)op["event"])})");
                    return;
                case TimingClass.Barrier:
                {
                    var at = Math.Max(_dispatch, _drain);
                    if (Yield(now, at)) return;
                    var rec = Record(U.Control, at, at, _drain >= _dispatch ? _drainRec : _dispatchRec, 0);
                    if (_hub.ArriveBarrier((int)op["barrier"], (int)op["cores"], this, rec)) { CompleteSync(op, now, rec); continue; }
                    Blocked(Block.Barrier, $"bar {op["barrier"]} of {op["cores"]} cores");
                    return;
                }
                case TimingClass.HbmPrefetchWait:
                {
                    var tag = (int)op["tag"];
                    var pred = _dispatchRec;
                    if (_tagReady[tag] > _dispatch) { _dispatch = _tagReady[tag]; pred = _tagRec[tag]; }
                    _dispatchRec = Record(U.HbmInterface, _dispatch, _dispatch, pred, 0);
                    Next();
                    continue;
                }
                case TimingClass.NocPointToPoint when spec.Mnemonic == "noc.recv":
                {
                    if (Yield(now, _dispatch)) return;
                    var src = Reg(op, "core");
                    if (_hub.TryReceive((int)src, _core, this) is { } msg) { CompleteReceive(op, now, msg.ArrivalPs, msg.Record); continue; }
                    Blocked(Block.Receive, $"noc.recv from core {src}");
                    return;
                }
                case TimingClass.NocCollective:
                {
                    var mask = Reg(op, "group");
                    if ((mask >> _core & 1) == 0)
                        throw Error($"'{spec.Mnemonic}' group mask 0x{mask:X} does not contain this core", "every member of a collective must be in its group");
                    var (reads, _) = CollectiveRanges(op);
                    var ready = ReadyFor(reads, default, out var pred);
                    var at = Math.Max(_dispatch, ready);
                    if (Yield(now, at)) return;
                    var rec = Record(U.Noc, at, at, at == _dispatch ? _dispatchRec : pred, 0);
                    if (_hub.JoinCollective(spec.Opcode, mask, BitOperations.PopCount((ulong)mask), this, rec)) { CompleteCollective(op, now, rec); continue; }
                    Blocked(Block.Collective, $"{spec.Mnemonic} over cores 0x{mask:X}");
                    return;
                }
                default:
                    DataOp(op);
                    continue;
            }
        }
    }

    // ---- control and scalar -------------------------------------------------------------------------------------

    private void Scalar(Op op)
    {
        var rd = (int)op.Operands[0];
        long start = _dispatch;
        var pred = _dispatchRec;
        uint value;
        switch (op.Spec.Mnemonic)
        {
            case "li.lo": value = (uint)op["imm"]; break;
            case "li.hi": Need(rd, ref start, ref pred); value = (uint)op["imm"] << 16 | (_reg[rd] & 0xFFFF); break;
            case "addi": Need((int)op["rs"], ref start, ref pred); value = (uint)(_reg[op["rs"]] + op["imm"]); break;
            // Timing runs hold no local-memory values: a loaded word (the prefill's token ids) reads as 0, as r27 does
            // in decode (docs/hpim-abi.md); it only selects which embedding row is read.
            case "lw": Need((int)op["addr"], ref start, ref pred); value = 0; break;
            default:
            {
                int rs = (int)op["rs"], rt = (int)op["rt"];
                Need(rs, ref start, ref pred);
                Need(rt, ref start, ref pred);
                uint a = _reg[rs], b = _reg[rt];
                value = op.Spec.Mnemonic switch
                {
                    "add" => a + b,
                    "sub" => a - b,
                    "mul" => a * b,
                    "and" => a & b,
                    "or" => a | b,
                    "xor" => a ^ b,
                    "shl" => a << (int)(b & 31),
                    "shr" => a >> (int)(b & 31),
                    "slt" => (int)a < (int)b ? 1u : 0u,
                    "min" => (uint)Math.Min((int)a, (int)b),
                    "max" => (uint)Math.Max((int)a, (int)b),
                    _ => throw new InvalidOperationException($"scalar op {op.Spec.Mnemonic} has no semantics"),
                };
                break;
            }
        }
        if (_unitFree[(int)U.Scu] > start) { start = _unitFree[(int)U.Scu]; pred = _unitRec[(int)U.Scu]; }
        var latency = _m.Cycles(_m.Target.Sram.ScuLatencyCycles);
        var rec = Record(U.Scu, start, start + latency, pred, latency);
        _unitFree[(int)U.Scu] = start + _m.CyclePs;
        _unitRec[(int)U.Scu] = rec;
        Write(rd, value, start + latency, rec);
        _stats.AddEnergy(EnergySubsystem.SramCompute, Class, _m.Target.Energy.ScuOpPj);
        if (start + latency > _drain) { _drain = start + latency; _drainRec = rec; }
        StartWindow(start);
        _dispatchRec = rec;
        _dispatch += _m.CyclePs;
        Next();
    }

    private void Branch(Op op)
    {
        long start = _dispatch;
        var pred = _dispatchRec;
        bool taken;
        switch (op.Spec.Mnemonic)
        {
            case "jmp": taken = true; break;
            case "loop":
            {
                var c = (int)op["counter"];
                Need(c, ref start, ref pred);
                var v = _reg[c] - 1;
                taken = v != 0;
                var recL = Record(U.Control, start, start + _m.CyclePs, pred, 0);
                Write(c, v, start + _m.CyclePs, recL);
                Jump(op, taken, start, recL);
                return;
            }
            default:
            {
                int a = (int)op["a"], b = (int)op["b"];
                Need(a, ref start, ref pred);
                Need(b, ref start, ref pred);
                int x = (int)_reg[a], y = (int)_reg[b];
                taken = op.Spec.Mnemonic switch { "beq" => x == y, "bne" => x != y, "blt" => x < y, _ => x >= y };
                break;
            }
        }
        var rec = Record(U.Control, start, start + _m.CyclePs, pred, 0);
        Jump(op, taken, start, rec);
    }

    private void Jump(Op op, bool taken, long start, int rec)
    {
        _stats.AddEnergy(EnergySubsystem.SramCompute, Class, _m.Target.Energy.ScuOpPj);
        // A taken branch refills the fetch/decode stages behind execute.
        var penalty = taken ? _m.Cycles(Math.Max(0, _m.Target.Sram.PipelineStages - 1)) : 0;
        _dispatch = start + _m.CyclePs + penalty;
        _dispatchRec = rec;
        StartWindow(start);
        if (taken)
        {
            var off = op.Operands[op.Spec.Operands.Count - 1];
            _pc += (int)off;
        }
        else _pc++;
    }

    private void Need(int r, ref long start, ref int pred)
    {
        if (_regReady[r] > start) { start = _regReady[r]; pred = _regRec[r]; }
    }

    private void Write(int r, uint v, long ready, int rec)
    {
        if (r == 0) return;
        _reg[r] = v;
        _regReady[r] = ready;
        _regRec[r] = rec;
    }

    private long Reg(Op op, string name) => _reg[op[name]];

    // ---- data-path instructions --------------------------------------------------------------------------------

    private void DataOp(Op op)
    {
        var spec = op.Spec;
        var t = _m.Target;
        var e = t.Energy;
        var lm = _m.LocalBytesPerCycle;
        Span<(int Space, long Lo, long Hi)> reads = stackalloc (int, long, long)[4];
        Span<(int Space, long Lo, long Hi)> writes = stackalloc (int, long, long)[2];
        int nr = 0, nw = 0;
        long occCycles, latCycles = 0, occPs = -1, latPs = -1;
        var unit = spec.Unit;
        var cls = Class;
        double lmBits;
        switch (spec.Mnemonic)
        {
            case "tcu.shape":
                _tcuM = Reg(op, "m"); _tcuN = Reg(op, "n"); _tcuK = Reg(op, "k");
                Config(op);
                return;
            case "tcu.ld":
                _tcuLda = Reg(op, "lda"); _tcuLdb = Reg(op, "ldb"); _tcuLdc = Reg(op, "ldc");
                Config(op);
                return;
            case "pim.ld":
            {
                long bytes = Reg(op, "bytes"), slot = Reg(op, "macro"), src = Reg(op, "src");
                var groupBytes = t.Sram.PimUnit.MacrosPerGroup * t.Sram.PimUnit.MacroBytes;
                var lin = (slot >> 16) * groupBytes + (slot & 0xFFFF);
                reads[nr++] = (LocalSpace, src, src + bytes);
                writes[nw++] = (MacroSpace, lin, lin + bytes);
                occCycles = MachineModel.CeilDiv(bytes, lm);
                lmBits = bytes * 8.0 * 2; // read local memory, write the macros
                _stats.AddEnergy(EnergySubsystem.LocalMemory, cls, lmBits * e.LocalMemoryPjPerBit);
                break;
            }
            case "pim.gemv":
            {
                var shape = Reg(op, "shape");
                long rows = shape >> 16, cols = shape & 0xFFFF, eb = ElemBytes(op), slot = Reg(op, "macro");
                long dst = Reg(op, "dst"), src = Reg(op, "src");
                var acc = op["acc"] == 1;
                var groupBytes = t.Sram.PimUnit.MacrosPerGroup * t.Sram.PimUnit.MacroBytes;
                var lin = (slot >> 16) * groupBytes + (slot & 0xFFFF);
                reads[nr++] = (LocalSpace, src, src + cols * eb);
                reads[nr++] = (MacroSpace, lin, lin + rows * cols * eb);
                if (acc) reads[nr++] = (LocalSpace, dst, dst + rows * eb);
                writes[nw++] = (LocalSpace, dst, dst + rows * eb);
                var macs = rows * cols;
                var bytes = (cols + rows * (acc ? 2 : 1)) * eb;
                occCycles = Math.Max(MachineModel.CeilDiv(macs, t.Sram.PimUnit.Multipliers), MachineModel.CeilDiv(bytes, lm));
                latCycles = occCycles + t.Sram.PimUnit.PipelineLatencyCycles;
                _stats.Add(Counter.MacroMacs, macs);
                _stats.AddEnergy(EnergySubsystem.SramCompute, cls, macs * e.MacroMacPj);
                _stats.AddEnergy(EnergySubsystem.LocalMemory, cls, bytes * 8.0 * e.LocalMemoryPjPerBit);
                break;
            }
            case "tcu.gemm":
            {
                long m = _tcuM, n = _tcuN, k = _tcuK, eb = ElemBytes(op);
                long lda = _tcuLda == 0 ? k : _tcuLda, ldb = _tcuLdb == 0 ? n : _tcuLdb, ldc = _tcuLdc == 0 ? n : _tcuLdc;
                long a = Reg(op, "a"), b = Reg(op, "b"), c = Reg(op, "c");
                var acc = op["acc"] == 1;
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
                _stats.AddEnergy(EnergySubsystem.SramCompute, cls, macs * e.TcuMacPj);
                _stats.AddEnergy(EnergySubsystem.LocalMemory, cls, bytes * 8.0 * e.LocalMemoryPjPerBit);
                break;
            }
            case "tr":
            {
                var shape = Reg(op, "shape");
                long bytes = (shape >> 16) * (shape & 0xFFFF) * ElemBytes(op), dst = Reg(op, "dst"), src = Reg(op, "src");
                reads[nr++] = (LocalSpace, src, src + bytes);
                writes[nw++] = (LocalSpace, dst, dst + bytes);
                occCycles = Math.Max(MachineModel.CeilDiv(bytes, t.Sram.TransposeBytesPerCycle), MachineModel.CeilDiv(2 * bytes, lm));
                _stats.AddEnergy(EnergySubsystem.LocalMemory, cls, bytes * 16.0 * e.LocalMemoryPjPerBit);
                _stats.AddEnergy(EnergySubsystem.SramCompute, cls, bytes / (double)t.ElementBytes * e.VcuOpPj);
                break;
            }
            case "mv" or "mv.2d":
            {
                long bytes, dst = Reg(op, "dst"), src = Reg(op, "src"), dspan, sspan;
                if (spec.Mnemonic == "mv") { bytes = Reg(op, "bytes"); dspan = sspan = bytes; }
                else
                {
                    var shape = Reg(op, "shape");
                    var stride = Reg(op, "stride");
                    long rows = shape >> 16, rowBytes = shape & 0xFFFF, ds = stride >> 16, ss = stride & 0xFFFF;
                    bytes = rows * rowBytes;
                    dspan = rows == 0 ? 0 : (rows - 1) * ds + rowBytes;
                    sspan = rows == 0 ? 0 : (rows - 1) * ss + rowBytes;
                }
                reads[nr++] = (LocalSpace, src, src + sspan);
                writes[nw++] = (LocalSpace, dst, dst + dspan);
                occCycles = Math.Max(MachineModel.CeilDiv(bytes, t.Sram.TransferBytesPerCycle), MachineModel.CeilDiv(2 * bytes, lm));
                _stats.AddEnergy(EnergySubsystem.LocalMemory, cls, bytes * 16.0 * e.LocalMemoryPjPerBit);
                break;
            }
            case "hbm.ld" or "hbm.st" or "hbm.pf":
            {
                var store = spec.Mnemonic == "hbm.st";
                long bytes = Reg(op, "bytes"), chan = Reg(op, "chan");
                var local = store ? Reg(op, "src") : Reg(op, "dst");
                if (store) reads[nr++] = (LocalSpace, local, local + bytes);
                else writes[nw++] = (LocalSpace, local, local + bytes);
                occCycles = 0;
                occPs = (long)Math.Ceiling(bytes / _m.InterfaceBytesPerPs);
                var portPs = (long)Math.Ceiling(bytes / _m.ChannelBytesPerPs);
                latPs = Math.Max(occPs, portPs) + _m.HbmAccessLatencyPs;
                var chKey = (int)chan;
                var portFree = _portFree.GetValueOrDefault(chKey);
                var bits = bytes * 8.0;
                _stats.Add(Counter.CoreHbmBytes, bytes);
                _stats.Add(Counter.HbmExternalBytes, bytes);
                var activates = Math.Ceiling(bytes / (double)t.Hbm.Organization.PageBytes);
                _stats.Add(Counter.DramActivates, activates);
                _stats.AddEnergy(EnergySubsystem.DramArray, cls, bits * e.HbmCellAccessPjPerBit + activates * e.ActivatePj);
                _stats.AddEnergy(EnergySubsystem.DramIo, cls, bits * (e.ColumnOffDiePjPerBit - e.HbmCellAccessPjPerBit));
                _stats.AddEnergy(EnergySubsystem.LocalMemory, cls, bits * e.LocalMemoryPjPerBit);
                var rec = Schedule(op, unit, 0, occPs, latPs, reads[..nr], writes[..nw], portFree, out var start);
                _portFree[chKey] = start + portPs;
                if (spec.Mnemonic == "hbm.pf")
                {
                    var tag = (int)op["tag"];
                    _tagReady[tag] = _log[rec].EndPs;
                    _tagRec[tag] = rec;
                }
                Next();
                return;
            }
            case "noc.send":
            {
                long bytes = Reg(op, "bytes"), src = Reg(op, "src"), dst = Reg(op, "core");
                reads[nr++] = (LocalSpace, src, src + bytes);
                occCycles = MachineModel.CeilDiv(bytes, t.Noc.LinkBytesPerCycle);
                var hops = _m.Hops(_core, (int)dst);
                _stats.Add(Counter.NocBytes, bytes);
                _stats.AddEnergy(EnergySubsystem.Noc, cls, bytes * 8.0 * Math.Max(1, hops) * e.NocHopPjPerBit);
                _stats.AddEnergy(EnergySubsystem.LocalMemory, cls, bytes * 8.0 * e.LocalMemoryPjPerBit);
                var rec = Schedule(op, unit, occCycles, -1, -1, reads[..nr], writes[..0], 0, out var start);
                var arrival = start + _m.Cycles(occCycles + (long)hops * t.Noc.HopLatencyCycles);
                _hub.Send(_core, (int)dst, start, arrival, rec);
                Next();
                return;
            }
            default:
                if (unit != U.Vcu) throw new InvalidOperationException($"no timing model for '{spec.Mnemonic}'");
                Vcu(op, reads, writes, ref nr, ref nw, out occCycles, out latCycles, out lmBits);
                break;
        }
        Schedule(op, unit, occCycles, occPs, latPs < 0 && latCycles > 0 ? _m.Cycles(latCycles) : latPs, reads[..nr], writes[..nw], 0, out _);
        Next();
    }

    private void Vcu(Op op, Span<(int, long, long)> reads, Span<(int, long, long)> writes, ref int nr, ref int nw,
        out long occCycles, out long latCycles, out double lmBits)
    {
        var t = _m.Target;
        var spec = op.Spec;
        long eb = ElemBytes(op), len = Reg(op, "len");
        long dst = Reg(op, "dst");
        long readBytes = 0, writeBytes;
        var names = spec.Operands;
        void In(string name, long bytes, Span<(int, long, long)> r, ref int n)
        {
            var a = _reg[op[name]];
            r[n++] = (LocalSpace, a, a + bytes);
        }
        switch (spec.Format.Name)
        {
            case "R4D" when spec.Mnemonic is "vdot":
                In("a", len * eb, reads, ref nr); In("b", len * eb, reads, ref nr); readBytes = 2 * len * eb; writeBytes = eb; break;
            case "R4D" when names[2].Name == "s":
                In("a", len * eb, reads, ref nr); In("s", eb, reads, ref nr); readBytes = len * eb + eb; writeBytes = len * eb; break;
            case "R4D":
                In("a", len * eb, reads, ref nr); In("b", len * eb, reads, ref nr); readBytes = 2 * len * eb; writeBytes = len * eb; break;
            default: // R3D: unary, fill, reductions
                if (names[1].Name == "s") { In("s", eb, reads, ref nr); readBytes = eb; }
                else { In("src", len * eb, reads, ref nr); readBytes = len * eb; }
                writeBytes = spec.Timing == TimingClass.VcuReduction ? eb : len * eb;
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
        _stats.AddEnergy(EnergySubsystem.SramCompute, Class, len * t.Energy.VcuOpPj);
        _stats.AddEnergy(EnergySubsystem.LocalMemory, Class, lmBits * t.Energy.LocalMemoryPjPerBit);
    }

    private void Config(Op op)
    {
        // TCU shape/stride registers are latched at dispatch (shadowed per instruction), so they cost an issue slot only.
        var pred = _dispatchRec;
        foreach (var f in op.Spec.Operands)
            if (f.Kind == FieldKind.Register) Need((int)op[f.Name], ref _dispatch, ref pred);
        var rec = Record(U.Tcu, _dispatch, _dispatch + _m.CyclePs, pred, 0);
        _dispatchRec = rec;
        _stats.AddEnergy(EnergySubsystem.SramCompute, Class, _m.Target.Energy.ScuOpPj);
        StartWindow(_dispatch);
        _dispatch += _m.CyclePs;
        _pc++;
    }

    /// <summary>
    /// Starts a data-path instruction at the earliest time its operands, unit, memory ranges and (for loads) HBM
    /// port allow; returns its activity record.
    /// </summary>
    private int Schedule(Op op, U unit, long occCycles, long occPs, long latPs,
        ReadOnlySpan<(int Space, long Lo, long Hi)> reads, ReadOnlySpan<(int Space, long Lo, long Hi)> writes, long extraReady, out long start)
    {
        start = _dispatch;
        var pred = _dispatchRec;
        foreach (var f in op.Spec.Operands)
            if (f.Kind == FieldKind.Register) Need((int)op[f.Name], ref start, ref pred);
        if (_unitFree[(int)unit] > start) { start = _unitFree[(int)unit]; pred = _unitRec[(int)unit]; }
        if (extraReady > start) { start = extraReady; pred = _unitRec[(int)unit]; }
        var memReady = ReadyFor(reads, writes, out var memPred);
        if (memReady > start) { start = memReady; pred = memPred; }
        var occ = occPs >= 0 ? occPs : _m.Cycles(occCycles);
        var lat = latPs >= 0 ? latPs : occ;
        var end = start + Math.Max(lat, occ);
        var rec = Record(unit, start, end, pred, occ);
        _unitFree[(int)unit] = start + Math.Max(occ, _m.CyclePs);
        _unitRec[(int)unit] = rec;
        foreach (var r in reads) if (r.Hi > r.Lo) _inflight.Add(new Access(r.Space, r.Lo, r.Hi, false, start + occ, rec));
        foreach (var w in writes) if (w.Hi > w.Lo) _inflight.Add(new Access(w.Space, w.Lo, w.Hi, true, end, rec));
        if (end > _drain) { _drain = end; _drainRec = rec; }
        StartWindow(start);
        _dispatchRec = rec;
        _dispatch += _m.CyclePs;
        return rec;
    }

    /// <summary>Earliest time the ranges may be read (after overlapping writes) and written (after overlapping reads and writes).</summary>
    private long ReadyFor(ReadOnlySpan<(int Space, long Lo, long Hi)> reads, ReadOnlySpan<(int Space, long Lo, long Hi)> writes, out int pred)
    {
        long ready = 0;
        pred = -1;
        if (_inflight.Count > 64) _inflight.RemoveAll(a => a.ReadyPs <= _dispatch);
        foreach (var a in _inflight)
        {
            if (a.ReadyPs <= ready) continue;
            var hit = false;
            if (a.Write)
                foreach (var r in reads)
                    if (r.Space == a.Space && r.Lo < a.Hi && a.Lo < r.Hi) { hit = true; break; }
            if (!hit)
                foreach (var w in writes)
                    if (w.Space == a.Space && w.Lo < a.Hi && a.Lo < w.Hi) { hit = true; break; }
            if (hit) { ready = a.ReadyPs; pred = a.Record; }
        }
        return ready;
    }

    // ---- synchronisation completions ---------------------------------------------------------------------------

    private void CompleteSync(Op op, long now, int releasedBy)
    {
        var at = Math.Max(Align(now), _dispatch);
        var rec = Record(U.Control, at, at, releasedBy >= 0 ? releasedBy : _dispatchRec, 0);
        StartWindow(at);
        _dispatch = at + _m.CyclePs;
        _dispatchRec = rec;
        _pc++;
    }

    private void CompleteReceive(Op op, long now, long arrival, int sendRec)
    {
        var bytes = Reg(op, "bytes");
        var dst = Reg(op, "dst");
        var start = Math.Max(Align(now), _dispatch);
        var end = Math.Max(start, arrival);
        var rec = Record(U.Noc, start, end, arrival > start ? sendRec : _dispatchRec, 0);
        _inflight.Add(new Access(LocalSpace, dst, dst + bytes, true, end, rec));
        if (end > _drain) { _drain = end; _drainRec = rec; }
        _stats.AddEnergy(EnergySubsystem.LocalMemory, Class, bytes * 8.0 * _m.Target.Energy.LocalMemoryPjPerBit);
        StartWindow(start);
        _dispatch = start + _m.CyclePs;
        _dispatchRec = rec;
        _pc++;
    }

    private (long Read, long Write) CollectiveBytes(Op op, out int members)
    {
        var mask = Reg(op, "group");
        members = BitOperations.PopCount((ulong)mask);
        if (op.Spec.Mnemonic == "noc.ag")
        {
            var bytes = Reg(op, "bytes");
            return (bytes, bytes * members);
        }
        var len = Reg(op, "len") * ElemBytes(op);
        return (len, len);
    }

    private ((int, long, long)[] Reads, (int, long, long)[] Writes) CollectiveRanges(Op op)
    {
        var (r, w) = CollectiveBytes(op, out _);
        long src = Reg(op, "src"), dst = Reg(op, "dst");
        return ([(LocalSpace, src, src + r)], [(LocalSpace, dst, dst + w)]);
    }

    private void CompleteCollective(Op op, long now, int releasedBy)
    {
        var t = _m.Target;
        var mask = Reg(op, "group");
        var (readBytes, writeBytes) = CollectiveBytes(op, out var members);
        // Ring algorithms: all-gather in P-1 steps of one block; all-reduce as reduce-scatter + all-gather, 2(P-1)
        // steps of 1/P of the vector each.
        long cycles = op.Spec.Mnemonic == "noc.ag"
            ? _m.RingCollectiveCycles(mask, members - 1, readBytes)
            : _m.RingCollectiveCycles(mask, 2 * (members - 1), MachineModel.CeilDiv(readBytes, Math.Max(1, members)));
        var start = Math.Max(Align(now), _dispatch);
        var end = start + _m.Cycles(cycles);
        var rec = Record(U.Noc, start, end, releasedBy >= 0 ? releasedBy : _dispatchRec, end - start);
        var (_, writes) = CollectiveRanges(op);
        _inflight.Add(new Access(LocalSpace, writes[0].Item2, writes[0].Item3, true, end, rec));
        _unitFree[(int)U.Noc] = Math.Max(_unitFree[(int)U.Noc], end);
        _unitRec[(int)U.Noc] = rec;
        if (end > _drain) { _drain = end; _drainRec = rec; }
        var moved = op.Spec.Mnemonic == "noc.ag" ? writeBytes - readBytes : 2 * readBytes * (members - 1) / Math.Max(1, members);
        _stats.Add(Counter.NocBytes, moved);
        _stats.AddEnergy(EnergySubsystem.Noc, Class, moved * 8.0 * t.Energy.NocHopPjPerBit);
        if (op.Spec.Mnemonic == "noc.ar") _stats.AddEnergy(EnergySubsystem.SramCompute, Class, Reg(op, "len") * t.Energy.VcuOpPj);
        StartWindow(start);
        _dispatch = start + _m.CyclePs;
        _dispatchRec = rec;
        _pc++;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private WorkClass Class => _debug.Class(_pc);

    private static long ElemBytes(Op op) => op["dt"] == 2 ? 4 : 2;

    private int Record(U unit, long start, long end, int pred, long busyPs)
    {
        _stats.Add(Counter.Instructions, 1);
        if (busyPs > 0) _stats.AddBusy(unit, Class, busyPs);
        return _log.Add(new ActivityRecord(start, end, pred, _core * 16 + (int)unit, Class, _debug.Name(_pc) ?? _ops[_pc].Spec.Mnemonic));
    }

    /// <summary>First core clock edge at or after <paramref name="ps"/> (wake-ups from HBM time land between edges).</summary>
    private long Align(long ps) => (ps + _m.CyclePs - 1) / _m.CyclePs * _m.CyclePs;

    private void StartWindow(long start) => _windowStart[(int)(_executed % _windowStart.Length)] = start;

    private void Next() => _pc++;

    private bool Yield(long now, long at)
    {
        if (at <= now) return false;
        _block = Block.Yield;
        _hub.Wake(this, at, -1);
        return true;
    }

    private void Blocked(Block b, string what)
    {
        _block = b;
        _blockedOn = what;
    }

    private PimccError Error(string message, string hint) =>
        new(ExitCode.InvalidBinary, $"core {_core} word {_pc}", message, hint);
}
