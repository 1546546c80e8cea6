using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using System.Runtime.ExceptionServices;
namespace Pimcc.Hpim.Sim;

/// <summary>
/// Runs a program that declares its layers (<see cref="ProgramEntry.Layers"/>, format 1.3) with a few layer counts
/// instead of all N, and extrapolates. Every layer of a decoder does the same work, so a run's latency, statistics
/// and critical path follow a line in the layer count L, X(L) = X₀ + L·ΔX (X₀: the work outside the layers, such as
/// embedding, final norm, LM head, pipeline fill and drain), up to a bounded wobble: refreshes fall due every tREFI,
/// so consecutive layers can hold one refresh more or less (OPT-30B decode: ±1.5 µs of a 158 µs layer, alternating).
/// <para>A window of three counts a, a+h, a+2h is simulated. The slope comes from the outer two,
/// ΔX = (X(a+2h) − X(a)) / 2h, and X(N) = X(a+2h) + (N − a − 2h)·ΔX. The middle run's distance d from the outer two's
/// line measures how far the layers stray from alike. A short window cannot see a wobble slower than itself: on
/// OPT-13B and OPT-30B decode the per-layer increments stray by one refresh stall (tRFC) either side of their mean, in
/// patterns of two or three layers, and the first layers run about two stalls faster. So two stalls (from the target)
/// are added to d: the slope is taken to be off by up to (d + 2·tRFC)/h per layer, the extrapolation by up to
/// (d + 2·tRFC)·(N − a)/h, and the window is accepted when that stays within <see cref="Tolerance"/> of the
/// extrapolated makespan (for the makespan and each critical-path class; for energy, d alone against the energy).
/// Windows are tried in the order of <see cref="Windows"/>: 1, 2, 3 first (enough when the layers are alike to the
/// picosecond, as in prefill: its channels are idle, and without per-layer channel words no stall is added); then 1, 3, 5, which one more run adds; then 2, 4, 6. A program
/// whose later windows cannot pass even with d = 0 (short layers, where a refresh stall is a large part of a layer),
/// or whose windows all fail, runs whole, as do programs of fewer than <see cref="MinLayers"/> layers.
/// LayerSamplingTests compares the result with whole runs.</para>
/// </summary>
public sealed class LayerSampling
{
    /// <summary>Agreement required (relative to the extrapolated makespan, or energy): 1 %, like the other fast paths.</summary>
    public const double Tolerance = 0.01;

    /// <summary>Below this many layers the samples cost about as much as a whole run.</summary>
    public const int MinLayers = 12;

    /// <summary>Windows (first count a, spacing h) tried in order.</summary>
    public static readonly IReadOnlyList<(int A, int H)> Windows = [(1, 1), (1, 2), (2, 2)];

    private readonly int _layers;
    private readonly double _wobblePs;
    private readonly SortedDictionary<int, ProgramRunResult> _runs = [];
    // Spare runs' results (layers; 0 = whole), used only when a window or the whole run asks for them.
    private readonly Dictionary<int, ProgramRunResult> _spare = [];
    private readonly int[] _firstCounts;
    // The current window round's runs still awaited (layers, 0 = whole, with their place in the round), the spare runs
    // under way, and the first needed run that failed.
    private readonly Dictionary<int, int> _awaited = [];
    private readonly HashSet<int> _spareUnderWay = [];
    private (int Round, int Position, ExceptionDispatchInfo Error)? _failure;
    private int _round;
    private bool _ranWhole;
    private int _window;

    /// <param name="refreshStallPs">One refresh's tRFC; twice it is the wobble a window cannot see.</param>
    /// <param name="sample">False: the program runs whole (as it also does when it declares no layers, or fewer than <see cref="MinLayers"/>).</param>
    public LayerSampling(ProgramEntry entry, ProgramRegisters registers, double refreshStallPs, bool sample = true)
    {
        // Refreshes only touch the channels' command streams: without per-layer channel work the layers have no wobble to hide.
        _wobblePs = entry.Layers is { } l && l.ChannelBlocks.Values.Any(b => b.Stride > 0) ? 2 * refreshStallPs : 0;
        Entry = entry;
        Registers = registers;
        _layers = sample && entry.Layers is { Count: >= MinLayers } shape ? shape.Count : 0;
        if (_layers == 0) _window = Windows.Count;
        _firstCounts = WindowOpen ? Counts : [];
    }

    public ProgramEntry Entry { get; }
    public ProgramRegisters Registers { get; }

    /// <summary>The program's figures for all its layers, once the runs asked for by <see cref="Needed"/> are in.</summary>
    public ProgramRunResult? Result { get; private set; }

    /// <summary>The runs to simulate next (none once <see cref="Result"/> is set); <see cref="ProgramRun.Layers"/> null = whole.</summary>
    public IReadOnlyList<ProgramRun> Needed
    {
        get
        {
            if (Result is not null) return [];
            if (!WindowOpen) return [new ProgramRun(Entry, Registers)];
            return Counts.Where(l => !_runs.ContainsKey(l)).Select(l => new ProgramRun(Entry, Registers, l)).ToList();
        }
    }

