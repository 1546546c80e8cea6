using System.Collections.Immutable;
using Pimcc.Compiler.Passes;
using Pimcc.Compiler.Targets.Hpim.Passes;

namespace Pimcc.Compiler.PassManagement;

/// <summary>The one list of every pass pimcc has. Pipelines name passes from here.</summary>
public sealed class PassRegistry
{
    public static PassRegistry Default { get; } = new(
    [
        new InferShapes(),
        new Canonicalize(),
        new BindWorkload(),
        new AnnotateOps(),
        new HpimConvertPrecision(),
        new HpimMapStages(),
        new HpimTileWeights(),
        new HpimMapAttention(),
        new HpimPlanMemory(),
        new HpimSchedule(),
    ]);

    public PassRegistry(ImmutableArray<Pass> passes) => All = passes;

    public ImmutableArray<Pass> All { get; }

    public Pass? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>The target-independent front of every compilation.</summary>
    public const string DefaultFrontPipeline = "infer-shapes,canonicalize,bind-workload,annotate-ops";

    /// <summary>The full pipeline for the hpim target.</summary>
    public const string HpimPipeline =
        "infer-shapes,canonicalize,bind-workload,hpim-convert-precision,annotate-ops," +
        "hpim-map-stages,hpim-tile-weights,hpim-map-attention,hpim-plan-memory,hpim-schedule";
}
