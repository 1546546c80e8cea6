using Pimcc.Compiler.PassManagement;

namespace Pimcc.Compiler.Targets;

/// <summary>
/// A target's compiler: its own passes (lowering and the backend's self-checks among them) and its full default
/// pipeline, which starts with the shared front (<see cref="PassRegistry.FrontPipeline"/>). Registered in the
/// target's assembly with <c>[assembly: TargetComponent(typeof(...))]</c> and found by <see cref="CompilerTargets"/>
/// through the description's kind.
/// </summary>
public interface ICompilerTarget
{
    /// <summary>The description kind this compiler serves.</summary>
    string Kind { get; }

    /// <summary>The target's own passes, in pipeline order.</summary>
    IReadOnlyList<Pass> Passes { get; }

    /// <summary>The pipeline a compile runs when <c>--passes</c> is not given; its last pass leaves the binary in
    /// <see cref="CompilationArtifacts"/>.</summary>
    string Pipeline { get; }

    /// <summary>Command-line flags that set options of the target's passes (none by default).</summary>
    IReadOnlyList<TargetFlag> Flags => [];

    /// <summary>Whether the lowering compiles encoder-only modules (docs/ir.md, "Encoders": a prefill program with
    /// bidirectional attention and no decode step); the driver refuses them (exit 22) for a kind that does not.</summary>
    bool CompilesEncoders => false;
}
