using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;

namespace Pimcc.Hpim.Compiler.Passes;

/// <summary>
/// Pipeline scheduling, made explicit in the IR. Decode: within a layer HBM-PIM computes K, then Q,
/// then V (the pass reorders the projections), so the transpose unit turns K into Kᵀ while Q is
/// computed and the PIM unit runs Q·Kᵀ while V is computed; attention's head groups overlap S·V on
/// SRAM-PIM with the next group on HBM-PIM. Prefill: every GEMM prefetches the next GEMM's weights
/// (double buffering against TCU work). Each op records <c>sched.slot</c> (issue order),
/// <c>sched.after</c> (ops it waits for: data producers and the previous op on its unit) and
/// <c>sched.overlaps</c> (later ops on other units that may run while it does).
/// </summary>
public sealed class HpimSchedule : Pass
{
    public const string Prefetch = "sched.prefetch";
    private const int OverlapWindow = 4;

    public static readonly Statistic Reordered = new("projections-reordered", "layers whose Q/K/V GEMVs were reordered to K, Q, V");
    public static readonly Statistic OverlapPairs = new("overlap-pairs", "pairs of ops scheduled to overlap");
    public static readonly Statistic Prefetches = new("weight-prefetches", "prefill GEMMs that prefetch the next GEMM's weights");
    public static readonly Statistic RoundMajorLayers = new("round-major-qkv", "attention ops whose K/Q/V GEMVs run round-major (per-round attention overlaps the next round's GEMVs)");

    public override string Name => "hpim-schedule";
    public override string Summary => "order and overlap ops across HBM-PIM and SRAM-PIM units (intra-token pipeline, weight prefetch)";
    public override ImmutableArray<Statistic> Statistics => [Reordered, OverlapPairs, Prefetches, RoundMajorLayers];

    public static readonly PassOption RoundMajorOption = PassOption.Bool("round-major",
        "run multi-round K/Q/V GEMV batches round by round so the next round's GEMVs overlap this round's attention", true);

    public override ImmutableArray<PassOption> Options => [RoundMajorOption];
    public override ImmutableArray<string> Requires => [HpimAttrs.MemoryPlanned];
    public override ImmutableArray<string> Establishes => [HpimAttrs.Scheduled];

    public override Module Run(Module module, PassContext context) =>
        module.WithFunctions(module.Functions.Select(f => Schedule(f, context)));

    private static Function Schedule(Function f, PassContext context)
    {
        var body = f.Name == Module.Decode ? ReorderProjections(f.Body, context) : f.Body;
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastOnUnit = new Dictionary<string, int>(StringComparer.Ordinal);
        var deps = new List<HashSet<int>>();
        var result = new Operation[body.Length];
        for (var i = 0; i < body.Length; i++)
        {
            var op = body[i];
            var d = op.Operands.Where(o => o.Kind == OperandKind.Value && producer.ContainsKey(o.Name)).Select(o => producer[o.Name]).ToHashSet();
            var unit = op.Attrs.StrOr(HpimAttrs.Unit, "");
            var after = new SortedSet<int>(d);
            if (lastOnUnit.TryGetValue(unit, out var prev)) after.Add(prev);
            deps.Add(d);
            lastOnUnit[unit] = i;
            foreach (var r in op.Results) producer[r.Name] = i;
            result[i] = op.WithAttrs(op.Attrs.Set(HpimAttrs.Slot, i)
                .Set(HpimAttrs.After, AttrValue.Of(after.Select(a => body[a].Id))));
        }
        for (var i = 0; i < body.Length; i++)
        {
            var unit = body[i].Attrs.StrOr(HpimAttrs.Unit, "");
            var overlaps = new List<string>();
            for (var j = i + 1; j < Math.Min(body.Length, i + 1 + OverlapWindow); j++)
                if (body[j].Attrs.StrOr(HpimAttrs.Unit, "") != unit && !DependsOn(deps, j, i))
                    overlaps.Add(body[j].Id);
            context.Stats.Add(OverlapPairs, overlaps.Count);
            var attrs = result[i].Attrs.Set(HpimAttrs.Overlaps, AttrValue.Of(overlaps));
            if (f.Name == Module.Prefill && HpimTileWeights.IsWeightLinear(body[i]))
            {
                var next = body.Skip(i + 1).FirstOrDefault(HpimTileWeights.IsWeightLinear);
                if (next is not null)
                {
                    attrs = attrs.Set(Prefetch, next.Operands[1].Name);
                    context.Stats.Add(Prefetches);
                }
            }
            result[i] = result[i].WithAttrs(attrs);
        }
        if (f.Name == Module.Decode && context.Options.Bool(RoundMajorOption)) MarkRoundMajor(f, result, context);
        return f.WithBody(result);
    }

