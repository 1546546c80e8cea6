using Pimcc.Targets;
using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;

namespace Pimcc.Hpim.Compiler.Passes;

/// <summary>
/// Hybrid HP/TP tiling of weights across HBM channels (HPIM compiler step 3). Q, K and V projection
/// weights are allocated head-wise by Algorithm 1 (<see cref="HeadAllocation"/>; K/V with the KV
/// head count under GQA); every other weight (output projection, FFN, LM head) is striped by output
/// feature over all channels (<see cref="FeatureStriping"/>). Decode and prefill use the same
/// placement: decode computes in place, prefill streams from it.
/// </summary>
public sealed class HpimTileWeights : Pass
{
    public static readonly Statistic HeadWise = new("head-wise-weights", "weights tiled head-wise by Algorithm 1");
    public static readonly Statistic TensorWise = new("tensor-wise-weights", "weights striped over all channels by output feature");

    public override string Name => "hpim-tile-weights";
    public override string Summary => "tile Q/K/V weights head-wise (Algorithm 1) and other weights tensor-wise over HBM channels";
    public override ImmutableArray<Statistic> Statistics => [HeadWise, TensorWise];
    public override ImmutableArray<string> Requires => [HpimAttrs.StagesMapped];
    public override ImmutableArray<string> Establishes => [HpimAttrs.WeightsTiled];

    public override Module Run(Module module, PassContext context)
    {
        var channels = context.TargetAs<HpimTarget>().Hbm.Organization.Channels;
        var cores = context.TargetAs<HpimTarget>().Sram.Cores;
        var tilings = new Dictionary<string, AttrMap>(StringComparer.Ordinal);
        foreach (var op in module.Functions.SelectMany(f => f.Body).Where(IsWeightLinear))
        {
            var weight = op.Operands[1].Name;
            if (tilings.ContainsKey(weight)) continue;
            var w = module.FindWeight(weight)!;
            var features = (int)w.Type.Shape[0].Constant;
            var heads = HeadsFor(module, op.Attrs.StrOr("role", ""), features);
            AttrMap t;
            if (heads is { } h)
            {
                var a = HeadAllocation.Compute(h, features / h, channels, cores);
                t = AttrMap.Empty.Set(HpimAttrs.Tiling, "hp")
                    .Set(HpimAttrs.Rounds, AttrValue.Of(a.Rounds.Select(r => (long)r.Heads)))
                    .Set(HpimAttrs.ChannelsPerHead, AttrValue.Of(a.Rounds.Select(r => (long)r.ChannelsPerHead)));
                context.Stats.Add(HeadWise);
            }
            else
            {
                t = AttrMap.Empty.Set(HpimAttrs.Tiling, "tp")
                    .Set(HpimAttrs.FeaturesPerChannel, new FeatureStriping(features, channels).MaxFeaturesPerChannel);
                context.Stats.Add(TensorWise);
            }
            tilings[weight] = t;
        }
        return module.WithFunctions(module.Functions.Select(f => f.WithBody(f.Body.Select(op =>
            IsWeightLinear(op) ? op.WithAttrs(Merge(op.Attrs, tilings[op.Operands[1].Name])) : op))));
    }

    public static bool IsWeightLinear(Operation op) =>
        op.Opcode == "linear" && op.Operands.Length >= 2 && op.Operands[1].Kind == OperandKind.Weight;

    /// <summary>Head count for a Q/K/V projection whose output is whole heads; null for tensor-wise weights.</summary>
    private static int? HeadsFor(Module m, string role, int features)
    {
        var key = role switch { "q_proj" => "num_heads", "k_proj" or "v_proj" => "num_kv_heads", _ => null };
        if (key is null || !m.Attrs.ContainsKey(key) || !m.Attrs.ContainsKey("head_dim")) return null;
        var heads = m.Attrs.Int(key);
        return heads > 0 && heads * m.Attrs.Int("head_dim") == features ? (int)heads : null;
    }

    private static AttrMap Merge(AttrMap a, AttrMap b) => b.Aggregate(a, (acc, kv) => acc.Set(kv.Key, kv.Value));
}
