using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pimcc.Diagnostics;

namespace Pimcc.Driver.Sweep;

/// <summary>
/// <c>pimcc sweep --checkpoint DIR</c> (docs/sweep.md, "Resuming"): each point's JSON table is kept in
/// <c>DIR/points/NNNN.json</c> as soon as the point finishes (written whole through a temporary file and a rename, so a
/// killed sweep never leaves half a table), and a rerun of the same sweep with the same folder reads the points that
/// simulated instead of running them again; points that failed run again. <c>DIR/sweep.json</c> records what the points
/// belong to: the grid, the figures, exact or sampled, the pimcc version and the SHA-256 of every model and description
/// file. A rerun whose record differs in any of these is refused (exit 69), so figures of changed inputs never mix.
/// </summary>
public sealed class SweepCheckpoint
{
    public const string Format = "pimcc-sweep-checkpoint/1";

    private readonly string pointsDir;
    private readonly SweepGrid grid;
    private readonly IReadOnlyList<string> statistics;
    private readonly Lock gate = new();

    private SweepCheckpoint(string dir, SweepGrid grid, IReadOnlyList<string> statistics, IReadOnlyDictionary<int, SweepOutcome> done)
    {
        pointsDir = Path.Combine(dir, "points");
        this.grid = grid;
        this.statistics = statistics;
        Done = done;
    }

    /// <summary>The points read back from the folder: those that simulated in an earlier run of this sweep.</summary>
    public IReadOnlyDictionary<int, SweepOutcome> Done { get; }

    /// <summary>Opens (or starts) the checkpoint of this sweep in <paramref name="dir"/>.</summary>
    public static SweepCheckpoint Open(string dir, SweepGrid grid, IReadOnlyList<string> statistics, bool exact)
    {
        if (File.Exists(dir))
            throw new PimccError(ExitCode.OutputNotWritable, dir, "the checkpoint folder is a file", "give a folder (new, or one an earlier run of this sweep wrote)");
        var record = Record(grid, statistics, exact);
        var recordPath = Path.Combine(dir, "sweep.json");
        var done = new Dictionary<int, SweepOutcome>();
        try
        {
            if (File.Exists(recordPath))
            {
                var old = File.ReadAllText(recordPath);
                if (old != record)
                    throw new PimccError(ExitCode.SweepCheckpointMismatch, recordPath, $"the checkpoint holds another sweep ({Difference(old, record)})",
                        "give a new folder to --checkpoint, or rerun exactly the sweep that wrote it");
                var tables = Directory.Exists(Path.Combine(dir, "points"))
                    ? Directory.GetFiles(Path.Combine(dir, "points"), "*.json").Order(StringComparer.Ordinal).ToList() : [];
                if (tables.Count > 0)
                    foreach (var o in SweepTableReader.Merge(tables).Outcomes.Where(o => o.Simulated))
                        done[o.Point.Number] = o;
            }
            else if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
                throw new PimccError(ExitCode.SweepCheckpointMismatch, dir, "the folder is not empty and holds no sweep checkpoint (no sweep.json)",
                    "give a new or empty folder to --checkpoint");
            Directory.CreateDirectory(Path.Combine(dir, "points"));
            if (!File.Exists(recordPath)) WriteWhole(recordPath, record);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PimccError(ExitCode.OutputNotWritable, dir, $"cannot use the checkpoint folder: {e.Message}", "check the folder and its permissions");
        }
        return new SweepCheckpoint(dir, grid, statistics, done);
    }

    /// <summary>Keeps a finished point's table (called from the sweep's worker threads).</summary>
    public void Keep(SweepOutcome outcome)
    {
        var text = SweepTable.Json(grid, statistics, [outcome]);
        lock (gate)
            WriteWhole(Path.Combine(pointsDir, SweepJobs.PointFile(outcome.Point.Number)), text);
    }

    private static void WriteWhole(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The record of what the points belong to, as JSON text (compared whole on a rerun).</summary>
    private static string Record(SweepGrid grid, IReadOnlyList<string> statistics, bool exact)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("pimcc", VersionText.Version);
            w.WriteBoolean("exact", exact);
            w.WriteStartArray("statistics");
            foreach (var s in statistics) w.WriteStringValue(s);
            w.WriteEndArray();
            SweepTable.WriteGrid(w, grid);
            w.WriteStartObject("inputs");
            foreach (var file in grid.Models.Concat(grid.Targets.Where(Pimcc.Targets.TargetLoader.LooksLikePath)).Distinct())
                w.WriteString(file, Sha256(file));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Sha256(string file)
    {
        if (!File.Exists(file)) return "missing";
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The first line that differs, for the diagnostic.</summary>
    private static string Difference(string old, string now)
    {
        var a = old.Split('\n');
        var b = now.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            if (a[i] != b[i]) return $"it has {a[i].Trim()} where this sweep has {b[i].Trim()}";
        return "it is of another length";
    }
}
