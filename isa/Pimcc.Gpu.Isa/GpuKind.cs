using System.Globalization;
using Pimcc.Gpu.Isa;
using Pimcc.Targets;
using Pimcc.Targets.Description;

[assembly: TargetComponent(typeof(GpuKind))]

namespace Pimcc.Gpu.Isa;

/// <summary>
/// The <c>gpu</c> kind: a GPU as the baseline of the PIM targets (A100, H100), modelled per kernel as a roofline plus
/// LLMCompass's per-kernel overheads when enabled. Builds <see cref="GpuTarget"/>.
/// </summary>
public sealed class GpuKind : ITargetKind
{
    public const string Name = "gpu";

    public string Kind => Name;

    public string Summary => "GPU baseline: per-kernel roofline (peak FP16 tensor throughput, HBM bandwidth) plus optional per-kernel overheads (LLMCompass)";

    public DescriptionSchema Schema => GpuSchema.Schema;

    public TargetDescription Build(DescriptionBuild build)
    {
        // The schema refuses a zero or negative throughput, bandwidth, capacity or power; overheads may be zero.
        var p = build.Parameters;
        double Seconds(string key) => (double)p.Base(key) * 1e-12;
        var (json, sha) = build.Canonical(Name, p);
        return new GpuTarget
        {
            Name = build.Name, Kind = Name, Summary = build.Summary, Parameters = p, CanonicalJson = json, Sha256 = sha,
            FlopsPerSecond = p.Real("compute.tensorFp16"), BytesPerSecond = p.Real("memory.bandwidth"),
            CapacityBytes = p.Long("memory.capacity"), PowerWatts = p.Real("power.board") / 1e3,
            Overheads = new KernelOverheads(p.Flag("overhead.enabled"), Seconds("overhead.matmul"), Seconds("overhead.softmax"),
                Seconds("overhead.layerNorm"), Seconds("overhead.gelu"), Seconds("overhead.elementwise")),
        };
    }

    public string DocSections(TargetDescription target)
    {
        var t = (GpuTarget)target;
        string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        return "\n### Derived figures\n\n"
            + $"- Ridge point: {F(t.FlopsPerSecond / t.BytesPerSecond)} FLOP/B (a kernel below it is bandwidth bound).\n"
            + $"- Kernel overheads {(t.Overheads.Enabled ? "on" : "off")} (mode `{t.Overheads.Mode}`); energy = {F(t.PowerWatts)} W x time.\n";
    }
}