    /// <summary>
    /// Marks attention ops whose K, Q and V come straight from one batch of three head-wise GEMVs with the same
    /// Algorithm-1 rounds (at least two) and are read by nothing else: the lowering runs that batch round-major
    /// (channels: K_r, Q_r, V_r per round, one output event per round) and starts each attention phase as soon as
    /// the rounds holding its heads have arrived, so round r + 1's GEMVs overlap round r's Q·Kᵀ, softmax and S·V.
    /// Anything between the GEMVs and the attention (e.g. rotary) keeps today's projection-major batch.
    /// </summary>
    private static void MarkRoundMajor(Function f, Operation[] body, PassContext context)
    {
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var o in body.SelectMany(op => op.Operands).Concat(f.Returns))
            if (o.Kind == OperandKind.Value) uses[o.Name] = uses.GetValueOrDefault(o.Name) + 1;
        for (var i = 3; i < body.Length; i++)
        {
            var attn = body[i];
            if (attn.Opcode != "attention" || attn.Operands.Length < 3) continue;
            var gemvs = body[(i - 3)..i];
            var rounds = gemvs[0].Attrs.ContainsKey(HpimAttrs.Rounds) ? gemvs[0].Attrs.Ints(HpimAttrs.Rounds) : [];
            var reads = attn.Operands.Take(3).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
            var fits = rounds.Length >= 2 && reads.Count == 3 && gemvs.All(g =>
                HpimTileWeights.IsWeightLinear(g) && g.Operands[0] == gemvs[0].Operands[0]
                && g.Attrs.StrOr(HpimAttrs.Tiling, "tp") == "hp" && g.Attrs.Ints(HpimAttrs.Rounds).SequenceEqual(rounds)
                && reads.Contains(g.Result.Name) && uses.GetValueOrDefault(g.Result.Name) == 1);
            if (!fits) continue;
            for (var k = i - 3; k <= i; k++) body[k] = body[k].WithAttrs(body[k].Attrs.Set(HpimAttrs.RoundMajor, rounds.Length));
            context.Stats.Add(RoundMajorLayers);
        }
    }

    /// <summary>True when op <paramref name="later"/> transitively uses a result of op <paramref name="earlier"/>.</summary>
    private static bool DependsOn(List<HashSet<int>> deps, int later, int earlier)
    {
        var stack = new Stack<int>(deps[later]);
        var seen = new HashSet<int>();
        while (stack.Count > 0)
        {
            var k = stack.Pop();
            if (k == earlier) return true;
            if (k < earlier || !seen.Add(k)) continue;
            foreach (var d in deps[k]) stack.Push(d);
        }
        return false;
    }

    /// <summary>
    /// Puts each run of Q/K/V projections that read the same input in K, Q, V order. Rotary embeddings of the run's
    /// projections (Llama: q, q_rot, k, k_rot, v) move behind the run, so the three GEMVs stay back to back on HBM-PIM.
    /// </summary>
    private static ImmutableArray<Operation> ReorderProjections(ImmutableArray<Operation> body, PassContext context)
    {
        static int Rank(Operation op) => op.Attrs.StrOr("role", "") switch { "k_proj" => 0, "q_proj" => 1, "v_proj" => 2, _ => -1 };
        var list = body.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (Rank(list[i]) < 0) continue;
            var j = i;
            var projected = new HashSet<string>(StringComparer.Ordinal);
            var lastProjection = i;
            while (j < list.Count)
            {
                if (Rank(list[j]) >= 0 && list[j].Operands[0] == list[i].Operands[0])
                {
                    projected.Add(list[j].Result.Name);
                    lastProjection = j;
                }
                else if (!(list[j].Opcode == "rotary" && projected.Contains(list[j].Operands[0].Name))) break;
                j++;
            }
            j = lastProjection + 1;
            if (j - i > 1)
            {
                var run = list.GetRange(i, j - i);
                var sorted = run.Where(o => Rank(o) >= 0).OrderBy(Rank).Concat(run.Where(o => Rank(o) < 0)).ToList();
                if (!run.SequenceEqual(sorted))
                {
                    list.RemoveRange(i, j - i);
                    list.InsertRange(i, sorted);
                    context.Stats.Add(Reordered);
                }
            }
            i = j - 1;
        }
        return [.. list];
    }
}
