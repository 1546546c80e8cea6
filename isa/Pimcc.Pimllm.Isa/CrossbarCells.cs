using System.Buffers.Binary;

namespace Pimcc.Pimllm.Isa;

/// <summary>
/// What one crossbar holds as programmed, in the bytes of its index in the <c>xbar_cells</c> memory space
/// (docs/binary-format.md, "Binary contracts"): bytes 0-3 the fp32 weight scale of the matrix it holds (the per-matrix
/// BitNet scale the shift-add output is multiplied by), then the cells row-major, one bit per device (row r = input r,
/// column c; bit r x columns + c, least significant bit of a byte first). Bit 1 is the low-resistance (conducting)
/// state. Binary cells read a weight w = 2b - 1 from one device; differential cells hold weight j in the pair of
/// columns 2j (G+) and 2j + 1 (G-), w = b+ - b-. The image builder writes, and the functional simulator reads, this
/// layout only through <see cref="Program"/> and <see cref="Weight"/>.
/// </summary>
public static class CrossbarCells
{
    /// <summary>Bytes before the cells: the matrix's fp32 weight scale.</summary>
    public const int ScaleBytes = 4;

    /// <summary>Bytes one crossbar index holds: its scale and one bit per cell.</summary>
    public static long Bytes(CrossbarConfig x) => ScaleBytes + ((long)x.Rows * x.Columns + 7) / 8;

    /// <summary>
    /// The bytes of one crossbar holding the tile of a weight matrix [outputs, inputs] (codes row-major, in {-1, 0, +1})
    /// whose first input is <paramref name="input0"/> and first output <paramref name="output0"/>; inputs and outputs
    /// past the matrix stay unprogrammed (0). Ternary codes need differential cells.
    /// </summary>
    public static byte[] Program(CrossbarConfig x, ReadOnlySpan<sbyte> codes, long outputs, long inputs, long input0, long output0, float scale)
    {
        var bytes = new byte[Bytes(x)];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, scale);
        var per = x.ColumnsPerWeight;
        for (long r = 0; r < x.Rows && input0 + r < inputs; r++)
            for (long j = 0; j < x.OutputsPerCrossbar && output0 + j < outputs; j++)
            {
                var code = codes[(int)((output0 + j) * inputs + input0 + r)];
                if (per == 1)
                {
                    if (code == 0) throw new ArgumentException("a zero (ternary) weight needs differential cells");
                    if (code > 0) Set(bytes, x, r, j);
                }
                else if (code > 0) Set(bytes, x, r, 2 * j);
                else if (code < 0) Set(bytes, x, r, 2 * j + 1);
            }
        return bytes;
    }

    /// <summary>The fp32 weight scale a crossbar's bytes hold.</summary>
    public static float Scale(ReadOnlySpan<byte> crossbar) => BinaryPrimitives.ReadSingleLittleEndian(crossbar);

    /// <summary>The weight of input row <paramref name="row"/> and output <paramref name="output"/> as the cells read it.</summary>
    public static int Weight(ReadOnlySpan<byte> crossbar, CrossbarConfig x, long row, long output) =>
        x.ColumnsPerWeight == 1
            ? 2 * Bit(crossbar, x, row, output) - 1
            : Bit(crossbar, x, row, 2 * output) - Bit(crossbar, x, row, 2 * output + 1);

    /// <summary>Byte and bit of a cell within a crossbar's bytes.</summary>
    public static (long Byte, int Bit) Cell(CrossbarConfig x, long row, long column)
    {
        var bit = row * x.Columns + column;
        return (ScaleBytes + bit / 8, (int)(bit % 8));
    }

    private static int Bit(ReadOnlySpan<byte> crossbar, CrossbarConfig x, long row, long column)
    {
        var (b, bit) = Cell(x, row, column);
        return (crossbar[(int)b] >> bit) & 1;
    }

    private static void Set(byte[] bytes, CrossbarConfig x, long row, long column)
    {
        var (b, bit) = Cell(x, row, column);
        bytes[b] |= (byte)(1 << bit);
    }
}
