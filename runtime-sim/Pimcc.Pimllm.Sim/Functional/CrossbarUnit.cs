using Pimcc.Compiler.Quantization;
using Pimcc.Isa.Encoding;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Sim.Functional;

/// <summary>
/// The crossbar controller's stream on values: crossbar reads and the post-processing lanes.
/// <list type="bullet">
/// <item><c>pp.quant</c>: each token's row, absmax per token at <c>system.activationBits</c> (BitNet eq. 4, the
/// quantiser the compiler and the quantised reference share: codes in [-2^(b-1), 2^(b-1) - 1], scale max |x| / 2^(b-1));</item>
/// <item><c>xb.mvm</c>: per token, the column sums of the group's crossbars over the row tile's integer inputs (binary
/// cells w = 2b - 1, differential w = b+ - b-, <see cref="CrossbarCells"/>), exact integers; the read-out
/// (<see cref="CrossbarConfig.ReadOutBits"/> bits, the ADC's full scale following the token's largest column sum, as
/// the quantised reference models it) rounds them, and the accumulators add the row tiles' rounded sums;</item>
/// <item><c>xb.st</c>: accumulator x the token's activation scale x the weight scale programmed with the crossbars;</item>
/// <item><c>pp.add</c>, <c>pp.mul</c>, <c>pp.act</c> element by element (GELU in its tanh form); an operand inside a
/// parameter region of the memory map is one row for every token (a bias); a sum or product is written as its
/// <c>rt</c> says (fp32: an LM head chunk's logits with their bias);</item>
/// <item><c>pp.norm</c>: LayerNorm (biased variance) or RMSNorm with the gains and epsilon the image holds after
/// <c>params</c>; <c>pp.qrow</c> and <c>pp.srow</c>: a token's K or V codes and its scale to the cache tables at its
/// position.</item>
/// </list>
/// Results are rounded to their element type when written (fp16 to nearest).
/// </summary>
public sealed class CrossbarUnit(PimllmMemory mem, PimllmTarget t, ProgramRun run, Func<long, bool> isParameter) : IFunctionalUnit
{
    private const int Unit = PimllmFormats.SramUnitBytes;

    /// <summary>The actions this unit runs on values.</summary>
    public static IReadOnlyList<PimllmAction> Actions { get; } =
    [
        PimllmAction.VectorLength, PimllmAction.TokenRange, PimllmAction.SourceOffset, PimllmAction.Quantize, PimllmAction.CrossbarMvm,
        PimllmAction.AccumulatorStore, PimllmAction.VectorAdd, PimllmAction.VectorMul, PimllmAction.Activation,
        PimllmAction.Norm, PimllmAction.QuantizeToCache, PimllmAction.ScaleToTable, PimllmAction.Rotary, PimllmAction.RotaryChannels,
    ];
    private long _len = 1, _group = 1, _stride, _first, _count = 1, _srcOff, _rotary;
    private double[][] _acc = [];
    private float _weightScale;

    public void Execute(Op op, PimllmAction action, string where)
    {
        switch (action)
        {
            case PimllmAction.VectorLength:
                (_len, _group, _stride) = (op["len"], op["group"], op["stride"]);
                return;
            case PimllmAction.RotaryChannels:
                _rotary = op["channels"];
                return;
            case PimllmAction.Rotary:
                Rotary(op);
                _rotary = 0;
                break;
            case PimllmAction.TokenRange:
                (_first, _count) = (op["first"], op["count"]);
                return;
            case PimllmAction.SourceOffset:
                _srcOff = op["bytes"];
                return;
            case PimllmAction.Quantize:
                Quantize(op);
                break;
            case PimllmAction.CrossbarMvm:
                Mvm(op, where);
                return;
            case PimllmAction.AccumulatorStore:
                Store(op);
                break;
            case PimllmAction.VectorAdd or PimllmAction.VectorMul:
                Binary(op, action == PimllmAction.VectorAdd ? (a, b) => a + b : (a, b) => a * b);
                break;
            case PimllmAction.Activation:
                Unary(op, (int)op["fn"] switch { 0 => Gelu, 1 => x => Math.Max(0, x), _ => x => x / (1 + Math.Exp(-x)) });
                break;
            case PimllmAction.Norm:
                Norm(op);
                break;
            case PimllmAction.QuantizeToCache:
                for (long i = 0; i < _count; i++)
                    mem.SramBytes(SourceRow(op["src"], 0, i), _len).CopyTo(mem.SramBytes(op["dst"] * Unit + Position(i) * RowUnits(_len) * Unit, _len));
                break;
            case PimllmAction.ScaleToTable:
                for (long i = 0; i < _count; i++)
                    mem.WriteFp32(op["dst"] * Unit + 4 * Position(i), mem.ReadFp32(op["src"] * Unit + 4 * i));
                break;
            default:
                throw FunctionalUnits.NotOnValues(op, action, where);
        }
        _srcOff = 0;
    }

