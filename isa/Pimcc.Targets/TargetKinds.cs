using Pimcc.Diagnostics;

namespace Pimcc.Targets;

/// <summary>The registered target kinds (<see cref="ITargetKind"/>), by their <c>"kind"</c> name.</summary>
public static class TargetKinds
{
    private static readonly KindRegistry<ITargetKind> Registry = new(k => k.Kind, "description kinds");

    /// <summary>Every registered kind, in name order.</summary>
    public static IReadOnlyList<ITargetKind> All => Registry.All;

    public static ITargetKind? Find(string kind) => Registry.Find(kind);

    /// <summary>The kind named at <paramref name="location"/>, or an invalid-description error listing the known kinds.</summary>
    public static ITargetKind Get(string kind, string location) =>
        Find(kind) ?? throw new PimccError(ExitCode.InvalidTargetDescription, location, $"unknown target kind '{kind}'",
            $"known kinds: {Registry.Kinds}");
}
