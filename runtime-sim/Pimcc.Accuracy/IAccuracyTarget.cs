using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Accuracy;

/// <summary>
/// What a target kind's accuracy study needs: the passes whose float IR the quantised reference runs, the passes after
/// them whose annotations declare the target's number formats and devices, and how those annotations (with the
/// resolved description) become a <see cref="QuantisationPlan"/>.
/// </summary>
public interface IAccuracyTarget
{
    string Kind { get; }

    /// <summary>The pipeline of the IR the reference runs: float weights, every structural change the target makes
    /// (e.g. each linear as its SVD factors).</summary>
    string RunnablePipeline { get; }

    /// <summary>A pipeline that starts with <see cref="RunnablePipeline"/> and goes on to the passes that annotate
    /// the IR with formats, units and cell modes (not the lowering).</summary>
    string AnnotatedPipeline { get; }

    /// <summary>The plan the annotated IR declares: per linear of the runnable IR (by weight name) its transforms.</summary>
    QuantisationPlan Plan(Module annotated, TargetDescription target);

    /// <summary>Lines for the report: where each read-out width and (with <paramref name="noise"/>) each noise σ came from.</summary>
    IReadOnlyList<string> Describe(TargetDescription target, bool noise);

    /// <summary>What a run on values of this kind's binaries is checked against (<c>pimcc check</c>): a reference on
    /// <paramref name="runnable"/> with <paramref name="plan"/> (noise off) and its per-step tolerance.</summary>
    ValuesReference ValuesReference(Module runnable, QuantisationPlan plan, TargetDescription target);
}

/// <summary>The kinds <c>pimcc eval</c> knows.</summary>
public static class AccuracyTargets
{
    public static readonly IReadOnlyList<IAccuracyTarget> All = [new HyflexpimAccuracy(), new PimllmAccuracy()];

    public static IAccuracyTarget? For(string kind) => All.FirstOrDefault(t => t.Kind == kind);
}
