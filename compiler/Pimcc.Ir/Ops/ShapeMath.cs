using System.Collections.Immutable;

namespace Pimcc.Ir.Ops;

/// <summary>Shared arithmetic for type inference and costs.</summary>
public static class ShapeMath
{
    /// <summary>Storage bytes of a tensor as a (possibly symbolic) expression.</summary>
    public static SymExpr Bytes(TensorType t)
    {
        var n = t.ElementCount;
        var bits = t.Element.Bits();
        if (bits % 8 == 0) return n * (bits / 8);
        if (n.IsConstant) return (n.Constant * bits + 7) / 8;
        throw new NonLinearException($"sub-byte tensor {t} with symbolic shape");
    }

    public static SymExpr Bytes(IEnumerable<TensorType> ts) => ts.Aggregate(SymExpr.Zero, (acc, t) => acc + Bytes(t));

    /// <summary>True when the expression is the constant 1 (a single row: GEMV rather than GEMM).</summary>
    public static bool IsOne(SymExpr e) => e.IsConstant && e.Constant == 1;

    /// <summary>NumPy-style broadcast of two shapes; throws <see cref="IrTypeException"/> when incompatible.</summary>
    public static ImmutableArray<SymExpr> Broadcast(OpSignature s, ImmutableArray<SymExpr> a, ImmutableArray<SymExpr> b)
    {
        var rank = Math.Max(a.Length, b.Length);
        var result = new SymExpr[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i < rank - a.Length ? SymExpr.Const(1) : a[i - (rank - a.Length)];
            var db = i < rank - b.Length ? SymExpr.Const(1) : b[i - (rank - b.Length)];
            if (da == db || IsOne(db)) result[i] = da;
            else if (IsOne(da)) result[i] = db;
            else throw s.Error($"shapes [{string.Join(",", a)}] and [{string.Join(",", b)}] do not broadcast");
        }
        return [.. result];
    }

    public static void ExpectRank(OpSignature s, int operand, int rank)
    {
        if (s[operand].Rank != rank)
            throw s.Error($"operand {operand} must have rank {rank}, has {s[operand]}");
    }

    public static void ExpectDim(OpSignature s, SymExpr actual, SymExpr expected, string what)
    {
        if (actual != expected)
            throw s.Error($"{what} is {actual}, expected {expected}");
    }

    public static void ExpectSameElement(OpSignature s)
    {
        for (var i = 1; i < s.Count; i++)
            if (s[i].Element != s[0].Element)
                throw s.Error($"operand {i} has element type {s[i].Element.Name()}, expected {s[0].Element.Name()}");
    }

    public static ImmutableArray<TensorType> One(TensorType t) => [t];
}
