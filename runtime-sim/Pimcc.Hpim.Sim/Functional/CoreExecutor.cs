using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using System.Buffers.Binary;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Sram;

namespace Pimcc.Hpim.Sim.Functional;

/// <summary>
/// Executes one SRAM-PIM core's instruction stream on values (docs/isa.md semantics): 32 scalar registers
/// (<c>r0</c> reads as zero), local memory and PIM macros of <see cref="FunctionalMachine"/>, the TCU's latched
/// shape and leading dimensions. Float work is FP32 (dot products and reductions accumulate in FP32 in index
/// order; transcendentals in double), rounded to the instruction's dtype on store, as the reference interpreter does.
/// Runs until it blocks (event, barrier, message, collective, prefetch) or halts.
/// </summary>
internal sealed class CoreExecutor : IFunctionalAgent
{
    private readonly int _core;
    private readonly IReadOnlyList<Op> _ins;
    private readonly StreamDebugMap _debug;
    private readonly FunctionalMachine _m;
    private readonly FunctionalSync _sync;
    private readonly bool _prefetchAtWait;
    private readonly uint[] _r = new uint[32];
    private readonly List<(int Tag, Action Copy)> _prefetches = [];
    private readonly long _maxInstructions;
    private int _pc;
    private long _tm, _tn, _tk, _lda, _ldb, _ldc;
    private Collective? _collective;
    private (int Id, long Generation)? _barrier;

    public CoreExecutor(int core, IReadOnlyList<Op> ins, int entry, StreamDebugMap debug, FunctionalMachine m, FunctionalSync sync,
        ProgramRegisters regs, uint token, bool prefetchAtWait, long maxInstructions)
    {
        _maxInstructions = maxInstructions;
        _core = core;
        _ins = ins;
        _pc = entry;
        _debug = debug;
        _m = m;
        _sync = sync;
        _prefetchAtWait = prefetchAtWait;
        _r[HpimAbi.Token] = token;
        _r[HpimAbi.Prompt] = regs.PromptLength;
        _r[HpimAbi.Step] = regs.Step;
        _r[HpimAbi.Kv] = regs.Kv;
    }

    public string Name => $"core{_core}";
    public bool Done { get; private set; }
    public string? BlockedOn { get; private set; }
    public long Executed { get; private set; }

    private byte[] Local => _m.Local[_core];

    public bool Run()
    {
        var progressed = false;
        BlockedOn = null;
        while (!Done)
        {
            if (_pc < 0 || _pc >= _ins.Count)
                throw Fault($"ran off the end of the stream ({_ins.Count} words) without halt", "end every core program with halt");
            var op = _ins[_pc];
            if (!Step(op)) return progressed;
            progressed = true;
            if (++Executed > _maxInstructions)
                throw Fault(InstructionBudget.Explain(_maxInstructions), "check the loop counters (the li before each loop) and backward jumps");
        }
        return progressed;
    }

