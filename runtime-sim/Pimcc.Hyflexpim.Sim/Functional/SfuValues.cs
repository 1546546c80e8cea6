using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hyflexpim.Sim.Functional;

/// <summary>
/// The SFU of one PU on values (docs/hyflexpim-isa.md, HYFLEXPIM-SFU): rows of <c>len</c> elements set by
/// <c>sfu.len</c>, each row on a 256-byte unit, computed in float and stored in the SFU's format (FP16: every result
/// rounds to half precision, as the paper's FP16 SFU). Element types follow the instruction: i32 GEMV sums
/// (sfu.reduce, sfu.dequant's source), FP32 scores (sfu.softmax's source), i8 probabilities and quantised values,
/// FP16 everything else.
/// </summary>
public sealed class SfuValues(ValuesMachine m, int pu)
{
    private readonly QueryWindow _window = new();
    private long _len, _rows, _headDim;

    public void Execute(Op op, ProgramStep step, string where)
    {
        if (_window.Configure(op)) return;
        switch (op.Spec.Hyflexpim.Action)
        {
            case HyflexpimAction.VectorLength:
                (_len, _rows, _headDim) = (op["len"], op["rows"], 0);
                _window.Reset();
                break;
            case HyflexpimAction.HeadWidth:
                _headDim = op["dim"];
                break;
            case HyflexpimAction.Rotary:
                Rotate(op, step, where);
                break;
            case HyflexpimAction.Quantize:
                Quantize(op);
                break;
            case HyflexpimAction.Dequantize:
                for (var r = 0; r < _rows; r++)
                {
                    var scale = m.ReadFloats(pu, U(op["scale"]) + r * m.SfuBytes, 1)[0];
                    var sums = m.Buffer(pu).Read<int>(U(op["src"]) + r * Row(4), _len);
                    m.WriteFloats(pu, U(op["dst"]) + r * Row(m.SfuBytes), [.. sums.Select(v => (float)(v * (double)scale))]);
                }
                break;
            case HyflexpimAction.VectorAdd or HyflexpimAction.VectorMul:
                var add = op.Spec.Hyflexpim.Action == HyflexpimAction.VectorAdd;
                var broadcast = op["b_rows"] == HyflexpimFormats.RowsOfB.Code("one");
                for (var r = 0; r < _rows; r++)
                {
                    var a = Floats(op["a"], r);
                    var b = Floats(op["b"], broadcast ? 0 : r);
                    Store(op["dst"], r, [.. a.Select((x, i) => add ? x + b[i] : x * b[i])]);
                }
                break;
            case HyflexpimAction.Norm:
                Norm(op);
                break;
            case HyflexpimAction.Activation:
                var fn = HyflexpimFormats.ActivationFunction.Names[(int)op["fn"]];
                for (var r = 0; r < _rows; r++) Store(op["dst"], r, [.. Floats(op["src"], r).Select(x => Activate(fn, x))]);
                break;
            case HyflexpimAction.PartialSumReduce:
                for (var r = 0; r < _rows; r++)
                {
                    var sum = new int[_len];
                    for (var part = 0; part < op["parts"]; part++)
                    {
                        var block = m.Buffer(pu).Read<int>(U(op["src"]) + (part * _rows + r) * Row(4), _len);
                        for (var i = 0; i < _len; i++) sum[i] += block[i];
                    }
                    m.Buffer(pu).Write<int>(U(op["dst"]) + r * Row(4), sum);
                }
                break;
            case HyflexpimAction.Softmax:
                if (op["queries"] < 1 || _rows % op["queries"] != 0)
                    throw new PimccError(ExitCode.InvalidBinary, where, $"'{op.Mnemonic}' splits {_rows} rows among {op["queries"]} queries", "recompile; the rows (sfu.len) are a whole number of rows per query");
                Softmax(op, step);
                break;
            default:
                throw new PimccError(ExitCode.InvalidBinary, where, $"'{op.Mnemonic}' has no values rule on the SFU", "recompile the model with this pimcc");
        }
    }

    private static long U(long units) => ValuesMachine.Unit(units);
    private long Row(int bytes) => ValuesMachine.RowBytes(_len, bytes);
    private float[] Floats(long at, long row) => m.ReadFloats(pu, U(at) + row * Row(m.SfuBytes), _len);
    private void Store(long at, long row, float[] v) => m.WriteFloats(pu, U(at) + row * Row(m.SfuBytes), v);

