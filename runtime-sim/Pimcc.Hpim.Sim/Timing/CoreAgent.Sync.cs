using Pimcc.Sim;
using System.Numerics;
using Pimcc.Isa.Encoding;
using U = Pimcc.Isa.Encoding.Unit;

namespace Pimcc.Hpim.Sim.Timing;

/// <summary>How the core's synchronisation words complete once the hub releases them: event waits, barriers, NoC receives and
/// collectives.</summary>
internal sealed partial class CoreAgent
{
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
}
