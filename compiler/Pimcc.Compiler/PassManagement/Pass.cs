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

    public abstract Module Run(Module module, PassContext context);
}

/// <summary>What a pass run sees: its options, statistics sink and (for target passes) the resolved target.</summary>
public sealed class PassContext(PassOptions options, PassStatistics statistics, HpimTarget? target = null)
{
    public PassOptions Options { get; } = options;
    public PassStatistics Stats { get; } = statistics;

    /// <summary>The resolved target description; target-specific passes require it.</summary>
    public HpimTarget Target => target ?? throw new InvalidOperationException("this pass needs a target description");
}
