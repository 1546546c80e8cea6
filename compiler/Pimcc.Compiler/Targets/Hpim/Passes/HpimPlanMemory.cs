using System.Collections.Immutable;
using System.Globalization;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Compiler.Targets.Hpim.Passes;

/// <summary>
/// Memory planning. HBM: every weight and KV cache gets a row range (same in every bank of every
/// channel; <see cref="HbmRowBudget"/>), sized by its tiling, and every distinct rotary cos/sin table
/// (<see cref="RopeTable"/>) gets its own rows; the total must fit the rows of a bank.
/// Local memory: prefill GEMMs get a (tokens x features x depth) tile whose input tile, double-
/// buffered weight tile and FP32 accumulators fit a core's activation memory; decode's per-core
/// working set must fit too. Failures say how much is needed and what to change.
/// </summary>
public sealed class HpimPlanMemory : Pass
{
    public static readonly Statistic WeightRows = new("weight-rows", "DRAM rows per bank holding weights");
    public static readonly Statistic KvRows = new("kv-cache-rows", "DRAM rows per bank holding KV caches");
    public static readonly Statistic RopeRows = new("rope-table-rows", "DRAM rows per bank holding rotary cos/sin tables");
    public static readonly Statistic PrefillTiles = new("prefill-gemms-tiled", "prefill GEMMs given a local-memory tile");

    public override string Name => "hpim-plan-memory";
    public override string Summary => "place weights and KV caches in HBM rows and tile prefill GEMMs to fit local memory";
    public override ImmutableArray<Statistic> Statistics => [WeightRows, KvRows, RopeRows, PrefillTiles];
    public override ImmutableArray<string> Requires => [HpimAttrs.AttentionMapped];
    public override ImmutableArray<string> Establishes => [HpimAttrs.MemoryPlanned];

