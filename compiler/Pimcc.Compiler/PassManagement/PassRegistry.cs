using System.Collections.Immutable;
using Pimcc.Compiler.Passes;
using Pimcc.Compiler.Targets;

namespace Pimcc.Compiler.PassManagement;

/// <summary>
/// Passes by name. The shared front passes are every target's; each target adds its own (<see cref="ICompilerTarget"/>).
/// Pipelines name passes from a registry: <see cref="For"/> a target's, or <see cref="Default"/> (every pass of every
/// registered target) for IR-only work.
/// </summary>
public sealed class PassRegistry
{
    /// <summary>The target-independent passes.</summary>
    public static PassRegistry Front { get; } = new([new InferShapes(), new Canonicalize(), new DeinterleaveRotary(), new FoldRotaryAmplitude(), new CompleteNormParams(), new BindWorkload(), new AnnotateOps()]);

    /// <summary>The shared front and every registered target's passes.</summary>
    public static PassRegistry Default { get; } = new([.. Front.All, .. CompilerTargets.All.SelectMany(t => t.Passes)]);

    /// <summary>The shared front and the passes of <paramref name="target"/>.</summary>
    public static PassRegistry For(ICompilerTarget target) => new([.. Front.All, .. target.Passes]);

    public PassRegistry(ImmutableArray<Pass> passes)
    {
        var twice = passes.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new InvalidOperationException($"pass '{twice.Key}' is registered twice");
        All = passes;
    }

    public ImmutableArray<Pass> All { get; }

    public Pass? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>The target-independent front of every compilation (what an IR-only compile without a target runs).</summary>
    public const string FrontPipeline = "infer-shapes,canonicalize,bind-workload,annotate-ops";
}
