using Pimcc.Targets.Description;

namespace Pimcc.Targets;

/// <summary>What a kind's builder is given: the resolved parameters and where they came from.</summary>
/// <param name="Overridden">True when <c>--set</c> overrides were applied (totals not set by the user are then recomputed, not checked).</param>
public sealed record DescriptionBuild(string Name, string Summary, string Origin, ResolvedParameters Parameters, bool Overridden)
{
    /// <summary>An error about one key: at <c>--set key</c> when the key was overridden, else at the file's key.</summary>
    public Pimcc.Diagnostics.PimccError Error(string key, string message, string hint) =>
        new(Pimcc.Diagnostics.ExitCode.InvalidTargetDescription, Where(key), message, hint);

    public string Where(string key) =>
        IsOverride(Parameters[key]) ? $"--set {key}" : RawDescription.Location(Origin, key);

    public static bool IsOverride(ResolvedParameter r) => r.Source.StartsWith("override --set ", StringComparison.Ordinal);

    /// <summary>The canonical JSON and its SHA-256 for the (possibly re-derived) parameters.</summary>
    public (string Json, string Sha256) Canonical(string kind, ResolvedParameters parameters)
    {
        var json = CanonicalTargetJson.Render(Name, kind, Summary, parameters);
        return (json, CanonicalTargetJson.Sha256Hex(json));
    }
}

/// <summary>
/// A target kind's description: its schema, its typed record and the cross-key checks that build it. Registered with
/// <see cref="TargetComponentAttribute"/> in the kind's own assembly and found by <see cref="TargetKinds"/>.
/// </summary>
public interface ITargetKind
{
    /// <summary>The <c>"kind"</c> value its descriptions carry (e.g. <c>hpim</c>).</summary>
    string Kind { get; }

    /// <summary>One line: what machine this kind models.</summary>
    string Summary { get; }

    DescriptionSchema Schema { get; }

    /// <summary>Builds the typed record and checks that the values agree with each other (errors name the key).</summary>
    TargetDescription Build(DescriptionBuild build);

    /// <summary>Markdown sections of docs/targets.md for one preset of this kind beyond its parameter table (derived figures, rule tables).</summary>
    string DocSections(TargetDescription target);
}
