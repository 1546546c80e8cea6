namespace Pimcc.Hyflexpim.Isa;

/// <summary>One crossbar tile of a weight: its cell mode, the run of inputs down its rows and the run of outputs across
/// its columns.</summary>
public readonly record struct CrossbarTile(CellMode Mode, long FirstInput, int Inputs, long FirstOutput, int Outputs);

/// <summary>
/// A weight of <see cref="Inputs"/> x <see cref="Outputs"/> INT8 values on crossbar tiles, as <c>ag.split</c> states it
/// (docs/hyflexpim-isa.md): its first <see cref="Slc"/> outputs (or inputs, <see cref="SplitOnInputs"/>) are SLC, the
/// rest 2-bit MLC; the tiles are the SLC block's then the MLC block's, each row-tile major. The one geometry of the
/// memory image builder and the functional simulator.
/// </summary>
public sealed record CrossbarWeight(long Inputs, long Outputs, long Slc, bool SplitOnInputs)
{
    /// <summary>The SLC block's inputs and outputs, then the MLC block's.</summary>
    private ((long In0, long In, long Out0, long Out) Slc, (long In0, long In, long Out0, long Out) Mlc) Blocks() => SplitOnInputs
        ? ((0, Slc, 0, Outputs), (Slc, Inputs - Slc, 0, Outputs))
        : ((0, Inputs, 0, Slc), (0, Inputs, Slc, Outputs - Slc));

    public long Tiles(AnalogModuleConfig a)
    {
        var (s, m) = Blocks();
        return a.BlockArrays(CellMode.Slc, s.In, s.Out) + a.BlockArrays(CellMode.Mlc, m.In, m.Out);
    }

    /// <summary>Tile <paramref name="index"/> (0 .. <see cref="Tiles"/> - 1).</summary>
    public CrossbarTile Tile(AnalogModuleConfig a, long index)
    {
        var (s, m) = Blocks();
        var slcTiles = a.BlockArrays(CellMode.Slc, s.In, s.Out);
        var (mode, b, t) = index < slcTiles ? (CellMode.Slc, s, index) : (CellMode.Mlc, m, index - slcTiles);
        var perRow = a.WeightsPerArrayRow(mode);
        var columnTiles = (b.Out + perRow - 1) / perRow;
        if (t < 0 || t >= (b.In + a.Rows - 1) / a.Rows * columnTiles)
            throw new ArgumentOutOfRangeException(nameof(index), $"tile {index} of a weight with {Tiles(a)} tiles");
        var (rowTile, columnTile) = (t / columnTiles, t % columnTiles);
        var in0 = b.In0 + rowTile * a.Rows;
        var out0 = b.Out0 + columnTile * perRow;
        return new CrossbarTile(mode, in0, (int)Math.Min(a.Rows, b.In0 + b.In - in0), out0, (int)Math.Min(perRow, b.Out0 + b.Out - out0));
    }
}

/// <summary>
/// How an array's cells hold INT8 weights (docs/binary-format.md, "hyflexpim memory image"). A weight w is stored in
/// offset binary, u = w + 2^(weight bits - 1) (0 .. 255: every slice is a non-negative level, in both modes; S&amp;A
/// subtracts 2^(weight bits - 1) x the sum of the inputs), sliced into weight bits / bits-per-cell columns, slice k
/// (bits k·b .. k·b + b - 1 of u) in column slot x columns-per-weight + k, slot = output - the tile's first output,
/// row = input - the tile's first input. In the image every cell takes <see cref="AnalogModuleConfig.CellBits"/> bits
/// (the widest mode's), cell (row, column) at index row x columns + column, packed from the least significant bits of
/// each byte; an SLC cell holds 0 or 1.
/// </summary>
public static class CrossbarCells
{
    public static int Offset(AnalogModuleConfig a) => 1 << (a.WeightBits - 1);

    /// <summary>The level of slice <paramref name="k"/> of weight <paramref name="w"/> in <paramref name="mode"/>.</summary>
    public static int Slice(AnalogModuleConfig a, CellMode mode, int w, int k)
    {
        var b = a.BitsPerCell(mode);
        return ((w + Offset(a)) >> (k * b)) & ((1 << b) - 1);
    }

    public static int Level(AnalogModuleConfig a, ReadOnlySpan<byte> array, int row, int column)
    {
        var (cell, perByte) = ((long)row * a.Columns + column, 8 / a.CellBits);
        return (array[(int)(cell / perByte)] >> (int)(cell % perByte * a.CellBits)) & ((1 << a.CellBits) - 1);
    }

    public static void SetLevel(AnalogModuleConfig a, Span<byte> array, int row, int column, int level)
    {
        var (cell, perByte) = ((long)row * a.Columns + column, 8 / a.CellBits);
        var shift = (int)(cell % perByte * a.CellBits);
        var mask = ((1 << a.CellBits) - 1) << shift;
        array[(int)(cell / perByte)] = (byte)((array[(int)(cell / perByte)] & ~mask) | ((level << shift) & mask));
    }

    /// <summary>The cells of <paramref name="tile"/> programmed with <paramref name="weights"/> ([outputs, inputs]
    /// row-major INT8, the IR's <c>@W.int8</c>) into one array's <see cref="AnalogModuleConfig.ArrayBytes"/> bytes.</summary>
    public static void Program(AnalogModuleConfig a, CrossbarTile tile, ReadOnlySpan<sbyte> weights, long inputs, Span<byte> array)
    {
        var columnsPerWeight = a.ColumnsPerWeight(tile.Mode);
        for (var slot = 0; slot < tile.Outputs; slot++)
            for (var row = 0; row < tile.Inputs; row++)
            {
                var w = weights[(int)((tile.FirstOutput + slot) * inputs + tile.FirstInput + row)];
                for (var k = 0; k < columnsPerWeight; k++)
                    SetLevel(a, array, row, slot * columnsPerWeight + k, Slice(a, tile.Mode, w, k));
            }
    }
}
