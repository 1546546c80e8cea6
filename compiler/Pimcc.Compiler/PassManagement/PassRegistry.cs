using System.Collections.Immutable;
using Pimcc.Compiler.Passes;

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
    ]);

    public PassRegistry(ImmutableArray<Pass> passes) => All = passes;

    public ImmutableArray<Pass> All { get; }

    public Pass? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>The target-independent front of every compilation.</summary>
    public const string DefaultFrontPipeline = "infer-shapes,canonicalize,bind-workload,annotate-ops";
}