    private bool WindowOpen => _window < Windows.Count && Windows[_window].A + 2 * Windows[_window].H < _layers;

    private int[] Counts => [Windows[_window].A, Windows[_window].A + Windows[_window].H, Windows[_window].A + 2 * Windows[_window].H];

    /// <summary>
    /// Runs beyond <see cref="Needed"/> that this program will likely need: the layer counts (0 = whole) that an
    /// earlier sampled run of the same program went on to after the first window (<see cref="History"/>). Simulated
    /// beside the needed runs, so the batch after the first window's has no lone runs; their results count only if a
    /// later window, or the whole run, asks for them.
    /// </summary>
    public IReadOnlyList<ProgramRun> Spare(History history)
    {
        if (Result is not null || _window > 0 || !WindowOpen || !history.Beyond.TryGetValue(Entry, out var beyond)) return [];
        return [.. beyond.Where(l => !Counts.Contains(l)).Select(l => new ProgramRun(Entry, Registers, l == 0 ? null : l))];
    }

    /// <summary>Keeps the result of a <see cref="Spare"/> run until a window (or the whole run) asks for it.</summary>
    public void AddSpare(ProgramRun run, ProgramRunResult result)
    {
        _spare[run.Layers ?? 0] = result;
        TakeSpare();
    }

    /// <summary>The layer counts (0 = whole) run beyond the first window, once <see cref="Result"/> is set.</summary>
    private IEnumerable<int> RunBeyondFirstWindow => _runs.Keys.Except(_firstCounts).Concat(_ranWhole ? [0] : []);

    /// <summary>Takes the result of a run <see cref="Needed"/> asked for.</summary>
    public void Add(ProgramRun run, ProgramRunResult result)
    {
        if (run.Layers is not { } l)
        {
            _ranWhole = true;
            Result = result with { SimulatedItems = result.SimulatedItems + _runs.Values.Sum(r => r.SimulatedItems) };
            return;
        }
        _runs[l] = result;
        Decide();
        TakeSpare();
    }

    /// <summary>Adds the spare results the runs now needed are among.</summary>
    private void TakeSpare()
    {
        if (_spare.Count == 0) return;
        foreach (var run in Needed)
            if (_spare.Remove(run.Layers ?? 0, out var result))
            {
                Add(run, result);
                return;
            }
    }

    /// <summary>Once the window's runs are in: the result if they lie on a line, else the next window (or the whole run).</summary>
    private void Decide()
    {
        var counts = Counts;
        if (!counts.All(_runs.ContainsKey)) return;
        var (a, h) = Windows[_window];
        ProgramRunResult r0 = _runs[counts[0]], r1 = _runs[counts[1]], r2 = _runs[counts[2]];
        var line = Extrapolate(r0, r2, (_layers - counts[2]) / (2.0 * h));
        if (Linear(r0, r1, r2, line, (_layers - a) / (double)h, _wobblePs))
        {
            Result = line;
            return;
        }
        _window++;
        // Later windows that could not pass even if their runs lay on a line: run whole now.
        while (WindowOpen && _wobblePs * (_layers - Windows[_window].A) / Windows[_window].H > Tolerance * line.MakespanPs) _window++;
    }

    /// <summary>
    /// Simulates every program (as <paramref name="sample"/> says) through a <see cref="RunQueue"/>: each program's
    /// next window starts as soon as its last window's runs are in, beside the other programs' runs, and the
    /// <see cref="Spare"/> runs <paramref name="history"/> suggests start in size order with the others (the history
    /// is a good guess: started first, the large ones balance the threads best), unless their program is done by then.
    /// The figures depend only on each program's own runs, so they are the same as with one window of all programs at
    /// a time; so is an error: the failing needed run of the earliest window round, first program first.
    /// </summary>
    public static IReadOnlyList<ProgramRunResult> RunAll(HpimSimulator sim, IReadOnlyList<(ProgramEntry Entry, ProgramRegisters Registers)> programs,
        bool sample = true, History? history = null)
    {
        history ??= new History();
        var stall = new Timing.MachineModel(sim.Target).NckToPs(sim.Target.Hbm.Timing.RFC);
        var samplers = programs.Select(p => new LayerSampling(p.Entry, p.Registers, stall, sample)).ToList();
        IEnumerable<(ProgramRun, (int, int))> Start(int i) => samplers[i].Start(history).Select(r => (r, (i, r.Layers ?? 0)));
        RunQueue.Run(sim, Enumerable.Range(0, samplers.Count).SelectMany(Start), t => samplers[t.Item1].Wanted(t.Item2),
            (t, result, error) => samplers[t.Item1].Finished(t.Item2, result, error) ? Start(t.Item1).ToList() : []);
        var failures = samplers.Select(s => s._failure).Where(f => f is not null).Select(f => f!.Value).ToList();
        // Stable: of one round, the first program's failure (its first failing run in the round's order).
        if (failures.Count > 0) failures.OrderBy(f => f.Round).First().Error.Throw();
        foreach (var s in samplers) history.Beyond[s.Entry] = [.. s.RunBeyondFirstWindow];
        return samplers.Select(s => s.Result!).ToList();
    }

