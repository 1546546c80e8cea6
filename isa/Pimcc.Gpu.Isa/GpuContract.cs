using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Targets;

[assembly: TargetComponent(typeof(Pimcc.Gpu.Isa.GpuBinaryContract))]

namespace Pimcc.Gpu.Isa;

/// <summary>The gpu kind's stream kind (docs/binary-format.md, "Binary contracts"): one kernel-launch stream, the
/// device's one CUDA stream (batch 1). Section id and tag 48, clear of hpim's, pimllm's and hyflexpim's.</summary>
public static class GpuStreams
{
    public static StreamKind Kernels { get; } = new(48, 48, "kernels", GpuIsa.Kernels, "GPU stream", (i, w) => new KernelStream(i, w));
}

/// <summary>The kernel launches of one GPU stream, each program (<c>prefill</c>, <c>decode</c>) one after another.</summary>
public sealed record KernelStream(int Stream, IReadOnlyList<Op> Instructions) : InstructionStream(GpuStreams.Kernels, Stream, Instructions);

/// <summary>The gpu binary contract: one kernel stream (index 0), no memory spaces (the model places nothing: a
/// kernel's work says what it moves); every work word is consumed by a launch in the same program.</summary>
public sealed class GpuBinaryContract : IBinaryContract
{
    public string Kind => GpuKind.Name;

    public IReadOnlyList<StreamKind> Streams { get; } = [GpuStreams.Kernels];

    public IReadOnlyList<MemorySpace> Spaces { get; } = [];

    public void Check(TargetDescription description, PimBinary binary, string location, ExitCode code)
    {
        var t = TargetLoader.As<GpuTarget>(description, location);
        foreach (var s in binary.Streams)
        {
            if (s.Index != 0)
                throw new PimccError(code, location, $"section {s.Name} does not exist on the target", $"'{t.Name}' runs one kernel stream (kernels0)");
            var ends = s.Entries.Select(e => e.Word).Append(s.Words.Count).Where(w => w > 0).ToHashSet();
            var pending = -1;
            for (var i = 0; i < s.Words.Count; i++)
            {
                if (s.Words[i].Spec.Gpu.Action == GpuAction.Launch) pending = -1;
                else if (pending < 0) pending = i;
                if (pending >= 0 && ends.Contains(i + 1))
                    throw new PimccError(code, $"{location}: {s.Name} word {pending}",
                        $"'{s.Words[pending].Mnemonic}' sets the work of a launch that never comes (the program ends at word {i + 1})",
                        "end every kernel with its launch word (k.gemm, k.bmm, k.softmax, k.norm, k.act, k.elt)");
            }
        }
        if (binary.MemoryMap.Count > 0)
            throw new PimccError(code, location, $"region \"{binary.MemoryMap[0].Name}\" has no memory space on a GPU target", "a gpu binary has no memory map");
    }
}

/// <summary>The gpu stream of a binary under its own name.</summary>
public static class GpuBinary
{
    extension(PimBinary bin)
    {
        /// <summary>The kernel stream (index 0), or null.</summary>
        public KernelStream? KernelStream => (KernelStream?)bin.Stream(GpuStreams.Kernels, 0);
    }
}
