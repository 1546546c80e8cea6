namespace Pimcc.Targets.Description;

/// <summary>
/// A kind's <c>totals</c> keys: each restates a figure (a capacity, a bandwidth) that is also computed from other keys.
/// Without overrides the stated value must match the computed one (exactly, or within a relative tolerance for rounded
/// figures); with <c>--set</c> overrides, a total the user did not set is recomputed and marked derived.
/// </summary>
public sealed class DescriptionTotals(DescriptionBuild build, decimal tolerance)
{
    private readonly Dictionary<string, ResolvedParameter> _replaced = new(StringComparer.Ordinal);

    /// <summary>Checks (or re-derives) one total; <paramref name="how"/> names the computation in messages and sources.</summary>
    public void Check(string key, decimal computed, string how, bool exact)
    {
        var p = build.Parameters;
        var stated = p[key];
        if (build.Overridden && !DescriptionBuild.IsOverride(stated))
        {
            _replaced[key] = stated with { Number = computed, Source = $"derived after overrides: {how}" };
            return;
        }
        var off = exact ? stated.Number != computed : Math.Abs(stated.Number - computed) > computed * tolerance;
        if (!off) return;
        var spec = stated.Spec;
        var shown = Units.Show(Math.Round(Units.FromBase(spec.Dimension, computed, spec.Unit, p.Context), 4));
        throw build.Error(key, $"stated total {Units.Show(Units.FromBase(spec.Dimension, stated.Number, spec.Unit, p.Context))} {spec.Unit} does not match {how} = {shown} {spec.Unit}",
            $"set {key} to {shown} or fix the parameters it is computed from");
    }

    /// <summary>The parameters with the re-derived totals in place.</summary>
    public ResolvedParameters Result => build.Parameters.WithReplaced(_replaced);
}