    /// <summary>The runs to start now: the window's (all <see cref="Needed"/>, once nothing is awaited; those under way
    /// as spare runs are awaited, not started again), and with the first window the <see cref="Spare"/> runs.</summary>
    private List<ProgramRun> Start(History history)
    {
        if (Result is not null || _failure is not null || _awaited.Count > 0) return [];
        var runs = new List<ProgramRun>();
        var spare = _round == 0 ? Spare(history) : [];
        _round++;
        foreach (var r in Needed)
        {
            _awaited[r.Layers ?? 0] = _awaited.Count;
            if (!_spareUnderWay.Contains(r.Layers ?? 0)) runs.Add(r);
        }
        foreach (var r in spare)
            if (_spareUnderWay.Add(r.Layers ?? 0)) runs.Add(r);
        return runs;
    }

    /// <summary>Whether a queued run of this program (layers; 0 = whole) is still wanted: a spare one only until the program has its figures.</summary>
    private bool Wanted(int key) => _awaited.ContainsKey(key) || Result is null && _failure is null;

    /// <summary>Takes a finished run's result (a spare one's kept for later); true when the next window's runs may start.</summary>
    private bool Finished(int key, ProgramRunResult? result, ExceptionDispatchInfo? error)
    {
        var spare = _spareUnderWay.Remove(key);
        var run = new ProgramRun(Entry, Registers, key == 0 ? null : key);
        if (_awaited.Remove(key, out var position))
        {
            if (error is not null) { if (_failure is null || position < _failure.Value.Position) _failure = (_round, position, error); }
            else if (_failure is null) Add(run, result!);
        }
        else if (spare && result is not null) AddSpare(run, result);
        return _awaited.Count == 0;
    }

    /// <summary>
    /// What the sampled runs of each program needed beyond their first window (layer counts, 0 = whole), learnt from
    /// the finished ones: a generation's decode steps mostly go the same way (OPT-13B and OPT-30B: one more run of 5
    /// layers; OPT-1.3B: whole). Decisions use only the runs' figures, so a history changes what runs side by side
    /// and when, never a result.
    /// </summary>
    public sealed class History
    {
        internal Dictionary<ProgramEntry, int[]> Beyond { get; } = new(ReferenceEqualityComparer.Instance);
    }

    /// <summary>Whether the middle run's distance from the line through the outer two (plus <paramref name="wobblePs"/> for
    /// times), times <paramref name="carried"/>, stays within the tolerance of <paramref name="result"/>.</summary>
    private static bool Linear(ProgramRunResult r0, ProgramRunResult r1, ProgramRunResult r2, ProgramRunResult result, double carried, double wobblePs)
    {
        bool Fits(double x0, double x1, double x2, double unseen, double scale) =>
            (Math.Abs(x1 - (x0 + x2) / 2) + unseen) * carried <= Tolerance * Math.Abs(scale);
        var time = (double)Math.Max(1, result.MakespanPs);
        if (!Fits(r0.MakespanPs, r1.MakespanPs, r2.MakespanPs, wobblePs, time)) return false;
        if (!Fits(r0.Stats.TotalEnergy, r1.Stats.TotalEnergy, r2.Stats.TotalEnergy, 0, result.Stats.TotalEnergy)) return false;
        for (var c = 0; c < result.CriticalPathPs.Length; c++)
            if (!Fits(r0.CriticalPathPs[c], r1.CriticalPathPs[c], r2.CriticalPathPs[c], wobblePs, time)) return false;
        return true;
    }

    /// <summary>X(b) + w·(X(b) − X(a)) for every figure of two runs (w: the layers still to add over the layers between them).</summary>
    private ProgramRunResult Extrapolate(ProgramRunResult a, ProgramRunResult b, double w)
    {
        double Line(double xa, double xb) => xb + w * (xb - xa);
        var stats = b.Stats.Clone();
        stats.AddScaledDifference(b.Stats, a.Stats, w);
        return b with
        {
            MakespanPs = (long)Math.Round(Line(a.MakespanPs, b.MakespanPs)),
            Stats = stats,
            CriticalPathPs = b.CriticalPathPs.Select((x, c) => Line(a.CriticalPathPs[c], x)).ToArray(),
            Finish = b.Finish.Select((f, i) => (f.Stream, (long)Math.Round(Line(a.Finish[i].FinishPs, f.FinishPs)))).ToList(),
            SimulatedItems = _runs.Values.Sum(r => r.SimulatedItems),
            LayerSamples = [.. _runs.Keys],
            Activity = null,
        };
    }
}
