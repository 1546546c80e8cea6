using Pimcc.Compiler.Passes;
using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Compiler.Passes;

/// <summary>
/// Schedules every attention op on the systolic array (<see cref="SystolicSchedule"/>, tiles of
/// <c>systolic.rows</c> x <c>systolic.columns</c>): Q·Kᵀ and S·V per head, causal blocks skipped, as GEMMs in prefill
/// and as GEMVs in decode (the queries of one KV group stacked as rows: one row for multi-head attention), and the
/// softmax unit over the scores. Decode runs once per generated token against a growing cache, so its figures are
/// summed over the compiled generation (prompt P, generated G: the cache holds P + t + 1 positions at step t).
/// </summary>
public sealed class PimllmLowerAttention : Pass
{
    public const string AttentionScheduled = "pimllm-attention-scheduled";

    public static readonly Statistic Ops = new("attention-ops", "attention ops scheduled");
    public static readonly Statistic Tiles = new("systolic-tiles", "output tiles of Q·Kᵀ and S·V over the generation");
    public static readonly Statistic Cycles = new("systolic-cycles", "systolic-array cycles of attention over the generation");
    public static readonly Statistic Macs = new("attention-macs", "multiply-accumulates of attention over the generation");
    public static readonly Statistic Utilization = new("systolic-utilization-permille", "share of PE-cycles doing a MAC, per mille");
    public static readonly Statistic SoftmaxCycles = new("softmax-cycles", "softmax-unit cycles over the generation");

    public override string Name => "pimllm-lower-attention";
    public override string Summary => "schedule Q·Kᵀ and S·V as 32x32-tiled systolic GEMMs (prefill) and GEMVs (decode) with the softmax unit";
    public override ImmutableArray<Statistic> Statistics => [Ops, Tiles, Cycles, Macs, Utilization, SoftmaxCycles];
    public override ImmutableArray<string> Requires => [PimllmPlaceKvCache.KvPlaced];
    public override ImmutableArray<string> Establishes => [AttentionScheduled];

    /// <summary>One attention op's schedule: Q·Kᵀ and S·V together, and the softmax elements.</summary>
    public readonly record struct AttentionSchedule(SystolicSchedule Products, long SoftmaxElements);

    /// <summary>The schedule of one attention call: <paramref name="queries"/> new tokens after <paramref name="past"/> cached ones.</summary>
    public static AttentionSchedule Schedule(long queries, long past, long heads, long kvHeads, long headDim, int rows, int columns)
    {
        if (queries == 1)
        {
            var group = heads / kvHeads;
            var keys = past + 1;
            var one = SystolicSchedule.Gemm(group, headDim, keys, rows, columns) + SystolicSchedule.Gemm(group, keys, headDim, rows, columns);
            return new(one * kvHeads, heads * keys);
        }
        var perHead = SystolicSchedule.CausalScores(queries, past, headDim, rows, columns) + SystolicSchedule.CausalValues(queries, past, headDim, rows, columns);
        var pairs = queries * past + queries * (queries + 1) / 2;
        return new(perHead * heads, heads * pairs);
    }

    public override Module Run(Module module, PassContext context)
    {
        var target = context.TargetAs<PimllmTarget>();
        var (rows, columns, lanes) = (target.Systolic.Rows, target.Systolic.Columns, (long)target.Systolic.SoftmaxLanes);
        long prompt = module.Attrs.IntOr("prompt_tokens", 0), generated = module.Attrs.IntOr("generated_tokens", 0);
        var total = new SystolicSchedule();
        long softmax = 0;

        var functions = module.Functions.Select(f => f.WithBody(f.Body.Select(op =>
        {
            if (op.Opcode != "attention") return op;
            AttentionScoreTerms.RefuseAny(f, op, "pimllm attention lowering (systolic array and softmax unit)");
            context.Stats.Add(Ops);
            long heads = op.Attrs.Int("heads"), kvHeads = op.Attrs.Int("kv_heads"), d = op.Attrs.Int("head_dim");
            var queries = op.Result.Type.Shape[0].Constant;
            var past = op.Attrs.Expr("past");
            var products = new SystolicSchedule();
            long elements = 0, cyclesSoftmax = 0;
            // A constant past is one call (prefill); a symbolic one (decode: past = kv) runs once per generated token.
            IEnumerable<long> pasts = past.IsConstant ? [past.Constant] : Enumerable.Range(0, (int)generated).Select(t => prompt + t);
            foreach (var p in pasts)
            {
                var s = Schedule(queries, p, heads, kvHeads, d, rows, columns);
                products += s.Products;
                elements += s.SoftmaxElements;
                cyclesSoftmax += (s.SoftmaxElements + lanes - 1) / lanes;
            }
            total += products;
            softmax += cyclesSoftmax;
            var keys = past + queries;
            var group = heads / kvHeads;
            var m = queries == 1 ? group : queries;
            return op.WithAttrs(op.Attrs.Set(PimllmAttrs.Schedule, queries == 1 ? "gemv" : "gemm")
                .Set(PimllmAttrs.QkShape, new ListAttr([AttrValue.Of(m), AttrValue.Of(d), AttrValue.Of(keys)]))
                .Set(PimllmAttrs.SvShape, new ListAttr([AttrValue.Of(m), AttrValue.Of(keys), AttrValue.Of(d)]))
                .Set(PimllmAttrs.SystolicTiles, products.Tiles).Set(PimllmAttrs.SystolicCycles, products.Cycles)
                .Set(PimllmAttrs.SoftmaxElements, elements));
        }))).ToList();
        context.Stats.Set(Tiles, total.Tiles);
        context.Stats.Set(Cycles, total.Cycles);
        context.Stats.Set(Macs, total.Macs);
        context.Stats.Set(Utilization, (long)Math.Round(total.Utilization(rows, columns) * 1000));
        context.Stats.Set(SoftmaxCycles, softmax);
        return module.WithFunctions(functions);
    }
}
