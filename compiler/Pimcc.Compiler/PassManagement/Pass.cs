using System.Collections.Immutable;
using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Compiler.PassManagement;

/// <summary>
/// A module-to-module transformation with a kebab-case name, a one-line summary, typed options,
/// declared statistics, and the IR properties it requires and establishes. Passes keep no state
/// between runs: everything a run needs arrives in <see cref="PassContext"/>.
/// </summary>
public abstract class Pass
{
    public abstract string Name { get; }
    public abstract string Summary { get; }
    public virtual ImmutableArray<PassOption> Options => [];
    public virtual ImmutableArray<Statistic> Statistics => [];
    public virtual ImmutableArray<string> Requires => [];
    public virtual ImmutableArray<string> Establishes => [];
    /// <summary>Properties this pass invalidates (e.g. rewriting ops drops annotations).</summary>
    public virtual ImmutableArray<string> Invalidates => [];

    /// <summary>
    /// A check: it reads the module and the compilation's artifacts, changes neither and returns its input module
    /// (a self-check of emitted code). Consecutive checks of a pipeline run side by side (<see cref="PassManager"/>),
    /// each on the module as it was before the first of them.
    /// </summary>
    public virtual bool IsCheck => false;

    public abstract Module Run(Module module, PassContext context);
}

/// <summary>
/// What a pass run sees: its options, statistics sink, (for target passes) the resolved target, the compilation's
/// artifacts (streams a lowering left beside the IR) and the compile-wide settings.
/// </summary>
public sealed class PassContext(PassOptions options, PassStatistics statistics, TargetDescription? target = null,
    CompilationArtifacts? artifacts = null, PipelineSettings? settings = null)
{
    public PassOptions Options { get; } = options;
    public PassStatistics Stats { get; } = statistics;

    /// <summary>The resolved target description; target-specific passes require it.</summary>
    public TargetDescription Target => target ?? throw new InvalidOperationException("this pass needs a target description");

    /// <summary>The target as its kind's typed record (a pass of one target run with another's description is a usage error).</summary>
    public T TargetAs<T>() where T : TargetDescription => TargetLoader.As<T>(Target, "--target");

    public CompilationArtifacts Artifacts { get; } = artifacts ?? new CompilationArtifacts();

    public PipelineSettings Settings { get; } = settings ?? PipelineSettings.Default;
}

/// <summary>Compile-wide settings that are not one pass's option.</summary>
/// <param name="Image">Initial memory image in the binary: <c>auto</c> (when weights carry data and fit the limit), <c>on</c> or <c>off</c>.</param>
public sealed record PipelineSettings(string Image)
{
    public static PipelineSettings Default { get; } = new("auto");
}
