using System.Globalization;
using System.Text;

namespace Pimcc.Frontends.Onnx.Shapes;

/// <summary>
/// A tensor dimension as a linear expression over named symbols: <c>c + Σ kᵢ·symbolᵢ</c>, e.g.
/// <c>7</c>, <c>seq</c>, <c>past_seq + 1</c>. Symbols are graph-input dim_params; a dimension
/// inference cannot express gets a fresh symbol starting with '?' (see <see cref="IsResolved"/>).
/// Immutable; terms are kept in ordinal symbol order, so equal expressions print identically.
/// </summary>
public sealed class DimExpr : IEquatable<DimExpr>
{
    private readonly (string Symbol, long Coefficient)[] terms;

    private DimExpr(long constant, (string, long)[] terms)
    {
        Constant = constant;
        this.terms = terms;
    }

    public long Constant { get; }
    public IReadOnlyList<(string Symbol, long Coefficient)> Terms => terms;

    public static DimExpr Of(long value) => new(value, []);
    public static DimExpr Symbol(string name) => new(0, [(name, 1)]);

    /// <summary>A dimension nothing is known about, named after where it arose.</summary>
    public static DimExpr Unknown(string origin) => Symbol("?" + origin);

    public bool IsConstant => terms.Length == 0;

    /// <summary>False when some part of this expression is a '?' symbol inference could not resolve.</summary>
    public bool IsResolved => terms.All(t => !t.Symbol.StartsWith('?'));

    public long? TryConstant => IsConstant ? Constant : null;

    /// <summary>
    /// True when this cannot be zero, given that every symbol stands for a dimension size (>= 0):
    /// a nonzero constant with all coefficients of the same sign (e.g. past_seq + 1 vs -1 in the
    /// Equal(shape, -1) tests exporters emit for Expand).
    /// </summary>
    public bool KnownNonZero() =>
        Constant != 0 && terms.All(t => Math.Sign(t.Coefficient) == Math.Sign(Constant));

    public static DimExpr operator +(DimExpr a, DimExpr b) => Combine(a, b, 1);
    public static DimExpr operator -(DimExpr a, DimExpr b) => Combine(a, b, -1);

    /// <summary>Product, when one side is a constant (the result stays linear); null otherwise.</summary>
    public static DimExpr? Multiply(DimExpr a, DimExpr b)
    {
        if (b.IsConstant) return a.Scale(b.Constant);
        if (a.IsConstant) return b.Scale(a.Constant);
        return null;
    }

    /// <summary>Exact division by a constant (every coefficient divisible); null otherwise.</summary>
    public DimExpr? DivideExactly(long divisor)
    {
        if (divisor == 0 || Constant % divisor != 0 || terms.Any(t => t.Coefficient % divisor != 0))
            return null;
        return new DimExpr(Constant / divisor, terms.Select(t => (t.Symbol, t.Coefficient / divisor)).ToArray());
    }

    /// <summary>Value with every symbol bound (null when a symbol is missing from <paramref name="bindings"/>).</summary>
    public long? Evaluate(IReadOnlyDictionary<string, long> bindings)
    {
        var v = Constant;
        foreach (var (s, k) in terms)
        {
            if (!bindings.TryGetValue(s, out var x)) return null;
            v += k * x;
        }
        return v;
    }

    private DimExpr Scale(long k) =>
        k == 0 ? Of(0) : new DimExpr(Constant * k, terms.Select(t => (t.Symbol, t.Coefficient * k)).ToArray());

    private static DimExpr Combine(DimExpr a, DimExpr b, long sign)
    {
        var sum = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (s, k) in a.terms) sum[s] = k;
        foreach (var (s, k) in b.terms) sum[s] = sum.GetValueOrDefault(s) + sign * k;
        return new DimExpr(a.Constant + sign * b.Constant, sum.Where(p => p.Value != 0).Select(p => (p.Key, p.Value)).ToArray());
    }

    public bool Equals(DimExpr? other) =>
        other is not null && Constant == other.Constant && terms.AsSpan().SequenceEqual(other.terms);

    public override bool Equals(object? obj) => Equals(obj as DimExpr);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Constant);
        foreach (var t in terms) { h.Add(t.Symbol, StringComparer.Ordinal); h.Add(t.Coefficient); }
        return h.ToHashCode();
    }

    public override string ToString()
    {
        if (IsConstant) return Constant.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        foreach (var (s, k) in terms)
        {
            if (sb.Length == 0) sb.Append(k < 0 ? "-" : "");
            else sb.Append(k < 0 ? " - " : " + ");
            var abs = Math.Abs(k);
            if (abs != 1) sb.Append(abs.ToString(CultureInfo.InvariantCulture)).Append('*');
            sb.Append(s);
        }
        if (Constant != 0)
            sb.Append(Constant < 0 ? " - " : " + ").Append(Math.Abs(Constant).ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
