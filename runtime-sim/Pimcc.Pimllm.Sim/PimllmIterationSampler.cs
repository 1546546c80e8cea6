using Pimcc.Pimllm.Isa;
using Pimcc.Sim;

namespace Pimcc.Pimllm.Sim;

/// <summary>
/// Samples the iterations of a program's <c>rep</c> (the prefill's middle blocks, docs/pimllm-compiler.md "Prefill
/// as a loop"): iteration k is block k + 1 of the prompt, whose attention sees 4k more keys than block 1's, so what an
/// iteration costs is a smooth function of k. The run steps <see cref="Windows"/> windows of
/// <see cref="WindowIterations"/> consecutive iterations, evenly spaced from the first iteration to the last, and
/// skips the iterations between them (every stream, at the start of the same iteration, moves on to the next window's
/// first: each event counter loses as many signals as waits, and its pairing by order stays that of the program).
/// A window's first iteration follows a skip and its last precedes one, so only the iterations between (the middle
/// ones) are measured: per iteration, every stream's figures between its entries into it and into the next, and the
/// time and the critical path (by class and part) between the reference stream's two entries, which sum to that
/// time. A skipped iteration costs the line through the measured figures of the windows around it.
/// <para>Checked, never assumed: every window but the first and the last is held out of the line through its
/// neighbours, which must give its figures within <see cref="Tolerance"/> (its time, every critical-path class and
/// latency-split part against its time, its energy); otherwise <see cref="Complete"/> declines and the caller steps
/// every iteration. The DRAM channels keep their own clocks across a skip (the refresh phase after one is not the
/// stepped run's; an iteration spans thousands of refresh intervals).</para>
/// </summary>
public sealed class PimllmIterationSampler
{
    /// <summary>Largest disagreement of a held-out window with the line through its neighbours (as hpim's layer
    /// sampling, docs/simulator.md "Fast paths").</summary>
    public const double Tolerance = 0.01;

    /// <summary>Windows of stepped iterations (the first and the last iterations' included).</summary>
    public const int Windows = 9;

    /// <summary>Iterations stepped per window: the first (after a skip) and the last (before one) are not measured.</summary>
    public const int WindowIterations = 4;

    private readonly long _count;
    private readonly long[] _starts;
    private readonly int[] _repStreams;
    private readonly long[] _entered;
    private readonly Dictionary<(int Stream, long Iteration), PimllmRun> _snapshots = [];
    private readonly Dictionary<long, (long Clock, double[] Path)> _reference = [];

    private PimllmIterationSampler(long count, int[] repStreams, int streams)
    {
        _count = count;
        _repStreams = repStreams;
        Reference = repStreams[0];
        _entered = Enumerable.Repeat(-1L, streams).ToArray();
        _starts = [.. Enumerable.Range(0, Windows).Select(c => (long)Math.Round((double)c * (count - WindowIterations) / (Windows - 1)))];
    }

    /// <summary>The stream whose entries into iterations time them.</summary>
    public int Reference { get; }

    /// <summary>Iterations of the <c>rep</c>.</summary>
    public long Iterations => _count;

    /// <summary>Iterations skipped (costed from the line through the windows around them).</summary>
    public long Skipped => _count - (long)Windows * WindowIterations;

    /// <summary>
    /// A sampler for <paramref name="program"/>, or null when its iterations are stepped: every stream with words has
    /// exactly one <c>rep</c> (no nested one) and all have the same count, at least 4 x the stepped iterations (with
    /// fewer, sampling saves little).
    /// </summary>
    public static PimllmIterationSampler? For(PimllmProgram program)
    {
        long? count = null;
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
            if (reps.Count > 1) return null;
            var c = s.Words[reps[0]]["count"];
            if (count is { } other && other != c) return null;
            count = c;
            repStreams.Add(i);
        }
        if (count is not { } n || n < 4L * Windows * WindowIterations) return null;
        return new PimllmIterationSampler(n, [.. repStreams], program.Streams.Count);
    }

    /// <summary>
    /// Stream <paramref name="stream"/> stands at the start of <paramref name="iteration"/> (its clock, for the
    /// reference stream its critical path so far, its figures so far): recorded the first time; returns how many
    /// iterations to skip from here (0: step it).
    /// </summary>
    internal long Enter(int stream, long iteration, long clock, double[]? path, PimllmRun figures)
    {
        if (_entered[stream] == iteration) return 0;
        _entered[stream] = iteration;
        _snapshots[(stream, iteration)] = figures.Copy();
        if (stream == Reference) _reference[iteration] = (clock, path ?? new double[WorkClasses.Count + PimllmParts.All.Length]);
        for (var c = 0; c + 1 < _starts.Length; c++)
            if (iteration == _starts[c] + WindowIterations && _starts[c + 1] > iteration)
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
        var points = _starts.Select(Measured).ToArray();
        for (var c = 1; c + 1 < points.Length; c++)
        {
            var (k0, f0) = points[c - 1];
            var (k, f) = points[c];
            var (k1, f1) = points[c + 1];
            var line = f0.Empty();
            line.AddScaled(f0, (k1 - k) / (k1 - k0));
            line.AddScaled(f1, (k - k0) / (k1 - k0));
            if (!Agrees(line, f)) return null;
        }
        var total = stepped.Copy();
        for (var c = 0; c + 1 < points.Length; c++)
        {
            var (k0, f0) = points[c];
            var (k1, f1) = points[c + 1];
            double w0 = 0, w1 = 0;
            for (var j = _starts[c] + WindowIterations; j < _starts[c + 1]; j++)
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

    // A window's measured point: the mean iteration of its middle iterations and their mean figures.
    private (double K, PimllmRun F) Measured(long start)
    {
        var sum = _snapshots[(_repStreams[0], start)].Empty();
        var middle = 0;
        for (var j = start + 1; j < start + WindowIterations - 1; j++, middle++)
        {
            foreach (var i in _repStreams)
            {
                sum.AddScaled(_snapshots[(i, j + 1)], 1);
                sum.AddScaled(_snapshots[(i, j)], -1);
            }
            var (c0, p0) = _reference[j];
            var (c1, p1) = _reference[j + 1];
            var path = new double[p0.Length];
            for (var x = 0; x < path.Length; x++) path[x] = p1[x] - p0[x];
            var timing = sum.Empty();
            timing.Finish(c1 - c0, path[..WorkClasses.Count], path[WorkClasses.Count..]);
            sum.AddScaled(timing, 1);
        }
        var mean = sum.Empty();
        mean.AddScaled(sum, 1.0 / middle);
        return (start + 1 + (middle - 1) / 2.0, mean);
    }

    private static bool Agrees(PimllmRun line, PimllmRun measured)
    {
        var time = measured.Makespan;
        var bound = Tolerance * time;
        if (Math.Abs(line.Makespan - time) > bound) return false;
        for (var c = 0; c < measured.ClassPs.Length; c++)
            if (Math.Abs(line.ClassPs[c] - measured.ClassPs[c]) > bound) return false;
        for (var p = 0; p < measured.PartPs.Length; p++)
            if (Math.Abs(line.PartPs[p] - measured.PartPs[p]) > bound) return false;
        return Math.Abs(line.TotalEnergyPj - measured.TotalEnergyPj) <= Tolerance * measured.TotalEnergyPj;
    }
}
