using Pimcc.Pimllm.Isa;
using Pimcc.Sim;

namespace Pimcc.Pimllm.Sim;

/// <summary>
/// Samples the iterations of a program's <c>rep</c> (the prefill's middle blocks, docs/pimllm-compiler.md "Prefill
/// as a loop"): iteration k is block k + 1 of the prompt, whose attention sees k x dtok more keys than block 1's, so
/// what an iteration costs is a line in k plus a staircase: the causal products add a tile of the array's columns
/// (rows) every columns / gcd(columns, dtok) iterations, the stair period T. The run steps <see cref="Windows"/>
/// windows of consecutive iterations, evenly spaced from the first iteration to the last, and skips the iterations
/// between them (every stream, at the start of the same iteration, moves on to the next window's first: each event
/// counter loses as many signals as waits, and its pairing by order stays that of the program). Each window measures
/// M = max(2, T) consecutive iterations, so that the staircase averages out: after one stepped iteration (the first
/// after a skip), and before one (the last before the next skip); the first window measures iterations 2M .. 3M - 1,
/// after the pipeline has filled. An iteration's figures are every stream's between its entries into it and into
/// the next, and the time and the critical path (by class and part) between the reference stream's two entries, which
/// sum to that time. The reference is the stream that enters the first measured iteration last: the others run ahead
/// of it (by up to as many iterations as their event credits allow), so its entries are paced by the iterations it
/// measures, where a leading stream's are paced by the ones before (across a skip, another window's). A skipped iteration costs the line through the mean figures of the windows around it.
/// <para>Checked, never assumed: every window but the first and the last is held out of the line through its
/// neighbours, which must give its figures within <see cref="Tolerance"/> (its time, every critical-path class and
/// latency-split part against its time, its energy); otherwise <see cref="Complete"/> declines and the caller steps
/// every iteration. The DRAM channels keep their own clocks across a skip (the refresh phase after one is not the
/// stepped run's; an iteration spans many refresh intervals).</para>
/// </summary>
public sealed class PimllmIterationSampler
{
    /// <summary>Largest disagreement of a held-out window with the line through its neighbours (as hpim's layer
    /// sampling, docs/simulator.md "Fast paths").</summary>
    public const double Tolerance = 0.01;

    /// <summary>Windows of stepped iterations (the first and the last iterations' included).</summary>
    public const int Windows = 9;

    private readonly long _count;
    private readonly long _measured;
    // Per window: its first iteration, its first measured one, and the iteration after it.
    private readonly long[] _starts, _from, _ends;
    private readonly int[] _repStreams;
    private readonly long[] _entered;
    private readonly Dictionary<(int Stream, long Iteration), PimllmRun> _snapshots = [];
    private readonly Dictionary<(int Stream, long Iteration), (long Clock, double[] Path)> _entries = [];

    private PimllmIterationSampler(long count, long measured, int[] repStreams, int streams)
    {
        _count = count;
        _measured = measured;
        _repStreams = repStreams;
        _entered = Enumerable.Repeat(-1L, streams).ToArray();
        var window = measured + 2;
        _starts = [0, .. Enumerable.Range(1, Windows - 1).Select(c => (long)Math.Round((double)c * (count - window) / (Windows - 1)))];
        _from = [2 * measured, .. _starts.Skip(1).Select(st => st + 1)];
        _ends = [3 * measured + 1, .. _starts.Skip(1).Select(st => st + window)];
    }

    /// <summary>Iterations of the <c>rep</c>.</summary>
    public long Iterations => _count;

    /// <summary>Iterations skipped (costed from the line through the windows around them).</summary>
    public long Skipped => _count - _starts.Zip(_ends, (st, e) => e - st).Sum();

