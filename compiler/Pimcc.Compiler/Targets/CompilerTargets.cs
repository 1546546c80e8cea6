using Pimcc.Diagnostics;
using Pimcc.Targets;

namespace Pimcc.Compiler.Targets;

/// <summary>The registered target compilers (<see cref="ICompilerTarget"/>), by description kind.</summary>
public static class CompilerTargets
{
    private static readonly KindRegistry<ICompilerTarget> Registry = new(t => t.Kind, "compilers");

    public static IReadOnlyList<ICompilerTarget> All => Registry.All;

    public static ICompilerTarget? Find(string kind) => Registry.Find(kind);

    /// <summary>Every flag some registered target declares, by name (ordinal); a name two targets declare appears once,
    /// with the kinds that accept it.</summary>
    public static IReadOnlyList<(string Name, string Description, IReadOnlyList<string> Kinds)> Flags =>
        All.SelectMany(t => t.Flags.Select(f => (Flag: f, t.Kind)))
            .GroupBy(x => x.Flag.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().Flag.Description, (IReadOnlyList<string>)g.Select(x => x.Kind).Distinct().Order(StringComparer.Ordinal).ToList()))
            .ToList();

    /// <summary>The compiler of <paramref name="target"/>'s kind, or an error saying no compiler serves it.</summary>
    public static ICompilerTarget For(TargetDescription target) =>
        Find(target.Kind) ?? throw new PimccError(ExitCode.UnknownTarget, target.Name,
            $"no compiler is registered for target kind '{target.Kind}'",
            $"kinds with a compiler: {Registry.Kinds}");
}
