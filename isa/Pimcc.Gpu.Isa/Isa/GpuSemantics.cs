using Pimcc.Isa.Encoding;

namespace Pimcc.Gpu.Isa;

/// <summary>What a kernel-launch word does: the column the simulator and the contract dispatch on.</summary>
public enum GpuAction
{
    /// <summary>Sets the FLOPs of the next launch (base + perkv x kv).</summary>
    SetFlops,
    /// <summary>Sets the bytes the next launch reads and writes (base + perkv x kv).</summary>
    SetBytes,
    /// <summary>Launches one kernel with the work set before it; the work words are consumed (the next kernel starts at zero).</summary>
    Launch,
}

/// <summary>The semantic columns of a GPU table row; read as <c>spec.Gpu</c>. <see cref="Kernel"/> is the launch's
/// kernel class (which per-kernel overhead of the description it is charged), null for work words.</summary>
public sealed record GpuSemantics(GpuAction Action, KernelClass? Kernel) : IOpSemantics
{
    public IReadOnlyList<KeyValuePair<string, string>> Columns =>
    [
        new("action", Action.ToString()),
        new("kernel class (overhead)", Kernel?.ToString() ?? ""),
    ];
}

/// <summary>The GPU semantic columns read off a table row.</summary>
public static class GpuOpSpec
{
    extension(OpSpec spec)
    {
        /// <summary>The row's GPU semantics (every row of <see cref="GpuIsa.Kernels"/> has them).</summary>
        public GpuSemantics Gpu => (GpuSemantics)spec.Semantics;
    }
}
