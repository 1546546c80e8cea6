using Pimcc.Diagnostics;
using Pimcc.Pimllm.Isa;
using Pimcc.Sim;

namespace Pimcc.Pimllm.Sim;

/// <summary>
/// Runs one program of a pimllm binary on time: every stream executes its words in order, one at a time (the
/// controller's crossbar reads and post-processing, the array's products and softmax, each channel's transfers), each
/// word timed and charged by <see cref="PimllmCosts"/>, DMA words by their channel's <see cref="LpddrChannel"/>. Streams
/// meet only at event counters: <c>ev.sig</c> adds its count when it completes, <c>ev.wait</c> starts when the counter
/// holds its count (then takes it). Every counter has one producer stream and one consumer stream, so the order in which
/// waits are paid is the program's and the run is deterministic; a second producer or consumer is refused, and a run
/// in which every unfinished stream waits is a deadlock (both: <see cref="ExitCode.InvalidBinary"/>).
/// <para>Not modelled: contention for SRAM bandwidth between the streams (each unit's cost assumes its own ports).</para>
/// </summary>
public static class PimllmMachine
{
    // A step on the critical path: its span, class and part, and what the path before it owns (by class, then by
    // part). Each stream keeps its last step and updates it in place; a signal keeps a copy of its word's step.
    private sealed class Step(int size)
    {
        public long Start, End;
        public WorkClass Class;
        public PimllmPart Part;
        public readonly double[] Before = new double[size];

        /// <summary>The critical path up to this step's end, by class then by part (it sums to <see cref="End"/>).</summary>
        public double[] PathToEnd()
        {
            var p = (double[])Before.Clone();
            p[(int)Class] += End - Start;
            p[WorkClasses.Count + (int)Part] += End - Start;
            return p;
        }

        public Step Copy()
        {
            var c = new Step(Before.Length) { Start = Start, End = End, Class = Class, Part = Part };
            Before.CopyTo(c.Before, 0);
            return c;
        }

        // This step becomes the one after pred (this step itself, another stream's copy, or none): a gap after the
        // releaser's end is the new step's.
        public void Follow(long start, long end, WorkClass cls, PimllmPart part, Step? pred)
        {
            var b = Before;
            if (pred is null)
            {
                Array.Clear(b);
                b[(int)WorkClass.Other] = start;
                b[WorkClasses.Count + (int)PimllmPart.Control] = start;
            }
            else
            {
                if (pred != this) pred.Before.CopyTo(b, 0);
                var own = Math.Min(start, pred.End) - pred.Start;
                b[(int)pred.Class] += own;
                b[WorkClasses.Count + (int)pred.Part] += own;
                if (start > pred.End)
                {
                    b[(int)cls] += start - pred.End;
                    b[WorkClasses.Count + (int)part] += start - pred.End;
                }
            }
            (Start, End, Class, Part) = (start, end, cls, part);
        }
    }

    private sealed class Signal(long timePs, long count, Step record)
    {
        public readonly long TimePs = timePs;
        public long Left = count;
        public readonly Step Record = record;
    }

    // An event counter: its signals not yet paid, oldest first, the count they still hold, and the streams that
    // signal and await it (-1: none yet).
    private sealed class SignalQueue : Queue<Signal>
    {
        public long Available;
        public int Producer = -1, Consumer = -1;
    }

