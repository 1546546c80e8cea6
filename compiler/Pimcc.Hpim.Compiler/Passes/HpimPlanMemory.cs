using Pimcc.Targets;
using System.Collections.Immutable;
using System.Globalization;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Ir;

namespace Pimcc.Hpim.Compiler.Passes;

/// <summary>
/// Memory planning. HBM: every weight and KV cache gets a row range (same in every bank of every
/// channel; <see cref="HbmRowBudget"/>), sized by its tiling, 1-D weights are packed into shared rows
/// (<see cref="HpimAttrs.HbmOffset"/>), every distinct rotary cos/sin table (<see cref="RopeTable"/>) gets its own
/// rows, then the prefill activation scratch (<see cref="PrefillScratch"/>); the total must fit the rows of a bank.
/// Local memory: prefill GEMMs get a (token block x features x page) tile whose double-buffered
/// activation panel, double-buffered weight tile and FP16 accumulators fit a core's work memory; decode's per-core
/// working set must fit too. Failures say how much is needed and what to change.
/// </summary>
public sealed class HpimPlanMemory : Pass
{
    public static readonly Statistic WeightRows = new("weight-rows", "DRAM rows per bank holding weights");
    public static readonly Statistic KvRows = new("kv-cache-rows", "DRAM rows per bank holding KV caches");
    public static readonly Statistic RopeRows = new("rope-table-rows", "DRAM rows per bank holding rotary cos/sin tables");
    public static readonly Statistic ScratchRows = new("prefill-scratch-rows", "DRAM rows per bank holding prefill activations");
    public static readonly Statistic PrefillTiles = new("prefill-gemms-tiled", "prefill GEMMs given a local-memory tile");

    public override string Name => "hpim-plan-memory";
    public override string Summary => "place weights, KV caches, rotary tables and the prefill scratch in HBM rows and tile prefill GEMMs to fit local memory";
    public override ImmutableArray<Statistic> Statistics => [WeightRows, KvRows, RopeRows, ScratchRows, PrefillTiles];
    public override ImmutableArray<string> Requires => [HpimAttrs.AttentionMapped];
    public override ImmutableArray<string> Establishes => [HpimAttrs.MemoryPlanned];

