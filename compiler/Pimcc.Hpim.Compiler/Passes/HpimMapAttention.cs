using Pimcc.Targets;
using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;

namespace Pimcc.Hpim.Compiler.Passes;

/// <summary>
/// SRAM-side attention mapping. Query heads are processed in the same power-of-two head groups as
/// Algorithm 1 places them in HBM, so each group's Q/K/V vectors stream straight to the cores that
/// own the group: with h heads in a phase on C cores, each head gets C/h cores. One head per core
/// when heads == cores; several phases when heads > cores; intra-head TP when a head has several
/// cores, which then all-gather their local softmax maxima and exp-sums over the NoC. When a
/// core's share of Kᵀ and V for the whole workload does not fit its PIM macros, the KV length is
/// tiled (<c>hpim.kv_tiles</c>).
/// </summary>
public sealed class HpimMapAttention : Pass
{
    public static readonly Statistic Phases = new("phases", "attention phases (head groups) per layer, summed over layers");
    public static readonly Statistic AllGathers = new("allgather-phases", "phases that split a head over several cores");
    public static readonly Statistic KvTiled = new("kv-tiled", "decode attention ops whose KV length is tiled to fit the PIM macros");

    public override string Name => "hpim-map-attention";
    public override string Summary => "map attention heads to SRAM-PIM cores in phases, with intra-head TP when heads < cores";
    public override ImmutableArray<Statistic> Statistics => [Phases, AllGathers, KvTiled];
    public override ImmutableArray<string> Requires => [HpimAttrs.WeightsTiled];
    public override ImmutableArray<string> Establishes => [HpimAttrs.AttentionMapped];

    public override Module Run(Module module, PassContext context)
    {
        var t = context.TargetAs<HpimTarget>();
        var cores = t.Sram.Cores;
        var channels = t.Hbm.Organization.Channels;
        return module.WithFunctions(module.Functions.Select(f => f.WithBody(f.Body.Select(op =>
        {
            if (op.Opcode != "attention") return op;
            var heads = (int)op.Attrs.Int("heads");
            var headDim = op.Attrs.Int("head_dim");
            var alloc = HeadAllocation.Compute(heads, (int)headDim, channels, cores);
            var perPhase = alloc.Rounds.Select(r => (long)r.Heads).ToList();
            var coresPerHead = alloc.Rounds.Select(r => (long)Math.Max(1, cores / r.Heads)).ToList();
            context.Stats.Add(Phases, perPhase.Count);
            context.Stats.Add(AllGathers, coresPerHead.Count(c => c > 1));
            var attrs = op.Attrs.Set(HpimAttrs.HeadsPerPhase, AttrValue.Of(perPhase))
                .Set(HpimAttrs.CoresPerHead, AttrValue.Of(coresPerHead))
                .Set(HpimAttrs.AllGather, coresPerHead.Any(c => c > 1));
            if (f.Name == Module.Decode)
            {
                // Kᵀ and V of one head over the whole cache, split over the head's cores.
                var cache = module.FindKvCache(op.Attrs.Str("cache"))!;
                var elt = (cache.Type.Element.Bits() + 7) / 8;
                var bytes = 2 * headDim * cache.MaxLength * elt / coresPerHead.Min();
                var tiles = (bytes + t.Sram.PimUnit.CapacityBytes - 1) / t.Sram.PimUnit.CapacityBytes;
                if (tiles > 1) context.Stats.Add(KvTiled);
                attrs = attrs.Set(HpimAttrs.KvTiles, tiles);
            }
            return op.WithAttrs(attrs);
        }))));
    }
}
