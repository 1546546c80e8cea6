using Pimcc.Diagnostics;
using Pimcc.Targets;

namespace Pimcc.Compiler.Targets;

/// <summary>The registered target compilers (<see cref="ICompilerTarget"/>), by description kind.</summary>
public static class CompilerTargets
{
    private static readonly Lazy<IReadOnlyDictionary<string, ICompilerTarget>> ByKind = new(() =>
    {
        var all = new SortedDictionary<string, ICompilerTarget>(StringComparer.Ordinal);
        foreach (var t in TargetComponents.Of<ICompilerTarget>())
            if (!all.TryAdd(t.Kind, t)) throw new InvalidOperationException($"two compilers registered for kind '{t.Kind}'");
        return all;
    });

    public static IReadOnlyList<ICompilerTarget> All => ByKind.Value.Values.ToList();

    public static ICompilerTarget? Find(string kind) => ByKind.Value.GetValueOrDefault(kind);

    /// <summary>The compiler of <paramref name="target"/>'s kind, or an error saying no compiler serves it.</summary>
    public static ICompilerTarget For(TargetDescription target) =>
        Find(target.Kind) ?? throw new PimccError(ExitCode.UnknownTarget, target.Name,
            $"no compiler is registered for target kind '{target.Kind}'",
            $"kinds with a compiler: {string.Join(", ", ByKind.Value.Keys)}");
}
