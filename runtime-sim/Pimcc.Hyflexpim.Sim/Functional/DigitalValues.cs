using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hyflexpim.Sim.Functional;

/// <summary>
/// The digital NOR PIM modules of one PU on values (docs/hyflexpim-isa.md, HYFLEXPIM-DIGITAL): KV rows and their FP16
/// scales written at the step's positions, Q·Kᵀ as exact INT8 products summed in S&amp;A and scaled by the query's and
/// the row's scales and 1/sqrt(dim) to FP32 scores, S·V as the INT8 probabilities (scale 1/127) times the V rows and
/// their scales, summed to the SFU's float format. The NOR row operations compute the exact integer product, so
/// no rounding happens before S&amp;A's scaling.
/// </summary>
public sealed class DigitalValues(ValuesMachine m, int pu)
{
    private readonly QueryWindow _window = new();
    private long _dim, _rows, _queries, _heads, _groups, _scaleSrc, _scaleTable;

    public void Execute(Op op, ProgramStep step, string where)
    {
        if (_window.Configure(op)) return;
        switch (op.Spec.Hyflexpim.Action)
        {
            case HyflexpimAction.DigitalShape:
                (_dim, _rows, _queries, _heads, _groups) = (op["dim"], op["rows"], op["queries"], op["heads"], op["groups"]);
                _window.Reset();
                break;
            case HyflexpimAction.DigitalScale:
                (_scaleSrc, _scaleTable) = (op["src"], op["table"]);
                break;
            case HyflexpimAction.KvWrite:
                KvWrite(op, step, where);
                break;
            case HyflexpimAction.ScoreDot:
                Scores(op, step);
                break;
            case HyflexpimAction.WeightedSum:
                WeightedSum(op, step);
                break;
            default:
                throw new PimccError(ExitCode.InvalidBinary, where, $"'{op.Mnemonic}' has no values rule on the digital modules", "recompile the model with this pimcc");
        }
    }

    private PuBuffer B => m.Buffer(pu);
    private long RowWidth => _groups * _dim;

    /// <summary>The last row query i (of this step's block) sees: p + first + i causally, every row with the full mask.</summary>
    private long LastVisible(ProgramStep step, long i) => _window.Visible(step, i, _rows) - 1;

    private float[] TableScales() => m.ReadFloats(pu, ValuesMachine.Unit(_scaleTable), _rows);

    private void KvWrite(Op op, ProgramStep step, string where)
    {
        if (step.FirstPosition + op["rows"] > _rows)
            throw new PimccError(ExitCode.InvalidSimInput, where, $"rows {step.FirstPosition}-{step.FirstPosition + op["rows"] - 1} are beyond the KV table's {_rows}", "generate fewer tokens");
        var rowBytes = ValuesMachine.RowBytes(RowWidth, 1);
        var scales = m.ReadFloats(pu, ValuesMachine.Unit(_scaleSrc), op["rows"]);
        for (long r = 0; r < op["rows"]; r++)
            B.Write(ValuesMachine.Unit(op["dst"]) + (step.FirstPosition + r) * rowBytes, B.Read(ValuesMachine.Unit(op["src"]) + r * rowBytes, RowWidth));
        m.WriteFloats(pu, ValuesMachine.Unit(_scaleTable) + step.FirstPosition * m.SfuBytes, scales);
    }

    private void Scores(Op op, ProgramStep step)
    {
        var qRow = ValuesMachine.RowBytes(_heads * _dim, 1);
        var kRow = ValuesMachine.RowBytes(RowWidth, 1);
        var scoreRow = ValuesMachine.RowBytes(_rows, 4);
        var kScales = TableScales();
        var qScales = m.ReadFloats(pu, ValuesMachine.Unit(_scaleSrc), _window.First + _queries);
        var keys = new sbyte[_rows][];
        for (var i = 0; i < _queries; i++)
        {
            var q = B.Read<sbyte>(ValuesMachine.Unit(op["q"]) + i * qRow, _heads * _dim);
            var last = LastVisible(step, i);
            for (var h = 0; h < _heads; h++)
            {
                var g = h / (_heads / _groups);
                var scores = new float[_rows];
                for (long r = 0; r <= last; r++)
                {
                    var k = keys[r] ??= B.Read<sbyte>(ValuesMachine.Unit(op["k"]) + r * kRow, RowWidth);
                    long dot = 0;
                    for (var d = 0; d < _dim; d++) dot += q[h * _dim + d] * k[g * _dim + d];
                    scores[r] = (float)(dot * (double)qScales[_window.First + i] * kScales[r] / Math.Sqrt(_dim));
                }
                B.Write<float>(ValuesMachine.Unit(op["dst"]) + (i * _heads + h) * scoreRow, scores);
            }
        }
    }

    private void WeightedSum(Op op, ProgramStep step)
    {
        var pRow = ValuesMachine.RowBytes(_rows, 1);
        var vRow = ValuesMachine.RowBytes(RowWidth, 1);
        var outRow = ValuesMachine.RowBytes(_heads * _dim, m.SfuBytes);
        var vScales = TableScales();
        var values = new sbyte[_rows][];
        for (var i = 0; i < _queries; i++)
        {
            var last = LastVisible(step, i);
            var output = new float[_heads * _dim];
            for (var h = 0; h < _heads; h++)
            {
                var g = h / (_heads / _groups);
                var p = B.Read<sbyte>(ValuesMachine.Unit(op["p"]) + (i * _heads + h) * pRow, _rows);
                var sum = new double[_dim];
                for (long r = 0; r <= last; r++)
                {
                    if (p[r] == 0) continue;
                    var v = values[r] ??= B.Read<sbyte>(ValuesMachine.Unit(op["v"]) + r * vRow, RowWidth);
                    var weight = p[r] / 127.0 * vScales[r];
                    for (var d = 0; d < _dim; d++) sum[d] += weight * v[g * _dim + d];
                }
                for (var d = 0; d < _dim; d++) output[h * _dim + d] = (float)sum[d];
            }
            m.WriteFloats(pu, ValuesMachine.Unit(op["dst"]) + i * outRow, output);
        }
    }
}
