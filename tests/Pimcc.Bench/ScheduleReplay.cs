using System.Globalization;
using Pimcc.Sim;

namespace Pimcc.Bench;

/// <summary>
/// The decode schedules replayed on a measured curve of whole decode steps (<c>pimcc-bench kv-curve --first 0 --stride 1
/// --layers all</c>): for generations of m consecutive steps of the curve (windows starting every <see cref="WindowStride"/>
/// steps; a step's timing depends on its kv, so a window stands for a generation whose prompt is that much longer),
/// each schedule of the shared <see cref="DecodeSchedule"/> picks its steps from the curve and interpolates the others
/// exactly as <c>pimcc sim</c> does. Printed: the gap of the decode time so estimated to the curve's own sum, as the
/// mean, median, 90th percentile and largest magnitude over the windows. Makespans only: energy and critical paths
/// are not on the curve, so the adaptive schedule bisects on latency alone.
/// </summary>
internal static class ScheduleReplay
{
    public const int WindowStride = 11;

    private sealed record CurveStep(long MakespanPs) : IRunFigures
    {
        public double TotalEnergyPj => 0;
        public IReadOnlyList<double> CriticalPathPs => [];
    }

    public static void Print(IReadOnlyList<long> curvePs)
    {
        var schedules = new (string Name, DecodeScheduleOptions Options)[]
        {
            ("adaptive (default)", DecodeScheduleOptions.Default(DecodeSampling.Adaptive)),
            ("even 8", DecodeScheduleOptions.Default(DecodeSampling.Interpolated) with { SampleSteps = 8 }),
            ("even 16 (--sampling even)", DecodeScheduleOptions.Default(DecodeSampling.Interpolated)),
        };
        Console.WriteLine($"schedules replayed on the curve: gap of the decode time (%) over windows of m steps starting every {WindowStride} steps");
        Console.WriteLine($"{"schedule",-26} {"m",5} {"windows",8} {"mean",8} {"median",8} {"p90",8} {"max",8}");
        foreach (var (name, options) in schedules)
            foreach (var m in new[] { 64, 128, 256, 384, 768 }.Where(m => m <= curvePs.Count))
            {
                var gaps = new List<double>();
                for (var s0 = 0; s0 + m <= curvePs.Count; s0 += WindowStride)
                    gaps.Add(Gap(curvePs, s0, m, options));
                var sorted = gaps.Select(Math.Abs).Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-26} {m,5} {gaps.Count,8} {gaps.Average(),8:+0.000;-0.000;0.000} {sorted[sorted.Count / 2],8:F3} {sorted[(int)(0.9 * sorted.Count)],8:F3} {sorted[^1],8:F3}"));
            }
    }

    /// <summary>The schedule's decode time for steps s0 .. s0 + m - 1 of the curve against their sum, in percent.</summary>
    private static double Gap(IReadOnlyList<long> curvePs, int s0, int m, DecodeScheduleOptions options)
    {
        var simulated = DecodeSchedule.Simulate(m, options, [], _ => { }, i => new CurveStep(curvePs[s0 + i]));
        double estimate = 0, exact = 0;
        foreach (var (i, a, _, b, wb) in DecodeSchedule.Weights(m, simulated.Keys))
        {
            estimate += a == b ? simulated[a].MakespanPs : DecodeSchedule.InterpolatedPs(simulated[a].MakespanPs, simulated[b].MakespanPs, wb);
            exact += curvePs[s0 + i];
        }
        return 100 * (estimate - exact) / exact;
    }
}
