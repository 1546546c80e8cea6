using System.Collections.Immutable;
using System.Globalization;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;
using A = Pimcc.Hyflexpim.Compiler.HyflexpimAttrs;

namespace Pimcc.Hyflexpim.Compiler.Passes;

/// <summary>
/// Layer-to-PU allocation (paper, Architecture): one transformer layer per PU; a layer whose crossbar arrays or KV cache
/// (INT8, at the compiled context length) exceed one PU gets several (tensor parallelism), and with fewer layers than
/// PUs every layer gets <c>floor((PUs - head PUs) / layers)</c> PUs when that fits; more stages than a chip's PUs are
/// pipelined over chips (PCIe), a stage never split across chips unless it alone needs more than a chip. The LM head is
/// a stage of its own. Each weight's tiles fill the arrays of its stage's PUs in order and are named by
/// chip/PU/module/array. A model needing more than <c>system.maxChips</c> chips is refused (exit 73).
/// </summary>
public sealed class HyflexpimAllocatePus : Pass
{
    public static readonly Statistic Stages = new("stages", "pipeline stages (layers, and the head)");
    public static readonly Statistic PusUsed = new("pus-used", "PUs holding a stage");
    public static readonly Statistic TpStages = new("tp-stages", "stages spread over more than one PU");
    public static readonly Statistic ChipsUsed = new("chips", "chips in the layer pipeline");
    public static readonly Statistic ArrayUtilisation = new("array-utilisation-permille", "analog arrays used per thousand arrays of the PUs used");
    public static readonly Statistic ModulesUsed = new("analog-modules-used", "analog modules holding tiles");
    public static readonly Statistic BusiestModule = new("max-weights-per-module", "weights with tiles on the busiest analog module (each is one ag.gemv per token block)");
    public static readonly Statistic BalancedStages = new("balanced-stages", "stages placed one weight per analog module (the rest packed)");
    public static readonly Statistic DigitalUtilisation = new("digital-utilisation-permille", "KV-cache bytes per thousand digital bytes of the PUs used");

    public override string Name => "hyflexpim-allocate-pus";
    public override string Summary => "allocate layers to PUs (one per PU, TP when a layer does not fit or PUs are spare) and chips (PP over PCIe), place every tile on chip/PU/module/array";
    public override ImmutableArray<Statistic> Statistics => [Stages, PusUsed, TpStages, ChipsUsed, ArrayUtilisation, ModulesUsed, BusiestModule, BalancedStages, DigitalUtilisation];
    public override ImmutableArray<string> Requires => [A.CrossbarsMapped];
    public override ImmutableArray<string> Establishes => [A.PusAllocated];

    private static long Ceil(long a, long b) => (a + b - 1) / b;

