using System.Globalization;
using System.Text.RegularExpressions;
using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Compiler.Passes;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;
using A = Pimcc.Hyflexpim.Compiler.HyflexpimAttrs;

namespace Pimcc.Hyflexpim.Compiler.Lowering;

/// <summary>A run of a weight's tiles on consecutive arrays of one analog module: arrays First..Last hold tiles from Tile on.</summary>
internal sealed record TileGroup(int Pu, int Module, int First, int Last, long Tile);

/// <summary>
/// Where an analog weight's tiles are, read from the mapping's attributes: <c>hfp.arrays = [SLC, MLC]</c> tiles,
/// SLC first, placed from the first array of <c>hfp.placement</c> on, filling the PU's modules and then its stage's
/// next PUs (hyflexpim-allocate-pus). The SLC/MLC split runs along the outputs (Σ·Vᵀ, unfactored weights) or the inputs
/// (U, whose inputs are the ranks).
/// </summary>
internal sealed record WeightTiles(string Weight, long Inputs, long Outputs, long SlcRanks, bool SplitOnInputs, IReadOnlyList<TileGroup> Groups)
{
    private static readonly Regex Where = new(@"^c(\d+)\.p(\d+)\.m(\d+)\.a(\d+)\.\.", RegexOptions.CultureInvariant);

    public IEnumerable<int> Pus => Groups.Select(g => g.Pu).Distinct();

    public static WeightTiles Of(Weight w, HyflexpimTarget t, bool allSlc)
    {
        long outputs = w.Type.Shape[0].Constant, inputs = w.Type.Shape[1].Constant;
        var onInputs = w.Attrs.StrOr(A.Factor, "") == A.U;
        var slc = w.Attrs.IntOr(A.SlcRanks, allSlc ? (onInputs ? inputs : outputs) : 0);
        var arrays = w.Attrs.Ints(A.Arrays);
        // The split the tiles were counted from (hyflexpim-map-crossbars): a mismatch is a compiler bug, not user input.
        var (s, m) = onInputs
            ? (HyflexpimMapCrossbars.Block(t.Analog, CellMode.Slc, slc, outputs), HyflexpimMapCrossbars.Block(t.Analog, CellMode.Mlc, inputs - slc, outputs))
            : (HyflexpimMapCrossbars.Block(t.Analog, CellMode.Slc, inputs, slc), HyflexpimMapCrossbars.Block(t.Analog, CellMode.Mlc, inputs, outputs - slc));
        if (s.Arrays != arrays[0] || m.Arrays != arrays[1])
            throw new InvalidOperationException($"{w.Name}: hfp.arrays [{arrays[0]}, {arrays[1]}] but the split gives [{s.Arrays}, {m.Arrays}]");
        var total = arrays.Sum();
        var groups = new List<TileGroup>();
        if (total > 0)
        {
            var at = Where.Match(w.Attrs.StrOr(A.Placement, ""));
            if (!at.Success)
                throw new PimccError(ExitCode.InvalidModel, $"weight @{w.Name}", "the weight has crossbar arrays but no hfp.placement",
                    "compile with the hyflexpim pipeline up to hyflexpim-allocate-pus");
            int N(int i) => int.Parse(at.Groups[i].Value, CultureInfo.InvariantCulture);
            long pu = (long)N(1) * t.Chip.Pus + N(2), index = (long)N(3) * t.Analog.Arrays + N(4);
            for (long tile = 0; tile < total;)
            {
                if (index == t.AnalogArraysPerPu) { pu++; index = 0; }
                var module = index / t.Analog.Arrays;
                var first = index % t.Analog.Arrays;
                var n = Math.Min(total - tile, t.Analog.Arrays - first);
                groups.Add(new TileGroup((int)pu, (int)module, (int)first, (int)(first + n - 1), tile));
                tile += n;
                index += n;
            }
        }
        return new WeightTiles(w.Name, inputs, outputs, slc, onInputs, groups);
    }
}
