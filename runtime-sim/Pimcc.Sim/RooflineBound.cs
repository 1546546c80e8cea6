namespace Pimcc.Sim;

/// <summary>One resource of a target's roofline: its name (the report statistic <c>phase.roofline.NAME</c>), what
/// work over which peak it divides (for the report's description), and the seconds that work needs at the peak.</summary>
public sealed record RooflineResource(string Name, string Work, double Seconds);

/// <summary>
/// A target's lower bound for an amount of work: each declared resource needs at least its work over its peak rate;
/// the resources overlap, so the bound is the largest of these times and the limiter is that resource. Targets
/// declare their resources (rates from the description only); the report renders them the same way for every target.
/// </summary>
public sealed record RooflineBound(IReadOnlyList<RooflineResource> Resources)
{
    public double BoundS => Resources.Count == 0 ? 0 : Resources.Max(r => r.Seconds);

    /// <summary>Name of the resource that sets the bound (the first of equals, in declaration order).</summary>
    public string Limiter => Resources.Count == 0 ? "" : Resources.Aggregate((a, b) => b.Seconds > a.Seconds ? b : a).Name;

    /// <summary>Seconds of the named resource.</summary>
    public double Seconds(string name) => Resources.FirstOrDefault(r => r.Name == name)?.Seconds
        ?? throw new ArgumentException($"no roofline resource '{name}'", nameof(name));
}