    /// <summary>Executes one instruction; false when it blocks (nothing changed).</summary>
    private bool Step(Op op)
    {
        // The table's action column says what the word does; the arithmetic is the table's (ArithmeticSemantics).
        var spec = op.Spec;
        switch (spec.Action)
        {
            case OpAction.Nop: break;
            case OpAction.Halt:
                foreach (var (_, copy) in _prefetches) copy();
                _prefetches.Clear();
                Done = true;
                return true;
            case OpAction.Jump: _pc += (int)op["target"]; return true;
            case OpAction.Branch:
            {
                var taken = ArithmeticSemantics.Compare(spec.Function, (int)_r[op["a"]], (int)_r[op["b"]]);
                _pc += taken ? (int)op["target"] : 1;
                return true;
            }
            case OpAction.Loop:
            {
                var c = (int)op["counter"];
                Set(c, _r[c] - 1);
                _pc += _r[c] != 0 ? (int)op["target"] : 1;
                return true;
            }
            case OpAction.LoadImmediateLow: Set((int)op["rd"], (uint)op["imm"]); break;
            case OpAction.LoadImmediateHigh: Set((int)op["rd"], ArithmeticSemantics.LoadHigh(_r[op["rd"]], (uint)op["imm"])); break;
            case OpAction.ScalarImmediate: Set((int)op["rd"], ArithmeticSemantics.Integer(spec.Function, _r[op["rs"]], (uint)op["imm"])); break;
            case OpAction.ScalarRegister: Set((int)op["rd"], ArithmeticSemantics.Integer(spec.Function, _r[op["rs"]], _r[op["rt"]])); break;
            case OpAction.LoadWord: Set((int)op["rd"], BinaryPrimitives.ReadUInt32LittleEndian(L(R(op, "addr"), 4))); break;
            case OpAction.StoreWord: BinaryPrimitives.WriteUInt32LittleEndian(L(R(op, "addr"), 4), _r[op["rs"]]); break;
            case OpAction.MacroLoad:
            {
                var bytes = R(op, "bytes");
                L(R(op, "src"), bytes).CopyTo(Macro(R(op, "macro"), bytes));
                break;
            }
            case OpAction.Gemv: PimGemv(op); break;
            case OpAction.TcuShape: (_tm, _tn, _tk) = (R(op, "m"), R(op, "n"), R(op, "k")); break;
            case OpAction.TcuLeadingDimensions: (_lda, _ldb, _ldc) = (R(op, "lda"), R(op, "ldb"), R(op, "ldc")); break;
            case OpAction.Gemm: TcuGemm(op); break;
            case OpAction.Transpose: Transpose(op); break;
            case OpAction.Move:
            {
                var bytes = R(op, "bytes");
                L(R(op, "src"), bytes).CopyTo(L(R(op, "dst"), bytes));
                break;
            }
            case OpAction.Move2d: Move2D(op); break;
            case OpAction.HbmLoad or OpAction.HbmPrefetch:
            {
                long dst = R(op, "dst"), addr = R(op, "addr"), bytes = R(op, "bytes");
                var chan = CheckHbm(R(op, "chan"), addr, bytes);
                L(dst, bytes);
                void Copy() => _m.Hbm[chan].Read(addr, Local.AsSpan((int)dst, (int)bytes));
                if (spec.Action == OpAction.HbmPrefetch && _prefetchAtWait) _prefetches.Add(((int)op["tag"], Copy));
                else Copy();
                break;
            }
            case OpAction.HbmPrefetchWait:
            {
                var tag = (int)op["tag"];
                foreach (var (_, copy) in _prefetches.Where(p => p.Tag == tag)) copy();
                _prefetches.RemoveAll(p => p.Tag == tag);
                break;
            }
            case OpAction.HbmStore:
            {
                long addr = R(op, "addr"), bytes = R(op, "bytes");
                var chan = CheckHbm(R(op, "chan"), addr, bytes);
                _m.Hbm[chan].Write(addr, L(R(op, "src"), bytes));
                break;
            }
            case OpAction.NocSend:
            {
                var to = CheckCore(R(op, "core"));
                _sync.Send(_core, to, L(R(op, "src"), R(op, "bytes")).ToArray());
                break;
            }
            case OpAction.NocReceive:
            {
                var from = CheckCore(R(op, "core"));
                var bytes = R(op, "bytes");
                var dst = L(R(op, "dst"), bytes);
                var msg = _sync.TryReceive(from, _core);
                if (msg is null) return Block($"noc.recv from core {from}");
                if (msg.Length != bytes)
                    throw Fault($"noc.recv of {bytes} bytes got a message of {msg.Length} bytes from core {from}", "send and receive the same size");
                msg.CopyTo(dst);
                break;
            }
            case OpAction.AllGather or OpAction.AllReduce:
                if (!CollectiveStep(op)) return false;
                break;
            case OpAction.EventSignal: _sync.Signal((int)op["event"], op["count"]); break;
            case OpAction.EventWait:
                if (!_sync.TryWait((int)op["event"], op["count"])) return Block($"event {op["event"]} >= {op["count"]}");
                break;
            case OpAction.Barrier:
            {
                int id = (int)op["barrier"];
                if (_barrier is null)
                {
                    var gen = _sync.Arrive(id, op["cores"]) ?? throw Fault($"bar {id} with {op["cores"]} cores while other cores wait for a different count",
                        "every core of a barrier must name the same core count");
                    _barrier = (id, gen);
                }
                if (!_sync.Passed(id, _barrier.Value.Generation)) return Block($"barrier {id} ({op["cores"]} cores)");
                _barrier = null;
                break;
            }
            case OpAction.VectorBinary or OpAction.VectorScalar or OpAction.VectorUnary or OpAction.VectorFill or OpAction.VectorReduce
                or OpAction.VectorDot:
                Vcu(op);
                break;
            default:
                throw Fault($"'{op.Spec.Mnemonic}' has no functional semantics", "report this: every instruction of the table needs one");
        }
        _pc++;
        return true;
    }