    /// <summary>Rotate-half of each group's first r channels (pp.rot's, else the group) by the cos/sin row of the token's
    /// position p: r/2 fp16 cos then r/2 fp16 sin at table + p x r x 2 bytes; the other channels as they are.</summary>
    private void Rotary(Op op)
    {
        var dt = (int)op["dt"];
        var r = _rotary == 0 ? _group : _rotary;
        var half = r / 2;
        WriteRows(op["dst"], 2, i =>
        {
            var x = ReadRow(SourceRow(op["src"], dt, i), dt);
            var row = op["table"] * Unit + Position(i) * r * 2;
            for (long g = 0; g + r <= _len; g += _group)
                for (long k = 0; k < half; k++)
                {
                    double cos = mem.Read(row, 2, k), sin = mem.Read(row, 2, half + k), a = x[g + k], b = x[g + half + k];
                    (x[g + k], x[g + half + k]) = (a * cos - b * sin, b * cos + a * sin);
                }
            return x;
        });
    }

    /// <summary>GELU, tanh approximation (the ISA's <c>act</c> domain).</summary>
    private static double Gelu(double x) => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));

    /// <summary>The position of token <paramref name="i"/> of the range.</summary>
    private long Position(long i) => run.FirstPosition + _first + i;

    private static long RowUnits(long bytes) => (bytes + Unit - 1) / Unit;

    /// <summary>LayerNorm or RMSNorm of each row: gamma (and beta) as fp16 rows of len in whole units from params, then
    /// epsilon as fp32 in the unit after the last.</summary>
    private void Norm(Op op)
    {
        var dt = (int)op["dt"];
        var layer = op["kind"] == 0;
        long gamma = op["params"] * Unit, beta = gamma + RowUnits(_len * 2) * Unit;
        double eps = mem.ReadFp32((layer ? beta : gamma) + RowUnits(_len * 2) * Unit);
        WriteRows(op["dst"], 2, i =>
        {
            var x = ReadRow(SourceRow(op["src"], dt, i), dt);
            var mean = layer ? x.Average() : 0;
            var variance = x.Select(v => (v - mean) * (v - mean)).Average();
            var inv = 1 / Math.Sqrt(variance + eps);
            for (long e = 0; e < _len; e++)
                x[e] = (x[e] - mean) * inv * mem.Read(gamma, 2, e) + (layer ? mem.Read(beta, 2, e) : 0);
            return x;
        });
    }

    private long SourceRow(long src, int dt, long i) => src * Unit + _srcOff + (isParameter(src * Unit) ? 0 : i * (_stride == 0 ? _len : _stride) * PimllmMemory.ElementBytes(dt));

    private long DestRow(long dst, int dt, long i) => dst * Unit + i * _len * PimllmMemory.ElementBytes(dt);

    private void Quantize(Op op)
    {
        var dt = (int)op["dt"];
        var row = new float[_len];
        for (long i = 0; i < _count; i++)
        {
            var src = SourceRow(op["src"], dt, i);
            for (long e = 0; e < _len; e++) row[e] = mem.Read(src, dt, e);
            var (codes, scale) = ActivationQuantization.AbsmaxPerToken(row, t.ActivationBits);
            var dst = DestRow(op["dst"], 0, i);
            for (long e = 0; e < _len; e++) mem.Write(dst, 0, e, codes[e]);
            mem.WriteFp32(op["scale"] * Unit + 4 * i, (float)scale);
        }
    }

    private void Mvm(Op op, string where)
    {
        var x = t.Crossbars;
        long first = op["xbar"], tiles = op["tiles"], rows = op["rows"];
        var outputs = (int)(tiles * x.OutputsPerCrossbar);
        var scale = CrossbarCells.Scale(mem.Crossbar((int)first));
        if (op["acc"] == 0 || _acc.Length != _count || _acc[0].Length != outputs)
        {
            _acc = [.. Enumerable.Range(0, (int)_count).Select(_ => new double[outputs])];
            _weightScale = scale;
        }
        else if (scale != _weightScale)
            throw new Pimcc.Diagnostics.PimccError(Pimcc.Diagnostics.ExitCode.InvalidBinary, where,
                $"'{op.Mnemonic}' accumulates crossbars of weight scale {scale} onto sums of scale {_weightScale}", "a matrix's row tiles share their crossbars' scale; recompile the binary");
        var sums = new float[outputs];
        for (long i = 0; i < _count; i++)
        {
            var input = mem.SramBytes(op["src"] * Unit + i * _len, rows);
            for (var j = 0; j < outputs; j++)
            {
                var cells = mem.Crossbar((int)(first + j / x.OutputsPerCrossbar));
                long sum = 0;
                for (long r = 0; r < rows; r++)
                    sum += (sbyte)input[(int)r] * CrossbarCells.Weight(cells, x, r, j % x.OutputsPerCrossbar);
                sums[j] = sum;
            }
            var (codes, step) = ActivationQuantization.AbsmaxPerToken(sums, x.ReadOutBits(t.ActivationBits));
            for (var j = 0; j < outputs; j++) _acc[i][j] += codes[j] * step;
        }
    }

    private void Store(Op op)
    {
        var dt = (int)op["dt"];
        for (long i = 0; i < _count; i++)
        {
            var s = (double)mem.ReadFp32(op["scale"] * Unit + 4 * i) * _weightScale;
            var dst = op["dst"] * Unit + i * op["len"] * PimllmMemory.ElementBytes(dt);
            for (long j = 0; j < op["len"]; j++) mem.Write(dst, dt, j, _acc[i][j] * s);
        }
    }

    private void Binary(Op op, Func<double, double, double> f)
    {
        var dt = (int)op["dt"];
        var bt = BOperandType(op, dt);
        WriteRows(op["dst"], PimllmFormats.ResultDataType(op["rt"]), i =>
        {
            long a = SourceRow(op["a"], dt, i), b = SourceRow(op["b"], bt, i);
            var x = new double[_len];
            for (long e = 0; e < _len; e++) x[e] = f(mem.Read(a, dt, e), mem.Read(b, bt, e));
            return x;
        });
    }

    /// <summary>A parameter operand (bias, gain) is fp16 as the image holds it; an activation has the instruction's type.</summary>
    private int BOperandType(Op op, int dt) => isParameter(op["b"] * Unit) ? 2 : dt;

    private void Unary(Op op, Func<double, double> f)
    {
        var dt = (int)op["dt"];
        WriteRows(op["dst"], 2, i =>
        {
            var x = ReadRow(SourceRow(op["src"], dt, i), dt);
            for (long e = 0; e < _len; e++) x[e] = f(x[e]);
            return x;
        });
    }

    /// <summary>A row of <c>len</c> elements of type <paramref name="dt"/> at byte <paramref name="src"/>.</summary>
    private double[] ReadRow(long src, int dt)
    {
        var x = new double[_len];
        for (long e = 0; e < _len; e++) x[e] = mem.Read(src, dt, e);
        return x;
    }

    /// <summary>Computes every token's row of the range, then writes them as <paramref name="rt"/> from
    /// <paramref name="dst"/>: a destination may be a source (dst = dst + bias, a rotation in place), so every row is
    /// read before any is written.</summary>
    private void WriteRows(long dst, int rt, Func<long, double[]> row)
    {
        var results = new double[_count][];
        for (long i = 0; i < _count; i++) results[i] = row(i);
        for (long i = 0; i < _count; i++)
            for (long e = 0; e < _len; e++) mem.Write(DestRow(dst, rt, i), rt, e, results[i][e]);
    }
}
