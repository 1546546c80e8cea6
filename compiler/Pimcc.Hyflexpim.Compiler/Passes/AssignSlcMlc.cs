using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Reference;
using A = Pimcc.Hyflexpim.Compiler.HyflexpimAttrs;

namespace Pimcc.Hyflexpim.Compiler.Passes;

/// <summary>
/// HyFlexPIM's SLC/MLC split: of every factored weight's R ranks, the top <c>ceil(slc-fraction · R)</c> go to SLC
/// crossbars (robust), the rest to 2-bit MLC (dense, noisy). Ranks are ordered by an importance profile (gradient
/// magnitudes per rank, <see cref="ImportanceProfile"/>) when one is given, else by singular value; a config-only model
/// gets the same split by rank count. The ranks are permuted so the SLC ones come first, in both factors (the product
/// is unchanged), and the weights record the split (<c>hfp.slc_ranks</c>) and the order (<c>hfp.rank_order</c>).
/// </summary>
public sealed class AssignSlcMlc : Pass
{
    public static readonly PassOption SlcFractionOption = PassOption.Real("slc-fraction", "fraction of each weight's ranks mapped to SLC, in [0, 1] (paper: 0.05-0.2)", 0.05);
    public static readonly PassOption ImportanceOption = PassOption.Str("importance", "importance profile file (pimcc-importance/1); empty: order ranks by singular value", "");

    public static readonly Statistic Weights = new("weights-assigned", "factored weights split into SLC and MLC ranks");
    public static readonly Statistic SlcRankCount = new("slc-ranks", "ranks mapped to SLC");
    public static readonly Statistic MlcRankCount = new("mlc-ranks", "ranks mapped to MLC");
    public static readonly Statistic Reordered = new("weights-reordered", "weights whose ranks were permuted to put the SLC ranks first");

    public override string Name => "assign-slc-mlc";
    public override string Summary => "map the top slc-fraction of each factored weight's ranks (by importance profile or singular value) to SLC, the rest to MLC";
    public override ImmutableArray<PassOption> Options => [SlcFractionOption, ImportanceOption];
    public override ImmutableArray<Statistic> Statistics => [Weights, SlcRankCount, MlcRankCount, Reordered];
    public override ImmutableArray<string> Requires => [A.SvdFactored];
    public override ImmutableArray<string> Establishes => [A.SlcMlcAssigned];

    /// <summary>Ranks that go to SLC: ceil(fraction · R), with a guard against 0.1 · 30 = 3.0000000000000004.</summary>
    public static long SlcRanks(double fraction, long ranks) => Math.Min(ranks, (long)Math.Ceiling(fraction * ranks - 1e-9));

