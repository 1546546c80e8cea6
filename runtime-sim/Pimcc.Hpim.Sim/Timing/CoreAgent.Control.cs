using Pimcc.Sim;
using Pimcc.Isa.Encoding;
using U = Pimcc.Isa.Encoding.Unit;

namespace Pimcc.Hpim.Sim.Timing;

/// <summary>
/// The core's scalar and branch words (three quarters of a prefill's words are scalar address arithmetic), run as a
/// block: a stretch of consecutive scalar and branch words is executed in one loop with the core's state (program
/// counter, dispatch and drain times, scoreboard window, SCU) in locals, written back when the stretch ends. Each word
/// does exactly what it does one at a time from <see cref="Run"/> (same records in the same order, same stats),
/// only without the per-word dispatch and field traffic.
/// <para>A word released by the previous word of the stretch takes over that word's path record
/// (<see cref="CriticalPath.Extend"/>) when nothing can use the previous record as a releaser again. Every later word
/// starts at or after the dispatch time that follows this word (dispatch never goes back), and the slots are read
/// only when their ready time is later than a start (the drain when it is at or after the dispatch), so the previous
/// record is dead once each slot holding it is overwritten by this word or ready by then: the dispatch slot (read
/// unconditionally, so it must be overwritten), the SCU, the register it wrote and the drain. The figures are those
/// of a new node: the same class times are added to the same values.</para>
/// </summary>
internal sealed partial class CoreAgent
{
    /// <summary>
    /// Executes the scalar or branch word at <see cref="_pc"/> (its dispatch preamble already done by
    /// <see cref="Run"/>) and the scalar and branch words after it, up to the first other word, the end of the
    /// stream or the instruction budget (all three left to <see cref="Run"/>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Control()
    {
        var words = _words;
        var reg = _reg;
        var regReady = _regReady;
        var regRec = _regRec;
        var window = _windowStart;
        var classes = _classes;
        var path = _path;
        long cycle = _cyclePs, latency = _scuLatencyPs, maxInstructions = _maxInstructions;
        var scuTrack = _core * 16 + (int)U.Scu;
        var controlTrack = _core * 16 + (int)U.Control;
        // The record handles stay in their fields: a sweep of the path store inside AddCounted asks this core
        // (MarkHeld) which handles it holds.
        int pc = _pc, windowSlot = _windowSlot;
        // The previous word's record in this stretch (0: none yet) and the register it wrote (0: none), for Extend.
        int prev = 0, prevReg = 0;
        long dispatch = _dispatch, drain = _drain, executed = _executed, scuFree = _unitFree[(int)U.Scu], instructions = _instructions;
        // The SCU's busy time and energy of a run of words of one class, added when the class changes and when the
        // stretch ends (AddScalarRun): the same cells get the same sums, only not through memory at every word.
        var runClass = classes[pc];
        long runWords = 0, runBusy = 0;
        while (true)
        {
            ref readonly var w = ref words[pc];
            var start = dispatch;
            var pred = _dispatchRec;
            var cls = classes[pc];
            instructions++;
            if (cls != runClass)
            {
                AddScalarRun(runClass, runWords, runBusy);
                (runClass, runWords, runBusy) = (cls, 0, 0);
            }
            runWords++;
            if (w.Kind == CoreKind.Scalar)
            {
                var rd = w.A;
                uint value;
                switch (w.Action)
                {
                    case OpAction.LoadImmediateLow: value = pc == _counterWord ? (uint)_counterValue : (uint)w.C; break;
                    case OpAction.LoadImmediateHigh:
                        if (regReady[rd] > start) { start = regReady[rd]; pred = regRec[rd]; }
                        value = ArithmeticSemantics.LoadHigh(reg[rd], (uint)w.C);
                        break;
                    case OpAction.ScalarImmediate:
                        if (regReady[w.B] > start) { start = regReady[w.B]; pred = regRec[w.B]; }
                        value = ArithmeticSemantics.Integer(w.Function, reg[w.B], (uint)w.C);
                        break;
                    // Timing runs hold no local-memory values: a loaded word (the prefill's token ids) reads as 0, as
                    // r27 does in decode (docs/hpim-abi.md); it only selects which embedding row is read.
                    case OpAction.LoadWord:
                        if (regReady[w.B] > start) { start = regReady[w.B]; pred = regRec[w.B]; }
                        value = 0;
                        break;
                    default:
                    {
                        int rs = w.B, rt = w.C;
                        if (regReady[rs] > start) { start = regReady[rs]; pred = regRec[rs]; }
                        if (regReady[rt] > start) { start = regReady[rt]; pred = regRec[rt]; }
                        value = ArithmeticSemantics.Integer(w.Function, reg[rs], reg[rt]);
                        break;
                    }
                }
                // Issue to the SCU once the operands are ready.
                if (scuFree > start) { start = scuFree; pred = _unitRec[(int)U.Scu]; }
                var end = start + latency;
                runBusy += latency;
                // The previous word's record is overwritten (Extend) when this word is released by it and no slot that
                // still holds it can be read again (see the class summary).
                var rec = pred == prev && prev != 0
                    && (start == dispatch || _dispatchRec != prev)
                    && (prevReg == 0 || prevReg == rd || regReady[prevReg] <= dispatch + cycle)
                    && (end > drain || _drainRec != prev || drain < dispatch + cycle)
                    ? path.Extend(prev, start, end, cls, scuTrack, _keepsLog ? LogName(pc) : null)
                    : path.AddCounted(start, end, path.Node(pred), cls, scuTrack, _keepsLog ? LogName(pc) : null);
                prev = rec;
                prevReg = rd;
                scuFree = start + cycle;
                _unitRec[(int)U.Scu] = rec;
                if (rd != 0) { reg[rd] = value; regReady[rd] = end; regRec[rd] = rec; }
                if (end > drain) { drain = end; _drainRec = rec; }
                window[windowSlot] = start;
                // The next dispatch slot is released by this instruction only if it started when it was dispatched;
                // one that waited for operands or its unit leaves the slot to the record that released its own dispatch.
                if (start == dispatch) _dispatchRec = rec;
                dispatch += cycle;
                pc++;
            }
            else
            {
                bool taken;
                var counter = -1;
                uint count = 0;
                switch (w.Action)
                {
                    case OpAction.Jump: taken = true; break;
                    case OpAction.Loop:
                        counter = w.A;
                        if (regReady[counter] > start) { start = regReady[counter]; pred = regRec[counter]; }
                        count = reg[counter] - 1;
                        taken = count != 0;
                        break;
                    default:
                    {
                        int a = w.A, b = w.B;
                        if (regReady[a] > start) { start = regReady[a]; pred = regRec[a]; }
                        if (regReady[b] > start) { start = regReady[b]; pred = regRec[b]; }
                        taken = ArithmeticSemantics.Compare(w.Function, (int)reg[a], (int)reg[b]);
                        break;
                    }
                }
                var next = start + cycle + (taken ? _takenPenaltyPs : 0);
                var rec = pred == prev && prev != 0
                    && (_unitRec[(int)U.Scu] != prev || scuFree <= next)
                    && (prevReg == 0 || prevReg == counter || regReady[prevReg] <= next)
                    && (_drainRec != prev || drain < next)
                    ? path.Extend(prev, start, start + cycle, cls, controlTrack, _keepsLog ? LogName(pc) : null)
                    : path.AddCounted(start, start + cycle, path.Node(pred), cls, controlTrack, _keepsLog ? LogName(pc) : null);
                prev = rec;
                prevReg = counter > 0 ? counter : 0;
                if (counter > 0) { reg[counter] = count; regReady[counter] = start + cycle; regRec[counter] = rec; }
                // A taken branch refills the fetch/decode stages behind execute.
                dispatch = next;
                _dispatchRec = rec;
                window[windowSlot] = start;
                pc += taken ? w.C : 1;
            }
            if ((uint)pc >= (uint)words.Length || words[pc].Kind is not (CoreKind.Scalar or CoreKind.Branch) || executed >= maxInstructions)
                break;
            // The next word's dispatch preamble, as in Run.
            executed++;
            if (++windowSlot == window.Length) windowSlot = 0;
            if (window[windowSlot] > dispatch) dispatch = window[windowSlot];
        }
        AddScalarRun(runClass, runWords, runBusy);
        _pc = pc;
        (_stretchRec, _stretchReg, _stretchEndPc) = (prev, prevReg, pc);
        _windowSlot = windowSlot;
        _dispatch = dispatch;
        _drain = drain;
        _executed = executed;
        _unitFree[(int)U.Scu] = scuFree;
        _instructions = instructions;
    }

    /// <summary>
    /// The SCU busy time and scalar-op energy of <paramref name="words"/> consecutive words of class <paramref name="cls"/>
    /// whose SCU latencies sum to <paramref name="busyPs"/>. Busy times are whole picoseconds, so one addition of their
    /// sum gives the double the per-word additions gave; the energy is still added once per word, in order (nothing
    /// else adds to a core's cells while it runs a stretch).
    /// </summary>
    private void AddScalarRun(WorkClass cls, long words, long busyPs)
    {
        if (busyPs > 0) _stats.AddBusy(U.Scu, cls, busyPs);
        var cell = _scuEnergyBase + (int)cls;
        var pj = _scuOpPj;
        var v = _statValues[cell];
        for (var i = 0L; i < words; i++) v += pj;
        _statValues[cell] = v;
    }

    /// <summary>The activity-log name of word <paramref name="pc"/> (kept only for traces).</summary>
    private string LogName(int pc) => _debug.Name(pc) ?? _ops[pc].Spec.Mnemonic;
}
