using System.Numerics;
using Pimcc.Compiler.Quantization;
using Pimcc.Ir;
using Pimcc.Reference;
using Pimcc.Reference.Kernels;

namespace Pimcc.Accuracy;

/// <summary>
/// The reference interpreter's arithmetic through a <see cref="QuantisationPlan"/>: each planned linear runs as
/// <list type="number">
/// <item>input rows quantised absmax per token (<see cref="ActivationQuantization"/>), when the plan gives input bits;</item>
/// <item>the weight rounded to its format, then multiplied element-wise by (1 + η) with its cell group's σ (one draw
/// per weight and <see cref="NoiseSeed"/>; no noise when the seed is null);</item>
/// <item>per cell group and per tile of <see cref="LinearPlan.TileRows"/> inputs, the partial sums of each token
/// quantised by the group's ADC (the same absmax-per-token quantiser at the ADC's bits: the converter's full scale
/// follows the token's largest partial sum), then added in float in tile order, and the bias added.</item>
/// </list>
/// Attention's Q, K and V are quantised absmax per token at the plan's attention bits before the attention kernel (so
/// the KV cache holds quantised rows). Every other op runs its own kernel.
/// </summary>
public sealed class QuantisedReference : IReferenceTransform
{
    private readonly QuantisationPlan _plan;
    private readonly Dictionary<string, float[]> _columns = new(StringComparer.Ordinal);

    /// <param name="noiseSeed">Seed of this draw of device noise; null runs without noise.</param>
    public QuantisedReference(QuantisationPlan plan, ulong? noiseSeed)
    {
        _plan = plan;
        NoiseSeed = noiseSeed;
    }

    public ulong? NoiseSeed { get; }

    public Tensor[]? Execute(OpContext ctx)
    {
        var op = ctx.Op;
        if (op.Opcode == "linear" && op.Operands.Length >= 2 && op.Operands[1].Kind == OperandKind.Weight
            && _plan.Linears.TryGetValue(op.Operands[1].Name, out var linear) && !(linear.IsIdentity && NoiseSeed is null))
            return [Linear(ctx, linear)];
        if (op.Opcode == "attention" && _plan.AttentionBits is { } bits)
        {
            var args = (Tensor[])ctx.Args.Clone();
            for (var i = 0; i < 3; i++) args[i] = QuantiseRows(ctx, args[i], bits);
            return ReferenceInterpreter.Kernel(ctx.WithArgs(args));
        }
        return null;
    }

    private Tensor Linear(OpContext ctx, LinearPlan plan)
    {
        var x = ctx[0];
        var w = ctx[1];
        var b = ctx.Optional(2);
        if (x.Rank != 2 || w.Rank != 2 || x.Shape[1] != w.Shape[1] || x.Floats is null)
            throw ctx.Error($"linear needs x[S,K] and w[N,K]; got {x.ShapeText} and {w.ShapeText}");
        long s = x.Shape[0], k = x.Shape[1], n = w.Shape[0];
        var xs = plan.InputBits is { } inBits ? QuantiseRows(ctx, x, inBits).Floats! : x.Floats;
        var wt = WeightColumns(plan, w, (int)n, (int)k);
        var bias = b?.Floats;
        var y = new float[s * n];
        var partial = new float[n];
        for (long i = 0; i < s; i++)
        {
            var row = i * n;
            foreach (var g in plan.Groups)
            {
                // The group's outputs and inputs: a run of output rows (all inputs), or a run of inputs (all outputs).
                var (o0, o1, k0, k1) = plan.Axis == SplitAxis.Outputs ? (g.Start, g.Start + g.Count, 0L, k) : (0L, n, g.Start, g.Start + g.Count);
                var tile = g.AdcBits is null ? Math.Max(1, k1 - k0) : plan.TileRows;
                var outputs = partial.AsSpan((int)o0, (int)(o1 - o0));
                for (var t0 = k0; t0 < k1; t0 += tile)
                {
                    var t1 = Math.Min(k1, t0 + tile);
                    outputs.Clear();
                    for (var t = t0; t < t1; t++)
                        MultiplyAdd(outputs, xs[i * k + t], wt.AsSpan((int)(t * n + o0), outputs.Length));
                    if (g.AdcBits is { } adc) Quantise(outputs, adc);
                    for (var j = o0; j < o1; j++) y[row + j] += partial[j];
                }
            }
            if (bias is not null)
                for (var j = 0; j < n; j++) y[row + j] += bias[j];
        }
        return Tensor.Float(x.Element, [s, n], y);
    }

