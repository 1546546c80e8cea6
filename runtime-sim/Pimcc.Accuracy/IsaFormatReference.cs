using Pimcc.Compiler.Quantization;
using Pimcc.Ir;
using Pimcc.Reference;
using Pimcc.Reference.Kernels;

namespace Pimcc.Accuracy;

/// <summary>
/// The reference interpreter's arithmetic in a target ISA's number formats (<see cref="IsaFormats"/>), without device
/// noise: each linear the plan maps runs as INT8 codes of its input rows times its INT8 per-channel weight, the exact
/// integer sums dequantised (sum x input scale, then x the channel's scale, then + bias, each held in the SFU's format);
/// attention quantises Q, K and V the same way and weighs V by probabilities of <see cref="IsaFormats.ProbabilityLevels"/>
/// steps; every other op runs its own kernel on parameters held in the SFU's format (rotary on cos/sin held so too), and
/// every float result is held in the SFU's format. What remains between this and a binary's run on values is the order
/// and precision (float against double) of the arithmetic inside each op before its result is rounded.
/// </summary>
public sealed class IsaFormatReference(QuantisationPlan plan, IsaFormats formats) : IReferenceTransform
{
    private readonly Dictionary<string, (sbyte[] Codes, float[] Scales)> _linears = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tensor> _parameters = new(StringComparer.Ordinal);

    public Tensor[]? Execute(OpContext ctx)
    {
        var op = ctx.Op;
        if (op.Opcode == "linear" && op.Operands.Length >= 2 && op.Operands[1].Kind == OperandKind.Weight && plan.Linears.TryGetValue(op.Operands[1].Name, out var linear))
            return [Linear(ctx, linear)];
        var args = (Tensor[])ctx.Args.Clone();
        for (var i = 0; i < args.Length && i < op.Operands.Length; i++)
            if (op.Operands[i].Kind == OperandKind.Weight)
                args[i] = _parameters.TryGetValue(op.Operands[i].Name, out var held) ? held : _parameters[op.Operands[i].Name] = Held(args[i]);
        if (op.Opcode == "attention")
            for (var i = 0; i < 3; i++) args[i] = QuantiseRows(args[i]);
        var c = ctx.WithArgs(args);
        var results = op.Opcode switch
        {
            "attention" => [AttentionKernel.Run(c, formats.ProbabilityLevels)],
            "rotary" => [RotaryKernel.Run(c, Sfu)],
            _ => ReferenceInterpreter.Kernel(c),
        };
        return [.. results.Select(Held)];
    }

    private float Sfu(float x) => formats.SfuBits == 16 ? FloatRounding.Round(ElementType.F16, x) : x;

    private Tensor Held(Tensor t) => t.Floats is { } f ? Tensor.Float(t.Element, t.Shape, [.. f.Select(Sfu)]) : t;

    /// <summary>One row's codes round(x / s) and its scale s = max |x| / levels (the scale as computed, before it is held).</summary>
    private (int[] Codes, float Scale) Quantise(ReadOnlySpan<float> row)
    {
        var max = 0f;
        foreach (var v in row) max = Math.Max(max, Math.Abs(v));
        var s = max / formats.QuantLevels;
        var codes = new int[row.Length];
        if (s != 0)
            for (var i = 0; i < row.Length; i++)
                codes[i] = (int)Math.Clamp(Math.Round(row[i] / s, MidpointRounding.AwayFromZero), -formats.QuantLevels, formats.QuantLevels);
        return (codes, s);
    }

    /// <summary>Rows as their codes times their held scale (the values the digital PIM's products see).</summary>
    private Tensor QuantiseRows(Tensor t)
    {
        var data = (float[])t.Floats!.Clone();
        var width = (int)t.Shape[^1];
        for (var r = 0; r < data.Length; r += width)
        {
            var (codes, s) = Quantise(data.AsSpan(r, width));
            var held = Sfu(s);
            for (var i = 0; i < width; i++) data[r + i] = codes[i] * held;
        }
        return Tensor.Float(t.Element, t.Shape, data);
    }

    private Tensor Linear(OpContext ctx, LinearPlan plan)
    {
        var x = ctx[0];
        var w = ctx[1];
        var bias = ctx.Optional(2)?.Floats;
        if (x.Rank != 2 || w.Rank != 2 || x.Shape[1] != w.Shape[1] || x.Floats is null)
            throw ctx.Error($"linear needs x[S,K] and w[N,K]; got {x.ShapeText} and {w.ShapeText}");
        if (plan.Format != WeightFormat.Int8PerChannel)
            throw ctx.Error($"the ISA formats hold linear weights as INT8 per channel, not {plan.Format}");
        int s = (int)x.Shape[0], k = (int)x.Shape[1], n = (int)w.Shape[0];
        if (!_linears.TryGetValue(plan.Weight, out var weight))
        {
            var (codes, scales) = Int8PerChannel.Quantize(w.Floats ?? [.. w.Ints!.Select(v => (float)v)], n, k);
            _linears[plan.Weight] = weight = (codes, [.. scales.Select(v => Sfu((float)v))]);
        }
        var y = new float[(long)s * n];
        for (var i = 0; i < s; i++)
        {
            var (codes, scale) = Quantise(x.Floats.AsSpan(i * k, k));
            var held = Sfu(scale);
            for (var j = 0; j < n; j++)
            {
                long dot = 0;
                for (var t = 0; t < k; t++) dot += codes[t] * weight.Codes[(long)j * k + t];
                var v = Sfu(Sfu((float)(dot * (double)held)) * weight.Scales[j]);
                y[(long)i * n + j] = bias is null ? v : Sfu(v + Sfu(bias[j]));
            }
        }
        return Tensor.Float(x.Element, [s, n], y);
    }
}