    public override Module Run(Module module, PassContext context)
    {
        var t = context.TargetAs<HpimTarget>();
        var budget = HbmRowBudget.Of(t.Hbm.Organization);
        // a returned LM head's bias is stored striped like the logits it is added to (ReturnedLogits.StripedBiases)
        var striped = ReturnedLogits.StripedBiases(module);
        module = module with { Weights = [.. module.Weights.Select(w => striped.Contains(w.Name) ? w with { Attrs = w.Attrs.Set(HpimAttrs.HbmStriped, 1) } : w)] };
        var linearByWeight = module.Functions.SelectMany(f => f.Body).Where(HpimTileWeights.IsWeightLinear)
            .GroupBy(op => op.Operands[1].Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        long next = 0, weightRows = 0, kvRows = 0, weightBytes = 0, kvBytes = 0;
        // 1-D weights (norm scales, biases) are packed: each takes its per-channel share at the next free byte of one
        // vector area after the other weights instead of whole rows of its own (OPT-30B: 482 rows -> 5).
        bool Packed(Weight w) => w.Type.Rank == 1 && !linearByWeight.ContainsKey(w.Name);
        var vectorOffset = new Dictionary<string, long>(StringComparer.Ordinal);
        long vectorBytes = 0;
        foreach (var w in module.Weights.Where(Packed))
        {
            vectorOffset[w.Name] = vectorBytes;
            vectorBytes += budget.Share(w);
        }
        var weights = module.Weights.Select(w =>
        {
            weightBytes += w.Type.StaticBytes;
            if (Packed(w)) return w;
            var rows = linearByWeight.TryGetValue(w.Name, out var op) ? RowsForLinearWeight(budget, w, op) : budget.RowsForBytes(w.Type.StaticBytes);
            var placed = w with { Attrs = w.Attrs.Set(HpimAttrs.HbmRow, next).Set(HpimAttrs.HbmRows, rows) };
            next += rows;
            weightRows += rows;
            return placed;
        }).ToImmutableArray();
        var rowBytes = budget.RowBytesPerChannel;
        var vectorRow = next;
        weights = [.. weights.Select(w =>
        {
            if (!vectorOffset.TryGetValue(w.Name, out var at)) return w;
            var offset = at % rowBytes;
            return w with
            {
                Attrs = w.Attrs.Set(HpimAttrs.HbmRow, vectorRow + at / rowBytes).Set(HpimAttrs.HbmOffset, offset)
                    .Set(HpimAttrs.HbmRows, HbmRowBudget.Ceil(offset + budget.Share(w), rowBytes)),
            };
        })];
        var vectorRows = HbmRowBudget.Ceil(vectorBytes, rowBytes);
        next += vectorRows;
        weightRows += vectorRows;
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
        foreach (var op in module.Functions.SelectMany(f => f.Body).Where(o => o.Opcode == "rotary" && RopeTable.Unsupported(o) is null))
        {
            var table = RopeTable.Of(op, positions);
            if (ropes.ContainsKey(table.Key)) continue;
            var rows = table.RowsPerTable(t.Hbm.Organization);
            ropes[table.Key] = (table.Name, next, rows);
            next += 2 * rows;
            ropeRows += 2 * rows;
        }
        // Prefill activations live in an HBM scratch region after the rotary tables (PrefillScratch: panels of
        // [elements per page x token block], dealt over the channels).
        var placed = module with { Weights = weights, KvCaches = caches };
        long scratchRows = 0, tokenBlock = 0;
        if (module.FindFunction(Module.Prefill) is { } prefill)
        {
            var scratch = PrefillScratch.Plan(placed, prefill, t);
            scratchRows = HbmRowBudget.Ceil(scratch.BytesPerChannel, budget.BanksPerChannel * budget.PageBytes);
            tokenBlock = scratch.TokenBlock;
        }
        var scratchRow = next;
        next += scratchRows;
        if (next > budget.RowsPerBank)
            throw CapacityError(module, t.Hbm.Organization, next * budget.BytesPerRowAcrossDevice, weightBytes, kvBytes,
                scratchRows * budget.BytesPerRowAcrossDevice);
        context.Stats.Add(WeightRows, weightRows);
        context.Stats.Add(KvRows, kvRows);
        context.Stats.Add(RopeRows, ropeRows);
        context.Stats.Add(ScratchRows, scratchRows);

        var functions = module.Functions.Select(f => f.WithBody(f.Body.Select(op =>
        {
            if (op.Opcode == "rotary" && RopeTable.Unsupported(op) is null)
            {
                var (name, row, rows) = ropes[RopeTable.Of(op, positions).Key];
                return op.WithAttrs(op.Attrs.Set(HpimAttrs.RopeTableName, name).Set(HpimAttrs.RopeRow, row).Set(HpimAttrs.RopeRows, rows));
            }
            if (f.Name == Module.Prefill && HpimTileWeights.IsWeightLinear(op))
            {
                context.Stats.Add(PrefillTiles);
                return TilePrefillGemm(module, op, t, tokenBlock, PrefillFixedBytes(module, f, t, tokenBlock));
            }
            return op;
        })));
        CheckDecodeWorkingSet(module, t);
        var attrs = module.Attrs.Set("hpim.hbm_rows_used", next).Set("hpim.hbm_rows_per_bank", budget.RowsPerBank)
            .Set("hpim.hbm_weight_bytes", weightBytes).Set("hpim.hbm_kv_bytes", kvBytes)
            .Set(PrefillScratch.ScratchRow, scratchRow).Set(PrefillScratch.ScratchRows, scratchRows).Set(PrefillScratch.TokenBlockAttr, tokenBlock);
        return (module with { Weights = weights, KvCaches = caches }).WithFunctions(functions).WithAttrs(attrs);
    }

    private static long RowsForLinearWeight(HbmRowBudget budget, Weight w, Operation op) =>
        budget.RowsForFeatures(FeaturesPerChannel(budget, w, op), w.Type.Shape[1].Constant * w.Type.Element.Bits() / 8);

    /// <summary>The tiled weight's features on one channel, from the tiling attributes (<see cref="HbmRowBudget.FeaturesPerChannel"/>).</summary>
    private static long FeaturesPerChannel(HbmRowBudget budget, Weight w, Operation op)
    {
        var hp = op.Attrs.StrOr(HpimAttrs.Tiling, "tp") == "hp";
        return budget.FeaturesPerChannel(w.Type.Shape[0].Constant,
            hp ? (IReadOnlyList<long>)op.Attrs.Ints(HpimAttrs.ChannelsPerHead) : null, hp ? op.Attrs.Ints(HpimAttrs.Rounds).Sum() : 1);
    }

    /// <summary>
    /// The prefill GEMM tile (PrefillLowering): tile_m = the token block (TCU columns), tile_k = one page of the
    /// input dimension (a weight row chunk, so a tile of banks features is one contiguous DRAM row of every bank),
    /// tile_n = the most features (a multiple of the banks) whose double-buffered weight tile, double-buffered
    /// activation panel, FP16 accumulators for the whole prompt and bias vector fit the work memory. Each weight
    /// tile is streamed once; each activation panel once per feature tile, so the largest tile_n minimises traffic.
    /// </summary>
    /// <summary>
    /// Local memory the prefill program holds for its whole run (PrefillLowering): the constant slots and ALiBi table, the prompt's
    /// token ids and the returned logits share of every core; the rest is the work memory of the op at hand.
    /// </summary>
    private static long PrefillFixedBytes(Module m, Function f, Pimcc.Targets.HpimTarget t, long tokenBlock)
    {
        var o = t.Hbm.Organization;
        var tokens = f.Params.Length > 0 ? f.Params[0].Type.ElementCount.Constant : 1;
        var returned = ReturnedLogits.SoftCapped(f);
        var logits = f.Body.Where(op => HpimTileWeights.IsWeightLinear(op) && returned.Contains(op.Result.Name))
            .Sum(op => LocalBuffers.Round(t.Hbm.ChannelsOfCore(0).Count * HbmRowBudget.Ceil(m.FindWeight(op.Operands[1].Name)!.Type.Shape[0].Constant, o.Channels) * t.ElementBytes));
        var alibi = AlibiTable.Of(m, t, tokenBlock)?.Bytes(t.ElementBytes) ?? 0;
        return Constants.ReserveBytes + alibi + LocalBuffers.Round(tokens * 4) + logits;
    }

    private static Operation TilePrefillGemm(Module m, Operation op, Pimcc.Targets.HpimTarget t, long tokenBlock, long fixedBytes)
    {
        var w = m.FindWeight(op.Operands[1].Name)!;
        var n = w.Type.Shape[0].Constant;
        var k = w.Type.Shape[1].Constant;
        var o = t.Hbm.Organization;
        var elt = w.Type.Element.Bits() / 8;
        var pageElements = o.PageBytes / elt;
        var tokens = op.Result.Type.Shape[0].Constant;
        var tokenColumns = HbmRowBudget.Ceil(tokens, tokenBlock) * tokenBlock;
        // the GEMM's buffers are the whole work memory: activation + temp memory less what prefill holds throughout
        var cap = t.Sram.LocalMemory.TotalBytes - fixedBytes;
        var perChannel = FeaturesPerChannel(HbmRowBudget.Of(o), w, op);
        // the bias is loaded whole (its share of whole columns per channel, HbmRowBudget.Share), or the core's channels'
        // shares of a returned head's striped bias (PrefillLowering.VectorBytes)
        var bias = op.Operands.Length > 2 ? HbmRowBudget.Of(o).LoadedBytes(m.FindWeight(op.Operands[2].Name)!, t.Hbm.ChannelsOfCore(0).Count) : 0;
        for (var groups = HbmRowBudget.Ceil(perChannel, o.BanksPerChannel); groups >= 1; groups--)
        {
            var nt = groups * o.BanksPerChannel;
            var need = 2 * groups * o.BanksPerChannel * o.PageBytes + 2 * pageElements * tokenBlock * elt + nt * tokenColumns * elt + bias;
            if (need <= cap)
                return op.WithAttrs(op.Attrs.Set(HpimAttrs.TileM, tokenBlock).Set(HpimAttrs.TileN, nt).Set(HpimAttrs.TileK, Math.Min(k, pageElements)));
        }
        throw new PimccError(ExitCode.CapacityExceeded, $"func @prefill, %{op.Id}",
            $"no GEMM tile fits {cap} bytes of activation memory ({tokens} tokens need {o.BanksPerChannel * tokenColumns * elt} bytes of accumulators per {o.BanksPerChannel} features)",
            "use fewer prompt tokens (--prompt-tokens) or enlarge sram.localMemory.activation");
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

    /// <summary>The breakdown names every part of the need (prefill scratch grows with the prompt and can dwarf a small
    /// model's weights); the suggested stack count is a power of two, which the lowering's address shifts need.</summary>
    private static PimccError CapacityError(Module m, Pimcc.Targets.HbmOrganization o, long neededBytes, long weightBytes, long kvBytes, long scratchBytes)
    {
        static string Gib(long b) => (b / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
        var perStack = o.CapacityBytes / o.Stacks;
        var stacks = (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)HbmRowBudget.Ceil(neededBytes, perStack));
        return new PimccError(ExitCode.CapacityExceeded, $"module @{m.Name}",
            $"needs {Gib(neededBytes)} of HBM as placed (weights {Gib(weightBytes)}, KV cache {Gib(kvBytes)}, prefill scratch {Gib(scratchBytes)}, " +
            $"the rest row padding and rotary tables), the target has {Gib(o.CapacityBytes)} ({o.Stacks} stacks)",
            $"use {stacks} stacks (--set hbm.stacks={stacks}), a smaller data type, or fewer tokens");
    }
}
