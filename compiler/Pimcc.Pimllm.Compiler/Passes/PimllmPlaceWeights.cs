using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Compiler.Passes;

/// <summary>
/// Places the weights of every linear. With crossbars, each 1-bit projection matrix [N outputs, K inputs] is tiled
/// onto ceil(K / rows) x ceil(N / outputs per crossbar) crossbars (rows are inputs, columns outputs; a differential
/// pair takes two columns), the row tiles of one output accumulating partial sums; crossbars are allocated per
/// matrix, in module order, and the total is checked against <c>crossbar.count</c> (exit 45, naming what is needed).
/// Every other linear (the LM head; all projections when the target has no crossbars, as tpu-llm) runs on the
/// systolic array with its weights streamed from LPDDR, scheduled by <see cref="SystolicSchedule"/>.
/// </summary>
public sealed class PimllmPlaceWeights : Pass
{
    public const string WeightsPlaced = "pimllm-weights-placed";

    public static readonly Statistic CrossbarsUsed = new("crossbars-used", "crossbars holding projection weights");
    public static readonly Statistic Utilization = new("crossbar-utilization-permille", "share of the used crossbars' cells holding a weight, per mille");
    public static readonly Statistic OnCrossbars = new("matrices-on-crossbars", "weight matrices stationary in crossbars");
    public static readonly Statistic Streamed = new("matrices-streamed", "weight matrices streamed from LPDDR into the systolic array");
    public static readonly Statistic LpddrWeightBytes = new("lpddr-weight-bytes", "bytes of weights kept in LPDDR");
    public static readonly Statistic StreamedPerToken = new("streamed-bytes-per-token", "weight bytes streamed from LPDDR per decoded token");
    public static readonly Statistic DecodeCycles = new("systolic-linear-cycles-per-token", "systolic-array cycles of the streamed linears per decoded token");

    public override string Name => "pimllm-place-weights";
    public override string Summary => "tile 1-bit projections onto 256x256 crossbars (checked against the chip); stream the rest through the systolic array";
    public override ImmutableArray<Statistic> Statistics => [CrossbarsUsed, Utilization, OnCrossbars, Streamed, LpddrWeightBytes, StreamedPerToken, DecodeCycles];
    public override ImmutableArray<string> Requires => [PimllmQuantizeActivations.ActivationsQuantized];
    public override ImmutableArray<string> Establishes => [WeightsPlaced];

    /// <summary>Where one weight matrix sits: its crossbars (first index and count, tiles) or nowhere (streamed).</summary>
    private sealed record Placement(long First, long RowTiles, long ColumnTiles)
    {
        public long Count => RowTiles * ColumnTiles;
    }

    public override Module Run(Module module, PassContext context)
    {
        var target = context.TargetAs<PimllmTarget>();
        var x = target.Crossbars;
        var crossbarMatrices = target.HasCrossbars
            ? module.Functions.SelectMany(f => f.Body).Where(PimllmAttrs.IsProjection).Select(op => op.Operands[1].Name).ToHashSet(StringComparer.Ordinal)
            : [];

        var placements = new Dictionary<string, Placement>(StringComparer.Ordinal);
        long next = 0, cells = 0;
        foreach (var w in module.Weights.Where(w => crossbarMatrices.Contains(w.Name)))
        {
            long n = w.Type.Shape[0].Constant, k = w.Type.Shape[1].Constant;
            var p = new Placement(next, (k + x.Rows - 1) / x.Rows, (n + x.OutputsPerCrossbar - 1) / x.OutputsPerCrossbar);
            placements[w.Name] = p;
            next += p.Count;
            cells += n * k * x.ColumnsPerWeight;
            context.Stats.Add(OnCrossbars);
        }
        if (next > x.Count)
            throw new PimccError(ExitCode.CrossbarsExceeded, $"--target {target.Name}",
                $"the model's {placements.Count} projection matrices need {next} crossbars of {x.Rows}x{x.Columns} ({x.Cells.ToString().ToLowerInvariant()} cells), target '{target.Name}' has {x.Count}",
                $"use a smaller model or binary weights, or --set crossbar.count={next}");
        var utilization = next == 0 ? 0 : cells / ((double)next * x.Rows * x.Columns);
        context.Stats.Set(CrossbarsUsed, next);
        context.Stats.Set(Utilization, (long)Math.Round(utilization * 1000));

        var lpddrBytes = module.Weights.Where(w => !placements.ContainsKey(w.Name)).Sum(w => w.Type.StaticBytes);
        context.Stats.Set(LpddrWeightBytes, lpddrBytes);
        var weightBytes = module.Weights.ToDictionary(w => w.Name, w => w.Type.StaticBytes, StringComparer.Ordinal);
        var streamedMatrices = new HashSet<string>(StringComparer.Ordinal);
        long streamedPerToken = 0;

        var functions = module.Functions.Select(f => f.WithBody(f.Body.Select(op =>
        {
            if (op.Opcode != "linear" || op.Operands[1].Kind != OperandKind.Weight) return op;
            var weight = op.Operands[1].Name;
            if (placements.TryGetValue(weight, out var p))
                return op.WithAttrs(op.Attrs.Set(PimllmAttrs.Unit, "crossbar").Set(PimllmAttrs.FirstCrossbar, p.First)
                    .Set(PimllmAttrs.Crossbars, p.Count).Set(PimllmAttrs.RowTiles, p.RowTiles).Set(PimllmAttrs.ColumnTiles, p.ColumnTiles)
                    .Set(PimllmAttrs.ReadsPerInput, x.ReadsPerInput(target.ActivationBits)));
            var shape = op.Result.Type.Shape;
            var m = shape[0].Constant;
            var outputs = shape[1].Constant;
            var inputs = module.FindWeight(weight)!.Type.Shape[1].Constant;
            var s = SystolicSchedule.Gemm(m, inputs, outputs, target.Systolic.Rows, target.Systolic.Columns);
            if (streamedMatrices.Add(weight)) context.Stats.Add(Streamed);
            if (f.Name == Module.Decode)
            {
                streamedPerToken += weightBytes[weight];
                context.Stats.Add(DecodeCycles, s.Cycles);
            }
            return op.WithAttrs(op.Attrs.Set(PimllmAttrs.Unit, "systolic").Set(PimllmAttrs.SystolicTiles, s.Tiles).Set(PimllmAttrs.SystolicCycles, s.Cycles));
        }))).ToList();
        context.Stats.Set(StreamedPerToken, streamedPerToken);

        var attrs = module.Attrs.Set(PimllmAttrs.CrossbarsUsed, next).Set(PimllmAttrs.CrossbarsAvailable, x.Count)
            .Set(PimllmAttrs.CrossbarUtilization, Math.Round(utilization, 4)).Set(PimllmAttrs.LpddrWeightBytes, lpddrBytes)
            .Set(PimllmAttrs.StreamedWeightBytes, streamedPerToken);
        return module.WithFunctions(functions).WithAttrs(attrs);
    }
}
