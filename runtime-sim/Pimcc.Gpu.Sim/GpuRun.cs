using Pimcc.Gpu.Isa;
using Pimcc.Sim;

namespace Pimcc.Gpu.Sim;

/// <summary>
/// The figures of one program run (prefill, or a decode step at one kv) on the GPU model: per report class its time
/// (kernels run one after another, so every kernel is on the critical path) and energy (board power x time), and the
/// work and launch overheads behind them. Runs add with weights (<see cref="AddScaled"/>) for interpolated decode steps.
/// </summary>
public sealed class GpuRun : IRunFigures
{
    public double[] Seconds { get; } = new double[WorkClasses.Count];
    public double[] Joules { get; } = new double[WorkClasses.Count];
    public double Flops { get; private set; }
    public double Bytes { get; private set; }
    public double OverheadSeconds { get; private set; }
    public double Kernels { get; private set; }

    public double TotalSeconds => Seconds.Sum();
    public double TotalJoules => Joules.Sum();

    public long MakespanPs => (long)Math.Round(TotalSeconds * 1e12);
    public double TotalEnergyPj => TotalJoules * 1e12;
    public IReadOnlyList<double> CriticalPathPs => [.. Seconds.Select(s => s * 1e12)];

    /// <summary>Runs a program's launches at KV length <paramref name="kv"/>.</summary>
    public static GpuRun Of(GpuTarget target, IReadOnlyList<GpuLaunch> launches, long kv)
    {
        var r = new GpuRun();
        foreach (var l in launches)
        {
            double flops = l.FlopsAt(kv), bytes = l.BytesAt(kv);
            var s = GpuRoofline.Seconds(target, flops, bytes, l.Kind);
            r.Seconds[(int)l.Class] += s;
            r.Joules[(int)l.Class] += s * target.PowerWatts;
            r.Flops += flops;
            r.Bytes += bytes;
            r.OverheadSeconds += target.Overheads.Of(l.Kind);
            r.Kernels++;
        }
        return r;
    }

    /// <summary>Adds <paramref name="weight"/> x <paramref name="other"/> to this run's figures.</summary>
    public void AddScaled(GpuRun other, double weight)
    {
        for (var c = 0; c < Seconds.Length; c++)
        {
            Seconds[c] += weight * other.Seconds[c];
            Joules[c] += weight * other.Joules[c];
        }
        Flops += weight * other.Flops;
        Bytes += weight * other.Bytes;
        OverheadSeconds += weight * other.OverheadSeconds;
        Kernels += weight * other.Kernels;
    }
}