    public override Module Run(Module module, PassContext context)
    {
        var t = context.TargetAs<HyflexpimTarget>();
        var stages = LayerStages.Of(module);
        var count = stages.Layers + 1;
        var arrays = new long[count];
        foreach (var w in module.Weights)
            if (w.Attrs.TryGetValue(A.Arrays, out _) && stages.StageOfWeight.TryGetValue(w.Name, out var s))
                arrays[s] += w.Attrs.Ints(A.Arrays).Sum();
        // KV cache in INT8 (precision.kvBits) at the compiled context length, keys and values, and their row scales (one
        // SFU-precision value per position each, read by dg.scale).
        var kv = new long[count];
        for (var l = 0; l < stages.Layers; l++)
            if (module.FindKvCache(stages.CacheOfLayer[l.ToString(CultureInfo.InvariantCulture)]) is { } c)
                kv[l] = Ceil(2 * c.MaxLength * c.KvHeads * c.HeadDim * t.Precision.KvBits, 8) + Ceil(2 * c.MaxLength * t.Precision.SfuBits, 8);

        var pus = new long[count];
        for (var s = 0; s < count; s++)
            pus[s] = Math.Max(Math.Max(Ceil(arrays[s], t.AnalogArraysPerPu), Ceil(kv[s], t.DigitalBytesPerPu)), arrays[s] + kv[s] > 0 ? 1 : 0);
        var chipPus = t.Chip.Pus;
        if (stages.Layers > 0 && pus.Sum() <= chipPus)
        {
            var share = (chipPus - pus[stages.HeadStage]) / stages.Layers;
            var spread = pus.Select((p, s) => s < stages.Layers ? Math.Max(p, share) : p).ToArray();
            if (spread.Sum() <= chipPus) pus = spread;
        }

        // Pack stages on chips in order.
        var first = new (long Chip, long Pu)[count];
        long chip = 0, next = 0;
        for (var s = 0; s < count; s++)
        {
            if (pus[s] == 0) { first[s] = (chip, next); continue; }
            if (next + pus[s] > chipPus && next > 0) { chip++; next = 0; }
            first[s] = (chip, next);
            if (pus[s] > chipPus) { chip += Ceil(pus[s], chipPus) - 1; next = pus[s] % chipPus == 0 ? chipPus : pus[s] % chipPus; }
            else next += pus[s];
        }
        var chips = chip + 1;
        if (chips > t.MaxChips)
            throw new PimccError(ExitCode.ChipsExceeded, $"{module.Name} on {t.Name}",
                $"the model needs {chips} chips ({pus.Sum()} PUs for {stages.Layers} layers and the head, {chipPus} PUs per chip) but the target allows {t.MaxChips}",
                $"--set system.maxChips={chips}, or a smaller --slc-fraction (MLC holds twice the weights per array)");

        // Place each weight's arrays in order over its stage's PUs: balanced (each weight from a fresh analog module, and
        // from a fresh PU when it fits one but not the rest of the current one) when the stage's PUs hold that, else
        // packed. An ag.gemv takes the same time on one array as on 512, so a module holding tiles of k weights is busy
        // k times as long: balanced, every module serves one weight (the layer pipeline's interval is the busiest one's).
        var sizes = module.Weights.Select(w => w.Attrs.TryGetValue(A.Arrays, out _) && stages.StageOfWeight.TryGetValue(w.Name, out var s)
            ? (Stage: s, Arrays: w.Attrs.Ints(A.Arrays).Sum()) : (Stage: -1, Arrays: 0L)).ToList();
        var balanced = Enumerable.Range(0, count).Select(s =>
            Starts(sizes.Where(x => x.Stage == s).Select(x => x.Arrays), t, true) is var (_, end) && end <= pus[s] * t.AnalogArraysPerPu).ToArray();
        var starts = new long[sizes.Count];
        for (var s = 0; s < count; s++)
        {
            var members = Enumerable.Range(0, sizes.Count).Where(i => sizes[i].Stage == s).ToList();
            var (at, _) = Starts(members.Select(i => sizes[i].Arrays), t, balanced[s]);
            for (var j = 0; j < members.Count; j++) starts[members[j]] = at[j];
        }
        var weightsOnModule = new Dictionary<(long, long, long), int>();
        var weights = module.Weights.Select((w, i) =>
        {
            var (s, n) = sizes[i];
            if (s < 0) return w;
            var attrs = w.Attrs.Set(A.Stage, s);
            if (n > 0) attrs = attrs.Set(A.Placement, $"{Where(t, first[s], starts[i])}..{Where(t, first[s], starts[i] + n - 1)}");
            for (var m = starts[i] / t.Analog.Arrays; n > 0 && m <= (starts[i] + n - 1) / t.Analog.Arrays; m++)
            {
                var key = (s, m / t.Chip.AnalogModulesPerPu, m % t.Chip.AnalogModulesPerPu);
                weightsOnModule[key] = weightsOnModule.GetValueOrDefault(key) + 1;
            }
            return w with { Attrs = attrs };
        }).ToList();

        context.Stats.Add(Stages, count);
        context.Stats.Add(PusUsed, pus.Sum());
        context.Stats.Add(TpStages, pus.Count(p => p > 1));
        context.Stats.Add(ChipsUsed, chips);
        context.Stats.Add(ArrayUtilisation, pus.Sum() == 0 ? 0 : arrays.Sum() * 1000 / (pus.Sum() * t.AnalogArraysPerPu));
        context.Stats.Add(ModulesUsed, weightsOnModule.Count);
        context.Stats.Add(BusiestModule, weightsOnModule.Values.DefaultIfEmpty(0).Max());
        context.Stats.Add(BalancedStages, balanced.Count(b => b));
        context.Stats.Add(DigitalUtilisation, pus.Sum() == 0 ? 0 : kv.Sum() * 1000 / (pus.Sum() * t.DigitalBytesPerPu));
        var functions = module.Functions.Select(f =>
        {
            var layer = -1;
            return f.WithBody(f.Body.Select(op => op.Opcode == "attention" ? op.WithAttr(A.Stage, AttrValue.Of((long)++layer)) : op));
        });
        var firstPu = first.Select(f => f.Chip * chipPus + f.Pu).ToArray();
        var moduleAttrs = module.Attrs.Set(A.StagePus, AttrValue.Of(pus)).Set(A.StageFirstPu, AttrValue.Of(firstPu)).Set(A.Chips, chips);
        return (module with { Weights = [.. weights], Functions = [.. functions] }).WithAttrs(moduleAttrs);
    }

    /// <summary>The first array (within the stage) of each weight of <paramref name="arrays"/> arrays, in order, and the end
    /// of the last: packed one after another, or balanced (each from a fresh module, and from a fresh PU when it fits one
    /// PU but not the rest of the current one).</summary>
    private static (long[] Starts, long End) Starts(IEnumerable<long> arrays, HyflexpimTarget t, bool balanced)
    {
        var list = arrays.ToList();
        var starts = new long[list.Count];
        long cursor = 0;
        for (var i = 0; i < list.Count; i++)
        {
            if (balanced && list[i] > 0)
            {
                cursor = Ceil(cursor, t.Analog.Arrays) * t.Analog.Arrays;
                var rest = t.AnalogArraysPerPu - cursor % t.AnalogArraysPerPu;
                if (list[i] <= t.AnalogArraysPerPu && list[i] > rest) cursor += rest;
            }
            starts[i] = cursor;
            cursor += list[i];
        }
        return (starts, cursor);
    }

    /// <summary>Array <paramref name="index"/> of a stage starting at PU <paramref name="start"/>, as chip.PU.module.array.</summary>
    private static string Where(HyflexpimTarget t, (long Chip, long Pu) start, long index)
    {
        var pu = start.Pu + index / t.AnalogArraysPerPu;
        var inPu = index % t.AnalogArraysPerPu;
        return FormattableString.Invariant($"c{start.Chip + pu / t.Chip.Pus}.p{pu % t.Chip.Pus}.m{inPu / t.Analog.Arrays}.a{inPu % t.Analog.Arrays}");
    }
}