    /// <summary>
    /// <paramref name="sums"/>[j] += <paramref name="x"/> * <paramref name="column"/>[j], a vector of outputs at a time:
    /// each output still sums its products in input order, a multiply then an add (no fused multiply-add), so every
    /// sum is the one a dot product per output, input by input, gives, to the bit.
    /// </summary>
    private static void MultiplyAdd(Span<float> sums, float x, ReadOnlySpan<float> column)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var xv = new Vector<float>(x);
            for (; j <= sums.Length - Vector<float>.Count; j += Vector<float>.Count)
            {
                var slice = sums[j..];
                (new Vector<float>(slice) + xv * new Vector<float>(column[j..])).CopyTo(slice);
            }
        }
        for (; j < sums.Length; j++) sums[j] += x * column[j];
    }

    /// <summary>The weight as this run holds it (<see cref="WeightValues"/>), transposed: input t's weights to the
    /// outputs at [t * rows, (t + 1) * rows), so one input's products to a run of outputs are contiguous (cached per weight).</summary>
    private float[] WeightColumns(LinearPlan plan, Tensor w, int rows, int columns)
    {
        if (_columns.TryGetValue(plan.Weight, out var cached)) return cached;
        var held = WeightValues(plan, w, rows, columns);
        var transposed = new float[held.Length];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++) transposed[(long)c * rows + r] = held[(long)r * columns + c];
        return _columns[plan.Weight] = transposed;
    }

    /// <summary>The weight as this run holds it: rounded to its format, then perturbed by its cells' noise.</summary>
    private float[] WeightValues(LinearPlan plan, Tensor w, int rows, int columns)
    {
        var values = w.Floats ?? [.. w.Ints!.Select(v => (float)v)];
        var held = WeightFormats.Round(plan.Format, values, rows, columns);
        if (NoiseSeed is { } seed)
        {
            var noise = new GaussianNoise(seed, plan.Weight);
            foreach (var g in plan.Groups)
            {
                if (g.NoiseSigma == 0) continue;
                var (r0, r1, c0, c1) = plan.Axis == SplitAxis.Outputs ? (g.Start, g.Start + g.Count, 0L, (long)columns) : (0L, (long)rows, g.Start, g.Start + g.Count);
                for (var r = r0; r < r1; r++)
                    for (var c = c0; c < c1; c++)
                    {
                        var index = r * columns + c;
                        held[index] = (float)(held[index] * (1 + g.NoiseSigma * noise.At(index)));
                    }
            }
        }
        return held;
    }

    private static Tensor QuantiseRows(OpContext ctx, Tensor t, int bits)
    {
        var data = (float[])(t.Floats ?? throw ctx.Error($"operand {t} must be a float tensor")).Clone();
        var width = t.Shape[^1];
        for (long r = 0; r < data.Length; r += width) Quantise(data.AsSpan((int)r, (int)width), bits);
        return Tensor.Float(t.Element, t.Shape, data);
    }

    /// <summary>Rounds <paramref name="row"/> in place to <paramref name="bits"/> bits, absmax over the row (BitNet eq. 4).</summary>
    internal static void Quantise(Span<float> row, int bits)
    {
        var (codes, scale) = ActivationQuantization.AbsmaxPerToken(row, bits);
        for (var i = 0; i < row.Length; i++) row[i] = (float)(codes[i] * scale);
    }
}
