using Pimcc.Diagnostics;
using Pimcc.Isa.Encoding;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Sim.Functional;

/// <summary>
/// The systolic array's stream on values: its products and the softmax unit.
/// <list type="bullet">
/// <item><c>sa.mm</c> (the shape of <c>sa.mshape</c>) and <c>sa.gemm</c> (of <c>sa.shape</c>): C[i][j] = the exact
/// integer sum of 8-bit A codes times B codes (B as n rows of k, or, for a V operand (span causal_k or cache_k), as k
/// rows of n; rows at <c>sa.stride</c>'s strides, packed when 0; A from <c>sa.aoff</c> bytes into its unit), over the
/// keys the span lets row i see (causal: past + i + 1 of the given keys; cache: the p + 1 keys of the current position
/// p); the keys it does not see give 0. Written as i32, or, after <c>sa.scale</c>, as fp32 = sum x a_i x b_j (the
/// output stage's dequantisation);</item>
/// <item><c>sa.msmx</c> and <c>sa.softmax</c>: per row, the fp32 scores it sees times the score scale of
/// <c>sa.pscale</c>, softmax, each probability times the V row's per-position scale, then i8 codes absmax per row
/// (s = max / 127, rounded half to even) and s as fp32.</item>
/// </list>
/// Only 8-bit B operands run on values (a float weight is streamed INT8 per row); 1-bit B codes are refused.
/// </summary>
public sealed class SystolicUnit(PimllmMemory mem, ProgramRun run) : IFunctionalUnit
{
    private const int Unit = PimllmFormats.SramUnitBytes;
    private const int SpanDense = 0, SpanCausalN = 1, SpanCausalK = 2, SpanCacheN = 3, SpanCacheK = 4;
    private const int ScaleEach = 0, ScaleOne = 1;

    /// <summary>The actions this unit runs on values.</summary>
    public static IReadOnlyList<PimllmAction> Actions { get; } =
    [
        PimllmAction.TileShape, PimllmAction.Gemm, PimllmAction.MatrixShape, PimllmAction.OperandStrides, PimllmAction.OperandOffset,
        PimllmAction.ResultScale, PimllmAction.MatrixProduct, PimllmAction.Softmax, PimllmAction.SoftmaxScale, PimllmAction.SoftmaxRows,
    ];

    private long _m = 1, _n = 1, _k = 1, _span, _strideC, _strideA, _strideB, _aOff;
    private (long A, long AMode, long B, long BMode)? _scale;
    private (long V, long P, long T)? _softmax;

    public void Execute(Op op, PimllmAction action, string where)
    {
        switch (action)
        {
            case PimllmAction.TileShape:
                (_m, _n, _k, _span) = (op["m"], op["n"], op["k"], SpanDense);
                return;
            case PimllmAction.MatrixShape:
                (_m, _n, _k, _span) = (op["m"], op["n"], op["k"], op["span"]);
                return;
            case PimllmAction.OperandStrides:
                (_strideC, _strideA, _strideB) = (op["c"], op["a"], op["b"]);
                return;
            case PimllmAction.OperandOffset:
                _aOff = op["bytes"];
                return;
            case PimllmAction.ResultScale:
                _scale = (op["a"], op["amode"], op["b"], op["bmode"]);
                return;
            case PimllmAction.SoftmaxScale:
                _softmax = (op["v"], op["p"], op["t"]);
                return;
            case PimllmAction.Gemm or PimllmAction.MatrixProduct:
                Product(op, where, action == PimllmAction.Gemm);
                (_aOff, _scale) = (0, null);
                return;
            case PimllmAction.Softmax:
                SoftmaxRow(op["dst"] * Unit, op["src"] * Unit, 0, op["len"], op["len"], where, op);
                return;
            case PimllmAction.SoftmaxRows:
                for (long i = 0; i < _m; i++)
                    SoftmaxRow(op["dst"] * Unit + i * _n, op["src"] * Unit + i * _n * 4, i, _n, Visible(i, _n), where, op);
                return;
            default:
                throw FunctionalUnits.NotOnValues(op, action, where);
        }
    }

