using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using System.Text.Json;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Sim.Trace;

/// <summary>One program run to put into a trace, placed at <see cref="OffsetPs"/> on the global timeline.</summary>
public sealed record TracedRun(string Label, long OffsetPs, ActivityLog Log);

/// <summary>
/// Writes Chrome trace-event JSON (opens in Perfetto and chrome://tracing): process 1 holds one track per SRAM-PIM
/// core unit, process 2 one track per HBM channel; slices are named after IR ops from the debug ranges (mnemonics
/// where a word has none). Adjacent slices with the same name on a track merge, which keeps traces of long runs small.
/// </summary>
public static class ChromeTraceWriter
{
    private const int ChannelTrackBase = 1_000_000;
    private static readonly string[] UnitNames = Enum.GetNames<Unit>().Select(n => n.ToLowerInvariant()).ToArray();

    /// <param name="fromPs">Window start on the global timeline (inclusive); slices outside [from, to) are dropped.</param>
    public static byte[] Write(IReadOnlyList<TracedRun> runs, long fromPs = 0, long toPs = long.MaxValue)
    {
        using var ms = new MemoryStream();
        Write(runs, ms, fromPs, toPs);
        return ms.ToArray();
    }

    /// <summary>Streams the trace into <paramref name="output"/>: the writer flushes every 64 KiB, so memory holds the
    /// activity logs of the traced runs and not the JSON.</summary>
    public static void Write(IReadOnlyList<TracedRun> runs, Stream output, long fromPs = 0, long toPs = long.MaxValue)
    {
        using (var w = new Utf8JsonWriter(output))
        {
            w.WriteStartObject();
            w.WriteString("displayTimeUnit", "ns");
            w.WriteStartArray("traceEvents");
            Meta(w, 1, 0, "process_name", "SRAM-PIM cores");
            Meta(w, 2, 0, "process_name", "HBM-PIM channels");
            Meta(w, 3, 0, "process_name", "program runs");
            var tracks = new SortedSet<int>();
            foreach (var run in runs)
            {
                var s = run.OffsetPs;
                var e = s + Enumerable.Range(0, run.Log.Count).Select(i => run.Log[i].EndPs).DefaultIfEmpty(0).Max();
                if (e >= fromPs && s < toPs) Slice(w, 3, 0, run.Label, "run", Math.Max(s, fromPs), Math.Min(e, toPs));
                // Merge per track: the open slice of each track.
                var open = new Dictionary<int, (string Name, long Start, long End, WorkClass Class)>();
                for (var i = 0; i < run.Log.Count; i++)
                {
                    var r = run.Log[i];
                    if (r.EndPs <= r.StartPs) continue;
                    long a = r.StartPs + s, b = r.EndPs + s;
                    if (b <= fromPs || a >= toPs) continue;
                    a = Math.Max(a, fromPs);
                    b = Math.Min(b, toPs);
                    tracks.Add(r.Track);
                    if (open.TryGetValue(r.Track, out var o) && o.Name == r.Name && a <= o.End)
                    {
                        open[r.Track] = (o.Name, o.Start, Math.Max(o.End, b), o.Class);
                        continue;
                    }
                    if (open.TryGetValue(r.Track, out o)) Emit(w, r.Track, o);
                    open[r.Track] = (r.Name, a, b, r.Class);
                }
                foreach (var (track, o) in open.OrderBy(kv => kv.Key)) Emit(w, track, o);
            }
            foreach (var t in tracks)
            {
                var (pid, tid) = Place(t);
                Meta(w, pid, tid, "thread_name", t >= ChannelTrackBase ? $"channel {t - ChannelTrackBase}" : $"core {t / 16} {UnitNames[t % 16]}");
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }

    private const int FlushBytes = 1 << 16;

    private static void Emit(Utf8JsonWriter w, int track, (string Name, long Start, long End, WorkClass Class) o)
    {
        var (pid, tid) = Place(track);
        Slice(w, pid, tid, o.Name, WorkClasses.Name(o.Class), o.Start, o.End);
        if (w.BytesPending >= FlushBytes) w.Flush();
    }

    private static (int Pid, int Tid) Place(int track) => track >= ChannelTrackBase ? (2, track - ChannelTrackBase) : (1, track);

    private static void Slice(Utf8JsonWriter w, int pid, int tid, string name, string cat, long startPs, long endPs)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("cat", cat);
        w.WriteString("ph", "X");
        w.WriteNumber("pid", pid);
        w.WriteNumber("tid", tid);
        w.WriteNumber("ts", startPs / 1e6);
        w.WriteNumber("dur", (endPs - startPs) / 1e6);
        w.WriteEndObject();
    }

    private static void Meta(Utf8JsonWriter w, int pid, int tid, string kind, string name)
    {
        w.WriteStartObject();
        w.WriteString("name", kind);
        w.WriteString("ph", "M");
        w.WriteNumber("pid", pid);
        w.WriteNumber("tid", tid);
        w.WriteStartObject("args");
        w.WriteString("name", name);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Trace of a generation's runs that kept activity logs, on the global timeline (prefill, then decode steps).</summary>
    public static byte[] Write(GenerationResult g, long fromPs = 0, long toPs = long.MaxValue)
    {
        using var ms = new MemoryStream();
        Write(g, ms, fromPs, toPs);
        return ms.ToArray();
    }

    /// <summary>Streams the trace of <paramref name="g"/> into <paramref name="output"/>.</summary>
    public static void Write(GenerationResult g, Stream output, long fromPs = 0, long toPs = long.MaxValue)
    {
        var runs = new List<TracedRun>();
        var offsets = new long[g.Steps.Count + 1];
        offsets[0] = 0;
        var t = g.Prefill.MakespanPs;
        for (var i = 0; i < g.Steps.Count; i++) { offsets[i + 1] = t; t += g.Steps[i].LatencyPs; }
        foreach (var (run, r, layers) in g.TracedRuns)
        {
            var label = run == 0 ? "prefill" : $"decode step {r.Registers.Step} (kv {r.Registers.Kv})";
            if (layers is var (ran, of)) label += $" [{ran} of {of} layers]";
            runs.Add(new TracedRun(label, offsets[run], r.Activity!));
        }
        Write(runs, output, fromPs, toPs);
    }
}
