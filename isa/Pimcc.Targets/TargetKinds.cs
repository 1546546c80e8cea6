using Pimcc.Diagnostics;

namespace Pimcc.Targets;

/// <summary>The registered target kinds (<see cref="ITargetKind"/>), by their <c>"kind"</c> name.</summary>
public static class TargetKinds
{
    private static readonly Lazy<IReadOnlyDictionary<string, ITargetKind>> ByKind = new(() =>
    {
        var kinds = new SortedDictionary<string, ITargetKind>(StringComparer.Ordinal);
        foreach (var k in TargetComponents.Of<ITargetKind>())
            if (!kinds.TryAdd(k.Kind, k))
                throw new InvalidOperationException($"target kind '{k.Kind}' is registered twice");
        return kinds;
    });

    /// <summary>Every registered kind, in name order.</summary>
    public static IReadOnlyList<ITargetKind> All => ByKind.Value.Values.ToList();

    public static ITargetKind? Find(string kind) => ByKind.Value.GetValueOrDefault(kind);

    /// <summary>The kind named at <paramref name="location"/>, or an invalid-description error listing the known kinds.</summary>
    public static ITargetKind Get(string kind, string location) =>
        Find(kind) ?? throw new PimccError(ExitCode.InvalidTargetDescription, location, $"unknown target kind '{kind}'",
            $"known kinds: {string.Join(", ", ByKind.Value.Keys)}");
}