    /// <summary>Keys row <paramref name="i"/> sees of the <paramref name="given"/> keys of the current span.</summary>
    private long Visible(long i, long given) => _span switch
    {
        SpanCausalN or SpanCausalK => Math.Min(given, given - _m + i + 1),
        SpanCacheN or SpanCacheK => Math.Min(given, run.FirstPosition + run.Tokens.Count),
        _ => given,
    };

    private void Product(Op op, string where, bool tile)
    {
        if (op["wt"] != 0)
            throw new PimccError(ExitCode.Usage, where, $"'{op.Mnemonic}' multiplies 1-bit B codes (wt={op["wt"]}), which the values mode does not run yet",
                "drop --functional for the timing report (a float weight streamed INT8 per row runs on values)");
        var keysOnK = !tile && _span is SpanCausalK or SpanCacheK;   // a V operand: k rows of n
        long m = _m, n = _n, k = _k;
        long strideC = tile || _strideC == 0 ? n : _strideC, strideA = tile || _strideA == 0 ? k : _strideA;
        long strideB = tile || _strideB == 0 ? (keysOnK ? n : k) : _strideB;
        long a = op["a"] * Unit + _aOff, b = op["b"] * Unit, c = op["c"] * Unit;
        var accumulate = op["acc"] == 1;
        var dt = _scale is null ? 1 : 3;
        for (long i = 0; i < m; i++)
        {
            var visible = Visible(i, keysOnK ? k : n);
            var rowScale = _scale is { } s ? Factor(s.A, s.AMode, i) : 1;
            for (long j = 0; j < n; j++)
            {
                long sum = 0;
                if (keysOnK)
                    for (long r = 0; r < visible; r++) sum += mem.I8(a + i * strideA + r) * mem.I8(b + r * strideB + j);
                else if (j < visible)
                    for (long r = 0; r < k; r++) sum += mem.I8(a + i * strideA + r) * mem.I8(b + j * strideB + r);
                double value = _scale is { } t ? sum * rowScale * Factor(t.B, t.BMode, j) : sum;
                var at = c + i * strideC * 4;
                if (accumulate) value += mem.Read(at, dt, j);
                mem.Write(at, dt, j, value);
            }
        }
    }

    /// <summary>Factor i of a scale operand: the fp32 at unit + 4i (each), at unit (one), or 1 (none).</summary>
    private double Factor(long unit, long mode, long i) => mode switch
    {
        ScaleEach => mem.ReadFp32(unit * Unit + 4 * i),
        ScaleOne => mem.ReadFp32(unit * Unit),
        _ => 1,
    };

    private void SoftmaxRow(long dst, long src, long row, long length, long visible, string where, Op op)
    {
        var (v, p, t) = _softmax ?? throw new PimccError(ExitCode.InvalidBinary, where, $"'{op.Mnemonic}' runs before any sa.pscale states its scales", "recompile the binary with this pimcc");
        double scale = mem.ReadFp32(t * Unit), max = double.NegativeInfinity, sum = 0;
        var e = new double[visible];
        for (long j = 0; j < visible; j++) max = Math.Max(max, e[j] = mem.ReadFp32(src + 4 * j) * scale);
        for (long j = 0; j < visible; j++) sum += e[j] = Math.Exp(e[j] - max);
        double absmax = 0;
        for (long j = 0; j < visible; j++) absmax = Math.Max(absmax, Math.Abs(e[j] = e[j] / sum * mem.ReadFp32(v * Unit + 4 * j)));
        var step = (float)(absmax / 127);
        for (long j = 0; j < length; j++) mem.Write(dst, 0, j, j < visible && step > 0 ? e[j] / step : 0);
        mem.WriteFp32(p * Unit + 4 * row, step);
    }
}