    public override Module Run(Module module, PassContext context)
    {
        var fraction = context.Options.Real(SlcFractionOption);
        if (!(fraction >= 0 && fraction <= 1))
            throw new PimccError(ExitCode.SlcFractionOutOfRange, "--slc-fraction (assign-slc-mlc{slc-fraction})",
                $"SLC fraction {fraction.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside [0, 1]", "use a fraction such as 0.05 (5% of ranks in SLC)");
        var path = context.Options.Str(ImportanceOption);
        var profile = path.Length == 0 ? null : ImportanceProfile.Read(path);

        var pairs = module.Weights.Where(w => w.Attrs.StrOr(A.Factor, "") == A.SigmaVt).ToDictionary(w => w.Attrs.Str(A.SvdOf), StringComparer.Ordinal);
        if (profile is not null) CheckProfile(profile, pairs, module);

        var replaced = new Dictionary<string, Weight>(StringComparer.Ordinal);
        foreach (var (source, sigmaVt) in pairs)
        {
            var u = module.FindWeight(source + ".svd_u")!;
            var r = sigmaVt.Type.Shape[0].Constant;
            var slc = SlcRanks(fraction, r);
            context.Stats.Add(Weights);
            context.Stats.Add(SlcRankCount, slc);
            context.Stats.Add(MlcRankCount, r - slc);
            double[]? importance = profile?.Weights[source].Importance
                ?? (sigmaVt.Attrs.TryGetValue(A.Sigma, out _) ? [.. sigmaVt.Attrs.Floats(A.Sigma)] : null);
            var orderedBy = profile is not null ? "profile" : importance is not null ? "singular-value" : "rank-count";
            var attrs = AttrMap.Empty.Set(A.SlcRanks, slc).Set(A.OrderedBy, orderedBy);
            if (importance is null || !sigmaVt.HasData)
            {
                replaced[sigmaVt.Name] = sigmaVt with { Attrs = Merge(sigmaVt.Attrs, attrs) };
                replaced[u.Name] = u with { Attrs = Merge(u.Attrs, attrs) };
                continue;
            }
            // Most important first; equal importance keeps singular-value order (stable sort on the rank index).
            var order = Enumerable.Range(0, (int)r).OrderByDescending(k => importance[k]).ThenBy(k => k).ToArray();
            attrs = attrs.Set(A.RankOrder, AttrValue.Of(order.Select(k => (long)k)));
            if (order.Where((k, i) => k != i).Any()) context.Stats.Add(Reordered);
            replaced[sigmaVt.Name] = Permute(sigmaVt, order, rowsAreRanks: true) with { Attrs = Merge(sigmaVt.Attrs, attrs) };
            replaced[u.Name] = Permute(u, order, rowsAreRanks: false) with { Attrs = Merge(u.Attrs, attrs) };
        }
        var weights = module.Weights.Select(w => replaced.GetValueOrDefault(w.Name, w));
        return (module with { Weights = [.. weights] }).WithAttrs(module.Attrs.Set(A.SlcFraction, fraction));
    }

    private static AttrMap Merge(AttrMap into, AttrMap add) => add.Aggregate(into, (m, kv) => m.Set(kv.Key, kv.Value));

    /// <summary>Rows (Σ Vᵀ) or columns (U) of a factor in the new rank order.</summary>
    private static Weight Permute(Weight w, int[] order, bool rowsAreRanks)
    {
        long rows = w.Type.Shape[0].Constant, cols = w.Type.Shape[1].Constant;
        var v = WeightData.Decode(w.Type, w.Data, $"weight @{w.Name}").Floats!;
        var p = new double[v.Length];
        for (long i = 0; i < rows; i++)
            for (long j = 0; j < cols; j++)
                p[i * cols + j] = rowsAreRanks ? v[order[i] * cols + j] : v[i * cols + order[j]];
        return w with { Data = WeightData.Encode(w.Type.Element, p) };
    }

    private static void CheckProfile(ImportanceProfile profile, Dictionary<string, Weight> pairs, Module module)
    {
        foreach (var name in profile.Weights.Keys)
            if (!pairs.ContainsKey(name))
                throw new PimccError(ExitCode.ImportanceModelMismatch, profile.Path,
                    $"profile names weight '{name}', which model '{module.Name}' has no factored linear of", "use the profile made for this model (or re-run the gradient-redistribution tool on it)");
        foreach (var (name, sigmaVt) in pairs)
        {
            if (!profile.Weights.TryGetValue(name, out var entry))
                throw new PimccError(ExitCode.ImportanceModelMismatch, profile.Path,
                    $"profile has no entry for weight '{name}' of model '{module.Name}'", "use the profile made for this model (or re-run the gradient-redistribution tool on it)");
            var original = module.FindWeight(name + ".svd_u")!.Type.Shape[0].Constant;
            long[] shape = [original, sigmaVt.Type.Shape[1].Constant];
            if (!entry.Shape.SequenceEqual(shape))
                throw new PimccError(ExitCode.ImportanceShapeMismatch, profile.Path,
                    $"weight '{name}' is [{string.Join(", ", entry.Shape)}] in the profile but [{string.Join(", ", shape)}] in the model", "use the profile made for this model");
            var r = sigmaVt.Type.Shape[0].Constant;
            if (entry.Importance.Length != r)
                throw new PimccError(ExitCode.ImportanceShapeMismatch, profile.Path,
                    $"weight '{name}' has {entry.Importance.Length} importance values, its truncated rank is {r}", $"give one value per rank: floor(D1*D2/(D1+D2)) = {r}");
        }
    }
}
