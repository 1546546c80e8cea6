using System.Buffers.Binary;
using Pimcc.Compiler.Backend;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Reference;

namespace Pimcc.Hyflexpim.Compiler.Lowering;

/// <summary>
/// The initial memory image of a hyflexpim binary (docs/binary-format.md, "hyflexpim memory image"): every crossbar
/// array as programmed (each analog weight's INT8 values bit-sliced onto its tiles, <see cref="CrossbarCells"/>, where
/// <see cref="WeightTiles"/> placed them), the parameters the SFU reads in the PU buffers (norm gammas and betas,
/// biases, the weights' per-channel scales, the rotary cos/sin tables of <see cref="RotaryTable"/>) and the host's embedding tables (io.row; a position table from its ids' offset on, <see cref="PositionTables"/>), in the SFU's float format. The simulator copies the chunks; the layout
/// rules stay here and in <see cref="CrossbarCells"/>.
/// </summary>
public static class HyflexpimImage
{
    /// <summary>Bytes of weight data the image would be built from (0: no weight carries data, e.g. HF configs).</summary>
    public static long WeightBytes(Module module) => module.Weights.Where(w => w.HasData).Sum(w => (long)w.Data.Length);

    public static IReadOnlyList<MemoryChunk> Build(PimBinary bin, Module module, HyflexpimTarget target)
    {
        var layout = new ChipLayout(module, target);
        var pieces = new List<MemoryChunk>();
        foreach (var tiles in layout.Tiles.Values)
            if (module.FindWeight(tiles.Weight) is { HasData: true } w)
                Crossbars(pieces, target, tiles, w);
        var rotary = RotaryTable.Of(module).ToDictionary(t => t.Name, t => t.Values(RotaryTable.Positions(module)), StringComparer.Ordinal);
        foreach (var r in bin.MemoryMap.Where(r => r.Kind == RegionKind.Weight && r.Placement is BufferPlacement or HostPlacement))
            if (module.FindWeight(r.Name) is { HasData: true } w)
            {
                var values = WeightData.Decode(w.Type, w.Data, $"weight @{w.Name}").Floats!;
                // io.row index=position reads row p for position p: a position table is stored from its ids' offset on
                var skip = r.Placement is HostPlacement ? PositionTables.FirstStoredRow(module, w.Name) * w.Type.Shape[^1].Constant : 0;
                pieces.Add(new MemoryChunk(r.Placement.Space, r.Placement.Index, r.Placement.Fields[0], SfuValues(values[(int)skip..], target)));
            }
            else if (rotary.TryGetValue(r.Name, out var table))
                pieces.Add(new MemoryChunk(r.Placement.Space, r.Placement.Index, r.Placement.Fields[0], SfuValues(table, target)));
        return MemoryImageRules.Merge(pieces);
    }

    /// <summary>Each tile group's arrays, programmed with the weight's INT8 values.</summary>
    private static void Crossbars(List<MemoryChunk> pieces, HyflexpimTarget t, WeightTiles tiles, Weight w)
    {
        var a = t.Analog;
        var geometry = new CrossbarWeight(tiles.Inputs, tiles.Outputs, tiles.SlcRanks, tiles.SplitOnInputs);
        var weights = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(w.Data.AsSpan());
        foreach (var g in tiles.Groups)
        {
            var bytes = new byte[(g.Last - g.First + 1) * a.ArrayBytes];
            for (var i = 0; i <= g.Last - g.First; i++)
                CrossbarCells.Program(a, geometry.Tile(a, g.Tile + i), weights, tiles.Inputs, bytes.AsSpan((int)(i * a.ArrayBytes), (int)a.ArrayBytes));
            pieces.Add(new MemoryChunk(HyflexpimSpaces.Crossbar, g.Pu, HyflexpimSpaces.CrossbarAddress(t, new CrossbarPlacement(g.Pu, g.Module, g.First)), bytes));
        }
    }

    /// <summary>A parameter's values in the SFU's format (precision.sfuBits: FP16 or FP32, little-endian).</summary>
    private static byte[] SfuValues(float[] values, HyflexpimTarget t)
    {
        var size = t.Precision.SfuBits / 8;
        var bytes = new byte[values.Length * size];
        for (var i = 0; i < values.Length; i++)
            if (size == 2) BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2), (Half)values[i]);
            else BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }
}
