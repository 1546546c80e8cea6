using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hyflexpim.Sim.Functional;

/// <summary>
/// The analog modules of one PU on values (docs/hyflexpim-sim.md, "Functional analog GEMV"): <c>ag.shape</c> and
/// <c>ag.split</c> set the weight, each <c>ag.gemv</c> reads its group of tiles. Per tile, token, output and input bit
/// (two's complement, bit-serial, the top bit weighing -2^(bits-1)) each slice column's 64-row sum of input bit x cell
/// level goes through the ADC (<see cref="Adc"/>); S&amp;A weighs it by 2^(input bit) x 2^(slice x bits per cell), adds
/// the tile's sums and removes the weights' offset (2^(weight bits - 1) x the sum of the tile's inputs). The result is
/// the tile sums' i32 total per output, set or added at dst. Dispatches on the ISA table's action column.
/// </summary>
public sealed class AnalogGemv(CrossbarMemory cells, int pu)
{
    private readonly AnalogModuleConfig _a = cells.Target.Analog;
    private CrossbarWeight? _weight;
    private int _inputBits;
    private long _tokens;
    private long _nextTile;

    /// <summary>Conversions the ADC clipped at its top code (a correctly programmed image of the paper's sizing rarely has any).</summary>
    public long ClippedConversions { get; private set; }

    /// <summary>Conversions made.</summary>
    public long Conversions { get; private set; }

    /// <summary>Executes one analog-stream instruction, reading inputs and writing outputs through <paramref name="io"/>.</summary>
    public void Execute(Op op, IAnalogIo io, string where)
    {
        switch (op.Spec.Hyflexpim.Action)
        {
            case HyflexpimAction.AnalogShape:
                _weight = new CrossbarWeight(op["in"], op["out"], 0, false);
                (_inputBits, _tokens, _nextTile) = ((int)op["bits"], op["tokens"], 0);
                break;
            case HyflexpimAction.AnalogSplit:
                var w = _weight ?? throw Error(where, $"'{op.Mnemonic}' before any ag.shape", "set the weight with ag.shape first");
                var onInputs = op["axis"] == HyflexpimFormats.SplitAxis.Code("in");
                if (op["slc"] > (onInputs ? w.Inputs : w.Outputs))
                    throw Error(where, $"'{op.Mnemonic}' puts {op["slc"]} {(onInputs ? "inputs" : "outputs")} in SLC of a weight of {w.Inputs} x {w.Outputs}", "recompile");
                _weight = w with { Slc = op["slc"], SplitOnInputs = onInputs };
                _nextTile = op["tile"];
                break;
            case HyflexpimAction.AnalogGemv:
                Gemv(op, io, where);
                break;
            default:
                throw new InvalidOperationException($"{op.Mnemonic} is not an analog instruction");
        }
    }

    private void Gemv(Op op, IAnalogIo io, string where)
    {
        var w = _weight ?? throw Error(where, $"'{op.Mnemonic}' before any ag.shape", "set the weight with ag.shape first");
        var (first, last) = ((int)op["first"], (int)op["last"]);
        if (_nextTile + last - first >= w.Tiles(_a))
            throw Error(where, $"'{op.Mnemonic}' reads tiles {_nextTile}-{_nextTile + last - first} of a weight with {w.Tiles(_a)}", "recompile");
        var accumulate = op["acc"] == HyflexpimFormats.Accumulate.Code("acc");
        for (long t = 0; t < _tokens; t++)
        {
            var x = io.Inputs(op["src"], t, w.Inputs);
            var y = accumulate ? io.Outputs(op["dst"], t, w.Outputs) : new int[w.Outputs];
            for (var i = 0; i <= last - first; i++)
                AddTile(w.Tile(_a, _nextTile + i), cells.Array(pu, (int)op["module"], first + i), x, y, where);
            io.Write(op["dst"], t, y);
        }
        _nextTile += last - first + 1;
    }

    /// <summary>y[outputs of the tile] += the tile's sums for inputs x, read slice column by slice column through the ADC.</summary>
    private void AddTile(CrossbarTile tile, byte[] array, ReadOnlySpan<sbyte> x, Span<int> y, string where)
    {
        var bitsPerCell = _a.BitsPerCell(tile.Mode);
        var slices = _a.ColumnsPerWeight(tile.Mode);
        var top = (1 << bitsPerCell) - 1;
        var adc = new Adc(_a.AdcBitsNeeded(tile.Mode));
        long inputSum = 0;
        for (var r = 0; r < tile.Inputs; r++) inputSum += x[(int)tile.FirstInput + r];
        for (var slot = 0; slot < tile.Outputs; slot++)
        {
            long total = 0;
            for (var bit = 0; bit < _inputBits; bit++)
            {
                var bitWeight = bit == _inputBits - 1 ? -(1L << bit) : 1L << bit;
                for (var k = 0; k < slices; k++)
                {
                    var column = slot * slices + k;
                    var sum = 0;
                    for (var r = 0; r < tile.Inputs; r++)
                    {
                        var level = CrossbarCells.Level(_a, array, r, column);
                        if (level > top)
                            throw Error(where, $"cell (row {r}, column {column}) of an {tile.Mode} array holds level {level}", $"an {tile.Mode} cell holds levels 0-{top}; the image is corrupt: recompile");
                        sum += ((x[(int)tile.FirstInput + r] >> bit) & 1) * level;
                    }
                    total += bitWeight * (adc.Convert(sum) << (k * bitsPerCell));
                }
            }
            Conversions += (long)_inputBits * slices;
            y[(int)tile.FirstOutput + slot] += (int)(total - CrossbarCells.Offset(_a) * inputSum);
        }
        ClippedConversions += adc.Clipped;
    }

    private static PimccError Error(string where, string what, string hint) => new(ExitCode.InvalidBinary, where, what, hint);
}

/// <summary>Where an <c>ag.gemv</c> reads and writes: token t's INT8 inputs at src, its i32 outputs at dst (vector
/// addresses of the PU's window).</summary>
public interface IAnalogIo
{
    sbyte[] Inputs(long src, long token, long n);

    int[] Outputs(long dst, long token, long n);

    void Write(long dst, long token, int[] values);
}

/// <summary>
/// The analog module's SAR ADC at <paramref name="bits"/> bits: one code per unit of (input bit x cell level) summed down
/// a tile's rows, codes 0 .. 2^bits - 1; a larger sum reads as the top code (clipped).
/// </summary>
public sealed class Adc(int bits)
{
    private readonly int _top = (1 << bits) - 1;

    public long Clipped { get; private set; }

    public long Convert(int sum)
    {
        if (sum <= _top) return sum;
        Clipped++;
        return _top;
    }
}