    /// <summary>Runs <paramref name="program"/> with its first token at <paramref name="position"/>. With a
    /// <paramref name="sampler"/>, every stream tells it where it enters each iteration of its <c>rep</c> and skips the
    /// iterations it says (the run's figures are then the stepped words' only: <see cref="PimllmIterationSampler.Complete"/>
    /// adds the skipped ones).</summary>
    public static PimllmRun Run(PimllmProgram program, PimllmTarget t, PimllmCosts costs, LpddrTransferTimes? times, long position, string fileName,
        PimllmIterationSampler? sampler = null)
    {
        var run = new PimllmRun(costs);
        var streams = program.Streams;
        var n = streams.Count;
        var pc = streams.Select(s => new PimllmStreamCursor(s.Words, s.Start, s.End)).ToArray();
        var clock = new long[n];
        var last = new Step?[n];
        var trail = Enumerable.Range(0, n).Select(_ => new Step(WorkClasses.Count + PimllmParts.All.Length)).ToArray();
        var state = Enumerable.Repeat(new StreamState(Position: position), n).ToArray();
        // Sampled, each stream's figures are kept apart, so that the sampler sees what one iteration of each costs.
        var runs = Enumerable.Range(0, n).Select(_ => sampler is null ? run : run.Empty()).ToArray();
        var channels = streams.Select(s => s.IsDma ? new LpddrChannel(t.Lpddr, times, times?.Memo) : null).ToArray();
        var tck = channels.FirstOrDefault(c => c is not null)?.TckPs ?? 1;
        // A whole number of picoseconds (LPDDR5-6400: 1,250) converts in integers, the same figures as in decimal.
        long? tckPs = tck == decimal.Truncate(tck) && tck <= int.MaxValue ? (long)tck : null;
        var signals = new Dictionary<long, SignalQueue>();
        var transfers = new List<LpddrTransfer>();
        var final = -1;
        var finalEnd = 0L;

        SignalQueue Counter(long ev) => signals.TryGetValue(ev, out var q) ? q : signals[ev] = new SignalQueue();

        void Claim(ref int owner, long ev, int i, string role)
        {
            if (owner < 0) owner = i;
            else if (owner != i)
                throw new PimccError(ExitCode.InvalidBinary, $"{fileName}: {streams[i].Name} word {pc[i].At}",
                    $"event {ev} is {role} by both {streams[owner].Name} and {streams[i].Name} in program '{program.Name}'",
                    "give every event counter one producer stream and one consumer stream");
        }

        for (var progress = true; progress;)
        {
            progress = false;
            for (var i = 0; i < n; i++)
            {
                var s = streams[i];
                for (var cursor = pc[i]; !cursor.Done; cursor.Next())
                {
                    if (sampler is not null)
                        while (cursor.IterationStart is { } iteration
                               && sampler.Enter(i, iteration, clock[i], last[i]?.PathToEnd(), runs[i]) is var skip and > 0)
                            cursor.SkipIterations(skip);
                    var op = cursor.Current;
                    var w = cursor.At;
                    var sem = op.Spec.Pimllm;
                    var start = clock[i];
                    var pred = last[i];
                    if (sem.Action == PimllmAction.EventWait)
                    {
                        long ev = op["event"], need = op["count"];
                        var queue = Counter(ev);
                        Claim(ref queue.Consumer, ev, i, "awaited");
                        if (queue.Available < need) break;
                        Signal? paid = null;
                        while (need > 0)
                        {
                            var q = queue.Peek();
                            var take = Math.Min(need, q.Left);
                            q.Left -= take;
                            queue.Available -= take;
                            need -= take;
                            paid = q;
                            if (q.Left == 0) queue.Dequeue();
                        }
                        if (paid!.TimePs > start) (start, pred) = (paid.TimePs, paid.Record);
                    }
                    long end;
                    if (s.IsDma && sem.Timing == PimllmTiming.LpddrTransfer)
                    {
                        var ch = channels[i]!;
                        var cycle = tckPs is { } ps ? (start + ps - 1) / ps : (long)Math.Ceiling(start / tck);
                        PimllmCosts.Transfers(op, state[i], transfers);
                        foreach (var tr in transfers)
                        {
                            cycle = ch.Transfer(tr.Address, tr.Bytes, tr.Write, cycle);
                            runs[i].Transferred(s.Classes[w], tr.Bytes);
                        }
                        end = Math.Max(start + costs.ClockPs, tckPs is { } p ? cycle * p : (long)Math.Ceiling(cycle * tck));
                        runs[i].Instruction(s.Classes[w], s.Parts[w], end - start, new InstructionCost(end - start, 0, new EnergyEventCounts()), crossbar: false);
                    }
                    else
                    {
                        var cost = costs.Cost(op, state[i]);
                        end = start + cost.Picoseconds;
                        runs[i].Instruction(s.Classes[w], s.Parts[w], cost.Picoseconds, cost, sem.Action == PimllmAction.CrossbarMvm);
                    }
                    var step = trail[i];
                    step.Follow(start, end, s.Classes[w], s.Parts[w], pred);
                    if (sem.Action == PimllmAction.EventSignal)
                    {
                        long ev = op["event"], count = op["count"];
                        var queue = Counter(ev);
                        Claim(ref queue.Producer, ev, i, "signalled");
                        queue.Enqueue(new Signal(end, count, step.Copy()));
                        queue.Available += count;
                    }
                    state[i] = state[i].After(op);
                    clock[i] = end;
                    last[i] = step;
                    // The latest end (the later word on a tie) is always its stream's last step.
                    if (final < 0 || end >= finalEnd) (final, finalEnd) = (i, end);
                    progress = true;
                }
            }
        }

        var blocked = Enumerable.Range(0, n).Where(i => !pc[i].Done).ToList();
        if (blocked.Count > 0)
            throw new PimccError(ExitCode.InvalidBinary, $"{fileName}: program '{program.Name}'",
                $"deadlock: all {blocked.Count} unfinished streams are blocked: " + DiagnosticText.FirstFew(blocked.Select(i =>
                {
                    var op = pc[i].Current;
                    var have = signals.GetValueOrDefault(op["event"])?.Available ?? 0;
                    return $"{streams[i].Name} word {pc[i].At} waits for event {op["event"]} (count {op["count"]}, counter {have})";
                })),
                "check that every ev.wait has matching ev.sig words in another stream");
        EventBalance.Check(signals.Select(s => (s.Key, s.Value.Available)), ExitCode.InvalidBinary, $"{fileName}: program '{program.Name}'");

        if (sampler is not null)
            foreach (var r in runs) run.AddScaled(r, 1);
        var makespan = clock.DefaultIfEmpty(0).Max();
        var byClass = new double[WorkClasses.Count];
        var byPart = new double[PimllmParts.All.Length];
        if (final >= 0)
        {
            var path = trail[final];
            for (var c = 0; c < byClass.Length; c++) byClass[c] = path.Before[c];
            for (var p = 0; p < byPart.Length; p++) byPart[p] = path.Before[WorkClasses.Count + p];
            byClass[(int)path.Class] += path.End - path.Start;
            byPart[(int)path.Part] += path.End - path.Start;
        }
        run.Finish(makespan, byClass, byPart);
        return run;
    }
}