    private bool Block(string what)
    {
        BlockedOn = what;
        return false;
    }

    private void Set(int r, uint v)
    {
        if (r != 0) _r[r] = v;
    }

    private long R(Op op, string name) => _r[op[name]];

    // ---- memory access with range checks --------------------------------------------------------------------

    private Span<byte> L(long address, long bytes)
    {
        if (address < 0 || bytes < 0 || address + bytes > Local.Length)
            throw Fault($"local memory access [{address}, {address + bytes}) outside the {Local.Length}-byte local memory", "check the address and size registers");
        return Local.AsSpan((int)address, (int)bytes);
    }

    private Span<byte> Macro(long slot, long bytes)
    {
        var pu = _m.Target.Sram.PimUnit;
        var lin = SramLayout.MacroByte(slot, pu.MacrosPerGroup * pu.MacroBytes);
        if (SramLayout.High(slot) >= pu.MacroGroups || lin + bytes > _m.Macros[_core].Length)
            throw Fault($"PIM macro access at slot 0x{slot:X} (+{bytes} bytes) outside the {_m.Macros[_core].Length}-byte macros", "macro slots are MG index << 16 | byte offset");
        return _m.Macros[_core].AsSpan((int)lin, (int)bytes);
    }

    private int CheckHbm(long chan, long addr, long bytes)
    {
        if (chan < 0 || chan >= _m.Hbm.Length)
            throw Fault($"HBM channel {chan} does not exist ({_m.Hbm.Length} channels)", "check the channel register");
        if (addr < 0 || bytes < 0 || addr + bytes > _m.Hbm[chan].CapacityBytes)
            throw Fault($"HBM access [{addr}, {addr + bytes}) outside channel {chan}'s {_m.Hbm[chan].CapacityBytes} bytes", "check the address register");
        return (int)chan;
    }

    private int CheckCore(long core) => core >= 0 && core < _m.Local.Length ? (int)core
        : throw Fault($"core {core} does not exist ({_m.Local.Length} cores)", "check the core register");

    private float[] Read(long address, long n, long dt)
    {
        var eb = ElementCodec.Bytes(dt);
        var src = L(address, n * eb);
        var v = new float[n];
        for (var i = 0; i < n; i++) v[i] = ElementCodec.Read(src[(i * eb)..], dt);
        return v;
    }

    private void Write(long address, ReadOnlySpan<float> v, long dt)
    {
        var eb = ElementCodec.Bytes(dt);
        var dst = L(address, v.Length * eb);
        for (var i = 0; i < v.Length; i++) ElementCodec.Write(dst[(i * eb)..], dt, v[i]);
    }

    // ---- compute units ---------------------------------------------------------------------------------------