    /// <summary>
    /// A sampler for <paramref name="program"/> on <paramref name="t"/>, or null when its iterations are stepped:
    /// every stream with words has exactly one <c>rep</c> (no nested one), all of the same count and dtok, and the
    /// count is at least twice the iterations the windows step (with fewer, sampling saves little) and spaces the
    /// windows apart.
    /// </summary>
    public static PimllmIterationSampler? For(PimllmProgram program, PimllmTarget t)
    {
        (long Count, long Dtok)? rep = null;
        var repStreams = new List<int>();
        for (var i = 0; i < program.Streams.Count; i++)
        {
            var s = program.Streams[i];
            var reps = Enumerable.Range(s.Start, s.End - s.Start).Where(w => s.Words[w].Spec.Pimllm.Action == PimllmAction.Repeat).ToList();
            if (reps.Count == 0)
            {
                if (s.End > s.Start) return null;
                continue;
            }
            var word = s.Words[reps[0]];
            if (reps.Count > 1 || rep is { } other && other != (word["count"], word["dtok"])) return null;
            rep = (word["count"], word["dtok"]);
            repStreams.Add(i);
        }
        if (rep is not var (n, dtok) || dtok <= 0) return null;
        long Period(long tile) => tile / Gcd(tile, dtok);
        var (columns, rows) = (Period(t.Systolic.Columns), Period(t.Systolic.Rows));
        var measured = Math.Max(2, columns / Gcd(columns, rows) * rows);
        var stepped = 3 * measured + 1 + (Windows - 1) * (measured + 2);
        // The second window must start after the first ends (the windows are spaced (count - M - 2) / 8 apart).
        var apart = (double)(n - measured - 2) / (Windows - 1);
        return n < 2 * stepped || apart < 3 * measured + 1 ? null : new PimllmIterationSampler(n, measured, [.. repStreams], program.Streams.Count);
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>
    /// Stream <paramref name="stream"/> stands at the start of <paramref name="iteration"/> (its clock, its critical
    /// path so far, its figures so far): recorded the first time; returns how many iterations to skip from here (0:
    /// step it).
    /// </summary>
    internal long Enter(int stream, long iteration, long clock, double[]? path, PimllmRun figures)
    {
        if (_entered[stream] == iteration) return 0;
        _entered[stream] = iteration;
        _snapshots[(stream, iteration)] = figures.Copy();
        _entries[(stream, iteration)] = (clock, path ?? new double[WorkClasses.Count + PimllmParts.All.Length]);
        for (var c = 0; c + 1 < _starts.Length; c++)
            if (iteration == _ends[c] && _starts[c + 1] > iteration)
                return _starts[c + 1] - iteration;
        return 0;
    }

    /// <summary>
    /// <paramref name="stepped"/> (the run of the stepped iterations and everything outside the <c>rep</c>) with the
    /// skipped iterations added from the windows' lines, or null when a held-out window disagrees (then every
    /// iteration must be stepped).
    /// </summary>
    public PimllmRun? Complete(PimllmRun stepped)
    {
        var reference = _repStreams.MaxBy(i => _entries[(i, _from[0])].Clock);
        var points = _from.Select(f => Measured(f, reference)).ToArray();
        for (var c = 1; c + 1 < points.Length; c++)
        {
            var (k0, f0) = points[c - 1];
            var (k, f) = points[c];
            var (k1, f1) = points[c + 1];
            var line = f0.Empty();
            line.AddScaled(f0, (k1 - k) / (k1 - k0));
            line.AddScaled(f1, (k - k0) / (k1 - k0));
            if (Disagreement(line, f) is { } what)
            {
                Declined = $"the window at iteration {k:0.#} is {what} off the line through its neighbours' (tolerance {Tolerance:P0})";
                return null;
            }
        }
        var total = stepped.Copy();
        for (var c = 0; c + 1 < points.Length; c++)
        {
            var (k0, f0) = points[c];
            var (k1, f1) = points[c + 1];
            double w0 = 0, w1 = 0;
            for (var j = _ends[c]; j < _starts[c + 1]; j++)
            {
                var a = (j - k0) / (k1 - k0);
                w0 += 1 - a;
                w1 += a;
            }
            total.AddScaled(f0, w0);
            total.AddScaled(f1, w1);
        }
        return total;
    }

    // A window's measured point: the mean of its measured iterations from .. from + M - 1, and their mean figures.
    private (double K, PimllmRun F) Measured(long from, int reference)
    {
        var sum = _snapshots[(_repStreams[0], from)].Empty();
        for (var j = from; j < from + _measured; j++)
        {
            foreach (var i in _repStreams)
            {
                sum.AddScaled(_snapshots[(i, j + 1)], 1);
                sum.AddScaled(_snapshots[(i, j)], -1);
            }
            var (c0, p0) = _entries[(reference, j)];
            var (c1, p1) = _entries[(reference, j + 1)];
            var path = new double[p0.Length];
            for (var x = 0; x < path.Length; x++) path[x] = p1[x] - p0[x];
            var timing = sum.Empty();
            timing.Finish(c1 - c0, path[..WorkClasses.Count], path[WorkClasses.Count..]);
            sum.AddScaled(timing, 1);
        }
        var mean = sum.Empty();
        mean.AddScaled(sum, 1.0 / _measured);
        return (from + (_measured - 1) / 2.0, mean);
    }

    // What of a held-out window's figures the line misses by more than the tolerance (time, critical-path classes and
    // latency-split parts against its time, energy against its energy), as "what x%"; null: nothing.
    private static string? Disagreement(PimllmRun line, PimllmRun measured)
    {
        var time = measured.Makespan;
        string? Off(string what, double predicted, double actual, double of) =>
            Math.Abs(predicted - actual) > Tolerance * of ? $"{what} {(predicted - actual) / of:+0.00%;-0.00%}" : null;
        var found = Off("time", line.Makespan, time, time);
        foreach (var c in WorkClasses.All)
            found ??= Off($"critical-path.{WorkClasses.Name(c)}", line.ClassPs[(int)c], measured.ClassPs[(int)c], time);
        foreach (var p in PimllmParts.All)
            found ??= Off($"latency-split.{PimllmParts.Name(p)}", line.PartPs[(int)p], measured.PartPs[(int)p], time);
        return found ?? Off("energy", line.TotalEnergyPj, measured.TotalEnergyPj, measured.TotalEnergyPj);
    }

    /// <summary>Why <see cref="Complete"/> declined (the first held-out window that disagreed, and by what); null: it did not.</summary>
    public string? Declined { get; private set; }
}
