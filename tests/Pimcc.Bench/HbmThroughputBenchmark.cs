using System.Diagnostics;
using System.Globalization;
using Pimcc.Targets;
using Pimcc.Targets.Dram;
using Pimcc.Targets.Hbm;
using static Pimcc.Targets.Hbm.HbmCommand;

namespace Pimcc.Bench;

/// <summary>
/// HBM command throughput of the shared DRAM timing engine (issue 18): one channel of a preset replays a fixed
/// stream of 1,044,480 commands, each issued at its earliest cycle (probe and issue in one,
/// <see cref="DramTimingEngine.TryIssueEarliest"/>) with the refresh controller run before it, as the hpim channel
/// agent drives the engine. The stream is 20,480 GEMV row tiles of 51 commands, alternating
/// pseudo-channels: WRGB, ACTAB, 32 MACAB, PREAB, 16 RDRES. Prints commands per second of CPU time (user + system of
/// this process, so a loaded machine does not count against it), best of the repetitions, and the last cycle (the
/// same on every run and in every build that keeps the timing: a check that a faster engine is still exact).
///   dotnet run --project tests/Pimcc.Bench -c Release -- hbm [--preset hpim-jedec] [--repeat N]
/// </summary>
internal static class HbmThroughputBenchmark
{
    private const int Tiles = 20_480, MacsPerTile = 32, ResultsPerTile = 16;

    private sealed class RefreshCount : IDramRefreshListener
    {
        public long Commands;
        public void Issued(int command, int node, DramAddress address, long cycle) => Commands++;
    }

    public static int Run(string[] args)
    {
        var preset = "hpim";
        // The engine's loop is compiled at tier 0 first and rewritten optimized after about ten passes (its own, or
        // ReadyToRun code's): the best of 3 measured the start-up, 7-13 M commands/s against 24 M steady.
        var repeat = 16;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--preset" && i + 1 < args.Length) preset = args[++i];
            else if (args[i] == "--repeat" && i + 1 < args.Length) repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
        }
        var target = TargetLoader.LoadPreset<HpimTarget>(preset);
        var stream = Stream(target);
        Console.WriteLine($"HBM command stream: {stream.Length:N0} commands on one channel of {preset} (GEMV row tiles, refresh controller on); Ramulator 2.1 on such a stream (calibration.md): controller 95-190 K/s, device model 2-3.3 M/s");
        Console.WriteLine($"{"run",3} {"cpu s",7} {"M cmd/s",8} {"ns/cmd",7} {"last cycle",12} {"refresh cmds",12}");
        var best = double.MaxValue;
        for (var r = 0; r < repeat; r++)
        {
            var channel = new HbmChannelTiming(target);
            var refresh = new RefreshCount();
            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            long now = 0;
            var engine = channel.Engine;
            foreach (var (c, a) in stream)
            {
                engine.IssueDueRefreshes(now, refresh);
                if (channel.Locate(c, a, out var d) is not null || !engine.TryIssueEarliest((int)c, d, now, out var t))
                    throw new InvalidOperationException($"{c} {a}: {channel.Probe(c, a, now).StateError}");
                now = t;
            }
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            best = Math.Min(best, cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r,3} {cpu,7:F3} {stream.Length / cpu / 1e6,8:F2} {cpu / stream.Length * 1e9,7:F1} {now,12} {refresh.Commands,12}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best: {stream.Length / best / 1e6:F2} M commands/s per core"));
        return 0;
    }

    private static (HbmCommand, HbmAddress)[] Stream(HpimTarget target)
    {
        var gbColumns = (int)(target.Hbm.GlobalBufferBytes / target.Hbm.Organization.ColumnBytes);
        var rows = (int)Math.Min(target.Hbm.Organization.RowsPerBank, 4096);
        var list = new List<(HbmCommand, HbmAddress)>(Tiles * (3 + MacsPerTile + ResultsPerTile));
        for (var tile = 0; tile < Tiles; tile++)
        {
            var pc = tile % 2;
            var row = tile / 2 % rows;
            list.Add((WrGb, HbmAddress.AllBanks(pc, 0, tile / 2 % gbColumns)));
            list.Add((ActAb, HbmAddress.AllBanks(pc, row)));
            for (var col = 0; col < MacsPerTile; col++) list.Add((MacAb, HbmAddress.AllBanks(pc, row, col)));
            list.Add((PreAb, HbmAddress.AllBanks(pc)));
            for (var b = 0; b < ResultsPerTile; b++) list.Add((RdRes, HbmAddress.AllBanks(pc, 0, b)));
        }
        return [.. list];
    }
}
