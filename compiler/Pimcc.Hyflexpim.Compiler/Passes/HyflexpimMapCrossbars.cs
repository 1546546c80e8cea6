using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;
using A = Pimcc.Hyflexpim.Compiler.HyflexpimAttrs;

namespace Pimcc.Hyflexpim.Compiler.Passes;

/// <summary>
/// Tiles every analog weight onto crossbar arrays (paper, "How a GEMV runs"): the input dimension runs down the
/// array's rows in tiles of <c>analog.rows</c> (partial sums added by S&amp;A), each INT8 weight takes
/// <c>8 / bits-per-cell</c> adjacent columns (SLC 8, 2-bit MLC 4). A tile holds one mode. For <c>Σ Vᵀ [R, K]</c> the
/// ranks are outputs (columns): the first <c>hfp.slc_ranks</c> output channels are SLC. For <c>U [N, R]</c> the ranks
/// are inputs (rows): the first <c>hfp.slc_ranks</c> rows are SLC. Linears not factored (the LM head) are MLC, or SLC
/// at slc-fraction 1 (the SLC-only baseline).
/// </summary>
public sealed class HyflexpimMapCrossbars : Pass
{
    public static readonly Statistic SlcArrays = new("slc-arrays", "crossbar arrays configured SLC");
    public static readonly Statistic MlcArrays = new("mlc-arrays", "crossbar arrays configured MLC");
    public static readonly Statistic CellsUsed = new("cells-used", "RRAM cells holding weight bits");
    public static readonly Statistic CellUtilisation = new("cell-utilisation-permille", "cells used per thousand cells of the arrays used");

    public override string Name => "hyflexpim-map-crossbars";
    public override string Summary => "tile analog weights onto 64-row crossbar arrays with bit slicing (SLC 8, MLC 4 columns per INT8 weight) and an ADC resolution per mode";
    public override ImmutableArray<Statistic> Statistics => [SlcArrays, MlcArrays, CellsUsed, CellUtilisation];
    public override ImmutableArray<string> Requires => [A.UnitsMapped];
    public override ImmutableArray<string> Establishes => [A.CrossbarsMapped];

    /// <summary>Arrays and used cells for a block of <paramref name="inputs"/> rows x <paramref name="outputs"/> weights in one mode.</summary>
    public static (long Arrays, long Cells) Block(AnalogModuleConfig a, CellMode mode, long inputs, long outputs) =>
        inputs == 0 || outputs == 0 ? (0, 0) : (a.BlockArrays(mode, inputs, outputs), inputs * outputs * a.ColumnsPerWeight(mode));

    public override Module Run(Module module, PassContext context)
    {
        var t = context.TargetAs<HyflexpimTarget>();
        var a = t.Analog;
        var analogWeights = module.Functions.SelectMany(f => f.Body).Where(o => o.Attrs.StrOr(A.Unit, "") == A.Units.Analog)
            .Select(o => o.Operands[1]).Where(o => o.Kind == OperandKind.Weight).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var allSlc = module.Attrs.TryGetValue(A.SlcFraction, out _) && module.Attrs.Float(A.SlcFraction) >= 1;
        long slcTotal = 0, mlcTotal = 0, cells = 0;
        var weights = module.Weights.Select(w =>
        {
            if (!analogWeights.Contains(w.Name)) return w;
            long rows = w.Type.Shape[0].Constant, cols = w.Type.Shape[1].Constant; // [out, in]
            var slc = w.Attrs.IntOr(A.SlcRanks, allSlc ? (w.Attrs.StrOr(A.Factor, "") == A.U ? cols : rows) : 0);
            var (s, m) = w.Attrs.StrOr(A.Factor, "") == A.U
                ? (Block(a, CellMode.Slc, slc, rows), Block(a, CellMode.Mlc, cols - slc, rows))   // ranks are inputs
                : (Block(a, CellMode.Slc, cols, slc), Block(a, CellMode.Mlc, cols, rows - slc));  // ranks (or channels) are outputs
            slcTotal += s.Arrays;
            mlcTotal += m.Arrays;
            cells += s.Cells + m.Cells;
            return w with { Attrs = w.Attrs.Set(A.Arrays, AttrValue.Of([s.Arrays, m.Arrays])) };
        }).ToList();
        context.Stats.Add(SlcArrays, slcTotal);
        context.Stats.Add(MlcArrays, mlcTotal);
        context.Stats.Add(CellsUsed, cells);
        var allocated = (slcTotal + mlcTotal) * a.CellsPerArray;
        context.Stats.Add(CellUtilisation, allocated == 0 ? 0 : cells * 1000 / allocated);
        var attrs = module.Attrs.Set(A.AdcBits, AttrValue.Of([(long)a.AdcBitsNeeded(CellMode.Slc), a.AdcBitsNeeded(CellMode.Mlc)]));
        return (module with { Weights = [.. weights] }).WithAttrs(attrs);
    }
}
