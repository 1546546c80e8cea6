using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Targets;
using Pimcc.Hyflexpim.Compiler;
using Pimcc.Hyflexpim.Compiler.Passes;
using Pimcc.Hyflexpim.Isa;

[assembly: Pimcc.Targets.TargetComponent(typeof(HyflexpimCompiler))]

namespace Pimcc.Hyflexpim.Compiler;

/// <summary>The hyflexpim compiler: SVD rank truncation, the SLC/MLC split, unit mapping and the lowering to streams (docs/hyflexpim-passes.md).</summary>
public sealed class HyflexpimCompiler : ICompilerTarget
{
    /// <summary>The shared front and the mapping passes: the IR a lowering will read.</summary>
    public const string MappingPipelineText =
        "infer-shapes,canonicalize,deinterleave-rotary,complete-norm-params,bind-workload,svd-rank,assign-slc-mlc,hyflexpim-quantize,annotate-ops,hyflexpim-map-units,hyflexpim-map-crossbars,hyflexpim-allocate-pus";

    /// <summary>The full pipeline: the mapping, then the lowering to streams and the memory image.</summary>
    public const string PipelineText = MappingPipelineText + ",hyflexpim-lower,hyflexpim-memory-image";

    public string Kind => HyflexpimKind.Name;

    public IReadOnlyList<Pass> Passes { get; } =
        [new SvdRank(), new AssignSlcMlc(), new HyflexpimQuantize(), new HyflexpimMapUnits(), new HyflexpimMapCrossbars(), new HyflexpimAllocatePus(), new HyflexpimLower(), new HyflexpimMemoryImage()];

    public string Pipeline => PipelineText;

    /// <summary>Encoders lower to a prefill program only, their attention unmasked (dg.mask / sfu.mask full).</summary>
    public bool CompilesEncoders => true;

    public IReadOnlyList<TargetFlag> Flags { get; } =
    [
        new("--slc-fraction", "hyflexpim: fraction of each weight's SVD ranks in SLC crossbars, in [0, 1] (default 0.05)", "assign-slc-mlc", AssignSlcMlc.SlcFractionOption.Name),
        new("--importance", "hyflexpim: per-rank importance profile (pimcc-importance/1 JSON) ordering ranks for the SLC split", "assign-slc-mlc", AssignSlcMlc.ImportanceOption.Name),
    ];
}
