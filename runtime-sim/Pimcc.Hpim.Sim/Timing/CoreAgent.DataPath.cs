using Pimcc.Isa.Encoding;
using Pimcc.Isa.Sram;
using U = Pimcc.Isa.Encoding.Unit;

namespace Pimcc.Hpim.Sim.Timing;

/// <summary>The core's data-path words (VCU, TCU, PIM macros, HBM transfers, configuration): their operands' local-memory ranges, the
/// scoreboard hazards against the ranges still in flight, and the unit they occupy (<see cref="Schedule"/>).</summary>
internal sealed partial class CoreAgent
{
    // SkipLocalsInit (here and on HbmTransfer): the stackalloc operand lists are written before they are read (sliced
    // to the count written), so the zeroing the runtime would add on every executed data-path word is pure cost.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    [System.Runtime.CompilerServices.SkipLocalsInit]
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

    /// <summary>
    /// hbm.ld, hbm.st and hbm.pf: the core's HBM interface for <see cref="HbmTransferCost.InterfacePs"/>, once the
    /// channel's port is free; a prefetch also sets its tag's ready time. The cost of a size is kept from the last
    /// transfer (<see cref="_transfer"/>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private void HbmTransfer(CoreKind kind)
    {
        var store = kind == CoreKind.HbmStore;
        long bytes = Reg(Opd.Bytes), chan = Reg(Opd.Chan);
        var local = store ? Reg(Opd.Src) : Reg(Opd.Dst);
        var cost = _transfer;
        if (cost is null || cost.Bytes != bytes) _transfer = cost = new HbmTransferCost(bytes, _m);
        Span<(int Space, long Lo, long Hi)> range = stackalloc (int, long, long)[1];
        range[0] = (LocalSpace, local, local + bytes);
        var chKey = (int)chan;
        var portFree = (uint)chKey < (uint)_portFree.Length ? _portFree[chKey] : _portFreeBeyond.GetValueOrDefault(chKey);
        cost.Charge(_stats, Class);
        var rec = Schedule(_ops[_pc].Spec.Unit, 0, cost.InterfacePs, cost.LatencyPs, store ? range : default, store ? default : range, portFree, out var start);
        if ((uint)chKey < (uint)_portFree.Length) _portFree[chKey] = start + cost.PortPs;
        else _portFreeBeyond[chKey] = start + cost.PortPs;
        if (kind == CoreKind.HbmPrefetch)
        {
            var tag = (int)Val(Opd.Tag);
            _tagReady[tag] = _path.Node(rec)!.EndPs;
            _tagRec[tag] = rec;
        }
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
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
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
}