    /// <summary>Absmax per row: s = max |x| / 127 (stored in the SFU's format), codes round(x / s) in [-127, 127]
    /// (round half away from zero; a zero row has s = 0 and codes 0).</summary>
    private void Quantize(Op op)
    {
        var scales = new float[_rows];
        for (var r = 0; r < _rows; r++)
        {
            var x = Floats(op["src"], r);
            var s = x.Max(v => Math.Abs(v)) / 127f;
            scales[r] = s;
            var codes = x.Select(v => s == 0 ? (sbyte)0 : (sbyte)Math.Clamp(Math.Round(v / s, MidpointRounding.AwayFromZero), -127, 127)).ToArray();
            m.Buffer(pu).Write<sbyte>(U(op["dst"]) + r * Row(1), codes);
        }
        m.WriteFloats(pu, U(op["scale"]), scales);
    }

    private void Norm(Op op)
    {
        var layer = op["kind"] == HyflexpimFormats.NormKind.Code("layer");
        var eps = Math.Pow(10, -op["eps"]);
        var gamma = m.ReadFloats(pu, U(op["params"]), _len);
        var beta = layer ? m.ReadFloats(pu, U(op["params"]) + Row(m.SfuBytes), _len) : null;
        for (var r = 0; r < _rows; r++)
        {
            var x = Floats(op["src"], r);
            var mean = layer ? x.Average(v => (double)v) : 0;
            var variance = x.Average(v => (v - mean) * (v - mean));
            var inv = 1 / Math.Sqrt(variance + eps);
            Store(op["dst"], r, [.. x.Select((v, i) => (float)((v - mean) * inv * gamma[i] + (beta?[i] ?? 0)))]);
        }
    }

    private static float Activate(string fn, float x) => fn switch
    {
        "relu" => Math.Max(0, x),
        "silu" => (float)(x / (1 + Math.Exp(-x))),
        "gelu" => (float)(0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))),
        "gelu_erf" => (float)(0.5 * x * (1 + Erf(x / Math.Sqrt(2)))),
        _ => throw new InvalidOperationException($"activation {fn}"),
    };

    /// <summary>erf to 1.2e-7 (Numerical Recipes' erfc Chebyshev fit), beyond the FP16 result's precision.</summary>
    private static double Erf(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var erfc = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807
            + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - erfc : erfc - 1;
    }

    /// <summary>Row r is the token at position p + r: each head's first 2 x half elements rotate by the table's cos and
    /// sin rows of that position (x1, x2 the two halves: x1 cos - x2 sin, x2 cos + x1 sin), the rest of the head is
    /// copied; heads are 2 x half wide, or sfu.head's dim.</summary>
    private void Rotate(Op op, ProgramStep step, string where)
    {
        var half = op["half"];
        var dim = _headDim == 0 ? 2 * half : _headDim;
        if (dim < 2 * half || _len % dim != 0)
            throw new PimccError(ExitCode.InvalidBinary, where, $"'{op.Mnemonic}' rotates {2 * half} channels of heads of {dim} in rows of {_len}", "recompile");
        var positions = m.Binary.MemoryMap.Where(r => r.Placement is BufferPlacement b && b.Pu == pu && b.Address == U(op["table"]))
            .Select(r => r.SizeBytes / (2 * half * m.SfuBytes)).DefaultIfEmpty(long.MaxValue).Max();
        for (var r = 0; r < _rows; r++)
        {
            var p = step.FirstPosition + r;
            if (p >= positions)
                throw new PimccError(ExitCode.InvalidSimInput, where, $"position {p} is beyond the rotary table's {positions} positions", "generate fewer tokens");
            var table = m.ReadFloats(pu, U(op["table"]) + p * 2 * half * m.SfuBytes, 2 * half);
            var x = Floats(op["src"], r);
            var y = (float[])x.Clone();
            for (long h = 0; h < _len; h += dim)
                for (var i = 0; i < half; i++)
                {
                    double x1 = x[h + i], x2 = x[h + half + i], cos = table[i], sin = table[half + i];
                    y[h + i] = (float)(x1 * cos - x2 * sin);
                    y[h + half + i] = (float)(x2 * cos + x1 * sin);
                }
            Store(op["dst"], r, y);
        }
    }

    /// <summary>Rows [queries][heads] of FP32 scores: each over the entries its query sees, as i8 probabilities (1/127).</summary>
    private void Softmax(Op op, ProgramStep step)
    {
        var perQuery = _rows / op["queries"];
        for (var r = 0; r < _rows; r++)
        {
            var s = m.Buffer(pu).Read<float>(U(op["src"]) + r * Row(4), _len);
            var visible = _window.Visible(step, r / perQuery, _len);
            var max = s.Take((int)visible).Max();
            var e = s.Take((int)visible).Select(v => Math.Exp(v - max)).ToArray();
            var sum = e.Sum();
            var p = new sbyte[_len];
            for (var i = 0; i < visible; i++) p[i] = (sbyte)Math.Round(127 * e[i] / sum, MidpointRounding.AwayFromZero);
            m.Buffer(pu).Write<sbyte>(U(op["dst"]) + r * Row(1), p);
        }
    }
}
