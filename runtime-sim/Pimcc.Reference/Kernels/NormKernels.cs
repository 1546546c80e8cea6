namespace Pimcc.Reference.Kernels;

/// <summary>Normalisations and softmax, in float32.</summary>
public static class NormKernels
{
    /// <summary>
    /// Layer normalisation over the trailing axes from <paramref name="axis"/>:
    /// y = (x − mean)/√(var + eps)·scale + bias with the biased variance. scale and bias broadcast
    /// to x's shape (IR <c>layer_norm</c>: [D] vectors, axis −1; ONNX LayerNormalization). Also
    /// returns the mean and 1/√(var + eps) per normalised group (ONNX's optional outputs).
    /// </summary>
    public static (Tensor Y, float[] Mean, float[] InvStd) LayerNorm(OpContext ctx, Tensor x, int axis, Tensor? scale, Tensor? bias, double eps, bool rms)
    {
        var xf = MatrixKernels.Floats(ctx, x);
        long inner = 1;
        for (var d = axis; d < x.Rank; d++) inner *= x.Shape[d];
        var groups = inner == 0 ? 0 : x.Length / inner;
        var y = new float[x.Length];
        var means = new float[groups];
        var invStds = new float[groups];
        for (long g = 0; g < groups; g++)
        {
            var o = g * inner;
            var mean = 0f;
            if (!rms)
            {
                for (long i = 0; i < inner; i++) mean += xf[o + i];
                mean /= inner;
            }
            var variance = 0f;
            for (long i = 0; i < inner; i++)
            {
                var c = xf[o + i] - mean;
                variance += c * c;
            }
            variance /= inner;
            var invStd = (float)(1 / Math.Sqrt(variance + eps));
            means[g] = mean;
            invStds[g] = invStd;
            for (long i = 0; i < inner; i++) y[o + i] = (xf[o + i] - mean) * invStd;
        }
        // Stay in float32 through scale and shift; round to the input's type once, on store.
        var result = Tensor.F32(x.Shape, y);
        if (scale is not null) result = ElementWise.Binary(ctx, result, scale, (a, b) => a * b, null);
        if (bias is not null) result = ElementWise.Binary(ctx, result, bias, (a, b) => a + b, null);
        if (!result.Shape.SequenceEqual(x.Shape)) throw ctx.Error($"scale/bias do not broadcast to the input shape {x.ShapeText}");
        return (result.WithElement(x.Element), means, invStds);
    }

    /// <summary>softmax along one axis: exp(x − max)/Σ exp(x − max).</summary>
    public static Tensor Softmax(OpContext ctx, Tensor x, int axis)
    {
        var xf = MatrixKernels.Floats(ctx, x);
        long outer = 1, inner = 1, n = x.Shape[axis];
        for (var d = 0; d < axis; d++) outer *= x.Shape[d];
        for (var d = axis + 1; d < x.Rank; d++) inner *= x.Shape[d];
        var y = new float[x.Length];
        for (long a = 0; a < outer; a++)
            for (long b = 0; b < inner; b++)
            {
                var o = a * n * inner + b;
                var max = float.NegativeInfinity;
                for (long i = 0; i < n; i++) max = Math.Max(max, xf[o + i * inner]);
                var sum = 0f;
                for (long i = 0; i < n; i++) sum += y[o + i * inner] = MathF.Exp(xf[o + i * inner] - max);
                for (long i = 0; i < n; i++) y[o + i * inner] /= sum;
            }
        return Tensor.Float(x.Element, x.Shape, y);
    }
}
