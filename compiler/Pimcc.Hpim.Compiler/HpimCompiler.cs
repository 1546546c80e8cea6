using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Targets;
using Pimcc.Hpim.Compiler;
using Pimcc.Hpim.Compiler.Passes;
using Pimcc.Targets.Hpim;

[assembly: Pimcc.Targets.TargetComponent(typeof(HpimCompiler))]

namespace Pimcc.Hpim.Compiler;

/// <summary>The hpim compiler: its passes in pipeline order, from precision conversion to the memory image.</summary>
public sealed class HpimCompiler : ICompilerTarget
{
    /// <summary>The hpim pipeline up to scheduling: the IR the lowering reads.</summary>
    public const string ScheduledPipelineText =
        "infer-shapes,canonicalize,deinterleave-rotary,bind-workload,hpim-convert-precision,annotate-ops," +
        "hpim-map-stages,hpim-tile-weights,hpim-map-attention,hpim-plan-memory,hpim-schedule";

    /// <summary>The full hpim pipeline: the shared front (with precision conversion before annotation), the mapping and
    /// planning passes, lowering and the backend's self-checks.</summary>
    public const string PipelineText = ScheduledPipelineText + ",hpim-lower,hpim-check-sync,hpim-check-timing,hpim-memory-image";

    public string Kind => HpimKind.Name;

    public IReadOnlyList<Pass> Passes { get; } =
    [
        new HpimConvertPrecision(), new HpimMapStages(), new HpimTileWeights(), new HpimMapAttention(), new HpimPlanMemory(),
        new HpimSchedule(), new HpimLower(), new HpimCheckSync(), new HpimCheckTiming(), new HpimMemoryImage(),
    ];

    public string Pipeline => PipelineText;
}
