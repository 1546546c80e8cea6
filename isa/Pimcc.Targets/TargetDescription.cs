using Pimcc.Targets.Description;

namespace Pimcc.Targets;

/// <summary>
/// A resolved, validated, immutable target description: what every target's typed record shares. The typed
/// record of a kind (its units, its derived totals) derives from this; the shared machinery (loader, overrides,
/// canonical JSON, SHA) sees only this. Built only by <see cref="TargetLoader"/> through the kind's
/// <see cref="ITargetKind.Build"/>.
/// </summary>
public abstract record TargetDescription
{
    public required string Name { get; init; }
    /// <summary>The description's kind (<c>"kind"</c> in the JSON): which registered target unit it describes.</summary>
    public required string Kind { get; init; }
    public required string Summary { get; init; }

    /// <summary>Every parameter with its source, in schema order (for reports and rendering).</summary>
    public required ResolvedParameters Parameters { get; init; }

    /// <summary>Canonical, deterministic JSON of this description (loadable again as a target file).</summary>
    public required string CanonicalJson { get; init; }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 bytes of <see cref="CanonicalJson"/>.</summary>
    public required string Sha256 { get; init; }
}
