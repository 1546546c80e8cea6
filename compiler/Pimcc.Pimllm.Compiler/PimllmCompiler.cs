using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Targets;
using Pimcc.Pimllm.Compiler;
using Pimcc.Pimllm.Compiler.Passes;
using Pimcc.Pimllm.Isa;

[assembly: Pimcc.Targets.TargetComponent(typeof(PimllmCompiler))]

namespace Pimcc.Pimllm.Compiler;

/// <summary>
/// The pimllm compiler (also for tpu-llm, the same kind without crossbars): quantisation before annotation, so costs
/// count 1-bit weights; weight placement, KV-cache placement and attention schedules; then the lowering to the
/// crossbar, systolic-array and LPDDR DMA streams (<c>pimllm-lower</c>) and, for models with weights, the memory image (<c>pimllm-memory-image</c>).
/// </summary>
public sealed class PimllmCompiler : ICompilerTarget
{
    /// <summary>The pipeline up to the attention schedules: the IR a backend will read.</summary>
    public const string ScheduledPipelineText =
        "infer-shapes,canonicalize,deinterleave-rotary,fold-rotary-amplitude,complete-norm-params,bind-workload,pimllm-quantize-weights,annotate-ops," +
        "pimllm-quantize-activations,pimllm-place-weights,pimllm-place-kv-cache,pimllm-lower-attention";

    public const string PipelineText = ScheduledPipelineText + ",pimllm-lower,pimllm-memory-image";

    public string Kind => PimllmKind.Name;

    public IReadOnlyList<Pass> Passes { get; } =
    [
        new PimllmQuantizeWeights(), new PimllmQuantizeActivations(), new PimllmPlaceWeights(), new PimllmPlaceKvCache(),
        new PimllmLowerAttention(), new PimllmLower(), new PimllmEmbedImage(),
    ];

    public string Pipeline => PipelineText;

    public IReadOnlyList<TargetFlag> Flags { get; } =
    [
        new("--weights", "pimllm: 1-bit weight format, binary (BitNet) or ternary (BitNet b1.58)", "pimllm-quantize-weights", "weights"),
    ];
}