    public override Module Run(Module module, PassContext context)
    {
        var t = context.Target;
        var budget = HbmRowBudget.Of(t.Hbm.Organization);
        var linearByWeight = module.Functions.SelectMany(f => f.Body).Where(HpimTileWeights.IsWeightLinear)
            .GroupBy(op => op.Operands[1].Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        long next = 0, weightRows = 0, kvRows = 0, weightBytes = 0, kvBytes = 0;
        var weights = module.Weights.Select(w =>
        {
            var rows = linearByWeight.TryGetValue(w.Name, out var op) ? RowsForLinearWeight(budget, w, op) : budget.RowsForBytes(w.Type.StaticBytes);
            var placed = w with { Attrs = w.Attrs.Set(HpimAttrs.HbmRow, next).Set(HpimAttrs.HbmRows, rows) };
            next += rows;
            weightRows += rows;
            weightBytes += w.Type.StaticBytes;
            return placed;
        }).ToImmutableArray();
        var caches = module.KvCaches.Select(c =>
        {
            var rows = budget.RowsForKvCache(c.MaxLength, c.KvHeads, c.HeadDim, (c.Type.Element.Bits() + 7) / 8);
            var placed = c with { Attrs = c.Attrs.Set(HpimAttrs.HbmRow, next).Set(HpimAttrs.HbmRows, rows) };
            next += rows;
            kvRows += rows;
            kvBytes += c.Bytes;
            return placed;
        }).ToImmutableArray();
        // Rotary cos/sin tables: own rows after the KV caches, one pair per distinct set of frequencies.
        var positions = RopeTable.PositionsOf(module);
        var ropes = new Dictionary<string, (string Name, long Row, long Rows)>(StringComparer.Ordinal);
        long ropeRows = 0;
        foreach (var op in module.Functions.SelectMany(f => f.Body).Where(o => o.Opcode == "rotary"))
        {
            var table = RopeTable.Of(op, positions);
            if (ropes.ContainsKey(table.Key)) continue;
            var rows = table.RowsPerTable(t.Hbm.Organization);
            ropes[table.Key] = (table.Name, next, rows);
            next += 2 * rows;
            ropeRows += 2 * rows;
        }
        if (next > budget.RowsPerBank)
            throw CapacityError(module, t.Hbm.Organization, next * budget.BytesPerRowAcrossDevice, weightBytes, kvBytes);
        context.Stats.Add(WeightRows, weightRows);
        context.Stats.Add(KvRows, kvRows);
        context.Stats.Add(RopeRows, ropeRows);

        var functions = module.Functions.Select(f => f.WithBody(f.Body.Select(op =>
        {
            if (op.Opcode == "rotary")
            {
                var (name, row, rows) = ropes[RopeTable.Of(op, positions).Key];
                return op.WithAttrs(op.Attrs.Set(HpimAttrs.RopeTableName, name).Set(HpimAttrs.RopeRow, row).Set(HpimAttrs.RopeRows, rows));
            }
            if (f.Name == Module.Prefill && HpimTileWeights.IsWeightLinear(op))
            {
                context.Stats.Add(PrefillTiles);
                return TilePrefillGemm(module, op, t);
            }
            return op;
        })));
        CheckDecodeWorkingSet(module, t);
        var attrs = module.Attrs.Set("hpim.hbm_rows_used", next).Set("hpim.hbm_rows_per_bank", budget.RowsPerBank)
            .Set("hpim.hbm_weight_bytes", weightBytes).Set("hpim.hbm_kv_bytes", kvBytes);
        return (module with { Weights = weights, KvCaches = caches }).WithFunctions(functions).WithAttrs(attrs);
    }

    private static long RowsForLinearWeight(HbmRowBudget budget, Weight w, Operation op)
    {
        var featureBytes = w.Type.Shape[1].Constant * w.Type.Element.Bits() / 8;
        var hp = op.Attrs.StrOr(HpimAttrs.Tiling, "tp") == "hp";
        return budget.RowsForLinearWeight(w.Type.Shape[0].Constant, featureBytes,
            hp ? (IReadOnlyList<long>)op.Attrs.Ints(HpimAttrs.ChannelsPerHead) : null, hp ? op.Attrs.Ints(HpimAttrs.Rounds).Sum() : 1);
    }

    private static Operation TilePrefillGemm(Module m, Operation op, Pimcc.Targets.HpimTarget t)
    {
        var w = m.FindWeight(op.Operands[1].Name)!;
        var n = w.Type.Shape[0].Constant;
        var k = w.Type.Shape[1].Constant;
        var tokens = op.Result.Type.Shape[0].Constant;
        var elt = w.Type.Element.Bits() / 8;
        var cap = t.Sram.LocalMemory.ActivationBytes;
        var edge = t.Sram.Tcu.Rows;
        // Prefer the most tokens per tile (each weight tile is streamed once per token tile), then the deepest K tile.
        for (var nt = HbmRowBudget.Ceil(n, t.Sram.Cores); nt >= 1; nt = nt == 1 ? 0 : HbmRowBudget.Ceil(nt, 2))
            for (var tm = tokens; tm >= 1; tm = tm == 1 ? 0 : HbmRowBudget.Ceil(tm, 2))
                for (var kt = Math.Min(k, 8L * edge); kt >= 1; kt = kt == 1 ? 0 : HbmRowBudget.Ceil(kt, 2))
                {
                    var need = tm * kt * elt + 2 * nt * kt * elt + tm * nt * 4;
                    if (need <= cap)
                        return op.WithAttrs(op.Attrs.Set(HpimAttrs.TileM, tm).Set(HpimAttrs.TileN, nt).Set(HpimAttrs.TileK, kt));
                }
        throw new PimccError(ExitCode.CapacityExceeded, $"func @prefill, %{op.Id}",
            $"no GEMM tile fits {cap} bytes of activation memory", "enlarge sram.localMemory.activation");
    }

    private static void CheckDecodeWorkingSet(Module m, Pimcc.Targets.HpimTarget t)
    {
        var hidden = m.Attrs.IntOr("hidden_size", 0);
        var ffn = m.Attrs.IntOr("ffn_dim", 0);
        var maxLen = m.KvCaches.IsEmpty ? 0 : m.KvCaches.Max(c => c.MaxLength);
        var elt = m.Weights.IsEmpty ? 2 : Math.Max(1, m.Weights[0].Type.Element.Bits() / 8);
        // residual stream, normalised input, attention output, this core's FFN share, FP32 scores
        var need = (3 * hidden + HbmRowBudget.Ceil(ffn, t.Sram.Cores)) * elt + 4 * maxLen;
        if (need > t.Sram.LocalMemory.ActivationBytes)
            throw new PimccError(ExitCode.CapacityExceeded, $"module @{m.Name}",
                $"decode needs {need} bytes of activation memory per core, a core has {t.Sram.LocalMemory.ActivationBytes}",
                "use fewer tokens (--prompt-tokens/--gen-tokens) or enlarge sram.localMemory.activation");
    }

    private static PimccError CapacityError(Module m, Pimcc.Targets.HbmOrganization o, long neededBytes, long weightBytes, long kvBytes)
    {
        static string Gib(long b) => (b / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
        var perStack = o.CapacityBytes / o.Stacks;
        var stacks = HbmRowBudget.Ceil(neededBytes, perStack);
        return new PimccError(ExitCode.CapacityExceeded, $"module @{m.Name}",
            $"needs {Gib(neededBytes)} of HBM as placed (weights {Gib(weightBytes)}, KV cache {Gib(kvBytes)}), the target has {Gib(o.CapacityBytes)} ({o.Stacks} stacks)",
            $"use at least {stacks} stacks (--set hbm.stacks={stacks}), a smaller data type, or fewer tokens");
    }
}
