using Pimcc.Diagnostics;
using Pimcc.Gpu.Isa;
using Pimcc.Isa.Container;
using Pimcc.Sim;

namespace Pimcc.Gpu.Sim;

/// <summary>One kernel launch read from the stream: its work (base + perkv x kv), kernel class and report class.</summary>
public sealed record GpuLaunch(long FlopsBase, long FlopsPerKv, long BytesBase, long BytesPerKv, KernelClass Kind, WorkClass Class)
{
    public double FlopsAt(long kv) => FlopsBase + (double)FlopsPerKv * kv;

    public double BytesAt(long kv) => BytesBase + (double)BytesPerKv * kv;
}

/// <summary>
/// A program of the kernel stream (<c>prefill</c>, <c>decode</c>) decoded into its launches: each launch takes the
/// work the <c>wk.*</c> words before it set (zero when left out) and consumes it (docs/gpu-isa.md).
/// </summary>
public static class GpuKernelProgram
{
    public static IReadOnlyList<GpuLaunch> Read(PimBinary bin, string program, string fileName)
    {
        var s = bin.KernelStream ?? throw new PimccError(ExitCode.InvalidBinary, $"{fileName}: kernels0", "the binary has no kernel stream",
            "compile the model for a gpu target (pimcc MODEL --target a100 -o out.bin)");
        var start = s.EntryWord(program) ?? throw new PimccError(ExitCode.InvalidBinary, $"{fileName}: kernels0",
            $"the kernel stream has no program '{program}'", "compile with this pimcc: the stream holds prefill and decode");
        var end = s.Entries.Where(e => e.Word > start).Select(e => e.Word).DefaultIfEmpty(s.Words.Count).Min();
        var launches = new List<GpuLaunch>();
        long fb = 0, fk = 0, bb = 0, bk = 0;
        for (var i = start; i < end; i++)
        {
            var w = s.Words[i];
            var sem = w.Spec.Gpu;
            switch (sem.Action)
            {
                case GpuAction.SetFlops: (fb, fk) = (GpuFormats.WorkBase(w["hi"], w["lo"]), w["perkv"]); break;
                case GpuAction.SetBytes: (bb, bk) = (GpuFormats.WorkBase(w["hi"], w["lo"]), w["perkv"]); break;
                default:
                    launches.Add(new GpuLaunch(fb, fk, bb, bk, sem.Kernel!.Value, (WorkClass)w["op"]));
                    (fb, fk, bb, bk) = (0, 0, 0, 0);
                    break;
            }
        }
        return launches;
    }
}
