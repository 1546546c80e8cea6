using System.Buffers.Binary;
using System.Collections.Immutable;
using Pimcc.Ir;

namespace Pimcc.Compiler.Quantization;

/// <summary>A weight matrix quantised to one bit per weight (codes in {-1, +1} or {-1, 0, +1}) and its per-matrix scale: w ≈ Scale · code.</summary>
public sealed record OneBitMatrix(sbyte[] Codes, double Scale)
{
    /// <summary>Share of zero codes (ternary sparsity).</summary>
    public double ZeroFraction => Codes.Length == 0 ? 0 : Codes.Count(c => c == 0) / (double)Codes.Length;
}

/// <summary>
/// 1-bit weight quantisation as BitNet does it, shared by the targets that hold 1-bit weights:
/// <list type="bullet">
/// <item>binary (BitNet, Wang et al. 2023, eq. 1-3): code = Sign(W - α) with α the mean of W (Sign(0) = -1),
/// scale β = mean |W|;</item>
/// <item>ternary (BitNet b1.58, Ma et al. 2024, eq. 1-3): scale γ = mean |W| (at least 1e-5, as the reference
/// implementation clamps it), code = RoundClip(W / γ, -1, 1) with round half to even (torch.round).</item>
/// </list>
/// Packing follows the IR's sub-byte storage (least significant bits first): i1 holds bit 1 for +1 and 0 for -1;
/// tern holds 2-bit two's-complement codes.
/// </summary>
public static class OneBitQuantization
{
    /// <summary>The smallest ternary scale (BitNet b1.58 reference: clamp(min=1e-5)).</summary>
    public const double MinTernaryScale = 1e-5;

    public static OneBitMatrix Binary(ReadOnlySpan<float> w)
    {
        if (w.IsEmpty) return new([], 0);
        double sum = 0, abs = 0;
        foreach (var v in w) { sum += v; abs += Math.Abs(v); }
        var alpha = sum / w.Length;
        var codes = new sbyte[w.Length];
        for (var i = 0; i < w.Length; i++) codes[i] = w[i] - alpha > 0 ? (sbyte)1 : (sbyte)-1;
        return new(codes, abs / w.Length);
    }

    public static OneBitMatrix Ternary(ReadOnlySpan<float> w)
    {
        if (w.IsEmpty) return new([], MinTernaryScale);
        double abs = 0;
        foreach (var v in w) abs += Math.Abs(v);
        var gamma = Math.Max(abs / w.Length, MinTernaryScale);
        var codes = new sbyte[w.Length];
        for (var i = 0; i < w.Length; i++) codes[i] = (sbyte)Math.Clamp(Math.Round(w[i] / gamma, MidpointRounding.ToEven), -1, 1);
        return new(codes, gamma);
    }

    /// <summary>Codes in the IR storage of <paramref name="element"/> (i1 or tern).</summary>
    public static ImmutableArray<byte> Pack(ElementType element, ReadOnlySpan<sbyte> codes)
    {
        var bits = element switch
        {
            ElementType.I1 => 1,
            ElementType.Ternary => 2,
            _ => throw new ArgumentException($"{element} is not a 1-bit weight type"),
        };
        var bytes = new byte[((long)codes.Length * bits + 7) / 8];
        for (var i = 0; i < codes.Length; i++)
        {
            var c = codes[i];
            var field = bits == 1
                ? c switch { 1 => 1, -1 => 0, _ => throw new ArgumentException("a binary code must be -1 or +1") }
                : c switch { 1 => 1, 0 => 0, -1 => 3, _ => throw new ArgumentException("a ternary code must be -1, 0 or +1") };
            var bit = (long)i * bits;
            bytes[bit / 8] |= (byte)(field << (int)(bit % 8));
        }
        return [.. bytes];
    }

    /// <summary>The values of a floating-point weight's data (f32, f16, bf16; little-endian, row-major).</summary>
    public static float[] ReadFloats(Weight w)
    {
        var data = w.Data.AsSpan();
        var n = checked((int)w.Type.ElementCount.Constant);
        var values = new float[n];
        for (var i = 0; i < n; i++)
            values[i] = w.Type.Element switch
            {
                ElementType.F32 => BinaryPrimitives.ReadSingleLittleEndian(data[(4 * i)..]),
                ElementType.F16 => (float)BinaryPrimitives.ReadHalfLittleEndian(data[(2 * i)..]),
                ElementType.BF16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(data[(2 * i)..]) << 16),
                _ => throw new ArgumentException($"weight {w.Name} is {w.Type.Element.Name()}, not floating point"),
            };
        return values;
    }
}

/// <summary>
/// Activations in b bits, absmax per token (BitNet eq. 4): per row, γ = max |x|, q = Clip(Round(x · Q / γ), -Q, Q - 1)
/// with Q = 2^(b-1); x ≈ q · γ / Q. A row of zeros quantises to zeros.
/// </summary>
public static class ActivationQuantization
{
    public static (int[] Codes, double Scale) AbsmaxPerToken(ReadOnlySpan<float> row, int bits)
    {
        var q = 1 << (bits - 1);
        double gamma = 0;
        foreach (var v in row) gamma = Math.Max(gamma, Math.Abs(v));
        var codes = new int[row.Length];
        if (gamma == 0) return (codes, 0);
        for (var i = 0; i < row.Length; i++)
            codes[i] = (int)Math.Clamp(Math.Round(row[i] * q / gamma, MidpointRounding.ToEven), -q, q - 1);
        return (codes, gamma / q);
    }
}
