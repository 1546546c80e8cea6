using System.Collections.Immutable;
using System.Globalization;
using Pimcc.Ir;

namespace Pimcc.Reference;

/// <summary>
/// A concrete tensor the reference interpreter computes with: element type, shape, and row-major
/// data. Float types (f32, f16, bf16) hold float32 values in <see cref="Floats"/> (f16/bf16 values
/// already rounded to their type); integer types (i64, i32, i8, i4, i1, tern) hold <see cref="Ints"/>;
/// bool holds <see cref="Bools"/>. Exactly one of the three arrays is non-null.
/// </summary>
public sealed class Tensor
{
    private Tensor(ElementType element, long[] shape, float[]? floats, long[]? ints, bool[]? bools)
    {
        Element = element;
        Shape = shape;
        Floats = floats;
        Ints = ints;
        Bools = bools;
    }

    public ElementType Element { get; }
    public long[] Shape { get; }
    public float[]? Floats { get; }
    public long[]? Ints { get; }
    public bool[]? Bools { get; }

    public int Rank => Shape.Length;
    public long Length => Count(Shape);

    public static Tensor Float(ElementType element, long[] shape, float[] data)
    {
        if (!element.IsFloat()) throw new ArgumentException($"{element.Name()} is not a float type", nameof(element));
        CheckLength(shape, data.Length);
        if (element != ElementType.F32)
            for (var i = 0; i < data.Length; i++) data[i] = FloatRounding.Round(element, data[i]);
        return new Tensor(element, shape, data, null, null);
    }

    public static Tensor F32(long[] shape, params float[] data) => Float(ElementType.F32, shape, data);

    public static Tensor Int(ElementType element, long[] shape, long[] data)
    {
        if (element.IsFloat() || element == ElementType.Bool) throw new ArgumentException($"{element.Name()} is not an integer type", nameof(element));
        CheckLength(shape, data.Length);
        for (var i = 0; i < data.Length; i++) data[i] = IntegerRange.Wrap(element, data[i]);
        return new Tensor(element, shape, null, data, null);
    }

    public static Tensor I64(long[] shape, params long[] data) => Int(ElementType.I64, shape, data);

    public static Tensor Bool(long[] shape, bool[] data)
    {
        CheckLength(shape, data.Length);
        return new Tensor(ElementType.Bool, shape, null, null, data);
    }

    /// <summary>A tensor of the given type filled with zeros (false).</summary>
    public static Tensor Zeros(ElementType element, long[] shape)
    {
        var n = Elements(shape, "reference interpreter", "a zero-filled tensor");
        return element.IsFloat() ? new Tensor(element, shape, new float[n], null, null)
            : element == ElementType.Bool ? new Tensor(element, shape, null, null, new bool[n])
            : new Tensor(element, shape, null, new long[n], null);
    }

    /// <summary>Element <paramref name="i"/> (row-major) as a double: the common currency of conversions.</summary>
    public double GetDouble(long i) =>
        Floats is not null ? Floats[i] : Ints is not null ? Ints[i] : Bools![i] ? 1 : 0;

    /// <summary>Element <paramref name="i"/> as an integer (floats truncate toward zero).</summary>
    public long GetLong(long i) =>
        Ints is not null ? Ints[i] : Bools is not null ? (Bools[i] ? 1 : 0) : (long)Floats![i];

    /// <summary>Same data, new shape (element count must match).</summary>
    public Tensor Reshaped(long[] shape)
    {
        CheckLength(shape, Length);
        return new Tensor(Element, shape, Floats, Ints, Bools);
    }

    /// <summary>All elements as longs (for shape-like operands: Reshape shape, Slice starts, axes...).</summary>
    public long[] ToLongs()
    {
        var r = new long[Length];
        for (var i = 0; i < r.Length; i++) r[i] = GetLong(i);
        return r;
    }

    public static long Count(IReadOnlyList<long> shape)
    {
        long n = 1;
        foreach (var d in shape) n = checked(n * d);
        return n;
    }

    /// <summary>The elements an array of <paramref name="shape"/> holds, or <see cref="ExitCode.SizeOverflow"/> naming
    /// <paramref name="what"/> (at <paramref name="location"/>) when no array can hold them.</summary>
    public static int Elements(IReadOnlyList<long> shape, string location, string what)
    {
        var n = 1.0;
        foreach (var d in shape) n *= d;
        return n <= Array.MaxLength ? (int)n
            : throw new Pimcc.Diagnostics.PimccError(Pimcc.Diagnostics.ExitCode.SizeOverflow, location,
                string.Create(CultureInfo.InvariantCulture, $"{what} [{string.Join(",", shape)}] has {n:G4} elements, more than a tensor holds ({Array.MaxLength:N0})"),
                "use fewer positions (--prompt-tokens, --gen-tokens, eval's --window)");
    }

    /// <summary>Row-major strides of a shape.</summary>
    public static long[] Strides(IReadOnlyList<long> shape)
    {
        var s = new long[shape.Count];
        long acc = 1;
        for (var i = shape.Count - 1; i >= 0; i--)
        {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    private static void CheckLength(long[] shape, long length)
    {
        if (shape.Any(d => d < 0)) throw new ArgumentException($"negative dimension in [{string.Join(",", shape)}]");
        if (Count(shape) != length)
            throw new ArgumentException($"shape [{string.Join(",", shape)}] needs {Count(shape)} elements, data has {length}");
    }

    public string ShapeText => "[" + string.Join(",", Shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

    public override string ToString() => Element.Name() + ShapeText;

    public ImmutableArray<long> ShapeArray => [.. Shape];
}

public static class TensorExtensions
{
    /// <summary>The same float values re-stored as <paramref name="element"/> (rounded); a copy unless already that type.</summary>
    public static Tensor WithElement(this Tensor t, ElementType element) =>
        t.Element == element ? t : Tensor.Float(element, t.Shape, (float[])(t.Floats ?? throw new ArgumentException($"{t} is not a float tensor")).Clone());
}
