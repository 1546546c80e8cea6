using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Pimcc.Ir;

/// <summary>
/// An integer expression linear in named symbols: <c>c + a*x + b*y</c>. Used for tensor dimensions
/// (<c>seq</c>, <c>kv+1</c>), position offsets and cost annotations (<c>1536*kv+1536</c>).
/// Immutable; terms are kept sorted by symbol name so printing is deterministic.
/// </summary>
public sealed class SymExpr : IEquatable<SymExpr>
{
    public static readonly SymExpr Zero = new(0, ImmutableSortedDictionary<string, long>.Empty);

    private SymExpr(long constant, ImmutableSortedDictionary<string, long> terms)
    {
        Constant = constant;
        Terms = terms;
    }

    public long Constant { get; }

    /// <summary>Symbol -> coefficient; never holds a zero coefficient.</summary>
    public ImmutableSortedDictionary<string, long> Terms { get; }

    public bool IsConstant => Terms.IsEmpty;

    public static SymExpr Const(long value) => new(value, ImmutableSortedDictionary<string, long>.Empty);

    public static SymExpr Sym(string name, long coefficient = 1) =>
        coefficient == 0 ? Zero : new(0, ImmutableSortedDictionary<string, long>.Empty.Add(name, coefficient));

    public static implicit operator SymExpr(long value) => Const(value);

    public static SymExpr operator +(SymExpr a, SymExpr b)
    {
        var terms = a.Terms.ToBuilder();
        foreach (var (sym, coef) in b.Terms)
        {
            var sum = checked((terms.TryGetValue(sym, out var c) ? c : 0) + coef);
            if (sum == 0) terms.Remove(sym); else terms[sym] = sum;
        }
        return new SymExpr(checked(a.Constant + b.Constant), terms.ToImmutable());
    }

    public static SymExpr operator -(SymExpr a, SymExpr b) => a + b * -1;

    public static SymExpr operator *(SymExpr a, long k)
    {
        if (k == 0) return Zero;
        var terms = a.Terms.ToImmutableSortedDictionary(t => t.Key, t => checked(t.Value * k));
        return new SymExpr(checked(a.Constant * k), terms);
    }

    /// <summary>Product; defined when at least one side is constant (the IR stays linear).</summary>
    public static SymExpr operator *(SymExpr a, SymExpr b)
    {
        if (b.IsConstant) return a * b.Constant;
        if (a.IsConstant) return b * a.Constant;
        throw new NonLinearException($"product ({a})*({b}) is not linear; bind the workload first");
    }

    public static bool TryMultiply(SymExpr a, SymExpr b, out SymExpr product)
    {
        if (a.IsConstant || b.IsConstant) { product = a * b; return true; }
        product = Zero;
        return false;
    }

    /// <summary>Substitutes the given symbols; symbols not in <paramref name="bindings"/> stay symbolic.</summary>
    public SymExpr Substitute(IReadOnlyDictionary<string, long> bindings)
    {
        var result = Const(Constant);
        foreach (var (sym, coef) in Terms)
            result += bindings.TryGetValue(sym, out var v) ? Const(checked(coef * v)) : Sym(sym, coef);
        return result;
    }

    /// <summary>Value with every symbol bound; throws if a symbol is missing.</summary>
    public long Evaluate(IReadOnlyDictionary<string, long> bindings)
    {
        var e = Substitute(bindings);
        if (!e.IsConstant) throw new NonLinearException($"unbound symbol(s) in '{this}'");
        return e.Constant;
    }

    public IEnumerable<string> Symbols => Terms.Keys;

    public override string ToString()
    {
        if (IsConstant) return Constant.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        foreach (var (sym, coef) in Terms)
        {
            if (sb.Length > 0) sb.Append(coef < 0 ? '-' : '+');
            else if (coef < 0) sb.Append('-');
            if (coef is not (1 or -1)) sb.Append(Magnitude(coef)).Append('*');
            sb.Append(IrNames.QuoteSymbol(sym));
        }
        if (Constant != 0)
            sb.Append(Constant < 0 ? '-' : '+').Append(Magnitude(Constant));
        return sb.ToString();
    }

    // Math.Abs(long.MinValue) overflows; the digits of the printed value do not.
    private static string Magnitude(long v) => v.ToString(CultureInfo.InvariantCulture).TrimStart('-');

    public bool Equals(SymExpr? other) =>
        other is not null && Constant == other.Constant && Terms.Count == other.Terms.Count &&
        Terms.All(t => other.Terms.TryGetValue(t.Key, out var c) && c == t.Value);

    public override bool Equals(object? obj) => obj is SymExpr e && Equals(e);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Constant);
        foreach (var (k, v) in Terms) { h.Add(k, StringComparer.Ordinal); h.Add(v); }
        return h.ToHashCode();
    }

    public static bool operator ==(SymExpr? a, SymExpr? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(SymExpr? a, SymExpr? b) => !(a == b);
}

/// <summary>Raised when an expression would leave the linear fragment or still has unbound symbols.</summary>
public sealed class NonLinearException(string message) : Exception(message);