    /// <summary>y (+)= M v, M row-major [rows, cols] at the macro slot; FP32 dot products in column order.</summary>
    private void PimGemv(Op op)
    {
        var shape = R(op, "shape");
        long rows = SramLayout.High(shape), cols = SramLayout.Low(shape), dt = op["dt"];
        var eb = ElementCodec.Bytes(dt);
        var v = Read(R(op, "src"), cols, dt);
        var mat = Macro(R(op, "macro"), rows * cols * eb);
        var dst = R(op, "dst");
        var y = op["acc"] == 1 ? Read(dst, rows, dt) : new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var s = 0f;
            for (var c = 0; c < cols; c++) s += ElementCodec.Read(mat[(int)((i * cols + c) * eb)..], dt) * v[c];
            y[i] += s;
        }
        Write(dst, y, dt);
    }

    /// <summary>C[m, n] (+)= A[m, k] B[k, n] with the latched shape and leading dimensions (0 = dense).</summary>
    private void TcuGemm(Op op)
    {
        long m = _tm, n = _tn, k = _tk, dt = op["dt"];
        if (m == 0 || n == 0 || k == 0) return;
        long lda = _lda == 0 ? k : _lda, ldb = _ldb == 0 ? n : _ldb, ldc = _ldc == 0 ? n : _ldc;
        var eb = ElementCodec.Bytes(dt);
        long a = R(op, "a"), b = R(op, "b"), c = R(op, "c");
        var acc = op["acc"] == 1;
        var A = Read(a, (m - 1) * lda + k, dt);
        var B = Read(b, (k - 1) * ldb + n, dt);
        var C = Read(c, (m - 1) * ldc + n, dt);
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                var s = 0f;
                for (var p = 0; p < k; p++) s += A[i * lda + p] * B[p * ldb + j];
                C[i * ldc + j] = (acc ? C[i * ldc + j] : 0f) + s;
            }
        // Only the m x n tile is stored; the gaps between rows (ldc > n) keep their bytes.
        var dst = L(c, ((m - 1) * ldc + n) * eb);
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
                ElementCodec.Write(dst[(int)((i * ldc + j) * eb)..], dt, C[i * ldc + j]);
    }

    private void Transpose(Op op)
    {
        var shape = R(op, "shape");
        long rows = SramLayout.High(shape), cols = SramLayout.Low(shape), dt = op["dt"];
        var eb = ElementCodec.Bytes(dt);
        var src = L(R(op, "src"), rows * cols * eb).ToArray();
        var dst = L(R(op, "dst"), rows * cols * eb);
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
                src.AsSpan((int)((r * cols + c) * eb), eb).CopyTo(dst[(int)((c * rows + r) * eb)..]);
    }

    private void Move2D(Op op)
    {
        long shape = R(op, "shape"), stride = R(op, "stride");
        long rows = SramLayout.High(shape), rowBytes = SramLayout.Low(shape), ds = SramLayout.High(stride), ss = SramLayout.Low(stride);
        if (rows == 0) return;
        long src = R(op, "src"), dst = R(op, "dst");
        var copy = L(src, (rows - 1) * ss + rowBytes).ToArray();
        L(dst, (rows - 1) * ds + rowBytes);
        for (var r = 0; r < rows; r++)
            copy.AsSpan((int)(r * ss), (int)rowBytes).CopyTo(Local.AsSpan((int)(dst + r * ds)));
    }

    private void Vcu(Op op)
    {
        var f = op.Spec.Function;
        long dt = op["dt"], len = R(op, "len"), dst = R(op, "dst");
        switch (op.Spec.Action)
        {
            case OpAction.VectorBinary:
            {
                var a = Read(R(op, "a"), len, dt);
                var b = Read(R(op, "b"), len, dt);
                for (var i = 0; i < len; i++) a[i] = ArithmeticSemantics.Binary(f, a[i], b[i]);
                Write(dst, a, dt);
                return;
            }
            case OpAction.VectorScalar:
            {
                var a = Read(R(op, "a"), len, dt);
                var s = Read(R(op, "s"), 1, dt)[0];
                for (var i = 0; i < len; i++) a[i] = ArithmeticSemantics.Binary(f, a[i], s);
                Write(dst, a, dt);
                return;
            }
            case OpAction.VectorFill:
            {
                var s = Read(R(op, "s"), 1, dt)[0];
                var v = new float[len];
                Array.Fill(v, s);
                Write(dst, v, dt);
                return;
            }
            case OpAction.VectorReduce:
            {
                var x = Read(R(op, "src"), len, dt);
                var acc = ArithmeticSemantics.Identity(f);
                foreach (var e in x) acc = ArithmeticSemantics.Binary(f, acc, e);
                Write(dst, [acc], dt);
                return;
            }
            case OpAction.VectorDot:
            {
                var a = Read(R(op, "a"), len, dt);
                var b = Read(R(op, "b"), len, dt);
                var acc = 0f;
                for (var i = 0; i < len; i++) acc += a[i] * b[i];
                Write(dst, [acc], dt);
                return;
            }
            default:
            {
                var x = Read(R(op, "src"), len, dt);
                for (var i = 0; i < len; i++) x[i] = ArithmeticSemantics.Unary(f, x[i]);
                Write(dst, x, dt);
                return;
            }
        }
    }

    // ---- collectives -----------------------------------------------------------------------------------------

    private bool CollectiveStep(Op op)
    {
        if (_collective is null)
        {
            var mask = (uint)R(op, "group");
            if ((mask & (1u << _core)) == 0)
                throw Fault($"{op.Spec.Mnemonic} over cores 0x{mask:X} does not include this core", "the group mask must contain the issuing core");
            long size, redOp = 0, dt = 0, srcBytes;
            if (op.Spec.Action == OpAction.AllGather) srcBytes = size = R(op, "bytes");
            else
            {
                size = R(op, "len");
                redOp = op["op"];
                dt = op["dt"];
                srcBytes = size * ElementCodec.Bytes(dt);
            }
            var arrival = new CollectiveArrival(_core, _pc, R(op, "dst"), L(R(op, "src"), srcBytes).ToArray(), size, redOp, dt);
            _collective = _sync.Join(op.Spec, mask, arrival);
            if (_collective.Full) Complete(_collective);
        }
        if (!_collective.Complete) return Block($"{op.Spec.Mnemonic} over cores 0x{_collective.Mask:X}");
        _collective = null;
        return true;
    }

    /// <summary>The last member to arrive computes the collective for every member (core order = rank order).</summary>
    private void Complete(Collective c)
    {
        var members = c.Members.Values.ToList();
        var first = members[0];
        if (members.Any(a => a.Size != first.Size || a.RedOp != first.RedOp || a.Dtype != first.Dtype))
            throw Fault($"{c.Op} over cores 0x{c.Mask:X}: members disagree on size, operator or dtype", "every member must issue the same collective");
        byte[] result;
        if (c.Action == OpAction.AllGather)
            result = members.SelectMany(a => a.Src).ToArray();
        else
        {
            var eb = ElementCodec.Bytes(first.Dtype);
            result = new byte[first.Size * eb];
            for (var i = 0; i < first.Size; i++)
            {
                var acc = ElementCodec.Read(members[0].Src.AsSpan(i * eb), first.Dtype);
                foreach (var a in members.Skip(1))
                {
                    var v = ElementCodec.Read(a.Src.AsSpan(i * eb), first.Dtype);
                    acc = ArithmeticSemantics.Binary(SramFormats.ReduceFunctions[(int)first.RedOp], acc, v);
                }
                ElementCodec.Write(result.AsSpan(i * eb), first.Dtype, acc);
            }
        }
        foreach (var a in members)
        {
            var local = _m.Local[a.Core];
            if (a.Dst < 0 || a.Dst + result.Length > local.Length)
                throw Fault($"{c.Op} result [{a.Dst}, {a.Dst + result.Length}) of core {a.Core} outside local memory", "check the destination register");
            result.CopyTo(local, a.Dst);
        }
        c.Complete = true;
    }

    private PimccError Fault(string message, string hint) =>
        FunctionalFault.At($"core{_core}", _pc, _pc >= 0 && _pc < _ins.Count ? _debug.Name(_pc) : null, message, hint);
}
